using System.Diagnostics;
using System.Text;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Features.Kaa;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Compositions.Hosting;

/// <summary>
/// <c>bench-kaa [--rows 50000] [--users 20] [--seconds 15]</c> (issue 13's targets, scripts/bench-kaa.sh): a county's
/// school situation imported through the real parser and importer with its change report — first into an empty register,
/// then the same files again (nothing changes), then with a tenth of the rows changed — against the obvious alternative
/// (a query and a save per row, measured on a sample and scaled); then the work list of those not reached with
/// <c>--users</c> concurrent readers, against the obvious alternative (working out "not reached" from the contacts).
/// Only Skatteverket's ~1,050 test personnummer of KAA age exist, so the county is that many per municipality, in as many
/// KAA units as it takes (about 48 for 50,000), each its own file.
/// </summary>
public static class KaaBench
{
    public static async Task RunAsync(IServiceProvider services, IConfiguration config)
    {
        var total = config.GetValue("rows", 50_000);
        var users = config.GetValue("users", 20);
        var seconds = config.GetValue("seconds", 15);
        var now = DateTime.UtcNow;
        var today = SwedishTime.Today(now);
        var numbers = KaaDemo.Numbers(today);
        var unitCount = (total + numbers.Count - 1) / numbers.Count;
        var random = new Random(13);
        List<Organisation> units;
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var county = Organisation.CreateTopLevel($"Benchlän {Guid.NewGuid():N}"[..20], OrganisationKind.Municipality, "0188", now);
            db.Organisations.Add(county);
            units = Enumerable.Range(0, unitCount + 1)
                .Select(i => Organisation.CreateUnit(county, $"Bench KAA {i}", UnitFunction.YouthActivityResponsibility, ownSecrecyBoundary: true, now)).ToList();
            db.Organisations.AddRange(units);
            await db.SaveChangesAsync();
        }

        var statuses = new[] { "avbrott", "avbrott", "avbrott", "avslutat utan examen", "avslutat utan examen", "okänd", "studerar", "studerar", "studerar", "examen" };
        var files = new List<(Organisation Unit, string[] Lines)>();
        for (int u = 0, left = total; left > 0; u++)
        {
            var count = Math.Min(left, numbers.Count);
            files.Add((units[u], numbers.Take(count).Select(n =>
                $"{n.Value};Test;Testsson{random.Next(1000)};Benchgymnasiet;IM;{statuses[random.Next(statuses.Length)]};{today.AddDays(-random.Next(1, 300)):yyyy-MM-dd}").ToArray()));
            left -= count;
        }

        const string Header = "personnummer;förnamn;efternamn;skola;program;status;datum";
        byte[] Bytes(string[] lines) => Encoding.UTF8.GetBytes(Header + "\n" + string.Join("\n", lines) + "\n");
        Console.WriteLine($"KAA-import: {total:N0} rader i {files.Count} filer ({numbers.Count:N0} testpersonnummer i KAA-åldern per kommun), {(await Provider(services))}");

        async Task<KaaImport> ImportAllAsync(string label, Func<string[], string[]> change)
        {
            var sum = new KaaImport();
            var watch = Stopwatch.StartNew();
            foreach (var (unit, lines) in files)
            {
                using var scope = services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var file = KaaSchoolFile.Parse(Bytes(change(lines)), today);
                var i = await KaaImporter.ImportAsync(db, unit, Guid.Empty, "bench.csv", file, now, CancellationToken.None);
                sum.Rows += i.Rows; sum.Added += i.Added; sum.Changed += i.Changed; sum.Unchanged += i.Unchanged; sum.Entered += i.Entered;
                sum.ReEntered += i.ReEntered; sum.Exited += i.Exited; sum.BadRows += i.BadRows;
            }

            Console.WriteLine($"  {label,-28} {watch.Elapsed.TotalSeconds,6:F1} s  {sum.Rows / watch.Elapsed.TotalSeconds,8:N0} rader/s  " +
                $"nya {sum.Added:N0}, ändrade {sum.Changed:N0}, oförändrade {sum.Unchanged:N0}, in {sum.Entered + sum.ReEntered:N0}, ut {sum.Exited:N0}, fel {sum.BadRows}");
            return sum;
        }

        await ImportAllAsync("första importen", l => l);
        await ImportAllAsync("samma filer igen", l => l);
        await ImportAllAsync("en tiondel ändrad", lines => lines.Select((l, i) => i % 10 != 0 ? l
            : l.Contains(";studerar;", StringComparison.Ordinal) ? l.Replace(";studerar;", ";avbrott;", StringComparison.Ordinal)
            : l.Replace(";avbrott;", ";studerar;", StringComparison.Ordinal).Replace(";okänd;", ";studerar;", StringComparison.Ordinal)
               .Replace(";avslutat utan examen;", ";studerar;", StringComparison.Ordinal)).ToArray());

        // The obvious alternative: each row looked up and saved on its own, on a sample into a fresh unit.
        var sample = Math.Min(2_000, numbers.Count);
        var rowByRow = Stopwatch.StartNew();
        var spare = units[^1];
        foreach (var row in KaaSchoolFile.Parse(Bytes(files[0].Lines.Take(sample).ToArray()), today).Rows)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var youth = await db.KaaYouth.Include(y => y.Periods).FirstOrDefaultAsync(y => y.OwnerOrganisationId == spare.Id && y.IdentityNumber == row.IdentityNumber);
            if (youth is null)
            {
                youth = KaaYouth.Create(spare.Id, spare.SecrecyBoundaryId, "0188", row.IdentityNumber, row.Born, row.Gender, row.FirstName, row.LastName, now);
                db.KaaYouth.Add(youth);
            }

            youth.ApplySchoolSituation(row, today, now);
            await db.SaveChangesAsync();
        }

        var perRow = rowByRow.Elapsed.TotalSeconds / sample;
        Console.WriteLine($"  {"alternativ: rad för rad",-28} {perRow * total,6:F1} s  {1 / perRow,8:N0} rader/s  (uppmätt på {sample:N0} rader, uppräknat till {total:N0})");

        // Outreach, so that the work list has something to leave out: a third reached, a third tried once or twice.
        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var inKaa = await db.KaaYouth.Include(y => y.Periods).Where(y => y.InKaa).ToListAsync();
            foreach (var y in inKaa)
            {
                var roll = random.Next(3);
                for (var a = 0; a < roll; a++)
                {
                    db.KaaContacts.Add(y.RecordContact(a == 1 ? OutreachChannel.Sms : OutreachChannel.Phone, roll == 2 && a == 1 ? OutreachResult.Reached : OutreachResult.NotReached,
                        now.AddDays(-10 + a), null, Guid.Empty, y.OwnerOrganisationId, today.AddDays(-10 + a)));
                }
            }

            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            Console.WriteLine($"Arbetslistan: {inKaa.Count:N0} i KAA, {await db.KaaContacts.CountAsync():N0} kontakter, {users} samtidiga användare i {seconds} s per variant");
        }

        var boundaries = files.Select(f => f.Unit.SecrecyBoundaryId).ToList();
        await MeasureAsync(services, "arbetslistan (index på posten)", users, seconds, boundaries, (db, boundary) =>
            KaaWork.WorkListQuery(db.KaaYouth.Where(y => y.OwnerBoundaryId == boundary), today, 100).ToListAsync());
        await MeasureAsync(services, "alternativ: ur kontakterna", users, seconds, boundaries, (db, boundary) =>
        {
            // Not reached = no contact that reached them since their open period began; next try from the latest attempt.
            var periods = db.KaaPeriods;
            var contacts = db.KaaContacts;
            var q = from y in db.KaaYouth
                    where y.OwnerBoundaryId == boundary && y.InKaa && y.AgeOutOn >= today
                    where !contacts.Any(c => c.YouthId == y.Id && c.Result != OutreachResult.NotReached)
                    let start = periods.Where(p => p.YouthId == y.Id && p.ExitedOn == null).Max(p => (DateOnly?)p.EnteredOn)
                    let last = contacts.Where(c => c.YouthId == y.Id).Max(c => (DateTime?)c.At)
                    let attempts = contacts.Count(c => c.YouthId == y.Id)
                    orderby last, y.Id
                    select new KaaYouthRow(y.Id, y.IdentityNumber, y.FirstName, y.LastName, y.MunicipalityCode, y.DateOfBirth, y.SchoolStatus, y.Occupation,
                        y.InKaa, false, attempts, last, start, y.NextChannel, y.AgeOutOn);
            return q.Take(100).ToListAsync();
        });
    }

    private static async Task<string> Provider(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<AppDbContext>().IsPostgres ? "PostgreSQL" : "SQLite";
    }

    private static async Task MeasureAsync(IServiceProvider services, string label, int users, int seconds, List<Guid> boundaries,
        Func<AppDbContext, Guid, Task<List<KaaYouthRow>>> query)
    {
        var timings = new List<double>[users];
        var until = DateTime.UtcNow.AddSeconds(seconds);
        var rows = 0L;
        await Task.WhenAll(Enumerable.Range(0, users).Select(u => Task.Run(async () =>
        {
            timings[u] = [];
            var random = new Random(u);
            while (DateTime.UtcNow < until)
            {
                using var scope = services.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var watch = Stopwatch.StartNew();
                var list = await query(db, boundaries[random.Next(boundaries.Count)]);
                timings[u].Add(watch.Elapsed.TotalMilliseconds);
                Interlocked.Add(ref rows, list.Count);
            }
        })));
        var all = timings.SelectMany(t => t).Order().ToList();
        double P(double q) => all[Math.Min(all.Count - 1, (int)(q * all.Count))];
        Console.WriteLine($"  {label,-32} {all.Count / (double)seconds,7:N0} anrop/s  p50 {P(0.5),6:F1} ms  p95 {P(0.95),6:F1} ms  p99 {P(0.99),6:F1} ms  ({rows / Math.Max(1, all.Count)} rader per svar)");
    }
}
