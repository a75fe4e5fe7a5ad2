using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Arbetsvagen.Features.Requirements;

/// <summary>
/// The searches a requirement profile's values come from: SSYK-4 groups and JobTech skills, each answering at most
/// 20 best matches. Twice over the same method, like the occupation search: under /api/v1 for API clients, and
/// under /Requirements for the pages (cookie, left out of the OpenAPI document).
/// </summary>
public static class RequirementsApi
{
    public static void MapRequirementsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/occupation-groups", (string? search) => Search(RequirementTaxonomy.Instance.OccupationGroups, search))
            .WithTags("Referensdata").WithSummary("Sök yrkesgrupper (SSYK-4) för yrkeserfarenhet i en kravprofil");
        api.MapGet("/skills", (string? search) => Search(RequirementTaxonomy.Instance.Skills, search))
            .WithTags("Referensdata").WithSummary("Sök kompetenser ur JobTechs taxonomi för en kravprofil");
    }

    public static void MapRequirementSearchForPages(this IEndpointRouteBuilder app)
    {
        app.MapGet("/Requirements/OccupationGroups/Search", (string? q) => Search(RequirementTaxonomy.Instance.OccupationGroups, q)).ExcludeFromDescription();
        app.MapGet("/Requirements/Skills/Search", (string? q) => Search(RequirementTaxonomy.Instance.Skills, q)).ExcludeFromDescription();
    }

    private static Results<Ok<List<TaxonomyMatch>>, ValidationProblem> Search(LabelSearch list, string? text)
    {
        var errors = new Dictionary<string, string[]>();
        Input.Text(errors, "search", text, "söktexten", OccupationSearch.MaxTextLength, required: false);
        if (errors.Count > 0)
        {
            return OutcomeResults.Invalid(errors);
        }

        return TypedResults.Ok(list.Find(text).Select(TaxonomyMatch.From).ToList());
    }
}
