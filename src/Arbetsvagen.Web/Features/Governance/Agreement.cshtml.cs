using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Governance;

/// <summary>One agreement: parties, period, purpose, target groups, the attachment's sections, and its versions.</summary>
public class AgreementModel(GovernanceWork work) : PageModel
{
    public AgreementShown? Shown { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Shown = (await work.AgreementAsync(id, ct)).Value;
        return Shown is null ? NotFound() : Page();
    }
}
