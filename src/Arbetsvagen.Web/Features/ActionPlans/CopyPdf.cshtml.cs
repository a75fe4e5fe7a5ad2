using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.ActionPlans;

/// <summary>The same copy as a PDF download; logged as an export.</summary>
public class CopyPdfModel(ActionPlanWork work) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        (await work.CopyAsync(id, AccessAction.Export, ct)).Value is { } copy
            ? File(copy.ToPdf(), "application/pdf", "din-plan.pdf")
            : NotFound();
}
