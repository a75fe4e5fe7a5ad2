namespace Arbetsvagen.Matching;

/// <summary>
/// The names people read and the one hierarchy matching needs beyond SSYK's digits: which skill belongs to which
/// skill group (the JobTech taxonomy's skill headline), so a related skill counts for half. The web app fills it from
/// its reference data (RequirementTaxonomy, municipalities.csv); missing names fall back to the code.
/// </summary>
public sealed class MatchingTaxonomy
{
    public static MatchingTaxonomy Empty { get; } = new();

    public IReadOnlyDictionary<int, string> SsykLabels { get; init; } = new Dictionary<int, string>();
    public IReadOnlyDictionary<string, string> SkillLabels { get; init; } = new Dictionary<string, string>();
    /// <summary>Skill concept id → its group's id.</summary>
    public IReadOnlyDictionary<string, string> SkillGroups { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> MunicipalityNames { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> LanguageNames { get; init; } = new Dictionary<string, string>();
    /// <summary>SUN 2020 field code → its name.</summary>
    public IReadOnlyDictionary<string, string> EducationFieldNames { get; init; } = new Dictionary<string, string>();

    public string Ssyk(int code) => SsykLabels.TryGetValue(code, out var label) ? $"{code:D4} {label}" : code.ToString("D4");
    public string Skill(string id) => SkillLabels.GetValueOrDefault(id, id);
    public string Municipality(string code) => MunicipalityNames.GetValueOrDefault(code, code);
    public string Language(string code) => LanguageNames.GetValueOrDefault(code, code);
    public string EducationField(string code) => EducationFieldNames.TryGetValue(code, out var name) ? $"{code} {name}" : code;
}
