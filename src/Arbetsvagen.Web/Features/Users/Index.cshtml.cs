using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Users;

[Authorize(Policy = Policies.Administrator)]
public class IndexModel(UserAdministration admin, AppDbContext db) : PageModel
{
    [BindProperty] public UserInput Input { get; set; } = new();
    public List<UserDto> Users { get; private set; } = [];
    public List<Organisation> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var created = await admin.CreateAsync(Input, ct);
        if (created.Value is { } user)
        {
            TempData["Message"] = $"Användaren {user.UserName} är skapad.";
            return RedirectToPage();
        }

        return await ShowAsync(created.Failure!, "Input", ct);
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid userId, CancellationToken ct) => await SetAsync(userId, true, ct);

    public async Task<IActionResult> OnPostEnableAsync(Guid userId, CancellationToken ct) => await SetAsync(userId, false, ct);

    private async Task<IActionResult> SetAsync(Guid userId, bool disabled, CancellationToken ct)
    {
        ModelState.Clear(); // the create form's fields are not part of this post
        var changed = await admin.SetDisabledAsync(userId, disabled, ct);
        if (changed.Failure is { } failure)
        {
            return await ShowAsync(failure, "", ct);
        }

        TempData["Message"] = disabled ? "Kontot är avstängt. Pågående inloggningar upphör inom en minut." : "Kontot är aktiverat.";
        return RedirectToPage();
    }

    /// <summary>The refusal on the page (at its fields, or above the form); a user not found is a 404.</summary>
    private async Task<IActionResult> ShowAsync(Failure failure, string prefix, CancellationToken ct)
    {
        if (ModelState.Show(failure, prefix) is { } status)
        {
            return status;
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Users = await admin.ListAsync(ct);
        var scope = admin.ScopeOrganisationIds();
        Organisations = await db.Organisations.AsNoTracking().Where(o => scope.Contains(o.Id)).OrderBy(o => o.Name).ToListAsync(ct);
    }
}
