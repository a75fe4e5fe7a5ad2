using Arbetsvagen.Core.Consents;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.Referrals;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Arbetsvagen.Core.AccessLog;

namespace Arbetsvagen.Features.Mappings;

public sealed class MappingInput
{
    public string? EducationLevel { get; set; }
    public string? EducationText { get; set; }
    public string? WorkExperienceText { get; set; }
    /// <summary>JobTech occupation concept ids.</summary>
    public List<string>? Occupations { get; set; }
    public string? SwedishLevel { get; set; }
    public string? OtherLanguages { get; set; }
    public string? HealthAndLimitations { get; set; }
    public string? SocialSituation { get; set; }
    public string? InterestsAndGoals { get; set; }
    public List<string>? SelfSupportObstacles { get; set; }
    public string? ObstaclesText { get; set; }
}

public sealed class JointPositionInput
{
    public string? DecidedOn { get; set; }
    public List<Guid>? PartyOrganisationIds { get; set; }
    public string? People { get; set; }
    public string? Direction { get; set; }
    public string? Readiness { get; set; }
    public string? Motivation { get; set; }
}

public sealed class WorkAbilityInput
{
    public string? Method { get; set; }
    public List<string>? Dimensions { get; set; }
    public string? Result { get; set; }
    public string? AssessedOn { get; set; }
    public Guid? ReferralId { get; set; }
}

/// <summary>
/// Kartläggning, gemensamt ställningstagande and arbetsförmågebedömning. Read and written by the participant's
/// owner boundary and by parties whose consent covers "ärende, planering och insatser"; the health text and the
/// assessment results only reach readers whose grant covers health and whose role needs sensitive data.
/// Every use case answers an <see cref="Outcome{T}"/>, for its page and its endpoint alike.
/// </summary>
public sealed class MappingWork(AppDbContext db, CurrentUser user, ParticipantAccess participants, AccessLogger log, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public sealed record Access(ParticipantGrant Grant, bool MayReadHealth);

    public sealed record Read<T>(T Value, bool MayReadHealth);

    /// <summary>The user's access to the participant's mapping records, or null (with exactly one denied row).</summary>
    private async Task<Access?> AccessAsync(Guid participantId, string entityType, CancellationToken ct)
    {
        var grant = await participants.FindCoveringAsync(participantId, DataCategories.CaseAndPlan, entityType, ct);
        return grant is null ? null : new Access(grant, grant.Covers(DataCategories.Health) && user.MaySeeSensitiveData);
    }

    // ------------------------------------------------------------------ kartläggning

    public async Task<Outcome<Read<List<Mapping>>>> ListMappingsAsync(Guid participantId, CancellationToken ct)
    {
        if (await AccessAsync(participantId, "Mapping", ct) is not { } access)
        {
            return Outcome.NotFound();
        }

        var query = db.Set<Mapping>().AsNoTracking().Include(m => m.Occupations).Where(m => m.ParticipantId == participantId);
        if (access.MayReadHealth)
        {
            query = query.Include(m => m.Health);
        }

        var versions = await query.OrderByDescending(m => m.Version).ToListAsync(ct);
        await log.RecordAsync(AccessAction.Read, "Mapping", null, participantId, Purpose(access), versions.Select(m => m.Id), ct: ct);
        return new Read<List<Mapping>>(versions, access.MayReadHealth);
    }

    public async Task<Outcome<Read<Mapping>>> ReadMappingAsync(Guid mappingId, CancellationToken ct)
    {
        var participantId = await db.Set<Mapping>().Where(m => m.Id == mappingId).Select(m => (Guid?)m.ParticipantId).FirstOrDefaultAsync(ct);
        if (participantId is null)
        {
            await log.RecordAsync(AccessAction.Denied, "Mapping", mappingId, ct: ct);
            return Outcome.NotFound();
        }

        if (await AccessAsync(participantId.Value, "Mapping", ct) is not { } access)
        {
            return Outcome.NotFound();
        }

        var query = db.Set<Mapping>().AsNoTracking().Include(m => m.Occupations).Where(m => m.Id == mappingId);
        var mapping = await (access.MayReadHealth ? query.Include(m => m.Health) : query).FirstAsync(ct);
        await log.RecordAsync(AccessAction.Read, "Mapping", mappingId, participantId, Purpose(access), ct: ct);
        return new Read<Mapping>(mapping, access.MayReadHealth);
    }

    /// <summary>
    /// What a new version starts from: the latest version, or — before the first — what registration already knows
    /// of the participant (education, Swedish, occupations, driving licences, interpreter language; health only for a
    /// reader who may see it), as far as the user's grant covers the participant's background.
    /// </summary>
    public async Task<Outcome<MappingInput>> DraftAsync(Guid participantId, CancellationToken ct)
    {
        if (await AccessAsync(participantId, "Mapping", ct) is not { } access)
        {
            return Outcome.NotFound();
        }

        var query = db.Set<Mapping>().AsNoTracking().Include(m => m.Occupations).Where(m => m.ParticipantId == participantId);
        var latest = await (access.MayReadHealth ? query.Include(m => m.Health) : query).OrderByDescending(m => m.Version).FirstOrDefaultAsync(ct);
        if (latest is not null)
        {
            return MappingDraft.FromVersion(latest, access.MayReadHealth);
        }

        if (!access.Grant.Covers(DataCategories.Background))
        {
            return new MappingInput();
        }

        await log.RecordAsync(AccessAction.Read, "Participant", participantId, participantId, Purpose(access), ct: ct);
        return MappingDraft.FromRegistration(access.Grant.Participant, access.MayReadHealth);
    }

    /// <summary>Saves a new version. A writer who may not see health data cannot change it: the previous version's health part is carried over.</summary>
    public async Task<Outcome<Read<Mapping>>> SaveMappingAsync(Guid participantId, MappingInput input, CancellationToken ct)
    {
        if (await AccessAsync(participantId, "Mapping", ct) is not { } access)
        {
            return Outcome.NotFound();
        }

        // In the order of the mapping form; the texts and occupations are checked by Mapping.Save.
        var errors = new Dictionary<string, string[]>();
        var education = string.IsNullOrWhiteSpace(input.EducationLevel)
            ? EducationLevel.Unknown
            : Input.Enum<EducationLevel>(errors, "educationLevel", input.EducationLevel, "Okänd utbildningsnivå");
        var swedish = string.IsNullOrWhiteSpace(input.SwedishLevel)
            ? SwedishLevel.Unknown
            : Input.Enum<SwedishLevel>(errors, "swedishLevel", input.SwedishLevel, "Okänd nivå i svenska");
        var obstacles = Input.Flags<SelfSupportObstacles>(errors, "selfSupportObstacles", input.SelfSupportObstacles, "Okänt försörjningshinder");
        var latest = await db.Set<Mapping>().Include(m => m.Health).Where(m => m.ParticipantId == participantId)
            .OrderByDescending(m => m.Version).FirstOrDefaultAsync(ct);
        var health = input.HealthAndLimitations;
        if (!access.MayReadHealth)
        {
            if (!string.IsNullOrWhiteSpace(health))
            {
                errors["healthAndLimitations"] = ["Hälsa och begränsningar: du har inte behörighet till hälsouppgifter. Fältet förs över oförändrat från förra versionen."];
            }

            if ((obstacles & Mapping.SensitiveObstacles) != 0)
            {
                errors["selfSupportObstacles"] = ["Försörjningshinder: hälsa och missbruk kräver behörighet till hälsouppgifter."];
            }

            health = latest?.Health?.HealthAndLimitations;
            obstacles = (obstacles & ~Mapping.SensitiveObstacles) | ((latest?.Obstacles ?? SelfSupportObstacles.None) & Mapping.SensitiveObstacles);
        }

        var content = new Mapping.Content(education, input.EducationText, input.WorkExperienceText, input.Occupations ?? [], swedish,
            input.OtherLanguages, health, input.SocialSituation, input.InterestsAndGoals, obstacles, input.ObstaclesText);
        return await Outcome.Guard<Read<Mapping>>(async () =>
        {
            var mapping = Mapping.Save(participantId, (latest?.Version ?? 0) + 1, content, user.OrganisationId, user.SecrecyBoundaryId, user.Id, Now, errors);
            db.Add(mapping);
            log.Add(AccessAction.Create, "Mapping", mapping.Id, participantId, $"version {mapping.Version}");
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The unique (participant, version) index: someone else saved a version at the same moment.
                return Outcome.Conflict("Någon annan sparade en ny version av kartläggningen samtidigt. Läs in sidan och försök igen.");
            }

            return new Read<Mapping>(mapping, access.MayReadHealth);
        });
    }

    // ------------------------------------------------------------------ gemensamt ställningstagande

    public async Task<Outcome<List<JointPosition>>> ListJointPositionsAsync(Guid participantId, CancellationToken ct)
    {
        if (await AccessAsync(participantId, "JointPosition", ct) is not { } access)
        {
            return Outcome.NotFound();
        }

        var positions = await db.Set<JointPosition>().AsNoTracking().Include(j => j.Parties).Where(j => j.ParticipantId == participantId)
            .OrderByDescending(j => j.DecidedOn).ThenByDescending(j => j.RecordedAt).ToListAsync(ct);
        await log.RecordAsync(AccessAction.Read, "JointPosition", null, participantId, Purpose(access), positions.Select(j => j.Id), ct: ct);
        return positions;
    }

    public async Task<Outcome<JointPosition>> RecordJointPositionAsync(Guid participantId, JointPositionInput input, CancellationToken ct)
    {
        if (await AccessAsync(participantId, "JointPosition", ct) is null)
        {
            return Outcome.NotFound();
        }

        // In the order of the form: date, direction, readiness, parties (then people and motivation, checked by Record).
        var errors = new Dictionary<string, string[]>();
        var today = SwedishTime.Today(Now);
        var decidedOn = Input.Date(errors, "decidedOn", input.DecidedOn, "datum för ställningstagandet", required: false) ?? today;
        var direction = Input.Enum<Direction>(errors, "direction", input.Direction, "Ange riktning");
        var readiness = Input.Enum<Readiness>(errors, "readiness", input.Readiness, "Ange färgkategori");
        var parties = (input.PartyOrganisationIds ?? []).Distinct().ToList();
        var known = await db.Organisations.Where(o => parties.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        var unknown = parties.Except(known).ToList();
        if (unknown.Count > 0)
        {
            errors["partyOrganisationIds"] = [$"Parter: organisationen {unknown[0]} finns inte i registret."];
        }

        return await Outcome.Guard<JointPosition>(async () =>
        {
            var position = JointPosition.Record(participantId, decidedOn, parties, input.People, direction, readiness, input.Motivation,
                user.OrganisationId, user.SecrecyBoundaryId, user.Id, Now, today, errors);
            db.Add(position);
            log.Add(AccessAction.Create, "JointPosition", position.Id, participantId);
            await db.SaveChangesAsync(ct);
            return position;
        });
    }

    // ------------------------------------------------------------------ arbetsförmågebedömning

    public async Task<Outcome<Read<List<WorkAbilityAssessment>>>> ListAssessmentsAsync(Guid participantId, CancellationToken ct)
    {
        if (await AccessAsync(participantId, "WorkAbilityAssessment", ct) is not { } access)
        {
            return Outcome.NotFound();
        }

        var query = db.Set<WorkAbilityAssessment>().AsNoTracking().Where(a => a.ParticipantId == participantId);
        if (access.MayReadHealth)
        {
            query = query.Include(a => a.Result);
        }

        var assessments = await query.OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.RecordedAt).ToListAsync(ct);
        await log.RecordAsync(AccessAction.Read, "WorkAbilityAssessment", null, participantId, Purpose(access), assessments.Select(a => a.Id), ct: ct);
        return new Read<List<WorkAbilityAssessment>>(assessments, access.MayReadHealth);
    }

    public async Task<Outcome<Read<WorkAbilityAssessment>>> RecordAssessmentAsync(Guid participantId, WorkAbilityInput input, CancellationToken ct)
    {
        if (await AccessAsync(participantId, "WorkAbilityAssessment", ct) is not { } access)
        {
            return Outcome.NotFound();
        }

        // In the order of the form: method, date, abilities, referral (then the result, checked by Record).
        var errors = new Dictionary<string, string[]>();
        var today = SwedishTime.Today(Now);
        var method = Input.Enum<AssessmentMethod>(errors, "method", input.Method, "Ange metod");
        var assessedOn = Input.Date(errors, "assessedOn", input.AssessedOn, "datum för bedömningen", required: false) ?? today;
        var dimensions = Input.Flags<WorkAbilityDimensions>(errors, "dimensions", input.Dimensions, "Okänd förmåga");
        if (input.ReferralId is { } referralId
            && !await db.Set<Referral>().Where(Referral.HasParty(user.SecrecyBoundaryId)).AnyAsync(r => r.Id == referralId && r.ParticipantId == participantId, ct))
        {
            errors["referralId"] = ["Remiss: det finns ingen remiss om den här deltagaren som din verksamhet har skickat eller tagit emot."];
        }

        return await Outcome.Guard<Read<WorkAbilityAssessment>>(async () =>
        {
            var assessment = WorkAbilityAssessment.Record(participantId, method, dimensions, input.Result, assessedOn, input.ReferralId,
                user.OrganisationId, user.SecrecyBoundaryId, user.Id, Now, today, errors);
            db.Add(assessment);
            log.Add(AccessAction.Create, "WorkAbilityAssessment", assessment.Id, participantId,
                assessment.ReferralId is { } referral ? $"remiss {referral}" : null);
            await db.SaveChangesAsync(ct);
            return new Read<WorkAbilityAssessment>(assessment, access.MayReadHealth);
        });
    }

    private static string? Purpose(Access access) => access.Grant.ConsentId is { } consent ? $"samtycke {consent}" : null;
}
