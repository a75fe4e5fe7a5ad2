using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Mappings;

/// <summary>What the form for a new mapping version is filled with, so that nobody types again what is already known.</summary>
public static class MappingDraft
{
    /// <summary>The latest version as it stands, without the health part for a reader who may not see it.</summary>
    public static MappingInput FromVersion(Mapping latest, bool mayReadHealth) => new()
    {
        EducationLevel = EnumText.ApiName(latest.EducationLevel),
        EducationText = latest.EducationText,
        WorkExperienceText = latest.WorkExperienceText,
        Occupations = latest.Occupations.Select(o => o.ConceptId).ToList(),
        SwedishLevel = EnumText.ApiName(latest.SwedishLevel),
        OtherLanguages = latest.OtherLanguages,
        HealthAndLimitations = mayReadHealth ? latest.Health?.HealthAndLimitations : null,
        SocialSituation = latest.SocialSituation,
        InterestsAndGoals = latest.InterestsAndGoals,
        SelfSupportObstacles = EnumText.FlagNames(MappingDto.VisibleObstacles(latest, mayReadHealth)),
        ObstaclesText = latest.ObstaclesText,
    };

    /// <summary>
    /// The first version from the participant's registration: the same levels and occupations of experience, and the
    /// registered driving licences, interpreter language and occupations of interest written into their texts. The
    /// registered health text only for a reader who may see it (the participant's sensitive part is then loaded).
    /// </summary>
    public static MappingInput FromRegistration(Participant p, bool mayReadHealth)
    {
        var licences = p.DrivingLicences.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var interests = p.Occupations.Where(o => o.Relation == OccupationRelation.Interest).Select(o => OccupationName(o.ConceptId)).ToList();
        var sensitive = mayReadHealth ? p.Sensitive : null;
        return new MappingInput
        {
            EducationLevel = EnumText.ApiName(p.EducationLevel),
            WorkExperienceText = licences.Length > 0 ? $"Körkort: {string.Join(", ", licences)}." : null,
            Occupations = p.Occupations.Where(o => o.Relation == OccupationRelation.Experience).Select(o => o.ConceptId).ToList(),
            SwedishLevel = EnumText.ApiName(p.SwedishLevel),
            OtherLanguages = p.InterpreterLanguage is { Length: > 0 } language
                ? p.InterpreterNeeded ? $"{language} (behöver tolk)" : language
                : null,
            HealthAndLimitations = Lines(sensitive?.HealthLimitations, Labelled("Funktionsnedsättning", sensitive?.DisabilityDescription),
                Labelled("Arbetsförmåga", sensitive?.WorkAbility)),
            InterestsAndGoals = interests.Count > 0 ? $"Intresserad av yrkena: {string.Join(", ", interests)}." : null,
            SelfSupportObstacles = [],
        };
    }

    public static string OccupationName(string conceptId) =>
        ReferenceData.Instance.Occupations.TryGetValue(conceptId, out var o) ? o.Name : conceptId;

    private static string? Labelled(string label, string? text) => string.IsNullOrWhiteSpace(text) ? null : $"{label}: {text.Trim()}";

    private static string? Lines(params string?[] lines) =>
        lines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(l => l!.Trim()).ToList() is { Count: > 0 } some ? string.Join("\n", some) : null;
}
