using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.Cases;
using Arbetsvagen.Features.JobAds;
using Arbetsvagen.Features.JobTracks;
using Arbetsvagen.Features.Mappings;
using Arbetsvagen.Features.Placements;
using Arbetsvagen.Features.Requirements;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Matching;

/// <summary>
/// Adds a change-feed row to every save that touches what matching reads: a participant (with their occupations), a
/// mapping, a joint position or a case (the person's profile, and whether they are a candidate at all); a job track,
/// placement, job ad (or a batch of an ad import) or requirement (the opportunities). In the same transaction, so the feed never tells of a change
/// that was rolled back nor misses one that was saved. One place: no use case needs to remember matching.
/// </summary>
public sealed class MatchingChangeRecorder(TimeProvider clock) : SaveRecorder
{
    protected override void Record(AppDbContext db)
    {
        // SaveChanges detects changes after the interceptors run; the feed needs them now.
        db.ChangeTracker.DetectChanges();
        var participants = new HashSet<Guid>();
        var opportunities = false;
        var pending = new List<MatchingChange>(); // a retried save's rows, still to be written
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            switch (entry.Entity)
            {
                case MatchingChange change:
                    pending.Add(change);
                    break;
                case Participant p: participants.Add(p.Id); break;
                case ParticipantOccupation o: participants.Add(o.ParticipantId); break;
                case Mapping m: participants.Add(m.ParticipantId); break;
                case JointPosition j: participants.Add(j.ParticipantId); break;
                case Case c: participants.Add(c.ParticipantId); break;
                // An import's progress is saved with each batch of ads, which are written in bulk (COPY), past this interceptor.
                case JobTrack or Placement or PlacementPeriod or JobAd or JobAdImport or Requirement or MatchingSettings: opportunities = true; break;
            }
        }

        participants.ExceptWith(pending.Where(c => c.ParticipantId is not null).Select(c => c.ParticipantId!.Value));
        opportunities &= !pending.Any(c => c.Kind == MatchingChangeKind.Opportunities);
        var now = clock.GetUtcNow().UtcDateTime;
        db.MatchingChanges.AddRange(participants.Select(id => MatchingChange.OfParticipant(id, now)));
        if (opportunities)
        {
            db.MatchingChanges.Add(MatchingChange.OfOpportunities(now));
        }
    }
}
