using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Retention;

/// <summary>One culling run: what the preview listed, approval or cancellation, and the progress while it runs.</summary>
[Authorize(Policy = Policies.Administrator)]
public class RunModel(RetentionWork work) : PageModel
{
    public RunDto Run { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if ((await work.ReadAsync(id, ct)).Value is not { } run)
        {
            return NotFound();
        }

        Run = run;
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) => await ChangeAsync(id, await work.ApproveAsync(id, ct),
        "Gallringen är godkänd och körs nu.", ct);

    public async Task<IActionResult> OnPostCancelAsync(Guid id, CancellationToken ct) => await ChangeAsync(id, await work.CancelAsync(id, ct),
        "Gallringen är avbruten. Ingenting har gallrats.", ct);

    private async Task<IActionResult> ChangeAsync(Guid id, Outcome<RunDto> outcome, string message, CancellationToken ct)
    {
        if (outcome.Failure is { } failure)
        {
            if (ModelState.Show(failure) is { } status)
            {
                return status;
            }

            return await OnGetAsync(id, ct);
        }

        TempData["Message"] = message;
        return Redirect($"/Retention/Runs/{id}");
    }
}
