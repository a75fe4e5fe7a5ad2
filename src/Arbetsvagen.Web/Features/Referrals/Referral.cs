using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
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
    public const int MaxText = 4000;
    public const int MaxDeclineReason = 2000;

    /// <summary>"The unit is the referral's sender or its receiver": the one rule, for queries and in memory alike.</summary>
    private static readonly Expression<Func<Referral, Guid, bool>> PartyRule = (r, boundary) => r.FromBoundaryId == boundary || r.ToBoundaryId == boundary;
    private static readonly Func<Referral, Guid, bool> IsParty = PartyRule.Compile();

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

    /// <summary>Referrals that the secrecy boundary sent or received, as a query filter (EF sends the boundary as a parameter).</summary>
    public static Expression<Func<Referral, bool>> HasParty(Guid boundary)
    {
        Expression<Func<Guid>> value = () => boundary;
        var body = new ParameterReplacer(PartyRule.Parameters[1], value.Body).Visit(PartyRule.Body);
        return Expression.Lambda<Func<Referral, bool>>(body, PartyRule.Parameters[0]);
    }

    /// <summary>Whether the secrecy boundary sent or received this referral: <see cref="HasParty"/> in memory.</summary>
    public bool HasPartyIn(Guid boundary) => IsParty(this, boundary);

    public bool IsReceivedBy(Guid boundary) => ToBoundaryId == boundary;

    /// <summary>The rule for the agreed report date (null when it holds): the use case checks it with the other fields, Send again.</summary>
    public static string? ExpectedReportProblem(DateOnly sentOn, DateOnly expectedReportOn) => expectedReportOn < sentOn
        ? $"Datum för återrapporten kan inte ligga före remissens datum ({sentOn:yyyy-MM-dd})."
        : null;

    public static Referral Send(Guid participantId, Guid fromOrganisationId, Guid fromBoundaryId, Guid? fromCaseId, Guid toOrganisationId,
        Guid toBoundaryId, ReferralOrders orders, string question, DateOnly sentOn, DateOnly expectedReportOn, Guid by, DateTime now)
    {
        if (ExpectedReportProblem(sentOn, expectedReportOn) is { } problem)
        {
            throw new ValidationException("expectedReportOn", problem);
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
        var errors = new Dictionary<string, string[]>();
        var text = Input.Text(errors, "reason", reason, "anledningen till att remissen avböjs", MaxDeclineReason);
        ThrowIfAny(errors);
        State = ReferralState.Declined;
        DeclineReason = text;
        AnsweredAt = now;
        AnsweredByUserId = by;
    }

    public void Report(string whatWasDone, string attendanceSummary, string result, string recommendation, Guid by, DateTime now)
    {
        Require(ReferralState.Accepted, "Återrapport skrivs på en accepterad remiss.");
        // In the order of the report form, so that the error summary reads top to bottom.
        var errors = new Dictionary<string, string[]>();
        var done = Input.Text(errors, "whatWasDone", whatWasDone, "beskrivningen av vad som har gjorts", MaxText);
        var attendance = Input.Text(errors, "attendanceSummary", attendanceSummary, "närvarosammanfattningen", MaxText, required: false);
        var outcome = Input.Text(errors, "result", result, "beskrivningen av resultatet", MaxText);
        var advice = Input.Text(errors, "recommendation", recommendation, "rekommendationen", MaxText);
        ThrowIfAny(errors);
        State = ReferralState.Reported;
        ReportWhatWasDone = done;
        ReportAttendanceSummary = attendance;
        ReportResult = outcome;
        ReportRecommendation = advice;
        ReportedAt = now;
        ReportedByUserId = by;
    }

    /// <summary>
    /// Records a meeting. <paramref name="errors"/> may already hold the caller's message about the time, so that one
    /// answer names every bad field; throws if there are any.
    /// </summary>
    public ThreePartyMeeting RecordMeeting(DateTime heldAt, string? attendees, string? notes, Guid by, DateTime now,
        Dictionary<string, string[]>? errors = null)
    {
        if (State is ReferralState.Declined)
        {
            throw new ConflictException("En avböjd remiss har inga trepartssamtal.");
        }

        errors ??= [];
        var who = Input.Text(errors, "attendees", attendees, "listan över deltagare i samtalet", MaxText);
        var what = Input.Text(errors, "notes", notes, "anteckningen om vad som sades och beslutades", MaxText);
        ThrowIfAny(errors);
        var meeting = new ThreePartyMeeting
        {
            Id = Guid.NewGuid(), ReferralId = Id, HeldAt = heldAt, Attendees = who!, Notes = what!, RecordedByUserId = by, RecordedAt = now,
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

    private static void ThrowIfAny(Dictionary<string, string[]> errors)
    {
        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }
    }

    /// <summary>Puts the boundary's value where the rule's second parameter stood.</summary>
    private sealed class ParameterReplacer(ParameterExpression parameter, Expression value) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? value : base.VisitParameter(node);
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
