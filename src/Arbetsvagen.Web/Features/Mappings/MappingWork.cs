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
/// </summary>
public sealed class MappingWork(AppDbContext db, CurrentUser user, ParticipantAccess participants, AccessLogger log, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public sealed record Access(ParticipantGrant Grant, bool MayReadHealth);

    public sealed record Read<T>(T Value, bool MayReadHealth);

    /// <summary>The user's access to the participant's mapping records, or null (with exactly one denied row).</summary>
    public async Task<Access?> AccessAsync(Guid participantId, string entityType, CancellationToken ct)
    {
        var grant = await participants.FindCoveringAsync(participantId, DataCategories.CaseAndPlan, entityType, ct);
        return grant is null ? null : new Access(grant, grant.Covers(DataCategories.Health) && user.MaySeeSensitiveData);
    }

    // ------------------------------------------------------------------ kartläggning

    public async Task<Read<List<Mapping>>?> ListMappingsAsync(Guid participantId, CancellationToken ct)
    {
        var access = await AccessAsync(participantId, "Mapping", ct);
        if (access is null)
        {
            return null;
        }

        var query = db.Set<Mapping>().AsNoTracking().Include(m => m.Occupations).Where(m => m.ParticipantId == participantId);
        if (access.MayReadHealth)
        {
            query = query.Include(m => m.Health);
        }

        var versions = await query.OrderByDescending(m => m.Version).ToListAsync(ct);
        log.Add(AccessAction.Read, "Mapping", null, participantId, Purpose(access), versions.Select(m => m.Id));
        await db.SaveChangesAsync(ct);
        return new Read<List<Mapping>>(versions, access.MayReadHealth);
    }

    public async Task<Read<Mapping>?> ReadMappingAsync(Guid mappingId, CancellationToken ct)
    {
        var participantId = await db.Set<Mapping>().Where(m => m.Id == mappingId).Select(m => (Guid?)m.ParticipantId).FirstOrDefaultAsync(ct);
        if (participantId is null)
        {
            await log.RecordAsync(AccessAction.Denied, "Mapping", mappingId, ct: ct);
            return null;
        }

        var access = await AccessAsync(participantId.Value, "Mapping", ct);
        if (access is null)
        {
            return null;
        }

        var query = db.Set<Mapping>().AsNoTracking().Include(m => m.Occupations).Where(m => m.Id == mappingId);
        var mapping = await (access.MayReadHealth ? query.Include(m => m.Health) : query).FirstAsync(ct);
        await log.RecordAsync(AccessAction.Read, "Mapping", mappingId, participantId, Purpose(access), ct: ct);
        return new Read<Mapping>(mapping, access.MayReadHealth);
    }

    /// <summary>Saves a new version. A writer who may not see health data cannot change it: the previous version's health part is carried over.</summary>
    public async Task<Read<Mapping>?> SaveMappingAsync(Guid participantId, MappingInput input, CancellationToken ct)
    {
        var access = await AccessAsync(participantId, "Mapping", ct);
        if (access is null)
        {
            return null;
        }

        var errors = new Dictionary<string, string[]>();
        var education = OptionalEnum(errors, "educationLevel", input.EducationLevel, "Högsta utbildningsnivå", EducationLevel.Unknown);
        var swedish = OptionalEnum(errors, "swedishLevel", input.SwedishLevel, "Svenska", SwedishLevel.Unknown);
        var obstacles = Flags<SelfSupportObstacles>(errors, "selfSupportObstacles", input.SelfSupportObstacles, "Försörjningshinder");
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
            throw new ConflictException("Någon annan sparade en ny version av kartläggningen samtidigt. Läs in sidan och försök igen.");
        }

        return new Read<Mapping>(mapping, access.MayReadHealth);
    }

    // ------------------------------------------------------------------ gemensamt ställningstagande

    public async Task<List<JointPosition>?> ListJointPositionsAsync(Guid participantId, CancellationToken ct)
    {
        var access = await AccessAsync(participantId, "JointPosition", ct);
        if (access is null)
        {
            return null;
        }

        var positions = await db.Set<JointPosition>().AsNoTracking().Include(j => j.Parties).Where(j => j.ParticipantId == participantId)
            .OrderByDescending(j => j.DecidedOn).ThenByDescending(j => j.RecordedAt).ToListAsync(ct);
        log.Add(AccessAction.Read, "JointPosition", null, participantId, Purpose(access), positions.Select(j => j.Id));
        await db.SaveChangesAsync(ct);
        return positions;
    }

    public async Task<JointPosition?> RecordJointPositionAsync(Guid participantId, JointPositionInput input, CancellationToken ct)
    {
        var access = await AccessAsync(participantId, "JointPosition", ct);
        if (access is null)
        {
            return null;
        }

        var errors = new Dictionary<string, string[]>();
        var today = SwedishTime.Today(Now);
        var decidedOn = Date(errors, "decidedOn", input.DecidedOn) ?? today;
        var direction = RequiredEnum<Direction>(errors, "direction", input.Direction, "Riktning");
        var readiness = RequiredEnum<Readiness>(errors, "readiness", input.Readiness, "Färgkategori");
        var parties = (input.PartyOrganisationIds ?? []).Distinct().ToList();
        var known = await db.Organisations.Where(o => parties.Contains(o.Id)).Select(o => o.Id).ToListAsync(ct);
        var unknown = parties.Except(known).ToList();
        if (unknown.Count > 0)
        {
            errors["partyOrganisationIds"] = [$"Parter: organisationen {unknown[0]} finns inte i registret."];
        }

        var position = JointPosition.Record(participantId, decidedOn, parties, input.People, direction, readiness, input.Motivation,
            user.OrganisationId, user.SecrecyBoundaryId, user.Id, Now, today, errors);
        db.Add(position);
        log.Add(AccessAction.Create, "JointPosition", position.Id, participantId);
        await db.SaveChangesAsync(ct);
        return position;
    }

    // ------------------------------------------------------------------ arbetsförmågebedömning

    public async Task<Read<List<WorkAbilityAssessment>>?> ListAssessmentsAsync(Guid participantId, CancellationToken ct)
    {
        var access = await AccessAsync(participantId, "WorkAbilityAssessment", ct);
        if (access is null)
        {
            return null;
        }

        var query = db.Set<WorkAbilityAssessment>().AsNoTracking().Where(a => a.ParticipantId == participantId);
        if (access.MayReadHealth)
        {
            query = query.Include(a => a.Result);
        }

        var assessments = await query.OrderByDescending(a => a.AssessedOn).ThenByDescending(a => a.RecordedAt).ToListAsync(ct);
        log.Add(AccessAction.Read, "WorkAbilityAssessment", null, participantId, Purpose(access), assessments.Select(a => a.Id));
        await db.SaveChangesAsync(ct);
        return new Read<List<WorkAbilityAssessment>>(assessments, access.MayReadHealth);
    }

    public async Task<Read<WorkAbilityAssessment>?> RecordAssessmentAsync(Guid participantId, WorkAbilityInput input, CancellationToken ct)
    {
        var access = await AccessAsync(participantId, "WorkAbilityAssessment", ct);
        if (access is null)
        {
            return null;
        }

        var errors = new Dictionary<string, string[]>();
        var today = SwedishTime.Today(Now);
        var method = RequiredEnum<AssessmentMethod>(errors, "method", input.Method, "Metod");
        var dimensions = Flags<WorkAbilityDimensions>(errors, "dimensions", input.Dimensions, "Bedömda förmågor");
        var assessedOn = Date(errors, "assessedOn", input.AssessedOn) ?? today;
        if (input.ReferralId is { } referralId)
        {
            var boundary = user.SecrecyBoundaryId;
            var known = await db.Set<Referral>().AnyAsync(r => r.Id == referralId && r.ParticipantId == participantId
                && (r.FromBoundaryId == boundary || r.ToBoundaryId == boundary), ct);
            if (!known)
            {
                errors["referralId"] = ["Remiss: det finns ingen remiss om den här deltagaren som din verksamhet har skickat eller tagit emot."];
            }
        }

        var assessment = WorkAbilityAssessment.Record(participantId, method, dimensions, input.Result, assessedOn, input.ReferralId,
            user.OrganisationId, user.SecrecyBoundaryId, user.Id, Now, today, errors);
        db.Add(assessment);
        log.Add(AccessAction.Create, "WorkAbilityAssessment", assessment.Id, participantId,
            assessment.ReferralId is { } referral ? $"remiss {referral}" : null);
        await db.SaveChangesAsync(ct);
        return new Read<WorkAbilityAssessment>(assessment, access.MayReadHealth);
    }

    // ------------------------------------------------------------------ parsing

    private static string? Purpose(Access access) => access.Grant.ConsentId is { } consent ? $"samtycke {consent}" : null;

    private static T RequiredEnum<T>(Dictionary<string, string[]> errors, string field, string? text, string label) where T : struct, Enum
    {
        if (EnumText.TryParse<T>(text, out var value))
        {
            return value;
        }

        errors[field] = [$"{label}: {(string.IsNullOrWhiteSpace(text) ? "välj ett värde" : $"okänt värde \"{text}\"")}. Tillåtna värden: {Allowed<T>()}."];
        return default;
    }

    private static T OptionalEnum<T>(Dictionary<string, string[]> errors, string field, string? text, string label, T empty) where T : struct, Enum =>
        string.IsNullOrWhiteSpace(text) ? empty : RequiredEnum<T>(errors, field, text, label);

    private static T Flags<T>(Dictionary<string, string[]> errors, string field, List<string>? texts, string label) where T : struct, Enum
    {
        long flags = 0;
        foreach (var text in texts ?? [])
        {
            if (EnumText.TryParse<T>(text, out var value) && Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) != 0)
            {
                flags |= Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                errors[field] = [$"{label}: okänt värde \"{text}\". Tillåtna värden: {Allowed<T>()}."];
            }
        }

        return (T)Enum.ToObject(typeof(T), flags);
    }

    private static string Allowed<T>() where T : struct, Enum => string.Join(", ", EnumText.Values<T>().Select(EnumText.ApiName));

    private static DateOnly? Date(Dictionary<string, string[]> errors, string field, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", out var date))
        {
            return date;
        }

        errors[field] = ["Datum skrivs ÅÅÅÅ-MM-DD."];
        return null;
    }
}
