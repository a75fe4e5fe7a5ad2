using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Arbetsvagen.Features.JobAds;

public sealed record JobAdDto(Guid Id, string AdId, string Headline, string? EmployerName, string? OccupationId, string? OccupationLabel, string? Ssyk,
    string? OccupationFieldId, string? OccupationFieldName, string? MunicipalityCode, int Vacancies, string? EmploymentType, bool DrivingLicenceRequired,
    List<string> DrivingLicences, bool ExperienceRequired, DateOnly PublishedOn, DateOnly? ApplicationDeadline, DateOnly? LastPublicationOn, bool Removed,
    DateOnly? RemovedOn)
{
    public static JobAdDto From(JobAd a) => new(a.Id, a.AdKey, a.Headline, a.EmployerName, a.OccupationId, a.OccupationLabel, a.SsykCode, a.OccupationFieldId,
        a.OccupationFieldId is null ? null : JobAdWork.FieldName(a.OccupationFieldId), a.MunicipalityCode, a.Vacancies, a.EmploymentTypeLabel,
        a.DrivingLicenceRequired, a.DrivingLicences?.Split(',').ToList() ?? [], a.ExperienceRequired, a.PublishedOn, a.ApplicationDeadline,
        a.LastPublicationOn, a.Removed, a.RemovedOn);
}

public sealed record JobAdPageDto(List<JobAdDto> Items, int Page, int PageSize, int Total)
{
    public static JobAdPageDto From(JobAdPage p) => new(p.Items.Select(JobAdDto.From).ToList(), p.Page, p.PageSize, p.Total);
}

public sealed record ImportProblemDto(long Line, string Reason);

/// <summary>An import's status and progress; <see cref="Problems"/> holds the first 1,000 bad lines, <see cref="BadRecords"/> counts all.</summary>
public sealed record JobAdImportDto(Guid Id, string FileName, string Status, string StatusText, string? Format, long TotalBytes, long DoneBytes, int Percent,
    long Records, long Added, long Updated, long Unchanged, long Closed, long BadRecords, string? RejectedBecause, DateTime CreatedAt, DateTime? StartedAt,
    DateTime? FinishedAt, List<ImportProblemDto>? Problems)
{
    public static JobAdImportDto From(JobAdImport i) => From(i, null);

    public static JobAdImportDto From(ImportReport r) => From(r.Import, r.Problems);

    private static JobAdImportDto From(JobAdImport i, List<JobAdImportProblem>? problems) => new(i.Id, i.FileName, EnumText.ApiName(i.Status),
        EnumText.Label(i.Status), i.Status == JobAdImportStatus.Queued ? null : EnumText.ApiName(i.Format), i.TotalBytes, i.DoneBytes, i.Percent, i.Records,
        i.Added, i.Updated, i.Unchanged, i.Closed, i.BadRecords, i.RejectedBecause, i.CreatedAt, i.StartedAt, i.FinishedAt,
        problems?.Select(p => new ImportProblemDto(p.Line, p.Reason)).ToList());
}

public static class JobAdsApi
{
    /// <summary>Larger uploads are refused by the server; a year of ads is about 3 GB as JSON Lines.</summary>
    public const long MaxUploadBytes = 8L * 1024 * 1024 * 1024;

    public static void MapJobAdsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/job-ads").WithTags("Platsannonser");
        group.MapGet("/", List).WithSummary("Lista platsannonser, filtrerade på kommun, yrkesgrupp (SSYK) och yrkesområde, nyast först (25 per sida)");
        group.MapGet("/{id:guid}", Read).WithSummary("Läs en platsannons");
        group.MapGet("/figures", Figures)
            .WithSummary("Rekryteringsbehov: annonser och jobb (summan av antal tjänster) per kommun och yrkesområde under en period, mot perioden före, och per månad");
        group.MapPost("/imports", Import)
            .WithSummary("Importera annonser i JobSearch-format: JSON Lines (en annons per rad) eller ett sökresultat (hits). Filen skickas som anropets kropp; importen körs i bakgrunden")
            .Accepts<Stream>("application/x-ndjson", "application/json")
            .WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes));
        group.MapGet("/imports", Imports).WithSummary("De senaste 50 importerna");
        group.MapGet("/imports/{id:guid}", ReadImport).WithSummary("En imports status och förlopp, med felaktiga rader (radnummer och orsak)");
    }

    private static async Task<Results<Ok<JobAdPageDto>, ValidationProblem>> List([AsParameters] JobAdFilter filter, JobAdWork work, CancellationToken ct) =>
        await work.ListAsync(filter, ct) is var outcome && outcome.Failure is { } f ? OutcomeResults.Invalid(f.Errors!) : TypedResults.Ok(JobAdPageDto.From(outcome.Value!));

    private static async Task<Results<Ok<JobAdDto>, NotFoundProblem>> Read(Guid id, JobAdWork work, CancellationToken ct) =>
        (await work.ReadAsync(id, ct)).ToOk(JobAdDto.From);

    private static async Task<Results<Ok<RecruitmentFigures>, ValidationProblem>> Figures(string? from, string? to, string? municipalityCode,
        string? occupationField, JobAdWork work, CancellationToken ct) =>
        await work.FiguresAsync(from, to, municipalityCode, occupationField, ct) is var outcome && outcome.Failure is { } f
            ? OutcomeResults.Invalid(f.Errors!)
            : TypedResults.Ok(outcome.Value!);

    private static async Task<Results<Created<JobAdImportDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Import(
        HttpRequest request, string? fileName, JobAdWork work, CancellationToken ct) =>
        (await work.StartImportAsync(request.Body, fileName, ct)).ToCreated(i => $"/api/v1/job-ads/imports/{i.Id}", JobAdImportDto.From);

    private static async Task<Ok<List<JobAdImportDto>>> Imports(JobAdWork work, CancellationToken ct) =>
        TypedResults.Ok((await work.RecentImportsAsync(ct)).Select(JobAdImportDto.From).ToList());

    private static async Task<Results<Ok<JobAdImportDto>, NotFoundProblem>> ReadImport(Guid id, JobAdWork work, CancellationToken ct) =>
        (await work.ImportAsync(id, ct)).ToOk(JobAdImportDto.From);
}
