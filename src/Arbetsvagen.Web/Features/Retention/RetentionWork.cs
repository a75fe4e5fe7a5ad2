using Arbetsvagen.Core.AccessLog;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.Cases;
using Arbetsvagen.Features.Kaa;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Retention;

public sealed record RuleDto(RecordKind Kind, string KindLabel, int Years, RetentionTrigger Trigger, string Description, string ResearchSampleDays,
    string Note, List<RetentionTrigger> AllowedTriggers, DateTime UpdatedAt, string UpdatedBy);

public sealed class RuleInput
{
    public string? Kind { get; set; }
    public int? Years { get; set; }
    public string? Trigger { get; set; }
    public string? ResearchSampleDays { get; set; }
    public string? Note { get; set; }
}

public sealed class RulesInput
{
    public List<RuleInput>? Rules { get; set; }
}

/// <summary>A run's counts for one kind and organisation; the access log is one chain, counted once for all (<see cref="RetentionWork.WholeLog"/>).</summary>
public sealed record RunCountDto(RecordKind Kind, string KindLabel, Guid OrganisationId, string OrganisationName, int Listed, int Culled, int HeldLater,
    int KeptByHold, int KeptBySample);

/// <summary>
/// A run: <see cref="Total"/> and <see cref="Processed"/> count the items its batches work through (each case, record or
/// file, and the access log's beginning as one item); <see cref="Counts"/> count records (for the log, its rows).
/// </summary>
public sealed record RunDto(Guid Id, RunState State, string StateLabel, DateOnly AsOf, string Rules, string PreviewedBy, Guid PreviewedByUserId,
    DateTime PreviewedAt, string? ApprovedBy, DateTime? ApprovedAt, DateTime? FinishedAt, int Total, int Processed, int Percent, int Batches,
    long? LogKeepFrom, List<RunCountDto> Counts);

public sealed class LegalHoldInput
{
    public string? Reason { get; set; }
    public Guid? CaseId { get; set; }
}

public sealed record LegalHoldDto(Guid Id, Guid ParticipantId, Guid? CaseId, string Reason, DateTime PlacedAt, DateTime? LiftedAt);

/// <summary>
/// Culling (gallring, issue 12 §4): the rules, the preview that lists what would go, its approval by a named administrator
/// (execution is <see cref="RetentionExecutor"/>'s, in the background), and legal holds. Administrators only; a run covers
/// the administrator's organisation and its units. Logged with counts, never the culled content.
/// </summary>
public sealed class RetentionWork(AppDbContext db, CurrentUser user, AccessLogger log, TimeProvider clock, RetentionRunner runner)
{
    /// <summary>The organisation id of the access log's count: the log is one chain for all organisations (ADR 0027).</summary>
    public static readonly Guid WholeLog = Guid.Empty;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<Guid> Scope() =>
        db.Organisations.Where(o => o.Id == user.OrganisationId || o.ParentId == user.OrganisationId).Select(o => o.Id);

    // ------------------------------------------------------------------ rules

    public async Task<Outcome<List<RuleDto>>> RulesAsync(CancellationToken ct)
    {
        if (!user.IsAdministrator)
        {
            return Outcome.Forbidden("Bara administratörer ser gallringsreglerna.");
        }

        var rules = await db.Set<RetentionRule>().AsNoTracking().ToListAsync(ct);
        return rules.OrderBy(r => r.Kind).Select(Dto).ToList();
    }

    public async Task<Outcome<List<RuleDto>>> ChangeRulesAsync(RulesInput? input, CancellationToken ct)
    {
        if (!user.IsAdministrator)
        {
            return Outcome.Forbidden("Bara administratörer ändrar gallringsreglerna.");
        }

        var errors = new Dictionary<string, string[]>();
        var given = input?.Rules ?? [];
        if (given.Count == 0)
        {
            errors["rules"] = ["Ange minst en regel."];
        }

        var read = new List<(RecordKind Kind, int Years, RetentionTrigger Trigger, string Days, string Note)>();
        for (var i = 0; i < given.Count; i++)
        {
            var r = given[i];
            var field = $"rules[{i}]";
            if (!EnumText.TryParse<RecordKind>(r.Kind, out var kind))
            {
                errors[$"{field}.kind"] = [$"Okänd posttyp. Välj en av: {string.Join(", ", Enum.GetValues<RecordKind>().Select(k => $"{k} ({EnumText.Label(k)})"))}."];
                continue;
            }

            if (read.Any(x => x.Kind == kind))
            {
                errors[$"{field}.kind"] = [$"{EnumText.Label(kind)} finns redan med i ändringen."];
            }

            if (r.Years is not { } years || years is < 1 or > RetentionRule.MaxYears)
            {
                errors[$"{field}.years"] = [$"Gallringsfristen ska vara ett helt antal år från 1 till {RetentionRule.MaxYears}."];
                years = 0;
            }

            var allowed = RetentionRule.TriggersFor(kind);
            if (!EnumText.TryParse<RetentionTrigger>(r.Trigger, out var trigger) || !allowed.Contains(trigger))
            {
                errors[$"{field}.trigger"] = [$"Fristen för {EnumText.Label(kind).ToLowerInvariant()} räknas {string.Join(" eller ", allowed.Select(t => EnumText.Label(t)))}. Välj en av: {string.Join(", ", allowed)}."];
            }

            var days = RetentionRule.ParseDays(r.ResearchSampleDays);
            if (days is null)
            {
                errors[$"{field}.researchSampleDays"] = ["Forskningsurvalet anges som dagar i månaden (1–31) åtskilda med komma, till exempel 5, 15, 25."];
            }
            else if (days.Count > 0 && !RetentionRule.HasResearchSample(kind))
            {
                errors[$"{field}.researchSampleDays"] = [$"{EnumText.Label(kind)} har inga personer att göra forskningsurval bland. Lämna fältet tomt."];
            }

            var note = (r.Note ?? "").Trim();
            if (note.Length > RetentionRule.MaxNote)
            {
                errors[$"{field}.note"] = [$"Anteckningen får vara högst {RetentionRule.MaxNote} tecken."];
            }

            read.Add((kind, years, trigger, string.Join(", ", (days ?? []).Order()), note));
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var name = await DisplayNameAsync(ct);
        var rules = await db.Set<RetentionRule>().ToListAsync(ct);
        foreach (var r in read)
        {
            if (rules.FirstOrDefault(x => x.Kind == r.Kind) is { } rule)
            {
                rule.Change(r.Years, r.Trigger, r.Days, r.Note, name, Now);
            }
            else
            {
                rule = RetentionRule.Create(r.Kind, r.Years, r.Trigger, r.Days, r.Note, name, Now);
                db.Add(rule);
                rules.Add(rule);
            }

            log.Add(AccessAction.Update, "RetentionRule", null, purpose: $"gallringsregel {r.Kind}: {rule.Describe()}, forskningsurval [{r.Days}]");
        }

        await db.SaveChangesAsync(ct);
        return rules.OrderBy(r => r.Kind).Select(Dto).ToList();
    }

    private static RuleDto Dto(RetentionRule r) => new(r.Kind, EnumText.Label(r.Kind), r.Years, r.Trigger, r.Describe(), r.ResearchSampleDays, r.Note,
        [.. RetentionRule.TriggersFor(r.Kind)], r.UpdatedAt, r.UpdatedByName);

    // ------------------------------------------------------------------ runs

    /// <summary>
    /// Applies the rules today to the administrator's organisation and lists every record that would go, per kind and
    /// organisation; records under a legal hold or in a research sample are counted as kept. Nothing is culled yet.
    /// </summary>
    public async Task<Outcome<RunDto>> PreviewAsync(CancellationToken ct)
    {
        if (!user.IsAdministrator)
        {
            await log.RecordAsync(AccessAction.Denied, "RetentionRun", null, purpose: "gallring utan behörighet", ct: ct);
            return Outcome.Forbidden("Bara administratörer gallrar.");
        }

        var rules = await db.Set<RetentionRule>().AsNoTracking().ToListAsync(ct);
        var asOf = SwedishTime.Today(Now);
        var run = RetentionRun.Preview(user.OrganisationId, asOf, string.Join("\n", rules.OrderBy(r => r.Kind).Select(r =>
            $"{EnumText.Label(r.Kind)}: {r.Describe()}{(r.ResearchSampleDays.Length > 0 ? $", forskningsurval födda dag {r.ResearchSampleDays}" : "")}{(r.Kind == RecordKind.AccessLog ? " (loggens början, för alla organisationer)" : "")}")),
            user.Id, await DisplayNameAsync(ct), Now);
        db.Add(run);

        var scope = await Scope().ToListAsync(ct);
        var holds = await db.Set<LegalHold>().AsNoTracking().Where(h => h.LiftedAt == null).Select(h => new { h.ParticipantId, h.CaseId }).ToListAsync(ct);
        var heldParticipants = holds.Where(h => h.CaseId == null).Select(h => h.ParticipantId).ToHashSet();
        var heldCases = holds.Where(h => h.CaseId != null).Select(h => h.CaseId!.Value).ToHashSet();
        var heldIds = await db.Participants.AsNoTracking().Where(p => heldParticipants.Contains(p.Id)).Select(p => p.IdentityNumber).ToListAsync(ct);
        var heldNumbers = heldIds.ToHashSet();

        var counts = new Dictionary<(RecordKind, Guid), RetentionRunCount>();
        RetentionRunCount Count(RecordKind kind, Guid organisationId) =>
            counts.TryGetValue((kind, organisationId), out var c) ? c : counts[(kind, organisationId)] = RetentionRunCount.Of(run.Id, kind, organisationId);
        var items = new List<RetentionRunItem>();

        foreach (var rule in rules)
        {
            if (rule.Kind == RecordKind.AccessLog)
            {
                await PreviewLogAsync(rule, run, asOf, holds.Select(h => h.ParticipantId).ToHashSet(), Count(rule.Kind, WholeLog), items, ct);
                continue;
            }

            var sample = rule.SampleDays();
            foreach (var c in await CandidatesAsync(rule, scope, asOf, ct))
            {
                var held = (c.ParticipantId is { } p && heldParticipants.Contains(p)) || heldCases.Contains(c.Id)
                    || (c.IdentityNumber is { } n && heldNumbers.Contains(n));
                var sampled = !held && c.Born is { } born && sample.Contains(born.Day);
                Count(rule.Kind, c.OrganisationId).Add(held || sampled ? 0 : 1, held ? 1 : 0, sampled ? 1 : 0);
                if (!held && !sampled)
                {
                    items.Add(RetentionRunItem.Of(run.Id, rule.Kind, c.Id, c.OrganisationId));
                }
            }
        }

        run.Listed(items.Count);
        db.AddRange(counts.Values);
        db.AddRange(items);
        log.Add(AccessAction.Search, "RetentionRun", run.Id, purpose: $"gallring förhandsvisad: {Summary(counts.Values)}");
        await db.SaveChangesAsync(ct);
        return await ReadAsync(run.Id, ct);
    }

    /// <summary>
    /// The access log's part: the beginning of the chain whose rows are all older than the rule's period (ADR 0027). It is
    /// one chain for every organisation, so it is cut as a whole, never one organisation's rows; a legal hold keeps every
    /// row from the held person's first one on. Listed as one item, its rows counted once (<see cref="WholeLog"/>).
    /// </summary>
    private async Task PreviewLogAsync(RetentionRule rule, RetentionRun run, DateOnly asOf, HashSet<Guid> held, RetentionRunCount count,
        List<RetentionRunItem> items, CancellationToken ct)
    {
        var before = SwedishTime.StartOfDayUtc(asOf.AddYears(-rule.Years).AddDays(1));
        var all = await AccessLogCutter.PlanAsync(db, before, null, ct);
        if (all is null)
        {
            return;
        }

        var firstHeld = held.Count == 0 ? null
            : await db.AccessLog.Where(a => a.Sequence != null && a.ParticipantId != null && held.Contains(a.ParticipantId.Value)).MinAsync(a => a.Sequence, ct);
        var plan = firstHeld is null ? all : await AccessLogCutter.PlanAsync(db, before, firstHeld, ct);
        count.Add((int)(plan?.Rows ?? 0), (int)(all.Value.Rows - (plan?.Rows ?? 0)), 0);
        if (plan is { } cut)
        {
            run.ListedLog(cut.FirstKept, cut.Rows);
            items.Add(RetentionRunItem.Of(run.Id, RecordKind.AccessLog, run.Id, WholeLog));
        }
    }

    /// <summary>One candidate for culling.</summary>
    private sealed record Candidate(Guid Id, Guid OrganisationId, Guid? ParticipantId, string? IdentityNumber, DateOnly? Born);

    private async Task<List<Candidate>> CandidatesAsync(RetentionRule rule, List<Guid> scope, DateOnly asOf, CancellationToken ct)
    {
        var latest = asOf.AddYears(-rule.Years);
        switch (rule.Kind)
        {
            case RecordKind.SocialServicesCase:
            case RecordKind.JobCentreCase:
            {
                var function = rule.Kind == RecordKind.SocialServicesCase ? UnitFunction.SocialServices : UnitFunction.JobCentre;
                var units = db.Organisations.Where(o => scope.Contains(o.Id) && o.Function == function).Select(o => o.Id);
                var participants = db.Participants;
                // Closed cases only; a case's last entry is never before its closing, so this bounds both triggers.
                var cases = await db.Set<Case>().AsNoTracking()
                    .Where(c => c.ClosedOn != null && c.ClosedOn <= latest && units.Contains(c.OrganisationId))
                    .Select(c => new
                    {
                        c.Id, c.OrganisationId, c.ParticipantId, ClosedOn = c.ClosedOn!.Value,
                        Born = participants.Where(p => p.Id == c.ParticipantId).Select(p => p.DateOfBirth).FirstOrDefault(),
                        LastEntry = db.Set<JournalEntry>().Where(j => j.CaseId == c.Id).OrderByDescending(j => j.CreatedAt).Select(j => (DateTime?)j.CreatedAt).FirstOrDefault(),
                        LastFollowUp = c.FollowUps.OrderByDescending(f => f.RecordedAt).Select(f => (DateTime?)f.RecordedAt).FirstOrDefault(),
                    })
                    .ToListAsync(ct);
                return cases.Where(c => rule.HasPassed(rule.Trigger == RetentionTrigger.AfterCaseClosed ? c.ClosedOn : LastEntry(c.ClosedOn, c.LastEntry, c.LastFollowUp), asOf))
                    .Select(c => new Candidate(c.Id, c.OrganisationId, c.ParticipantId, null, c.Born)).ToList();
            }

            case RecordKind.KaaRecord:
            {
                // Young people still in the activity responsibility are never culled.
                var youth = await db.KaaYouth.AsNoTracking().Where(y => !y.InKaa && scope.Contains(y.OwnerOrganisationId))
                    .Select(y => new { y.Id, y.OwnerOrganisationId, y.IdentityNumber, y.DateOfBirth, y.UpdatedAt }).ToListAsync(ct);
                return youth.Where(y => rule.HasPassed(rule.Trigger == RetentionTrigger.AfterTurned20 ? y.DateOfBirth.AddYears(20) : SwedishTime.Today(y.UpdatedAt), asOf))
                    .Select(y => new Candidate(y.Id, y.OwnerOrganisationId, null, y.IdentityNumber, y.DateOfBirth)).ToList();
            }

            case RecordKind.ImportedFile:
            {
                var before = SwedishTime.StartOfDayUtc(latest.AddDays(1));
                var imports = await db.KaaImports.AsNoTracking().Where(i => scope.Contains(i.OrganisationId) && i.StartedAt < before)
                    .Select(i => new { i.Id, i.OrganisationId }).ToListAsync(ct);
                return imports.Select(i => new Candidate(i.Id, i.OrganisationId, null, null, null)).ToList();
            }

            default:
                return [];
        }
    }

    private static DateOnly LastEntry(DateOnly closedOn, DateTime? entry, DateTime? followUp)
    {
        var last = closedOn;
        foreach (var at in new[] { entry, followUp })
        {
            if (at is { } t && SwedishTime.Today(t) > last)
            {
                last = SwedishTime.Today(t);
            }
        }

        return last;
    }

    /// <summary>
    /// Approval by a named administrator other than the one who previewed the run (four eyes) starts the execution in the
    /// background.
    /// </summary>
    public async Task<Outcome<RunDto>> ApproveAsync(Guid id, CancellationToken ct)
    {
        if (!user.IsAdministrator)
        {
            return Outcome.Forbidden("Bara administratörer godkänner gallring.");
        }

        var run = await db.Set<RetentionRun>().FirstOrDefaultAsync(r => r.Id == id && r.OrganisationId == user.OrganisationId, ct);
        if (run is null)
        {
            return Outcome.NotFound();
        }

        var approved = await Outcome.Guard<RunDto>(async () =>
        {
            run.Approve(user.Id, await DisplayNameAsync(ct), Now);
            log.Add(AccessAction.Update, "RetentionRun", run.Id, purpose: $"gallring godkänd av {run.ApprovedByName}, förhandsvisad av {run.PreviewedByName} " +
                $"({run.Total} poster att gallra{(run.LogKeepFrom is { } keep ? $"; loggen före post {keep}, {run.LogRows} rader" : "")})");
            await db.SaveChangesAsync(ct);
            return (await ReadAsync(run.Id, ct)).Value!;
        });
        if (approved.IsOk)
        {
            runner.Enqueue(run.Id);
        }

        return approved;
    }

    public async Task<Outcome<RunDto>> CancelAsync(Guid id, CancellationToken ct)
    {
        if (!user.IsAdministrator)
        {
            return Outcome.Forbidden("Bara administratörer avbryter gallring.");
        }

        var run = await db.Set<RetentionRun>().FirstOrDefaultAsync(r => r.Id == id && r.OrganisationId == user.OrganisationId, ct);
        if (run is null)
        {
            return Outcome.NotFound();
        }

        return await Outcome.Guard<RunDto>(async () =>
        {
            run.Cancel();
            log.Add(AccessAction.Update, "RetentionRun", run.Id, purpose: "gallring avbruten före godkännande");
            await db.SaveChangesAsync(ct);
            return (await ReadAsync(run.Id, ct)).Value!;
        });
    }

    /// <summary>A run with its progress and counts (never which records).</summary>
    public async Task<Outcome<RunDto>> ReadAsync(Guid id, CancellationToken ct)
    {
        if (!user.IsAdministrator)
        {
            return Outcome.Forbidden("Bara administratörer ser gallringskörningar.");
        }

        var run = await db.Set<RetentionRun>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.OrganisationId == user.OrganisationId, ct);
        if (run is null)
        {
            return Outcome.NotFound();
        }

        var counts = await db.Set<RetentionRunCount>().AsNoTracking().Where(c => c.RunId == id).ToListAsync(ct);
        var ids = counts.Select(c => c.OrganisationId).Distinct().ToList();
        var names = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return Dto(run, counts.Select(c => new RunCountDto(c.Kind, EnumText.Label(c.Kind), c.OrganisationId,
                c.OrganisationId == WholeLog ? "Alla organisationer (loggen är en gemensam kedja)" : names.GetValueOrDefault(c.OrganisationId, ""),
                c.Listed, c.Culled, c.HeldLater, c.KeptByHold, c.KeptBySample))
            .OrderBy(c => c.Kind).ThenBy(c => c.OrganisationName, SwedishCollation.Comparer).ToList());
    }

    public async Task<List<RunDto>> RecentRunsAsync(CancellationToken ct)
    {
        if (!user.IsAdministrator)
        {
            return [];
        }

        var runs = await db.Set<RetentionRun>().AsNoTracking().Where(r => r.OrganisationId == user.OrganisationId)
            .OrderByDescending(r => r.PreviewedAt).Take(20).ToListAsync(ct);
        return runs.Select(r => Dto(r, [])).ToList();
    }

    private static RunDto Dto(RetentionRun r, List<RunCountDto> counts) => new(r.Id, r.State, EnumText.Label(r.State), r.AsOf, r.Rules, r.PreviewedByName,
        r.PreviewedByUserId, r.PreviewedAt, r.ApprovedByName, r.ApprovedAt, r.FinishedAt, r.Total, r.Processed, r.Percent, r.Batches, r.LogKeepFrom, counts);

    internal static string Summary(IEnumerable<RetentionRunCount> counts) =>
        string.Join("; ", counts.GroupBy(c => c.Kind).OrderBy(g => g.Key).Select(g =>
            $"{g.Key} listade {g.Sum(c => c.Listed)}, gallrade {g.Sum(c => c.Culled)}, bevarade {g.Sum(c => c.KeptByHold + c.HeldLater)}, forskningsurval {g.Sum(c => c.KeptBySample)}"))
        is { Length: > 0 } text ? text : "inget att gallra";

    // ------------------------------------------------------------------ legal holds

    /// <summary>A legal hold on a participant (or one of their cases) held by the administrator's organisation or its units.</summary>
    public async Task<Outcome<LegalHoldDto>> PlaceHoldAsync(Guid participantId, LegalHoldInput? input, CancellationToken ct)
    {
        if (!user.IsAdministrator)
        {
            return Outcome.Forbidden("Bara administratörer beslutar om bevarande.");
        }

        if (!await InScopeAsync(participantId, ct))
        {
            return Outcome.NotFound();
        }

        var errors = new Dictionary<string, string[]>();
        var reason = Input.Text(errors, "reason", input?.Reason, "skälet till bevarandet", LegalHold.MaxReason);
        if (input?.CaseId is { } caseId && !await db.Set<Case>().AnyAsync(c => c.Id == caseId && c.ParticipantId == participantId, ct))
        {
            errors["caseId"] = ["Ärendet hör inte till deltagaren."];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var hold = LegalHold.Place(participantId, input?.CaseId, reason!, user.Id, Now);
        db.Add(hold);
        log.Add(AccessAction.Create, "LegalHold", hold.Id, participantId, hold.CaseId is null ? "bevarandebeslut för deltagaren" : "bevarandebeslut för ett ärende");
        await db.SaveChangesAsync(ct);
        return Dto(hold);
    }

    /// <summary>Lifts the participant's active holds (only the one on <paramref name="caseId"/> when given).</summary>
    public async Task<Outcome<int>> LiftHoldAsync(Guid participantId, Guid? caseId, CancellationToken ct)
    {
        if (!user.IsAdministrator)
        {
            return Outcome.Forbidden("Bara administratörer beslutar om bevarande.");
        }

        if (!await InScopeAsync(participantId, ct))
        {
            return Outcome.NotFound();
        }

        var holds = await db.Set<LegalHold>().Where(h => h.ParticipantId == participantId && h.LiftedAt == null && (caseId == null || h.CaseId == caseId)).ToListAsync(ct);
        if (holds.Count == 0)
        {
            return Outcome.NotFound();
        }

        foreach (var hold in holds)
        {
            hold.Lift(user.Id, Now);
            log.Add(AccessAction.Update, "LegalHold", hold.Id, participantId, "bevarandebeslut hävt");
        }

        await db.SaveChangesAsync(ct);
        return holds.Count;
    }

    public async Task<List<LegalHoldDto>> ActiveHoldsAsync(CancellationToken ct)
    {
        if (!user.IsAdministrator)
        {
            return [];
        }

        var scope = Scope();
        var participants = db.Participants;
        var holds = await db.Set<LegalHold>().AsNoTracking().Where(h => h.LiftedAt == null
                && (participants.Any(p => p.Id == h.ParticipantId && scope.Contains(p.OwnerOrganisationId))
                    || db.Set<Case>().Any(c => c.ParticipantId == h.ParticipantId && scope.Contains(c.OrganisationId))))
            .OrderByDescending(h => h.PlacedAt).Take(200).ToListAsync(ct);
        return holds.Select(Dto).ToList();
    }

    private static LegalHoldDto Dto(LegalHold h) => new(h.Id, h.ParticipantId, h.CaseId, h.Reason, h.PlacedAt, h.LiftedAt);

    private async Task<bool> InScopeAsync(Guid participantId, CancellationToken ct)
    {
        var scope = Scope();
        return await db.Participants.AnyAsync(p => p.Id == participantId && scope.Contains(p.OwnerOrganisationId), ct)
            || await db.Set<Case>().AnyAsync(c => c.ParticipantId == participantId && scope.Contains(c.OrganisationId), ct);
    }

    private async Task<string> DisplayNameAsync(CancellationToken ct) =>
        await db.Users.Where(u => u.Id == user.Id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) is { Length: > 0 } name ? name : user.UserName;
}
