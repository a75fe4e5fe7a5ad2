using System.Threading.Channels;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

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
    /// <summary>Lines per transaction: large enough that commits cost little, small enough that memory stays flat.</summary>
    public const int BatchSize = 5000;

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

            var done = import.Format == JobAdFileFormat.JsonLines ? await WithLargerCacheAsync(() => LinesAsync(import, stream, ct), ct) : await SearchResultAsync(import, stream, ct);
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

    /// <summary>
    /// On SQLite the import's connection gets a 64 MB page cache while it runs: each batch inserts all over the indexes,
    /// and the default 2 MB spills pages to the log in the middle of the transaction. SQLite's default (2 MB) is put back
    /// before the connection returns to the pool.
    /// </summary>
    private async Task<bool> WithLargerCacheAsync(Func<Task<bool>> import, CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            return await import();
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -65536", ct);
            return await import();
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000", CancellationToken.None);
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Lines read and parsed: a batch's ads and bad lines, how many lines, and where in the file the batch ends.</summary>
    private sealed record LineBatch(List<(long Line, JobAdRecord Record)> Ads, List<(long Line, string Reason)> Problems, int Lines, long EndOffset);

    /// <summary>
    /// The next batch is read and parsed on another thread while this one is written, so that parsing and the database
    /// use a core each; at most two batches wait, so memory stays flat.
    /// </summary>
    private async Task<bool> LinesAsync(JobAdImport import, Stream stream, CancellationToken ct)
    {
        var batches = Channel.CreateBounded<LineBatch>(new BoundedChannelOptions(2) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = Task.Run(() => ReadLinesAsync(stream, import.Records, import.DoneBytes, import.TotalBytes, batches.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var batch in batches.Reader.ReadAllAsync(ct))
            {
                await CommitAsync(import, batch.Ads, batch.Problems, batch.Lines, batch.EndOffset, ct);
            }
        }
        finally
        {
            await stop.CancelAsync(); // a batch that failed stops the reading
            await reading;
        }

        return true;
    }

    /// <summary>Splits the file from <paramref name="offset"/> on into batches; a read error ends the channel with it.</summary>
    private static async Task ReadLinesAsync(Stream stream, long line, long offset, long totalBytes, ChannelWriter<LineBatch> batches, CancellationToken ct)
    {
        try
        {
            var (ads, problems, lines) = (new List<(long, JobAdRecord)>(), new List<(long, string)>(), 0);
            await foreach (var read in JobAdFile.ReadLinesAsync(stream, offset, ct))
            {
                line++;
                lines++;
                if (read.Record is { } record)
                {
                    ads.Add((line, record));
                }
                else if (read.Problem is { } problem)
                {
                    problems.Add((line, problem));
                }

                if (lines >= BatchSize)
                {
                    await batches.WriteAsync(new LineBatch(ads, problems, lines, read.EndOffset), ct);
                    (ads, problems, lines) = ([], [], 0);
                }
            }

            await batches.WriteAsync(new LineBatch(ads, problems, lines, totalBytes), ct);
            batches.Complete();
        }
        catch (Exception e)
        {
            batches.Complete(e);
        }
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

    /// <summary>One batch and the import's progress in one transaction: both or neither.</summary>
    private async Task CommitAsync(JobAdImport import, List<(long Line, JobAdRecord Record)> batch, List<(long Line, string Reason)> problems,
        int records, long doneBytes, CancellationToken ct)
    {
        var now = Now;
        // Of the stored ads, only what tells whether a record changes them; those that it does are loaded whole and
        // changed through the entity. A re-import of the same file loads nothing more and writes no ad.
        var keys = batch.Select(b => b.Record.Key).Distinct().ToList();
        var stored = keys.Count == 0 ? [] : await db.JobAds.AsNoTracking().Where(a => EF.Parameter(keys).Contains(a.AdKey))
            .Select(a => new { a.AdKey, a.ContentHash, a.Removed, a.RemovedOn }).ToDictionaryAsync(a => a.AdKey, ct);
        var changing = batch.Where(b => stored.TryGetValue(b.Record.Key, out var s) && JobAd.Changes(b.Record, s.ContentHash, s.Removed, s.RemovedOn))
            .Select(b => b.Record.Key).Distinct().ToList();
        var ads = changing.Count == 0 ? [] : await db.JobAds.Where(a => EF.Parameter(changing).Contains(a.AdKey)).ToDictionaryAsync(a => a.AdKey, ct);
        var added = new List<JobAd>();
        int updated = 0, unchanged = 0, closed = 0;
        foreach (var (_, record) in batch)
        {
            if (ads.TryGetValue(record.Key, out var ad)) // a stored ad that changes, or one added earlier in this batch
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
            else if (stored.ContainsKey(record.Key) || record.IsRemoval)
            {
                unchanged++; // the version already kept, or the removal of an ad never imported (no version to close)
            }
            else
            {
                ads[record.Key] = ad = JobAd.Create(record, import.Id, now);
                added.Add(ad);
            }
        }

        db.AddRange(import.Record(new JobAdBatchResult(records, added.Count, updated, unchanged, closed, problems), doneBytes));
        import.Renew(now + Lease);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            await InsertAsync(added, ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        // Memory stays flat: the batch's changed ads and problems leave the change tracker, the import stays.
        foreach (var entry in db.ChangeTracker.Entries().Where(e => e.Entity is not JobAdImport).ToList())
        {
            entry.State = EntityState.Detached;
        }
    }

    /// <summary>
    /// Writes new ads without the change tracker, whose bookkeeping per entity was most of an import's time: a binary
    /// COPY on PostgreSQL, one prepared INSERT run per ad on SQLite (SQLite binds parameters by name, so a many-row
    /// INSERT costs more than it saves). Columns and values come from the EF model, as SaveChanges would write them.
    /// </summary>
    private async Task InsertAsync(List<JobAd> ads, CancellationToken ct)
    {
        if (ads.Count == 0)
        {
            return;
        }

        var columns = db.Model.FindEntityType(typeof(JobAd))!.GetProperties().ToList();
        var names = string.Join(", ", columns.Select(c => $"\"{c.GetColumnName()}\""));
        var connection = db.Database.GetDbConnection();
        if (connection is NpgsqlConnection npgsql)
        {
            await using var copy = await npgsql.BeginBinaryImportAsync($"COPY \"JobAds\" ({names}) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var ad in ads)
            {
                await copy.StartRowAsync(ct);
                foreach (var column in columns)
                {
                    if (Value(column, ad) is { } value)
                    {
                        await copy.WriteAsync(value, ct);
                    }
                    else
                    {
                        await copy.WriteNullAsync(ct);
                    }
                }
            }

            await copy.CompleteAsync(ct);
            return;
        }

        await using var insert = connection.CreateCommand();
        insert.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        insert.CommandText = $"INSERT INTO \"JobAds\" ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var parameters = columns.Select((c, i) => c.GetRelationalTypeMapping().CreateParameter(insert, $"@p{i}", null, c.IsNullable)).ToArray();
        insert.Parameters.AddRange(parameters);
        foreach (var ad in ads)
        {
            for (var i = 0; i < columns.Count; i++)
            {
                parameters[i].Value = Value(columns[i], ad) ?? DBNull.Value;
            }

            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    private static object? Value(IProperty column, JobAd ad)
    {
        var value = column.GetGetter().GetClrValue(ad);
        return value is not null && column.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value) : value;
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
