using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Arbetsvagen.Features.Users;

public sealed record CreatedUserDto(Guid Id);

public static class UsersApi
{
    public static void MapUsersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Användare").RequireAuthorization(Policies.Administrator);
        group.MapGet("/", List).WithSummary("Användare i din organisation och dess enheter");
        group.MapPost("/", Create).WithSummary("Skapa en användare med startlösenord");
        group.MapPost("/{id:guid}/disabling", (Guid id, UserAdministration admin, CancellationToken ct) => SetDisabled(id, true, admin, ct))
            .WithSummary("Stäng av ett konto");
        group.MapPost("/{id:guid}/enabling", (Guid id, UserAdministration admin, CancellationToken ct) => SetDisabled(id, false, admin, ct))
            .WithSummary("Aktivera ett avstängt konto");
        group.MapPut("/{id:guid}/external-id", SetExternalId)
            .WithSummary("Koppla kontot till identitetsleverantörens id för användaren (HSA-id eller subject); tomt tar bort kopplingen");
    }

    private static async Task<Results<Ok<UserDto>, ValidationProblem, NotFoundProblem>> SetExternalId(Guid id, ExternalIdInput input,
        UserAdministration admin, CancellationToken ct) => (await admin.SetExternalIdAsync(id, input.ExternalId, ct)).Failure switch
        {
            null => TypedResults.Ok((await admin.ListAsync(ct)).Single(u => u.Id == id)),
            { Kind: OutcomeKind.Invalid } failure => OutcomeResults.Invalid(failure.Errors!),
            _ => new NotFoundProblem(),
        };

    private static async Task<Ok<List<UserDto>>> List(UserAdministration admin, CancellationToken ct) => TypedResults.Ok(await admin.ListAsync(ct));

    private static async Task<Results<Created<CreatedUserDto>, ValidationProblem>> Create(UserInput input, UserAdministration admin, CancellationToken ct)
    {
        var created = await admin.CreateAsync(input, ct);
        return created.Value is { } user
            ? TypedResults.Created($"/api/v1/users/{user.Id}", new CreatedUserDto(user.Id))
            : OutcomeResults.Invalid(created.Failure!.Errors!);
    }

    // 204: the account's new state is the whole answer.
    private static async Task<Results<NoContent, NotFoundProblem, ConflictProblem>> SetDisabled(Guid id, bool disabled, UserAdministration admin,
        CancellationToken ct) => (await admin.SetDisabledAsync(id, disabled, ct)).Failure switch
        {
            null => TypedResults.NoContent(),
            { Kind: OutcomeKind.Conflict } failure => OutcomeResults.Conflict(failure),
            _ => new NotFoundProblem(),
        };
}
