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
        Rules.Text(errors, "educationText", content.EducationText, "Utbildning", MaxText);
        Rules.Text(errors, "workExperienceText", content.WorkExperienceText, "Arbetslivserfarenhet", MaxText);
        Rules.Text(errors, "otherLanguages", content.OtherLanguages, "Andra språk", MaxLanguages);
        Rules.Text(errors, "healthAndLimitations", content.HealthAndLimitations, "Hälsa och begränsningar", MaxText);
        Rules.Text(errors, "socialSituation", content.SocialSituation, "Social situation", MaxText);
        Rules.Text(errors, "interestsAndGoals", content.InterestsAndGoals, "Intressen och mål", MaxText);
        Rules.Text(errors, "obstaclesText", content.ObstaclesText, "Beskrivning av försörjningshinder", MaxObstaclesText);
        var occupations = content.Occupations.Select(o => o.Trim()).Where(o => o.Length > 0).Distinct().ToList();
        var unknown = occupations.FirstOrDefault(id => !ReferenceData.Instance.Occupations.ContainsKey(id));
        if (unknown is not null)
        {
            errors["occupations"] = [$"Yrkeserfarenhet: okänd yrkesbenämning {unknown}. Använd JobTechs begrepps-id."];
        }
        else if (occupations.Count > MaxOccupations)
        {
            errors["occupations"] = [$"Yrkeserfarenhet: högst {MaxOccupations} yrken."];
        }

        if ((content.Obstacles & SelfSupportObstacles.Other) != 0 && string.IsNullOrWhiteSpace(content.ObstaclesText))
        {
            errors["obstaclesText"] = ["Beskriv försörjningshindret när \"Annat\" är valt."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

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
            EducationText = Rules.Clean(content.EducationText),
            WorkExperienceText = Rules.Clean(content.WorkExperienceText),
            Occupations = occupations.Select(o => new MappingOccupation { MappingId = id, ConceptId = o }).ToList(),
            SwedishLevel = content.SwedishLevel,
            OtherLanguages = Rules.Clean(content.OtherLanguages),
            Health = Rules.Clean(content.HealthAndLimitations) is { } health ? new MappingHealth { MappingId = id, HealthAndLimitations = health } : null,
            SocialSituation = Rules.Clean(content.SocialSituation),
            InterestsAndGoals = Rules.Clean(content.InterestsAndGoals),
            Obstacles = content.Obstacles,
            ObstaclesText = Rules.Clean(content.ObstaclesText),
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
    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    public static void Text(Dictionary<string, string[]> errors, string field, string? value, string label, int max, bool required = false)
    {
        if (required && string.IsNullOrWhiteSpace(value))
        {
            errors[field] = [$"{label}: fältet måste fyllas i (högst {max} tecken)."];
        }
        else if (value is not null && value.Trim().Length > max)
        {
            errors[field] = [$"{label}: högst {max} tecken (nu {value.Trim().Length})."];
        }
    }

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
}
