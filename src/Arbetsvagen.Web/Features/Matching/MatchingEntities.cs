using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Arbetsvagen.Matching;

namespace Arbetsvagen.Features.Matching;

public enum MatchingChangeKind
{
    /// <summary>A participant's profile may have changed (the person, a mapping, a joint position, a case).</summary>
    Participant,
    /// <summary>Job tracks, placements or job ads changed: the catalogue of opportunities is read again when next needed.</summary>
    Opportunities,
}

/// <summary>
/// One row of the change feed every app instance follows to keep its matching index current. Written in the same
/// transaction as the change (<see cref="MatchingChangeRecorder"/>); ids grow, and a reader re-reads the last half
/// minute so a transaction that committed after a later one is not missed (see <see cref="MatchingIndex"/>).
/// </summary>
public class MatchingChange
{
    private MatchingChange() { }

    public long Id { get; private set; }
    public MatchingChangeKind Kind { get; private set; }
    public Guid? ParticipantId { get; private set; }
    public DateTime At { get; private set; }

    public static MatchingChange OfParticipant(Guid participantId, DateTime now) =>
        new() { Kind = MatchingChangeKind.Participant, ParticipantId = participantId, At = now };

    public static MatchingChange OfOpportunities(DateTime now) => new() { Kind = MatchingChangeKind.Opportunities, At = now };
}

/// <summary>
/// A collaboration's matching weights (the core's <see cref="MatchingWeights"/>, stored as JSON) and its commuting
/// limit. Without a row the defaults apply. A coordinator changes them; the change is in the access log.
/// </summary>
public class MatchingSettings
{
    public const int DefaultMaxCommuteMinutes = 60;
    public const int MaxCommuteLimit = 240;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private MatchingSettings() { }

    public Guid CollaborationId { get; private set; }
    public string Weights { get; private set; } = "";
    public int MaxCommuteMinutes { get; private set; } = DefaultMaxCommuteMinutes;
    public DateTime UpdatedAt { get; private set; }
    public Guid UpdatedByUserId { get; private set; }

    public static MatchingSettings Defaults(Guid collaborationId) => new()
    {
        CollaborationId = collaborationId, Weights = JsonSerializer.Serialize(MatchingWeights.Default, Json),
    };

    public MatchingWeights ReadWeights() => JsonSerializer.Deserialize<MatchingWeights>(Weights, Json) ?? MatchingWeights.Default;

    /// <summary>Sets new weights and limit (validated by the caller); returns what changed, in Swedish, for the log.</summary>
    public string Change(MatchingWeights weights, int maxCommuteMinutes, Guid by, DateTime now)
    {
        var before = ReadWeights();
        var changes = before.Fields().Zip(weights.Fields()).Where(p => p.First.Value != p.Second.Value)
            .Select(p => $"{p.First.Label} {p.First.Value} → {p.Second.Value}").ToList();
        if (maxCommuteMinutes != MaxCommuteMinutes)
        {
            changes.Add($"längsta restid {MaxCommuteMinutes} → {maxCommuteMinutes} min");
        }

        Weights = JsonSerializer.Serialize(weights, Json);
        MaxCommuteMinutes = maxCommuteMinutes;
        UpdatedAt = now;
        UpdatedByUserId = by;
        return changes.Count == 0 ? "inga ändringar" : string.Join("; ", changes);
    }
}

/// <summary>
/// Someone who saw a person only as an anonymous candidate asked the person's own caseworker to consider proposing them.
/// Holds the person's id (the notice names them to those who may see them); the asker never learns who it is.
/// </summary>
public class ProposalRequest
{
    private ProposalRequest() { }

    public Guid Id { get; private set; }
    public string OpportunityKey { get; private set; } = "";
    public string OpportunityTitle { get; private set; } = "";
    public Guid ParticipantId { get; private set; }
    public Guid AskedByUserId { get; private set; }
    public Guid AskedByOrganisationId { get; private set; }
    public DateTime AskedAt { get; private set; }

    public static ProposalRequest Ask(string opportunityKey, string title, Guid participantId, Guid by, Guid byOrganisation, DateTime now) => new()
    {
        Id = Guid.NewGuid(), OpportunityKey = opportunityKey, OpportunityTitle = title, ParticipantId = participantId,
        AskedByUserId = by, AskedByOrganisationId = byOrganisation, AskedAt = now,
    };
}

/// <summary>The kinds of opportunity as the API and the pages name them.</summary>
public enum OpportunityKindName
{
    [Display(Name = "Jobbspår")] JobTrack,
    [Display(Name = "Praktikplats")] Placement,
    [Display(Name = "Platsannons")] JobAd,
}

public static class OpportunityKinds
{
    /// <summary>The kinds as the API writes them (jobTrack), and as a path segment often is (job-track, JobTrack).</summary>
    public static bool TryParse(string? text, out OpportunityKindName kind) =>
        Enum.TryParse((text ?? "").Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out kind) && Enum.IsDefined(kind)
        && !int.TryParse(text, out _);
}
