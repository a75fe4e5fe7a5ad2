using System.Text.Json.Serialization;
using Arbetsvagen.Features.Requirements;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Arbetsvagen.Features.JobTracks;

public sealed record StageChangeDto(string? FromStage, string ToStage, Guid ByUserId, DateTime At)
{
    public static StageChangeDto From(JobTrackStageChange h) =>
        new(h.From is { } f ? EnumText.ApiName(f) : null, EnumText.ApiName(h.To), h.ByUserId, h.At);
}

public sealed record TeamMemberDto(Guid Id, string Name, string Role, string Organisation)
{
    public static TeamMemberDto From(TeamMember m) => new(m.Id, m.Name, m.Role, m.Organisation);
}

public sealed record DocumentDto(Guid Id, string Kind, DateOnly Date, string Reference)
{
    public static DocumentDto From(JobTrackDocument d) => new(d.Id, EnumText.ApiName(d.Kind), d.Date, d.Reference);
}

/// <summary>A job track; <c>version</c> is what a change may send back as <c>basedOnVersion</c> to be refused (409) if someone else changed it first.</summary>
public sealed record JobTrackDto(Guid Id, int Version, string Title, string Stage, List<Guid> EmployerIds, string OccupationConceptId, string Ssyk4,
    Guid ProviderOrganisationId, string TrainingComponents, DateOnly TrainingStartsOn, int TrainingWeeks, DateOnly TrainingEndsOn, string Regi,
    string EmploymentForm, string WorkplaceMunicipalityCode, int Places, int ExpectedHires, string? PublicDescription, decimal Price, string PriceUnit,
    DateOnly? DecisionOn, string? DecisionReference, Guid OwnerOrganisationId, Guid OwnerCollaborationId, List<RequirementDto> Requirements,
    List<TeamMemberDto> Team, List<DocumentDto> Documents, List<StageChangeDto> History, List<string> AllowedStages)
{
    public static JobTrackDto From(JobTrack t) => new(t.Id, t.Version, t.Title, EnumText.ApiName(t.Stage), t.Employers.Select(e => e.EmployerId).ToList(),
        t.OccupationConceptId, t.Ssyk4, t.ProviderOrganisationId, t.TrainingComponents, t.TrainingStartsOn, t.TrainingWeeks, t.TrainingEndsOn,
        EnumText.ApiName(t.Regi), EnumText.ApiName(t.EmploymentForm), t.WorkplaceMunicipalityCode, t.Places, t.ExpectedHires, t.PublicDescription,
        t.Price, EnumText.ApiName(t.PriceUnit), t.DecisionOn, t.DecisionReference, t.OwnerOrganisationId, t.OwnerCollaborationId,
        RequirementDto.From(t.Requirements), t.Team.Select(TeamMemberDto.From).ToList(), t.Documents.OrderBy(d => d.Date).Select(DocumentDto.From).ToList(),
        t.History.OrderBy(h => h.At).Select(StageChangeDto.From).ToList(),
        EnumText.Values<JobTrackStage>().Where(t.MayMoveTo).Select(EnumText.ApiName).ToList());
}

public sealed record JobTrackSummaryDto(Guid Id, string Title, string Stage, string Ssyk4, string OccupationConceptId, string WorkplaceMunicipalityCode,
    DateOnly TrainingStartsOn, int Places, int Candidates, List<string> Employers)
{
    public static JobTrackSummaryDto From(JobTrackSummary s) => new(s.Id, s.Title, EnumText.ApiName(s.Stage), s.Ssyk4, s.OccupationConceptId,
        s.WorkplaceMunicipalityCode, s.TrainingStartsOn, s.Places, s.Candidates, s.Employers);
}

/// <summary>A candidate the user may see. Those the user may not see are only counted (<see cref="CandidatesDto.OtherOrganisations"/>).</summary>
public sealed record CandidateDto(Guid Id, int Version, Guid ParticipantId, string Name, string HomeMunicipalityCode, string Stage, DateTime ProposedAt,
    bool? AfRegistered, bool? EntitledToEmploymentSupport, DateOnly? StartedOn, string? HiredAs, DateOnly? HiredOn)
{
    public static CandidateDto From(CandidateView c) => new(c.Id, c.Version, c.ParticipantId, c.Name, c.HomeMunicipalityCode, EnumText.ApiName(c.Stage),
        c.ProposedAt, c.AfRegistered, c.EntitledToEmploymentSupport, c.StartedOn, c.HiredAs is { } h ? EnumText.ApiName(h) : null, c.HiredOn);
}

public sealed record CandidatesDto(List<CandidateDto> Candidates, int OtherOrganisations)
{
    public static CandidatesDto From(CandidateList l) => new(l.Visible.Select(CandidateDto.From).ToList(), l.Hidden);
}

/// <summary>A candidate as a change answers it: the person's id only, which the caller already knows.</summary>
public sealed record CandidateChangedDto(Guid Id, int Version, Guid JobTrackId, Guid ParticipantId, string Stage, bool? AfRegistered,
    bool? EntitledToEmploymentSupport, DateOnly? StartedOn, string? HiredAs, DateOnly? HiredOn, List<string> History)
{
    public static CandidateChangedDto From(JobTrackCandidate c) => new(c.Id, c.Version, c.JobTrackId, c.ParticipantId, EnumText.ApiName(c.Stage), c.AfRegistered,
        c.EntitledToEmploymentSupport, c.StartedOn, c.HiredAs is { } h ? EnumText.ApiName(h) : null, c.HiredOn,
        c.History.OrderBy(h => h.At).Select(h => EnumText.ApiName(h.To)).ToList());
}

/// <summary>
/// Four counts; a suppressed one is null and <c>suppressed</c> is true: a small count (below the threshold, normally 1–4)
/// for a reader outside the owning organisation, or a total that would give such a count back.
/// </summary>
public sealed record ResultCountsDto(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Proposed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Started,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Completed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] int? Hired,
    bool Suppressed)
{
    public static ResultCountsDto From(ShownCounts c) => new(c.Proposed, c.Started, c.Completed, c.Hired, c.AnySuppressed);
}

public sealed record ResultGroupDto(string HomeMunicipalityCode, string HomeMunicipality, string Gender, ResultCountsDto Counts);

/// <summary>
/// The results. <c>suppressedBelow</c> is the threshold when small counts are suppressed for this reader (absent when the
/// figures are exact); <c>hiredByEmploymentForm</c> is null when the hired total is suppressed.
/// </summary>
public sealed record JobTrackResultsDto(int Places, int ExpectedHires, ResultCountsDto Total,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] Dictionary<string, int>? HiredByEmploymentForm,
    List<ResultGroupDto> ByHomeMunicipalityAndGender, int? SuppressedBelow)
{
    public static JobTrackResultsDto From(JobTrackResults r) => new(r.Places, r.ExpectedHires, ResultCountsDto.From(r.Total),
        r.HiredByForm?.ToDictionary(h => EnumText.ApiName(h.Form), h => h.Count),
        r.Groups.Select(g => new ResultGroupDto(g.HomeMunicipalityCode, g.HomeMunicipality, EnumText.ApiName(g.Gender), ResultCountsDto.From(g.Counts))).ToList(),
        r.SuppressedBelow);
}

public sealed record CompensationReportDto(DateOnly PeriodFrom, DateOnly PeriodTo, List<CompensationLine> Lines, decimal Total)
{
    public static CompensationReportDto Of(CompensationReport r) => new(r.From, r.To, r.Lines, r.Total);
}

public static class JobTracksApi
{
    public static void MapJobTracksApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/job-tracks").WithTags("Jobbspår");
        group.MapGet("/", List).WithSummary("Samverkans jobbspår, valfritt i ett visst steg");
        group.MapPost("/", Create).WithSummary("Skapa ett jobbspår (steget idé)");
        group.MapGet("/{id:guid}", Read).WithSummary("Läs ett jobbspår med kompetensteam, dokument, beslut, kravprofil och steghistorik");
        group.MapPut("/{id:guid}", Update)
            .WithSummary("Ändra jobbspårets grunduppgifter (samma fält och kontroller som när det skapas; samverkan och kravprofil ändras inte här); med basedOnVersion 409 om någon annan hunnit ändra det");
        group.MapPost("/{id:guid}/stage", Move)
            .WithSummary("Flytta jobbspåret till nästa steg (eller ställ in det); med basedOnVersion 409 om någon annan hunnit ändra det");
        group.MapPost("/{id:guid}/team", AddTeamMember).WithSummary("Lägg till en person i kompetensteamet");
        group.MapPost("/{id:guid}/documents", AddDocument).WithSummary("Registrera en avsiktsförklaring eller ett leverantörsavtal");
        group.MapPost("/{id:guid}/decision", RecordDecision).WithSummary("Registrera styrgruppens beslut om start");
        group.MapPut("/{id:guid}/requirements", SetRequirements).WithSummary("Ersätt jobbspårets kravprofil");
        group.MapGet("/{id:guid}/candidates", Candidates)
            .WithSummary("Kandidaterna du får se; övriga kandidater redovisas bara som antal");
        group.MapPost("/{id:guid}/candidates", Propose).WithSummary("Föreslå en deltagare som du är handläggare för som kandidat");
        group.MapPost("/{id:guid}/candidates/{candidateId:guid}/stage", MoveCandidate)
            .WithSummary("Flytta en kandidat till nästa steg; med basedOnVersion 409 om någon annan hunnit flytta kandidaten");
        group.MapGet("/{id:guid}/results", Results).WithSummary("Jobbspårets resultat i antal, per hemkommun och kön")
            .WithDescription("Den organisation som äger jobbspåret och samordnare ser exakta antal. För andra läsare är ett antal per hemkommun och kön "
                + "under tröskeln (suppressedBelow, normalt 5: 1–4) null med suppressed: true, och summan för en kolumn med ett sådant antal är också "
                + "null (suppressed: true) så att antalet inte kan räknas fram; hiredByEmploymentForm är då null om summan för anställda är dold.");
        var compensation = api.MapGroup("/compensation").WithTags("Jobbspår");
        compensation.MapGet("/", Compensation).WithSummary("Interkommunal ersättning per kommunpar för en period (deltagare som påbörjat då)");
        compensation.MapGet("/csv", CompensationCsv).WithSummary("Interkommunal ersättning per kommunpar som CSV för Excel")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
    }

    private static async Task<Ok<List<JobTrackSummaryDto>>> List(string? stage, JobTrackWork work, CancellationToken ct) =>
        TypedResults.Ok((await work.ListAsync(EnumText.TryParse<JobTrackStage>(stage, out var s) ? s : null, ct)).Select(JobTrackSummaryDto.From).ToList());

    private static async Task<Results<Created<JobTrackDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Create(
        JobTrackInput input, JobTrackWork work, CancellationToken ct) =>
        (await work.CreateAsync(input, ct)).ToCreated(t => $"/api/v1/job-tracks/{t.Id}", JobTrackDto.From);

    private static async Task<Results<Ok<JobTrackDto>, NotFoundProblem>> Read(Guid id, JobTrackWork work, CancellationToken ct) =>
        (await work.ReadAsync(id, ct, withCandidates: false)).ToOk(s => JobTrackDto.From(s.Track));

    private static async Task<Results<Ok<JobTrackDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Update(
        Guid id, JobTrackInput input, JobTrackWork work, CancellationToken ct) =>
        (await work.UpdateAsync(id, input, ct)).ToChanged(JobTrackDto.From);

    private static async Task<Results<Ok<JobTrackDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Move(
        Guid id, StageInput input, JobTrackWork work, CancellationToken ct) =>
        (await work.MoveAsync(id, input, ct)).ToChanged(JobTrackDto.From);

    private static async Task<Results<Created<TeamMemberDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> AddTeamMember(
        Guid id, TeamMemberInput input, JobTrackWork work, CancellationToken ct) =>
        (await work.AddTeamMemberAsync(id, input, ct)).ToCreated(_ => $"/api/v1/job-tracks/{id}", TeamMemberDto.From);

    private static async Task<Results<Created<DocumentDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> AddDocument(
        Guid id, DocumentInput input, JobTrackWork work, CancellationToken ct) =>
        (await work.AddDocumentAsync(id, input, ct)).ToCreated(_ => $"/api/v1/job-tracks/{id}", DocumentDto.From);

    private static async Task<Results<Ok<JobTrackDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> RecordDecision(
        Guid id, DecisionInput input, JobTrackWork work, CancellationToken ct) =>
        (await work.RecordDecisionAsync(id, input, ct)).ToChanged(JobTrackDto.From);

    private static async Task<Results<Ok<JobTrackDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> SetRequirements(
        Guid id, ProfileInput input, JobTrackWork work, CancellationToken ct) =>
        (await work.SetRequirementsAsync(id, input, ct)).ToChanged(JobTrackDto.From);

    private static async Task<Results<Ok<CandidatesDto>, NotFoundProblem>> Candidates(Guid id, JobTrackWork work, CancellationToken ct) =>
        (await work.CandidatesAsync(id, ct)).ToOk(CandidatesDto.From);

    private static async Task<Results<Created<CandidateChangedDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> Propose(
        Guid id, ProposalInput input, JobTrackWork work, CancellationToken ct) =>
        (await work.ProposeAsync(id, input, ct)).ToCreated(c => $"/api/v1/job-tracks/{id}/candidates", CandidateChangedDto.From);

    private static async Task<Results<Ok<CandidateChangedDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> MoveCandidate(
        Guid id, Guid candidateId, CandidateStageInput input, JobTrackWork work, CancellationToken ct) =>
        (await work.MoveCandidateAsync(id, candidateId, input, ct)).ToChanged(CandidateChangedDto.From);

    private static async Task<Results<Ok<JobTrackResultsDto>, NotFoundProblem>> Results(Guid id, JobTrackWork work, CancellationToken ct) =>
        (await work.ResultsAsync(id, ct)).ToOk(JobTrackResultsDto.From);

    private static async Task<Results<Ok<CompensationReportDto>, ValidationProblem>> Compensation(string? from, string? to, JobTrackWork work,
        CancellationToken ct)
    {
        var report = await work.CompensationAsync(from, to, ct);
        return report.Value is { } r ? TypedResults.Ok(CompensationReportDto.Of(r)) : OutcomeResults.Invalid(report.Failure!.Errors!);
    }

    private static async Task<Results<FileContentHttpResult, ValidationProblem>> CompensationCsv(string? from, string? to, JobTrackWork work,
        CancellationToken ct)
    {
        var report = await work.CompensationAsync(from, to, ct);
        return report.Value is { } r
            ? TypedResults.File(r.ToCsv(), "text/csv; charset=utf-8", $"interkommunal-ersattning-{r.From:yyyy-MM-dd}-{r.To:yyyy-MM-dd}.csv")
            : OutcomeResults.Invalid(report.Failure!.Errors!);
    }
}
