using System.ComponentModel.DataAnnotations;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Mappings;

public enum AssessmentMethod
{
    [Display(Name = "Simulerade arbetsuppgifter")] SimulatedTasks,
    [Display(Name = "Reell arbetsmiljö")] RealWorkplace,
    [Display(Name = "Självskattning")] SelfAssessment,
}

[Flags]
public enum WorkAbilityDimensions
{
    None = 0,
    [Display(Name = "Fysisk")] Physical = 1,
    [Display(Name = "Psykisk")] Mental = 2,
    [Display(Name = "Social")] Social = 4,
    [Display(Name = "Kognitiv")] Cognitive = 8,
    [Display(Name = "Uthållighet")] Endurance = 16,
    [Display(Name = "Arbetstempo")] Pace = 32,
}

/// <summary>
/// Arbetsförmågebedömning by a method, not just attendance. The result is sensitive (work ability) and lives in
/// its own table (<see cref="WorkAbilityResult"/>), loaded only for readers allowed to see health data.
/// </summary>
public class WorkAbilityAssessment
{
    public const int MaxResult = 4000;

    /// <summary>The fields in the order of the form: the order of the messages when several are wrong.</summary>
    private static readonly string[] FormOrder = ["method", "assessedOn", "dimensions", "referralId", "result"];

    private WorkAbilityAssessment() { }

    public Guid Id { get; private set; }
    public Guid ParticipantId { get; private set; }
    public AssessmentMethod Method { get; private set; }
    public WorkAbilityDimensions Dimensions { get; private set; }
    public WorkAbilityResult? Result { get; private set; }
    public DateOnly AssessedOn { get; private set; }
    public Guid AssessorUserId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid BoundaryId { get; private set; }
    public Guid? ReferralId { get; private set; }
    public DateTime RecordedAt { get; private set; }

    /// <summary>Records an assessment; the caller has checked the referral. Adds rule violations to <paramref name="errors"/> and throws if any.</summary>
    public static WorkAbilityAssessment Record(Guid participantId, AssessmentMethod method, WorkAbilityDimensions dimensions, string? result,
        DateOnly assessedOn, Guid? referralId, Guid organisationId, Guid boundaryId, Guid assessor, DateTime now, DateOnly today,
        Dictionary<string, string[]> errors)
    {
        if (dimensions == WorkAbilityDimensions.None && !errors.ContainsKey("dimensions"))
        {
            errors["dimensions"] = ["Bedömda förmågor: välj minst en."];
        }

        var text = Input.Text(errors, "result", result, "beskrivningen av resultatet", MaxResult);
        Rules.NotInFuture(errors, "assessedOn", assessedOn, "Datum för bedömningen", today);
        Rules.ThrowIfAny(errors, FormOrder);

        var id = Guid.NewGuid();
        return new WorkAbilityAssessment
        {
            Id = id,
            ParticipantId = participantId,
            Method = method,
            Dimensions = dimensions,
            Result = new WorkAbilityResult { AssessmentId = id, Text = text! },
            AssessedOn = assessedOn,
            ReferralId = referralId,
            OrganisationId = organisationId,
            BoundaryId = boundaryId,
            AssessorUserId = assessor,
            RecordedAt = now,
        };
    }
}

/// <summary>The sensitive result of an assessment, kept in its own table.</summary>
public class WorkAbilityResult
{
    public Guid AssessmentId { get; set; }
    public string Text { get; set; } = "";
}
