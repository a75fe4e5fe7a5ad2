using Arbetsvagen.Features.Governance;
using Arbetsvagen.Features.JobTracks;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Compositions.GovernanceLinks;

/// <summary>
/// The job track's view of the governance decisions about it (<see cref="ITrackDecisions"/>): a composition, since
/// governance builds on job tracks and the track may not name it. Only decisions of the track's own collaboration count,
/// and the track page is shown only to that collaboration's staff.
/// </summary>
public sealed class TrackDecisions(AppDbContext db) : ITrackDecisions
{
    public async Task<List<TrackDecision>> ForTrackAsync(Guid trackId, CancellationToken ct) =>
        (await (from d in db.Set<Decision>()
               join m in db.Set<Meeting>() on d.MeetingId equals m.Id
               join g in db.Set<Group>() on m.GroupId equals g.Id
               join t in db.Set<JobTrack>() on d.SubjectId equals t.Id
               where d.SubjectId == trackId && d.Subject == DecisionSubject.JobTrackStart && d.CollaborationId == t.OwnerCollaborationId
               orderby d.DecidedOn, d.CreatedAt
               select new { d.DecidedOn, d.Reference, d.Text, Body = g.Name, MeetingId = m.Id })
            .AsNoTracking().ToListAsync(ct))
        .Select(d => new TrackDecision(d.DecidedOn, d.Reference, d.Text, d.Body, $"/Governance/Meeting/{d.MeetingId}")).ToList();
}
