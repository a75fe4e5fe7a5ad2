using Arbetsvagen.Features.Matching;
using Arbetsvagen.Features.Statistics;
using System.Diagnostics;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Compositions.Demo;
using Microsoft.EntityFrameworkCore;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Compositions.Hosting;

/// <summary>
/// Command-line tasks run instead of the web server:
/// <c>migrate</c>, <c>seed-volume --participants N [--employers N --placements N --job-tracks N --candidates N]</c>, <c>schema-script</c> (prints the EF model as SQL,
/// the starting point for a new migration script), <c>rotate-log-key</c> (a new access-log chain key; restart every instance)
/// <c>bench-log [--seconds N --writers N]</c> (the access log's write throughput, <see cref="LogBench"/>),
/// <c>backup --to FILE</c> (SQLite: an online copy of the database; PostgreSQL uses pg_dump, README),
/// <c>verify-log</c> (the access log and the consents against the keys and the checkpoints, e.g. after a restore; exit code 1
/// when something is wrong), <c>bench-search</c> (participant search with and without the trigram index, <see cref="SearchBench"/>),
/// <c>bench-kaa [--rows N --users N --seconds N]</c> (the KAA import and work list, <see cref="KaaBench"/>) and
/// <c>bench-statistics [--participants N --events-per-case N --rounds N]</c> (the target-group overview, <see cref="StatisticsBench"/>).
/// </summary>
public static class Commands
{
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is not ("migrate" or "seed-volume" or "schema-script" or "rotate-log-key" or "bench-log" or "backup" or "verify-log" or "bench-search" or "bench-kaa" or "bench-statistics"))
        {
            return false;
        }

        if (args[0] == "rotate-log-key")
        {
            var configuration = WebApplication.CreateBuilder(AppFiles.Options(args[1..])).Configuration;
            Console.WriteLine($"Ny nyckel för loggkedjan: {AccessLogKeyRing.Rotate(configuration)} i {AccessLogKeyRing.KeyFile(configuration)}. " +
                "Starta om alla instanser; den första posten efter omstarten registrerar bytet i loggen.");
            return true;
        }

        var builder = WebApplication.CreateBuilder(AppFiles.Options(args[1..]));
        builder.Services.AddAppDatabase(builder.Configuration);
        builder.Services.AddMatchingFeed(); // a running app's matching index hears of what a seed adds
        builder.Services.AddRegisterChanges(); // and the register's monthly snapshots of a change to an ended month
        builder.Services.AddIdentityCore<AppUser>().AddRoles<Microsoft.AspNetCore.Identity.IdentityRole<Guid>>()
            .AddEntityFrameworkStores<AppDbContext>();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        await using var app = builder.Build();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        switch (args[0])
        {
            case "schema-script":
                Console.WriteLine(db.Database.GenerateCreateScript());
                break;
            case "bench-log":
                await SchemaMigrator.MigrateAsync(db);
                await LogBench.RunAsync(app.Services, builder.Configuration);
                break;
            case "backup":
                await BackupAsync(db, builder.Configuration["to"]);
                break;
            case "verify-log":
                var chain = await app.Services.GetRequiredService<AccessLogVerifier>().VerifyAsync(db, CancellationToken.None);
                var consents = await Core.Consents.ConsentSeal.VerifyAsync(db, CancellationToken.None);
                Console.WriteLine($"Loggkedjan: {chain.EntriesChecked} poster, {chain.CheckpointsChecked} kontrollpunkter, " +
                    $"{(chain.Intact ? "hel" : $"SKADAD ({chain.Edits.Count} ändrade, {chain.Gaps.Count} luckor, {(chain.Truncation is null ? "ej avkortad" : "avkortad")}, {chain.MissingGuards.Count} skydd saknas)")}.");
                Console.WriteLine($"Samtyckena: {consents.ConsentsChecked} kontrollerade, " +
                    $"{(consents.Intact ? "hela" : $"SKADADE ({consents.Problems.Count} avvikelser, {consents.MissingGuards.Count} skydd saknas)")}.");
                Environment.ExitCode = chain.Intact && consents.Intact ? 0 : 1;
                break;
            case "bench-search":
                await SearchBench.RunAsync(db, int.TryParse(builder.Configuration["rounds"], out var rounds) ? rounds : 30);
                break;
            case "bench-statistics":
                await SchemaMigrator.MigrateAsync(db);
                await StatisticsBench.RunAsync(app.Services, builder.Configuration);
                break;
            case "bench-kaa":
                await SchemaMigrator.MigrateAsync(db);
                await KaaBench.RunAsync(app.Services, builder.Configuration);
                break;
            case "migrate":
                var applied = await SchemaMigrator.MigrateAsync(db);
                await Roles.EnsureAsync(scope.ServiceProvider);
                Console.WriteLine(applied.Count == 0 ? "Databasen är redan aktuell." : $"Körde migreringar: {string.Join(", ", applied)}");
                break;
            default:
                int Option(string name, int fallback) => int.TryParse(builder.Configuration[name], out var n) ? n : fallback;
                await SchemaMigrator.MigrateAsync(db);
                await SeedVolumeAsync(db, Option("participants", 100_000));
                if (Option("employers", 0) > 0)
                {
                    await EmployerVolume.SeedAsync(db, Option("employers", 0), Option("placements", 0), Option("job-tracks", 0), Option("candidates", 200));
                }
                break;
        }

        return true;
    }

    /// <summary>
    /// SQLite's online backup: a consistent copy while the app runs (the app's own connections keep working). For
    /// PostgreSQL the operator's tool is pg_dump (README), which this command names rather than imitates.
    /// </summary>
    private static async Task BackupAsync(AppDbContext db, string? target)
    {
        if (db.IsPostgres)
        {
            throw new InvalidOperationException("PostgreSQL säkerhetskopieras med pg_dump -Fc (se README), inte med det här kommandot.");
        }

        if (string.IsNullOrWhiteSpace(target))
        {
            throw new InvalidOperationException("Ange filen att skriva säkerhetskopian till: backup --to /sökväg/arbetsvagen-ÅÅÅÅMMDD.db");
        }

        if (File.Exists(target))
        {
            throw new InvalidOperationException($"{target} finns redan; en säkerhetskopia skriver aldrig över en annan.");
        }

        var source = (Microsoft.Data.Sqlite.SqliteConnection)db.Database.GetDbConnection();
        await source.OpenAsync();
        await using var copy = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ConnectionString);
        await copy.OpenAsync();
        source.BackupDatabase(copy);
        Console.WriteLine($"Säkerhetskopian är skriven till {target}. Kopiera nycklarna och kontrollpunkterna (DataProtection__KeysPath) med den.");
    }

    private const int DemoNumbers = 1_000;

    /// <summary>Adds <paramref name="count"/> synthetic participants spread over the organisations that hold cases.</summary>
    public static async Task SeedVolumeAsync(AppDbContext db, int count)
    {
        var owners = await db.Organisations.AsNoTracking()
            .Where(o => o.Kind != OrganisationKind.Municipality && o.Kind != OrganisationKind.CoordinationAssociation)
            .OrderBy(o => o.Name).ToListAsync();
        if (owners.Count == 0)
        {
            throw new InvalidOperationException("Inga organisationer finns. Starta produkten i demoläge en gång (eller skapa organisationer) först.");
        }

        var author = await db.Users.OrderBy(u => u.UserName).Select(u => u.Id).FirstOrDefaultAsync();
        var start = await db.Participants.CountAsync();
        var perOwner = SyntheticPeople.NumberCount - DemoNumbers;
        if (start + count > owners.Count * perOwner)
        {
            // The official test numbers are too few for the volume: more social-services units, each a boundary of its
            // own, under the municipalities in turn (so a collaboration of the municipalities counts their cases too).
            var municipalities = await db.Organisations.Where(o => o.Kind == OrganisationKind.Municipality).OrderBy(o => o.Name).ToListAsync();
            var missing = ((start + count + perOwner - 1) / perOwner) - owners.Count;
            if (municipalities.Count == 0 || start > owners.Count * perOwner)
            {
                throw new InvalidOperationException($"Testpersonnumren räcker till högst {owners.Count * perOwner} deltagare över {owners.Count} organisationer.");
            }

            var units = Enumerable.Range(0, missing).Select(i => Organisation.CreateUnit(municipalities[i % municipalities.Count],
                $"Volym socialtjänst {i + 1:000}", UnitFunction.SocialServices, ownSecrecyBoundary: true, DateTime.UtcNow)).ToList();
            db.Organisations.AddRange(units);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            owners.AddRange(units);
            Console.WriteLine($"{missing} socialtjänstenheter tillagda: testpersonnumren räcker till {perOwner} deltagare per organisation.");
        }

        var people = new SyntheticPeople(seed: 100_000, DateOnly.FromDateTime(DateTime.UtcNow));
        var now = DateTime.UtcNow;
        var watch = Stopwatch.StartNew();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        const int batch = 2_000;
        for (var done = 0; done < count; done += batch)
        {
            for (var i = done; i < Math.Min(count, done + batch); i++)
            {
                var k = start + i;
                var owner = owners[k % owners.Count];
                // Per organisation each number is used once (the demo seed uses the first DemoNumbers), so
                // uniqueness holds up to owners × (numbers − DemoNumbers).
                var participant = people.Create(k, owner, numberIndex: DemoNumbers + (k / owners.Count), author, now);
                db.Participants.Add(participant);
            }

            try
            {
                await db.SaveChangesAsync();
            }
            catch (DbUpdateException)
            {
                throw new InvalidOperationException("Ett testpersonnummer fanns redan i en organisation. Kör seed-volume mot en databas med färre deltagare.");
            }

            db.ChangeTracker.Clear();
            Console.Write($"\r{Math.Min(count, done + batch)} / {count} deltagare");
        }

        // After a bulk load: fresh planner statistics; on PostgreSQL a vacuum too (so counts can read the index alone,
        // as they can once autovacuum has run), on SQLite the write-ahead log folded into the database file.
        await db.Database.ExecuteSqlRawAsync(db.IsPostgres ? "VACUUM ANALYZE" : "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
        Console.WriteLine($"\nKlart: {count} deltagare på {watch.Elapsed.TotalSeconds:F1} s.");
    }
}
