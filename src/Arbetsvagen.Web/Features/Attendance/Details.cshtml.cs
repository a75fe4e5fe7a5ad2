using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Attendance;

public class DetailsModel(AttendanceWork work, AppDbContext db, TimeProvider clock) : PageModel
{
    public Activity? Activity { get; private set; }
    public bool RunsHere { get; private set; }
    public string OrganisationName { get; private set; } = "";
    public List<ActivityParticipant> Participants { get; private set; } = [];
    public string Today => SwedishTime.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Activity = await work.FindAsync(id, ct);
        if (Activity is null)
        {
            return NotFound();
        }

        RunsHere = work.RunsHere(Activity);
        Participants = await work.ParticipantsAsync(Activity, ct);
        OrganisationName = await db.Organisations.Where(o => o.Id == Activity.OrganisationId).Select(o => o.Name).FirstAsync(ct);
        return Page();
    }
}
