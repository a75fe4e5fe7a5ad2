using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace Arbetsvagen.Features.Account;

/// <summary>
/// Tells an account's owner, once, on the first successful sign-in after a lockout, that the account was locked, when
/// and after how many failed attempts — someone may have tried their password. Identity keeps the end of the last
/// lockout after it has passed; the lockout began one lockout period before it, when the failures reached the limit.
/// The notice clears that end, so it is shown once.
/// </summary>
public static class LockoutNotice
{
    public static async Task<string?> TakeAsync(UserManager<AppUser> users, AppUser user, TimeProvider clock)
    {
        if (user.LockoutEnd is not { } end || end > clock.GetUtcNow())
        {
            return null;
        }

        var lockout = users.Options.Lockout;
        var lockedAt = end - lockout.DefaultLockoutTimeSpan;
        await users.SetLockoutEndDateAsync(user, null);
        return $"Ditt konto låstes {Ui.Time(lockedAt.UtcDateTime)} efter {lockout.MaxFailedAccessAttempts} misslyckade inloggningsförsök i rad " +
            $"och var låst i {lockout.DefaultLockoutTimeSpan.TotalMinutes:0} minuter. Var det inte du som försökte logga in? Kontakta din administratör.";
    }
}
