using System.ComponentModel.DataAnnotations;
using Arbetsvagen.Infrastructure;
using ValidationException = Arbetsvagen.Infrastructure.ValidationException;

namespace Arbetsvagen.Features.Governance;

public enum ActionItemStatus
{
    [Display(Name = "Ej påbörjad")] Open,
    [Display(Name = "Pågår")] Ongoing,
    [Display(Name = "Klar")] Done,
    [Display(Name = "Struken")] Cancelled,
}

public enum CycleEventKind
{
    [Display(Name = "Prioriteringsmöte")] PriorityMeeting,
    [Display(Name = "Workshop")] Workshop,
    [Display(Name = "Sista dag för återrapportering")] ReportingDeadline,
    [Display(Name = "Rapport")] Report,
    [Display(Name = "Möte")] Meeting,
    [Display(Name = "Annat")] Other,
}

/// <summary>A point on the activity list (aktivitetslista): one owner, a due date, a status, and where it came from.</summary>
public class ActionItem
{
    public const int MaxTitle = 300;

    private ActionItem() { }

    public Guid Id { get; private set; }
    public Guid CollaborationId { get; private set; }
    public string Title { get; private set; } = "";
    public Guid OwnerUserId { get; private set; }
    public DateOnly DueOn { get; private set; }
    public ActionItemStatus Status { get; private set; }
    public Guid? MeetingId { get; private set; }
    public Guid? FocusAreaId { get; private set; }
    public DateOnly CreatedOn { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    public DateTime? ClosedAt { get; private set; }

    public bool IsOpen => Status is ActionItemStatus.Open or ActionItemStatus.Ongoing;

    public bool IsOverdue(DateOnly today) => IsOpen && DueOn < today;

    public static ActionItem Create(Guid collaborationId, string title, Guid ownerUserId, DateOnly dueOn, Guid? meetingId, Guid? focusAreaId, Guid by,
        DateTime now)
    {
        var today = SwedishTime.Today(now);
        if (dueOn < today)
        {
            throw new ValidationException("dueOn", $"Sista dag kan inte ligga före dagen punkten skapas ({Ui.Date(today)}).");
        }

        return new ActionItem
        {
            Id = Guid.NewGuid(), CollaborationId = collaborationId, Title = title, OwnerUserId = ownerUserId, DueOn = dueOn, Status = ActionItemStatus.Open,
            MeetingId = meetingId, FocusAreaId = focusAreaId, CreatedOn = today, CreatedAt = now, CreatedByUserId = by,
        };
    }

    public void SetStatus(ActionItemStatus status, DateTime now)
    {
        Status = status;
        ClosedAt = IsOpen ? null : now;
    }
}

/// <summary>An event of the annual cycle (årshjul): the priority meeting, workshops, reporting deadlines, the report "Läget i länet".</summary>
public class CycleEvent
{
    public const int MaxTitle = 200;
    public const int MaxDescription = 2000;

    private CycleEvent() { }

    public Guid Id { get; private set; }
    public Guid CollaborationId { get; private set; }
    public string Title { get; private set; } = "";
    public CycleEventKind Kind { get; private set; }
    public DateOnly Date { get; private set; }
    /// <summary>Comes back on the same date every year (RRULE:FREQ=YEARLY in the calendar export).</summary>
    public bool RecursYearly { get; private set; }
    public string? Description { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public static CycleEvent Create(Guid collaborationId, string title, CycleEventKind kind, DateOnly date, bool recursYearly, string? description,
        DateTime now) => new()
        {
            Id = Guid.NewGuid(), CollaborationId = collaborationId, Title = title, Kind = kind, Date = date, RecursYearly = recursYearly,
            Description = description, CreatedAt = now,
        };

    /// <summary>The date it falls on in <paramref name="year"/>, if it does (29 February falls on the 28th in other years).</summary>
    public DateOnly? On(int year) =>
        !RecursYearly ? (Date.Year == year ? Date : null)
        : year < Date.Year ? null
        : new DateOnly(year, Date.Month, Math.Min(Date.Day, DateTime.DaysInMonth(year, Date.Month)));
}
