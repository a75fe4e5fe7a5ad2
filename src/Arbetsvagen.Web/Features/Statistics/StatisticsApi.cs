using Arbetsvagen.Features.JobAds;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Arbetsvagen.Features.Statistics;

/// <summary>A count that may be suppressed: <see cref="Value"/> null with <see cref="Suppressed"/> when it is 1–4.</summary>
public sealed record CountDto(int? Value, bool Suppressed)
{
    public static CountDto From(int? value) => new(value, value is null);
}

public sealed record OccupationNeedDto(string Ssyk, string Name, int Ads, int Jobs, CountDto CandidatesWithExperience, CountDto CandidatesInterested);

public sealed record RecruitmentNeedsDto(DateOnly From, DateOnly To, DateOnly PreviousFrom, DateOnly PreviousTo, string? MunicipalityCode,
    string MunicipalityName, int Ads, int Jobs, int PreviousAds, int PreviousJobs, string Summary, List<FieldNeed> Fields, List<OccupationNeedDto> Occupations,
    List<MonthFigure> Months, CountDto Candidates)
{
    public static RecruitmentNeedsDto Of(RecruitmentNeedsReport r) => new(r.From, r.To, r.PreviousFrom, r.PreviousTo, r.MunicipalityCode,
        r.MunicipalityCode is null ? "Alla kommuner" : ReferenceData.Instance.MunicipalityName(r.MunicipalityCode), r.Ads, r.Jobs, r.PreviousAds,
        r.PreviousJobs, $"{r.Jobs} jobb i {r.Ads} annonser", r.Fields,
        r.Occupations.Select(o => new OccupationNeedDto(o.Ssyk, o.Name, o.Ads, o.Jobs, CountDto.From(o.Experienced), CountDto.From(o.Interested))).ToList(),
        r.Months, CountDto.From(r.Candidates));
}

public static class StatisticsApi
{
    public static void MapStatisticsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/statistics").WithTags("Statistik");
        group.MapGet("/target-groups", TargetGroups)
            .WithSummary("Målgruppsöversikt för en samverkan och månad: inskrivna per Arbetsförmedlingens status och kön, kortutbildade, utbildningsplikt, funktionsnedsättning, försörjningsstöd och befolkning, ur registret och ur importerade siffror sida vid sida, med konsistenskontroller (antal 1–4 och celler som skulle avslöja dem visas inte)");
        group.MapGet("/target-groups/people", TargetGroupPeople)
            .WithSummary("Personerna bakom en siffra i registrets målgruppsöversikt (kommun, status, kön, mått), bara ärenden i läsarens egen sekretessgräns; bara handläggare (analytiker ser antal). Loggas");
        group.MapPost("/target-groups/publications", Publish)
            .WithSummary("Publicera målgruppsöversikten för en månad (frysts som den ser ut). Har en kontroll fallerat krävs en motivering (overrideReason), som visas på den publicerade siffran");
        group.MapGet("/target-groups/publications/{id:guid}", Publication).WithSummary("En publicerad målgruppsöversikt, som den publicerades");
        group.MapPost("/imports", Import)
            .WithSummary("Importera Arbetsförmedlingens siffror som CSV enligt mall version 1 (se /api/v1/statistics/imports/template). Filen skickas som anropets kropp. En fil med fel avvisas helt med en rapport rad för rad")
            .Accepts<Stream>("text/csv", "text/plain", "application/octet-stream")
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(TargetGroupWork.MaxImportBytes));
        group.MapGet("/imports/{id:guid}", ReadImport).WithSummary("En import: godkänd eller avvisad, rapporten rad för rad och konsistenskontrollerna av filens siffror");
        group.MapGet("/imports/template", Template).WithSummary("Importmallen (version 1) med exempelrader, som CSV")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        group.MapGet("/recruitment-needs", RecruitmentNeeds)
            .WithSummary("Rekryteringsbehov ur platsannonser per kommun och period: yrkesområden efter jobb och annonser med trend, yrkesgrupper med flest jobb mot registrets kandidater med erfarenhet eller intresse (antal 1–4 visas inte)");
    }

    private static async Task<Results<Ok<TargetGroupOverview>, ValidationProblem, NotFoundProblem>> TargetGroups(Guid? collaborationId,
        string? municipalityCode, string? month, TargetGroupWork work, CancellationToken ct) =>
        await work.OverviewAsync(collaborationId, municipalityCode, month, ct) is var outcome && outcome.Failure is { } f
            ? f.Kind == OutcomeKind.Invalid ? OutcomeResults.Invalid(f.Errors!) : new NotFoundProblem()
            : TypedResults.Ok(outcome.Value!);

    private static async Task<Results<Ok<RegisterPeople>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> TargetGroupPeople(Guid? collaborationId,
        string? municipalityCode, string? month, string? status, string? gender, string? measure, TargetGroupWork work, CancellationToken ct) =>
        (await work.PeopleAsync(collaborationId, municipalityCode, month, status, gender, measure, ct)).ToChanged(p => p);

    public sealed record PublishRequest(Guid? CollaborationId, string? Month, string? OverrideReason);

    private static async Task<Results<Created<PublicationSummary>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Publish(
        PublishRequest request, TargetGroupWork work, CancellationToken ct) =>
        (await work.PublishAsync(request.CollaborationId, request.Month, request.OverrideReason, ct))
            .ToCreated(p => $"/api/v1/statistics/target-groups/publications/{p.Id}", p => p);

    private static async Task<Results<Ok<TargetGroupOverview>, NotFoundProblem>> Publication(Guid id, TargetGroupWork work, CancellationToken ct) =>
        (await work.PublicationAsync(id, ct)).ToOk(p => p.Content);

    private static async Task<Results<Created<ImportResult>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Import(
        HttpRequest request, Guid? collaborationId, string? fileName, TargetGroupWork work, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        var outcome = await work.ImportAsync(collaborationId, fileName, buffer.ToArray(), ct);
        if (outcome.Value is { Accepted: false } rejected)
        {
            return OutcomeResults.Invalid(new Dictionary<string, string[]> { ["file"] = [.. rejected.Report] });
        }

        return outcome.ToCreated(i => $"/api/v1/statistics/imports/{i.Id}", i => i);
    }

    private static async Task<Results<Ok<ImportResult>, NotFoundProblem>> ReadImport(Guid id, TargetGroupWork work, CancellationToken ct) =>
        (await work.ReadImportAsync(id, ct)).ToOk(i => i);

    private static FileContentHttpResult Template() =>
        TypedResults.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(TargetGroupImportFile.Template)).ToArray(),
            "text/csv; charset=utf-8", "malgruppsstatistik-mall-v1.csv");

    private static async Task<Results<Ok<RecruitmentNeedsDto>, ValidationProblem>> RecruitmentNeeds(string? from, string? to, string? municipalityCode,
        RecruitmentNeeds needs, CancellationToken ct) =>
        await needs.ReadAsync(from, to, municipalityCode, ct) is var outcome && outcome.Failure is { } f
            ? OutcomeResults.Invalid(f.Errors!)
            : TypedResults.Ok(RecruitmentNeedsDto.Of(outcome.Value!));
}
