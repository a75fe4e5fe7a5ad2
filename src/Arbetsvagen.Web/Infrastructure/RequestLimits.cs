using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace Arbetsvagen.Infrastructure;

/// <summary>
/// Limits on the posts a stranger can repeat (sign-in, the token, public forms): a number of posts per client address
/// in a fixed window, set per policy in configuration ("RateLimits:{policy}:PermitLimit" and
/// "RateLimits:{policy}:WindowSeconds"). Reading (GET, HEAD) is never limited. The client address is the one
/// UseForwardedHeaders settled on, so behind a trusted proxy it is the visitor's, not the proxy's.
/// A refused request gets 429 with Retry-After: ProblemDetails in Swedish, or a Swedish page for a browser's form post.
/// </summary>
public static class RequestLimits
{
    public static IServiceCollection AddRequestLimits(this IServiceCollection services) => services.AddRateLimiter(o =>
    {
        o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        o.OnRejected = (rejected, ct) => RejectAsync(rejected.HttpContext, rejected.Lease, ct);
    });

    /// <summary>A policy of <paramref name="permits"/> posts per <paramref name="window"/> per client address, unless configured otherwise.</summary>
    public static IServiceCollection AddPostsPerAddressLimit(this IServiceCollection services, IConfiguration configuration, string policy,
        int permits, TimeSpan window)
    {
        var section = configuration.GetSection($"RateLimits:{policy}");
        var limit = new FixedWindowRateLimiterOptions
        {
            PermitLimit = section.GetValue("PermitLimit", permits),
            Window = TimeSpan.FromSeconds(section.GetValue("WindowSeconds", window.TotalSeconds)),
            QueueLimit = 0,
        };
        return services.Configure<RateLimiterOptions>(o => o.AddPolicy(policy, context =>
            HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => limit)));
    }

    private static async ValueTask RejectAsync(HttpContext context, RateLimitLease lease, CancellationToken ct)
    {
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var detail = $"För många försök från din uppkoppling. Vänta {InSwedish(seconds)} och försök igen.";

        if (!context.Request.Path.StartsWithSegments("/api") && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
        {
            // A person who posted a form gets a page, not JSON.
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(Page(detail, context.Request.Path), ct);
            return;
        }

        var problem = new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "För många försök", Detail = detail };
        if (!await context.RequestServices.GetRequiredService<IProblemDetailsService>()
                .TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
        {
            await context.Response.WriteAsync(detail, ct); // a client that accepts neither JSON nor HTML
        }
    }

    private static string InSwedish(int seconds) => seconds switch
    {
        1 => "en sekund",
        < 60 => $"{seconds} sekunder",
        < 120 => "en minut",
        _ => $"{(seconds + 59) / 60} minuter",
    };

    private static string Page(string detail, PathString path) => $"""
        <!DOCTYPE html>
        <html lang="sv"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>För många försök – Arbetsvägen</title><link rel="stylesheet" href="/css/site.css" /></head>
        <body><main id="main" tabindex="-1"><h1>För många försök</h1>
        <p>{WebUtility.HtmlEncode(detail)}</p>
        <p><a href="{WebUtility.HtmlEncode(path.ToUriComponent())}">Tillbaka till formuläret</a> · <a href="/Accessibility">Tillgänglighetsredogörelse</a></p></main></body></html>
        """;
}
