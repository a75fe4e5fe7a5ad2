using System.ComponentModel.DataAnnotations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Requirements;

/// <summary>What a requirement is about. The <see cref="Requirement.Value"/> each kind holds is written beside it.</summary>
public enum RequirementKind
{
    /// <summary>Value: an SSYK 2012 unit group (four digits) the person has worked in.</summary>
    [Display(Name = "Yrkeserfarenhet")] OccupationExperience,
    /// <summary>Value: a JobTech taxonomy skill concept id.</summary>
    [Display(Name = "Kompetens")] Skill,
    /// <summary>Value: the lowest <c>SwedishLevel</c> that is enough (its enum name).</summary>
    [Display(Name = "Svenska")] SwedishLevel,
    /// <summary>Value: a driving licence category (B, C, D, …).</summary>
    [Display(Name = "Körkort")] DrivingLicence,
    /// <summary>Value: the lowest <c>EducationLevel</c> that is enough (its enum name).</summary>
    [Display(Name = "Utbildningsnivå")] EducationLevel,
    /// <summary>Value: age in whole years on the start date.</summary>
    [Display(Name = "Lägsta ålder")] MinimumAge,
    /// <summary>Value: a <see cref="PhysicalDemands"/> name.</summary>
    [Display(Name = "Fysiska krav")] PhysicalDemands,
    /// <summary>Value: empty; the person must be registered with Arbetsförmedlingen.</summary>
    [Display(Name = "Inskriven på Arbetsförmedlingen")] AfRegistration,
}

public enum PhysicalDemands
{
    [Display(Name = "Låga")] Low,
    [Display(Name = "Måttliga")] Moderate,
    [Display(Name = "Höga")] High,
}

/// <summary>
/// One criterion of a requirement profile (kravprofil): a must-have (skallkrav) or a merit (meriterande).
/// Placements and job tracks hold a list of these, each in its own table; matching evaluates them one by one,
/// which is also how it explains a ranking.
/// </summary>
public sealed class Requirement
{
    private Requirement()
    {
    }

    public Requirement(RequirementKind kind, string value, bool mustHave)
    {
        Kind = kind;
        Value = value;
        MustHave = mustHave;
    }

    public RequirementKind Kind { get; private set; }
    public string Value { get; private set; } = "";
    public bool MustHave { get; private set; }

    /// <summary>"Skallkrav" or "Meriterande", as the profile shows the weight.</summary>
    public string WeightLabel => MustHave ? "Skallkrav" : "Meriterande";

    /// <summary>The value as people read it: the SSYK group's or skill's name, a level's Swedish label ("eller högre").</summary>
    public string ValueLabel => Kind switch
    {
        RequirementKind.OccupationExperience => $"{Value} {RequirementTaxonomy.Instance.OccupationGroups.LabelOf(Value)}",
        RequirementKind.Skill => RequirementTaxonomy.Instance.Skills.LabelOf(Value),
        RequirementKind.SwedishLevel => LevelLabel<SwedishLevel>(Value),
        RequirementKind.EducationLevel => LevelLabel<EducationLevel>(Value),
        RequirementKind.MinimumAge => $"{Value} år",
        RequirementKind.PhysicalDemands => EnumText.TryParse<PhysicalDemands>(Value, out var p) ? EnumText.Label(p) : Value,
        RequirementKind.AfRegistration => "Ja",
        _ => Value,
    };

    /// <summary>The criterion in one line: "Svenska: SFI kurs D eller högre".</summary>
    public string Text => Kind == RequirementKind.AfRegistration ? EnumText.Label(Kind) : $"{EnumText.Label(Kind)}: {ValueLabel}";

    /// <summary>The same criterion (kind and value), whatever its weight: a profile holds each criterion once.</summary>
    public bool SameCriterion(Requirement other) => Kind == other.Kind && string.Equals(Value, other.Value, StringComparison.Ordinal);

    private static string LevelLabel<T>(string value) where T : struct, Enum =>
        EnumText.TryParse<T>(value, out var level) ? $"{EnumText.Label(level)} eller högre" : value;
}
