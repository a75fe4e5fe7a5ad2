using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Arbetsvagen.Features.Account;

/// <summary>
/// The signed-in user's personal API tokens: listed and revoked here; created only on the page API-tokens, after a real
/// sign-in, so that a token can never make another (ADR 0028).
/// </summary>
public static class PersonalApiTokensApi
{
    public static void MapPersonalApiTokensApi(this RouteGroupBuilder api)
    {
        var tokens = api.MapGroup("/me/api-tokens").WithTags("Inloggning");
        tokens.MapGet("/", List).WithSummary("Dina personliga API-tokens (aldrig själva token): giltiga, utgångna och återkallade");
        tokens.MapPost("/{id:guid}/revocation", Revoke).WithSummary("Återkalla en av dina personliga API-tokens; den slutar gälla direkt");
    }

    private static async Task<Ok<List<PersonalApiTokenDto>>> List(PersonalApiTokenWork work, CancellationToken ct) => TypedResults.Ok(await work.ListAsync(ct));

    private static async Task<Results<Ok<PersonalApiTokenDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Revoke(Guid id,
        PersonalApiTokenWork work, CancellationToken ct) => (await work.RevokeAsync(id, ct)).ToChanged(t => t);
}
