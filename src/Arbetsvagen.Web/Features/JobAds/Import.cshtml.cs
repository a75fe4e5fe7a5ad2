using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.JobAds;

/// <summary>
/// One import's progress and its report of bad lines. Without JavaScript a link shows the latest progress; with it, the
/// status card is fetched again every two seconds until the import is done (no meta refresh: WCAG 2.2.1).
/// </summary>
public class ImportModel(JobAdWork work) : PageModel
{
    public ImportReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if ((await work.ImportAsync(id, ct)).Value is not { } report)
        {
            return NotFound();
        }

        Report = report;
        return Page();
    }
}
