using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.ActionPlans;

/// <summary>The participant's own copy of the plan, to read together, print or download as PDF.</summary>
public class CopyModel(ActionPlanWork work) : PageModel
{
    public PlanCopy? Copy { get; private set; }
    public Guid ParticipantId { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Copy = (await work.CopyAsync(id, AccessAction.Read, ct)).Value;
        ParticipantId = id;
        return Copy is null ? NotFound() : Page();
    }
}
