using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Arbetsvagen.Core.Organisations;

public static class OrganisationsApi
{
    public static void MapOrganisationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/organisations").WithTags("Organisationer");
        group.MapGet("/", List).WithSummary("Lista organisationer och enheter med deras sekretessgränser");
        group.MapPost("/", Create).WithSummary("Registrera en organisation eller en enhet i en kommun")
            .RequireAuthorization(Policies.Administrator);
    }

    private static async Task<Ok<List<OrganisationDto>>> List(OrganisationWork organisations, CancellationToken ct) =>
        TypedResults.Ok((await organisations.ListAsync(ct)).Select(OrganisationDto.From).ToList());

    private static async Task<Results<Created<OrganisationDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Create(
        OrganisationInput input, OrganisationWork organisations, CancellationToken ct) =>
        (await organisations.CreateAsync(input, ct)).ToCreated(o => $"/api/v1/organisations/{o.Id}", OrganisationDto.From);
}
