using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Governance;

/// <summary>The yearly report-back as a PDF download; logged as an export.</summary>
public class ReportPdfModel(YearWork year) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid? collaborationId, CancellationToken ct)
    {
        var y = int.TryParse(Request.Query["year"], out var asked) && asked is >= 2000 and <= 2100 ? asked : year.Today.Year;
        return (await year.ReportBackPdfAsync(collaborationId, y, ct)).Value is { } pdf ? File(pdf, "application/pdf", $"aterrapportering-{y}.pdf") : NotFound();
    }
}
