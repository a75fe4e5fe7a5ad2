using Arbetsvagen.Features.Users;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Account;

public sealed record TokenRequest(string? UserName, string? Password, string? TotpCode);

public static class AuthApi
{
    public static void MapAuthApi(this RouteGroupBuilder api) =>
        api.MapPost("/auth/token", IssueToken).WithTags("Inloggning");

    public static void MapMeApi(this RouteGroupBuilder api) =>
        api.MapGet("/me", async (CurrentUser user, AppDbContext db, CancellationToken ct) =>
        {
            var me = await db.Users.Where(u => u.Id == user.Id)
                .Select(u => new { u.Id, u.UserName, u.DisplayName, u.OrganisationId, u.TwoFactorEnabled }).FirstAsync(ct);
            var organisation = await db.Organisations.Where(o => o.Id == me.OrganisationId).Select(o => o.Name).FirstAsync(ct);
            return Results.Ok(new
            {
                me.Id,
                me.UserName,
                me.DisplayName,
                me.OrganisationId,
                OrganisationName = organisation,
                user.SecrecyBoundaryId,
                user.Roles,
                me.TwoFactorEnabled,
            });
        }).WithTags("Inloggning");

    private static async Task<IResult> IssueToken(TokenRequest request, SignInManager<AppUser> signIn, DemoOptions demo)
    {
        var users = signIn.UserManager;
        var result = await PasswordCheck.CheckAsync(users, request.UserName, request.Password);
        if (result.User is not { } user)
        {
            return Unauthorized("Fel användarnamn eller lösenord.");
        }

        if (user.TwoFactorEnabled)
        {
            var code = (request.TotpCode ?? "").Replace(" ", "", StringComparison.Ordinal);
            if (code.Length == 0 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            {
                await users.AccessFailedAsync(user);
                return Unauthorized("Koden från autentiseringsappen saknas eller är fel.");
            }
        }
        else if (!demo.Enabled)
        {
            return Unauthorized("Tvåfaktorsinloggning måste aktiveras i webbgränssnittet innan API:t kan användas.");
        }

        await users.ResetAccessFailedCountAsync(user);
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return Results.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static IResult Unauthorized(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Inloggningen misslyckades", detail: detail);
}

/// <summary>
/// Password check with lockout that answers the same, in about the same time, for an unknown user, a wrong
/// password, a disabled account and a locked-out account.
/// </summary>
public static class PasswordCheck
{
    private static readonly string DummyHash = new PasswordHasher<AppUser>().HashPassword(new AppUser(), "inte-ett-riktigt-lösenord");

    public sealed record Result(AppUser? User);

    public static async Task<Result> CheckAsync(UserManager<AppUser> users, string? userName, string? password)
    {
        var user = string.IsNullOrWhiteSpace(userName) ? null : await users.FindByNameAsync(userName.Trim());
        if (user is null || user.IsDisabled)
        {
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash, password ?? "");
            return new Result(null);
        }

        if (await users.IsLockedOutAsync(user))
        {
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyHash, password ?? "");
            return new Result(null);
        }

        if (!await users.CheckPasswordAsync(user, password ?? ""))
        {
            await users.AccessFailedAsync(user);
            return new Result(null);
        }

        return new Result(user);
    }
}
