using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Infrastructure;

/// <summary>
/// Group commit for saves that only add access-log rows (reads, searches, denials). Each request still waits
/// until its rows are committed before it answers, but concurrent requests' rows are chained and committed in
/// one transaction instead of queueing one by one for the chain lock. Changes to data never come here: their
/// log rows stay in the change's own transaction (ADR 0003).
/// One per application (a DI singleton); <see cref="AccessLogBatchWriter"/> runs its loop for the host's lifetime.
/// While no loop runs (before the host starts, after it stops, in a command-line task) a writer commits the
/// queue itself, so no row waits for a loop that will not come.
/// </summary>
// The semaphore is never disposed: it holds no handle (AvailableWaitHandle is not used), and a host stopped
// twice (WebApplicationFactory does) may still drain after the container has disposed its singletons.
#pragma warning disable CA1001
public sealed class AccessLogBatches(DbContextOptions<AppDbContext> options, AccessLogKeyRing keys)
#pragma warning restore CA1001
{
    private const int MaxBatch = 500;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>();
    private readonly SemaphoreSlim writing = new(1, 1);
    private volatile bool running;
    private long waiting;
    private long writingSince;
    private long committed;

    /// <summary>The chain's keys, for every context of this application that adds log rows.</summary>
    internal AccessLogKeyRing Keys => keys;

    /// <summary>
    /// This instance's writers queue here before they ask the database for the chain lock (AppDbContext), so that
    /// they do not each hold a transaction while they wait; each takes its connection before it queues, so the writer
    /// holding this lock never waits for the pool. Other instances are kept in order by the database's lock.
    /// </summary>
    internal SemaphoreSlim ChainLock { get; } = new(1, 1);

    private sealed record Pending(List<AccessLogEntry> Entries, TaskCompletionSource Done, long QueuedAt);

    /// <summary>Whether the group-commit loop runs (it does for the host's lifetime).</summary>
    public bool Running => running;

    /// <summary>Requests whose log rows are not committed yet (queued or in the batch being written).</summary>
    public long QueueDepth => Interlocked.Read(ref waiting);

    /// <summary>Requests whose log rows this writer has committed since the application started.</summary>
    public long Committed => Interlocked.Read(ref committed);

    /// <summary>How long the oldest uncommitted request has waited for its log rows; zero when none waits.</summary>
    public TimeSpan Lag
    {
        get
        {
            var oldest = Interlocked.Read(ref writingSince);
            if (queue.Reader.TryPeek(out var next) && (oldest == 0 || next.QueuedAt < oldest))
            {
                oldest = next.QueuedAt;
            }

            return oldest == 0 ? TimeSpan.Zero : System.Diagnostics.Stopwatch.GetElapsedTime(oldest);
        }
    }

    /// <summary>Completes when the entries are committed; fails (and the request with it) if they could not be.</summary>
    public async Task WriteAsync(List<AccessLogEntry> entries)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Increment(ref waiting);
        queue.Writer.TryWrite(new Pending(entries, done, System.Diagnostics.Stopwatch.GetTimestamp()));
        // Queued first, checked second: the loop clears the flag before its last drain, so either that drain or
        // this one takes the entries.
        if (!running)
        {
            await DrainAsync();
        }

        await done.Task;
    }

    /// <summary>Writes batches as they come until <paramref name="stopping"/>, then commits whatever is still queued.</summary>
    internal async Task RunAsync(CancellationToken stopping)
    {
        running = true;
        try
        {
            while (await queue.Reader.WaitToReadAsync(stopping))
            {
                await DrainAsync();
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        finally
        {
            running = false;
            await DrainAsync();
        }
    }

    /// <summary>Commits everything queued, in batches of at most <see cref="MaxBatch"/> requests.</summary>
    internal async Task DrainAsync()
    {
        await writing.WaitAsync();
        try
        {
            while (true)
            {
                var batch = new List<Pending>();
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }

                if (batch.Count == 0)
                {
                    return;
                }

                await WriteBatchAsync(batch);
            }
        }
        finally
        {
            writing.Release();
        }
    }

    private async Task WriteBatchAsync(List<Pending> batch)
    {
        Interlocked.Exchange(ref writingSince, batch[0].QueuedAt);
        try
        {
            await using var db = new AppDbContext(options, this);
            await db.AppendLogRowsAsync(batch.SelectMany(p => p.Entries).ToList(), CancellationToken.None);
            Interlocked.Add(ref committed, batch.Count);
            batch.ForEach(p => p.Done.SetResult());
        }
#pragma warning disable CA1031 // every waiting request must hear about the failure
        catch (Exception e)
#pragma warning restore CA1031
        {
            batch.ForEach(p => p.Done.SetException(e));
        }
        finally
        {
            Interlocked.Exchange(ref writingSince, 0);
            Interlocked.Add(ref waiting, -batch.Count);
        }
    }
}

/// <summary>
/// Runs the access log's group commit for the host's lifetime. On a clean stop it commits what is queued
/// before the host goes: a row acknowledged to a request is never lost.
/// </summary>
public sealed class AccessLogBatchWriter(AccessLogBatches batches) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => batches.RunAsync(stoppingToken);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // The loop has drained; rows queued since (requests the server is still finishing) are written by their
        // own writers, and this catches any that raced the loop's end.
        await batches.DrainAsync();
    }
}
