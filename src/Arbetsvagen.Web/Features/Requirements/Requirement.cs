using System.ComponentModel.DataAnnotations;

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
}
