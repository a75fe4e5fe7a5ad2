using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Kaa;

/// <summary>
/// The file for SCB: the checks SCB runs on upload are run here first and what fails is listed, with links to fix it;
/// the file can be downloaded when nothing fails (the same use case as <c>GET /api/v1/kaa/exports/scb</c>).
/// </summary>
public class ExportModel(KaaWork work) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReferenceDate { get; set; }
    public ScbExport? Check { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!work.IsKaaOfficer)
        {
            return NotFound();
        }

        var today = SwedishTime.Today(DateTime.UtcNow);
        ReferenceDate ??= today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var errors = new Dictionary<string, string[]>();
        if (Input.Date(errors, "referenceDate", ReferenceDate, "referensdatum") is { } date && errors.Count == 0)
        {
            Check = (await work.ScbCheckAsync(date, ct)).Value;
        }

        ModelState.AddErrors(errors, "");
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        var outcome = await work.ScbExportAsync(ReferenceDate, ct);
        return outcome.Failure switch
        {
            null => File(System.Text.Encoding.UTF8.GetBytes(outcome.Value!.Csv), "text/csv; charset=utf-8", outcome.Value.FileName),
            { Kind: OutcomeKind.Forbidden } => NotFound(),
            _ => Redirect($"/Kaa/Export?referenceDate={Uri.EscapeDataString(ReferenceDate ?? "")}"),
        };
    }
}
