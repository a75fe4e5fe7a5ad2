using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Arbetsvagen.Features.Mappings;

/// <summary>
/// One mapping version. <c>healthAndLimitations</c> is absent unless the reader may see health data; then the
/// health-revealing obstacles (hälsa, missbruk) are left out of <c>selfSupportObstacles</c> too.
/// </summary>
public sealed record MappingDto(Guid Id, Guid ParticipantId, int Version, Guid OrganisationId, Guid CreatedByUserId, DateTime CreatedAt,
    string EducationLevel, string? EducationText, string? WorkExperienceText, List<string> Occupations, string SwedishLevel,
    string? OtherLanguages, string? HealthAndLimitations, string? SocialSituation, string? InterestsAndGoals, List<string> SelfSupportObstacles,
    string? ObstaclesText)
{
    public static MappingDto From(Mapping m, bool mayReadHealth) => new(m.Id, m.ParticipantId, m.Version, m.OrganisationId, m.CreatedByUserId,
        m.CreatedAt, EnumText.ApiName(m.EducationLevel), m.EducationText, m.WorkExperienceText, m.Occupations.Select(o => o.ConceptId).ToList(),
        EnumText.ApiName(m.SwedishLevel), m.OtherLanguages, mayReadHealth ? m.Health?.HealthAndLimitations : null, m.SocialSituation,
        m.InterestsAndGoals, EnumText.FlagNames(VisibleObstacles(m, mayReadHealth)), m.ObstaclesText);

    public static SelfSupportObstacles VisibleObstacles(Mapping m, bool mayReadHealth) =>
        mayReadHealth ? m.Obstacles : m.Obstacles & ~Mapping.SensitiveObstacles;
}

public sealed record JointPositionDto(Guid Id, Guid ParticipantId, DateOnly DecidedOn, List<Guid> PartyOrganisationIds, string? People,
    string Direction, string Readiness, string Motivation, Guid OrganisationId, Guid RecordedByUserId, DateTime RecordedAt)
{
    public static JointPositionDto From(JointPosition j) => new(j.Id, j.ParticipantId, j.DecidedOn, j.Parties.Select(p => p.OrganisationId).ToList(),
        j.People, EnumText.ApiName(j.Direction), EnumText.ApiName(j.Readiness), j.Motivation, j.OrganisationId, j.RecordedByUserId, j.RecordedAt);
}

/// <summary>One assessment; <c>result</c> is absent unless the reader may see health data.</summary>
public sealed record WorkAbilityAssessmentDto(Guid Id, Guid ParticipantId, string Method, List<string> Dimensions, string? Result,
    DateOnly AssessedOn, Guid AssessorUserId, Guid OrganisationId, Guid? ReferralId, DateTime RecordedAt)
{
    public static WorkAbilityAssessmentDto From(WorkAbilityAssessment a, bool mayReadHealth) => new(a.Id, a.ParticipantId,
        EnumText.ApiName(a.Method), EnumText.FlagNames(a.Dimensions), mayReadHealth ? a.Result?.Text : null, a.AssessedOn, a.AssessorUserId,
        a.OrganisationId, a.ReferralId, a.RecordedAt);
}

public static class MappingsApi
{
    public static void MapMappingsApi(this RouteGroupBuilder api)
    {
        var participant = api.MapGroup("/participants/{id:guid}").WithTags("Kartläggning");
        participant.MapGet("/mappings", ListMappings).WithSummary("Deltagarens kartläggning, alla versioner med den senaste först");
        participant.MapPost("/mappings", SaveMapping).WithSummary("Spara en ny version av deltagarens kartläggning");
        participant.MapGet("/joint-positions", ListJointPositions).WithSummary("Deltagarens gemensamma ställningstaganden, det aktuella först");
        participant.MapPost("/joint-positions", RecordJointPosition).WithSummary("Registrera ett gemensamt ställningstagande");
        participant.MapGet("/work-ability-assessments", ListAssessments).WithSummary("Deltagarens arbetsförmågebedömningar, den senaste först");
        participant.MapPost("/work-ability-assessments", RecordAssessment).WithSummary("Registrera en arbetsförmågebedömning");
        api.MapGet("/mappings/{id:guid}", ReadMapping).WithTags("Kartläggning").WithSummary("Läs en version av en kartläggning");
    }

    private static async Task<Results<Ok<List<MappingDto>>, NotFoundProblem>> ListMappings(Guid id, MappingWork work, CancellationToken ct) =>
        (await work.ListMappingsAsync(id, ct)).ToOk(read => read.Value.Select(m => MappingDto.From(m, read.MayReadHealth)).ToList());

    private static async Task<Results<Created<MappingDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>> SaveMapping(
        Guid id, MappingInput input, MappingWork work, CancellationToken ct) =>
        (await work.SaveMappingAsync(id, input, ct)).ToCreated(saved => $"/api/v1/mappings/{saved.Value.Id}",
            saved => MappingDto.From(saved.Value, saved.MayReadHealth));

    private static async Task<Results<Ok<MappingDto>, NotFoundProblem>> ReadMapping(Guid id, MappingWork work, CancellationToken ct) =>
        (await work.ReadMappingAsync(id, ct)).ToOk(read => MappingDto.From(read.Value, read.MayReadHealth));

    private static async Task<Results<Ok<List<JointPositionDto>>, NotFoundProblem>> ListJointPositions(Guid id, MappingWork work, CancellationToken ct) =>
        (await work.ListJointPositionsAsync(id, ct)).ToOk(positions => positions.Select(JointPositionDto.From).ToList());

    private static async Task<Results<Created<JointPositionDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>>
        RecordJointPosition(Guid id, JointPositionInput input, MappingWork work, CancellationToken ct) =>
        (await work.RecordJointPositionAsync(id, input, ct)).ToCreated(_ => $"/api/v1/participants/{id}/joint-positions", JointPositionDto.From);

    private static async Task<Results<Ok<List<WorkAbilityAssessmentDto>>, NotFoundProblem>> ListAssessments(Guid id, MappingWork work,
        CancellationToken ct) =>
        (await work.ListAssessmentsAsync(id, ct)).ToOk(read => read.Value.Select(a => WorkAbilityAssessmentDto.From(a, read.MayReadHealth)).ToList());

    private static async Task<Results<Created<WorkAbilityAssessmentDto>, ValidationProblem, NotFoundProblem, ConflictProblem, ForbiddenProblem>>
        RecordAssessment(Guid id, WorkAbilityInput input, MappingWork work, CancellationToken ct) =>
        (await work.RecordAssessmentAsync(id, input, ct)).ToCreated(_ => $"/api/v1/participants/{id}/work-ability-assessments",
            recorded => WorkAbilityAssessmentDto.From(recorded.Value, recorded.MayReadHealth));
}
