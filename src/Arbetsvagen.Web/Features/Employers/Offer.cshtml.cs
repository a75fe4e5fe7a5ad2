using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.RateLimiting;

namespace Arbetsvagen.Features.Employers;

/// <summary>
/// The public form (no login): an employer reports a competence need or offers a placement, which lands as an
/// incoming need for the collaboration's coordinators. Checked on the server, limited per client address
/// (<see cref="PublicFormLimits.Policy"/>), antiforgery-protected, and with a honeypot field: a post that fills it
/// in is answered as if it were received, and discarded.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(PublicFormLimits.Policy)]
public class OfferModel(PublicNeedIntake intake, ILogger<OfferModel> logger) : PageModel
{
    public const string Received = "Tack! Vi har tagit emot din anmälan. En samordnare hör av sig inom fem arbetsdagar.";

    [BindProperty] public PublicNeedInput Form { get; set; } = new();
    /// <summary>The honeypot: named like a field a robot fills in, hidden from people and from assistive technology.</summary>
    [BindProperty] public string? Website { get; set; }
    public List<SelectListItem> Municipalities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(Website))
        {
            // Answered like a success, so that the robot learns nothing; nothing is saved. No sender data in the log.
            logger.LogInformation("Public employer form: a post with the honeypot filled in was discarded.");
            TempData["Message"] = Received;
            return Redirect("/Public/Offer");
        }

        var outcome = await intake.SubmitPublicAsync(Form, ct);
        if (outcome.Failure is { } failure)
        {
            ViewData.KeepErrorOrder(failure);
            ModelState.Show(failure);
            await LoadAsync(ct);
            return Page();
        }

        TempData["Message"] = Received;
        return Redirect("/Public/Offer");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Municipalities = EmployerOptions.Municipalities(Form.MunicipalityCode, await intake.PublicMunicipalitiesAsync(ct));
}
