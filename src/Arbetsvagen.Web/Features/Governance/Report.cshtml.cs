using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Governance;

/// <summary>The yearly report-back as a page, with the collaboration as sender; the same as a PDF (ReportPdf).</summary>
public class ReportModel(YearWork year) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }

    public ReportBack? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? collaborationId, CancellationToken ct)
    {
        Report = (await year.ReportBackAsync(collaborationId, Year is { } y and >= 2000 and <= 2100 ? y : year.Today.Year, ct)).Value;
        return Report is null ? NotFound() : Page();
    }
}
