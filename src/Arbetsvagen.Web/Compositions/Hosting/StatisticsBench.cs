using System.Diagnostics;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.Cases;
using Arbetsvagen.Features.Statistics;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Compositions.Hosting;

/// <summary>
/// <c>bench-statistics [--participants 1000000] [--events-per-case 20] [--rounds 5]</c> (issue 11's target, scripts/bench-statistics.sh):
/// a collaboration of the demo region's municipalities, each with as many social-services organisations as the official
/// test personnummer need for the volume (one number once per organisation), a case per participant opened over four
/// years and most of them closed, and <c>--events-per-case</c> state changes per case written in SQL. Then the
/// target-group overview for a month — the register's grouped query and the protected tables — against the same count
/// as one SQL statement with a window function, and the straightforward EF LINQ version (the counted participants
/// loaded and grouped in memory), in the same run.
/// </summary>
public static class StatisticsBench
{
    public static async Task RunAsync(IServiceProvider services, IConfiguration config)
    {
        var total = config.GetValue("participants", 1_000_000);
        var eventsPerCase = config.GetValue("events-per-case", 20);
        var rounds = config.GetValue("rounds", 5);
        var now = DateTime.UtcNow;
        var today = SwedishTime.Today(now);
        var perOrganisation = SyntheticPeople.NumberCount - 1;
        var municipalities = DemoNames.Municipalities;
        var organisationCount = (total + perOrganisation - 1) / perOrganisation;

        Guid collaborationId;
        List<Organisation> organisations;
        Guid author;
        var watch = Stopwatch.StartNew();
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            author = await db.Users.OrderBy(u => u.UserName).Select(u => u.Id).FirstOrDefaultAsync();
            organisations = Enumerable.Range(0, organisationCount).Select(i => Organisation.CreateTopLevel($"Bench socialtjänst {i:000} {Guid.NewGuid():N}"[..40],
                OrganisationKind.Other, municipalities[i % municipalities.Length].Code, now)).ToList();
            db.Organisations.AddRange(organisations);
            var collaboration = Collaboration.Create($"Benchregion {Guid.NewGuid():N}"[..30], organisations);
            db.Collaborations.Add(collaboration);
            await db.SaveChangesAsync();
            collaborationId = collaboration.Id;
        }

        var people = new SyntheticPeople(seed: 11, today);
        const int Batch = 5_000;
        for (var done = 0; done < total; done += Batch)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var k = done; k < Math.Min(total, done + Batch); k++)
            {
                db.Participants.Add(people.Create(k, organisations[k % organisationCount], numberIndex: k / organisationCount, author, now));
            }

            await db.SaveChangesAsync();
            Console.Write($"\r{Math.Min(total, done + Batch):N0} / {total:N0} deltagare");
        }

        Console.WriteLine($"  ({watch.Elapsed.TotalSeconds:F0} s)");
        var ids = organisations.Select(o => o.Id).ToList();
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            var list = string.Join(",", ids.Select(id => db.IsPostgres ? $"'{id}'" : $"'{id.ToString().ToUpperInvariant()}'"));
            watch.Restart();
            // One case per participant, opened some day in the last four years; six in ten closed 30–730 days later.
            await db.Database.ExecuteSqlRawAsync(db.IsPostgres
                ? $"""
                  INSERT INTO "Cases" ("Id", "ParticipantId", "OrganisationId", "BoundaryId", "State", "Source", "OpenedOn", "Reason", "ClosedOn", "CreatedAt", "CreatedByUserId")
                  SELECT gen_random_uuid(), b."Id", b."OwnerOrganisationId", b."OwnerBoundaryId", 'Ongoing', 'SocialServices', b.d, 'Bench',
                         CASE WHEN random() < 0.6 THEN b.d + (30 + floor(random() * 700))::int END, b."CreatedAt", '{author}'
                  FROM (SELECT p.*, CURRENT_DATE - (floor(random() * 1460))::int AS d FROM "Participants" p WHERE p."OwnerOrganisationId" IN ({list})) b
                  """
                : $"""
                  WITH b AS MATERIALIZED (SELECT p.*, date('now', '-' || (abs(random()) % 1460) || ' days') AS d FROM Participants p WHERE p.OwnerOrganisationId IN ({list}))
                  INSERT INTO Cases (Id, ParticipantId, OrganisationId, BoundaryId, State, Source, OpenedOn, Reason, ClosedOn, CreatedAt, CreatedByUserId)
                  SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))),
                         Id, OwnerOrganisationId, OwnerBoundaryId, 'Ongoing', 'SocialServices', d, 'Bench',
                         CASE WHEN abs(random()) % 10 < 6 THEN date(d, '+' || (30 + abs(random()) % 700) || ' days') END, CreatedAt, '{author.ToString().ToUpperInvariant()}'
                  FROM b
                  """);
            Console.WriteLine($"Ärenden: {watch.Elapsed.TotalSeconds:F0} s");
            watch.Restart();
            if (eventsPerCase > 0)
            {
                await db.Database.ExecuteSqlRawAsync(db.IsPostgres
                    ? $"""
                      INSERT INTO "CaseStateChanges" ("Id", "CaseId", "From", "To", "ByUserId", "At", "Note")
                      SELECT gen_random_uuid(), c."Id", 'Ongoing', 'Ongoing', c."CreatedByUserId", c."CreatedAt" + g * interval '5 days', 'Bench'
                      FROM "Cases" c CROSS JOIN generate_series(1, {eventsPerCase}) g WHERE c."OrganisationId" IN ({list})
                      """
                    : $"""
                      WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < {eventsPerCase})
                      INSERT INTO CaseStateChanges (Id, CaseId, "From", "To", ByUserId, At, Note)
                      SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))),
                             c.Id, 'Ongoing', 'Ongoing', c.CreatedByUserId, datetime(c.CreatedAt, '+' || (5 * n) || ' days'), 'Bench'
                      FROM Cases c, g WHERE c.OrganisationId IN ({list})
                      """);
            }

            await db.Database.ExecuteSqlRawAsync(db.IsPostgres ? "VACUUM ANALYZE" : "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
            var events = await db.Set<CaseStateChange>().CountAsync();
            Console.WriteLine($"Händelser: {events:N0} ({watch.Elapsed.TotalSeconds:F0} s), {(db.IsPostgres ? "PostgreSQL" : "SQLite")}");
        }

        var codes = municipalities.Select(m => m.Code).ToList();
        var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-6);
        var running = new DateOnly(today.Year, today.Month, 1);
        var maxAge = TimeSpan.FromMinutes(10);
        var first = new List<double>();
        var stored = new List<double>();
        var runningFirst = 0.0;
        var runningStored = new List<double>();
        var afterChange = new List<double>();
        var live = new List<double>();
        var window = new List<double>();
        var straightforward = new List<double>();
        long counted = 0, countedLive = 0, countedWindow = 0, countedNaive = 0, countedAfterChange = 0;

        async Task<double> Timed(Func<AppDbContext, Task> work)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            var w = Stopwatch.StartNew();
            await work(db);
            return w.Elapsed.TotalMilliseconds;
        }

        async Task<long> Overview(AppDbContext db, DateOnly m)
        {
            var (figures, _) = await TargetGroupWork.RegisterAsync(db, collaborationId, codes, m, DateTime.UtcNow, maxAge, CancellationToken.None);
            TargetGroupTables.Build(figures, MunicipalityFigures.Total("", figures), "Benchregion", TargetGroupWork.Threshold);
            return figures.Sum(f => f.Sum(Measure.Registered));
        }

        runningFirst = await Timed(async db => await Overview(db, running));
        for (var round = 0; round < rounds; round++)
        {
            // A case of the month opened late, as a caseworker would register it: the month's snapshot no longer holds.
            if (round > 0)
            {
                using (var scope = services.CreateScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    var participant = await db.Participants.Where(p => ids.Contains(p.OwnerOrganisationId)).OrderBy(p => p.Id).Skip(round).Select(p => new { p.Id, p.OwnerOrganisationId, p.OwnerBoundaryId }).FirstAsync();
                    db.Add(Case.Open(participant.Id, participant.OwnerOrganisationId, participant.OwnerBoundaryId, IntakeSource.Self, month.AddDays(3), "Bench", null, author, now));
                    await db.SaveChangesAsync();
                }

                // A count started within the change's margin (a save that may still be committing) is stale by design.
                await Task.Delay(TimeSpan.FromSeconds(config.GetValue("Statistics:ChangeMarginSeconds", 5) + 1));
                afterChange.Add(await Timed(async db => countedAfterChange = await Overview(db, month)));
            }
            else
            {
                first.Add(await Timed(async db => counted = await Overview(db, month)));
            }

            stored.Add(await Timed(async db => counted = await Overview(db, month)));
            runningStored.Add(await Timed(async db => await Overview(db, running)));
            live.Add(await Timed(async db => countedLive = (await RegisterCount.LiveAsync(db, collaborationId, codes, month, CancellationToken.None)).Sum(r => r.Count)));
            window.Add(await Timed(async db => countedWindow = await WindowSqlAsync(db, ids, codes, month)));
            straightforward.Add(await Timed(async db => countedNaive = await StraightforwardAsync(db, ids, codes, month)));
        }

        double Median(List<double> xs) => xs.Count == 0 ? double.NaN : xs.Order().ElementAt(xs.Count / 2);
        Console.WriteLine($"Målgruppsöversikten {month:yyyy-MM}, {codes.Count} kommuner, {counted:N0} personer räknade (direkt: {countedLive:N0}, fönsterfunktionen: {countedWindow:N0}, i minnet: {countedNaive:N0}), {rounds} varv:");
        void Line(string label, List<double> xs) =>
            Console.WriteLine($"  {label,-58} median {Median(xs),8:F0} ms  {Median(xs) / Median(stored),7:F1}×  (alla: {string.Join(", ", xs.Select(x => x.ToString("F0")))})");
        Line("produkten: ur månadens ögonblicksbild (ADR 0031)", stored);
        Line("produkten: första läsningen (räknar och lagrar)", first);
        Line("produkten: efter ett ändrat ärende i månaden (räknar om)", afterChange);
        Line($"produkten: pågående månad {running:yyyy-MM} ur ögonblicksbild", runningStored);
        Line($"produkten: pågående månad, första läsningen", [runningFirst]);
        Line("EF LINQ GroupBy, NOT EXISTS (räkningen utan ögonblicksbild)", live);
        Line("SQL med fönsterfunktion (bara antalet)", window);
        Line("rak EF LINQ, grupperad i minnet", straightforward);

    }

    /// <summary>
    /// The same count as one SQL statement: each person's earliest record picked by ROW_NUMBER() over their records (EF's
    /// LINQ has no window functions). Only values made here are written into the text.
    /// </summary>
    private static async Task<long> WindowSqlAsync(AppDbContext db, List<Guid> organisations, List<string> codes, DateOnly month)
    {
        string Id(Guid id) => $"'{(db.IsPostgres ? id.ToString() : id.ToString().ToUpperInvariant())}'";
        static string Names<T>(IEnumerable<T> values) where T : Enum => string.Join(", ", values.Select(v => $"'{v}'"));
        var sql = $"""
            SELECT COUNT(*) AS "Value" FROM (
                SELECT q."AfStatus", ROW_NUMBER() OVER (PARTITION BY q."IdentityKind", q."IdentityNumber" ORDER BY q."CreatedAt", q."Id") AS "Nth"
                FROM "Participants" q
                WHERE q."HomeMunicipalityCode" IN ({string.Join(", ", codes.Select(c => $"'{c}'"))})
                  AND EXISTS (SELECT 1 FROM "Cases" c WHERE c."ParticipantId" = q."Id" AND c."OrganisationId" IN ({string.Join(", ", organisations.Select(Id))})
                              AND c."OpenedOn" <= '{month.AddMonths(1).AddDays(-1):yyyy-MM-dd}' AND (c."ClosedOn" IS NULL OR c."ClosedOn" >= '{month:yyyy-MM-dd}'))
            ) p
            WHERE p."Nth" = 1 AND p."AfStatus" IN ({Names(TargetStatuses.All)})
            """;
#pragma warning disable EF1002 // every value in the text is made here
        return await db.Database.SqlQueryRaw<long>(sql).SingleAsync();
#pragma warning restore EF1002
    }

    /// <summary>
    /// The straightforward version: the open cases' participants loaded with their attributes, then deduplicated and
    /// counted in memory per municipality, status and gender.
    /// </summary>
    private static async Task<long> StraightforwardAsync(AppDbContext db, List<Guid> organisations, List<string> codes, DateOnly month)
    {
        var end = month.AddMonths(1).AddDays(-1);
        var open = await db.Set<Case>().AsNoTracking()
            .Where(c => organisations.Contains(c.OrganisationId) && c.OpenedOn <= end && (c.ClosedOn == null || c.ClosedOn >= month))
            .Select(c => c.ParticipantId).ToListAsync();
        var openSet = open.ToHashSet();
        var people = await db.Participants.AsNoTracking().Include(p => p.Sensitive)
            .Where(p => codes.Contains(p.HomeMunicipalityCode)).ToListAsync();
        var counted = people.Where(p => openSet.Contains(p.Id))
            .GroupBy(p => (p.IdentityKind, p.IdentityNumber)).Select(g => g.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).First())
            .Where(p => TargetStatuses.All.Contains(p.AfStatus))
            .GroupBy(p => (p.HomeMunicipalityCode, p.AfStatus, p.Gender))
            .ToDictionary(g => g.Key, g => (Registered: g.Count(), Short: g.Count(p => p.IsShortEducated), Disability: g.Count(p => p.Sensitive?.HasRegisteredDisability == true)));
        return counted.Values.Sum(v => v.Registered);
    }
}
