using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Infrastructure;

/// <summary>
/// Group commit for saves that only add access-log rows (reads, searches, denials). Each request still waits
/// until its rows are committed before it answers, but concurrent requests' rows are chained and committed in
/// one transaction instead of queueing one by one for the chain lock. Changes to data never come here: their
/// log rows stay in the change's own transaction (ADR 0003).
/// </summary>
public sealed class AccessLogBatches
{
    private const int MaxBatch = 500;
    private static readonly ConcurrentDictionary<string, AccessLogBatches> PerDatabase = new();

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly DbContextOptions<AppDbContext> options;

    private sealed record Pending(List<AccessLogEntry> Entries, TaskCompletionSource Done);

    private AccessLogBatches(DbContextOptions<AppDbContext> options)
    {
        this.options = options;
        _ = Task.Run(WriteBatchesAsync);
    }

    public static AccessLogBatches For(AppDbContext db) =>
        db.LogBatches ??= For(db.IsPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite, db.Database.GetConnectionString()!);

    public static AccessLogBatches For(DatabaseProvider provider, string connectionString) =>
        PerDatabase.GetOrAdd($"{provider}:{connectionString}", _ =>
        {
            // Options of its own, built the same way as the application's, so the writer needs no service scope.
            var options = new DbContextOptionsBuilder<AppDbContext>();
            Infrastructure.Database.Configure(options, provider, connectionString);
            return new AccessLogBatches(options.Options);
        });

    /// <summary>Completes when the entries are committed; fails (and the request with it) if they could not be.</summary>
    public Task WriteAsync(List<AccessLogEntry> entries)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        queue.Writer.TryWrite(new Pending(entries, done));
        return done.Task;
    }

    private async Task WriteBatchesAsync()
    {
        while (await queue.Reader.WaitToReadAsync())
        {
            var batch = new List<Pending>();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }

            try
            {
                await using var db = new AppDbContext(options);
                await db.AppendLogRowsAsync(batch.SelectMany(p => p.Entries).ToList(), CancellationToken.None);
                batch.ForEach(p => p.Done.SetResult());
            }
#pragma warning disable CA1031 // every waiting request must hear about the failure
            catch (Exception e)
#pragma warning restore CA1031
            {
                batch.ForEach(p => p.Done.SetException(e));
            }
        }
    }
}
