using Arbetsvagen.Infrastructure;

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
        participant.MapGet("/mappings", async (Guid id, MappingWork work, CancellationToken ct) =>
            await work.ListMappingsAsync(id, ct) is { } read
                ? Results.Ok(read.Value.Select(m => MappingDto.From(m, read.MayReadHealth)))
                : ApiResults.NotFound());
        participant.MapPost("/mappings", async (Guid id, MappingInput input, MappingWork work, CancellationToken ct) =>
            await work.SaveMappingAsync(id, input, ct) is { } saved
                ? Results.Created($"/api/v1/mappings/{saved.Value.Id}", MappingDto.From(saved.Value, saved.MayReadHealth))
                : ApiResults.NotFound());
        participant.MapGet("/joint-positions", async (Guid id, MappingWork work, CancellationToken ct) =>
            await work.ListJointPositionsAsync(id, ct) is { } positions ? Results.Ok(positions.Select(JointPositionDto.From)) : ApiResults.NotFound());
        participant.MapPost("/joint-positions", async (Guid id, JointPositionInput input, MappingWork work, CancellationToken ct) =>
            await work.RecordJointPositionAsync(id, input, ct) is { } position
                ? Results.Created($"/api/v1/participants/{id}/joint-positions", JointPositionDto.From(position))
                : ApiResults.NotFound());
        participant.MapGet("/work-ability-assessments", async (Guid id, MappingWork work, CancellationToken ct) =>
            await work.ListAssessmentsAsync(id, ct) is { } read
                ? Results.Ok(read.Value.Select(a => WorkAbilityAssessmentDto.From(a, read.MayReadHealth)))
                : ApiResults.NotFound());
        participant.MapPost("/work-ability-assessments", async (Guid id, WorkAbilityInput input, MappingWork work, CancellationToken ct) =>
            await work.RecordAssessmentAsync(id, input, ct) is { } recorded
                ? Results.Created($"/api/v1/participants/{id}/work-ability-assessments",
                    WorkAbilityAssessmentDto.From(recorded.Value, recorded.MayReadHealth))
                : ApiResults.NotFound());

        api.MapGet("/mappings/{id:guid}", async (Guid id, MappingWork work, CancellationToken ct) =>
            await work.ReadMappingAsync(id, ct) is { } read ? Results.Ok(MappingDto.From(read.Value, read.MayReadHealth)) : ApiResults.NotFound())
            .WithTags("Kartläggning");
    }
}
