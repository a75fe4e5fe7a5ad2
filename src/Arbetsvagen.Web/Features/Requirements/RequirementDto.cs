using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Requirements;

/// <summary>
/// One criterion as the API answers it: <see cref="Kind"/> and level values by their API names (camelCase, as
/// everywhere in the API), an SSYK code, skill concept id, licence category or age as stored, and <see cref="Text"/>
/// in Swedish for people ("Svenska: SFI kurs D eller högre").
/// </summary>
public sealed record RequirementDto(string Kind, string Value, bool MustHave, string Text)
{
    public static RequirementDto From(Requirement r) => new(EnumText.ApiName(r.Kind), ApiValue(r), r.MustHave, r.Text);

    public static List<RequirementDto> From(IEnumerable<Requirement> requirements) => requirements.Select(From).ToList();

    private static string ApiValue(Requirement r) => r.Kind switch
    {
        RequirementKind.SwedishLevel when Enum.TryParse<SwedishLevel>(r.Value, out var s) => EnumText.ApiName(s),
        RequirementKind.EducationLevel when Enum.TryParse<EducationLevel>(r.Value, out var e) => EnumText.ApiName(e),
        RequirementKind.PhysicalDemands when Enum.TryParse<PhysicalDemands>(r.Value, out var p) => EnumText.ApiName(p),
        _ => r.Value,
    };
}

/// <summary>A taxonomy entry as the search answers it.</summary>
public sealed record TaxonomyMatch(string Id, string Label)
{
    public static TaxonomyMatch From(TaxonomyEntry e) => new(e.Id, e.Label);
}
