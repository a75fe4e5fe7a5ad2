using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.SignInProviders;

[Authorize(Policy = Policies.Administrator)]
public class IndexModel(SignInProviderWork work, AppDbContext db, PasswordSignInPolicy policy) : PageModel
{
    [BindProperty] public SignInProviderInput Input { get; set; } = new() { UserClaim = EnumText.ApiName(SignInProviders.UserClaim.HsaId) };
    [BindProperty] public Guid? OrganisationId { get; set; }
    public List<SignInProviderDto> Providers { get; private set; } = [];
    public List<Organisation> Organisations { get; private set; } = [];
    public List<ReserveAccountDto> ReserveAccounts { get; private set; } = [];
    public List<ReserveAccountDto> ReserveCandidates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostSetAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (OrganisationId is not { } organisationId)
        {
            ModelState.AddModelError(nameof(OrganisationId), "Välj organisation.");
            await LoadAsync(ct);
            return Page();
        }

        var set = await work.SetAsync(organisationId, Input, ct);
        if (set.Value is { } provider)
        {
            TempData["Message"] = $"Identitetsleverantören för {provider.OrganisationName} är sparad.";
            return RedirectToPage();
        }

        return await ShowAsync(set.Failure!, ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid organisationId, CancellationToken ct)
    {
        ModelState.Clear(); // the form's fields are not part of this post
        var removed = await work.RemoveAsync(organisationId, ct);
        if (removed.Failure is { } failure)
        {
            return await ShowAsync(failure, ct);
        }

        TempData["Message"] = "Identitetsleverantören är borttagen. Organisationens användare loggar in med lösenord och tvåfaktor.";
        return RedirectToPage();
    }

    /// <summary>A reserve account (ADR 0028): an administrator who may sign in with password and two-factor despite the provider.</summary>
    public async Task<IActionResult> OnPostGrantReserveAsync(Guid? userId, CancellationToken ct)
    {
        ModelState.Clear();
        if (userId is null)
        {
            ModelState.AddModelError("ReserveUserId", "Välj en administratör.");
            await LoadAsync(ct);
            return Page();
        }

        var granted = await policy.GrantAsync(userId.Value, ct);
        if (granted.Failure is { } failure)
        {
            return await ShowAsync(failure, ct);
        }

        TempData["Message"] = $"{granted.Value!.UserName} är reservkonto och får logga in med lösenord och tvåfaktor.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostWithdrawReserveAsync(Guid userId, CancellationToken ct)
    {
        ModelState.Clear();
        var withdrawn = await policy.WithdrawAsync(userId, ct);
        if (withdrawn.Failure is { } failure)
        {
            return await ShowAsync(failure, ct);
        }

        TempData["Message"] = "Reservkontot är upphävt. Kontot loggar in via identitetsleverantören.";
        return RedirectToPage();
    }

    private async Task<IActionResult> ShowAsync(Failure failure, CancellationToken ct)
    {
        if (ModelState.Show(failure, "Input") is { } status)
        {
            return status;
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Providers = await work.ListAsync(ct);
        ReserveAccounts = await policy.ReserveAccountsAsync(ct);
        ReserveCandidates = await policy.CandidatesAsync(ct);
        var scope = work.ScopeOrganisationIds();
        Organisations = (await db.Organisations.AsNoTracking().Where(o => scope.Contains(o.Id)).ToListAsync(ct))
            .OrderBy(o => o.Name, SwedishCollation.Comparer).ToList();
    }
}
