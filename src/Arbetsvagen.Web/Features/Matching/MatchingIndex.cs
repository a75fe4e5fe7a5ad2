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
    private static readonly TimeSpan ReRead = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan KeepFeed = TimeSpan.FromDays(1);

    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly HashSet<long> applied = [];
    private M.CandidateIndex? index;
    private long watermark;
    private long opportunitiesVersion;
    private DateTime lastCleanup;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Raised by every change of job tracks, placements, ads or settings: the catalogue is read again when it differs.</summary>
    public long OpportunitiesVersion => Interlocked.Read(ref opportunitiesVersion);

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
                await CleanUpAsync(db, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Following the matching change feed failed; trying again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task BuildAsync(AppDbContext db, CancellationToken ct)
    {
        var started = Now;
        // Changes older than the re-read window are in what is loaded now; newer ones are applied (again) by the catch-up.
        var settled = await db.MatchingChanges.Where(c => c.At < started - ReRead).MaxAsync(c => (long?)c.Id, ct) ?? 0;
        var candidates = await MatchingSources.CandidatesAsync(db, null, ct);
        var fresh = new M.CandidateIndex(MatchingSources.Commuting, MatchingSources.Taxonomy);
        fresh.UpsertMany(candidates);
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
        if (people.Count > 0)
        {
            var profiles = await MatchingSources.CandidatesAsync(db, people, ct);
            foreach (var profile in profiles)
            {
                index!.Upsert(profile);
            }

            // No longer a candidate (every case closed, or removed): out of the index.
            foreach (var gone in people.Select(id => id.ToString("D")).Except(profiles.Select(p => p.Key)))
            {
                index!.Remove(gone);
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

    private async Task CleanUpAsync(AppDbContext db, CancellationToken ct)
    {
        if (Now - lastCleanup < TimeSpan.FromMinutes(10))
        {
            return;
        }

        lastCleanup = Now;
        var before = Now - KeepFeed;
        await db.MatchingChanges.Where(c => c.At < before).ExecuteDeleteAsync(ct);
    }

    public override void Dispose()
    {
        gate.Dispose();
        index?.Dispose();
        base.Dispose();
    }
}
