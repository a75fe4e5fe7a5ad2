using System.ComponentModel.DataAnnotations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;
using ValidationException = Arbetsvagen.Infrastructure.ValidationException;

namespace Arbetsvagen.Features.Mappings;

/// <summary>Försörjningshinder: why the person cannot support themselves yet.</summary>
[Flags]
public enum SelfSupportObstacles
{
    None = 0,
    [Display(Name = "Språk")] Language = 1,
    [Display(Name = "Hälsa")] Health = 2,
    [Display(Name = "Utbildning")] Education = 4,
    [Display(Name = "Arbetslivserfarenhet")] WorkExperience = 8,
    [Display(Name = "Barnomsorg")] Childcare = 16,
    [Display(Name = "Bostad")] Housing = 32,
    [Display(Name = "Missbruk")] SubstanceUse = 64,
    [Display(Name = "Annat")] Other = 128,
}

/// <summary>
/// One version of a participant's kartläggning. Every save is a new, immutable version (1, 2, 3 …) so that
/// earlier versions stay readable; the highest number is the current mapping. The health text lives in its own
/// table (<see cref="MappingHealth"/>) and is loaded only for readers allowed to see it.
/// </summary>
public class Mapping
{
    public const int MaxText = 4000;
    public const int MaxLanguages = 1000;
    public const int MaxObstaclesText = 2000;
    public const int MaxOccupations = 20;

    /// <summary>The fields in the order of the mapping form: the order of the messages when several are wrong.</summary>
    private static readonly string[] FormOrder =
    [
        "educationLevel", "educationText", "workExperienceText", "occupations", "swedishLevel", "otherLanguages", "healthAndLimitations",
        "socialSituation", "interestsAndGoals", "selfSupportObstacles", "obstaclesText",
    ];

    /// <summary>Obstacles that reveal health information: shown only to those who may read health data.</summary>
    public const SelfSupportObstacles SensitiveObstacles = SelfSupportObstacles.Health | SelfSupportObstacles.SubstanceUse;

    private Mapping() { }

    public Guid Id { get; private set; }
    public Guid ParticipantId { get; private set; }
    public int Version { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid BoundaryId { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public EducationLevel EducationLevel { get; private set; }
    public string? EducationText { get; private set; }
    public string? WorkExperienceText { get; private set; }
    public List<MappingOccupation> Occupations { get; private set; } = [];
    public SwedishLevel SwedishLevel { get; private set; }
    public string? OtherLanguages { get; private set; }
    public MappingHealth? Health { get; private set; }
    public string? SocialSituation { get; private set; }
    public string? InterestsAndGoals { get; private set; }
    public SelfSupportObstacles Obstacles { get; private set; }
    public string? ObstaclesText { get; private set; }

    public sealed record Content(EducationLevel EducationLevel, string? EducationText, string? WorkExperienceText, IReadOnlyList<string> Occupations,
        SwedishLevel SwedishLevel, string? OtherLanguages, string? HealthAndLimitations, string? SocialSituation, string? InterestsAndGoals,
        SelfSupportObstacles Obstacles, string? ObstaclesText);

    /// <summary>
    /// Saves version <paramref name="version"/>. Adds its rule violations to <paramref name="errors"/> (which may
    /// already hold parse errors) and throws if there are any, so nothing is stored from bad input.
    /// </summary>
    public static Mapping Save(Guid participantId, int version, Content content, Guid organisationId, Guid boundaryId, Guid by, DateTime now,
        Dictionary<string, string[]> errors)
    {
        var educationText = Input.Text(errors, "educationText", content.EducationText, "utbildningsbeskrivningen", MaxText, required: false);
        var experience = Input.Text(errors, "workExperienceText", content.WorkExperienceText, "beskrivningen av arbetslivserfarenheten", MaxText,
            required: false);
        var occupations = content.Occupations.Select(o => o.Trim()).Where(o => o.Length > 0).Distinct().ToList();
        var unknown = occupations.FirstOrDefault(id => !ReferenceData.Instance.Occupations.ContainsKey(id));
        if (unknown is not null)
        {
            errors["occupations"] = [$"Yrkeserfarenhet: yrket \"{unknown}\" finns inte i yrkeslistan (JobTechs yrkesbenämningar)."];
        }
        else if (occupations.Count > MaxOccupations)
        {
            errors["occupations"] = [$"Yrkeserfarenhet: högst {MaxOccupations} yrken."];
        }

        var languages = Input.Text(errors, "otherLanguages", content.OtherLanguages, "texten om andra språk", MaxLanguages, required: false);
        var health = Input.Text(errors, "healthAndLimitations", content.HealthAndLimitations, "texten om hälsa och begränsningar", MaxText,
            required: false);
        var social = Input.Text(errors, "socialSituation", content.SocialSituation, "beskrivningen av den sociala situationen", MaxText,
            required: false);
        var goals = Input.Text(errors, "interestsAndGoals", content.InterestsAndGoals, "texten om intressen och mål", MaxText, required: false);
        var obstaclesText = Input.Text(errors, "obstaclesText", content.ObstaclesText, "beskrivningen av försörjningshindren", MaxObstaclesText,
            required: false);
        if ((content.Obstacles & SelfSupportObstacles.Other) != 0 && obstaclesText is null && !errors.ContainsKey("obstaclesText"))
        {
            errors["obstaclesText"] = ["Beskriv försörjningshindret när \"Annat\" är valt."];
        }

        Rules.ThrowIfAny(errors, FormOrder);
        var id = Guid.NewGuid();
        return new Mapping
        {
            Id = id,
            ParticipantId = participantId,
            Version = version,
            OrganisationId = organisationId,
            BoundaryId = boundaryId,
            CreatedByUserId = by,
            CreatedAt = now,
            EducationLevel = content.EducationLevel,
            EducationText = educationText,
            WorkExperienceText = experience,
            Occupations = occupations.Select(o => new MappingOccupation { MappingId = id, ConceptId = o }).ToList(),
            SwedishLevel = content.SwedishLevel,
            OtherLanguages = languages,
            Health = health is null ? null : new MappingHealth { MappingId = id, HealthAndLimitations = health },
            SocialSituation = social,
            InterestsAndGoals = goals,
            Obstacles = content.Obstacles,
            ObstaclesText = obstaclesText,
        };
    }
}

public class MappingOccupation
{
    public Guid MappingId { get; set; }
    public string ConceptId { get; set; } = "";
}

/// <summary>The sensitive part of a mapping version (health and limitations), kept in its own table.</summary>
public class MappingHealth
{
    public Guid MappingId { get; set; }
    public string HealthAndLimitations { get; set; } = "";
}

/// <summary>The small checks the three records share.</summary>
internal static class Rules
{
    public static void NotInFuture(Dictionary<string, string[]> errors, string field, DateOnly date, string label, DateOnly today)
    {
        if (date > today)
        {
            errors[field] = [$"{label} kan inte ligga i framtiden."];
        }
        else if (date < today.AddYears(-50))
        {
            errors[field] = [$"{label} ligger för långt bak i tiden."];
        }
    }

    /// <summary>
    /// Refuses the record when there are errors, listed in the order of its form (<paramref name="formOrder"/>): the
    /// caller's parse errors and the record's own rules arrive in another order.
    /// </summary>
    public static void ThrowIfAny(Dictionary<string, string[]> errors, string[] formOrder)
    {
        if (errors.Count > 0)
        {
            var position = (string field) => Array.IndexOf(formOrder, field) is var i and >= 0 ? i : formOrder.Length;
            throw new ValidationException(errors.OrderBy(e => position(e.Key)).ToDictionary(e => e.Key, e => e.Value));
        }
    }
}
