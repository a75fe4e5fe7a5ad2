namespace Arbetsvagen.Features.Attendance;

/// <summary>
/// A participant booked onto a scheduled activity from <see cref="From"/> to <see cref="To"/>. <see cref="Attends"/> is
/// false for a booking that was cancelled or interrupted: the person is then expected on no day, but still belongs to the
/// activity's history.
/// </summary>
public sealed record Booking(Guid ParticipantId, Guid ActivityId, DateOnly From, DateOnly To, bool Attends)
{
    public bool TakesPartOn(DateOnly date) => Attends && From <= date && date <= To;
}

/// <summary>
/// Who is booked onto scheduled activities. Attendance needs to know who to expect, but the bookings are made elsewhere
/// (a participant's action plan links its activities here), so Attendance asks through this port and the feature that
/// books implements it: the dependency runs from ActionPlans to Attendance, never back.
/// </summary>
public interface IActivityBookings
{
    /// <summary>Every booking onto the activity, whoever it is for; access to the people is decided by the caller.</summary>
    Task<List<Booking>> OntoAsync(Guid activityId, CancellationToken ct);

    /// <summary>Every booking of one participant.</summary>
    Task<List<Booking>> OfAsync(Guid participantId, CancellationToken ct);
}
