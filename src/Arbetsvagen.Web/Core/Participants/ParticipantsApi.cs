using Arbetsvagen.Core.AccessLog;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Arbetsvagen.Core.Participants;

public sealed record ParticipantCreated(Guid Id);

public static class ParticipantsApi
{
    public static void MapParticipantsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/participants").WithTags("Deltagare");
        group.MapGet("/", List).WithSummary("Sök bland deltagarna du har behörighet till");
        group.MapPost("/search", Search).WithSummary("Sök bland deltagarna utan att söktexten hamnar i adressen");
        group.MapGet("/{id:guid}", Get).WithSummary("Läs en deltagare");
        group.MapPost("/", Create).WithSummary("Registrera en deltagare");
        group.MapPut("/{id:guid}", Update).WithSummary("Ändra en deltagares uppgifter");
        group.MapDelete("/{id:guid}", Delete).WithSummary("Deltagare tas inte bort här")
            .Produces<ProblemDetails>(StatusCodes.Status405MethodNotAllowed, "application/problem+json");
    }

    public sealed record SearchRequest(string? Search, int? Page, int? PageSize);

    /// <summary>A search only fails on its own input: 400 naming the parameter, never 404 or 409.</summary>
    private static async Task<Results<Ok<Paged<ParticipantListItem>>, ValidationProblem>> List(
        string? search, int? page, int? pageSize, ParticipantList participants, CancellationToken ct)
    {
        var found = await participants.SearchAsync(search, page, pageSize, ct);
        return found.Failure is { } failure ? OutcomeResults.Invalid(failure.Errors!) : TypedResults.Ok(found.Value!);
    }

    private static Task<Results<Ok<Paged<ParticipantListItem>>, ValidationProblem>> Search(
        SearchRequest body, ParticipantList participants, CancellationToken ct) => List(body.Search, body.Page, body.PageSize, participants, ct);

    private static async Task<Results<Ok<ParticipantDto>, NotFoundProblem>> Get(Guid id, ParticipantAccess access, AccessLogger log,
        CurrentUser user, CancellationToken ct)
    {
        var grant = await access.FindAsync(id, ct);
        if (grant is null)
        {
            return new NotFoundProblem();
        }

        await log.RecordAsync(AccessAction.Read, "Participant", id, id, grant.ConsentId is { } c ? $"samtycke {c}" : null, ct: ct);
        return TypedResults.Ok(ParticipantDto.From(grant, user.MaySeeSensitiveData));
    }

    private static async Task<Results<Created<ParticipantCreated>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Create(
        ParticipantInput input, ParticipantChanges changes, CancellationToken ct) =>
        (await changes.CreateAsync(input, ct)).ToCreated(p => $"/api/v1/participants/{p.Id}", p => new ParticipantCreated(p.Id));

    private static async Task<Results<Ok<ParticipantDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Update(
        Guid id, ParticipantInput input, ParticipantChanges changes, CurrentUser user, CancellationToken ct) =>
        (await changes.UpdateAsync(id, input, ct)).ToChanged(grant => ParticipantDto.From(grant, user.MaySeeSensitiveData));

    private static ProblemHttpResult Delete(Guid id) => TypedResults.Problem(statusCode: StatusCodes.Status405MethodNotAllowed,
        title: "Deltagare tas inte bort här. Uppgifter gallras enligt gallringsregler.",
        detail: $"DELETE /api/v1/participants/{id} stöds inte: uppgifterna finns kvar tills gallringsreglerna tar bort dem.");
}
