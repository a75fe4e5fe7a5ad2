using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Arbetsvagen.Features.Placements;

/// <summary>One booking: its dates, what the supervisor may be told (by the participant's consent), and the form that ends it with a result.</summary>
public class BookingModel(PlacementWork work, AppDbContext db) : ActionPage(db)
{
    [BindProperty] public EndBookingInput End { get; set; } = new();
    public Guid PlacementId { get; private set; }
    public PlacementView? Placement { get; private set; }
    public BookingView? Shown { get; private set; }
    private Guid bookingId;

    public async Task<IActionResult> OnGetAsync(Guid id, Guid bookingId, CancellationToken ct)
    {
        this.bookingId = bookingId;
        End.EndedOn = Ui.Date(SwedishTime.Today(DateTime.UtcNow));
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid bookingId, CancellationToken ct)
    {
        this.bookingId = bookingId;
        return await Answer(id, await work.EndBookingAsync(id, bookingId, End, ct), "Bokningen är avslutad och handlingsplanen uppdaterad.", prefix: "", ct);
    }

    protected override Task<bool> ReloadAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    protected override string PathFor(Guid id) => $"/Placements/{id}/Bookings/{bookingId}";

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        PlacementId = id;
        Shown = (await work.ReadBookingAsync(id, bookingId, ct)).Value;
        Placement = Shown is null ? null : (await work.ReadAsync(id, ct)).Value;
        return Placement is not null;
    }
}
