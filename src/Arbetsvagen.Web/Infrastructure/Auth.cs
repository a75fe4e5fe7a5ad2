using Arbetsvagen.Infrastructure.Demo;
using Microsoft.AspNetCore.Authentication;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Arbetsvagen.Infrastructure;

public static class Policies
{
    public const string Api = "api";
    public const string Administrator = "administrator";
}

public sealed record UserStatus(bool Exists, bool IsDisabled, bool TwoFactorEnabled);

/// <summary>
/// The account state every request checks. Cached for 30 s so that a disabled user, a revoked token and a
/// removed session all stop working within a minute, even on another instance; this instance forgets at once.
/// </summary>
public sealed class UserStatusCache(IMemoryCache cache, IServiceScopeFactory scopes)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async Task<UserStatus> GetAsync(Guid userId) =>
        (await cache.GetOrCreateAsync(Key(userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.IsDisabled, u.TwoFactorEnabled }).FirstOrDefaultAsync();
            return user is null ? new UserStatus(false, true, false) : new UserStatus(true, user.IsDisabled, user.TwoFactorEnabled);
        }))!;

    public void Forget(Guid userId) => cache.Remove(Key(userId));

    private static string Key(Guid userId) => $"user-status:{userId}";
}

public sealed class UserStatusMiddleware(RequestDelegate next)
{
    private static readonly string[] EnrolmentPaths = ["/Account/TwoFactor", "/Account/Logout", "/Error"];

    public async Task InvokeAsync(HttpContext context, UserStatusCache statuses, DemoOptions demo)
    {
        var isApi = context.Request.Path.StartsWithSegments("/api");
        var principal = context.User;
        if (isApi)
        {
            // The API acts only on the bearer token (never a cookie), so that is the principal to check.
            // UseAuthentication only ran the default (cookie) scheme; the handler caches this result for the request.
            var bearer = await context.AuthenticateAsync(IdentityConstants.BearerScheme);
            principal = bearer.Succeeded ? bearer.Principal : new ClaimsPrincipal(new ClaimsIdentity());
        }

        if (principal.Identity?.IsAuthenticated == true
            && Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            var status = await statuses.GetAsync(userId);
            if (!status.Exists || status.IsDisabled)
            {
                if (!isApi)
                {
                    await context.RequestServices.GetRequiredService<SignInManager<AppUser>>().SignOutAsync();
                    context.Response.Redirect("/Account/Login");
                    return;
                }

                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            // Outside demo mode every staff account must use two-factor sign-in before it can do anything; a federated
            // sign-in has its second factor at the organisation's identity provider (ADR 0024).
            if (!demo.Enabled && !status.TwoFactorEnabled && !isApi
                && !principal.HasClaim(AppClaims.SignInMethod, AppClaims.FederatedSignIn)
                && !EnrolmentPaths.Any(p => context.Request.Path.StartsWithSegments(p)))
            {
                context.Response.Redirect("/Account/TwoFactor");
                return;
            }
        }

        await next(context);
    }
}
