namespace Arbetsvagen.Matching;

/// <summary>
/// A person as matching sees them. <see cref="Key"/> is the participant id; it is also the tie-break, so two people
/// with the same score always come in the same order.
/// </summary>
public sealed record CandidateProfile
{
    public required string Key { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    /// <summary>Kommunkod, four digits ("0188").</summary>
    public string HomeMunicipalityCode { get; init; } = "";
    public DrivingLicences Licences { get; init; }
    public SwedishLevel SwedishLevel { get; init; }
    public EducationLevel EducationLevel { get; init; }
    /// <summary>SUN 2020 field of education (inriktning), three digits, or null.</summary>
    public string? EducationField { get; init; }
    public bool AfRegistered { get; init; }
    /// <summary>First day the person can start; null = now.</summary>
    public DateOnly? AvailableFrom { get; init; }
    /// <summary>SSYK 2012 unit groups (four digits as an int, 8331) the person has worked in.</summary>
    public IReadOnlyList<int> ExperienceSsyk { get; init; } = [];
    /// <summary>SSYK 2012 unit groups the person is interested in.</summary>
    public IReadOnlyList<int> InterestSsyk { get; init; } = [];
    /// <summary>JobTech skill concept ids.</summary>
    public IReadOnlyList<string> Skills { get; init; } = [];
    /// <summary>Language codes (ISO 639-1) besides Swedish.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];
    /// <summary>From the current joint position; null when there is none.</summary>
    public Readiness? Readiness { get; init; }
    /// <summary>From the current joint position; null when there is none.</summary>
    public Direction? Direction { get; init; }
    /// <summary>The highest physical demands the person can meet (from a work-ability assessment); null = not assessed.</summary>
    public PhysicalDemands? PhysicalCapacity { get; init; }
}

/// <summary>One criterion of a requirement profile: the web's <c>Requirement</c> (kind, value, must-have or merit).</summary>
public sealed record Criterion(CriterionKind Kind, string Value, bool MustHave);

/// <summary>
/// A job track, placement or job ad with its requirement profile. Besides the listed criteria every opportunity
/// requires that the person is available on <see cref="StartsOn"/> and lives within <see cref="MaxCommuteMinutes"/>.
/// </summary>
public sealed record OpportunityProfile
{
    /// <summary>"jobtrack:{id}", "placement:{id}", "ad:{id}": the tie-break when opportunities are ranked for a person.</summary>
    public required string Key { get; init; }
    public OpportunityKind Kind { get; init; }
    /// <summary>Kommunkod of the workplace.</summary>
    public required string MunicipalityCode { get; init; }
    public DateOnly StartsOn { get; init; }
    /// <summary>The opportunity's own SSYK group (for interest fit), or null.</summary>
    public int? OccupationSsyk { get; init; }
    /// <summary>The commuting set: home municipalities at most this many minutes away.</summary>
    public int MaxCommuteMinutes { get; init; } = 60;
    public IReadOnlyList<Criterion> Criteria { get; init; } = [];
}
