using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Arbetsvagen.Features.Employers;

/// <summary>
/// The public form's rate limit: a few posts per client address in a window (configuration "PublicForm:PermitLimit"
/// and "PublicForm:WindowMinutes", default 5 per 10 minutes). Reading the form is never limited. A refused post gets
/// 429 with a page in Swedish that says when to try again.
/// </summary>
public static class PublicFormLimits
{
    public const string Policy = "public-form";

    public const string RejectedPage = """
        <!DOCTYPE html>
        <html lang="sv"><head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>För många försök – Arbetsvägen</title><link rel="stylesheet" href="/css/site.css" /></head>
        <body><main id="main" tabindex="-1"><h1>För många försök</h1>
        <p>Formuläret har skickats för många gånger från din uppkoppling. Vänta tio minuter och försök igen.</p>
        <p>Brådskar det? Ring kommunens växel och fråga efter arbetsmarknadsenheten.</p>
        <p><a href="/Public/Offer">Tillbaka till formuläret</a> · <a href="/Accessibility">Tillgänglighetsredogörelse</a></p></main></body></html>
        """;

    public static IServiceCollection AddPublicFormLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var permits = configuration.GetValue("PublicForm:PermitLimit", 5);
        var window = TimeSpan.FromMinutes(configuration.GetValue("PublicForm:WindowMinutes", 10));
        return services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, context => HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method)
                ? RateLimitPartition.GetNoLimiter("read")
                : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
            o.OnRejected = async (rejected, ct) =>
            {
                rejected.HttpContext.Response.ContentType = "text/html; charset=utf-8";
                rejected.HttpContext.Response.Headers.RetryAfter = ((int)window.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await rejected.HttpContext.Response.WriteAsync(RejectedPage, ct);
            };
        });
    }
}
