using System.Diagnostics;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Compositions.Hosting;

/// <summary>
/// <c>bench-log [--seconds 10] [--writers 32]</c>: how many access-log rows a second the keyed chain takes, in its two
/// paths — reads (each writer's row goes through the group commit, as a request's reads do) and changes (each writer
/// saves its row in a transaction of its own, as a change to data does) — then verifies the chain. Start it in two
/// processes against one PostgreSQL (or one SQLite file) at once to measure two instances sharing the chain.
/// </summary>
public static class LogBench
{
    public static async Task RunAsync(IServiceProvider services, IConfiguration config)
    {
        var seconds = config.GetValue("seconds", 10);
        var writers = config.GetValue("writers", 32);
        var batches = services.GetRequiredService<AccessLogBatches>();
        var instance = Guid.NewGuid();
        AccessLogEntry Row(int writer, long i) => AccessLogEntry.Create(DateTime.UtcNow, null, $"bench{writer}", null, "Socialsekreterare",
            AccessAction.Read, "Participant", i.ToString(System.Globalization.CultureInfo.InvariantCulture), instance, null, "bench-log");

        using var runner = new CancellationTokenSource();
        var loop = batches.RunAsync(runner.Token);
        var reads = await MeasureAsync("läsningar (gruppvis)", seconds, writers, async (writer, i) => await batches.WriteAsync([Row(writer, i)]));
        var changes = await MeasureAsync("ändringar (en transaktion var)", seconds, writers, async (writer, i) =>
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.AccessLog.Add(Row(writer, i));
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        });
        await runner.CancelAsync();
        await loop;

        using (var scope = services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var report = await services.GetRequiredService<AccessLogVerifier>().VerifyAsync(db, CancellationToken.None);
            Console.WriteLine($"bench-log {db.Database.ProviderName}: {reads:F0} rader/s läsningar, {changes:F0} rader/s ändringar, {writers} skrivare, " +
                $"kedjan {(report.Intact ? "obruten" : "BRUTEN")} ({report.EntriesChecked} poster, {report.Gaps.Count} luckor, {report.Edits.Count} ändringar)");
        }
    }

    private static async Task<double> MeasureAsync(string name, int seconds, int writers, Func<int, long, Task> write)
    {
        var until = Stopwatch.StartNew();
        var rows = 0L;
        var latencies = new List<double>[writers];
        await Task.WhenAll(Enumerable.Range(0, writers).Select(async writer =>
        {
            latencies[writer] = [];
            for (long i = 0; until.Elapsed.TotalSeconds < seconds; i++)
            {
                var one = Stopwatch.StartNew();
                await write(writer, i);
                latencies[writer].Add(one.Elapsed.TotalMilliseconds);
                Interlocked.Increment(ref rows);
            }
        }));
        var all = latencies.SelectMany(l => l).Order().ToList();
        var perSecond = rows / until.Elapsed.TotalSeconds;
        Console.WriteLine($"  {name}: {rows} rader på {until.Elapsed.TotalSeconds:F1} s = {perSecond:F0} rader/s, " +
            $"p50 {all[all.Count / 2]:F1} ms, p95 {all[(int)(all.Count * 0.95)]:F1} ms");
        return perSecond;
    }
}
