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
/// the last twelve) and a breakdown (gender, ageBand, municipality; default gender).</summary>
public sealed record FollowUpQuery(Guid? CollaborationId, string? From, string? To, string? By);

/// <summary>The follow-up of a collaboration and period: every table protected, with its definition and period.</summary>
public sealed record FollowUpReport(Guid CollaborationId, string CollaborationName, string From, string To, FollowUpBreakdown By,
    List<FollowUpCategory> Categories, List<FollowUpTable> Tables, int Threshold, string Rule, bool MayOpenPeople);

public sealed record FollowUpPerson(Guid ParticipantId, string Name, Guid CaseId, DateOnly OpenedOn, DateOnly? ClosedOn);

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
    TimeProvider clock)
{
    public const int Threshold = TargetGroupWork.Threshold;
    public const int MaxMonths = 36;
    public const int MaxPeople = 500;
    public const int LongTermMonths = 24;

    /// <summary>The figures whose people a caseworker may open.</summary>
    public static readonly string[] PeopleFigures = ["inflode", "bestand", "utflode", "utfall", "aktuell-plan", "langtid"];

    private sealed record Scope(TargetGroupWork.CollaborationChoice Collaboration, DateOnly From, DateOnly To, FollowUpBreakdown By)
    {
        public DateOnly End => To.AddMonths(1).AddDays(-1);
        public string Period => $"{Month(From)}–{Month(To)}";
        public int Months => ((To.Year - From.Year) * 12) + To.Month - From.Month + 1;
        public string Query => $"?collaborationId={Collaboration.Id}&from={Month(From)}&to={Month(To)}&by={ByKey(By)}";
    }

    /// <summary>A participant's dimensions as the tables count them: gender, age band at the end of the period's last year, and
    /// home municipality (one of the collaboration's, else "annan").</summary>
    private sealed class Dims
    {
        public Guid Id { get; set; }
        public Gender Gender { get; set; }
        public string Band { get; set; } = "";
        public string Code { get; set; } = "";
        public string FirstName { get; set; } = "";
        public string LastName { get; set; } = "";
    }

    private bool MayOpenPeople => user.IsCaseworker;

    public Task<List<TargetGroupWork.CollaborationChoice>> CollaborationsAsync(CancellationToken ct) => targetGroups.CollaborationsAsync(ct);

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static string ByKey(FollowUpBreakdown by) => by switch
    {
        FollowUpBreakdown.AgeBand => "ageBand",
        FollowUpBreakdown.Municipality => "municipality",
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
        var categories = FollowUpTables.Categories(s.By, s.Collaboration.MunicipalityCodes);
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
            default:
                errors["by"] = ["Uppdelning ska vara gender (kön), ageBand (åldersgrupp) eller municipality (kommun)."];
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

        return errors.Count > 0 ? Outcome.Invalid(errors) : new Scope(collaboration, from, to, by);
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

    /// <summary>The cases held by the collaboration's organisations and their units.</summary>
    private IQueryable<Case> Cases(Scope s)
    {
        var members = db.Collaborations.Where(c => c.Id == s.Collaboration.Id).SelectMany(c => c.Members.Select(m => m.OrganisationId));
        var organisations = db.Organisations.Where(o => members.Contains(o.Id) || (o.ParentId != null && members.Contains(o.ParentId.Value))).Select(o => o.Id);
        return db.Set<Case>().Where(c => organisations.Contains(c.OrganisationId));
    }

    private IQueryable<Guid> Organisations(Scope s)
    {
        var members = db.Collaborations.Where(c => c.Id == s.Collaboration.Id).SelectMany(c => c.Members.Select(m => m.OrganisationId));
        return db.Organisations.Where(o => members.Contains(o.Id) || (o.ParentId != null && members.Contains(o.ParentId.Value))).Select(o => o.Id);
    }

    private IQueryable<Dims> Persons(Scope s)
    {
        var year = s.End.Year;
        var codes = s.Collaboration.MunicipalityCodes;
        return db.Participants.Select(p => new Dims
        {
            Id = p.Id,
            Gender = p.Gender,
            Band = p.DateOfBirth == null ? FollowUpTables.Other
                : year - p.DateOfBirth.Value.Year < 16 ? FollowUpTables.Other
                : year - p.DateOfBirth.Value.Year <= 19 ? "16-19"
                : year - p.DateOfBirth.Value.Year <= 24 ? "20-24"
                : year - p.DateOfBirth.Value.Year <= 29 ? "25-29"
                : year - p.DateOfBirth.Value.Year <= 39 ? "30-39"
                : year - p.DateOfBirth.Value.Year <= 49 ? "40-49"
                : year - p.DateOfBirth.Value.Year <= 64 ? "50-64"
                : FollowUpTables.Other,
            Code = codes.Contains(p.HomeMunicipalityCode) ? p.HomeMunicipalityCode : FollowUpTables.Other,
            FirstName = p.FirstName,
            LastName = p.LastName,
        });
    }

    private static string Column(FollowUpBreakdown by, Gender gender, string band, string code) => by switch
    {
        FollowUpBreakdown.AgeBand => band,
        FollowUpBreakdown.Municipality => code,
        _ => FollowUpTables.GenderKey(gender),
    };

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

    /// <summary>
    /// Inflow, stock and outflow per month, outcomes and income at closure — one set of linked tables: the stock obeys
    /// stock(m) = stock(m − 1) + inflow(m) − outflow(m), and the outcome and income tables add up to the outflow, so those
    /// relations are given to the suppression too (an attacker knows them).
    /// </summary>
    private async Task FlowsAsync(Scope s, List<FollowUpCategory> categories, List<FollowUpTable> tables, CancellationToken ct)
    {
        var (start, end) = (s.From, s.End);
        var cases = Cases(s);
        var persons = Persons(s);
        var opened = await (from c in cases
                            where c.OpenedOn >= start && c.OpenedOn <= end
                            join p in persons on c.ParticipantId equals p.Id
                            group c by new { c.OpenedOn.Year, c.OpenedOn.Month, p.Gender, p.Band, p.Code } into g
                            select new { g.Key.Year, g.Key.Month, g.Key.Gender, g.Key.Band, g.Key.Code, Count = g.Count() }).ToListAsync(ct);
        var closed = await (from c in cases
                            where c.ClosedOn != null && c.ClosedOn >= start && c.ClosedOn <= end
                            join p in persons on c.ParticipantId equals p.Id
                            group c by new { c.ClosedOn!.Value.Year, c.ClosedOn!.Value.Month, p.Gender, p.Band, p.Code } into g
                            select new { g.Key.Year, g.Key.Month, g.Key.Gender, g.Key.Band, g.Key.Code, Count = g.Count() }).ToListAsync(ct);
        var before = await (from c in cases
                            where c.OpenedOn < start && (c.ClosedOn == null || c.ClosedOn >= start)
                            join p in persons on c.ParticipantId equals p.Id
                            group c by new { p.Gender, p.Band, p.Code } into g
                            select new { g.Key.Gender, g.Key.Band, g.Key.Code, Count = g.Count() }).ToListAsync(ct);
        var outcomes = await (from c in cases
                              where c.ClosedOn != null && c.ClosedOn >= start && c.ClosedOn <= end
                              join p in persons on c.ParticipantId equals p.Id
                              group c by new { c.Outcome, c.IncomeBefore, c.IncomeAfter, p.Gender, p.Band, p.Code } into g
                              select new { g.Key.Outcome, g.Key.IncomeBefore, g.Key.IncomeAfter, g.Key.Gender, g.Key.Band, g.Key.Code, Count = g.Count() })
            .ToListAsync(ct);

        var months = MonthRows(s);
        var inflow = Matrix(months, categories, opened.Select(o => (Month(new DateOnly(o.Year, o.Month, 1)), Column(s.By, o.Gender, o.Band, o.Code), (long)o.Count)));
        var outflow = Matrix(months, categories, closed.Select(o => (Month(new DateOnly(o.Year, o.Month, 1)), Column(s.By, o.Gender, o.Band, o.Code), (long)o.Count)));
        var stock = new long[months.Count, categories.Count];
        var initial = Matrix([new("", "")], categories, before.Select(b => ("", Column(s.By, b.Gender, b.Band, b.Code), (long)b.Count)));
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
        var outcomeCounts = Matrix(outcomeRows, categories, outcomes.Select(o => ((o.Outcome ?? CaseOutcome.Unknown).ToString(), Column(s.By, o.Gender, o.Band, o.Code), (long)o.Count)));
        var incomeRows = Enum.GetValues<IncomeSource>().Select(i => new FollowUpCategory(i.ToString(), EnumText.Label(i))).Append(new("saknas", "Uppgift saknas")).ToList();
        var incomeBefore = Matrix(incomeRows, categories, outcomes.Select(o => (o.IncomeBefore?.ToString() ?? "saknas", Column(s.By, o.Gender, o.Band, o.Code), (long)o.Count)));
        var incomeAfter = Matrix(incomeRows, categories, outcomes.Select(o => (o.IncomeAfter?.ToString() ?? "saknas", Column(s.By, o.Gender, o.Band, o.Code), (long)o.Count)));

        var linked = new LinkedTables();
        var inGrid = FollowUpTables.Cross(linked, inflow);
        var outGrid = FollowUpTables.Cross(linked, outflow);
        var stockGrid = FollowUpTables.RowsOnly(linked, stock);
        for (var m = 1; m < months.Count; m++)
        {
            for (var k = 0; k < categories.Count; k++)
            {
                var through = linked.Add(stock[m - 1, k] + inflow[m, k], total: true);
                linked.Sum(through, [stockGrid.Cells[m - 1, k], inGrid.Cells[m, k]]);
                linked.Sum(through, [stockGrid.Cells[m, k], outGrid.Cells[m, k]]);
            }
        }

        var outcomeGrid = FollowUpTables.Cross(linked, outcomeCounts);
        var beforeGrid = FollowUpTables.Cross(linked, incomeBefore);
        var afterGrid = FollowUpTables.Cross(linked, incomeAfter);
        foreach (var grid in new[] { outcomeGrid, beforeGrid, afterGrid })
        {
            for (var k = 0; k < categories.Count; k++)
            {
                linked.Sum(outGrid.ColumnTotals![k], [grid.ColumnTotals![k]]);
            }
        }

        var suppression = linked.Protect(Threshold);
        var period = s.Period;
        var ages = s.By == FollowUpBreakdown.AgeBand ? " " + Ages(s) : "";
        tables.Add(new FollowUpTable("inflode", "Inflöde per månad", "Ärenden som aktualiserats under månaden (öppningsdatum). Ett ärende per organisation: en person med ärenden hos två enheter räknas två gånger." + ages,
            period, CaseSource, FollowUpTables.Columns("Månad", categories), FollowUpTables.Show(inGrid, linked, suppression, months, categories, Link(s, "inflode")), FollowUpTables.SmallCounts));
        tables.Add(new FollowUpTable("bestand", "Bestånd vid månadens slut", "Ärenden som är öppna den sista dagen i månaden: aktualiserade senast den dagen och inte avslutade till och med den. Beståndet = föregående månads bestånd + inflöde − utflöde." + ages,
            period, CaseSource, FollowUpTables.Columns("Månad", categories), FollowUpTables.Show(stockGrid, linked, suppression, months, categories, Link(s, "bestand")), FollowUpTables.SmallCounts));
        tables.Add(new FollowUpTable("utflode", "Utflöde per månad", "Ärenden som avslutats under månaden (avslutsdatum)." + ages,
            period, CaseSource, FollowUpTables.Columns("Månad", categories), FollowUpTables.Show(outGrid, linked, suppression, months, categories, Link(s, "utflode")), FollowUpTables.SmallCounts));
        tables.Add(new FollowUpTable("utfall", "Utfall vid avslut", "Ärenden som avslutats under perioden, efter det utfall som registrerades vid avslutet." + ages,
            period, CaseSource, FollowUpTables.Columns("Utfall", categories), FollowUpTables.Show(outcomeGrid, linked, suppression, outcomeRows, categories, Link(s, "utfall")), FollowUpTables.SmallCounts));
        tables.Add(new FollowUpTable("forsorjning-fore", "Försörjning före (vid aktualiseringen)", "Ärenden som avslutats under perioden, efter försörjningskälla när ärendet öppnades." + ages,
            period, CaseSource, FollowUpTables.Columns("Försörjning", categories), FollowUpTables.Show(beforeGrid, linked, suppression, incomeRows, categories), FollowUpTables.SmallCounts));
        tables.Add(new FollowUpTable("forsorjning-efter", "Försörjning efter (vid avslutet)", "Samma ärenden, efter försörjningskälla vid avslutet." + ages,
            period, CaseSource, FollowUpTables.Columns("Försörjning", categories), FollowUpTables.Show(afterGrid, linked, suppression, incomeRows, categories), FollowUpTables.SmallCounts));
    }

    /// <summary>Days from enrolment to closure for cases closed in the period: the count protected, quartiles only over five or more.</summary>
    private async Task<FollowUpTable> TimeToOutcomeAsync(Scope s, List<FollowUpCategory> categories, CancellationToken ct)
    {
        var (start, end) = (s.From, s.End);
        var rows = await (from c in Cases(s)
                          where c.ClosedOn != null && c.ClosedOn >= start && c.ClosedOn <= end && c.EnrolledOn != null
                          join p in Persons(s) on c.ParticipantId equals p.Id
                          select new { c.EnrolledOn, c.ClosedOn, p.Gender, p.Band, p.Code }).ToListAsync(ct);
        var days = rows.Select(r => (Column: Column(s.By, r.Gender, r.Band, r.Code), Days: r.ClosedOn!.Value.DayNumber - r.EnrolledOn!.Value.DayNumber)).ToList();
        var linked = new LinkedTables();
        var counts = Matrix([new("antal", "Antal")], categories, days.Select(d => ("antal", d.Column, 1L)));
        var grid = FollowUpTables.RowsOnly(linked, counts);
        var suppression = linked.Protect(Threshold);
        var shown = FollowUpTables.Show(grid, linked, suppression, [new("antal", "Avslutade ärenden med inskrivningsdatum")], categories);
        var groups = categories.Select(c => days.Where(d => d.Column == c.Key).Select(d => d.Days).ToList()).Append(days.Select(d => d.Days).ToList()).ToList();
        var quartiles = groups.Select((g, i) => shown[0].Cells[i].Value is >= Threshold ? FollowUpTables.Quartiles(g) : null).ToList();
        FollowUpRow Row(string key, string label, Func<(double Q1, double Median, double Q3), double> pick) =>
            new(key, label, quartiles.Select(q => new FollowUpCell(q is { } v ? FollowUpTables.Days(pick(v)) : "..", null)).ToList());
        shown.Add(Row("q1", "Första kvartilen, dagar", q => q.Q1));
        shown.Add(Row("median", "Median, dagar", q => q.Median));
        shown.Add(Row("q3", "Tredje kvartilen, dagar", q => q.Q3));
        return new FollowUpTable("tid-till-utfall", "Tid från inskrivning till utfall", "Dagar från inskrivningsdatum till avslutsdatum för ärenden som avslutats under perioden. Kvartiler visas bara där minst fem ärenden räknas och antalet visas.",
            s.Period, CaseSource, FollowUpTables.Columns("Mått", categories), shown, FollowUpTables.QuartileRule);
    }

    /// <summary>Where people were at the 3-, 6- and 12-month follow-ups recorded during the period.</summary>
    private async Task<List<FollowUpTable>> FollowUpsAsync(Scope s, List<FollowUpCategory> categories, CancellationToken ct)
    {
        var (start, end) = (s.From, s.End);
        var rows = await (from f in db.Set<CaseFollowUp>()
                          where f.FollowedUpOn >= start && f.FollowedUpOn <= end
                          join c in Cases(s) on f.CaseId equals c.Id
                          join p in Persons(s) on c.ParticipantId equals p.Id
                          group f by new { f.Months, f.Status, p.Gender, p.Band, p.Code } into g
                          select new { g.Key.Months, g.Key.Status, g.Key.Gender, g.Key.Band, g.Key.Code, Count = g.Count() }).ToListAsync(ct);
        var statuses = Enum.GetValues<FollowUpStatus>().Select(x => new FollowUpCategory(x.ToString(), EnumText.Label(x))).ToList();
        return Case.FollowUpMonths.Select(months =>
        {
            var linked = new LinkedTables();
            var grid = FollowUpTables.Cross(linked, Matrix(statuses, categories,
                rows.Where(r => r.Months == months).Select(r => (r.Status.ToString(), Column(s.By, r.Gender, r.Band, r.Code), (long)r.Count))));
            var suppression = linked.Protect(Threshold);
            return new FollowUpTable($"uppfoljning-{months}", $"Läget {months} månader efter avslut",
                $"Uppföljningar efter {months} månader som registrerats under perioden (uppföljningsdatum), efter var personen var då. Ärenden utan registrerad uppföljning räknas inte.",
                s.Period, CaseSource, FollowUpTables.Columns("Läge", categories), FollowUpTables.Show(grid, linked, suppression, statuses, categories), FollowUpTables.SmallCounts);
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
                          select new { r.ExpectedReportOn, r.ReportedAt, p.Gender, p.Band, p.Code }).ToListAsync(ct);
        List<FollowUpCategory> kinds = [new("i-tid", "Återrapporterad i tid"), new("sent", "Återrapporterad för sent"), new("saknas", "Inte återrapporterad")];
        var counts = Matrix(kinds, categories, rows.Select(r => (
            r.ReportedAt is null ? "saknas" : SwedishTime.Today(r.ReportedAt.Value) <= r.ExpectedReportOn ? "i-tid" : "sent",
            Column(s.By, r.Gender, r.Band, r.Code), 1L)));
        var linked = new LinkedTables();
        var grid = FollowUpTables.Cross(linked, counts);
        var suppression = linked.Protect(Threshold);
        var shown = FollowUpTables.Show(grid, linked, suppression, kinds, categories);
        shown.Add(FollowUpTables.ShareRow("Andel i tid", shown[0], shown[^1]));
        return new FollowUpTable("aterrapporter", "Återrapporter i tid",
            "Remisser från samverkans organisationer (inte avböjda) vars återrapport skulle lämnas under perioden, till och med i går. I tid = återrapporten lämnades senast det avtalade datumet.",
            s.Period, "Registret: remisser.", FollowUpTables.Columns("Återrapport", categories), shown, $"{FollowUpTables.SmallCounts} {Shares.Rule}");
    }

    private async Task<FollowUpTable> CurrentPlansAsync(Scope s, List<FollowUpCategory> categories, CancellationToken ct)
    {
        var end = s.End;
        var plans = db.Set<ActionPlan>();
        var rows = await (from c in Cases(s)
                          where c.OpenedOn <= end && (c.ClosedOn == null || c.ClosedOn > end)
                          join p in Persons(s) on c.ParticipantId equals p.Id
                          group c by new { HasPlan = plans.Any(a => a.ParticipantId == c.ParticipantId && a.StartsOn <= end && a.EndsOn >= end), p.Gender, p.Band, p.Code } into g
                          select new { g.Key.HasPlan, g.Key.Gender, g.Key.Band, g.Key.Code, Count = g.Count() }).ToListAsync(ct);
        List<FollowUpCategory> kinds = [new("med", "Med aktuell handlingsplan"), new("utan", "Utan aktuell handlingsplan")];
        var linked = new LinkedTables();
        var grid = FollowUpTables.Cross(linked, Matrix(kinds, categories, rows.Select(r => (r.HasPlan ? "med" : "utan", Column(s.By, r.Gender, r.Band, r.Code), (long)r.Count))));
        var suppression = linked.Protect(Threshold);
        var shown = FollowUpTables.Show(grid, linked, suppression, kinds, categories, Link(s, "aktuell-plan"));
        shown.Add(FollowUpTables.ShareRow("Andel med aktuell plan", shown[0], shown[^1]));
        return new FollowUpTable("aktuell-plan", "Deltagare med aktuell handlingsplan",
            $"Ärenden öppna den {end:yyyy-MM-dd} (periodens sista dag), efter om personen då har en handlingsplan vars period omfattar dagen.",
            s.Period, CaseSource + " Handlingsplaner.", FollowUpTables.Columns("Plan", categories), shown, $"{FollowUpTables.SmallCounts} {Shares.Rule}");
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
                          select new { x.ParticipantId, x.Count, p.Gender, p.Band, p.Code }).ToListAsync(ct);
        var people = rows.GroupBy(r => r.ParticipantId).Select(g => (Times: g.Max(r => r.Count), First: g.First()));
        List<FollowUpCategory> kinds = [new("1", "1 gång"), new("2", "2 gånger"), new("3", "3 gånger"), new("4", "4 gånger eller fler")];
        var linked = new LinkedTables();
        var grid = FollowUpTables.Cross(linked, Matrix(kinds, categories,
            people.Select(p => (Math.Min(p.Times, 4).ToString(CultureInfo.InvariantCulture), Column(s.By, p.First.Gender, p.First.Band, p.First.Code), 1L))));
        var suppression = linked.Protect(Threshold);
        return new FollowUpTable("upprepade-remisser", "Upprepade remisser (inlåsning)",
            "Personer som fått en remiss från samverkans organisationer under perioden, efter hur många gånger de fått en remiss med samma beställning under de 36 månaderna fram till periodens slut. Tre gånger eller fler är signalen att se över.",
            s.Period, "Registret: remisser.", FollowUpTables.Columns("Antal remisser", categories), FollowUpTables.Show(grid, linked, suppression, kinds, categories), FollowUpTables.SmallCounts);
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
                          group a by new { a.Status, p.Gender, p.Band, p.Code } into g
                          select new { g.Key.Status, g.Key.Gender, g.Key.Band, g.Key.Code, Count = g.Count() }).ToListAsync(ct);
        var kinds = Enum.GetValues<AttendanceStatus>().Select(x => new FollowUpCategory(x.ToString(), EnumText.Label(x))).ToList();
        var linked = new LinkedTables();
        var grid = FollowUpTables.Cross(linked, Matrix(kinds, categories, rows.Select(r => (r.Status.ToString(), Column(s.By, r.Gender, r.Band, r.Code), (long)r.Count))));
        var suppression = linked.Protect(Threshold);
        var shown = FollowUpTables.Show(grid, linked, suppression, kinds, categories);
        shown.Add(FollowUpTables.ShareRow("Närvarograd", shown[0], shown[^1]));
        return new FollowUpTable("narvaro", "Närvaro", "Registrerade närvarodagar under perioden på aktiviteter som samverkans organisationer anordnar. Närvarograd = närvarande dagar av registrerade dagar.",
            s.Period, "Registret: närvaro.", FollowUpTables.Columns("Registrering", categories), shown, $"{FollowUpTables.SmallCounts} {Shares.Rule}");
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
                          group a by new { a.Kind, p.Gender, p.Band, p.Code } into g
                          select new { g.Key.Kind, g.Key.Gender, g.Key.Band, g.Key.Code, Count = g.Count() }).ToListAsync(ct);
        var kinds = Enum.GetValues<ActivityKind>().Where(k => rows.Any(r => r.Kind == k)).Select(k => new FollowUpCategory(k.ToString(), EnumText.Label(k))).ToList();
        var linked = new LinkedTables();
        var grid = FollowUpTables.Cross(linked, Matrix(kinds, categories, rows.Select(r => (r.Kind.ToString(), Column(s.By, r.Gender, r.Band, r.Code), (long)r.Count))));
        var suppression = linked.Protect(Threshold);
        return new FollowUpTable("insatser", "Insatser per typ", "Insatser i handlingsplaner (inte inställda) som pågått någon dag under perioden, för personer med ett ärende i samverkan under perioden. En person med två insatser räknas två gånger.",
            s.Period, "Registret: handlingsplaner.", FollowUpTables.Columns("Insats", categories), FollowUpTables.Show(grid, linked, suppression, kinds, categories), FollowUpTables.SmallCounts);
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
                              group b by new { placement.Kind, p.Gender, p.Band, p.Code } into g
                              select new { g.Key.Kind, g.Key.Gender, g.Key.Band, g.Key.Code, Count = g.Count() }).ToListAsync(ct);
        var kinds = Enum.GetValues<PlacementKind>().Where(k => places.Any(p => p.Kind == k) || bookings.Any(b => b.Kind == k))
            .Select(k => new FollowUpCategory(k.ToString(), EnumText.Label(k))).ToList();
        var linked = new LinkedTables();
        var grid = FollowUpTables.Cross(linked, Matrix(kinds, categories, bookings.Select(r => (r.Kind.ToString(), Column(s.By, r.Gender, r.Band, r.Code), (long)r.Count))));
        var suppression = linked.Protect(Threshold);
        var shown = FollowUpTables.Show(grid, linked, suppression, kinds, categories);
        var placeCounts = kinds.Select(k => (long)(places.FirstOrDefault(p => p.Kind.ToString() == k.Key)?.Places ?? 0)).ToList();
        for (var i = 0; i < shown.Count; i++)
        {
            var offered = i < kinds.Count ? placeCounts[i] : placeCounts.Sum();
            var booked = shown[i].Cells[^1].Value;
            shown[i].Cells.Add(new FollowUpCell(offered.ToString("#,0", SwedishCollation.Culture), offered));
            shown[i].Cells.Add(new FollowUpCell(booked is { } b ? Shares.Show(Shares.Of(b, offered)) : "..", null));
        }

        return new FollowUpTable("praktik", "Praktikplatser: bokningar och beläggning",
            "Bokningar (inte inställda) som pågått någon dag under perioden på samverkans praktikplatser, per slag. Platser = summan av platserna i de perioder som berör perioden. Beläggning = bokningar per plats; den visas bara när antalet bokningar visas.",
            s.Period, "Registret: praktikplatser och bokningar.", [.. FollowUpTables.Columns("Slag", categories), "Platser", "Beläggning"], shown, $"{FollowUpTables.SmallCounts} {Shares.Rule}");
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
                                group c by new { c.JobTrackId, c.Stage, p.Gender, p.Band, p.Code } into g
                                select new { g.Key.JobTrackId, g.Key.Stage, g.Key.Gender, g.Key.Band, g.Key.Code, Count = g.Count() }).ToListAsync(ct);
        var stages = counted.Select(x => new FollowUpCategory(x.ToString(), EnumText.Label(x))).ToList();
        var trackRows = tracks.Select(t => new FollowUpCategory(t.Id.ToString(), t.Title)).ToList();

        var linked = new LinkedTables();
        var byTrack = FollowUpTables.Cross(linked, Matrix(trackRows, stages, candidates.Select(c => (c.JobTrackId.ToString(), c.Stage.ToString(), (long)c.Count))));
        var byCategory = FollowUpTables.Cross(linked, Matrix(stages, categories, candidates.Select(c => (c.Stage.ToString(), Column(s.By, c.Gender, c.Band, c.Code), (long)c.Count))));
        for (var i = 0; i < stages.Count; i++)
        {
            linked.Sum(byTrack.ColumnTotals![i], [byCategory.RowTotals![i]]);
        }

        var suppression = linked.Protect(Threshold);
        var perTrack = FollowUpTables.Show(byTrack, linked, suppression, trackRows, stages);
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
                [.. FollowUpTables.Columns("Jobbspår", stages), "Platser", "Anställningsform"], perTrack, FollowUpTables.SmallCounts),
            new FollowUpTable("jobbspar-uppdelning", "Jobbspår: kandidater per steg", definition, s.Period, "Registret: jobbspår och kandidater.",
                FollowUpTables.Columns("Steg", categories), FollowUpTables.Show(byCategory, linked, suppression, stages, categories), FollowUpTables.SmallCounts),
        ];
    }

    /// <summary>A long-term view seed 002 singles out: cases open at the period's end for more than 24 months, by age band and gender.</summary>
    private async Task<FollowUpTable> LongTermAsync(Scope s, CancellationToken ct)
    {
        var end = s.End;
        var since = end.AddMonths(-LongTermMonths);
        var rows = await (from c in Cases(s)
                          where c.OpenedOn < since && (c.ClosedOn == null || c.ClosedOn > end)
                          join p in Persons(s) on c.ParticipantId equals p.Id
                          group c by new { p.Gender, p.Band } into g
                          select new { g.Key.Gender, g.Key.Band, Count = g.Count() }).ToListAsync(ct);
        var bands = FollowUpTables.Categories(FollowUpBreakdown.AgeBand, []);
        var genders = FollowUpTables.Categories(FollowUpBreakdown.Gender, []);
        var linked = new LinkedTables();
        var grid = FollowUpTables.Cross(linked, Matrix(bands, genders, rows.Select(r => (r.Band, FollowUpTables.GenderKey(r.Gender), (long)r.Count))));
        var suppression = linked.Protect(Threshold);
        return new FollowUpTable("langtid", $"Inskrivna längre än {LongTermMonths} månader",
            $"Ärenden öppna den {end:yyyy-MM-dd} (periodens sista dag) som aktualiserades före {since:yyyy-MM-dd}, per åldersgrupp och kön — till exempel kvinnor 30–39 år. {Ages(s)}",
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
        var cases = Cases(s);
        var participants = db.Participants.AsQueryable();
        var end = s.End;
        var selection = new List<string>();
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

                cases = figure switch
                {
                    "inflode" => cases.Where(c => c.OpenedOn >= from && c.OpenedOn <= to),
                    "utflode" => cases.Where(c => c.ClosedOn != null && c.ClosedOn >= from && c.ClosedOn <= to),
                    _ => cases.Where(c => c.OpenedOn <= to && (c.ClosedOn == null || c.ClosedOn > to)),
                };
                break;
            case "utfall":
                cases = cases.Where(c => c.ClosedOn != null && c.ClosedOn >= s.From && c.ClosedOn <= end);
                if (row != "")
                {
                    if (!Enum.TryParse<CaseOutcome>(row, out var outcome) || !Enum.IsDefined(outcome) || row.Any(char.IsDigit))
                    {
                        errors["row"] = ["Raden ska vara ett utfall, till exempel UnsubsidisedWork."];
                        break;
                    }

                    cases = outcome == CaseOutcome.Unknown ? cases.Where(c => c.Outcome == null || c.Outcome == outcome) : cases.Where(c => c.Outcome == outcome);
                    selection.Add(EnumText.Label(outcome));
                }

                break;
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

                break;
            case "langtid":
                var since = end.AddMonths(-LongTermMonths);
                cases = cases.Where(c => c.OpenedOn < since && (c.ClosedOn == null || c.ClosedOn > end));
                if (row != "")
                {
                    if (!FollowUpTables.Categories(FollowUpBreakdown.AgeBand, []).Any(b => b.Key == row))
                    {
                        errors["row"] = ["Raden ska vara en åldersgrupp, till exempel 30-39."];
                        break;
                    }

                    participants = InAgeBand(participants, row, end.Year);
                    selection.Add(FollowUpTables.AgeBandLabel(row));
                }

                break;
        }

        // The long-term view is always split by gender; every other figure by the chosen breakdown.
        var by = figure == "langtid" ? FollowUpBreakdown.Gender : s.By;
        if (column != "" && !errors.ContainsKey("row"))
        {
            var category = FollowUpTables.Categories(by, s.Collaboration.MunicipalityCodes).FirstOrDefault(c => c.Key == column);
            if (category is null)
            {
                errors["column"] = [$"Kolumnen ska vara en av: {string.Join(", ", FollowUpTables.Categories(by, s.Collaboration.MunicipalityCodes).Select(c => c.Key))}."];
            }
            else
            {
                var codes = s.Collaboration.MunicipalityCodes;
                var gender = FollowUpTables.GenderOf(column);
                participants = by switch
                {
                    FollowUpBreakdown.Gender => participants.Where(p => p.Gender == gender),
                    FollowUpBreakdown.AgeBand => InAgeBand(participants, column, end.Year),
                    _ when column == FollowUpTables.Other => participants.Where(p => !codes.Contains(p.HomeMunicipalityCode)),
                    _ => participants.Where(p => p.HomeMunicipalityCode == column),
                };
                selection.Add(category.Label);
            }
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var own = access.VisibleParts().Own.Select(p => p.Id);
        var boundary = access.Boundary;
        var found = await (from c in cases
                           where c.BoundaryId == boundary && own.Contains(c.ParticipantId)
                           join p in participants on c.ParticipantId equals p.Id
                           select new { p.Id, p.FirstName, p.LastName, CaseId = c.Id, c.OpenedOn, c.ClosedOn }).Take(MaxPeople + 1).ToListAsync(ct);
        var people = found.Take(MaxPeople).Select(f => new FollowUpPerson(f.Id, $"{f.FirstName} {f.LastName}", f.CaseId, f.OpenedOn, f.ClosedOn))
            .OrderBy(p => p.Name, SwedishCollation.Comparer).ThenBy(p => p.OpenedOn).ToList();
        await log.RecordAsync(AccessAction.Search, "FollowUpPeople", s.Collaboration.Id,
            purpose: $"uppföljning: personer bakom {figure} {s.Period}", resultIds: people.Select(p => p.ParticipantId).Distinct(), ct: ct);

        var (title, definition) = Describe(figure, s);
        var note = "Listan visar bara ärenden som hålls inom din egen sekretessgräns; siffran i tabellen räknar hela samverkan."
            + (found.Count > MaxPeople ? $" Bara de första {MaxPeople} visas." : "");
        return new FollowUpPeople(figure, title, definition, s.Period, selection.Count == 0 ? "Alla" : string.Join(", ", selection), people, note);
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
        "aktuell-plan" => ("Aktuell handlingsplan", $"Ärenden öppna den {s.End:yyyy-MM-dd}, efter om personen har en handlingsplan som omfattar dagen."),
        _ => ($"Inskrivna längre än {LongTermMonths} månader", $"Ärenden öppna den {s.End:yyyy-MM-dd} som aktualiserades före {s.End.AddMonths(-LongTermMonths):yyyy-MM-dd}."),
    };
}
