using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Retention;

public static class RetentionApi
{
    public static void MapRetentionApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/retention").WithTags("Gallring").RequireAuthorization(Policies.Administrator);
        group.MapGet("/rules", async (RetentionWork work, CancellationToken ct) => (await work.RulesAsync(ct)).ToOk(r => r))
            .WithSummary("Gallringsreglerna per posttyp");
        group.MapPut("/rules", async (RulesInput input, RetentionWork work, CancellationToken ct) => (await work.ChangeRulesAsync(input, ct)).ToChanged(r => r))
            .WithSummary("Ändra gallringsregler (frist, från vad den räknas, forskningsurval)");
        group.MapPost("/runs", async (RetentionWork work, CancellationToken ct) =>
                (await work.PreviewAsync(ct)).ToCreated(r => $"/api/v1/retention/runs/{r.Id}", r => r))
            .WithSummary("Förhandsvisa en gallring: vad som skulle gallras, per posttyp och organisation");
        group.MapGet("/runs/{id:guid}", async (Guid id, RetentionWork work, CancellationToken ct) => (await work.ReadAsync(id, ct)).ToOk(r => r))
            .WithSummary("En gallringskörnings förlopp och antal");
        group.MapPost("/runs/{id:guid}/approval", async (Guid id, RetentionWork work, CancellationToken ct) => (await work.ApproveAsync(id, ct)).ToChanged(r => r))
            .WithSummary("Godkänn en förhandsvisad gallring; den körs sedan i bakgrunden");
        group.MapPost("/runs/{id:guid}/cancellation", async (Guid id, RetentionWork work, CancellationToken ct) => (await work.CancelAsync(id, ct)).ToChanged(r => r))
            .WithSummary("Avbryt en förhandsvisad gallring som inte är godkänd");

        var holds = api.MapGroup("/participants/{id:guid}/legal-hold").WithTags("Gallring").RequireAuthorization(Policies.Administrator);
        holds.MapPost("/", async (Guid id, LegalHoldInput input, RetentionWork work, CancellationToken ct) =>
                (await work.PlaceHoldAsync(id, input, ct)).ToCreated(h => $"/api/v1/participants/{h.ParticipantId}/legal-hold", h => h))
            .WithSummary("Besluta om bevarande: deltagarens uppgifter (eller ett ärende) gallras inte");
        holds.MapDelete("/", async (Guid id, Guid? caseId, RetentionWork work, CancellationToken ct) => (await work.LiftHoldAsync(id, caseId, ct)).ToRemoved())
            .WithSummary("Häv bevarandebeslut för deltagaren (eller bara för ärendet caseId)");
    }
}
