using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Arbetsvagen.Compositions.Home;

public static class WorkListApi
{
    public static void MapWorkListApi(this RouteGroupBuilder api) =>
        api.MapGet("/work-list", Get)
            .WithTags("Mina ärenden")
            .WithSummary("Mina ärenden: det som väntar på användarens enhet");

    private static async Task<Results<Ok<WorkListResult>, ForbiddenProblem>> Get(WorkList workList, CancellationToken ct) =>
        await workList.LoadAsync(ct) is { Failure: null, Value: { } result } ? TypedResults.Ok(result) : new ForbiddenProblem(WorkList.NoWorkList);
}
