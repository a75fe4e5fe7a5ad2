using Arbetsvagen.Features.Employers;
using Arbetsvagen.Features.JobAds;
using Arbetsvagen.Features.JobTracks;
using Arbetsvagen.Features.Placements;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Matching;

/// <summary>
/// The open opportunities a person's list ranks: job tracks in recruitment, open placements with a period not yet
/// over, and open job ads (the newest <see cref="MaxAds"/>). Read once and kept until the change feed tells of a
/// change to any of them, or the day turns (an ad's last day passes), so a person's list does not read thousands of
/// rows each time.
/// </summary>
public sealed class OpportunityCatalog(MatchingIndex index, TimeProvider clock) : IDisposable
{
    public const int MaxAds = 20_000;

    private readonly SemaphoreSlim gate = new(1, 1);
    private sealed record Snapshot(long Version, DateOnly Day, IReadOnlyList<Opportunity> All);

    // One reference, replaced whole: a reader outside the lock sees an old catalogue or the new one, never a mix.
    private volatile Snapshot? current;

    public void Dispose() => gate.Dispose();

    public async Task<IReadOnlyList<Opportunity>> AllAsync(AppDbContext db, CancellationToken ct)
    {
        var today = SwedishTime.Today(clock.GetUtcNow().UtcDateTime);
        if (current is { } c && c.Version == index.OpportunitiesVersion && c.Day == today)
        {
            return c.All;
        }

        await gate.WaitAsync(ct);
        try
        {
            var version = index.OpportunitiesVersion;
            if (current is { } again && again.Version == version && again.Day == today)
            {
                return again.All;
            }

            var all = await LoadAsync(db, today, ct);
            current = new Snapshot(version, today, all);
            return all;
        }
        finally
        {
            gate.Release();
        }
    }

    private static async Task<IReadOnlyList<Opportunity>> LoadAsync(AppDbContext db, DateOnly today, CancellationToken ct)
    {
        var limits = await db.MatchingSettings.AsNoTracking().ToDictionaryAsync(s => s.CollaborationId, s => s.MaxCommuteMinutes, ct);
        int Limit(Guid? collaboration) => collaboration is { } id && limits.TryGetValue(id, out var m) ? m : MatchingSettings.DefaultMaxCommuteMinutes;

        var tracks = await db.JobTracks.AsNoTracking().Where(t => t.Stage == JobTrackStage.Recruitment).ToListAsync(ct);
        var placements = await db.Placements.AsNoTracking().Include(p => p.Periods)
            .Where(p => p.Status == PlacementStatus.Open && p.Periods.Any(x => x.EndsOn >= today)).ToListAsync(ct);
        var employerIds = placements.Select(p => p.EmployerId).Distinct().ToList();
        var employers = await db.Employers.AsNoTracking().Where(e => employerIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var ads = await db.JobAds.AsNoTracking()
            .Where(a => a.PublishedOn <= today && !(a.Removed && (a.RemovedOn == null || a.RemovedOn <= today))
                && (a.LastPublicationOn == null || a.LastPublicationOn >= today) && a.MunicipalityCode != null)
            .OrderByDescending(a => a.PublishedOn).ThenBy(a => a.Id).Take(MaxAds).ToListAsync(ct);

        var all = new List<Opportunity>(tracks.Count + placements.Count + ads.Count);
        all.AddRange(tracks.Select(t => MatchingSources.Of(t, Limit(t.OwnerCollaborationId))));
        all.AddRange(placements.Select(p => MatchingSources.Of(p, PlacementTitle(p, employers), today, Limit(p.OwnerCollaborationId))));
        all.AddRange(ads.Select(a => MatchingSources.Of(a, today, MatchingSettings.DefaultMaxCommuteMinutes))
            .Where(o => o.Profile.Criteria.Count > 0 && MatchingSources.Commuting.NumberOf(o.MunicipalityCode) >= 0));
        return all;
    }

    public static string PlacementTitle(Placement placement, IReadOnlyDictionary<Guid, string> employers)
    {
        var occupation = ReferenceData.Instance.Occupations.TryGetValue(placement.OccupationId, out var o) ? o.Name : "Praktikplats";
        return employers.TryGetValue(placement.EmployerId, out var employer) ? $"{occupation}, {employer}" : occupation;
    }
}
