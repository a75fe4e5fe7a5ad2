using Arbetsvagen.Features.Requirements;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OutputCaching;

namespace Arbetsvagen.Compositions.PublicSite;

public sealed record OpportunityDto(Guid Id, string Kind, string KindLabel, string Reference, string Title, string Where, string MunicipalityCode,
    string Ssyk4, string Description, string When, int Places, List<string> Employers, List<RequirementDto> Requirements)
{
    public static OpportunityDto From(Opportunity o) => new(o.Id, EnumText.ApiName(o.Kind), o.KindLabel, o.Reference, o.Title, o.Where,
        o.MunicipalityCode, o.Ssyk4, o.Description, o.When, o.Places, o.Employers, RequirementDto.From(o.Requirements));
}

public sealed record OpportunityPageDto(List<OpportunityDto> Items, int Page, int PageSize, int TotalCount, int PlacesCount);

public static class PublicOpportunitiesApi
{
    /// <summary>The output-cache policy of the public page and API: one minute, per filter, never for a signed-in request.</summary>
    public const string CachePolicy = "public";

    public static void AddPublicOpportunities(this IServiceCollection services)
    {
        services.AddSingleton<PublicOpportunities>();
        services.AddOutputCache(o => o.AddPolicy(CachePolicy, b => b.Expire(PublicOpportunities.KeptFor)
            .SetVaryByQuery("municipality", "area", "kind", "page")));
    }

    /// <summary>The public API: anyone, no token, nothing personal.</summary>
    public static void MapPublicOpportunitiesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/public/opportunities", List).AllowAnonymous().CacheOutput(CachePolicy).WithTags("Öppna uppgifter")
            .WithSummary("Lediga praktikplatser, lärlingsplatser, feriejobb och jobbspår i rekrytering")
            .WithDescription("Utan inloggning och utan personuppgifter. Filtrera med municipality (kommunkod), area (SSYK-huvudgrupp, en siffra) och kind.");
    }

    private static async Task<Results<Ok<OpportunityPageDto>, ValidationProblem>> List(string? municipality, string? area, string? kind, int? page,
        PublicOpportunities opportunities, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (municipality is { Length: > 0 } && !ReferenceData.Instance.Municipalities.ContainsKey(municipality))
        {
            errors["municipality"] = ["Okänd kommunkod: ange kommunens fyra siffror, till exempel 0160 för Täby."];
        }

        if (area is { Length: > 0 } && PublicOpportunities.Areas.All(a => a.Code != area))
        {
            errors["area"] = ["Ange yrkesområdet som SSYK-huvudgruppens siffra, 0–9."];
        }

        var parsedKind = kind is { Length: > 0 } ? Input.Enum<OpportunityKind>(errors, "kind", kind, "Okänd typ") : (OpportunityKind?)null;
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var found = await opportunities.FindAsync(new OpportunityFilter(municipality, area, parsedKind, page ?? 1), ct);
        return TypedResults.Ok(new OpportunityPageDto(found.Items.Select(OpportunityDto.From).ToList(), found.Page, found.PageSize, found.TotalCount, found.PlacesCount));
    }
}
