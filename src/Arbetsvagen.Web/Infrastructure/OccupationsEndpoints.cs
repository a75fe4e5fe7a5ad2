using Microsoft.AspNetCore.Http.HttpResults;

namespace Arbetsvagen.Infrastructure;

/// <summary>One occupation as the search answers it: the JobTech concept id the API takes, and the name people read.</summary>
public sealed record OccupationMatch(string ConceptId, string Name)
{
    public static OccupationMatch From(Occupation o) => new(o.ConceptId, o.Name);
}

/// <summary>
/// The occupation search over HTTP, twice over the same method: <c>GET /api/v1/occupations?search=</c> for API clients
/// (bearer token, like the rest of /api/v1), and <c>GET /Occupations/Search?q=</c> for the pages' picker. The latter
/// exists because the page's script has the sign-in cookie, not a token, and /api/v1 takes only tokens; it is left
/// out of the OpenAPI document as it is part of the pages, not of the API.
/// </summary>
public static class OccupationsEndpoints
{
    public static void MapOccupationsApi(this RouteGroupBuilder api) =>
        api.MapGet("/occupations", (string? search) => Search(search))
            .WithTags("Referensdata")
            .WithSummary("Sök yrkesbenämningar (högst 20, bäst matchande först)");

    public static void MapOccupationSearchForPages(this IEndpointRouteBuilder app) =>
        app.MapGet("/Occupations/Search", (string? q) => Search(q)).ExcludeFromDescription();

    public static Results<Ok<List<OccupationMatch>>, ValidationProblem> Search(string? text)
    {
        var errors = new Dictionary<string, string[]>();
        Input.Text(errors, "search", text, "söktexten", OccupationSearch.MaxTextLength, required: false);
        if (errors.Count > 0)
        {
            return OutcomeResults.Invalid(errors);
        }

        return TypedResults.Ok(ReferenceData.Instance.OccupationSearch.Find(text).Select(OccupationMatch.From).ToList());
    }
}
