using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Account;

/// <summary>The signed-in user's personal API tokens: create one (shown once), see them, revoke them (ADR 0028).</summary>
public class ApiTokensModel(PersonalApiTokenWork work) : PageModel
{
    [BindProperty] public PersonalApiTokenInput Input { get; set; } = new() { Days = 30 };
    public List<PersonalApiTokenDto> Tokens { get; private set; } = [];
    /// <summary>The token just created, shown in this answer only.</summary>
    public CreatedPersonalApiToken? Created { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Tokens = await work.ListAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        var created = await work.CreateAsync(Input, ct);
        if (created.Failure is { } failure)
        {
            ViewData.KeepErrorOrder(failure, "Input");
            if (ModelState.Show(failure, "Input") is { } status)
            {
                return status;
            }
        }
        else
        {
            // The token is in this answer and nowhere else: not in a redirect, and (like every answer, UseSecurityHeaders) not stored.
            Created = created.Value;
            Input = new PersonalApiTokenInput { Days = Input.Days };
        }

        Tokens = await work.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        var revoked = await work.RevokeAsync(id, ct);
        if (revoked.Value is not { } token)
        {
            return NotFound();
        }

        TempData["Message"] = $"API-token ”{token.Name}” är återkallad och fungerar inte längre.";
        return RedirectToPage();
    }
}
