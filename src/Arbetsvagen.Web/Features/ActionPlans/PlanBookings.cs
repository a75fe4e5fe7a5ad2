using Arbetsvagen.Features.Attendance;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.ActionPlans;

/// <summary>
/// The bookings Attendance asks for (<see cref="IActivityBookings"/>): the plan activities that link to a scheduled
/// activity. A plan activity takes part while planned, ongoing or completed (<see cref="PlanActivity.TakesPartOn"/>).
/// </summary>
public sealed class PlanBookings(AppDbContext db) : IActivityBookings
{
    public Task<List<Booking>> OntoAsync(Guid activityId, CancellationToken ct) => BookingsAsync(a => a.ActivityId == activityId, null, ct);

    public Task<List<Booking>> OfAsync(Guid participantId, CancellationToken ct) => BookingsAsync(a => a.ActivityId != null, participantId, ct);

    private async Task<List<Booking>> BookingsAsync(System.Linq.Expressions.Expression<Func<PlanActivity, bool>> linked, Guid? participantId,
        CancellationToken ct)
    {
        var plans = db.ActionPlans.AsNoTracking().Where(p => participantId == null || p.ParticipantId == participantId);
        var rows = await (from p in plans
                          from a in db.Set<PlanActivity>().Where(linked)
                          where a.PlanId == p.Id
                          select new { p.ParticipantId, ActivityId = a.ActivityId!.Value, a.StartsOn, a.EndsOn, a.Status }).ToListAsync(ct);
        return rows.Select(r => new Booking(r.ParticipantId, r.ActivityId, r.StartsOn, r.EndsOn, PlanActivity.Attends(r.Status))).ToList();
    }
}
