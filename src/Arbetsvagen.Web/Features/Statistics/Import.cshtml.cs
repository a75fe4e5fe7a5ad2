using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Statistics;

/// <summary>One import's result (<c>GET /api/v1/statistics/imports/{id}</c>).</summary>
public class ImportModel(TargetGroupWork work) : PageModel
{
    public ImportResult Result { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if ((await work.ReadImportAsync(id, ct)).Value is not { } result)
        {
            return NotFound();
        }

        Result = result;
        return Page();
    }
}
