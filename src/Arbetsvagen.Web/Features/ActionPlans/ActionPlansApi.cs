using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

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
        plans.MapGet("/", async (Guid id, ActionPlanWork work, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            if (await work.ReadAsync(id, ct) is not { } found)
            {
                return ApiResults.NotFound();
            }

            return found.Plan is { } plan
                ? Results.Ok(ActionPlanDto.From(plan, SwedishTime.Today(clock), await OrganisationName(db, plan.UpdatedByOrganisationId, ct)))
                : NoPlan();
        });
        plans.MapPost("/revisions", async (Guid id, RevisionInput input, ActionPlanWork work, AppDbContext db, TimeProvider clock, CancellationToken ct) =>
            await work.ReviseAsync(id, input, ct) is { } plan
                ? Results.Created($"/api/v1/participants/{id}/action-plan",
                    ActionPlanDto.From(plan, SwedishTime.Today(clock), await OrganisationName(db, plan.UpdatedByOrganisationId, ct)))
                : ApiResults.NotFound());
        plans.MapGet("/revisions", async (Guid id, ActionPlanWork work, AppDbContext db, CancellationToken ct) =>
        {
            if (await work.ReadAsync(id, ct) is not { } found)
            {
                return ApiResults.NotFound();
            }

            var names = await OrganisationNames(db, found.Revisions.Select(r => r.ByOrganisationId), ct);
            return Results.Ok(found.Revisions.OrderByDescending(r => r.Number).Select(r => RevisionDto.From(r, names.GetValueOrDefault(r.ByOrganisationId))));
        });
        plans.MapGet("/revisions/{number:int}", async (Guid id, int number, ActionPlanWork work, AppDbContext db, CancellationToken ct) =>
            await work.ReadAsync(id, ct) is { } found && found.Revisions.FirstOrDefault(r => r.Number == number) is { } revision
                ? Results.Ok(RevisionDto.From(revision, await OrganisationName(db, revision.ByOrganisationId, ct), withSnapshot: true))
                : ApiResults.NotFound());
    }

    public static IResult NoPlan() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Ingen handlingsplan",
        detail: "Deltagaren har ingen handlingsplan ännu.");

    public static async Task<Dictionary<Guid, string>> OrganisationNames(AppDbContext db, IEnumerable<Guid> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Organisations.AsNoTracking().Where(o => wanted.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
    }

    private static async Task<string?> OrganisationName(AppDbContext db, Guid id, CancellationToken ct) =>
        await db.Organisations.AsNoTracking().Where(o => o.Id == id).Select(o => o.Name).FirstOrDefaultAsync(ct);
}
