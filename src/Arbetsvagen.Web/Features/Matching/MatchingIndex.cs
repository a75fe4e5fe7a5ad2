using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using M = Arbetsvagen.Matching;

namespace Arbetsvagen.Features.Matching;

/// <summary>
/// This app instance's candidate index: built from the database at start, then kept current by following the change
/// feed (<see cref="MatchingChange"/>) — in the background every quarter second, and once more before every ranking,
/// so a ranking sees every change committed before it was asked, on whichever instance the change was made.
/// Feed ids grow, but a transaction may commit after one with a higher id: rows of the last
/// <see cref="ReRead"/> are read again each time and applied once (<c>applied</c>), so such a row is not skipped.
/// </summary>
public sealed class MatchingIndex(IServiceScopeFactory scopes, TimeProvider clock, ILogger<MatchingIndex> logger) : BackgroundService
{
    public static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan ReRead = TimeSpan.FromMinutes(2);
    private const int ChunkSize = 1000;
    private static readonly TimeSpan KeepFeed = TimeSpan.FromDays(1);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly HashSet<long> applied = [];
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Guid> owners = new(StringComparer.Ordinal);
    private M.CandidateIndex? index;
    private long watermark;
    private long opportunitiesVersion;
    private DateTime lastCleanup;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Raised by every change of job tracks, placements, ads or settings: the catalogue is read again when it differs.</summary>
    public long OpportunitiesVersion => Interlocked.Read(ref opportunitiesVersion);

    /// <summary>The organisation that holds the candidate's case, as of the index's last catch-up.</summary>
    public Guid? OwnerOf(string key) => owners.TryGetValue(key, out var owner) ? owner : null;

    /// <summary>A candidate as the index holds them now, without catching up first (for tests and diagnostics).</summary>
    public M.CandidateProfile? Peek(string key) => index?.Get(key);

    /// <summary>The index, with every change committed before this call applied.</summary>
    public async Task<M.CandidateIndex> CurrentAsync(AppDbContext db, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (index is null)
            {
                await BuildAsync(db, ct);
            }

            await CatchUpAsync(db, ct);
            return index!;
        }
        finally
        {
            gate.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PollEvery);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                await CurrentAsync(db, stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Following the matching change feed failed; trying again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken) && await CleanUpAsync(stoppingToken));
    }

    private async Task BuildAsync(AppDbContext db, CancellationToken ct)
    {
        var started = Now;
        // Changes older than the re-read window are in what is loaded now; newer ones are applied (again) by the catch-up.
        var settled = await db.MatchingChanges.Where(c => c.At < started - ReRead).MaxAsync(c => (long?)c.Id, ct) ?? 0;
        var candidates = await MatchingSources.CandidatesAsync(db, null, ct);
        var fresh = new M.CandidateIndex(MatchingSources.Commuting, MatchingSources.Taxonomy);
        fresh.UpsertMany(candidates.Select(c => c.Profile));
        owners.Clear();
        foreach (var c in candidates)
        {
            owners[c.Profile.Key] = c.OwnerOrganisationId;
        }

        index = fresh;
        watermark = settled;
        applied.Clear();
        Interlocked.Increment(ref opportunitiesVersion);
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.LogInformation("Matching index built: {Count} candidates in {Ms} ms", candidates.Count, (int)(Now - started).TotalMilliseconds);
        }
    }

    private async Task CatchUpAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await db.MatchingChanges.AsNoTracking().Where(c => c.Id > watermark).OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.Kind, c.ParticipantId, c.At }).ToListAsync(ct);
        var unseen = rows.Where(r => !applied.Contains(r.Id)).ToList();
        var people = unseen.Where(r => r.ParticipantId is not null).Select(r => r.ParticipantId!.Value).Distinct().ToList();
        // In chunks: a burst of changes (an import, a seed) must not grow one query past the database's parameter limit.
        foreach (var chunk in people.Chunk(ChunkSize))
        {
            var found = await MatchingSources.CandidatesAsync(db, chunk, ct);
            foreach (var c in found)
            {
                index!.Upsert(c.Profile);
                owners[c.Profile.Key] = c.OwnerOrganisationId;
            }

            // No longer a candidate (every case closed, or removed): out of the index.
            foreach (var gone in chunk.Select(id => id.ToString("D")).Except(found.Select(c => c.Profile.Key)))
            {
                index!.Remove(gone);
                owners.TryRemove(gone, out _);
            }
        }

        if (unseen.Any(r => r.Kind == MatchingChangeKind.Opportunities))
        {
            Interlocked.Increment(ref opportunitiesVersion);
        }

        applied.UnionWith(unseen.Select(r => r.Id));
        // Move past the rows every transaction before them has surely committed by now.
        var cutoff = Now - ReRead;
        foreach (var row in rows.TakeWhile(r => r.At < cutoff))
        {
            watermark = row.Id;
        }

        applied.RemoveWhere(id => id <= watermark);
    }

    /// <summary>Deletes feed rows older than a day, every ten minutes; a failure is logged and tried again later.</summary>
    private async Task<bool> CleanUpAsync(CancellationToken ct)
    {
        if (Now - lastCleanup < TimeSpan.FromMinutes(10))
        {
            return true;
        }

        lastCleanup = Now;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var before = Now - KeepFeed;
            await db.MatchingChanges.Where(c => c.At < before).ExecuteDeleteAsync(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            logger.LogWarning(e, "Deleting old matching feed rows failed; trying again in ten minutes");
        }

        return true;
    }

    public override void Dispose()
    {
        gate.Dispose();
        index?.Dispose();
        base.Dispose();
    }
}
