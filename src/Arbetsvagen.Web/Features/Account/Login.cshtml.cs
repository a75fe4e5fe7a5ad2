using Arbetsvagen.Features.SignInProviders;
using Arbetsvagen.Features.Users;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Account;

[AllowAnonymous]
[EnableRateLimiting(SignInLimits.Policy)]
public class LoginModel(SignInManager<AppUser> signIn, TimeProvider clock, SignInProviderWork providers, PasswordSignInPolicy policy) : PageModel
{
    public const string Failure = "Fel användarnamn eller lösenord.";

    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    /// <summary>Why a federated sign-in was refused (<see cref="FederatedSignIn.Refusal"/>), shown in Swedish.</summary>
    [BindProperty(SupportsGet = true, Name = "federated")] public string? FederatedRefusal { get; set; }
    public List<SignInChoice> Choices { get; private set; } = [];

    public async Task OnGetAsync()
    {
        if (FederatedSignIn.Message(FederatedRefusal) is { } message)
        {
            ModelState.AddModelError(string.Empty, message);
        }

        Choices = await providers.ChoicesAsync();
    }

    /// <summary>"Logga in via &lt;organisation&gt;": off to the organisation's identity provider, back through a landing page (ADR 0024).</summary>
    public async Task<IActionResult> OnPostFederatedAsync(Guid provider)
    {
        if ((await providers.ChoicesAsync()).FirstOrDefault(c => c.ProviderId == provider) is not { } choice)
        {
            return NotFound();
        }

        var back = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        return Challenge(new AuthenticationProperties { RedirectUri = $"/Account/Federated?ReturnUrl={Uri.EscapeDataString(back)}" }, choice.Scheme);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = string.IsNullOrWhiteSpace(UserName) ? null : await signIn.UserManager.FindByNameAsync(UserName.Trim());
        if (user is null || user.IsDisabled || await signIn.UserManager.IsLockedOutAsync(user))
        {
            // Same answer, and about the same work, as a wrong password.
            await PasswordCheck.CheckAsync(signIn.UserManager, null, Password);
            ModelState.AddModelError(string.Empty, Failure);
            Choices = await providers.ChoicesAsync();
            return Page();
        }

        // An organisation with an identity provider signs in there (ADR 0028). The password is still checked, with the
        // same lockout, and only a right password hears why: a wrong one gets the same answer as everywhere else.
        var decision = await policy.CheckAsync(user);
        if (!decision.Allowed)
        {
            var check = await signIn.CheckPasswordSignInAsync(user, Password ?? "", lockoutOnFailure: true);
            if (check.Succeeded)
            {
                await policy.RecordAsync(user, decision, "webb");
            }

            ModelState.AddModelError(string.Empty, check.Succeeded ? decision.PageMessage : Failure);
            Choices = await providers.ChoicesAsync();
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password ?? "", isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded || result.RequiresTwoFactor)
        {
            await policy.RecordAsync(user, decision, "webb");
        }

        if (result.RequiresTwoFactor)
        {
            // Page names carry the floor (/Features/Account/…); the address does not, so redirect by address.
            return Redirect(string.IsNullOrEmpty(ReturnUrl) ? "/Account/LoginWith2fa" : $"/Account/LoginWith2fa?ReturnUrl={Uri.EscapeDataString(ReturnUrl)}");
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError(string.Empty, Failure);
            Choices = await providers.ChoicesAsync();
            return Page();
        }

        if (await LockoutNotice.TakeAsync(signIn.UserManager, user, clock) is { } notice)
        {
            TempData["Message"] = notice;
        }

        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
