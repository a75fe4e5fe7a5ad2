using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Placements;

/// <summary>Books a participant, found by personnummer among those the user may see; the plan gets the activity.</summary>
public class BookModel(PlacementWork work) : PageModel
{
    [BindProperty] public BookingInput Form { get; set; } = new() { HoursPerWeek = "40" };
    public PlacementView? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct))
        {
            return NotFound();
        }

        var first = View!.Placement.Periods.Where(p => p.EndsOn >= SwedishTime.Today(DateTime.UtcNow)).OrderBy(p => p.StartsOn).FirstOrDefault();
        Form.StartsOn ??= first is null ? null : Ui.Date(first.StartsOn);
        Form.EndsOn ??= first is null ? null : Ui.Date(first.EndsOn);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        Form.ParticipantId = null; // the form names the person by personnummer only
        var booked = await work.BookAsync(id, Form, ct);
        if (booked.Failure is { } failure)
        {
            ModelState.Clear();
            ViewData.KeepErrorOrder(failure);
            return ModelState.Show(failure) ?? (await LoadAsync(id, ct) ? Page() : NotFound());
        }

        TempData["Message"] = "Deltagaren är bokad och praktiken är inlagd i handlingsplanen.";
        return Redirect($"/Placements/{id}/Bookings/{booked.Value!.Id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        View = (await work.ReadAsync(id, ct)).Value;
        return View is not null;
    }
}
