namespace Arbetsvagen.Features.JobTracks;

/// <summary>A decision about a job track, as the track's page names and links it.</summary>
public sealed record TrackDecision(DateOnly DecidedOn, string Reference, string Text, string Body, string MeetingPath);

/// <summary>
/// The decisions taken about a job track elsewhere (the steering group's decision to start it, recorded in the
/// collaboration's governance). Governance builds on job tracks, so the track asks through this port and never names it;
/// the implementation reads the governance decisions (Compositions/GovernanceLinks, wired in Program.cs).
/// </summary>
public interface ITrackDecisions
{
    Task<List<TrackDecision>> ForTrackAsync(Guid trackId, CancellationToken ct);
}
