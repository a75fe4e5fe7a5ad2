using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;

namespace Arbetsvagen.Features.Employers;

/// <summary>What the create and edit pages share: the employer's fields, the owner choices, and how a refusal is shown.</summary>
public abstract class EmployerFormPage(EmployerWork work) : PageModel
{
    protected EmployerWork Work => work;

    [BindProperty] public EmployerInput Employer { get; set; } = new();
    public List<SelectListItem> Owners { get; private set; } = [];
    /// <summary>The collaborations to choose among when creating, shown only when there is more than one.</summary>
    public List<SelectListItem> Collaborations { get; private set; } = [];

    /// <summary>Whether the form chooses the collaboration (creating; an employer stays in its collaboration).</summary>
    protected virtual bool ChoosesCollaboration => false;

    protected async Task LoadOwnersAsync(CancellationToken ct)
    {
        Owners = (await work.OwnerChoicesAsync(ct)).Select(o => new SelectListItem(o.Name, o.Id.ToString(), o.Id == Employer.OwnerOrganisationId)).ToList();
        if (ChoosesCollaboration)
        {
            Collaborations = [new("Välj samverkan …", ""), .. (await work.CollaborationChoicesAsync(ct)).Select(c => new SelectListItem(c.Name, c.Id.ToString()))];
        }
    }

    /// <summary>Success goes to the employer's page; a refusal shows the form again with every message at its field.</summary>
    protected async Task<IActionResult> AnswerAsync(Outcome<Employer> outcome, string message, CancellationToken ct)
    {
        if (outcome.Value is { } saved)
        {
            TempData["Message"] = message;
            return Redirect($"/Employers/Details/{saved.Id}");
        }

        var failure = outcome.Failure!;
        ViewData.KeepErrorOrder(failure);
        if (failure.Extensions?.GetValueOrDefault("existingPage") is string existing)
        {
            ViewData["Existing"] = existing;
        }

        if (ModelState.Show(failure) is { } status)
        {
            return status;
        }

        await LoadOwnersAsync(ct);
        return Page();
    }
}
