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
        var (user, errors) = await admin.CreateAsync(Input, ct);
        if (user is null)
        {
            ModelState.AddErrors(errors, "Input");
            await LoadAsync(ct);
            return Page();
        }

        TempData["Message"] = $"Användaren {user.UserName} är skapad.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostDisableAsync(Guid userId, CancellationToken ct) => await SetAsync(userId, true, ct);

    public async Task<IActionResult> OnPostEnableAsync(Guid userId, CancellationToken ct) => await SetAsync(userId, false, ct);

    private async Task<IActionResult> SetAsync(Guid userId, bool disabled, CancellationToken ct)
    {
        try
        {
            if (!await admin.SetDisabledAsync(userId, disabled, ct))
            {
                return NotFound();
            }
        }
        catch (ConflictException e)
        {
            TempData["Message"] = e.Message;
            return RedirectToPage();
        }

        TempData["Message"] = disabled ? "Kontot är avstängt. Pågående inloggningar upphör inom en minut." : "Kontot är aktiverat.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Users = await admin.ListAsync(ct);
        var scope = admin.ScopeOrganisationIds();
        Organisations = await db.Organisations.AsNoTracking().Where(o => scope.Contains(o.Id)).OrderBy(o => o.Name).ToListAsync(ct);
    }
}
