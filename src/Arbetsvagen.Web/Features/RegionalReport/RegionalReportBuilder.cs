using System.Globalization;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.Cases;
using Arbetsvagen.Features.JobTracks;
using Arbetsvagen.Features.Kaa;
using Arbetsvagen.Features.Placements;
using Arbetsvagen.Features.Statistics;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.RegionalReport;

/// <summary>
/// Builds "Läget i länet" for a collaboration and period from the sources that already exist — the target-group tables
/// (protected with secondary suppression), recruitment needs from job ads — and from new counts of case outcomes,
/// job-track candidates and young people, protected with <see cref="ReportTables.Protected"/>. Runs as the user who
/// asked for it (the sources' own access rules apply), reporting progress as it goes.
/// </summary>
public sealed class RegionalReportBuilder(AppDbContext db, TargetGroupWork targetGroups, RecruitmentNeeds recruitment, KaaWork kaa, TimeProvider clock)
{
    public static readonly (string Key, string Heading)[] Themes =
    [
        ("arbetsmarknad", "Arbetsmarknad och målgrupper"),
        ("rekrytering", "Rekryteringsbehov"),
        ("insatser", "Insatser och resultat"),
        ("jobbspar", "Jobbspår"),
        ("unga", "Unga"),
        ("jamstalldhet", "Jämställdhetsperspektiv"),
    ];

    private static readonly (string Label, int From, int To)[] YouthBands = [("16–19 år", 16, 19), ("20–24 år", 20, 24), ("25–29 år", 25, 29)];

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static string PeriodText(DateOnly from, DateOnly to)
    {
        string Month(DateOnly d) => d.ToString("MMMM", Swedish);
        return from == to ? $"{Month(from)} {from.Year}"
            : from.Year == to.Year ? $"{Month(from)}–{Month(to)} {to.Year}"
            : $"{Month(from)} {from.Year}–{Month(to)} {to.Year}";
    }

    public async Task<ReportDocument> BuildAsync(Guid collaborationId, DateOnly fromMonth, DateOnly toMonth, Func<int, string, Task> progress, CancellationToken ct)
    {
        var threshold = TargetGroupWork.Threshold;
        var collaboration = (await targetGroups.CollaborationsAsync(ct)).FirstOrDefault(c => c.Id == collaborationId)
                            ?? throw new InvalidOperationException("Samverkan finns inte längre för den som beställde rapporten.");
        var codes = collaboration.MunicipalityCodes;
        var names = codes.ToDictionary(c => c, c => ReferenceData.Instance.MunicipalityName(c) ?? c);
        var start = fromMonth;
        var end = toMonth.AddMonths(1).AddDays(-1);
        var now = clock.GetUtcNow();
        var today = SwedishTime.Today(now.UtcDateTime);
        var municipalityTables = codes.ToDictionary(c => c, _ => new List<ReportTable>());
        var municipalityCharts = codes.ToDictionary(c => c, _ => new List<ReportChart>());
        var sources = new List<ReportSource>();

        // 1. Labour market and target groups: the register's protected tables for the period's last month.
        await progress(5, "Målgrupper ur registret");
        var overview = (await targetGroups.OverviewAsync(collaborationId, null, toMonth.ToString("yyyy-MM", CultureInfo.InvariantCulture), ct)).Value
                       ?? throw new InvalidOperationException("Målgruppsöversikten kunde inte läsas.");
        var labourTables = new List<ReportTable>();
        var labourCharts = new List<ReportChart>();
        foreach (var source in overview.Sources)
        {
            var prefix = source.Key == "register" ? "" : $"{source.Key}-";
            var suffix = source.Key == "register" ? "" : $" ({source.Name})";
            foreach (var scope in source.Scopes)
            {
                var isTotal = scope.Name == collaboration.Name && !codes.Contains(scope.Code);
                foreach (var stat in scope.Tables)
                {
                    var key = isTotal ? $"samverkan-{prefix}{stat.Key}" : $"kommun-{scope.Code}-{prefix}{stat.Key}";
                    var table = ReportTables.FromStat(stat, key, stat.Title + suffix);
                    (isTotal ? labourTables : municipalityTables[scope.Code]).Add(table);
                    if (stat.Key == "inskrivna")
                    {
                        var chart = ReportTables.GenderChart(table, $"Inskrivna per status, {(isTotal ? collaboration.Name : scope.Name)}{suffix}", "Personer");
                        (isTotal ? labourCharts : municipalityCharts[scope.Code]).Add(chart);
                    }
                }
            }

            sources.Add(new ReportSource(source.Name, source.Description, source.Key == "register" ? today : end));
        }

        // 2. Recruitment needs from job ads, per municipality and summed for the collaboration (ads are not people).
        await progress(25, "Rekryteringsbehov ur platsannonser");
        var fields = new Dictionary<string, (int Ads, int Jobs, int PreviousAds, int PreviousJobs)>();
        var perMunicipality = new List<IReadOnlyList<ReportCell>>();
        foreach (var code in codes)
        {
            var needs = (await recruitment.ReadAsync(start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), code, ct)).Value!;
            foreach (var f in needs.Fields)
            {
                var was = fields.GetValueOrDefault(f.FieldName);
                fields[f.FieldName] = (was.Ads + f.Ads, was.Jobs + f.Jobs, was.PreviousAds + f.PreviousAds, was.PreviousJobs + f.PreviousJobs);
            }

            perMunicipality.Add([ReportCell.Label(names[code]), Number(needs.Ads), Number(needs.Jobs), Number(needs.PreviousAds), Number(needs.PreviousJobs)]);
            var fieldTable = FieldTable($"kommun-{code}-yrkesomraden", $"Yrkesområden efter antal jobb, {names[code]}",
                needs.Fields.Select(f => (f.FieldName, f.Ads, f.Jobs, f.PreviousAds, f.PreviousJobs)));
            municipalityTables[code].Add(fieldTable);
            if (fieldTable.Rows.Count > 0)
            {
                municipalityCharts[code].Add(ReportTables.BarChart(fieldTable, 2, $"Jobb per yrkesområde, {names[code]}", "Jobb", 10));
            }

            municipalityTables[code].Add(new ReportTable($"kommun-{code}-yrkesgrupper", $"Yrkesgrupper med flest jobb och registrets kandidater, {names[code]}",
                ["Yrkesgrupp", "Annonser", "Jobb", "Kandidater med erfarenhet", "Kandidater som vill arbeta i yrket"],
                needs.Occupations.Select(o => (IReadOnlyList<ReportCell>)[ReportCell.Label(o.Name), Number(o.Ads), Number(o.Jobs), Suppressed(o.Experienced, threshold),
                    Suppressed(o.Interested, threshold)]).ToList(),
                $"Kandidater: personer i samverkan som bor i kommunen. Antal 1–{threshold - 1} visas som <{threshold}."));
        }

        var collaborationFields = FieldTable("samverkan-yrkesomraden", "Yrkesområden efter antal jobb i samverkans kommuner",
            fields.Select(f => (f.Key, f.Value.Ads, f.Value.Jobs, f.Value.PreviousAds, f.Value.PreviousJobs)));
        var adsTable = new ReportTable("samverkan-annonser-per-kommun", "Annonser och jobb per kommun",
            ["Kommun", "Annonser", "Jobb", "Annonser föregående period", "Jobb föregående period"], perMunicipality,
            "Platsannonser publicerade under perioden med arbetsort i kommunen; föregående period är lika lång och slutar dagen före.");
        var recruitmentCharts = new List<ReportChart> { ReportTables.BarChart(adsTable, 2, "Jobb per kommun", "Jobb", codes.Count) };
        if (collaborationFields.Rows.Count > 0)
        {
            recruitmentCharts.Add(ReportTables.BarChart(collaborationFields, 2, "De tio yrkesområdena med flest jobb", "Jobb", 10));
        }

        sources.Add(new ReportSource("Platsannonser", $"Arbetsförmedlingens platsannonser (JobTech), importerade i Arbetsvägen: annonser och antal jobb per arbetsort och yrke, publicerade {start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}–{end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} och perioden före.",
            end));

        // The collaboration's organisations and the people they work with who live in its municipalities.
        var members = await db.Set<Collaboration>().AsNoTracking().Where(c => c.Id == collaborationId).SelectMany(c => c.Members.Select(m => m.OrganisationId)).ToListAsync(ct);
        var organisations = db.Set<Organisation>().Where(o => members.Contains(o.Id) || (o.ParentId != null && members.Contains(o.ParentId.Value))).Select(o => o.Id);

        // 3. Measures and results: cases closed in the period by outcome and gender.
        await progress(45, "Insatser och resultat");
        var outcomes = Enum.GetValues<CaseOutcome>();
        var closed = await (from c in db.Set<Case>().AsNoTracking()
                            where organisations.Contains(c.OrganisationId) && c.ClosedOn >= start && c.ClosedOn <= end && c.Outcome != null
                            join p in db.Set<Participant>() on c.ParticipantId equals p.Id
                            where codes.Contains(p.HomeMunicipalityCode)
                            group c by new { p.HomeMunicipalityCode, c.Outcome, p.Gender } into g
                            select new { g.Key.HomeMunicipalityCode, g.Key.Outcome, g.Key.Gender, Count = g.Count() }).ToListAsync(ct);
        var outcomeTables = ReportTables.Protected("avslutade-arenden", "Avslutade ärenden efter utfall och kön", "Utfall",
            outcomes.Select(o => EnumText.Label(o)).ToList(),
            codes.Select(code => ($"kommun-{code}", Counts(outcomes.Length, r => closed.Where(x => x.HomeMunicipalityCode == code && x.Outcome == outcomes[r])
                .Select(x => (x.Gender, x.Count))))).ToList(), "samverkan", threshold,
            $"Ärenden hos samverkans organisationer som avslutades under perioden, efter deltagarens folkbokföringskommun. Antal 1–{threshold - 1} visas som <{threshold}; .. är dolt för att skydda ett annat antal.");
        AddPerMunicipality(outcomeTables, codes, municipalityTables, municipalityCharts, t => ReportTables.GenderChart(t, $"Avslutade ärenden efter utfall, {t.Title}", "Ärenden"), names);
        sources.Add(new ReportSource("Ärenden", "Arbetsvägens ärenden: öppnade, avslutade och deras utfall.", today));

        // 3b. Placements: places offered per kind (places, not people), and bookings by kind and gender (protected like the rest).
        await progress(52, "Praktikplatser");
        var placementKinds = Enum.GetValues<PlacementKind>();
        var offered = await (from period in db.Set<PlacementPeriod>().AsNoTracking()
                             where period.StartsOn <= end && period.EndsOn >= start
                             join placement in db.Set<Placement>() on period.PlacementId equals placement.Id
                             where placement.OwnerCollaborationId == collaborationId
                             group period by placement.Kind into g
                             select new { Kind = g.Key, Places = g.Sum(p => p.Places) }).ToListAsync(ct);
        var booked = await (from b in db.Set<PlacementBooking>().AsNoTracking()
                            where b.StartsOn <= end && b.EndsOn >= start && b.Outcome != BookingOutcome.Cancelled
                            join placement in db.Set<Placement>() on b.PlacementId equals placement.Id
                            where placement.OwnerCollaborationId == collaborationId
                            join p in db.Set<Participant>() on b.ParticipantId equals p.Id
                            where codes.Contains(p.HomeMunicipalityCode)
                            group b by new { p.HomeMunicipalityCode, placement.Kind, p.Gender } into g
                            select new { g.Key.HomeMunicipalityCode, g.Key.Kind, g.Key.Gender, Count = g.Count() }).ToListAsync(ct);
        var placesTable = new ReportTable("samverkan-praktikplatser", "Praktikplatser per slag", ["Slag", "Platser"],
            placementKinds.Select(k => (IReadOnlyList<ReportCell>)[ReportCell.Label(EnumText.Label(k)), Number(offered.FirstOrDefault(o => o.Kind == k)?.Places ?? 0)]).ToList(),
            "Summan av platserna i samverkans praktikplatsers perioder som berör rapportperioden. Platser räknas, inte personer.");
        var bookingTables = ReportTables.Protected("praktik", "Bokningar på praktikplatser efter slag och kön", "Slag",
            placementKinds.Select(k => EnumText.Label(k)).ToList(),
            codes.Select(code => ($"kommun-{code}", Counts(placementKinds.Length, r => booked.Where(x => x.HomeMunicipalityCode == code && x.Kind == placementKinds[r])
                .Select(x => (x.Gender, x.Count))))).ToList(), "samverkan", threshold,
            $"Bokningar (inte inställda) som pågått någon dag under perioden på samverkans praktikplatser, efter deltagarens folkbokföringskommun. Antal 1–{threshold - 1} visas som <{threshold}.");
        AddPerMunicipality(bookingTables, codes, municipalityTables, municipalityCharts, null, names);
        sources.Add(new ReportSource("Praktikplatser", "Samverkans praktikplatser, deras perioder och bokningar.", today));

        // 4. Job tracks: the collaboration's tracks by stage, and their candidates by stage and gender.
        await progress(60, "Jobbspår");
        var tracks = await db.Set<JobTrack>().AsNoTracking().Where(t => t.OwnerCollaborationId == collaborationId)
            .GroupBy(t => t.Stage).Select(g => new { Stage = g.Key, Count = g.Count(), Places = g.Sum(t => t.Places), Expected = g.Sum(t => t.ExpectedHires) }).ToListAsync(ct);
        var trackTable = new ReportTable("samverkan-jobbspar-per-fas", "Jobbspår per fas",
            ["Fas", "Spår", "Platser", "Förväntade anställningar"],
            Enum.GetValues<JobTrackStage>().Select(s => tracks.FirstOrDefault(t => t.Stage == s) is { } t
                ? (IReadOnlyList<ReportCell>)[ReportCell.Label(EnumText.Label(s)), Number(t.Count), Number(t.Places), Number(t.Expected)]
                : [ReportCell.Label(EnumText.Label(s)), Number(0), Number(0), Number(0)]).ToList(), "Spåren räknas, inte personer.");
        var stages = Enum.GetValues<CandidateStage>();
        var candidates = await (from c in db.Set<JobTrackCandidate>().AsNoTracking()
                                join t in db.Set<JobTrack>() on c.JobTrackId equals t.Id
                                where t.OwnerCollaborationId == collaborationId
                                join p in db.Set<Participant>() on c.ParticipantId equals p.Id
                                where codes.Contains(p.HomeMunicipalityCode)
                                group c by new { p.HomeMunicipalityCode, c.Stage, p.Gender } into g
                                select new { g.Key.HomeMunicipalityCode, g.Key.Stage, g.Key.Gender, Count = g.Count() }).ToListAsync(ct);
        var candidateTables = ReportTables.Protected("jobbspar-kandidater", "Kandidater i jobbspår efter steg och kön", "Steg",
            stages.Select(o => EnumText.Label(o)).ToList(),
            codes.Select(code => ($"kommun-{code}", Counts(stages.Length, r => candidates.Where(x => x.HomeMunicipalityCode == code && x.Stage == stages[r])
                .Select(x => (x.Gender, x.Count))))).ToList(), "samverkan", threshold,
            $"Kandidater i samverkans jobbspår i sitt nuvarande steg, efter folkbokföringskommun. Antal 1–{threshold - 1} visas som <{threshold}.");
        AddPerMunicipality(candidateTables, codes, municipalityTables, municipalityCharts, null, names);
        sources.Add(new ReportSource("Jobbspår", "Samverkans jobbspår och deras kandidater.", today));

        // 5. Youth: people 16–29 with a case open in the period, by age band and gender, each person counted once.
        await progress(75, "Unga");
        var open = db.Set<Case>().Where(c => organisations.Contains(c.OrganisationId) && c.OpenedOn <= end && (c.ClosedOn == null || c.ClosedOn >= start))
            .Select(c => c.ParticipantId);
        var oldest = end.AddYears(-30).AddDays(1);
        var youngest = end.AddYears(-16);
        var counted = db.Set<Participant>().Where(p => codes.Contains(p.HomeMunicipalityCode) && open.Contains(p.Id));
        var young = await counted
            .Where(p => p.DateOfBirth != null && p.DateOfBirth >= oldest && p.DateOfBirth <= youngest)
            .Where(p => p.IdentityKind == IdentityKind.TemporaryReference
                        || !counted.Any(q => q.IdentityNumber == p.IdentityNumber && q.IdentityKind == p.IdentityKind && q.CreatedAt < p.CreatedAt))
            .Select(p => new { p.HomeMunicipalityCode, p.Gender, p.DateOfBirth }).ToListAsync(ct);
        int Age(DateOnly born) => end.Year - born.Year - (born.AddYears(end.Year - born.Year) > end ? 1 : 0);
        var youthTables = ReportTables.Protected("unga", "Unga 16–29 år med ärende under perioden, efter ålder och kön", "Ålder",
            YouthBands.Select(b => b.Label).ToList(),
            codes.Select(code => ($"kommun-{code}", Counts(YouthBands.Length, r => young
                .Where(y => y.HomeMunicipalityCode == code && Age(y.DateOfBirth!.Value) >= YouthBands[r].From && Age(y.DateOfBirth!.Value) <= YouthBands[r].To)
                .GroupBy(y => y.Gender).Select(g => (g.Key, g.Count()))))).ToList(), "samverkan", threshold,
            $"Ålder vid periodens slut. En person som flera organisationer registrerat räknas en gång. Antal 1–{threshold - 1} visas som <{threshold}.");
        AddPerMunicipality(youthTables, codes, municipalityTables, municipalityCharts, null, names);

        // 5b. The municipal activity responsibility (KAA): KAA's own statistics for the term the period ends in, read through
        // its use case as the orderer (its access rule and log). Left out when the orderer may not read them, or when the
        // orderer's own municipality would be exact (a KAA officer's), since a published report must not hold exact small counts.
        await progress(82, "Kommunala aktivitetsansvaret");
        var kaaTables = new List<ReportTable>();
        var term = KaaRules.Term(end);
        var kaaFigures = (await kaa.StatisticsAsync(term, null, ct)).Value;
        if (kaaFigures is not null && kaaFigures.Municipalities.All(m => !m.Exact))
        {
            var shown = kaaFigures.Municipalities.Where(m => codes.Contains(m.MunicipalityCode)).ToList();
            var kaaThreshold = kaaFigures.SuppressBelow;
            ReportCell Kaa(ShownCount c) => c.Value is { } v ? Number(v) : ReportCell.Label(c.Text(kaaThreshold));
            var whole = shown.Count == kaaFigures.Municipalities.Count;
            var kaaRows = shown.Select(m => (IReadOnlyList<ReportCell>)[ReportCell.Label(names.GetValueOrDefault(m.MunicipalityCode, m.MunicipalityCode)),
                .. ReportTables.Genders.Select(g => Kaa(m.ByGender[g].InKaa)), Kaa(m.All.InKaa)]).ToList();
            if (whole)
            {
                kaaRows.Add([ReportCell.Label("Totalt"), .. ReportTables.Genders.Select(g => Kaa(kaaFigures.CollaborationByGender[g].InKaa)), Kaa(kaaFigures.Collaboration.InKaa)]);
            }

            List<string> genderColumns = [.. ReportTables.Genders.Select(TargetStatuses.Plural), "Totalt"];
            kaaTables.Add(new ReportTable("samverkan-kaa", $"Unga i det kommunala aktivitetsansvaret, {term}", ["Kommun", .. genderColumns], kaaRows,
                $"Ungdomar 16–19 år som inte går i gymnasieskolan och som kommunen följer upp under terminen. KAA-statistikens eget skydd: antal 1–{kaaThreshold - 1} visas som <{kaaThreshold}, och summor som skulle avslöja dem döljs."));
            if (whole)
            {
                (string Label, Func<KaaFigures, ShownCount> Of)[] measures =
                [
                    ("I aktivitetsansvaret", f => f.InKaa), ("Nådda under terminen", f => f.Reached), ("Med insats", f => f.WithMeasure),
                    ("Åter till studier", f => f.BackToStudies),
                ];
                kaaTables.Add(new ReportTable("samverkan-kaa-utfall", $"Aktivitetsansvaret: nådda, insatser och åter till studier, {term}", ["Mått", .. genderColumns],
                    measures.Select(x => (IReadOnlyList<ReportCell>)[ReportCell.Label(x.Label), .. ReportTables.Genders.Select(g => Kaa(x.Of(kaaFigures.CollaborationByGender[g]))),
                        Kaa(x.Of(kaaFigures.Collaboration))]).ToList(), "Samverkans kommuner tillsammans."));
            }

            sources.Add(new ReportSource("Kommunala aktivitetsansvaret", $"KAA-registret ({term}): ungdomar i aktivitetsansvaret, uppsökande kontakter, insatser och avslut.", today));
        }

        // 6. The gender perspective: the totals of the tables above side by side (the same protected texts, nothing new).
        await progress(90, "Jämställdhetsperspektiv");
        var genderRows = new List<(string Label, ReportTable? Table)>
        {
            ("Inskrivna hos Arbetsförmedlingen (registret)", labourTables.FirstOrDefault(t => t.Key == "samverkan-inskrivna")),
            ("Avslutade ärenden", outcomeTables[^1]),
            ("Kandidater i jobbspår", candidateTables[^1]),
            ("Unga 16–29 år", youthTables[^1]),
            ("Bokningar på praktikplatser", bookingTables[^1]),
            ("Unga i det kommunala aktivitetsansvaret", kaaTables.FirstOrDefault(t => t.Rows.Count > 0 && t.Rows[^1][0].Text == "Totalt")),
        };
        var genderTable = new ReportTable("samverkan-jamstalldhet", "Kvinnor och män i rapportens tabeller",
            ["Mått", "Kvinnor", "Män", "Uppgift saknas", "Totalt", "Andel kvinnor"],
            genderRows.Where(g => g.Table is not null).Select(g => GenderRow(g.Label, g.Table!)).ToList(),
            "Summaraden ur avsnittens tabeller. Andelen kvinnor räknas ur de visade antalen och visas inte (..) när ett av dem är dolt.");
        var genderChart = ReportTables.GenderChart(genderTable, "Kvinnor och män per mått", "Antal");

        var sections = new List<ReportSection>
        {
            new("arbetsmarknad", "Arbetsmarknad och målgrupper", null, labourTables, labourCharts),
            new("rekrytering", "Rekryteringsbehov", null, [adsTable, collaborationFields], recruitmentCharts),
            new("insatser", "Insatser och resultat", null, [outcomeTables[^1], placesTable, bookingTables[^1]],
                [ReportTables.GenderChart(outcomeTables[^1], "Avslutade ärenden efter utfall", "Ärenden"),
                    ReportTables.GenderChart(bookingTables[^1], "Bokningar på praktikplatser efter slag", "Bokningar")]),
            new("jobbspar", "Jobbspår", null, [trackTable, candidateTables[^1]],
                [ReportTables.BarChart(trackTable, 1, "Jobbspår per fas", "Spår", 20), ReportTables.GenderChart(candidateTables[^1], "Kandidater i jobbspår efter steg", "Kandidater")]),
            new("unga", "Unga", null, [youthTables[^1], .. kaaTables], [ReportTables.GenderChart(youthTables[^1], "Unga med ärende efter ålder", "Personer")]),
            new("jamstalldhet", "Jämställdhetsperspektiv", null, [genderTable], [genderChart]),
        };
        sections.AddRange(codes.Select(code => new ReportSection($"kommun-{code}", names[code], null, municipalityTables[code], municipalityCharts[code])));

        await progress(97, "Sammanställer rapporten");
        return new ReportDocument($"Läget i länet – {collaboration.Name}", collaboration.Name, $"Regional rapport för {string.Join(", ", codes.Select(c => names[c]))}",
            now, PeriodText(fromMonth, toMonth), sources, sections,
            $"Antal 1–{threshold - 1} personer visas som <{threshold}, och antal som skulle avslöja dem som .. (sekundär röjandekontroll). {Shares.Rule} " +
            $"Målgrupperna avser {PeriodText(toMonth, toMonth)}, övriga tabeller hela perioden.");
    }

    private static ReportCell Number(long value) => ReportCell.Number(ReportTables.Count(value), value);

    private static ReportCell Suppressed(int? value, int threshold) => value is { } v ? Number(v) : ReportCell.Label($"<{threshold}");

    private static ReportTable FieldTable(string key, string title, IEnumerable<(string Name, int Ads, int Jobs, int PreviousAds, int PreviousJobs)> fields) =>
        new(key, title, ["Yrkesområde", "Annonser", "Jobb", "Annonser föregående period", "Jobb föregående period"],
            fields.OrderByDescending(f => f.Jobs).ThenByDescending(f => f.Ads).ThenBy(f => f.Name, SwedishCollation.Comparer)
                .Select(f => (IReadOnlyList<ReportCell>)[ReportCell.Label(f.Name), Number(f.Ads), Number(f.Jobs), Number(f.PreviousAds), Number(f.PreviousJobs)]).ToList(),
            null);

    private static long[,] Counts(int rows, Func<int, IEnumerable<(Gender Gender, int Count)>> of)
    {
        var counts = new long[rows, ReportTables.Genders.Length];
        for (var r = 0; r < rows; r++)
        {
            foreach (var (gender, count) in of(r))
            {
                counts[r, Array.IndexOf(ReportTables.Genders, gender)] += count;
            }
        }

        return counts;
    }

    private static void AddPerMunicipality(List<ReportTable> tables, List<string> codes, Dictionary<string, List<ReportTable>> municipalityTables,
        Dictionary<string, List<ReportChart>> municipalityCharts, Func<ReportTable, ReportChart>? chart, Dictionary<string, string> names)
    {
        for (var i = 0; i < codes.Count; i++)
        {
            var table = tables[i] with { Title = $"{tables[i].Title}, {names[codes[i]]}" };
            municipalityTables[codes[i]].Add(table);
            if (chart is not null)
            {
                municipalityCharts[codes[i]].Add(chart(tables[i] with { Title = names[codes[i]] }));
            }
        }
    }

    private static IReadOnlyList<ReportCell> GenderRow(string label, ReportTable table)
    {
        var total = table.Rows[^1];
        var columns = table.Columns.ToList();
        ReportCell Of(string column) => columns.IndexOf(column) is var i and > 0 ? total[i] : ReportCell.Label("–");
        var women = Of("Kvinnor");
        var all = Of("Totalt");
        var share = women.Value is { } w && all.Value is { } a ? Shares.Of((long)w, (long)a) : null;
        return [ReportCell.Label(label), women, Of("Män"), Of("Uppgift saknas"), all,
            share is { } s ? ReportCell.Number(Shares.Show(s), (double)s) : ReportCell.Label(women.Value is null || all.Value is null ? ".." : "–")];
    }
}
