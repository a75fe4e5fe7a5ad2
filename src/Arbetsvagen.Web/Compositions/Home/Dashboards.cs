using System.Globalization;
using Arbetsvagen.Features.ActionPlans;
using Arbetsvagen.Features.Cases;
using Arbetsvagen.Features.JobTracks;
using Arbetsvagen.Features.Matching;
using Arbetsvagen.Features.Referrals;
using Arbetsvagen.Features.Statistics;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Infrastructure.Disclosure;
using Arbetsvagen.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Arbetsvagen.Compositions.Home;

/// <summary>
/// The start page's panel for the reader's role (issue 11 §6): the few figures that matter to it, each chart with its
/// table and a text alternative, drawn by the report renderer (ADR 0021). A coordinator: the collaboration's job tracks in
/// recruitment and how full they are. A caseworker: the unit's participants' plans and return reports. An analyst: the
/// trend of people with an open case, by gender, small counts protected (ADR 0022). Counts only; no person is shown.
/// </summary>
public sealed class Dashboards(AppDbContext db, CurrentUser user, TimeProvider clock, MatchingWork matching, IMemoryCache cache)
{
    public const int TrendMonths = 12;
    private static readonly CultureInfo Swedish = SwedishCollation.Culture;

    private DateOnly Today => SwedishTime.Today(clock.GetUtcNow().UtcDateTime);

    public async Task<ReportDocument?> ForReaderAsync(CancellationToken ct) =>
        user.IsInRole(Roles.Coordinator) ? await CoordinatorAsync(ct)
        : user.IsInRole(Roles.Analyst) ? await AnalystAsync(ct)
        : user.IsCaseworker ? await CaseworkerAsync(ct)
        : null;

    /// <summary>Job tracks of the coordinator's collaborations that are decided or recruiting: places, admitted, fill rate.</summary>
    public async Task<ReportDocument> CoordinatorAsync(CancellationToken ct)
    {
        var mine = await matching.CollaborationsAsync(ct);
        JobTrackStage[] recruiting = [JobTrackStage.Decided, JobTrackStage.Recruitment];
        CandidateStage[] admitted = [CandidateStage.Admitted, CandidateStage.Started, CandidateStage.Completed, CandidateStage.Hired];
        var tracks = await db.Set<JobTrack>().AsNoTracking()
            .Where(t => mine.Contains(t.OwnerCollaborationId) && recruiting.Contains(t.Stage))
            .Select(t => new
            {
                t.Title, t.Places, t.Stage,
                Admitted = db.Set<JobTrackCandidate>().Count(c => c.JobTrackId == t.Id && admitted.Contains(c.Stage)),
            })
            .ToListAsync(ct);
        var rows = tracks.OrderBy(t => t.Title, SwedishCollation.Comparer).ToList();
        var table = new ReportTable("jobbspar-fyllnad", "Jobbspår i rekrytering: platser och antagna",
            ["Jobbspår", "Läge", "Platser", "Antagna", "Fyllnadsgrad"],
            rows.Select(t => (IReadOnlyList<ReportCell>)
            [
                ReportCell.Label(t.Title), ReportCell.Label(EnumText.Label(t.Stage)), Count(t.Places), Count(t.Admitted), Share(t.Admitted, t.Places),
            ]).ToList(),
            rows.Count == 0 ? "Inget jobbspår i samverkan är beslutat eller i rekrytering." : Shares.Rule);
        var chart = new ReportChart("jobbspar-fyllnad-diagram", "Fyllnadsgrad per jobbspår", ReportChartKind.Bar,
            rows.Select(t => t.Title).ToList(), [new ReportSeries("Fyllnadsgrad", rows.Select(t => (double?)(double)(Shares.Of(t.Admitted, t.Places) ?? 0)).ToList())],
            rows.Count == 0 ? "Inga jobbspår att visa."
                : $"Stapeldiagram över {rows.Count} jobbspår. " + string.Join("; ", rows.Select(t => $"{t.Title}: {t.Admitted} antagna av {t.Places} platser")) + ".",
            table.Key, "Procent av platserna");
        return Panel("Jobbspår i rekrytering", "Jobbspår i dina samverkansområden som är beslutade eller rekryterar, och hur många platser som är fyllda.",
            [new ReportSource("Registret", "Jobbspår och kandidater i läge antagen, påbörjad, fullföljd eller anställd", Today)],
            new ReportSection("jobbspar", "Fyllnadsgrad", null, [table], rows.Count == 0 ? [] : [chart]));
    }

    /// <summary>The caseworker's unit: participants with an open case and their plans; referrals sent and their return reports.</summary>
    public async Task<ReportDocument> CaseworkerAsync(CancellationToken ct)
    {
        var today = Today;
        var boundary = user.SecrecyBoundaryId;
        var open = db.Set<Case>().Where(c => c.BoundaryId == boundary && c.State != CaseState.Closed).Select(c => c.ParticipantId).Distinct();
        var current = db.Set<ActionPlan>().Where(p => p.StartsOn <= today && p.EndsOn >= today);
        var withOpenCase = await open.CountAsync(ct);
        var withPlan = await open.CountAsync(id => current.Any(p => p.ParticipantId == id), ct);
        var toReview = await open.CountAsync(id => current.Any(p => p.ParticipantId == id && p.ReviewOn < today), ct);

        var sent = db.Set<Referral>().Where(r => r.FromBoundaryId == boundary);
        var awaitedOnTime = await sent.CountAsync(r => r.State == ReferralState.Accepted && r.ExpectedReportOn >= today, ct);
        var awaitedLate = await sent.CountAsync(r => r.State == ReferralState.Accepted && r.ExpectedReportOn < today, ct);
        var since = today.AddMonths(-12);
        var reported = await sent.Where(r => r.State == ReferralState.Reported && r.ExpectedReportOn >= since)
            .Select(r => new { r.ReportedAt, r.ExpectedReportOn }).ToListAsync(ct);
        var reportedOnTime = reported.Count(r => r.ReportedAt is { } at && SwedishTime.Today(at) <= r.ExpectedReportOn);

        var plans = new ReportTable("planer", "Deltagare med öppet ärende och deras planer", ["Planläge", "Deltagare", "Andel"],
        [
            [ReportCell.Label("Med aktuell plan"), Count(withPlan), Share(withPlan, withOpenCase)],
            [ReportCell.Label("  varav plan att följa upp (datum passerat)"), Count(toReview), Share(toReview, withOpenCase)],
            [ReportCell.Label("Utan aktuell plan"), Count(withOpenCase - withPlan), Share(withOpenCase - withPlan, withOpenCase)],
            [ReportCell.Label("Totalt"), Count(withOpenCase), Share(withOpenCase, withOpenCase)],
        ], Shares.Rule);
        var reports = new ReportTable("aterrapporter", "Remisser från enheten och deras återrapporter", ["Återrapport", "Remisser", "Andel"],
        [
            [ReportCell.Label("Väntar, inom tid"), Count(awaitedOnTime), Share(awaitedOnTime, awaitedOnTime + awaitedLate)],
            [ReportCell.Label("Väntar, försenad"), Count(awaitedLate), Share(awaitedLate, awaitedOnTime + awaitedLate)],
            [ReportCell.Label("Återrapporterad i tid, senaste 12 månaderna"), Count(reportedOnTime), Share(reportedOnTime, reported.Count)],
            [ReportCell.Label("Återrapporterad sent, senaste 12 månaderna"), Count(reported.Count - reportedOnTime), Share(reported.Count - reportedOnTime, reported.Count)],
        ], "Andelen för väntande remisser är av alla väntande; för återrapporterade av alla återrapporterade de senaste 12 månaderna.");
        var chart = new ReportChart("planer-diagram", "Planläge för deltagare med öppet ärende", ReportChartKind.Bar,
            ["Aktuell plan, i tid", "Plan att följa upp", "Utan aktuell plan"],
            [new ReportSeries("Deltagare", [withPlan - toReview, toReview, withOpenCase - withPlan])],
            $"Stapeldiagram: av {withOpenCase} deltagare med öppet ärende har {withPlan - toReview} en aktuell plan i tid, {toReview} en plan att följa upp " +
            $"och {withOpenCase - withPlan} ingen aktuell plan.",
            plans.Key, "Deltagare");
        return Panel("Enhetens planer och återrapporter", "Deltagare med öppet ärende i din enhet, deras planer, och enhetens remisser som väntar på återrapport.",
            [new ReportSource("Registret", "Ärenden, handlingsplaner och remisser i din enhet", Today)],
            new ReportSection("planer-och-aterrapporter", "Planer och återrapporter", null, [plans, reports], withOpenCase == 0 ? [] : [chart]));
    }

    /// <summary>
    /// People with a case open some day of the month, per month and gender, over the last <see cref="TrendMonths"/>
    /// months; each month's kvinnor, män, uppgift saknas and total protected together (small counts and their partners).
    /// Counted in the database once per month; the result is reused for ten minutes.
    /// </summary>
    public async Task<ReportDocument> AnalystAsync(CancellationToken ct)
    {
        var first = new DateOnly(Today.Year, Today.Month, 1).AddMonths(-(TrendMonths - 1));
        var counts = await cache.GetOrCreateAsync(("dashboard-trend", first), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            var result = new long[TrendMonths, TargetStatuses.Genders.Length];
            for (var m = 0; m < TrendMonths; m++)
            {
                var start = first.AddMonths(m);
                var end = start.AddMonths(1).AddDays(-1);
                var open = db.Set<Case>().Where(c => c.OpenedOn <= end && (c.ClosedOn == null || c.ClosedOn >= start)).Select(c => c.ParticipantId);
                var byGender = await db.Participants.Where(p => open.Contains(p.Id)).GroupBy(p => p.Gender)
                    .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
                for (var g = 0; g < TargetStatuses.Genders.Length; g++)
                {
                    result[m, g] = byGender.FirstOrDefault(b => b.Key == TargetStatuses.Genders[g])?.Count ?? 0;
                }
            }

            return result;
        }) ?? new long[TrendMonths, TargetStatuses.Genders.Length];

        // One row per month: the genders and their sum are linked; months are not summed (a person open in two months is one person).
        var linked = new LinkedTables();
        var cells = new int[TrendMonths, TargetStatuses.Genders.Length + 1];
        for (var m = 0; m < TrendMonths; m++)
        {
            for (var g = 0; g < TargetStatuses.Genders.Length; g++)
            {
                cells[m, g] = linked.Add(counts[m, g]);
            }

            var total = Enumerable.Range(0, TargetStatuses.Genders.Length).Sum(g => counts[m, g]);
            cells[m, TargetStatuses.Genders.Length] = linked.Add(total, total: true);
            linked.Sum(cells[m, TargetStatuses.Genders.Length], Enumerable.Range(0, TargetStatuses.Genders.Length).Select(g => cells[m, g]));
        }

        var suppression = linked.Protect(ProtectedCount.Threshold);
        var months = Enumerable.Range(0, TrendMonths).Select(m => first.AddMonths(m).ToString("yyyy-MM", CultureInfo.InvariantCulture)).ToList();
        ReportCell Cell(int m, int c)
        {
            var cell = cells[m, c];
            var text = suppression.Show(cell, linked.Values[cell]);
            return suppression.IsHidden(cell) ? ReportCell.Label(text) : ReportCell.Number(text, linked.Values[cell]);
        }

        var table = new ReportTable("trend", "Personer med öppet ärende per månad och kön",
            ["Månad", .. TargetStatuses.Genders.Select(TargetStatuses.Plural), "Totalt"],
            months.Select((month, m) => (IReadOnlyList<ReportCell>)[ReportCell.Label(month), .. Enumerable.Range(0, TargetStatuses.Genders.Length + 1).Select(c => Cell(m, c))]).ToList(),
            $"Antal mellan 1 och {ProtectedCount.Threshold - 1} visas som ”<{ProtectedCount.Threshold}”; ”..” döljs för att en liten cell inte ska kunna räknas fram.");
        double? Visible(int m, int c) => suppression.IsHidden(cells[m, c]) ? null : linked.Values[cells[m, c]];
        var last = TrendMonths - 1;
        var chart = new ReportChart("trend-diagram", "Personer med öppet ärende per månad", ReportChartKind.Line, months,
        [
            new ReportSeries("Kvinnor", Enumerable.Range(0, TrendMonths).Select(m => Visible(m, 0)).ToList()),
            new ReportSeries("Män", Enumerable.Range(0, TrendMonths).Select(m => Visible(m, 1)).ToList()),
        ],
            $"Linjediagram över {TrendMonths} månader, {months[0]} till {months[last]}: kvinnor från {Cell(0, 0).Text} till {Cell(last, 0).Text}, " +
            $"män från {Cell(0, 1).Text} till {Cell(last, 1).Text}. Dolda värden saknas i linjen.",
            table.Key, "Personer");
        return Panel("Samverkans utveckling", "Hur många som har ett öppet ärende hos någon organisation, månad för månad, för kvinnor och män.",
            [new ReportSource("Registret", "Ärenden öppna någon dag i månaden, personer räknade en gång per månad", Today)],
            new ReportSection("utveckling", "Personer med öppet ärende", null, [table], [chart]));
    }

    private ReportDocument Panel(string title, string subtitle, IReadOnlyList<ReportSource> sources, ReportSection section) =>
        new(title, "Arbetsvägen", subtitle, clock.GetUtcNow(), "Just nu", sources, [section], null);

    private static ReportCell Count(long value) => ReportCell.Number(value.ToString("#,0", Swedish), value);

    private static ReportCell Share(long part, long whole) => Shares.Of(part, whole) is { } share
        ? ReportCell.Number(Shares.Show(share), (double)share)
        : ReportCell.Label("–");
}
