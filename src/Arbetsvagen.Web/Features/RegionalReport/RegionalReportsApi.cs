using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Arbetsvagen.Features.RegionalReport;

public sealed record RegionalReportDto(Guid Id, Guid CollaborationId, string CollaborationName, string FromMonth, string ToMonth, string Period,
    string Status, string StatusText, int Progress, string ProgressText, string? Error, DateTime CreatedAt, string CreatedBy, DateTime? GeneratedAt,
    DateTime? PublishedAt, string? PublishedBy, List<RegionalReportSectionDto>? Sections)
{
    public static RegionalReportDto From(RegionalReportShown s) => new(s.Report.Id, s.Report.CollaborationId, s.CollaborationName,
        s.Report.FromMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
        s.Report.ToMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), s.Period, EnumText.ApiName(s.Report.Status),
        EnumText.Label(s.Report.Status), s.Report.Progress, s.Report.ProgressText, s.Report.Error, s.Report.CreatedAt, s.Report.CreatedByName,
        s.Report.GeneratedAt, s.Report.PublishedAt, s.Report.PublishedByName,
        s.Document?.Sections.Select(x => new RegionalReportSectionDto(x.Key, x.Heading, x.Commentary, x.Tables.Count, x.Charts.Count)).ToList());
}

public sealed record RegionalReportSectionDto(string Key, string Heading, string? Commentary, int Tables, int Charts);

public static class RegionalReportsApi
{
    public static void MapRegionalReportsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reports").WithTags("Regionala rapporter");
        group.MapGet("", List).WithSummary("Samverkans regionala rapporter (Läget i länet), nyaste först: alla för samordnare, analytiker och administratörer, annars de publicerade");
        group.MapPost("", Generate)
            .WithSummary("Beställ Läget i länet för en samverkan och period (from och to som ÅÅÅÅ-MM, högst 12 månader). Rapporten tas fram i bakgrunden; följ förloppet med GET /api/v1/reports/{id}");
        group.MapPost("/regional", Generate).WithSummary("Samma som POST /api/v1/reports: beställ Läget i länet (namnet i ärendets API-lista)");
        group.MapGet("/{id:guid}", Read)
            .WithSummary("En rapports status, förlopp (0–100) och avsnitt; med format=pdf|xlsx|csv|json själva rapporten, som GET /api/v1/reports/{id}/document")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip");
        group.MapPut("/{id:guid}/sections/{key}/commentary", Comment).WithSummary("Ändra ett avsnitts kommentar i ett utkast (högst 4000 tecken; tom text tar bort kommentaren)");
        group.MapPost("/{id:guid}/regeneration", Regenerate)
            .WithSummary("Ta fram ett utkast (eller en misslyckad rapport) igen ur dagens underlag; avsnittens kommentarer behålls. En publicerad rapport ändras aldrig (409)");
        group.MapPost("/{id:guid}/publication", Publish).WithSummary("Publicera utkastet. En publicerad rapport är fryst och ändras inte när underlaget ändras");
        group.MapGet("/{id:guid}/document", Document)
            .WithSummary("Rapporten som pdf, xlsx (ett blad per tabell), csv (zip med en fil per tabell) eller json (rapportmodellen)")
            .Produces<byte[]>(StatusCodes.Status200OK, "application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip", "application/json");
    }

    private static async Task<Ok<List<RegionalReportDto>>> List(RegionalReportWork work, CancellationToken ct) =>
        TypedResults.Ok((await work.ListAsync(ct)).Select(RegionalReportDto.From).ToList());

    private static async Task<Results<Created<RegionalReportDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Generate(
        GenerateInput input, RegionalReportWork work, CancellationToken ct) =>
        (await work.GenerateAsync(input, ct)).ToCreated(r => $"/api/v1/reports/{r.Report.Id}", RegionalReportDto.From);

    private static async Task<Results<Ok<RegionalReportDto>, FileContentHttpResult, ValidationProblem, NotFoundProblem, ConflictProblem>> Read(
        Guid id, string? format, RegionalReportWork work, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(format))
        {
            return (await Document(id, format, work, ct)).Result switch
            {
                FileContentHttpResult file => file,
                ValidationProblem invalid => invalid,
                ConflictProblem conflict => conflict,
                _ => new NotFoundProblem(),
            };
        }

        return (await work.ReadAsync(id, ct)).Value is { } report ? TypedResults.Ok(RegionalReportDto.From(report)) : new NotFoundProblem();
    }

    private static async Task<Results<Ok<RegionalReportDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Comment(
        Guid id, string key, CommentaryInput input, RegionalReportWork work, CancellationToken ct) =>
        (await work.CommentAsync(id, key, input, ct)).ToChanged(RegionalReportDto.From);

    private static async Task<Results<Ok<RegionalReportDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Regenerate(
        Guid id, RegionalReportWork work, CancellationToken ct) =>
        (await work.RegenerateAsync(id, ct)).ToChanged(RegionalReportDto.From);

    private static async Task<Results<Ok<RegionalReportDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Publish(
        Guid id, RegionalReportWork work, CancellationToken ct) =>
        (await work.PublishAsync(id, ct)).ToChanged(RegionalReportDto.From);

    private static async Task<Results<FileContentHttpResult, ValidationProblem, NotFoundProblem, ConflictProblem>> Document(Guid id, string? format,
        RegionalReportWork work, CancellationToken ct) => await work.DocumentAsync(id, format, ct) switch
        {
            { Value: { } file } => TypedResults.File(file.Content, file.ContentType, file.FileName),
            { Failure: { Kind: OutcomeKind.Invalid } f } => OutcomeResults.Invalid(f.Errors!),
            { Failure: { Kind: OutcomeKind.Conflict } f } => OutcomeResults.Conflict(f),
            _ => new NotFoundProblem(),
        };
}
