using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Statistics;

/// <summary>A published overview, frozen as it was published (<c>GET /api/v1/statistics/target-groups/publications/{id}</c>).</summary>
public class PublicationModel(TargetGroupWork work) : PageModel
{
    public PublicationSummary Summary { get; private set; } = null!;
    public TargetGroupOverview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var outcome = await work.PublicationAsync(id, ct);
        if (outcome.Failure is not null)
        {
            return NotFound();
        }

        (Summary, Overview) = outcome.Value;
        return Page();
    }
}
