using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Arbetsvagen.Features.AccessLog;

public sealed record AccessLogDto(long Id, DateTime At, Guid? UserId, string UserName, Guid? OrganisationId, string Roles, string Action,
    string EntityType, string? EntityId, Guid? ParticipantId, string? ResultIds, string? Purpose, string Hash)
{
    public static AccessLogDto From(AccessLogEntry a) => new(a.Id, DateTime.SpecifyKind(a.At, DateTimeKind.Utc), a.UserId, a.UserName,
        a.OrganisationId, a.Roles, a.Action, a.EntityType, a.EntityId, a.ParticipantId, a.ResultIds, a.Purpose, a.Hash);
}

/// <summary>Loggkontroll over HTTP: the same review use case as the page (<see cref="AccessLogReview"/>).</summary>
public static class AccessLogApi
{
    public static void MapAccessLogApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/access-log").WithTags("Loggkontroll").RequireAuthorization(Policies.Administrator);
        group.MapGet("/", List).WithSummary("Loggposter i din organisation, senaste först (högst 500)");
        group.MapGet("/export", Export).WithSummary("Exportera de filtrerade loggposterna som CSV")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        group.MapGet("/verification", Verify).WithSummary("Kontrollera loggkedjan och samtyckena mot nycklar och kontrollpunkter: avkortning, luckor och ändringar var för sig");
    }

    private static AccessLogQuery Query(Guid? participantId, string? userName, string? action, string? from, string? to) =>
        new(participantId?.ToString(), userName, action, from, to);

    private static async Task<Results<Ok<List<AccessLogDto>>, ValidationProblem>> List(Guid? participantId, string? userName, string? action,
        string? from, string? to, AccessLogReview review, CancellationToken ct)
    {
        var rows = await review.ReviewAsync(Query(participantId, userName, action, from, to), ct);
        return rows.Value is { } entries
            ? TypedResults.Ok(entries.Select(AccessLogDto.From).ToList())
            : OutcomeResults.Invalid(rows.Failure!.Errors!);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> Export(Guid? participantId, string? userName, string? action,
        string? from, string? to, AccessLogReview review, CancellationToken ct)
    {
        var export = await review.ExportCsvAsync(Query(participantId, userName, action, from, to), ct);
        return export.Value is { } file
            ? TypedResults.File(file.Content, CsvFile.ContentType, file.FileName)
            : OutcomeResults.Invalid(export.Failure!.Errors!);
    }

    private static async Task<Ok<ChainVerification>> Verify(AccessLogReview review, CancellationToken ct) =>
        TypedResults.Ok(await review.VerifyChainAsync(ct));
}
