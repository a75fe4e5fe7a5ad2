using System.ComponentModel.DataAnnotations;
using Arbetsvagen.Infrastructure;
using ValidationException = Arbetsvagen.Infrastructure.ValidationException;

namespace Arbetsvagen.Features.Referrals;

[Flags]
public enum ReferralOrders
{
    None = 0,
    [Display(Name = "Arbetsförmågebedömning")] WorkAbilityAssessment = 1,
    [Display(Name = "Praktik")] Placement = 2,
    [Display(Name = "Stöd till arbete")] HelpIntoWork = 4,
    [Display(Name = "SFI-kombination")] SfiCombination = 8,
    [Display(Name = "Annat")] Other = 16,
}

public enum ReferralState
{
    [Display(Name = "Skickad")] Sent,
    [Display(Name = "Accepterad")] Accepted,
    [Display(Name = "Avböjd")] Declined,
    [Display(Name = "Återrapporterad")] Reported,
}

/// <summary>
/// A remiss from one unit to another about a participant, answered by a written return report (återrapport)
/// that lands in the referring case. Each state change is a method that refuses an illegal move.
/// </summary>
public class Referral
{
    /// <summary>From the third similar referral within this many months the caseworker is warned of lock-in.</summary>
    public const int LockInMonths = 12;
    public const int LockInThreshold = 3;

    private Referral() { }

    public Guid Id { get; private set; }
    public Guid ParticipantId { get; private set; }
    public Guid FromOrganisationId { get; private set; }
    public Guid FromBoundaryId { get; private set; }
    public Guid? FromCaseId { get; private set; }
    public Guid ToOrganisationId { get; private set; }
    public Guid ToBoundaryId { get; private set; }
    public ReferralOrders Orders { get; private set; }
    public string Question { get; private set; } = "";
    public DateOnly SentOn { get; private set; }
    public DateOnly ExpectedReportOn { get; private set; }
    public DateTime SentAt { get; private set; }
    public Guid SentByUserId { get; private set; }
    public ReferralState State { get; private set; }
    public DateTime? AnsweredAt { get; private set; }
    public Guid? AnsweredByUserId { get; private set; }
    public string? DeclineReason { get; private set; }
    public DateTime? ReportedAt { get; private set; }
    public Guid? ReportedByUserId { get; private set; }
    public string? ReportWhatWasDone { get; private set; }
    public string? ReportAttendanceSummary { get; private set; }
    public string? ReportResult { get; private set; }
    public string? ReportRecommendation { get; private set; }
    public List<ThreePartyMeeting> Meetings { get; private set; } = [];

    public static Referral Send(Guid participantId, Guid fromOrganisationId, Guid fromBoundaryId, Guid? fromCaseId, Guid toOrganisationId,
        Guid toBoundaryId, ReferralOrders orders, string question, DateOnly sentOn, DateOnly expectedReportOn, Guid by, DateTime now)
    {
        if (expectedReportOn < sentOn)
        {
            throw new ValidationException("expectedReportOn", "Datum för återrapport kan inte ligga före remissens datum.");
        }

        return new Referral
        {
            Id = Guid.NewGuid(), ParticipantId = participantId, FromOrganisationId = fromOrganisationId, FromBoundaryId = fromBoundaryId,
            FromCaseId = fromCaseId, ToOrganisationId = toOrganisationId, ToBoundaryId = toBoundaryId, Orders = orders,
            Question = question.Trim(), SentOn = sentOn, ExpectedReportOn = expectedReportOn, SentAt = now, SentByUserId = by,
            State = ReferralState.Sent,
        };
    }

    public bool IsOpen => State is ReferralState.Sent or ReferralState.Accepted;

    /// <summary>
    /// How many of <paramref name="referrals"/> (the same participant's, this one included when present) ordered any of
    /// the same things, were sent no later than <paramref name="referral"/> and within the lock-in period before it.
    /// </summary>
    public static int SimilarWithinLockInPeriod(Referral referral, IEnumerable<Referral> referrals) => referrals.Count(o =>
        (o.Orders & referral.Orders) != 0 && o.SentAt <= referral.SentAt && o.SentOn >= referral.SentOn.AddMonths(-LockInMonths));

    public bool IsReportOverdue(DateOnly today) => IsOpen && ExpectedReportOn < today;

    public void Accept(Guid by, DateTime now)
    {
        Require(ReferralState.Sent, "Bara en skickad remiss kan accepteras.");
        State = ReferralState.Accepted;
        AnsweredAt = now;
        AnsweredByUserId = by;
    }

    public void Decline(string reason, Guid by, DateTime now)
    {
        Require(ReferralState.Sent, "Bara en skickad remiss kan avböjas.");
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 2000)
        {
            throw new ValidationException("reason", "Ange skälet till att remissen avböjs (högst 2000 tecken).");
        }

        State = ReferralState.Declined;
        DeclineReason = reason.Trim();
        AnsweredAt = now;
        AnsweredByUserId = by;
    }

    public void Report(string whatWasDone, string attendanceSummary, string result, string recommendation, Guid by, DateTime now)
    {
        Require(ReferralState.Accepted, "Återrapport skrivs på en accepterad remiss.");
        var errors = new Dictionary<string, string[]>();
        Check(errors, "whatWasDone", whatWasDone, "Beskriv vad som har gjorts");
        Check(errors, "result", result, "Beskriv resultatet");
        Check(errors, "recommendation", recommendation, "Ge en rekommendation");
        if (attendanceSummary?.Length > 4000)
        {
            errors["attendanceSummary"] = ["Närvarosammanfattningen får vara högst 4000 tecken."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        State = ReferralState.Reported;
        ReportWhatWasDone = whatWasDone.Trim();
        ReportAttendanceSummary = attendanceSummary?.Trim();
        ReportResult = result.Trim();
        ReportRecommendation = recommendation.Trim();
        ReportedAt = now;
        ReportedByUserId = by;
    }

    public ThreePartyMeeting RecordMeeting(DateTime heldAt, string attendees, string notes, Guid by, DateTime now)
    {
        if (State is ReferralState.Declined)
        {
            throw new ConflictException("En avböjd remiss har inga trepartssamtal.");
        }

        var errors = new Dictionary<string, string[]>();
        Check(errors, "attendees", attendees, "Ange vilka som deltog");
        Check(errors, "notes", notes, "Skriv vad som sades och beslutades");
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        var meeting = new ThreePartyMeeting
        {
            Id = Guid.NewGuid(), ReferralId = Id, HeldAt = heldAt, Attendees = attendees.Trim(), Notes = notes.Trim(), RecordedByUserId = by, RecordedAt = now,
        };
        Meetings.Add(meeting);
        return meeting;
    }

    private void Require(ReferralState expected, string message)
    {
        if (State != expected)
        {
            throw new ConflictException($"{message} Remissen är {EnumText.Label(State).ToLowerInvariant()}.");
        }
    }

    private static void Check(Dictionary<string, string[]> errors, string field, string? text, string message)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > 4000)
        {
            errors[field] = [$"{message} (högst 4000 tecken)."];
        }
    }
}

/// <summary>Trepartssamtal: the person, the social secretary and the job-centre coordinator.</summary>
public class ThreePartyMeeting
{
    public Guid Id { get; set; }
    public Guid ReferralId { get; set; }
    public DateTime HeldAt { get; set; }
    public string Attendees { get; set; } = "";
    public string Notes { get; set; } = "";
    public Guid RecordedByUserId { get; set; }
    public DateTime RecordedAt { get; set; }
}
