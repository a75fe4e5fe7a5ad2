namespace Arbetsvagen.Matching.Tests;

/// <summary>A small region with known travel times and names, and a bus-driver job track to match against.</summary>
internal static class World
{
    public const string Stockholm = "0180", Taby = "0160", Vaxholm = "0187", Norrtalje = "0188", Umea = "2480";
    public static readonly DateOnly Start = new(2027, 2, 1);

    public static CommutingMatrix Commuting() => new(
        [Stockholm, Taby, Vaxholm, Norrtalje, Umea],
        [(Taby, Stockholm, 25), (Vaxholm, Stockholm, 40), (Norrtalje, Stockholm, 70), (Stockholm, Taby, 25), (Norrtalje, Taby, 45)]);

    public static MatchingTaxonomy Taxonomy() => new()
    {
        SsykLabels = new Dictionary<int, string> { [8331] = "Buss- och spårvagnsförare", [8332] = "Lastbilsförare m.fl.", [5120] = "Kockar och kallskänkor" },
        SkillLabels = new Dictionary<string, string> { ["skill-a"] = "Kollektivtrafik", ["skill-b"] = "Persontransport", ["skill-c"] = "Matlagning" },
        SkillGroups = new Dictionary<string, string> { ["skill-a"] = "transport", ["skill-b"] = "transport", ["skill-c"] = "kök" },
        MunicipalityNames = new Dictionary<string, string> { [Stockholm] = "Stockholm", [Taby] = "Täby", [Vaxholm] = "Vaxholm", [Norrtalje] = "Norrtälje", [Umea] = "Umeå" },
        LanguageNames = new Dictionary<string, string> { ["ar"] = "arabiska", ["en"] = "engelska" },
        EducationFieldNames = new Dictionary<string, string> { ["840"] = "Transporttjänster", ["841"] = "Transporttjänster, fordon" },
    };

    public static CandidateIndex Index(params CandidateProfile[] candidates)
    {
        var index = new CandidateIndex(Commuting(), Taxonomy());
        foreach (var c in candidates)
        {
            index.Upsert(c);
        }

        return index;
    }

    /// <summary>Meets every must-have of <see cref="BusDriverTrack"/>.</summary>
    public static CandidateProfile Driver(string key) => new()
    {
        Key = key,
        DateOfBirth = new DateOnly(1990, 5, 1),
        HomeMunicipalityCode = Taby,
        Licences = DrivingLicences.B | DrivingLicences.D,
        SwedishLevel = SwedishLevel.SfiD,
        EducationLevel = EducationLevel.Primary,
        ExperienceSsyk = [8332],
        InterestSsyk = [8331],
        Skills = ["skill-b"],
        Readiness = Readiness.Yellow,
        Direction = Direction.JobTrack,
    };

    public static OpportunityProfile BusDriverTrack(params Criterion[] extra) => new()
    {
        Key = "jobtrack:bus",
        Kind = OpportunityKind.JobTrack,
        MunicipalityCode = Stockholm,
        StartsOn = Start,
        OccupationSsyk = 8331,
        MaxCommuteMinutes = 60,
        Criteria =
        [
            new(CriterionKind.DrivingLicence, "D", MustHave: true),
            new(CriterionKind.SwedishLevel, "SfiC", MustHave: true),
            new(CriterionKind.OccupationExperience, "8331", MustHave: false),
            new(CriterionKind.Skill, "skill-a", MustHave: false),
            new(CriterionKind.EducationLevel, "UpperSecondary", MustHave: false),
            .. extra,
        ],
    };
}
