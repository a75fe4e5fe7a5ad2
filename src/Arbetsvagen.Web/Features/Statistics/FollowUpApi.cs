using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Arbetsvagen.Features.Statistics;

public static class FollowUpApi
{
    public static void MapFollowUpApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/statistics/follow-up").WithTags("Statistik");
        group.MapGet("", Report)
            .WithSummary("Uppföljning för en samverkan och period (from, to: ÅÅÅÅ-MM, högst 36 månader) uppdelad på kön, eller på åldersgrupp, kommun, målgrupp (status hos Arbetsförmedlingen), insatstyp eller anordnare korsat med kön (by = gender, ageBand, municipality, targetGroup, activityKind, provider): inflöde, bestånd och utflöde per månad, tid till utfall, utfall vid avslut och vid uppföljning, försörjning före och efter, återrapporter i tid, aktuell plan, upprepade remisser, närvaro, insatser, praktikplatser, jobbspår och långtidsinskrivna. Varje tabell har definition, period och källa; antal 1–4 och celler som skulle avslöja dem visas inte. För handläggare har registersiffror en adress till personerna bakom (people)");
        group.MapGet("/{figure}/people", People)
            .WithSummary("Personerna bakom en registersiffra i uppföljningen (figure = tabellens nyckel: inflode, bestand, utflode, utfall, forsorjning-fore, forsorjning-efter, tid-till-utfall, uppfoljning-3, uppfoljning-6, uppfoljning-12, aterrapporter, aktuell-plan, upprepade-remisser, narvaro, insatser, praktik, jobbspar-uppdelning, langtid; row och column som i tabellen, tomt = totalt). Bara handläggare, och bara ärenden (eller personer) i den egna sekretessgränsen; läsningen loggas");
    }

    private static async Task<Results<Ok<FollowUpReport>, ValidationProblem, NotFoundProblem>> Report(Guid? collaborationId, string? from, string? to,
        string? by, FollowUpWork work, CancellationToken ct) =>
        await work.ReportAsync(new FollowUpQuery(collaborationId, from, to, by), ct) is var outcome && outcome.Failure is { } f
            ? f.Kind == OutcomeKind.Invalid ? OutcomeResults.Invalid(f.Errors!) : new NotFoundProblem()
            : TypedResults.Ok(outcome.Value!);

    private static async Task<Results<Ok<FollowUpPeople>, ValidationProblem, NotFoundProblem, ForbiddenProblem>> People(string figure, Guid? collaborationId,
        string? from, string? to, string? by, string? row, string? column, FollowUpWork work, CancellationToken ct) =>
        await work.PeopleAsync(new FollowUpQuery(collaborationId, from, to, by), figure, row, column, ct) is var outcome && outcome.Failure is { } f
            ? f.Kind switch
            {
                OutcomeKind.Invalid => OutcomeResults.Invalid(f.Errors!),
                OutcomeKind.Forbidden => new ForbiddenProblem(f.Detail),
                _ => new NotFoundProblem(),
            }
            : TypedResults.Ok(outcome.Value!);
}
