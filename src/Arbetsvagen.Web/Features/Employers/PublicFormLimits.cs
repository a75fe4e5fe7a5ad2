using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Employers;

/// <summary>
/// The public form's rate limit: a few posts per client address in a window ("RateLimits:PublicForm:PermitLimit" and
/// "RateLimits:PublicForm:WindowSeconds", default 5 per 10 minutes). Reading the form is never limited. A refused post
/// gets 429 with a page in Swedish that says when to try again (<see cref="RequestLimits"/>).
/// </summary>
public static class PublicFormLimits
{
    public const string Policy = "PublicForm";

    public static IServiceCollection AddPublicFormLimits(this IServiceCollection services, IConfiguration configuration) =>
        services.AddPostsPerAddressLimit(configuration, Policy, permits: 5, window: TimeSpan.FromMinutes(10));
}
