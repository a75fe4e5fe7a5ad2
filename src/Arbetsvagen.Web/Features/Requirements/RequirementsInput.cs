using System.Globalization;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Requirements;

/// <summary>
/// One criterion as a form or the API sends it. <see cref="Kind"/> is the API name or the Swedish label
/// ("swedishLevel" or "Svenska"); <see cref="Value"/> is what the kind holds, as an id or as people write it:
/// an SSYK code or the start of the group's name, a skill's concept id or name, a level's name or label, a licence
/// category, an age in years; empty for AF registration. <see cref="MustHave"/>: skallkrav (true) or meriterande.
/// </summary>
public sealed class RequirementInput
{
    public string? Kind { get; set; }
    public string? Value { get; set; }
    public bool MustHave { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Kind) && string.IsNullOrWhiteSpace(Value);
}

/// <summary>
/// A requirement profile (kravprofil) as a form or the API sends it: a list of criteria, in JSON
/// <c>[{"kind": "swedishLevel", "value": "sfiD", "mustHave": true}]</c>, in a form <c>Requirements[0].Kind</c> and so
/// on. <see cref="Parse"/> is the one place its values are read and checked; blank rows (a form's spare rows) are skipped.
/// </summary>
public sealed class RequirementsInput : List<RequirementInput>
{
    public const int MaxRequirements = 30;
    public const int MaxValueLength = 200;
    public const int MinimumAgeFloor = 15;
    public const int MinimumAgeCeiling = 70;

    /// <summary>Kinds a profile holds once: one lowest level, one age, one physical demand.</summary>
    private static readonly RequirementKind[] Single =
        [RequirementKind.SwedishLevel, RequirementKind.EducationLevel, RequirementKind.MinimumAge, RequirementKind.PhysicalDemands, RequirementKind.AfRegistration];

    public RequirementsInput()
    {
    }

    public RequirementsInput(IEnumerable<RequirementInput> rows) : base(rows)
    {
    }

    /// <summary>The stored profile as form rows, to edit it.</summary>
    public static RequirementsInput From(IEnumerable<Requirement> requirements) => new(requirements.Select(r => new RequirementInput
    {
        Kind = EnumText.ApiName(r.Kind),
        Value = r.Kind switch
        {
            RequirementKind.Skill => RequirementTaxonomy.Instance.Skills.LabelOf(r.Value),
            RequirementKind.SwedishLevel => LevelText<SwedishLevel>(r.Value),
            RequirementKind.EducationLevel => LevelText<EducationLevel>(r.Value),
            RequirementKind.PhysicalDemands => LevelText<PhysicalDemands>(r.Value),
            _ => r.Value,
        },
        MustHave = r.MustHave,
    }));

    /// <summary>Adds blank rows until there are <paramref name="count"/> of them, for a form to add criteria without JavaScript.</summary>
    public RequirementsInput WithBlankRows(int count)
    {
        for (var i = this.Count(r => r.IsBlank); i < count; i++)
        {
            Add(new RequirementInput { MustHave = true });
        }

        return this;
    }

    /// <summary>
    /// The criteria, each value checked; a message per bad row at <c>{prefix}[i].kind</c> or <c>{prefix}[i].value</c>
    /// (i counts every row, blank ones too, so a form's message lands on its row), naming the row and what is wrong.
    /// </summary>
    public List<Requirement> Parse(Dictionary<string, string[]> errors, string prefix)
    {
        var result = new List<Requirement>();
        if (this.Count(r => !r.IsBlank) > MaxRequirements)
        {
            errors[prefix] = [$"En kravprofil kan ha högst {MaxRequirements} krav."];
            return result;
        }

        for (var i = 0; i < Count; i++)
        {
            var row = this[i];
            if (row.IsBlank)
            {
                continue;
            }

            var at = $"{prefix}[{i}]";
            var n = i + 1;
            if (!EnumText.TryParse<RequirementKind>(row.Kind, out var kind))
            {
                errors[$"{at}.kind"] = [$"Krav {n}: välj vad kravet gäller. Välj en av: {string.Join(", ", EnumText.Values<RequirementKind>().Select(k => EnumText.Label(k)))}."];
                continue;
            }

            var label = $"{EnumText.Label(kind)} (krav {n})";
            var text = row.Value?.Trim() ?? "";
            if (text.Length > MaxValueLength)
            {
                errors[$"{at}.value"] = [$"{label}: värdet är för långt, högst {MaxValueLength} tecken, nu {text.Length}."];
                continue;
            }

            var (value, problem) = ReadValue(kind, text);
            if (problem is not null)
            {
                errors[$"{at}.value"] = [$"{label}: {problem}"];
                continue;
            }

            var requirement = new Requirement(kind, value!, row.MustHave);
            if (result.Any(r => r.SameCriterion(requirement)))
            {
                errors[$"{at}.value"] = [$"{label}: samma krav finns redan i profilen."];
            }
            else if (Single.Contains(kind) && result.Any(r => r.Kind == kind))
            {
                errors[$"{at}.kind"] = [$"{label}: {EnumText.Label(kind).ToLowerInvariant()} kan bara anges en gång i en kravprofil."];
            }
            else
            {
                result.Add(requirement);
            }
        }

        return result;
    }

    /// <summary>The stored value for the text, or a Swedish explanation (without the field's name) of why it is not one.</summary>
    private static (string? Value, string? Problem) ReadValue(RequirementKind kind, string text)
    {
        if (text.Length == 0 && kind != RequirementKind.AfRegistration)
        {
            return (null, $"ange ett värde ({Hint(kind)}).");
        }

        return kind switch
        {
            RequirementKind.OccupationExperience => Taxonomy(RequirementTaxonomy.Instance.OccupationGroups, text, "yrkesgrupp (SSYK)",
                "Ange en fyrsiffrig SSYK-kod eller början av yrkesgruppens namn"),
            RequirementKind.Skill => Taxonomy(RequirementTaxonomy.Instance.Skills, text, "kompetens", "Skriv början av kompetensens namn"),
            RequirementKind.SwedishLevel => Level<SwedishLevel>(text),
            RequirementKind.EducationLevel => Level<EducationLevel>(text),
            RequirementKind.PhysicalDemands => Level<PhysicalDemands>(text),
            RequirementKind.DrivingLicence => ReferenceData.Instance.DrivingLicences.FirstOrDefault(l => string.Equals(l, text, StringComparison.OrdinalIgnoreCase))
                is { } licence ? (licence, null) : (null, $"körkortsbehörigheten \"{text}\" finns inte. {Hint(kind)}."),
            RequirementKind.MinimumAge => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var age)
                && age is >= MinimumAgeFloor and <= MinimumAgeCeiling
                ? (age.ToString(CultureInfo.InvariantCulture), null)
                : (null, $"ange åldern i hela år, mellan {MinimumAgeFloor} och {MinimumAgeCeiling}."),
            _ => ("", null), // AF registration: the kind says it all
        };
    }

    /// <summary>What a value of the kind looks like, for messages and the form's hint.</summary>
    public static string Hint(RequirementKind kind) => kind switch
    {
        RequirementKind.OccupationExperience => "SSYK-kod med fyra siffror eller yrkesgruppens namn, t.ex. 8331 eller Buss- och spårvagnsförare",
        RequirementKind.Skill => "kompetensens namn ur JobTechs taxonomi, t.ex. Truckkort",
        RequirementKind.SwedishLevel => "lägsta nivå: " + Allowed<SwedishLevel>(),
        RequirementKind.EducationLevel => "lägsta nivå: " + Allowed<EducationLevel>(),
        RequirementKind.PhysicalDemands => Allowed<PhysicalDemands>(),
        RequirementKind.DrivingLicence => "behörighet: " + string.Join(", ", ReferenceData.Instance.DrivingLicences),
        RequirementKind.MinimumAge => $"ålder i hela år, {MinimumAgeFloor}–{MinimumAgeCeiling}",
        _ => "inget värde behövs",
    };

    private static (string?, string?) Taxonomy(LabelSearch list, string text, string what, string advice)
    {
        var (one, matches) = list.Resolve(text);
        if (one is not null)
        {
            return (one.Id, null);
        }

        if (matches.Count == 0)
        {
            return (null, $"{what} \"{text}\" finns inte i taxonomin. {advice}.");
        }

        var examples = string.Join("; ", matches.Take(5).Select(m => m.Label));
        return (null, $"{matches.Count} träffar på \"{text}\" ({examples}{(matches.Count > 5 ? " …" : "")}). Skriv hela namnet på en av dem.");
    }

    /// <summary>A level by its name or Swedish label; "Okänd" is no requirement, so it is not allowed.</summary>
    private static (string?, string?) Level<T>(string text) where T : struct, Enum =>
        EnumText.TryParse<T>(text, out var level) && level.ToString() != "Unknown"
            ? (level.ToString(), null)
            : (null, $"okänd nivå \"{text}\". Välj en av: {Allowed<T>()}.");

    /// <summary>A stored level as the form shows it: its Swedish label, never the enum's name.</summary>
    private static string LevelText<T>(string value) where T : struct, Enum => EnumText.TryParse<T>(value, out var level) ? EnumText.Label(level) : value;

    private static string Allowed<T>() where T : struct, Enum =>
        string.Join(", ", EnumText.Values<T>().Where(v => v.ToString() != "Unknown").Select(v => EnumText.Label(v)));
}

/// <summary>
/// The requirement rows of a form, drawn by the partial <c>/Features/Requirements/_RequirementsEditor.cshtml</c>.
/// </summary>
/// <param name="Name">The posted name of the list, e.g. <c>Form.Requirements</c>.</param>
/// <param name="Key">The model-state key the use case's messages land at, e.g. <c>Requirements</c> (from "requirements").</param>
/// <param name="Rows">The rows, with some blank ones to add criteria (<see cref="RequirementsInput.WithBlankRows"/>).</param>
public sealed record RequirementsEditor(string Name, string Key, RequirementsInput Rows)
{
    public const string Partial = "/Features/Requirements/_RequirementsEditor.cshtml";
    public const string DisplayPartial = "/Features/Requirements/_Requirements.cshtml";

    /// <summary>The rows' model-state keys in form order, for the page's error summary.</summary>
    public IEnumerable<string> FieldKeys =>
        [Key, .. Enumerable.Range(0, Rows.Count).SelectMany(i => new[] { $"{Key}[{i}].kind", $"{Key}[{i}].value" })];

    /// <summary>The values the value field suggests (a datalist): every level's label and licence category; SSYK groups and skills are searched by name.</summary>
    public static IEnumerable<string> Suggestions =>
        [.. Levels<SwedishLevel>(), .. Levels<EducationLevel>(), .. Levels<PhysicalDemands>(), .. ReferenceData.Instance.DrivingLicences];

    private static IEnumerable<string> Levels<T>() where T : struct, Enum =>
        EnumText.Values<T>().Where(v => v.ToString() != "Unknown").Select(v => EnumText.Label(v));
}
