using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Placements;

/// <summary>
/// One placement: where and what, the supervisor (the page's read is logged), the requirement profile, periods with
/// their utilisation over the dates chosen, the bookings of participants the user may see, the history, and for the
/// managing unit the status moves.
/// </summary>
public class DetailsModel(PlacementWork work, AppDbContext db) : ActionPage(db)
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    public PlacementView? View { get; private set; }
    public List<BookingView> Bookings { get; private set; } = [];
    public Utilisation? Utilisation { get; private set; }
    public int HiddenBookings { get; private set; }
    public List<PlacementEvent> History { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostStatusAsync(Guid id, string? status, CancellationToken ct) =>
        await Answer(id, await work.ChangeStatusAsync(id, new StatusInput { Status = status }, ct), "Statusen är ändrad.", prefix: "", ct);

    protected override Task<bool> ReloadAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    protected override string PathFor(Guid id) => $"/Placements/Details/{id}";

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if ((await work.ReadAsync(id, ct)).Value is not { } view)
        {
            return false;
        }

        View = view;
        Bookings = (await work.BookingsAsync(id, ct)).Value ?? [];
        var all = await Db.PlacementBookings.AsNoTracking().CountAsync(b => b.PlacementId == id && b.Outcome != BookingOutcome.Cancelled, ct);
        HiddenBookings = all - Bookings.Count(b => b.Booking.Counts);
        var utilisation = await work.UtilisationAsync(id, From, To, ct);
        if (utilisation.Failure is { Errors: { } errors })
        {
            ModelState.AddErrors(errors.ToDictionary(), "");
        }

        Utilisation = utilisation.Value;
        History = await Db.Set<PlacementEvent>().AsNoTracking().Where(e => e.PlacementId == id).OrderByDescending(e => e.At).Take(50).ToListAsync(ct);
        return true;
    }
}
