using System.Globalization;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.JobTracks;

/// <summary>Interkommunal ersättning per municipality pair for a period: the same report as GET /api/v1/compensation, and its CSV.</summary>
public class CompensationModel(JobTrackWork work, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    public CompensationReport? Report { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = SwedishTime.Today(clock);
        From ??= new DateOnly(today.Year, 1, 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        To ??= new DateOnly(today.Year, 12, 31).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var report = await work.CompensationAsync(From, To, ct);
        Report = report.Value;
        if (report.Failure is { } failure)
        {
            ModelState.Show(failure);
        }
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var report = await work.CompensationAsync(From, To, ct);
        if (report.Value is not { } r)
        {
            await OnGetAsync(ct);
            return Page();
        }

        return File(r.ToCsv(), "text/csv; charset=utf-8", $"interkommunal-ersattning-{r.From:yyyy-MM-dd}-{r.To:yyyy-MM-dd}.csv");
    }
}
