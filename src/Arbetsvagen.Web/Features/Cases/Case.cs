using System.ComponentModel.DataAnnotations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;
using ValidationException = Arbetsvagen.Infrastructure.ValidationException;

namespace Arbetsvagen.Features.Cases;

public enum CaseState
{
    [Display(Name = "Aktualiserad")] Actualised,
    [Display(Name = "Inskriven")] Enrolled,
    [Display(Name = "Pågående")] Ongoing,
    [Display(Name = "Avslutad")] Closed,
}

public enum IntakeSource
{
    [Display(Name = "Socialtjänsten / kundtjänst")] SocialServices,
    [Display(Name = "Arbetsförmedlingen")] EmploymentService,
    [Display(Name = "Kommunala aktivitetsansvaret")] Kaa,
    [Display(Name = "Personen själv")] Self,
    [Display(Name = "Annan")] Other,
}

public enum CaseOutcome
{
    [Display(Name = "Arbete utan subvention")] UnsubsidisedWork,
    [Display(Name = "Subventionerat arbete")] SubsidisedWork,
    [Display(Name = "Studier")] Studies,
    [Display(Name = "Annan försörjning")] OtherIncome,
    [Display(Name = "Flyttat")] Moved,
    [Display(Name = "Avbrott")] Dropout,
    [Display(Name = "Okänt")] Unknown,
}

public enum EmploymentForm
{
    [Display(Name = "Tillsvidare")] Permanent,
    [Display(Name = "Visstid")] FixedTerm,
    [Display(Name = "Extratjänst")] ExtraJob,
    [Display(Name = "Nystartsjobb")] NewStartJob,
    [Display(Name = "Introduktionsjobb")] IntroductionJob,
    [Display(Name = "Lönebidrag")] WageSubsidy,
    [Display(Name = "Annan")] Other,
}

public enum StudyForm
{
    [Display(Name = "Komvux")] Komvux,
    [Display(Name = "Folkhögskola")] FolkHighSchool,
    [Display(Name = "Yrkesvux")] VocationalAdultEducation,
    [Display(Name = "Högskola")] University,
    [Display(Name = "Annan")] Other,
}

/// <summary>Where the person is when followed up after closure.</summary>
public enum FollowUpStatus
{
    [Display(Name = "I arbete utan subvention")] UnsubsidisedWork,
    [Display(Name = "I subventionerat arbete")] SubsidisedWork,
    [Display(Name = "Studerar")] Studies,
    [Display(Name = "Arbetssökande")] JobSeeking,
    [Display(Name = "Ekonomiskt bistånd")] SocialAssistance,
    [Display(Name = "Annan försörjning")] OtherIncome,
    [Display(Name = "Gick inte att nå")] NotReached,
}

/// <summary>
/// One unit's case (ärende) for a participant: aktualiserad → inskriven → pågående → avslutad. Each transition
/// is a method that refuses an illegal move (409) and appends a history row.
/// </summary>
public class Case
{
    private Case() { }

    public Guid Id { get; private set; }
    public Guid ParticipantId { get; private set; }
    /// <summary>The unit holding the case, and its secrecy boundary.</summary>
    public Guid OrganisationId { get; private set; }
    public Guid BoundaryId { get; private set; }
    public CaseState State { get; private set; }
    public IntakeSource Source { get; private set; }
    public DateOnly OpenedOn { get; private set; }
    public string Reason { get; private set; } = "";
    public DateOnly? EnrolledOn { get; private set; }
    public string? CheckInSchedule { get; private set; }
    public Guid? AfRegistrationConsentId { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public CaseOutcome? Outcome { get; private set; }
    public EmploymentForm? EmploymentForm { get; private set; }
    public StudyForm? StudyForm { get; private set; }
    public IncomeSource? IncomeBefore { get; private set; }
    public IncomeSource? IncomeAfter { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    public List<CaseStateChange> History { get; private set; } = [];
    public List<CaseFollowUp> FollowUps { get; private set; } = [];

    public static Case Open(Guid participantId, Guid organisationId, Guid boundaryId, IntakeSource source, DateOnly openedOn,
        string reason, IncomeSource? incomeBefore, Guid by, DateTime now)
    {
        var c = new Case
        {
            Id = Guid.NewGuid(),
            ParticipantId = participantId,
            OrganisationId = organisationId,
            BoundaryId = boundaryId,
            State = CaseState.Actualised,
            Source = source,
            OpenedOn = openedOn,
            Reason = reason.Trim(),
            IncomeBefore = incomeBefore,
            CreatedAt = now,
            CreatedByUserId = by,
        };
        c.History.Add(new CaseStateChange(c.Id, null, CaseState.Actualised, by, now, $"Aktualiserad från {EnumText.Label(source).ToLowerInvariant()}"));
        return c;
    }

    /// <summary>Inskrivning: needs the consent that lets the unit check the person's registration at Arbetsförmedlingen.</summary>
    public void Enrol(DateOnly on, string checkInSchedule, Guid afRegistrationConsentId, Guid by, DateTime now)
    {
        Require(CaseState.Actualised, "Bara ett aktualiserat ärende kan skrivas in.");
        if (on < OpenedOn)
        {
            throw new ValidationException("enrolledOn", $"Inskrivningsdatum kan inte ligga före aktualiseringen ({OpenedOn:yyyy-MM-dd}).");
        }

        if (on > SwedishTime.Today(now))
        {
            throw new ValidationException("enrolledOn", "Inskrivningsdatum kan inte ligga i framtiden.");
        }

        EnrolledOn = on;
        CheckInSchedule = checkInSchedule.Trim();
        AfRegistrationConsentId = afRegistrationConsentId;
        Move(CaseState.Enrolled, by, now, $"Inskriven {on:yyyy-MM-dd}");
    }

    public void Start(Guid by, DateTime now)
    {
        Require(CaseState.Enrolled, "Bara ett inskrivet ärende kan bli pågående.");
        Move(CaseState.Ongoing, by, now, null);
    }

    public void Close(DateOnly on, CaseOutcome outcome, EmploymentForm? employmentForm, StudyForm? studyForm, IncomeSource? incomeAfter,
        Guid by, DateTime now)
    {
        if (State == CaseState.Closed)
        {
            throw new ConflictException("Ärendet är redan avslutat.");
        }

        if (on < OpenedOn)
        {
            throw new ValidationException("closedOn", "Avslutsdatum kan inte ligga före aktualiseringen.");
        }

        ClosedOn = on;
        Outcome = outcome;
        EmploymentForm = outcome is CaseOutcome.UnsubsidisedWork or CaseOutcome.SubsidisedWork ? employmentForm : null;
        StudyForm = outcome == CaseOutcome.Studies ? studyForm : null;
        IncomeAfter = incomeAfter;
        Move(CaseState.Closed, by, now, $"Avslutad: {EnumText.Label(outcome).ToLowerInvariant()}");
    }

    public static readonly int[] FollowUpMonths = [3, 6, 12];

    public const int MaxFollowUpNoteLength = 2000;

    /// <summary>Follow-up dates after closure: 3, 6 and 12 months.</summary>
    public IEnumerable<DateOnly> FollowUpDates() => ClosedOn is { } closed ? FollowUpMonths.Select(m => closed.AddMonths(m)) : [];

    /// <summary>
    /// Records the outcome of the 3-, 6- or 12-month follow-up; each is recorded once, between its due date (closure +
    /// months) and today. Before the due date only when <paramref name="confirmEarly"/> says so: a 3-month follow-up on
    /// the day of closure is almost always the wrong row chosen, not an early call.
    /// </summary>
    public CaseFollowUp RecordFollowUp(int months, DateOnly on, FollowUpStatus status, IncomeSource? income, string? note, bool confirmEarly,
        Guid by, DateTime now)
    {
        if (State != CaseState.Closed)
        {
            throw new ConflictException("Uppföljning görs efter att ärendet har avslutats.");
        }

        if (!FollowUpMonths.Contains(months))
        {
            throw new ValidationException("months", "Uppföljning görs 3, 6 eller 12 månader efter avslut.");
        }

        if (FollowUps.Any(f => f.Months == months))
        {
            throw new ConflictException($"Uppföljningen efter {months} månader är redan registrerad.");
        }

        var closed = ClosedOn!.Value;
        if (on < closed)
        {
            throw new ValidationException("followedUpOn", $"Uppföljningsdatum kan inte ligga före avslutet ({closed:yyyy-MM-dd}).");
        }

        if (on > SwedishTime.Today(now))
        {
            throw new ValidationException("followedUpOn", "Uppföljningsdatum kan inte ligga i framtiden.");
        }

        var due = closed.AddMonths(months);
        if (on < due && !confirmEarly)
        {
            throw new ValidationException("followedUpOn", $"Uppföljningen efter {months} månader ska göras tidigast {due:yyyy-MM-dd}. "
                + "Ändra uppföljningsdatum, eller bekräfta att uppföljningen görs i förtid.");
        }

        if (note?.Trim().Length > MaxFollowUpNoteLength)
        {
            throw new ValidationException("note", $"Anteckningen får vara högst {MaxFollowUpNoteLength} tecken.");
        }

        var followUp = new CaseFollowUp(Id, months, due, on, status, income, note, by, now);
        FollowUps.Add(followUp);
        return followUp;
    }

    private void Require(CaseState expected, string message)
    {
        if (State != expected)
        {
            throw new ConflictException($"{message} Ärendet är {Said(State)}.");
        }
    }

    /// <summary>The state as said of "ärendet", which is neuter: "ärendet är inskrivet", where the label says "Inskriven".</summary>
    private static string Said(CaseState state) => state switch
    {
        CaseState.Actualised => "aktualiserat",
        CaseState.Enrolled => "inskrivet",
        CaseState.Ongoing => "pågående",
        _ => "avslutat",
    };

    private void Move(CaseState to, Guid by, DateTime now, string? note)
    {
        History.Add(new CaseStateChange(Id, State, to, by, now, note));
        State = to;
    }
}

public class CaseStateChange
{
    private CaseStateChange() { }

    public CaseStateChange(Guid caseId, CaseState? from, CaseState to, Guid by, DateTime at, string? note)
    {
        Id = Guid.NewGuid();
        CaseId = caseId;
        From = from;
        To = to;
        ByUserId = by;
        At = at;
        Note = note;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public CaseState? From { get; private set; }
    public CaseState To { get; private set; }
    public Guid ByUserId { get; private set; }
    public DateTime At { get; private set; }
    public string? Note { get; private set; }
}

public class CaseFollowUp
{
    private CaseFollowUp() { }

    public CaseFollowUp(Guid caseId, int months, DateOnly dueOn, DateOnly followedUpOn, FollowUpStatus status, IncomeSource? income, string? note,
        Guid by, DateTime at)
    {
        Id = Guid.NewGuid();
        CaseId = caseId;
        Months = months;
        DueOn = dueOn;
        FollowedUpOn = followedUpOn;
        Status = status;
        IncomeSource = income;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        RecordedByUserId = by;
        RecordedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid CaseId { get; private set; }
    public int Months { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateOnly FollowedUpOn { get; private set; }
    public FollowUpStatus Status { get; private set; }
    public IncomeSource? IncomeSource { get; private set; }
    public string? Note { get; private set; }
    public Guid RecordedByUserId { get; private set; }
    public DateTime RecordedAt { get; private set; }
}
