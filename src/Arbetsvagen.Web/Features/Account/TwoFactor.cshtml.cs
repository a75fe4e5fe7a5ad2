using Arbetsvagen.Infrastructure.Demo;
using System.Text;
using Arbetsvagen.Features.Users;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Account;

public class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, DemoOptions demo, UserStatusCache statuses) : PageModel
{
    [BindProperty] public string? Code { get; set; }
    public bool Enabled { get; private set; }
    public bool Required => !demo.Enabled;
    public string FormattedKey { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Användaren saknas.");
        var code = (Code ?? "").Replace(" ", "", StringComparison.Ordinal);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "Koden stämmer inte. Kontrollera att klockan i telefonen går rätt och försök igen.");
            await LoadAsync();
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        statuses.Forget(user.Id);
        await signIn.RefreshSignInAsync(user);
        TempData["Message"] = "Tvåfaktorsinloggning är aktiverad.";
        return RedirectToPage();
    }

    private async Task LoadAsync()
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("Användaren saknas.");
        Enabled = user.TwoFactorEnabled;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key renews the security stamp; refresh the sign-in so this session survives the stamp check.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        var formatted = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            formatted.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        FormattedKey = formatted.ToString().Trim().ToLowerInvariant();
        AuthenticatorUri = $"otpauth://totp/Arbetsv%C3%A4gen:{Uri.EscapeDataString(user.UserName!)}?secret={key}&issuer=Arbetsv%C3%A4gen&digits=6";
    }
}
