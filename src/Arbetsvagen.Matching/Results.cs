namespace Arbetsvagen.Matching;

/// <summary>
/// One criterion as the person and the caseworker read it: what was required, what the person has, and the points
/// it gave (a must-have gives none: everyone in the list meets it).
/// </summary>
public sealed record CriterionResult(
    string Criterion,
    string Required,
    string Has,
    bool MustHave,
    bool Met,
    decimal Points,
    decimal MaxPoints,
    string Text);

/// <summary>An activity that would close a gap: the catalogue's kind, and the words to show ("körkortsutbildning").</summary>
public sealed record ClosingActivity(ActivityKind Kind, string Label);

/// <summary>
/// What blocks or lowers a match and what would close it: "saknar B-körkort → körkortsutbildning".
/// <see cref="Blocks"/>: an unmet must-have (the person is not in the list until it is closed).
/// </summary>
public sealed record Gap(string Criterion, bool Blocks, string Problem, IReadOnlyList<ClosingActivity> Activities, decimal PointsLost)
{
    public string Text => Activities.Count == 0
        ? $"{Problem} (ingen insats i katalogen stänger gapet)"
        : $"{Problem} → {string.Join(", ", Activities.Select(a => a.Label))}";
}

public sealed record MatchExplanation(
    IReadOnlyList<CriterionResult> ProfileSide,
    IReadOnlyList<CriterionResult> PersonSide,
    IReadOnlyList<Gap> Gaps,
    string Summary);

/// <summary>
/// One person against one opportunity. Scores are per mille (0–1000): <see cref="ProfileFit"/> how well the person
/// meets the profile, <see cref="PersonFit"/> how well the opportunity fits the person, <see cref="Score"/> the two
/// mixed by the weights. <see cref="Eligible"/> is false when a must-have is unmet (only in a person's list of
/// opportunities; a ranking of candidates holds the eligible only).
/// </summary>
public sealed record MatchResult(
    string CandidateKey,
    string OpportunityKey,
    bool Eligible,
    int Score,
    int ProfileFit,
    int PersonFit,
    MatchExplanation Explanation)
{
    /// <summary>The ranking key: the weighted sum of both sides before the division, so no precision is lost to ties.</summary>
    internal long RankValue { get; init; }
}

/// <summary>The top candidates for one opportunity, and how many met every must-have (the aggregate an analyst may see).</summary>
public sealed record CandidateRanking(IReadOnlyList<MatchResult> Results, int EligibleCount, int CandidateCount);
