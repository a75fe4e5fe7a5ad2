using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Core.Consents;

public static class ConsentsApi
{
    public static void MapConsentsApi(this RouteGroupBuilder api)
    {
        api.MapPost("/participants/{id:guid}/consents", async (Guid id, ConsentInput input, ConsentChanges changes, TimeProvider clock, CancellationToken ct) =>
            await changes.GiveAsync(id, input, ct) switch
            {
                ConsentChanges.Result.Saved saved => Results.Created($"/api/v1/consents/{saved.Consent.Id}",
                    ConsentDto.From(saved.Consent, clock.GetUtcNow().UtcDateTime)),
                ConsentChanges.Result.Invalid invalid => ApiResults.Invalid(invalid.Errors),
                _ => ApiResults.NotFound(),
            }).WithTags("Samtycken");

        api.MapGet("/participants/{id:guid}/consents", async (Guid id, ConsentChanges changes, TimeProvider clock, CancellationToken ct) =>
            await changes.ListAsync(id, ct) is { } consents
                ? Results.Ok(consents.Select(c => ConsentDto.From(c, clock.GetUtcNow().UtcDateTime)))
                : ApiResults.NotFound()).WithTags("Samtycken");

        api.MapPost("/consents/{id:guid}/withdrawal", async (Guid id, ConsentChanges changes, TimeProvider clock, CancellationToken ct) =>
            await changes.WithdrawAsync(id, ct) is { } consent
                ? Results.Ok(ConsentDto.From(consent, clock.GetUtcNow().UtcDateTime))
                : ApiResults.NotFound()).WithTags("Samtycken");

        // A given consent never changes: a change is a new consent, an end is a withdrawal.
        var immutable = () => Results.Problem(statusCode: StatusCodes.Status405MethodNotAllowed, title: "Samtycken kan inte ändras",
            detail: "Ett givet samtycke ändras inte. Registrera ett nytt samtycke eller återkalla det (POST /api/v1/consents/{id}/withdrawal).");
        api.MapMethods("/consents/{id:guid}", ["PUT", "PATCH", "DELETE"], immutable).WithTags("Samtycken");
        api.MapMethods("/consents/{id:guid}/withdrawal", ["PUT", "PATCH", "DELETE"], immutable).WithTags("Samtycken");
    }
}
