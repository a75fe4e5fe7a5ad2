using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Arbetsvagen.Features.ActionPlans;

public sealed record PlanActivityDto(Guid Id, string Kind, string Description, Guid? ActivityId, string Provider, DateOnly StartsOn, DateOnly EndsOn,
    decimal HoursPerWeek, string Status, string? Result);

public sealed record ActionPlanDto(Guid Id, Guid ParticipantId, int Version, string Goal, string Direction, DateOnly StartsOn, DateOnly EndsOn,
    DateOnly ReviewOn, bool ReviewOverdue, DateTime UpdatedAt, Guid UpdatedByUserId, Guid UpdatedByOrganisationId, string? UpdatedByOrganisationName,
    List<PlanActivityDto> Activities)
{
    public static ActionPlanDto From(ActionPlan p, DateOnly today, string? organisationName) => new(p.Id, p.ParticipantId, p.Version, p.Goal,
        EnumText.ApiName(p.Direction), p.StartsOn, p.EndsOn, p.ReviewOn, p.IsReviewOverdue(today), p.UpdatedAt, p.UpdatedByUserId,
        p.UpdatedByOrganisationId, organisationName, p.Activities.OrderBy(a => a.StartsOn).ThenBy(a => a.Description)
            .Select(a => new PlanActivityDto(a.Id, EnumText.ApiName(a.Kind), a.Description, a.ActivityId, a.Provider, a.StartsOn, a.EndsOn,
                a.HoursPerWeek, EnumText.ApiName(a.Status), a.Result)).ToList());
}

public sealed record RevisionDto(int Number, DateTime At, Guid ByUserId, Guid ByOrganisationId, string? ByOrganisationName, string? Comment,
    string Changes, PlanSnapshot? Plan = null)
{
    public static RevisionDto From(ActionPlanRevision r, string? organisationName, bool withSnapshot = false) =>
        new(r.Number, r.At, r.ByUserId, r.ByOrganisationId, organisationName, r.Comment, r.Changes, withSnapshot ? r.Snapshot() : null);
}

public static class ActionPlansApi
{
    public static void MapActionPlansApi(this RouteGroupBuilder api)
    {
        var plans = api.MapGroup("/participants/{id:guid}/action-plan").WithTags("Handlingsplaner");
        plans.MapGet("/", async Task<Results<Ok<ActionPlanDto>, NotFoundProblem, NoPlanProblem>> (Guid id, ActionPlanWork work, TimeProvider clock,
                CancellationToken ct) =>
            {
                if ((await work.ReadAsync(id, ct)).Value is not { } found)
                {
                    return new NotFoundProblem();
                }

                return found.Plan is { } plan ? TypedResults.Ok(await DtoAsync(plan, work, clock, ct)) : new NoPlanProblem();
            })
            .WithSummary("Deltagarens gällande handlingsplan");
        plans.MapPost("/revisions", async Task<Results<Created<ActionPlanDto>, ValidationProblem, NotFoundProblem, ConflictProblem>> (Guid id,
                RevisionInput input, ActionPlanWork work, TimeProvider clock, CancellationToken ct) => await work.ReviseAsync(id, input, ct) switch
            {
                { Failure: null, Value: { } plan } => TypedResults.Created($"/api/v1/participants/{id}/action-plan", await DtoAsync(plan, work, clock, ct)),
                { Failure: { Kind: OutcomeKind.Invalid } f } => OutcomeResults.Invalid(f.Errors!),
                { Failure: { Kind: OutcomeKind.Conflict } f } => OutcomeResults.Conflict(f),
                _ => new NotFoundProblem(),
            })
            .WithSummary("Upprätta eller revidera handlingsplanen (hela planen som en ny version)");
        plans.MapGet("/revisions", async Task<Results<Ok<List<RevisionDto>>, NotFoundProblem>> (Guid id, ActionPlanWork work, CancellationToken ct) =>
            {
                if ((await work.ReadAsync(id, ct)).Value is not { } found)
                {
                    return new NotFoundProblem();
                }

                var names = await work.OrganisationNamesAsync(found.Revisions.Select(r => r.ByOrganisationId), ct);
                return TypedResults.Ok(found.Revisions.OrderByDescending(r => r.Number)
                    .Select(r => RevisionDto.From(r, names.GetValueOrDefault(r.ByOrganisationId))).ToList());
            })
            .WithSummary("Planens versioner, senaste först");
        plans.MapGet("/revisions/{number:int}", async Task<Results<Ok<RevisionDto>, NotFoundProblem>> (Guid id, int number, ActionPlanWork work,
                CancellationToken ct) =>
            {
                if ((await work.ReadAsync(id, ct)).Value?.Revisions.FirstOrDefault(r => r.Number == number) is not { } revision)
                {
                    return new NotFoundProblem();
                }

                var names = await work.OrganisationNamesAsync([revision.ByOrganisationId], ct);
                return TypedResults.Ok(RevisionDto.From(revision, names.GetValueOrDefault(revision.ByOrganisationId), withSnapshot: true));
            })
            .WithSummary("En version av planen, med hela planen som den då var");
    }

    private static async Task<ActionPlanDto> DtoAsync(ActionPlan plan, ActionPlanWork work, TimeProvider clock, CancellationToken ct) =>
        ActionPlanDto.From(plan, SwedishTime.Today(clock),
            (await work.OrganisationNamesAsync([plan.UpdatedByOrganisationId], ct)).GetValueOrDefault(plan.UpdatedByOrganisationId));
}

/// <summary>
/// 404 for a participant the user may see but who has no plan yet: a title of its own, so a client can tell it from
/// "not found". Its status is described by <see cref="NotFoundProblem"/> on the same endpoint.
/// </summary>
public sealed class NoPlanProblem() : ProblemAnswer(new ProblemDetails
{
    Status = StatusCodes.Status404NotFound,
    Title = "Ingen handlingsplan",
    Detail = "Deltagaren har ingen handlingsplan ännu.",
});
