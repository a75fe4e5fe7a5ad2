using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Account;

/// <summary>
/// How many sign-in attempts one client address may make — the login form, its two-factor step and the API token
/// together — before it must wait ("RateLimits:SignIn:PermitLimit" and "RateLimits:SignIn:WindowSeconds", default 20
/// per minute: enough for an office behind one address at nine o'clock, too few to try passwords across accounts).
/// The per-account lockout (five failures, 15 minutes) stays beside it.
/// </summary>
public static class SignInLimits
{
    public const string Policy = "SignIn";

    public static IServiceCollection AddSignInLimits(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPostsPerAddressLimit(configuration, Policy, permits: 20, window: TimeSpan.FromMinutes(1));
}
