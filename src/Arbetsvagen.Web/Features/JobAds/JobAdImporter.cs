using System.Threading.Channels;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.JobAds;

/// <summary>Where uploaded files wait for their import (<c>JobAds:ImportPath</c>, default <c>data/imports</c>).</summary>
public sealed class JobAdFiles(IConfiguration configuration)
{
    private readonly string folder = configuration["JobAds:ImportPath"] ?? Path.Combine("data", "imports");

    public string PathOf(Guid importId) => Path.Combine(folder, $"{importId:N}.json");

    /// <summary>Streams an upload to disk (never whole in memory) and returns its size.</summary>
    public async Task<long> SaveAsync(Guid importId, Stream content, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var path = PathOf(importId);
        var partial = path + ".part";
        await using (var file = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            await content.CopyToAsync(file, ct);
        }

        File.Move(partial, path, overwrite: true);
        return new FileInfo(path).Length;
    }

    public void Delete(Guid importId)
    {
        File.Delete(PathOf(importId));
    }
}

/// <summary>
/// Runs one import: batches of ads are upserted by ad id, each batch committed with the import's progress, so a
/// stopped import resumes where its last batch ended and a re-import of the same file changes nothing.
/// </summary>
public sealed class JobAdImporter(AppDbContext db, JobAdFiles files, TimeProvider clock)
{
    public const int BatchSize = 1000;

    /// <summary>How long a runner holds an import; another instance takes it over only after this (a crashed runner).</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public async Task RunAsync(Guid importId, CancellationToken ct)
    {
        // Claim it: one runner at a time, across instances; a lease that ran out belongs to a runner that stopped.
        var now = Now;
        var claimed = await db.Set<JobAdImport>()
            .Where(i => i.Id == importId && (i.Status == JobAdImportStatus.Queued || i.Status == JobAdImportStatus.Running) && (i.LeaseUntil == null || i.LeaseUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseUntil, now + Lease), ct);
        if (claimed == 0)
        {
            return;
        }

        var import = await db.Set<JobAdImport>().SingleAsync(i => i.Id == importId, ct);
        var path = files.PathOf(importId);
        if (!File.Exists(path))
        {
            import.Reject("Filen finns inte längre kvar på servern. Ladda upp den igen.", Now);
            await db.SaveChangesAsync(ct);
            return;
        }

        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true))
        {
            if (import.Status == JobAdImportStatus.Queued)
            {
                if (await JobAdFile.DetectAsync(stream, ct) is not { } format)
                {
                    import.Reject("Filen är tom.", Now);
                    await db.SaveChangesAsync(ct);
                    files.Delete(importId);
                    return;
                }

                import.Start(format, Now);
                await db.SaveChangesAsync(ct);
            }

            var done = import.Format == JobAdFileFormat.JsonLines ? await LinesAsync(import, stream, ct) : await SearchResultAsync(import, stream, ct);
            if (!done)
            {
                files.Delete(importId);
                return;
            }
        }

        import.Complete(Now);
        await db.SaveChangesAsync(ct);
        files.Delete(importId);
    }

    private async Task<bool> LinesAsync(JobAdImport import, Stream stream, CancellationToken ct)
    {
        var line = import.Records;
        var batch = new List<(long Line, JobAdRecord Record)>();
        var problems = new List<(long Line, string Reason)>();
        var lines = 0;
        await foreach (var read in JobAdFile.ReadLinesAsync(stream, import.DoneBytes, ct))
        {
            line++;
            lines++;
            if (read.Record is { } record)
            {
                batch.Add((line, record));
            }
            else if (read.Problem is { } problem)
            {
                problems.Add((line, problem));
            }

            if (lines >= BatchSize)
            {
                await CommitAsync(import, batch, problems, lines, read.EndOffset, ct);
                (lines, batch, problems) = (0, [], []);
            }
        }

        await CommitAsync(import, batch, problems, lines, import.TotalBytes, ct);
        return true;
    }

    private async Task<bool> SearchResultAsync(JobAdImport import, Stream stream, CancellationToken ct)
    {
        var (hits, document, rejected) = await JobAdFile.ReadSearchResultAsync(stream, ct);
        if (hits is null)
        {
            import.Reject(rejected!, Now);
            await db.SaveChangesAsync(ct);
            return false;
        }

        using (document)
        {
            for (var start = (int)import.Records; start < hits.Count; start += BatchSize)
            {
                var batch = new List<(long Line, JobAdRecord Record)>();
                var problems = new List<(long Line, string Reason)>();
                var end = Math.Min(hits.Count, start + BatchSize);
                for (var i = start; i < end; i++)
                {
                    if (JobAdFile.Parse(hits[i], out var problem) is { } record)
                    {
                        batch.Add((i + 1, record));
                    }
                    else
                    {
                        problems.Add((i + 1, $"Träff {i + 1}: {problem}"));
                    }
                }

                await CommitAsync(import, batch, problems, end - start, import.TotalBytes * end / Math.Max(1, hits.Count), ct);
            }
        }

        return true;
    }

    /// <summary>One batch and the import's progress in one transaction (SaveChanges): both or neither.</summary>
    private async Task CommitAsync(JobAdImport import, List<(long Line, JobAdRecord Record)> batch, List<(long Line, string Reason)> problems,
        int records, long doneBytes, CancellationToken ct)
    {
        var now = Now;
        var keys = batch.Select(b => b.Record.Key).Distinct().ToList();
        var known = keys.Count == 0 ? [] : await db.Set<JobAd>().Where(a => keys.Contains(a.AdKey)).ToDictionaryAsync(a => a.AdKey, ct);
        int added = 0, updated = 0, unchanged = 0, closed = 0;
        foreach (var (_, record) in batch)
        {
            if (known.TryGetValue(record.Key, out var ad))
            {
                var changed = record.IsRemoval ? ad.Close(record.RemovedOn, import.Id, now) : ad.Apply(record, import.Id, now);
                if (!changed)
                {
                    unchanged++;
                }
                else if (record.IsRemoval)
                {
                    closed++;
                }
                else
                {
                    updated++;
                }
            }
            else if (record.IsRemoval)
            {
                unchanged++; // the removal of an ad never imported: there is no version to close
            }
            else
            {
                known[record.Key] = db.Add(JobAd.Create(record, import.Id, now)).Entity;
                added++;
            }
        }

        db.AddRange(import.Record(new JobAdBatchResult(records, added, updated, unchanged, closed, problems), doneBytes));
        import.Renew(now + Lease);
        await db.SaveChangesAsync(ct);
        // Memory stays flat: the batch's ads and problems leave the change tracker, the import stays.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is not JobAdImport).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }
}

/// <summary>
/// Runs imports in the background, one at a time: those queued now, and at start (and every minute) any that a stopped
/// runner left unfinished.
/// </summary>
public sealed class JobAdImportRunner(IServiceScopeFactory scopes, ILogger<JobAdImportRunner> logger) : BackgroundService
{
    private readonly Channel<Guid> queue = Channel.CreateUnbounded<Guid>();

    public void Enqueue(Guid importId) => queue.Writer.TryWrite(importId);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var sweep = new PeriodicTimer(TimeSpan.FromMinutes(1));
        _ = SweepLoopAsync(sweep, stoppingToken);
        await foreach (var id in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<JobAdImporter>().RunAsync(id, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return; // resumed at the next start from its last committed batch
            }
            catch (Exception e)
            {
                logger.LogError(e, "The job-ad import {ImportId} stopped; it resumes from its last committed batch", id);
            }
        }
    }

    private async Task SweepLoopAsync(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            do
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    foreach (var id in await db.Set<JobAdImport>().Where(i => i.Status == JobAdImportStatus.Queued || i.Status == JobAdImportStatus.Running)
                                 .OrderBy(i => i.CreatedAt).Select(i => i.Id).ToListAsync(ct))
                    {
                        Enqueue(id);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Looking for unfinished job-ad imports failed; trying again in a minute");
                }
            }
            while (await timer.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException)
        {
        }
    }
}
