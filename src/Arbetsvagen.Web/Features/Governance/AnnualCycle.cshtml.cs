using System.Text;
using Arbetsvagen.Core.Organisations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Governance;

/// <summary>The annual cycle as a year view (month by month) and a list, and as an iCalendar file to subscribe to.</summary>
public class AnnualCycleModel(GovernanceWork work, YearWork year) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public Collaboration? Collaboration { get; private set; }
    public int ShownYear => Year is { } y and >= 2000 and <= 2100 ? y : year.Today.Year;
    public List<CycleEntry> Entries { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? collaborationId, CancellationToken ct)
    {
        Collaboration = await work.CollaborationAsync(collaborationId, ct);
        if (Collaboration is null)
        {
            return NotFound();
        }

        Entries = await year.CycleAsync(Collaboration.Id, ShownYear, ct);
        return Page();
    }

    /// <summary>The same file as GET /api/v1/annual-cycle.ics, for the signed-in browser.</summary>
    public async Task<IActionResult> OnGetCalendarAsync(CancellationToken ct) =>
        File(Encoding.UTF8.GetBytes(await year.CalendarAsync(ct)), "text/calendar; charset=utf-8", "arshjul.ics");
}
