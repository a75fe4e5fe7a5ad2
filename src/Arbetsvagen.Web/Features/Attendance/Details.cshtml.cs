using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Attendance;

public class DetailsModel(AttendanceWork work, TimeProvider clock) : PageModel
{
    public ActivityRead? Read { get; private set; }
    public Activity Activity => Read!.Activity;
    public bool RunsHere => Read!.RunsHere;
    public string OrganisationName => Read!.Organiser;
    public List<ActivityParticipant> Participants => Read?.Participants ?? [];
    public string Today => SwedishTime.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var outcome = await work.ReadAsync(id, ct);
        Read = outcome.Value;
        return outcome.Failure is { } failure ? ModelState.Show(failure)! : Page();
    }
}
