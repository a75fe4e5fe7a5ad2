using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Kaa;

/// <summary>One import: its progress while it runs (reload the page), its counts and the report of changes.</summary>
public class ImportReportModel(KaaWork work) : PageModel
{
    public KaaImport Import { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if ((await work.ReadImportAsync(id, ct)).Value is not { } import)
        {
            return NotFound();
        }

        Import = import;
        return Page();
    }
}
