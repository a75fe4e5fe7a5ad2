using Arbetsvagen.Infrastructure.Demo;
using Arbetsvagen.Features.SignInProviders;
using System.Reflection;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Account;

public sealed record TokenRequest(string? UserName, string? Password, string? TotpCode);

/// <summary>The signed-in user as GET /api/v1/me answers: who, where, in which roles.</summary>
public sealed record MeDto(Guid Id, string UserName, string DisplayName, Guid OrganisationId, string OrganisationName, Guid SecrecyBoundaryId,
    IReadOnlyList<string> Roles, bool TwoFactorEnabled);

/// <summary>401 from the token endpoint: the sign-in failed (the same answer for every reason that names no account).</summary>
public sealed class SignInFailedProblem(string detail) : ProblemAnswer(new ProblemDetails
{
    Status = StatusCodes.Status401Unauthorized,
    Title = "Inloggningen misslyckades",
    Detail = detail,
}), IEndpointMetadataProvider
{
    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) => Describe(builder, StatusCodes.Status401Unauthorized);
}

public static class AuthApi
{
    public static void MapAuthApi(this RouteGroupBuilder api) =>
        api.MapPost("/auth/token", IssueToken).WithTags("Inloggning")
            .WithSummary("Logga in och få en åtkomsttoken (bearer)")
            .Produces<AccessTokenResponse>(StatusCodes.Status200OK)
            .RequireRateLimiting(SignInLimits.Policy)
            .ProducesValidationProblem(); // a body that cannot be read answers 400 (ProblemExceptionHandler)

    public static void MapMeApi(this RouteGroupBuilder api) =>
        api.MapGet("/me", Me).WithTags("Inloggning").WithSummary("Den inloggade användaren: organisation, sekretessgräns och roller");

    private static async Task<Results<Ok<MeDto>, NotFoundProblem>> Me(CurrentUser user, AppDbContext db, CancellationToken ct) =>
        (await MeAsync(user, db, ct)).ToOk(me => me);

    /// <summary>The signed-in user's own record; not found when the account was removed after the token was issued.</summary>
    public static async Task<Outcome<MeDto>> MeAsync(CurrentUser user, AppDbContext db, CancellationToken ct)
    {
        var me = await db.Users.Where(u => u.Id == user.Id)
            .Select(u => new { u.Id, u.UserName, u.DisplayName, u.OrganisationId, u.TwoFactorEnabled }).FirstOrDefaultAsync(ct);
        if (me is null)
        {
            return Outcome.NotFound();
        }

        var organisation = await db.Organisations.Where(o => o.Id == me.OrganisationId).Select(o => o.Name).FirstAsync(ct);
        return new MeDto(me.Id, me.UserName!, me.DisplayName, me.OrganisationId, organisation, user.SecrecyBoundaryId, user.Roles,
            me.TwoFactorEnabled);
    }

    private static async Task<Results<SignInHttpResult, SignInFailedProblem>> IssueToken(TokenRequest request, SignInManager<AppUser> signIn,
        DemoOptions demo, PasswordSignInPolicy policy)
    {
        var users = signIn.UserManager;
        var result = await PasswordCheck.CheckAsync(users, request.UserName, request.Password);
        if (result.User is not { } user)
        {
            return Unauthorized("Fel användarnamn eller lösenord.");
        }

        // Only after the right password: the account's organisation signs in through its identity provider (ADR 0028).
        var decision = await policy.CheckAsync(user);
        if (!decision.Allowed)
        {
            await policy.RecordAsync(user, decision, "API");
            return Unauthorized(decision.ApiMessage);
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
        await policy.RecordAsync(user, decision, "API");
        var principal = await signIn.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }

    private static SignInFailedProblem Unauthorized(string detail) => new(detail);
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
