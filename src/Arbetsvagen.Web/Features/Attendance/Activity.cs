using System.ComponentModel.DataAnnotations;
using Arbetsvagen.Infrastructure;
using ValidationException = Arbetsvagen.Infrastructure.ValidationException;

namespace Arbetsvagen.Features.Attendance;

/// <summary>Days of the week; labelled in lower case, as Swedish writes them ("måndag, tisdag").</summary>
[Flags]
public enum Weekdays
{
    None = 0,
    [Display(Name = "måndag")] Monday = 1,
    [Display(Name = "tisdag")] Tuesday = 2,
    [Display(Name = "onsdag")] Wednesday = 4,
    [Display(Name = "torsdag")] Thursday = 8,
    [Display(Name = "fredag")] Friday = 16,
    [Display(Name = "lördag")] Saturday = 32,
    [Display(Name = "söndag")] Sunday = 64,
}

/// <summary>
/// A scheduled activity run by a unit (a job-search group, a placement it supervises, an SFI class), e.g.
/// 1 h/day Monday–Thursday. Participants take part through an activity in their action plan that links
/// here; the running unit registers their attendance. The activity itself holds no personal data.
/// </summary>
public class Activity
{
    private Activity() { }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid BoundaryId { get; private set; }
    public ActivityKind Kind { get; private set; }
    public string Name { get; private set; } = "";
    public string? Place { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public Weekdays Days { get; private set; }
    public decimal HoursPerDay { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid CreatedByUserId { get; private set; }

    public static Activity Schedule(Guid organisationId, Guid boundaryId, ActivityKind kind, string name, string? place, DateOnly startsOn,
        DateOnly endsOn, Weekdays days, decimal hoursPerDay, Guid by, DateTime now)
    {
        var errors = new Dictionary<string, string[]>();
        var trimmedName = name.Trim();
        if (trimmedName.Length == 0)
        {
            errors["name"] = ["Ange aktivitetens namn."];
        }
        else if (trimmedName.Length > 200)
        {
            // Not Input.Text: "namn" is neuter ("för långt").
            errors["name"] = [$"Aktivitetens namn är för långt: högst 200 tecken, nu {trimmedName.Length}."];
        }

        var trimmedPlace = Input.Text(errors, "place", place, "platsen", 200, required: false);
        if (endsOn < startsOn)
        {
            errors["endsOn"] = ["Slutdatum kan inte ligga före startdatum."];
        }

        if (days == Weekdays.None)
        {
            errors["days"] = ["Välj minst en veckodag."];
        }

        if (hoursPerDay is <= 0 or > 12)
        {
            errors["hoursPerDay"] = ["Timmar per dag ska vara mer än 0 och högst 12."];
        }

        if (errors.Count > 0)
        {
            throw new ValidationException(errors);
        }

        return new Activity
        {
            Id = Guid.NewGuid(), OrganisationId = organisationId, BoundaryId = boundaryId, Kind = kind, Name = trimmedName, Place = trimmedPlace, StartsOn = startsOn, EndsOn = endsOn, Days = days,
            HoursPerDay = hoursPerDay, CreatedAt = now, CreatedByUserId = by,
        };
    }

    public static Weekdays DayOf(DateOnly date) => (Weekdays)(1 << (((int)date.DayOfWeek + 6) % 7));

    public bool IsScheduledOn(DateOnly date) => StartsOn <= date && date <= EndsOn && Days.HasFlag(DayOf(date));

    /// <summary>The scheduled days from <paramref name="from"/> to <paramref name="to"/>, both included.</summary>
    public IEnumerable<DateOnly> ScheduledDays(DateOnly from, DateOnly to)
    {
        for (var d = from < StartsOn ? StartsOn : from; d <= to && d <= EndsOn; d = d.AddDays(1))
        {
            if (Days.HasFlag(DayOf(d)))
            {
                yield return d;
            }
        }
    }
}

public enum AttendanceStatus
{
    [Display(Name = "Närvarande")] Present,
    [Display(Name = "Frånvarande")] Absent,
}

public enum AbsenceReason
{
    [Display(Name = "Sjuk")] Sick,
    [Display(Name = "Giltig frånvaro")] Valid,
    [Display(Name = "Ogiltig frånvaro")] Invalid,
    [Display(Name = "Okänd orsak")] Unknown,
}

/// <summary>
/// A participant's presence or absence at an activity on one day, registered by the running unit. A later
/// registration for the same day replaces the earlier one (the register is corrected, not appended);
/// the access log keeps who changed it.
/// </summary>
public class AttendanceRecord
{
    private AttendanceRecord() { }

    public Guid Id { get; private set; }
    public Guid ActivityId { get; private set; }
    public Guid ParticipantId { get; private set; }
    public DateOnly Date { get; private set; }
    public AttendanceStatus Status { get; private set; }
    public AbsenceReason? AbsenceReason { get; private set; }
    public decimal Hours { get; private set; }
    public DateTime RegisteredAt { get; private set; }
    public Guid RegisteredByUserId { get; private set; }

    public static AttendanceRecord Register(Activity activity, Guid participantId, DateOnly date, AttendanceStatus status, AbsenceReason? reason,
        decimal? hours, Guid by, DateTime now)
    {
        var record = new AttendanceRecord { Id = Guid.NewGuid(), ActivityId = activity.Id, ParticipantId = participantId, Date = date };
        record.Change(activity, status, reason, hours, by, now);
        return record;
    }

    public void Change(Activity activity, AttendanceStatus status, AbsenceReason? reason, decimal? hours, Guid by, DateTime now)
    {
        if (status == AttendanceStatus.Absent && reason is null)
        {
            throw new ValidationException("absenceReason", "Ange orsak till frånvaron (sjuk, giltig, ogiltig eller okänd).");
        }

        if (hours is < 0 || hours > activity.HoursPerDay)
        {
            throw new ValidationException("hours", $"Närvarotiden ska vara mellan 0 och {activity.HoursPerDay.ToString("0.##", System.Globalization.CultureInfo.GetCultureInfo("sv-SE"))} timmar.");
        }

        Status = status;
        AbsenceReason = status == AttendanceStatus.Absent ? reason : null;
        Hours = status == AttendanceStatus.Present ? hours ?? activity.HoursPerDay : 0;
        RegisteredAt = now;
        RegisteredByUserId = by;
    }
}
