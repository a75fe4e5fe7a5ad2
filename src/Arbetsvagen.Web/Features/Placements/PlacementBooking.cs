using System.ComponentModel.DataAnnotations;
using Arbetsvagen.Features.ActionPlans;
using Arbetsvagen.Infrastructure;
using ValidationException = Arbetsvagen.Infrastructure.ValidationException;

namespace Arbetsvagen.Features.Placements;

/// <summary>How a booking ended; each sets the plan activity's status of the same name.</summary>
public enum BookingOutcome
{
    [Display(Name = "Genomförd")] Completed,
    [Display(Name = "Avbruten")] Interrupted,
    [Display(Name = "Inställd")] Cancelled,
}

/// <summary>
/// A participant booked into a placement for some dates within one of its periods. The booking is also an activity in
/// the participant's action plan (<see cref="PlanActivityId"/>), added and ended through the plan's own revision.
/// What the supervisor may know (name and dates) follows the participant's consent, recorded as
/// <see cref="SupervisorMayKnow"/>; nothing else about the participant is kept for the employer.
/// </summary>
public class PlacementBooking
{
    public const int MaxResult = 2000;

    private PlacementBooking()
    {
    }

    internal PlacementBooking(Guid placementId, Guid periodId, Guid participantId, DateOnly startsOn, DateOnly endsOn, decimal hoursPerWeek,
        bool supervisorMayKnow, Guid by, Guid byOrganisation, DateTime now)
    {
        Id = Guid.NewGuid();
        PlacementId = placementId;
        PeriodId = periodId;
        ParticipantId = participantId;
        StartsOn = startsOn;
        EndsOn = endsOn;
        HoursPerWeek = hoursPerWeek;
        SupervisorMayKnow = supervisorMayKnow;
        BookedByUserId = by;
        BookedByOrganisationId = byOrganisation;
        BookedAt = now;
    }

    public Guid Id { get; private set; }
    public Guid PlacementId { get; private set; }
    public Guid PeriodId { get; private set; }
    public Guid ParticipantId { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    public decimal HoursPerWeek { get; private set; }
    /// <summary>The participant consented to the supervisor knowing their name and these dates.</summary>
    public bool SupervisorMayKnow { get; private set; }
    public Guid? PlanActivityId { get; private set; }
    public Guid BookedByUserId { get; private set; }
    public Guid BookedByOrganisationId { get; private set; }
    public DateTime BookedAt { get; private set; }
    public BookingOutcome? Outcome { get; private set; }
    public DateOnly? EndedOn { get; private set; }
    public string? Result { get; private set; }
    public DateTime? EndedAt { get; private set; }
    public Guid? EndedByUserId { get; private set; }

    public bool IsEnded => Outcome is not null;

    /// <summary>Whether it takes a place: a cancelled booking does not.</summary>
    public bool Counts => Outcome != BookingOutcome.Cancelled;

    /// <summary>The last day it takes a place: the day it ended, if it ended early.</summary>
    public DateOnly EffectiveEndsOn => EndedOn ?? EndsOn;

    internal void LinkPlanActivity(Guid planActivityId) => PlanActivityId = planActivityId;

    /// <summary>
    /// Ends the booking with its result. A completed or interrupted booking ends on a day within its dates; a
    /// cancelled one (it never started) on the day it was cancelled, and frees its place. Ending twice is a conflict.
    /// </summary>
    public void End(BookingOutcome outcome, DateOnly endedOn, string result, Guid by, DateTime now)
    {
        if (IsEnded)
        {
            throw new ConflictException($"Bokningen är redan avslutad ({EnumText.Label(Outcome!.Value).ToLowerInvariant()} {Ui.Date(EndedOn)}).");
        }

        if (outcome != BookingOutcome.Cancelled && (endedOn < StartsOn || endedOn > EndsOn))
        {
            throw new ValidationException("endedOn", $"Slutdatum ska ligga inom bokningens datum {Ui.Date(StartsOn)}–{Ui.Date(EndsOn)}.");
        }

        Outcome = outcome;
        EndedOn = outcome == BookingOutcome.Cancelled ? null : endedOn;
        Result = result;
        EndedAt = now;
        EndedByUserId = by;
    }

    /// <summary>The plan activity's status for the booking's outcome.</summary>
    public static PlanActivityStatus PlanStatusOf(BookingOutcome outcome) => outcome switch
    {
        BookingOutcome.Completed => PlanActivityStatus.Completed,
        BookingOutcome.Interrupted => PlanActivityStatus.Interrupted,
        _ => PlanActivityStatus.Cancelled,
    };
}
