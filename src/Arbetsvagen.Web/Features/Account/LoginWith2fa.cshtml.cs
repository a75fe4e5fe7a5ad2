using Arbetsvagen.Features.Users;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(SignInLimits.Policy)]
public class LoginWith2faModel(SignInManager<AppUser> signIn, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/Account/Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded)
        {
            if (user is not null && await LockoutNotice.TakeAsync(signIn.UserManager, user, clock) is { } notice)
            {
                TempData["Message"] = notice;
            }

            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }

        ModelState.AddModelError(nameof(Code), result.IsLockedOut ? LoginModel.Failure : "Koden stämmer inte. Försök igen.");
        return Page();
    }
}
