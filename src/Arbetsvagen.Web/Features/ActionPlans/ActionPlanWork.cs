using System.Globalization;
using Arbetsvagen.Features.Mappings;
using System.Text.Json;
using System.Text.Json.Serialization;
using Arbetsvagen.Features.Attendance;
using Arbetsvagen.Features.Cases;
using Arbetsvagen.Core.Consents;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Arbetsvagen.Core.AccessLog;

namespace Arbetsvagen.Features.ActionPlans;

/// <summary>A whole revision as the API and the edit form send it; everything is parsed on the server.</summary>
public sealed class RevisionInput
{
    /// <summary>The version the change starts from: 0 for a new plan.</summary>
    public int? BasedOnVersion { get; set; }
    public string? Goal { get; set; }
    public string? Direction { get; set; }
    public string? StartsOn { get; set; }
    public string? EndsOn { get; set; }
    public string? ReviewOn { get; set; }
    public string? Comment { get; set; }
    public List<PlanActivityInput> Activities { get; set; } = [];
}

public sealed class PlanActivityInput
{
    /// <summary>The activity's id in the plan; empty for a new activity.</summary>
    public Guid? Id { get; set; }
    public string? Kind { get; set; }
    public string? Description { get; set; }
    /// <summary>The scheduled activity (run by a unit) where attendance is registered, if any.</summary>
    public Guid? ActivityId { get; set; }
    public string? Provider { get; set; }
    public string? StartsOn { get; set; }
    public string? EndsOn { get; set; }
    /// <summary>A number, or text such as "7,5" from a form.</summary>
    [JsonConverter(typeof(NumberOrTextConverter))]
    public string? HoursPerWeek { get; set; }
    public string? Status { get; set; }
    public string? Result { get; set; }
}

/// <summary>Reads a JSON number or string as text, so that the server parses (and explains) both the same way.</summary>
public sealed class NumberOrTextConverter : JsonConverter<string?>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Null => null,
        _ => throw new JsonException("Ett tal väntades."),
    };

    public override void Write(Utf8JsonWriter writer, string? value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}

/// <summary>
/// The participant's action plan (handlingsplan). It is read and revised by the owner's secrecy boundary and by
/// others only while a consent naming them covers "ärende, planering och insatser"; every read, revision and
/// export is logged. A revision also leaves an automatic entry in the reviser's own open case, if they hold one.
/// A plan activity may link to a scheduled activity (Attendance's <see cref="Activity"/>), chosen among those the
/// user's organisation may book (<see cref="AttendanceWork.BookableAsync"/>).
/// </summary>
public sealed class ActionPlanWork(AppDbContext db, CurrentUser user, ParticipantAccess participants, AccessLogger log, TimeProvider clock,
    AttendanceWork attendance)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>What the user may see: the grant, the plan (null before the first revision) and its revisions, oldest first.</summary>
    public sealed record PlanRecord(ParticipantGrant Grant, ActionPlan? Plan, List<ActionPlanRevision> Revisions);

    /// <summary>The plan and its revisions, with one access-log row (<paramref name="action"/>: read or export); not found without access.</summary>
    public async Task<Outcome<PlanRecord>> ReadAsync(Guid participantId, CancellationToken ct, string action = AccessAction.Read)
    {
        if (await FindAsync(participantId, ct) is not { } found)
        {
            return Outcome.NotFound();
        }

        var (grant, plan, basis) = found;

        var revisions = plan is null ? [] : await db.Set<ActionPlanRevision>().AsNoTracking().Where(r => r.PlanId == plan.Id)
            .OrderBy(r => r.Number).ToListAsync(ct);
        await log.RecordAsync(action, "ActionPlan", plan?.Id, participantId, basis, ct: ct);
        return new PlanRecord(grant, plan, revisions);
    }

    /// <summary>The participant's own copy of the plan, for the current user to hand over; not found without access or without a plan.</summary>
    public async Task<Outcome<PlanCopy>> CopyAsync(Guid participantId, string action, CancellationToken ct)
    {
        if ((await ReadAsync(participantId, ct, action)).Value is not { Plan: { } plan } found)
        {
            return Outcome.NotFound();
        }

        var contact = await db.Users.AsNoTracking().Where(u => u.Id == user.Id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var unit = await db.Organisations.AsNoTracking().Where(o => o.Id == user.OrganisationId).Select(o => o.Name).FirstOrDefaultAsync(ct);
        return PlanCopy.Of(found.Grant.Participant, plan, contact ?? user.UserName, unit ?? "");
    }

    /// <summary>The names of the organisations that changed the plan, for its history.</summary>
    public async Task<Dictionary<Guid, string>> OrganisationNamesAsync(IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Organisations.AsNoTracking().Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    /// <summary>The scheduled activities the plan's activities may link to: those bookable by the user's organisation, and those already linked.</summary>
    public Task<List<BookableActivity>> BookableAsync(ActionPlan? plan, CancellationToken ct) =>
        attendance.BookableAsync(Linked(plan), ct);

    /// <summary>Sets the whole plan (creating it on the first revision); not found without access.</summary>
    public async Task<Outcome<ActionPlan>> ReviseAsync(Guid participantId, RevisionInput input, CancellationToken ct)
    {
        if (await FindAsync(participantId, ct) is not { } found)
        {
            return Outcome.NotFound();
        }

        var (_, plan, basis) = found;

        var errors = new Dictionary<string, string[]>();
        if (input.BasedOnVersion is not { } basedOn)
        {
            errors["basedOnVersion"] = ["Ange vilken version av planen ändringen utgår från (0 för en ny plan)."];
        }

        var direction = Input.Enum<Direction>(errors, "direction", input.Direction, "Ange planens inriktning");
        var startsOn = Input.Date(errors, "startsOn", input.StartsOn, "planens startdatum");
        var endsOn = Input.Date(errors, "endsOn", input.EndsOn, "planens slutdatum");
        var reviewOn = Input.Date(errors, "reviewOn", input.ReviewOn, "datum för uppföljning av planen");
        var drafts = new List<PlanActivityDraft>();
        var activities = input.Activities ?? []; // "activities": null in JSON
        var bookable = activities.Any(a => a.ActivityId is not null)
            ? (await BookableAsync(plan, ct)).ToDictionary(b => b.Id)
            : [];
        for (var i = 0; i < activities.Count; i++)
        {
            var a = activities[i];
            var at = $"activities[{i}]";
            var kind = Input.Enum<ActivityKind>(errors, $"{at}.kind", a.Kind, "Välj typ av insats");
            var status = string.IsNullOrWhiteSpace(a.Status) ? PlanActivityStatus.Planned
                : Input.Enum<PlanActivityStatus>(errors, $"{at}.status", a.Status, "Okänd status för aktiviteten");
            var activityStarts = Input.Date(errors, $"{at}.startsOn", a.StartsOn, "aktivitetens startdatum");
            var activityEnds = Input.Date(errors, $"{at}.endsOn", a.EndsOn, "aktivitetens slutdatum");
            var hours = ParseHours(errors, $"{at}.hoursPerWeek", a.HoursPerWeek);
            if (a.ActivityId is { } scheduledId)
            {
                if (!bookable.TryGetValue(scheduledId, out var scheduled))
                {
                    var endedOn = await db.Activities.Where(x => x.Id == scheduledId).Select(x => (DateOnly?)x.EndsOn).FirstOrDefaultAsync(ct);
                    errors[$"{at}.activityId"] = [endedOn switch
                    {
                        null => "Den schemalagda aktiviteten finns inte.",
                        { } ended when ended < SwedishTime.Today(Now) => $"Den schemalagda aktiviteten slutade {ended:yyyy-MM-dd} och kan inte längre väljas.",
                        _ => "Den schemalagda aktiviteten hålls av en annan kommun. Välj en av din kommuns eller en gemensam anordnares aktiviteter.",
                    }];
                }
                else if (activityStarts is { } s && activityEnds is { } e && (s < scheduled.StartsOn || e > scheduled.EndsOn))
                {
                    errors[$"{at}.activityId"] =
                        [$"Den schemalagda aktiviteten pågår {scheduled.StartsOn:yyyy-MM-dd}–{scheduled.EndsOn:yyyy-MM-dd}; aktivitetens datum måste ligga inom den perioden."];
                }
            }

            drafts.Add(new PlanActivityDraft(a.Id, kind, a.Description ?? "", a.ActivityId, a.Provider ?? "", activityStarts ?? default,
                activityEnds ?? default, hours ?? 0, status, a.Result));
        }

        var isNew = plan is null;
        plan ??= ActionPlan.Create(participantId);
        // The plan's rules too (a missing goal, an activity outside the period), so the caseworker hears of every problem
        // at once; but a revision based on an old version is a conflict first (Revise answers it).
        if (input.BasedOnVersion == plan.Version)
        {
            plan.CheckRules(input.Goal ?? "", startsOn ?? default, endsOn ?? default, reviewOn ?? default, drafts, input.Comment, errors);
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var existing = plan.Activities.Select(a => a.Id).ToHashSet();
        return await Outcome.Guard<ActionPlan>(async () =>
        {
            var revision = plan.Revise(input.BasedOnVersion!.Value, input.Goal ?? "", direction, startsOn!.Value, endsOn!.Value, reviewOn!.Value, drafts,
                input.Comment, user.Id, user.OrganisationId, Now);
            if (isNew)
            {
                db.Add(plan);
            }
            else
            {
                // New activities are added explicitly: their ids are set, so EF would otherwise take them for existing rows.
                db.AddRange(plan.Activities.Where(a => !existing.Contains(a.Id)));
            }

            db.Add(revision);
            var openCase = await db.Set<Case>().Where(c => c.ParticipantId == participantId && c.BoundaryId == user.SecrecyBoundaryId
                    && c.State != CaseState.Closed).OrderByDescending(c => c.OpenedOn).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
            if (openCase is { } caseId)
            {
                var what = isNew ? "upprättades" : "reviderades";
                db.Add(JournalEntry.Automatic(caseId, $"Handlingsplanen {what} (version {plan.Version}).\n{revision.Changes}", user.Id, Now));
            }

            log.Add(isNew ? AccessAction.Create : AccessAction.Update, "ActionPlan", plan.Id, participantId, basis);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || isNew)
            {
                // Someone else saved a revision (or created the plan) between our read and our write.
                db.ChangeTracker.Clear();
                return Outcome.Conflict("Planen har ändrats av någon annan samtidigt. Läs in den igen och gör om ändringen.");
            }

            return plan;
        });
    }

    private static List<Guid> Linked(ActionPlan? plan) =>
        plan?.Activities.Where(a => a.ActivityId is not null).Select(a => a.ActivityId!.Value).ToList() ?? [];

    /// <summary>The grant and the current plan (tracked, with activities), or null with a denied row when out of reach.</summary>
    private async Task<(ParticipantGrant Grant, ActionPlan? Plan, string? Basis)?> FindAsync(Guid participantId, CancellationToken ct)
    {
        if (await participants.FindCoveringAsync(participantId, DataCategories.CaseAndPlan, "ActionPlan", ct) is not { } grant)
        {
            return null;
        }

        var plan = await db.ActionPlans.Include(p => p.Activities).FirstOrDefaultAsync(p => p.ParticipantId == participantId, ct);
        // The legal basis in the log is the consent that covers plans, not just any consent naming the user.
        var consent = grant.OwnCase ? null : await participants.ConsentsToMe()
            .Where(c => c.ParticipantId == participantId && (c.Categories & DataCategories.CaseAndPlan) == DataCategories.CaseAndPlan)
            .OrderByDescending(c => c.GivenAt).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        return (grant, plan, consent is { } id ? $"samtycke {id}" : null);
    }

    private static decimal? ParseHours(Dictionary<string, string[]> errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            errors[field] = ["Ange timmar per vecka, t.ex. 10 eller 7,5 (0 om aktiviteten saknar fasta tider)."];
            return null;
        }

        if (decimal.TryParse(text.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var hours))
        {
            return hours;
        }

        errors[field] = ["Ange timmar per vecka som ett tal, t.ex. 10 eller 7,5."];
        return null;
    }
}
