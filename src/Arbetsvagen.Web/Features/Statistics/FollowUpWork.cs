using System.Globalization;
using Arbetsvagen.Core.AccessLog;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.ActionPlans;
using Arbetsvagen.Features.Attendance;
using Arbetsvagen.Features.Cases;
using Arbetsvagen.Features.JobTracks;
using Arbetsvagen.Features.Placements;
using Arbetsvagen.Features.Referrals;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Infrastructure.Disclosure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Statistics;

/// <summary>What the follow-up is asked for: a collaboration (default the reader's first), a period of months (ÅÅÅÅ-MM, default
/// the last twelve) and a breakdown (gender, ageBand, municipality, targetGroup, activityKind, provider; default gender).</summary>
public sealed record FollowUpQuery(Guid? CollaborationId, string? From, string? To, string? By);

/// <summary>The follow-up of a collaboration and period: every table protected, with its definition and period.</summary>
public sealed record FollowUpReport(Guid CollaborationId, string CollaborationName, string From, string To, FollowUpBreakdown By,
    List<FollowUpCategory> Categories, List<FollowUpTable> Tables, int Threshold, string Rule, bool MayOpenPeople);

/// <summary>A person behind a figure: with the case for a figure that counts cases, else the person alone.</summary>
public sealed record FollowUpPerson(Guid ParticipantId, string Name, Guid? CaseId, DateOnly? OpenedOn, DateOnly? ClosedOn);

/// <summary>The people behind one register figure, limited to the reader's own secrecy boundary.</summary>
public sealed record FollowUpPeople(string Figure, string Title, string Definition, string Period, string Selection, List<FollowUpPerson> People, string Note);

/// <summary>
/// Follow-up (issue 11 §2): inflow, stock and outflow of cases per month, time to outcome, outcomes at closure and at
/// follow-up, income before and after, return reports on time, current plans, repeated referrals, attendance, placements
/// and job tracks — for a collaboration and period, split by gender, age band or municipality. Counted in the database with
/// group-by; every count protected with <see cref="LinkedTables"/>. A caseworker may open the people behind a register
/// figure, only those in their own secrecy boundary, and the opening is logged; analysts and administrators see counts only.
/// </summary>
public sealed class FollowUpWork(AppDbContext db, CurrentUser user, TargetGroupWork targetGroups, ParticipantAccess access, AccessLogger log,
    TimeProvider clock, IConfiguration config)
{
    public const int Threshold = TargetGroupWork.Threshold;
    public const int MaxMonths = 36;
    public const int MaxPeople = 500;
    public const int LongTermMonths = FollowUpCounts.LongTermMonths;

    /// <summary>The figures whose people a caseworker may open.</summary>
    public static readonly string[] PeopleFigures =
    [
        "inflode", "bestand", "utflode", "utfall", "forsorjning-fore", "forsorjning-efter", "tid-till-utfall", "uppfoljning-3", "uppfoljning-6",
        "uppfoljning-12", "aterrapporter", "aktuell-plan", "upprepade-remisser", "narvaro", "insatser", "praktik", "jobbspar-uppdelning", "langtid",
    ];

    private sealed record Scope(TargetGroupWork.CollaborationChoice Collaboration, DateOnly From, DateOnly To, FollowUpBreakdown By,
        List<FollowUpCategory> Found, List<string> Providers)
    {
        public DateOnly End => To.AddMonths(1).AddDays(-1);
        public string Period => $"{Month(From)}–{Month(To)}";
        public int Months => ((To.Year - From.Year) * 12) + To.Month - From.Month + 1;
        public string Query => $"?collaborationId={Collaboration.Id}&from={Month(From)}&to={Month(To)}&by={ByKey(By)}";

        /// <summary>Whether a person falls in one column only. With activity kinds and providers a person with several counts
        /// under each, so the columns do not add up and the tables have no total column.</summary>
        public bool Additive => By is not (FollowUpBreakdown.ActivityKind or FollowUpBreakdown.Provider);

        public List<FollowUpCategory> Categories => FollowUpTables.Categories(By, Collaboration.MunicipalityCodes, Found);
    }

    /// <summary>A participant's dimensions as the tables count them: gender, and the breakdown's category — age band at the end
    /// of the period's last year, home municipality (one of the collaboration's, else "annan"), target group (the current
    /// Arbetsförmedlingen status, one of <see cref="TargetStatuses.All"/>, else "annan"), or — one row per kind or provider —
    /// the kinds and providers of the person's plan activities in the period.</summary>
    private sealed class Dims
    {
        public Guid Id { get; set; }
        public Gender Gender { get; set; }
        public string Key { get; set; } = "";
        public AfStatus? TargetGroup { get; set; }
        public ActivityKind? PlanKind { get; set; }
    }

    private bool MayOpenPeople => user.IsCaseworker;

    public Task<List<TargetGroupWork.CollaborationChoice>> CollaborationsAsync(CancellationToken ct) => targetGroups.CollaborationsAsync(ct);

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string ByKey(FollowUpBreakdown by) => by switch
    {
        FollowUpBreakdown.AgeBand => "ageBand",
        FollowUpBreakdown.Municipality => "municipality",
        FollowUpBreakdown.TargetGroup => "targetGroup",
        FollowUpBreakdown.ActivityKind => "activityKind",
        FollowUpBreakdown.Provider => "provider",
        _ => "gender",
    };

    // ------------------------------------------------------------------ the report

    public async Task<Outcome<FollowUpReport>> ReportAsync(FollowUpQuery query, CancellationToken ct)
    {
        var scoped = await ScopeAsync(query, ct);
        if (scoped.Failure is { } failure)
        {
            return failure;
        }

        var s = scoped.Value!;
        var categories = s.Categories;
        var tables = new List<FollowUpTable>();
        await FlowsAsync(s, categories, tables, ct);
        tables.Add(await TimeToOutcomeAsync(s, categories, ct));
        tables.AddRange(await FollowUpsAsync(s, categories, ct));
        tables.Add(await ReportsOnTimeAsync(s, categories, ct));
        tables.Add(await CurrentPlansAsync(s, categories, ct));
        tables.Add(await RepeatedReferralsAsync(s, categories, ct));
        tables.Add(await AttendanceAsync(s, categories, ct));
        tables.Add(await ActivitiesAsync(s, categories, ct));
        tables.Add(await PlacementsAsync(s, categories, ct));
        tables.AddRange(await JobTracksAsync(s, categories, ct));
        tables.Add(await LongTermAsync(s, ct));

        await log.RecordAsync(AccessAction.Search, "FollowUpStatistics", s.Collaboration.Id,
            purpose: $"uppföljning {s.Period} per {EnumText.Label(s.By).ToLowerInvariant()} (antal, inga personer)", ct: ct);
        var groups = FollowUpTables.Groups(categories);
        tables = tables.Select(t => t.Groups is null && t.Key != "langtid" && t.Key != "jobbspar" ? t with { Groups = groups } : t).ToList();
        if (!s.Additive)
        {
            tables = tables.Select(t => t.Key is "langtid" or "jobbspar" ? t : t with { Note = $"{t.Note} {FollowUpTables.Overlapping}".Trim() }).ToList();
        }

        return new FollowUpReport(s.Collaboration.Id, s.Collaboration.Name, Month(s.From), Month(s.To), s.By, categories, tables, Threshold,
            Shares.Rule, MayOpenPeople);
    }

    private async Task<Outcome<Scope>> ScopeAsync(FollowUpQuery query, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var today = SwedishTime.Today(clock);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var to = ParseMonth(query.To, "to", "Till och med", errors) ?? thisMonth;
        var from = ParseMonth(query.From, "from", "Från", errors) ?? to.AddMonths(-11);
        FollowUpBreakdown by = FollowUpBreakdown.Gender;
        switch (query.By?.Trim())
        {
            case null or "" or "gender":
                break;
            case "ageBand":
                by = FollowUpBreakdown.AgeBand;
                break;
            case "municipality":
                by = FollowUpBreakdown.Municipality;
                break;
            case "targetGroup":
                by = FollowUpBreakdown.TargetGroup;
                break;
            case "activityKind":
                by = FollowUpBreakdown.ActivityKind;
                break;
            case "provider":
                by = FollowUpBreakdown.Provider;
                break;
            default:
                errors["by"] = ["Uppdelning ska vara gender (kön), ageBand (åldersgrupp), municipality (kommun), targetGroup (målgrupp), activityKind (insatstyp) eller provider (anordnare)."];
                break;
        }

        if (errors.Count == 0 && from > to)
        {
            errors["to"] = [$"Till och med-månaden ({Month(to)}) kan inte ligga före från-månaden ({Month(from)})."];
        }
        else if (errors.Count == 0 && ((to.Year - from.Year) * 12) + to.Month - from.Month + 1 > MaxMonths)
        {
            errors["to"] = [$"Perioden får vara högst {MaxMonths} månader."];
        }

        var collaborations = await targetGroups.CollaborationsAsync(ct);
        var collaboration = query.CollaborationId is { } id ? collaborations.FirstOrDefault(c => c.Id == id) : collaborations.FirstOrDefault();
        if (collaboration is null)
        {
            return Outcome.NotFound();
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var s = new Scope(collaboration, from, to, by, [], []);
        return by switch
        {
            FollowUpBreakdown.ActivityKind => s with { Found = await KindsAsync(s, ct) },
            FollowUpBreakdown.Provider => await WithProvidersAsync(s, ct),
            _ => s,
        };
    }

    /// <summary>Plan activities (not cancelled) going on some day of the period, in the plans of people with a case in the
    /// collaboration during the period.</summary>
    private IQueryable<PlanActivityRow> PeriodActivities(Scope s)
    {
        var (start, end) = (s.From, s.End);
        var participants = Cases(s).Where(c => c.OpenedOn <= end && (c.ClosedOn == null || c.ClosedOn >= start)).Select(c => c.ParticipantId);
        return from a in db.Set<PlanActivity>()
               where a.Status != PlanActivityStatus.Cancelled && a.StartsOn <= end && a.EndsOn >= start
               join plan in db.Set<ActionPlan>() on a.PlanId equals plan.Id
               where participants.Contains(plan.ParticipantId)
               select new PlanActivityRow { ParticipantId = plan.ParticipantId, Kind = a.Kind, Provider = a.Provider };
    }

    private sealed class PlanActivityRow
    {
        public Guid ParticipantId { get; set; }
        public ActivityKind Kind { get; set; }
        public string Provider { get; set; } = "";
    }

    /// <summary>The activity kinds that occur in the period, in the catalogue's order, and "no activity".</summary>
    private async Task<List<FollowUpCategory>> KindsAsync(Scope s, CancellationToken ct)
    {
        var kinds = await PeriodActivities(s).Select(a => a.Kind).Distinct().ToListAsync(ct);
        return [.. Enum.GetValues<ActivityKind>().Where(kinds.Contains).Select(k => new FollowUpCategory(k.ToString(), EnumText.Label(k))),
            new(FollowUpTables.NoActivity, "Ingen insats")];
    }

    /// <summary>The providers with most people in the period (at most <see cref="FollowUpTables.MaxProviders"/>, keyed by rank so
    /// that no name goes into an address), the others together, and "no activity".</summary>
    private async Task<Scope> WithProvidersAsync(Scope s, CancellationToken ct)
    {
        var ranked = await PeriodActivities(s).Where(a => a.Provider != "").GroupBy(a => a.Provider)
            .Select(g => new { Provider = g.Key, People = g.Select(a => a.ParticipantId).Distinct().Count() })
            .OrderByDescending(g => g.People).ThenBy(g => g.Provider).Take(FollowUpTables.MaxProviders).ToListAsync(ct);
        var providers = ranked.Select(r => r.Provider).OrderBy(p => p, SwedishCollation.Comparer).ToList();
        List<FollowUpCategory> found = [.. providers.Select((p, i) => new FollowUpCategory($"p{i + 1}", p)),
            new(FollowUpTables.OtherProviders, "Övriga eller okänd anordnare"), new(FollowUpTables.NoActivity, "Ingen insats")];
        return s with { Found = found, Providers = providers };
    }

    private static DateOnly? ParseMonth(string? text, string field, string label, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            && month.Year is >= 2000 and <= 2100)
        {
            return month;
        }

        errors[field] = [$"{label} (månad) ska skrivas ÅÅÅÅ-MM, till exempel 2026-10."];
        return null;
    }

    private IQueryable<Case> Cases(Scope s) => FollowUpCounts.Cases(db, s.Collaboration.Id);

    private IQueryable<Guid> Organisations(Scope s) => FollowUpCounts.Organisations(db, s.Collaboration.Id);

    /// <summary>Whether the case counts of this breakdown are kept per month (ADR 0032): gender and age do not change with the
    /// period; a target group, a municipality, activities and providers are read as they are now, so those are counted live.</summary>
    private static bool Stored(Scope s) => s.By is FollowUpBreakdown.Gender or FollowUpBreakdown.AgeBand;

    /// <summary>The breakdown's key of a stored count: the age band at the end of the period's last year, else none.</summary>
    private static string StoredKey(Scope s, int? birthYear) => s.By == FollowUpBreakdown.AgeBand ? FollowUpTables.AgeBandOf(birthYear, s.End.Year) : "";

    private string StoredNote =>
        $" Antalen sparas per månad och räknas om när något de bygger på ändras; den pågående månaden räknas om var {RegisterSnapshots.RunningMonthMaxAge(config).TotalMinutes:0}:e minut.";

    private IQueryable<Dims> Persons(Scope s)
    {
        var year = s.End.Year;
        var codes = s.Collaboration.MunicipalityCodes;
        var participants = db.Participants;
        switch (s.By)
        {
            case FollowUpBreakdown.AgeBand:
                return participants.Select(p => new Dims
                {
                    Id = p.Id,
                    Gender = p.Gender,
                    Key = p.DateOfBirth == null ? FollowUpTables.Other
                        : year - p.DateOfBirth.Value.Year < 16 ? FollowUpTables.Other
                        : year - p.DateOfBirth.Value.Year <= 19 ? "16-19"
                        : year - p.DateOfBirth.Value.Year <= 24 ? "20-24"
                        : year - p.DateOfBirth.Value.Year <= 29 ? "25-29"
                        : year - p.DateOfBirth.Value.Year <= 39 ? "30-39"
                        : year - p.DateOfBirth.Value.Year <= 49 ? "40-49"
                        : year - p.DateOfBirth.Value.Year <= 64 ? "50-64"
                        : FollowUpTables.Other,
                    TargetGroup = null,
                    PlanKind = null,
                });
            case FollowUpBreakdown.Municipality:
                return participants.Select(p => new Dims { Id = p.Id, Gender = p.Gender, Key = codes.Contains(p.HomeMunicipalityCode) ? p.HomeMunicipalityCode : FollowUpTables.Other,
                    TargetGroup = null, PlanKind = null });
            case FollowUpBreakdown.TargetGroup:
                var statuses = TargetStatuses.All;
                return participants.Select(p => new Dims { Id = p.Id, Gender = p.Gender, Key = "", TargetGroup = statuses.Contains(p.AfStatus) ? p.AfStatus : null, PlanKind = null });
            case FollowUpBreakdown.ActivityKind:
                var kinds = PeriodActivities(s).Select(a => new { a.ParticipantId, a.Kind }).Distinct();
                return from p in participants
                       join k in kinds on p.Id equals k.ParticipantId into found
                       from k in found.DefaultIfEmpty()
                       select new Dims { Id = p.Id, Gender = p.Gender, Key = "", TargetGroup = null, PlanKind = (ActivityKind?)k.Kind };
            case FollowUpBreakdown.Provider:
                var top = s.Providers;
                var providers = PeriodActivities(s).Select(a => new { a.ParticipantId, Provider = top.Contains(a.Provider) ? a.Provider : FollowUpTables.OtherProviders })
                    .Distinct();
                return from p in participants
                       join k in providers on p.Id equals k.ParticipantId into found
                       from k in found.DefaultIfEmpty()
                       select new Dims { Id = p.Id, Gender = p.Gender, Key = k.Provider ?? FollowUpTables.NoActivity, TargetGroup = null, PlanKind = null };
            default:
                return participants.Select(p => new Dims { Id = p.Id, Gender = p.Gender, Key = "", TargetGroup = null, PlanKind = null });
        }
    }

    /// <summary>The column a group of counted rows belongs in: its gender, or its category crossed with its gender.</summary>
    private static string Column(Scope s, Gender gender, string key, AfStatus? status, ActivityKind? kind)
    {
        var category = s.By switch
        {
            FollowUpBreakdown.Gender => null,
            FollowUpBreakdown.TargetGroup => status?.ToString() ?? FollowUpTables.Other,
            FollowUpBreakdown.ActivityKind => kind?.ToString() ?? FollowUpTables.NoActivity,
            FollowUpBreakdown.Provider => s.Providers.IndexOf(key) is var i and >= 0 ? $"p{i + 1}" : key,
            _ => key,
        };
        return category is null ? FollowUpTables.GenderKey(gender) : $"{category}.{FollowUpTables.GenderKey(gender)}";
    }

    private static string Ages(Scope s) => $"Ålder vid utgången av {s.End.Year}.";

    /// <summary>Counts into a rows × categories matrix.</summary>
    private static long[,] Matrix(List<FollowUpCategory> rows, List<FollowUpCategory> columns,
        IEnumerable<(string Row, string Column, long Count)> counts)
    {
        var m = new long[rows.Count, columns.Count];
        var r = rows.Select((x, i) => (x.Key, i)).ToDictionary(x => x.Key, x => x.i);
        var c = columns.Select((x, i) => (x.Key, i)).ToDictionary(x => x.Key, x => x.i);
        foreach (var (row, column, count) in counts)
        {
            if (r.TryGetValue(row, out var ri) && c.TryGetValue(column, out var ci))
            {
                m[ri, ci] += count;
            }
        }

        return m;
    }

    private static List<FollowUpCategory> MonthRows(Scope s) =>
        Enumerable.Range(0, s.Months).Select(i => s.From.AddMonths(i)).Select(m => new FollowUpCategory(Month(m), Month(m))).ToList();

    private FollowUpTables.PeopleLink? Link(Scope s, string figure) =>
        MayOpenPeople ? (row, column) => $"{s.Query}&figure={figure}&row={row}&column={column}" : null;

    private const string CaseSource = "Registret: ärenden hos samverkans organisationer och deras enheter.";

    // ------------------------------------------------------------------ flows and outcomes

    private List<FollowUpCount>? endCounts;

    /// <summary>The stored counts at the period's end (current plans, the 24-month view), read once per report.</summary>
    private async Task<List<FollowUpCount>> EndAsync(Scope s, CancellationToken ct) => endCounts ??=
        await FollowUpCounts.EndAsync(db, s.Collaboration.Id, s.To, clock.GetUtcNow().UtcDateTime, RegisterSnapshots.RunningMonthMaxAge(config), ct);

    /// <summary>Cases counted for the flows: opened or closed in a month (closed ones with outcome and income), or open at the
    /// start of the period.</summary>
    private sealed record Flow(DateOnly Month, Gender Gender, string Key, AfStatus? TargetGroup, ActivityKind? PlanKind, CaseOutcome? Outcome,
        IncomeSource? IncomeBefore, IncomeSource? IncomeAfter, long Count);

    private async Task<(List<Flow> Opened, List<Flow> Closed, List<Flow> Before)> StoredFlowsAsync(Scope s, CancellationToken ct)
    {
        var counts = await FollowUpCounts.FlowsAsync(db, s.Collaboration.Id, s.From, s.To, clock.GetUtcNow().UtcDateTime, RegisterSnapshots.RunningMonthMaxAge(config), ct);
        List<Flow> Of(FollowUpMeasure measure, Func<DateOnly, bool> month) => counts.Where(c => c.Measure == measure && month(c.Month))
            .Select(c => new Flow(c.Month, c.Gender, StoredKey(s, c.BirthYear), null, null, c.Outcome, c.IncomeBefore, c.IncomeAfter, c.Count)).ToList();
        return (Of(FollowUpMeasure.Opened, m => m >= s.From), Of(FollowUpMeasure.Closed, m => m >= s.From), Of(FollowUpMeasure.Open, m => m == s.From.AddMonths(-1)));
    }

    private async Task<(List<Flow> Opened, List<Flow> Closed, List<Flow> Before)> LiveFlowsAsync(Scope s, CancellationToken ct)
    {
        var (start, end) = (s.From, s.End);
        var cases = Cases(s);
        var persons = Persons(s);
        var opened = await (from c in cases
                            where c.OpenedOn >= start && c.OpenedOn <= end
                            join p in persons on c.ParticipantId equals p.Id
                            group c by new { c.OpenedOn.Year, c.OpenedOn.Month, p.Gender, p.Key, p.TargetGroup, p.PlanKind } into g
                            select new { g.Key.Year, g.Key.Month, g.Key.Gender, g.Key.Key, g.Key.TargetGroup, g.Key.PlanKind, Count = g.Count() }).ToListAsync(ct);
        var closed = await (from c in cases
                            where c.ClosedOn != null && c.ClosedOn >= start && c.ClosedOn <= end
                            join p in persons on c.ParticipantId equals p.Id
                            group c by new { c.ClosedOn!.Value.Year, c.ClosedOn!.Value.Month, c.Outcome, c.IncomeBefore, c.IncomeAfter, p.Gender, p.Key, p.TargetGroup, p.PlanKind } into g
                            select new
                            {
                                g.Key.Year, g.Key.Month, g.Key.Outcome, g.Key.IncomeBefore, g.Key.IncomeAfter, g.Key.Gender, g.Key.Key, g.Key.TargetGroup, g.Key.PlanKind,
                                Count = g.Count(),
                            }).ToListAsync(ct);
        var before = await (from c in cases
                            where c.OpenedOn < start && (c.ClosedOn == null || c.ClosedOn >= start)
                            join p in persons on c.ParticipantId equals p.Id
                            group c by new { p.Gender, p.Key, p.TargetGroup, p.PlanKind } into g
                            select new { g.Key.Gender, g.Key.Key, g.Key.TargetGroup, g.Key.PlanKind, Count = g.Count() }).ToListAsync(ct);
        return (opened.Select(o => new Flow(new DateOnly(o.Year, o.Month, 1), o.Gender, o.Key, o.TargetGroup, o.PlanKind, null, null, null, o.Count)).ToList(),
            closed.Select(o => new Flow(new DateOnly(o.Year, o.Month, 1), o.Gender, o.Key, o.TargetGroup, o.PlanKind, o.Outcome, o.IncomeBefore, o.IncomeAfter, o.Count)).ToList(),
            before.Select(b => new Flow(start, b.Gender, b.Key, b.TargetGroup, b.PlanKind, null, null, null, b.Count)).ToList());
    }

    /// <summary>
    /// Inflow, stock and outflow per month, outcomes and income at closure — one set of linked tables: the stock obeys
    /// stock(m) = stock(m − 1) + inflow(m) − outflow(m), and the outcome and income tables add up to the outflow, so those
    /// relations are given to the suppression too (an attacker knows them).
    /// </summary>
    private async Task FlowsAsync(Scope s, List<FollowUpCategory> categories, List<FollowUpTable> tables, CancellationToken ct)
    {
        var (opened, closed, before) = Stored(s) ? await StoredFlowsAsync(s, ct) : await LiveFlowsAsync(s, ct);
        var months = MonthRows(s);
        var inflow = Matrix(months, categories, opened.Select(o => (Month(o.Month), Column(s, o.Gender, o.Key, o.TargetGroup, o.PlanKind), o.Count)));
        var outflow = Matrix(months, categories, closed.Select(o => (Month(o.Month), Column(s, o.Gender, o.Key, o.TargetGroup, o.PlanKind), o.Count)));
        var stock = new long[months.Count, categories.Count];
        var initial = Matrix([new("", "")], categories, before.Select(b => ("", Column(s, b.Gender, b.Key, b.TargetGroup, b.PlanKind), b.Count)));
        for (var k = 0; k < categories.Count; k++)
        {
            var running = initial[0, k];
            for (var m = 0; m < months.Count; m++)
            {
                running += inflow[m, k] - outflow[m, k];
                stock[m, k] = running;
            }
        }

        var outcomeRows = Enum.GetValues<CaseOutcome>().Select(o => new FollowUpCategory(o.ToString(), EnumText.Label(o))).ToList();
        var outcomeCounts = Matrix(outcomeRows, categories, closed.Select(o => ((o.Outcome ?? CaseOutcome.Unknown).ToString(), Column(s, o.Gender, o.Key, o.TargetGroup, o.PlanKind), o.Count)));
        var incomeRows = Enum.GetValues<IncomeSource>().Select(i => new FollowUpCategory(i.ToString(), EnumText.Label(i))).Append(new("saknas", "Uppgift saknas")).ToList();
        var incomeBefore = Matrix(incomeRows, categories, closed.Select(o => (o.IncomeBefore?.ToString() ?? "saknas", Column(s, o.Gender, o.Key, o.TargetGroup, o.PlanKind), o.Count)));
        var incomeAfter = Matrix(incomeRows, categories, closed.Select(o => (o.IncomeAfter?.ToString() ?? "saknas", Column(s, o.Gender, o.Key, o.TargetGroup, o.PlanKind), o.Count)));

        var linked = new LinkedTables();
        var inGrid = FollowUpTables.Cross(linked, inflow, s.Additive);
        var outGrid = FollowUpTables.Cross(linked, outflow, s.Additive);
        var stockGrid = FollowUpTables.RowsOnly(linked, stock, s.Additive);
        for (var m = 1; m < months.Count; m++)
        {
            for (var k = 0; k < categories.Count; k++)
            {
                var through = linked.Add(stock[m - 1, k] + inflow[m, k], total: true);
                linked.Sum(through, [stockGrid.Cells[m - 1, k], inGrid.Cells[m, k]]);
                linked.Sum(through, [stockGrid.Cells[m, k], outGrid.Cells[m, k]]);
            }
        }

        var outcomeGrid = FollowUpTables.Cross(linked, outcomeCounts, s.Additive);
        var beforeGrid = FollowUpTables.Cross(linked, incomeBefore, s.Additive);
        var afterGrid = FollowUpTables.Cross(linked, incomeAfter, s.Additive);
        foreach (var grid in new[] { outcomeGrid, beforeGrid, afterGrid })
        {
            for (var k = 0; k < categories.Count; k++)
            {
                linked.Sum(outGrid.ColumnTotals![k], [grid.ColumnTotals![k]]);
            }
        }

        var suppression = linked.Protect(Threshold);
        var period = s.Period;
        var ages = (s.By == FollowUpBreakdown.AgeBand ? " " + Ages(s) : "") + (Stored(s) ? StoredNote : "");
        tables.Add(new FollowUpTable("inflode", "Inflöde per månad", "Ärenden som aktualiserats under månaden (öppningsdatum). Ett ärende per organisation: en person med ärenden hos två enheter räknas två gånger." + ages,
            period, CaseSource, FollowUpTables.Columns("Månad", categories, s.Additive), FollowUpTables.Show(inGrid, linked, suppression, months, categories, Link(s, "inflode")), FollowUpTables.SmallCounts));
        tables.Add(new FollowUpTable("bestand", "Bestånd vid månadens slut", "Ärenden som är öppna den sista dagen i månaden: aktualiserade senast den dagen och inte avslutade till och med den. Beståndet = föregående månads bestånd + inflöde − utflöde." + ages,
            period, CaseSource, FollowUpTables.Columns("Månad", categories, s.Additive), FollowUpTables.Show(stockGrid, linked, suppression, months, categories, Link(s, "bestand")), FollowUpTables.SmallCounts));
        tables.Add(new FollowUpTable("utflode", "Utflöde per månad", "Ärenden som avslutats under månaden (avslutsdatum)." + ages,
            period, CaseSource, FollowUpTables.Columns("Månad", categories, s.Additive), FollowUpTables.Show(outGrid, linked, suppression, months, categories, Link(s, "utflode")), FollowUpTables.SmallCounts));
        tables.Add(new FollowUpTable("utfall", "Utfall vid avslut", "Ärenden som avslutats under perioden, efter det utfall som registrerades vid avslutet." + ages,
            period, CaseSource, FollowUpTables.Columns("Utfall", categories, s.Additive), FollowUpTables.Show(outcomeGrid, linked, suppression, outcomeRows, categories, Link(s, "utfall")), FollowUpTables.SmallCounts));
        tables.Add(new FollowUpTable("forsorjning-fore", "Försörjning före (vid aktualiseringen)", "Ärenden som avslutats under perioden, efter försörjningskälla när ärendet öppnades." + ages,
            period, CaseSource, FollowUpTables.Columns("Försörjning", categories, s.Additive), FollowUpTables.Show(beforeGrid, linked, suppression, incomeRows, categories, Link(s, "forsorjning-fore")), FollowUpTables.SmallCounts));
        tables.Add(new FollowUpTable("forsorjning-efter", "Försörjning efter (vid avslutet)", "Samma ärenden, efter försörjningskälla vid avslutet." + ages,
            period, CaseSource, FollowUpTables.Columns("Försörjning", categories, s.Additive), FollowUpTables.Show(afterGrid, linked, suppression, incomeRows, categories, Link(s, "forsorjning-efter")), FollowUpTables.SmallCounts));
    }

    /// <summary>Days from enrolment to closure for cases closed in the period: the count protected, quartiles only over five or more.</summary>
    private async Task<FollowUpTable> TimeToOutcomeAsync(Scope s, List<FollowUpCategory> categories, CancellationToken ct)
    {
        var (start, end) = (s.From, s.End);
        var rows = await (from c in Cases(s)
                          where c.ClosedOn != null && c.ClosedOn >= start && c.ClosedOn <= end && c.EnrolledOn != null
                          join p in Persons(s) on c.ParticipantId equals p.Id
                          select new { c.EnrolledOn, c.ClosedOn, p.Gender, p.Key, p.TargetGroup, p.PlanKind }).ToListAsync(ct);
        var days = rows.Select(r => (Column: Column(s, r.Gender, r.Key, r.TargetGroup, r.PlanKind), Days: r.ClosedOn!.Value.DayNumber - r.EnrolledOn!.Value.DayNumber)).ToList();
        var linked = new LinkedTables();
        var counts = Matrix([new("antal", "Antal")], categories, days.Select(d => ("antal", d.Column, 1L)));
        var grid = FollowUpTables.RowsOnly(linked, counts, s.Additive);
        var suppression = linked.Protect(Threshold);
        var shown = FollowUpTables.Show(grid, linked, suppression, [new("antal", "Avslutade ärenden med inskrivningsdatum")], categories, Link(s, "tid-till-utfall"));
        var groups = categories.Select(c => days.Where(d => d.Column == c.Key).Select(d => d.Days).ToList()).ToList();
        if (s.Additive)
        {
            groups.Add(days.Select(d => d.Days).ToList());
        }

        var quartiles = groups.Select((g, i) => shown[0].Cells[i].Value is >= Threshold ? FollowUpTables.Quartiles(g) : null).ToList();
        FollowUpRow Row(string key, string label, Func<(double Q1, double Median, double Q3), double> pick) =>
            new(key, label, quartiles.Select(q => new FollowUpCell(q is { } v ? FollowUpTables.Days(pick(v)) : "..", null)).ToList());
        shown.Add(Row("q1", "Första kvartilen, dagar", q => q.Q1));
        shown.Add(Row("median", "Median, dagar", q => q.Median));
        shown.Add(Row("q3", "Tredje kvartilen, dagar", q => q.Q3));
        return new FollowUpTable("tid-till-utfall", "Tid från inskrivning till utfall", "Dagar från inskrivningsdatum till avslutsdatum för ärenden som avslutats under perioden. Kvartiler visas bara där minst fem ärenden räknas och antalet visas.",
            s.Period, CaseSource, FollowUpTables.Columns("Mått", categories, s.Additive), shown, FollowUpTables.QuartileRule);
    }

    /// <summary>Where people were at the 3-, 6- and 12-month follow-ups recorded during the period.</summary>
    private async Task<List<FollowUpTable>> FollowUpsAsync(Scope s, List<FollowUpCategory> categories, CancellationToken ct)
    {
        var (start, end) = (s.From, s.End);
        var rows = await (from f in db.Set<CaseFollowUp>()
                          where f.FollowedUpOn >= start && f.FollowedUpOn <= end
                          join c in Cases(s) on f.CaseId equals c.Id
                          join p in Persons(s) on c.ParticipantId equals p.Id
                          group f by new { f.Months, f.Status, p.Gender, p.Key, p.TargetGroup, p.PlanKind } into g
                          select new { g.Key.Months, g.Key.Status, g.Key.Gender, g.Key.Key, g.Key.TargetGroup, g.Key.PlanKind, Count = g.Count() }).ToListAsync(ct);
        var statuses = Enum.GetValues<FollowUpStatus>().Select(x => new FollowUpCategory(x.ToString(), EnumText.Label(x))).ToList();
        return Case.FollowUpMonths.Select(months =>
        {
            var linked = new LinkedTables();
            var grid = FollowUpTables.Cross(linked, Matrix(statuses, categories,
                rows.Where(r => r.Months == months).Select(r => (r.Status.ToString(), Column(s, r.Gender, r.Key, r.TargetGroup, r.PlanKind), (long)r.Count))), s.Additive);
            var suppression = linked.Protect(Threshold);
            return new FollowUpTable($"uppfoljning-{months}", $"Läget {months} månader efter avslut",
                $"Uppföljningar efter {months} månader som registrerats under perioden (uppföljningsdatum), efter var personen var då. Ärenden utan registrerad uppföljning räknas inte.",
                s.Period, CaseSource, FollowUpTables.Columns("Läge", categories, s.Additive), FollowUpTables.Show(grid, linked, suppression, statuses, categories, Link(s, $"uppfoljning-{months}")), FollowUpTables.SmallCounts);
        }).ToList();
    }

    // ------------------------------------------------------------------ referrals, plans, attendance

    private async Task<FollowUpTable> ReportsOnTimeAsync(Scope s, List<FollowUpCategory> categories, CancellationToken ct)
    {
        var today = SwedishTime.Today(clock);
        var (start, end) = (s.From, s.End < today ? s.End : today.AddDays(-1));
        var organisations = Organisations(s);
        var rows = await (from r in db.Set<Referral>()
                          where organisations.Contains(r.FromOrganisationId) && r.State != ReferralState.Declined
                              && r.ExpectedReportOn >= start && r.ExpectedReportOn <= end
                          join p in Persons(s) on r.ParticipantId equals p.Id
                          select new { r.ExpectedReportOn, r.ReportedAt, p.Gender, p.Key, p.TargetGroup, p.PlanKind }).ToListAsync(ct);
        List<FollowUpCategory> kinds = [new("i-tid", "Återrapporterad i tid"), new("sent", "Återrapporterad för sent"), new("saknas", "Inte återrapporterad")];
        var counts = Matrix(kinds, categories, rows.Select(r => (
            r.ReportedAt is null ? "saknas" : SwedishTime.Today(r.ReportedAt.Value) <= r.ExpectedReportOn ? "i-tid" : "sent",
            Column(s, r.Gender, r.Key, r.TargetGroup, r.PlanKind), 1L)));
        var linked = new LinkedTables();
        var grid = FollowUpTables.Cross(linked, counts, s.Additive);
        var suppression = linked.Protect(Threshold);
        var shown = FollowUpTables.Show(grid, linked, suppression, kinds, categories, Link(s, "aterrapporter"));
        shown.Add(FollowUpTables.ShareRow("Andel i tid", shown[0], shown[^1]));
        return new FollowUpTable("aterrapporter", "Återrapporter i tid",
            "Remisser från samverkans organisationer (inte avböjda) vars återrapport skulle lämnas under perioden, till och med i går. I tid = återrapporten lämnades senast det avtalade datumet.",
            s.Period, "Registret: remisser.", FollowUpTables.Columns("Återrapport", categories, s.Additive), shown, $"{FollowUpTables.SmallCounts} {Shares.Rule}");
    }

    private async Task<FollowUpTable> CurrentPlansAsync(Scope s, List<FollowUpCategory> categories, CancellationToken ct)
    {
        var end = s.End;
        List<(bool HasPlan, string Column, long Count)> rows;
        if (Stored(s))
        {
            rows = (await EndAsync(s, ct)).Where(c => c.Measure is FollowUpMeasure.WithPlan or FollowUpMeasure.WithoutPlan)
                .Select(c => (c.Measure == FollowUpMeasure.WithPlan, Column(s, c.Gender, StoredKey(s, c.BirthYear), null, null), (long)c.Count)).ToList();
        }
        else
        {
            var plans = db.Set<ActionPlan>();
            rows = (await (from c in Cases(s)
                           where c.OpenedOn <= end && (c.ClosedOn == null || c.ClosedOn > end)
                           join p in Persons(s) on c.ParticipantId equals p.Id
                           group c by new { HasPlan = plans.Any(a => a.ParticipantId == c.ParticipantId && a.StartsOn <= end && a.EndsOn >= end), p.Gender, p.Key, p.TargetGroup, p.PlanKind } into g
                           select new { g.Key.HasPlan, g.Key.Gender, g.Key.Key, g.Key.TargetGroup, g.Key.PlanKind, Count = g.Count() }).ToListAsync(ct))
                .Select(r => (r.HasPlan, Column(s, r.Gender, r.Key, r.TargetGroup, r.PlanKind), (long)r.Count)).ToList();
        }

        List<FollowUpCategory> kinds = [new("med", "Med aktuell handlingsplan"), new("utan", "Utan aktuell handlingsplan")];
        var linked = new LinkedTables();
        var grid = FollowUpTables.Cross(linked, Matrix(kinds, categories, rows.Select(r => (r.HasPlan ? "med" : "utan", r.Column, r.Count))), s.Additive);
        var suppression = linked.Protect(Threshold);
        var shown = FollowUpTables.Show(grid, linked, suppression, kinds, categories, Link(s, "aktuell-plan"));
        shown.Add(FollowUpTables.ShareRow("Andel med aktuell plan", shown[0], shown[^1]));
        return new FollowUpTable("aktuell-plan", "Deltagare med aktuell handlingsplan",
            $"Ärenden öppna den {end:yyyy-MM-dd} (periodens sista dag), efter om personen då har en handlingsplan vars period omfattar dagen.{(Stored(s) ? StoredNote : "")}",
            s.Period, CaseSource + " Handlingsplaner.", FollowUpTables.Columns("Plan", categories, s.Additive), shown, $"{FollowUpTables.SmallCounts} {Shares.Rule}");
    }

    private async Task<FollowUpTable> RepeatedReferralsAsync(Scope s, List<FollowUpCategory> categories, CancellationToken ct)
    {
        var (start, end) = (s.From, s.End);
        var window = end.AddMonths(-36);
        var organisations = Organisations(s);
        var referrals = db.Set<Referral>().Where(r => organisations.Contains(r.FromOrganisationId));
        var referred = referrals.Where(r => r.SentOn >= start && r.SentOn <= end).Select(r => r.ParticipantId);
        var rows = await (from x in referrals.Where(r => r.SentOn > window && r.SentOn <= end && referred.Contains(r.ParticipantId))
                              .GroupBy(r => new { r.ParticipantId, r.Orders }).Select(g => new { g.Key.ParticipantId, Count = g.Count() })
                          join p in Persons(s) on x.ParticipantId equals p.Id
                          select new { x.ParticipantId, x.Count, p.Gender, p.Key, p.TargetGroup, p.PlanKind }).ToListAsync(ct);
        var people = rows.GroupBy(r => (r.ParticipantId, Column: Column(s, r.Gender, r.Key, r.TargetGroup, r.PlanKind))).Select(g => (Times: g.Max(r => r.Count), g.Key.Column));
        List<FollowUpCategory> kinds = [new("1", "1 gång"), new("2", "2 gånger"), new("3", "3 gånger"), new("4", "4 gånger eller fler")];
        var linked = new LinkedTables();
        var grid = FollowUpTables.Cross(linked, Matrix(kinds, categories,
            people.Select(p => (Math.Min(p.Times, 4).ToString(CultureInfo.InvariantCulture), p.Column, 1L))), s.Additive);
        var suppression = linked.Protect(Threshold);
        return new FollowUpTable("upprepade-remisser", "Upprepade remisser (inlåsning)",
            "Personer som fått en remiss från samverkans organisationer under perioden, efter hur många gånger de fått en remiss med samma beställning under de 36 månaderna fram till periodens slut. Tre gånger eller fler är signalen att se över.",
            s.Period, "Registret: remisser.", FollowUpTables.Columns("Antal remisser", categories, s.Additive), FollowUpTables.Show(grid, linked, suppression, kinds, categories, Link(s, "upprepade-remisser")), FollowUpTables.SmallCounts);
    }

    private async Task<FollowUpTable> AttendanceAsync(Scope s, List<FollowUpCategory> categories, CancellationToken ct)
    {
        var (start, end) = (s.From, s.End);
        var organisations = Organisations(s);
        var rows = await (from a in db.Set<AttendanceRecord>()
                          where a.Date >= start && a.Date <= end
                          join activity in db.Set<Activity>() on a.ActivityId equals activity.Id
                          where organisations.Contains(activity.OrganisationId)
                          join p in Persons(s) on a.ParticipantId equals p.Id
                          group a by new { a.Status, p.Gender, p.Key, p.TargetGroup, p.PlanKind } into g
                          select new { g.Key.Status, g.Key.Gender, g.Key.Key, g.Key.TargetGroup, g.Key.PlanKind, Count = g.Count() }).ToListAsync(ct);
        var kinds = Enum.GetValues<AttendanceStatus>().Select(x => new FollowUpCategory(x.ToString(), EnumText.Label(x))).ToList();
        var linked = new LinkedTables();
        var grid = FollowUpTables.Cross(linked, Matrix(kinds, categories, rows.Select(r => (r.Status.ToString(), Column(s, r.Gender, r.Key, r.TargetGroup, r.PlanKind), (long)r.Count))), s.Additive);
        var suppression = linked.Protect(Threshold);
        var shown = FollowUpTables.Show(grid, linked, suppression, kinds, categories, Link(s, "narvaro"));
        shown.Add(FollowUpTables.ShareRow("Närvarograd", shown[0], shown[^1]));
        return new FollowUpTable("narvaro", "Närvaro", "Registrerade närvarodagar under perioden på aktiviteter som samverkans organisationer anordnar. Närvarograd = närvarande dagar av registrerade dagar.",
            s.Period, "Registret: närvaro.", FollowUpTables.Columns("Registrering", categories, s.Additive), shown, $"{FollowUpTables.SmallCounts} {Shares.Rule}");
    }

    private async Task<FollowUpTable> ActivitiesAsync(Scope s, List<FollowUpCategory> categories, CancellationToken ct)
    {
        var (start, end) = (s.From, s.End);
        var participants = Cases(s).Where(c => c.OpenedOn <= end && (c.ClosedOn == null || c.ClosedOn >= start)).Select(c => c.ParticipantId);
        var rows = await (from a in db.Set<PlanActivity>()
                          where a.Status != PlanActivityStatus.Cancelled && a.StartsOn <= end && a.EndsOn >= start
                          join plan in db.Set<ActionPlan>() on a.PlanId equals plan.Id
                          where participants.Contains(plan.ParticipantId)
                          join p in Persons(s) on plan.ParticipantId equals p.Id
                          group a by new { a.Kind, p.Gender, p.Key, p.TargetGroup, p.PlanKind } into g
                          select new { g.Key.Kind, g.Key.Gender, g.Key.Key, g.Key.TargetGroup, g.Key.PlanKind, Count = g.Count() }).ToListAsync(ct);
        var kinds = Enum.GetValues<ActivityKind>().Where(k => rows.Any(r => r.Kind == k)).Select(k => new FollowUpCategory(k.ToString(), EnumText.Label(k))).ToList();
        var linked = new LinkedTables();
        var grid = FollowUpTables.Cross(linked, Matrix(kinds, categories, rows.Select(r => (r.Kind.ToString(), Column(s, r.Gender, r.Key, r.TargetGroup, r.PlanKind), (long)r.Count))), s.Additive);
        var suppression = linked.Protect(Threshold);
        return new FollowUpTable("insatser", "Insatser per typ", "Insatser i handlingsplaner (inte inställda) som pågått någon dag under perioden, för personer med ett ärende i samverkan under perioden. En person med två insatser räknas två gånger.",
            s.Period, "Registret: handlingsplaner.", FollowUpTables.Columns("Insats", categories, s.Additive), FollowUpTables.Show(grid, linked, suppression, kinds, categories, Link(s, "insatser")), FollowUpTables.SmallCounts);
    }

    private async Task<FollowUpTable> PlacementsAsync(Scope s, List<FollowUpCategory> categories, CancellationToken ct)
    {
        var (start, end) = (s.From, s.End);
        var collaborationId = s.Collaboration.Id;
        var places = await (from period in db.Set<PlacementPeriod>()
                            where period.StartsOn <= end && period.EndsOn >= start
                            join placement in db.Set<Placement>() on period.PlacementId equals placement.Id
                            where placement.OwnerCollaborationId == collaborationId
                            group period by placement.Kind into g
                            select new { Kind = g.Key, Places = g.Sum(p => p.Places) }).ToListAsync(ct);
        var bookings = await (from b in db.Set<PlacementBooking>()
                              where b.StartsOn <= end && b.EndsOn >= start && b.Outcome != BookingOutcome.Cancelled
                              join placement in db.Set<Placement>() on b.PlacementId equals placement.Id
                              where placement.OwnerCollaborationId == collaborationId
                              join p in Persons(s) on b.ParticipantId equals p.Id
                              group b by new { placement.Kind, p.Gender, p.Key, p.TargetGroup, p.PlanKind } into g
                              select new { g.Key.Kind, g.Key.Gender, g.Key.Key, g.Key.TargetGroup, g.Key.PlanKind, Count = g.Count() }).ToListAsync(ct);
        var kinds = Enum.GetValues<PlacementKind>().Where(k => places.Any(p => p.Kind == k) || bookings.Any(b => b.Kind == k))
            .Select(k => new FollowUpCategory(k.ToString(), EnumText.Label(k))).ToList();
        var linked = new LinkedTables();
        var grid = FollowUpTables.Cross(linked, Matrix(kinds, categories, bookings.Select(r => (r.Kind.ToString(), Column(s, r.Gender, r.Key, r.TargetGroup, r.PlanKind), (long)r.Count))), s.Additive);
        var suppression = linked.Protect(Threshold);
        var shown = FollowUpTables.Show(grid, linked, suppression, kinds, categories, Link(s, "praktik"));
        var placeCounts = kinds.Select(k => (long)(places.FirstOrDefault(p => p.Kind.ToString() == k.Key)?.Places ?? 0)).ToList();
        for (var i = 0; i < shown.Count && s.Additive; i++)
        {
            var offered = i < kinds.Count ? placeCounts[i] : placeCounts.Sum();
            var booked = shown[i].Cells[^1].Value;
            shown[i].Cells.Add(new FollowUpCell(offered.ToString("#,0", SwedishCollation.Culture), offered));
            shown[i].Cells.Add(new FollowUpCell(booked is { } b ? Shares.Show(Shares.Of(b, offered)) : "..", null));
        }

        return new FollowUpTable("praktik", "Praktikplatser: bokningar och beläggning",
            "Bokningar (inte inställda) som pågått någon dag under perioden på samverkans praktikplatser, per slag. Platser = summan av platserna i de perioder som berör perioden. Beläggning = bokningar per plats; den visas bara när antalet bokningar visas.",
            s.Period, "Registret: praktikplatser och bokningar.", [.. FollowUpTables.Columns("Slag", categories, s.Additive), .. s.Additive ? new[] { "Platser", "Beläggning" } : []], shown, $"{FollowUpTables.SmallCounts} {Shares.Rule}");
    }

    /// <summary>The collaboration's job tracks whose training started by the period's end and ended at most a year before it began.</summary>
    private async Task<List<Guid>> TrackIdsAsync(Scope s, CancellationToken ct)
    {
        var (start, end) = (s.From, s.End);
        var collaborationId = s.Collaboration.Id;
        return (await db.Set<JobTrack>().AsNoTracking().Where(t => t.OwnerCollaborationId == collaborationId && t.TrainingStartsOn <= end)
                .Select(t => new { t.Id, t.TrainingStartsOn, t.TrainingWeeks }).ToListAsync(ct))
            .Where(t => t.TrainingStartsOn.AddDays((7 * t.TrainingWeeks) + 365) >= start).Select(t => t.Id).ToList();
    }

    private async Task<List<FollowUpTable>> JobTracksAsync(Scope s, List<FollowUpCategory> categories, CancellationToken ct)
    {
        var (start, end) = (s.From, s.End);
        var collaborationId = s.Collaboration.Id;
        var tracks = (await db.Set<JobTrack>().AsNoTracking().Where(t => t.OwnerCollaborationId == collaborationId && t.TrainingStartsOn <= end)
                .Select(t => new { t.Id, t.Title, t.Places, t.EmploymentForm, t.TrainingStartsOn, t.TrainingWeeks }).ToListAsync(ct))
            .Where(t => t.TrainingStartsOn.AddDays((7 * t.TrainingWeeks) + 365) >= start)
            .OrderBy(t => t.Title, SwedishCollation.Comparer).ToList();
        var ids = tracks.Select(t => t.Id).ToList();
        CandidateStage[] counted = [CandidateStage.Started, CandidateStage.Completed, CandidateStage.Discontinued, CandidateStage.Hired];
        var candidates = await (from c in db.Set<JobTrackCandidate>()
                                where ids.Contains(c.JobTrackId) && counted.Contains(c.Stage)
                                join p in Persons(s) on c.ParticipantId equals p.Id
                                group c by new { c.JobTrackId, c.Stage, p.Gender, p.Key, p.TargetGroup, p.PlanKind } into g
                                select new { g.Key.JobTrackId, g.Key.Stage, g.Key.Gender, g.Key.Key, g.Key.TargetGroup, g.Key.PlanKind, Count = g.Count() }).ToListAsync(ct);
        var perGender = await (from c in db.Set<JobTrackCandidate>()
                               where ids.Contains(c.JobTrackId) && counted.Contains(c.Stage)
                               join p in db.Participants on c.ParticipantId equals p.Id
                               group c by new { c.JobTrackId, c.Stage, p.Gender } into g
                               select new { g.Key.JobTrackId, g.Key.Stage, g.Key.Gender, Count = g.Count() }).ToListAsync(ct);
        var stages = counted.Select(x => new FollowUpCategory(x.ToString(), EnumText.Label(x))).ToList();
        var stageGenders = FollowUpTables.Cross(stages);
        var trackRows = tracks.Select(t => new FollowUpCategory(t.Id.ToString(), t.Title)).ToList();

        // Per track: stage × gender (always additive); per breakdown: stage × the chosen columns. Each stage's candidates of a
        // gender are published in both, so the sums tie them (an attacker knows it) — unless the columns overlap.
        var linked = new LinkedTables();
        var byTrack = FollowUpTables.Cross(linked, Matrix(trackRows, stageGenders,
            perGender.Select(c => (c.JobTrackId.ToString(), $"{c.Stage}.{FollowUpTables.GenderKey(c.Gender)}", (long)c.Count))));
        var byCategory = FollowUpTables.Cross(linked, Matrix(stages, categories, candidates.Select(c => (c.Stage.ToString(), Column(s, c.Gender, c.Key, c.TargetGroup, c.PlanKind), (long)c.Count))), s.Additive);
        for (var i = 0; s.Additive && i < stages.Count; i++)
        {
            for (var g = 0; g < TargetStatuses.Genders.Length; g++)
            {
                var gender = FollowUpTables.GenderKey(TargetStatuses.Genders[g]);
                var parts = Enumerable.Range(0, categories.Count).Where(k => FollowUpTables.Split(categories[k].Key).Gender == gender).Select(k => byCategory.Cells[i, k]);
                linked.Sum(byTrack.ColumnTotals![(i * TargetStatuses.Genders.Length) + g], parts);
            }
        }

        var suppression = linked.Protect(Threshold);
        var perTrack = FollowUpTables.Show(byTrack, linked, suppression, trackRows, stageGenders);
        for (var i = 0; i < perTrack.Count; i++)
        {
            var places = i < tracks.Count ? tracks[i].Places : tracks.Sum(t => t.Places);
            perTrack[i].Cells.Add(new FollowUpCell(places.ToString("#,0", SwedishCollation.Culture), places));
            perTrack[i].Cells.Add(new FollowUpCell(i < tracks.Count ? EnumText.Label(tracks[i].EmploymentForm) : "", null));
        }

        const string definition = "Kandidater i samverkans jobbspår vars utbildning startat senast periodens slut och slutat högst ett år före periodens början, efter det steg de nått nu: påbörjad (pågår), fullföljd, avbruten eller anställd.";
        return
        [
            new FollowUpTable("jobbspar", "Jobbspår: platser, fullföljda och anställda", definition, s.Period, "Registret: jobbspår och kandidater.",
                [.. FollowUpTables.Columns("Jobbspår", stageGenders), "Platser", "Anställningsform"], perTrack, FollowUpTables.SmallCounts,
                FollowUpTables.Groups(stageGenders)),
            new FollowUpTable("jobbspar-uppdelning", "Jobbspår: kandidater per steg", definition, s.Period, "Registret: jobbspår och kandidater.",
                FollowUpTables.Columns("Steg", categories, s.Additive), FollowUpTables.Show(byCategory, linked, suppression, stages, categories, Link(s, "jobbspar-uppdelning")), FollowUpTables.SmallCounts),
        ];
    }

    /// <summary>A long-term view seed 002 singles out: cases open at the period's end for more than 24 months, by age band and gender.</summary>
    private async Task<FollowUpTable> LongTermAsync(Scope s, CancellationToken ct)
    {
        var end = s.End;
        var since = end.AddMonths(-LongTermMonths);
        var rows = (await EndAsync(s, ct)).Where(c => c.Measure == FollowUpMeasure.LongTerm);
        var bands = FollowUpTables.Bases(FollowUpBreakdown.AgeBand, []);
        var genders = FollowUpTables.Genders();
        var linked = new LinkedTables();
        var grid = FollowUpTables.Cross(linked, Matrix(bands, genders,
            rows.Select(r => (FollowUpTables.AgeBandOf(r.BirthYear, end.Year), FollowUpTables.GenderKey(r.Gender), (long)r.Count))));
        var suppression = linked.Protect(Threshold);
        return new FollowUpTable("langtid", $"Inskrivna längre än {LongTermMonths} månader",
            $"Ärenden öppna den {end:yyyy-MM-dd} (periodens sista dag) som aktualiserades före {since:yyyy-MM-dd}, per åldersgrupp och kön — till exempel kvinnor 30–39 år. {Ages(s)}{StoredNote}",
            s.Period, CaseSource, FollowUpTables.Columns("Åldersgrupp", genders), FollowUpTables.Show(grid, linked, suppression, bands, genders, Link(s, "langtid")),
            FollowUpTables.SmallCounts);
    }

    // ------------------------------------------------------------------ the people behind a figure

    /// <summary>
    /// The people behind one register figure (a cell, or a row or column total when <paramref name="row"/> or
    /// <paramref name="column"/> is empty): only caseworkers, and only the cases held in their own secrecy boundary; the
    /// opening is logged with the participants listed. Others get 403, a collaboration the reader is not in 404.
    /// </summary>
    public async Task<Outcome<FollowUpPeople>> PeopleAsync(FollowUpQuery query, string figure, string? row, string? column, CancellationToken ct)
    {
        var scoped = await ScopeAsync(query, ct);
        if (scoped.Failure is { Kind: not OutcomeKind.Invalid } notFound)
        {
            return notFound;
        }

        if (!MayOpenPeople)
        {
            await log.RecordAsync(AccessAction.Denied, "FollowUpPeople", null, purpose: $"uppföljning: {figure}, personer bakom en siffra utan behörighet", ct: ct);
            return Outcome.Forbidden("Bara handläggare ser personerna bakom en siffra, och bara i sin egen sekretessgräns. Analytiker ser antal.");
        }

        if (scoped.Failure is { } invalid)
        {
            return invalid;
        }

        if (!PeopleFigures.Contains(figure))
        {
            return Outcome.NotFound();
        }

        var s = scoped.Value!;
        (row, column) = (row?.Trim() ?? "", column?.Trim() ?? "");
        var errors = new Dictionary<string, string[]>();
        var selection = new List<string>();
        var (cases, ids) = await SelectAsync(s, figure, row, errors, selection, ct);

        // The long-term view is always split by age band and gender; every other figure by the chosen columns.
        var participants = db.Participants.AsQueryable();
        if (figure == "langtid" && row != "" && !errors.ContainsKey("row"))
        {
            participants = InAgeBand(participants, row, s.End.Year);
        }

        var columns = figure == "langtid" ? FollowUpTables.Genders() : s.Categories;
        if (column != "" && !errors.ContainsKey("row"))
        {
            var category = columns.FirstOrDefault(c => c.Key == column);
            if (category is null)
            {
                errors["column"] = [$"Kolumnen ska vara en av: {string.Join(", ", columns.Select(c => c.Key))}."];
            }
            else
            {
                participants = InColumn(s, figure == "langtid" ? FollowUpBreakdown.Gender : s.By, participants, column);
                selection.Add(category.Label);
            }
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var own = access.VisibleParts().Own.Select(p => p.Id);
        var boundary = access.Boundary;
        List<FollowUpPerson> found;
        if (cases is not null)
        {
            found = (await (from c in cases
                            where c.BoundaryId == boundary && own.Contains(c.ParticipantId)
                            join p in participants on c.ParticipantId equals p.Id
                            select new { p.Id, p.FirstName, p.LastName, CaseId = c.Id, c.OpenedOn, c.ClosedOn }).Take(MaxPeople + 1).ToListAsync(ct))
                .Select(f => new FollowUpPerson(f.Id, $"{f.FirstName} {f.LastName}", f.CaseId, f.OpenedOn, f.ClosedOn)).ToList();
        }
        else
        {
            found = (await participants.Where(p => ids!.Contains(p.Id) && own.Contains(p.Id))
                    .Select(p => new { p.Id, p.FirstName, p.LastName }).Take(MaxPeople + 1).ToListAsync(ct))
                .Select(f => new FollowUpPerson(f.Id, $"{f.FirstName} {f.LastName}", null, null, null)).ToList();
        }

        var people = found.Take(MaxPeople).OrderBy(p => p.Name, SwedishCollation.Comparer).ThenBy(p => p.OpenedOn).ToList();
        await log.RecordAsync(AccessAction.Search, "FollowUpPeople", s.Collaboration.Id,
            purpose: $"uppföljning: personer bakom {figure} {s.Period}", resultIds: people.Select(p => p.ParticipantId).Distinct(), ct: ct);

        var (title, definition) = Describe(figure, s);
        var note = (cases is not null
                ? "Listan visar bara ärenden som hålls inom din egen sekretessgräns; siffran i tabellen räknar hela samverkan."
                : "Listan visar bara personer som din egen sekretessgräns äger; siffran i tabellen räknar hela samverkan.")
            + (found.Count > MaxPeople ? $" Bara de första {MaxPeople} visas." : "");
        return new FollowUpPeople(figure, title, definition, s.Period, selection.Count == 0 ? "Alla" : string.Join(", ", selection), people, note);
    }

    /// <summary>
    /// The records behind a figure's row (all rows when <paramref name="row"/> is empty): the cases for a figure that counts
    /// cases, else the participants counted (referrals, attendance, activities, bookings, candidates).
    /// </summary>
    private async Task<(IQueryable<Case>? Cases, IQueryable<Guid>? Participants)> SelectAsync(Scope s, string figure, string row,
        Dictionary<string, string[]> errors, List<string> selection, CancellationToken ct)
    {
        var cases = Cases(s);
        var (start, end) = (s.From, s.End);
        bool Is<T>(out T value, string example) where T : struct, Enum
        {
            value = default;
            if (row == "")
            {
                return false;
            }

            if (Enum.TryParse(row, out value) && Enum.IsDefined(value) && !row.Any(char.IsDigit))
            {
                selection.Add(EnumText.Label(value));
                return true;
            }

            errors["row"] = [$"Raden ska vara en av: {string.Join(", ", Enum.GetNames<T>())} (till exempel {example})."];
            return false;
        }

        switch (figure)
        {
            case "inflode" or "utflode" or "bestand":
                var (from, to) = (s.From, end);
                if (row != "")
                {
                    var month = MonthRows(s).FirstOrDefault(m => m.Key == row);
                    if (month is null)
                    {
                        errors["row"] = [$"Raden ska vara en månad i perioden {s.Period} (ÅÅÅÅ-MM)."];
                        break;
                    }

                    from = DateOnly.ParseExact(month.Key + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
                    to = from.AddMonths(1).AddDays(-1);
                    selection.Add(month.Key);
                }

                return (figure switch
                {
                    "inflode" => cases.Where(c => c.OpenedOn >= from && c.OpenedOn <= to),
                    "utflode" => cases.Where(c => c.ClosedOn != null && c.ClosedOn >= from && c.ClosedOn <= to),
                    _ => cases.Where(c => c.OpenedOn <= to && (c.ClosedOn == null || c.ClosedOn > to)),
                }, null);
            case "utfall":
                cases = cases.Where(c => c.ClosedOn != null && c.ClosedOn >= start && c.ClosedOn <= end);
                if (Is<CaseOutcome>(out var outcome, "UnsubsidisedWork"))
                {
                    cases = outcome == CaseOutcome.Unknown ? cases.Where(c => c.Outcome == null || c.Outcome == outcome) : cases.Where(c => c.Outcome == outcome);
                }

                return (cases, null);
            case "forsorjning-fore" or "forsorjning-efter":
                cases = cases.Where(c => c.ClosedOn != null && c.ClosedOn >= start && c.ClosedOn <= end);
                var before = figure == "forsorjning-fore";
                if (row == "saknas")
                {
                    selection.Add("Uppgift saknas");
                    return (before ? cases.Where(c => c.IncomeBefore == null) : cases.Where(c => c.IncomeAfter == null), null);
                }

                if (Is<IncomeSource>(out var income, "SocialAssistance"))
                {
                    cases = before ? cases.Where(c => c.IncomeBefore == income) : cases.Where(c => c.IncomeAfter == income);
                }

                return (cases, null);
            case "tid-till-utfall":
                if (row is not ("" or "antal"))
                {
                    errors["row"] = ["Raden ska vara antal."];
                }

                return (cases.Where(c => c.ClosedOn != null && c.ClosedOn >= start && c.ClosedOn <= end && c.EnrolledOn != null), null);
            case "uppfoljning-3" or "uppfoljning-6" or "uppfoljning-12":
                var months = int.Parse(figure["uppfoljning-".Length..], CultureInfo.InvariantCulture);
                var followUps = db.Set<CaseFollowUp>().Where(f => f.Months == months && f.FollowedUpOn >= start && f.FollowedUpOn <= end);
                if (Is<FollowUpStatus>(out var status, "UnsubsidisedWork"))
                {
                    followUps = followUps.Where(f => f.Status == status);
                }

                return (cases.Where(c => followUps.Any(f => f.CaseId == c.Id)), null);
            case "aktuell-plan":
                cases = cases.Where(c => c.OpenedOn <= end && (c.ClosedOn == null || c.ClosedOn > end));
                var plans = db.Set<ActionPlan>();
                if (row is "med" or "utan")
                {
                    var with = row == "med";
                    cases = cases.Where(c => plans.Any(a => a.ParticipantId == c.ParticipantId && a.StartsOn <= end && a.EndsOn >= end) == with);
                    selection.Add(with ? "med aktuell handlingsplan" : "utan aktuell handlingsplan");
                }
                else if (row != "")
                {
                    errors["row"] = ["Raden ska vara med eller utan."];
                }

                return (cases, null);
            case "langtid":
                var since = end.AddMonths(-LongTermMonths);
                if (row != "")
                {
                    if (!FollowUpTables.Bases(FollowUpBreakdown.AgeBand, []).Any(b => b.Key == row))
                    {
                        errors["row"] = ["Raden ska vara en åldersgrupp, till exempel 30-39."];
                    }
                    else
                    {
                        selection.Add(FollowUpTables.AgeBandLabel(row));
                    }
                }

                return (cases.Where(c => c.OpenedOn < since && (c.ClosedOn == null || c.ClosedOn > end)), null);
            case "aterrapporter":
                var today = SwedishTime.Today(clock);
                var last = end < today ? end : today.AddDays(-1);
                var organisations = Organisations(s);
                var referrals = await db.Set<Referral>().Where(r => organisations.Contains(r.FromOrganisationId) && r.State != ReferralState.Declined
                        && r.ExpectedReportOn >= start && r.ExpectedReportOn <= last)
                    .Select(r => new { r.ParticipantId, r.ExpectedReportOn, r.ReportedAt }).ToListAsync(ct);
                if (row is not ("" or "i-tid" or "sent" or "saknas"))
                {
                    errors["row"] = ["Raden ska vara i-tid, sent eller saknas."];
                    return (null, null);
                }

                if (row != "")
                {
                    selection.Add(row switch { "i-tid" => "Återrapporterad i tid", "sent" => "Återrapporterad för sent", _ => "Inte återrapporterad" });
                }

                var matching = referrals.Where(r => row == "" || row == (r.ReportedAt is null ? "saknas"
                    : SwedishTime.Today(r.ReportedAt.Value) <= r.ExpectedReportOn ? "i-tid" : "sent")).Select(r => r.ParticipantId).Distinct().ToList();
                return (null, db.Participants.Where(p => matching.Contains(p.Id)).Select(p => p.Id));
            case "upprepade-remisser":
                var window = end.AddMonths(-36);
                var from36 = Organisations(s);
                var all = db.Set<Referral>().Where(r => from36.Contains(r.FromOrganisationId));
                var referred = all.Where(r => r.SentOn >= start && r.SentOn <= end).Select(r => r.ParticipantId);
                var times = await all.Where(r => r.SentOn > window && r.SentOn <= end && referred.Contains(r.ParticipantId))
                    .GroupBy(r => new { r.ParticipantId, r.Orders }).Select(g => new { g.Key.ParticipantId, Count = g.Count() }).ToListAsync(ct);
                if (row is not ("" or "1" or "2" or "3" or "4"))
                {
                    errors["row"] = ["Raden ska vara 1, 2, 3 eller 4 (fyra gånger eller fler)."];
                    return (null, null);
                }

                if (row != "")
                {
                    selection.Add(row == "4" ? "4 gånger eller fler" : row == "1" ? "1 gång" : $"{row} gånger");
                }

                var repeated = times.GroupBy(t => t.ParticipantId).Where(g => row == "" || Math.Min(g.Max(t => t.Count), 4).ToString(CultureInfo.InvariantCulture) == row)
                    .Select(g => g.Key).ToList();
                return (null, db.Participants.Where(p => repeated.Contains(p.Id)).Select(p => p.Id));
            case "narvaro":
                var attending = Organisations(s);
                var records = from a in db.Set<AttendanceRecord>()
                              where a.Date >= start && a.Date <= end
                              join activity in db.Set<Activity>() on a.ActivityId equals activity.Id
                              where attending.Contains(activity.OrganisationId)
                              select a;
                if (Is<AttendanceStatus>(out var attendance, "Present"))
                {
                    records = records.Where(a => a.Status == attendance);
                }

                return (null, records.Select(a => a.ParticipantId).Distinct());
            case "insatser":
                var activities = PeriodActivities(s);
                if (Is<ActivityKind>(out var kind, "Placement"))
                {
                    activities = activities.Where(a => a.Kind == kind);
                }

                return (null, activities.Select(a => a.ParticipantId).Distinct());
            case "praktik":
                var collaborationId = s.Collaboration.Id;
                var bookings = from b in db.Set<PlacementBooking>()
                               where b.StartsOn <= end && b.EndsOn >= start && b.Outcome != BookingOutcome.Cancelled
                               join placement in db.Set<Placement>() on b.PlacementId equals placement.Id
                               where placement.OwnerCollaborationId == collaborationId
                               select new { b.ParticipantId, placement.Kind };
                if (Is<PlacementKind>(out var placementKind, "WorkExperience"))
                {
                    bookings = bookings.Where(b => b.Kind == placementKind);
                }

                return (null, bookings.Select(b => b.ParticipantId).Distinct());
            case "jobbspar-uppdelning":
                var tracks = await TrackIdsAsync(s, ct);
                CandidateStage[] counted = [CandidateStage.Started, CandidateStage.Completed, CandidateStage.Discontinued, CandidateStage.Hired];
                var candidates = db.Set<JobTrackCandidate>().Where(c => tracks.Contains(c.JobTrackId) && counted.Contains(c.Stage));
                if (Is<CandidateStage>(out var stage, "Hired"))
                {
                    candidates = candidates.Where(c => c.Stage == stage);
                }

                return (null, candidates.Select(c => c.ParticipantId).Distinct());
        }

        return (null, null);
    }

    /// <summary>The participants in a column: its gender, and the breakdown's category when the columns are crossed.</summary>
    private IQueryable<Participant> InColumn(Scope s, FollowUpBreakdown by, IQueryable<Participant> participants, string column)
    {
        var (category, genderKey) = FollowUpTables.Split(column);
        var gender = FollowUpTables.GenderOf(genderKey);
        participants = participants.Where(p => p.Gender == gender);
        var codes = s.Collaboration.MunicipalityCodes;
        var activities = PeriodActivities(s);
        switch (by)
        {
            case FollowUpBreakdown.AgeBand:
                return InAgeBand(participants, category, s.End.Year);
            case FollowUpBreakdown.Municipality:
                return category == FollowUpTables.Other
                    ? participants.Where(p => !codes.Contains(p.HomeMunicipalityCode))
                    : participants.Where(p => p.HomeMunicipalityCode == category);
            case FollowUpBreakdown.TargetGroup:
                var statuses = TargetStatuses.All;
                if (category == FollowUpTables.Other)
                {
                    return participants.Where(p => !statuses.Contains(p.AfStatus));
                }

                var status = Enum.Parse<AfStatus>(category);
                return participants.Where(p => p.AfStatus == status);
            case FollowUpBreakdown.ActivityKind:
                if (category == FollowUpTables.NoActivity)
                {
                    return participants.Where(p => !activities.Any(a => a.ParticipantId == p.Id));
                }

                var kind = Enum.Parse<ActivityKind>(category);
                return participants.Where(p => activities.Any(a => a.ParticipantId == p.Id && a.Kind == kind));
            case FollowUpBreakdown.Provider:
                var top = s.Providers;
                if (category == FollowUpTables.NoActivity)
                {
                    return participants.Where(p => !activities.Any(a => a.ParticipantId == p.Id));
                }

                if (category == FollowUpTables.OtherProviders)
                {
                    return participants.Where(p => activities.Any(a => a.ParticipantId == p.Id && !top.Contains(a.Provider)));
                }

                var provider = top[int.Parse(category[1..], CultureInfo.InvariantCulture) - 1];
                return participants.Where(p => activities.Any(a => a.ParticipantId == p.Id && a.Provider == provider));
            default:
                return participants;
        }
    }

    /// <summary>The participants in an age band (age at the end of <paramref name="year"/>) by their birth date, so the index can be used.</summary>
    private static IQueryable<Participant> InAgeBand(IQueryable<Participant> participants, string band, int year)
    {
        if (band == FollowUpTables.Other)
        {
            var (youngest, oldest) = (new DateOnly(year - 16, 12, 31), new DateOnly(year - 64, 1, 1));
            return participants.Where(p => p.DateOfBirth == null || p.DateOfBirth > youngest || p.DateOfBirth < oldest);
        }

        var (from, to) = FollowUpTables.AgeBands.Single(b => b.Key == band) is var b ? (new DateOnly(year - b.To, 1, 1), new DateOnly(year - b.From, 12, 31)) : default;
        return participants.Where(p => p.DateOfBirth >= from && p.DateOfBirth <= to);
    }

    private static (string Title, string Definition) Describe(string figure, Scope s) => figure switch
    {
        "inflode" => ("Inflöde", "Ärenden som aktualiserats under månaden (eller perioden)."),
        "utflode" => ("Utflöde", "Ärenden som avslutats under månaden (eller perioden)."),
        "bestand" => ("Bestånd", "Ärenden öppna den sista dagen i månaden (eller perioden)."),
        "utfall" => ("Utfall vid avslut", "Ärenden som avslutats under perioden, efter utfall."),
        "forsorjning-fore" => ("Försörjning före", "Ärenden som avslutats under perioden, efter försörjningskälla när ärendet öppnades."),
        "forsorjning-efter" => ("Försörjning efter", "Ärenden som avslutats under perioden, efter försörjningskälla vid avslutet."),
        "tid-till-utfall" => ("Tid från inskrivning till utfall", "Ärenden med inskrivningsdatum som avslutats under perioden."),
        "uppfoljning-3" or "uppfoljning-6" or "uppfoljning-12" => ($"Läget {figure["uppfoljning-".Length..]} månader efter avslut",
            "Ärenden vars uppföljning registrerades under perioden, efter var personen var då."),
        "aterrapporter" => ("Återrapporter i tid", "Personer med en remiss från samverkans organisationer vars återrapport skulle lämnas under perioden."),
        "aktuell-plan" => ("Aktuell handlingsplan", $"Ärenden öppna den {s.End:yyyy-MM-dd}, efter om personen har en handlingsplan som omfattar dagen."),
        "upprepade-remisser" => ("Upprepade remisser", "Personer som fått en remiss under perioden, efter hur många gånger de fått samma beställning under 36 månader."),
        "narvaro" => ("Närvaro", "Personer med registrerad närvaro eller frånvaro under perioden på samverkans aktiviteter."),
        "insatser" => ("Insatser per typ", "Personer med en insats i handlingsplanen som pågått någon dag under perioden."),
        "praktik" => ("Praktikplatser", "Personer med en bokning (inte inställd) på samverkans praktikplatser under perioden."),
        "jobbspar-uppdelning" => ("Jobbspår: kandidater per steg", "Kandidater i samverkans jobbspår under perioden, efter det steg de nått nu."),
        _ => ($"Inskrivna längre än {LongTermMonths} månader", $"Ärenden öppna den {s.End:yyyy-MM-dd} som aktualiserades före {s.End.AddMonths(-LongTermMonths):yyyy-MM-dd}."),
    };
}
