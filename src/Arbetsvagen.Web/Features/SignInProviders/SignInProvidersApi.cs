using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Arbetsvagen.Features.SignInProviders;

public static class SignInProvidersApi
{
    public const string Tag = "Identitetsleverantörer";

    public static void MapSignInProvidersApi(this RouteGroupBuilder api)
    {
        api.MapGet("/sign-in-providers", List).WithTags(Tag).RequireAuthorization(Policies.Administrator)
            .WithSummary("Identitetsleverantörer (OpenID Connect) för din organisation och dess enheter");
        var provider = api.MapGroup("/organisations/{organisationId:guid}/sign-in-provider").WithTags(Tag).RequireAuthorization(Policies.Administrator);
        provider.MapPut("/", Set).WithSummary("Ställ in organisationens identitetsleverantör: utfärdare, klient-id, klienthemlighet och anspråket som pekar ut användaren");
        provider.MapDelete("/", Remove).WithSummary("Ta bort organisationens identitetsleverantör (användarna loggar då in med lösenord och tvåfaktor)");
        api.MapGet("/sign-in-providers/reserve-accounts", ReserveAccounts).WithTags(Tag).RequireAuthorization(Policies.Administrator)
            .WithSummary("Reservkonton: administratörer som får logga in med lösenord och tvåfaktor trots organisationens identitetsleverantör");
        var reserve = api.MapGroup("/users/{userId:guid}/reserve-account").WithTags(Tag).RequireAuthorization(Policies.Administrator);
        reserve.MapPut("/", GrantReserve)
            .WithSummary("Gör en administratör till reservkonto som får logga in med lösenord och tvåfaktor när identitetsleverantören inte fungerar (loggas)");
        reserve.MapDelete("/", WithdrawReserve).WithSummary("Upphäv ett reservkonto: kontot loggar in via identitetsleverantören");
    }

    private static async Task<Ok<List<SignInProviderDto>>> List(SignInProviderWork work, CancellationToken ct) => TypedResults.Ok(await work.ListAsync(ct));

    private static async Task<Results<Ok<SignInProviderDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Set(
        Guid organisationId, SignInProviderInput input, SignInProviderWork work, CancellationToken ct) =>
        (await work.SetAsync(organisationId, input, ct)).ToChanged(p => p);

    private static async Task<Results<NoContent, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Remove(Guid organisationId, SignInProviderWork work,
        CancellationToken ct) => (await work.RemoveAsync(organisationId, ct)).ToRemoved();

    private static async Task<Ok<List<ReserveAccountDto>>> ReserveAccounts(PasswordSignInPolicy policy, CancellationToken ct) =>
        TypedResults.Ok(await policy.ReserveAccountsAsync(ct));

    private static async Task<Results<Ok<ReserveAccountDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> GrantReserve(
        Guid userId, PasswordSignInPolicy policy, CancellationToken ct) => (await policy.GrantAsync(userId, ct)).ToChanged(r => r);

    private static async Task<Results<NoContent, NotFoundProblem, ConflictProblem, ForbiddenProblem>> WithdrawReserve(Guid userId, PasswordSignInPolicy policy,
        CancellationToken ct) => (await policy.WithdrawAsync(userId, ct)).ToRemoved();
}
