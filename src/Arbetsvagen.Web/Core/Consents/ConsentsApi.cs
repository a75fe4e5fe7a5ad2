using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Arbetsvagen.Core.Consents;

public static class ConsentsApi
{
    public static void MapConsentsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Samtycken");
        group.MapPost("/participants/{id:guid}/consents", Give).WithSummary("Registrera ett samtycke för deltagaren");
        group.MapGet("/participants/{id:guid}/consents", List).WithSummary("Lista deltagarens samtycken som du får se");
        group.MapPost("/consents/{id:guid}/withdrawal", Withdraw).WithSummary("Återkalla ett samtycke");

        // A given consent never changes: a change is a new consent, an end is a withdrawal.
        group.MapMethods("/consents/{id:guid}", ["PUT", "PATCH", "DELETE"], Immutable)
            .WithSummary("Ett samtycke kan inte ändras eller tas bort")
            .Produces<ProblemDetails>(StatusCodes.Status405MethodNotAllowed, "application/problem+json");
        group.MapMethods("/consents/{id:guid}/withdrawal", ["PUT", "PATCH", "DELETE"], Immutable)
            .WithSummary("En återkallelse kan inte ändras eller tas bort")
            .Produces<ProblemDetails>(StatusCodes.Status405MethodNotAllowed, "application/problem+json");
    }

    private static async Task<Results<Created<ConsentDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Give(
        Guid id, ConsentInput input, ConsentChanges changes, TimeProvider clock, CancellationToken ct) =>
        (await changes.GiveAsync(id, input, ct)).ToCreated(c => $"/api/v1/consents/{c.Id}", c => ConsentDto.From(c, clock.GetUtcNow().UtcDateTime));

    private static async Task<Results<Ok<List<ConsentDto>>, NotFoundProblem>> List(Guid id, ConsentChanges changes, TimeProvider clock,
        CancellationToken ct) =>
        (await changes.ListAsync(id, ct)).ToOk(consents => consents.Select(c => ConsentDto.From(c, clock.GetUtcNow().UtcDateTime)).ToList());

    private static async Task<Results<Ok<ConsentDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Withdraw(
        Guid id, ConsentChanges changes, TimeProvider clock, CancellationToken ct) =>
        (await changes.WithdrawAsync(id, ofParticipant: null, ct)).ToChanged(c => ConsentDto.From(c, clock.GetUtcNow().UtcDateTime));

    private static ProblemHttpResult Immutable(Guid id) => TypedResults.Problem(statusCode: StatusCodes.Status405MethodNotAllowed,
        title: "Samtycken kan inte ändras",
        detail: $"Ett givet samtycke ändras inte. Registrera ett nytt samtycke eller återkalla det (POST /api/v1/consents/{id}/withdrawal).");
}
