using Microsoft.Net.Http.Headers;

namespace Arbetsvagen.Infrastructure;

/// <summary>
/// What every answer tells the browser (ADR 0016): cookies only over HTTPS when the request came over HTTPS, HSTS in
/// Production, and on every page, API answer, static file and error the same security headers — a
/// Content-Security-Policy that allows only the app's own scripts and stylesheets (no inline script or style) and no
/// framing, no MIME sniffing, no referrer, and no access to the device's sensors, camera or microphone.
/// </summary>
public static class TransportSecurity
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), " +
        "midi=(), payment=(), usb=()";

    /// <summary>
    /// Production serves only over HTTPS: either Kestrel listens on https (ASPNETCORE_URLS, HTTPS_PORTS or a Kestrel
    /// endpoint) or a trusted proxy (ForwardedHeaders__KnownProxies/KnownNetworks) terminates TLS and forwards the
    /// scheme. Without either, cookies and tokens would travel in clear text, so the app does not start.
    /// </summary>
    public static void RefuseProductionWithoutHttps(IConfiguration configuration, IHostEnvironment environment)
    {
        if (!environment.IsProduction() || ServesHttps(configuration) || HasTrustedProxy(configuration))
        {
            return;
        }

        throw new InvalidOperationException(
            "Produktionsläget kräver HTTPS: låt appen lyssna på https (ASPNETCORE_URLS=https://…, ASPNETCORE_HTTPS_PORTS eller Kestrel__Endpoints) " +
            "eller ange den omvända proxy som avslutar TLS och skickar X-Forwarded-Proto (ForwardedHeaders__KnownProxies eller ForwardedHeaders__KnownNetworks).");
    }

    private static bool ServesHttps(IConfiguration configuration) =>
        (configuration["urls"] ?? "").Contains("https://", StringComparison.OrdinalIgnoreCase)
        || !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").GetChildren()
            .Any(e => (e["Url"] ?? "").StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    private static bool HasTrustedProxy(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["ForwardedHeaders:KnownProxies"])
        || !string.IsNullOrWhiteSpace(configuration["ForwardedHeaders:KnownNetworks"]);

    public static IServiceCollection AddTransportSecurity(this IServiceCollection services) => services
        // Every cookie (sign-in, antiforgery, TempData, two-factor) is Secure when its request came over HTTPS, also
        // when a trusted proxy says so; over plain http (development) it must stay usable.
        .Configure<CookiePolicyOptions>(o => o.Secure = CookieSecurePolicy.SameAsRequest)
        .AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = false; // the municipality's other hosts are not ours to decide
        });

    /// <summary>
    /// The security headers on every answer. Set when the response starts, so that answers written by the exception
    /// handler, status pages, the rate limiter and static files carry them too. First in the pipeline.
    /// </summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(static state =>
        {
            var headers = ((HttpContext)state).Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = PermissionsPolicy;
            headers.XFrameOptions = "DENY"; // frame-ancestors for browsers that predate it
            // What is made for the user is never kept in the browser's or a proxy's cache (a shared computer at an office
            // would keep participants' pages); static files, which carry Last-Modified, keep their own caching.
            if (!headers.ContainsKey(HeaderNames.CacheControl) && !headers.ContainsKey(HeaderNames.LastModified))
            {
                headers.CacheControl = "no-store";
            }
            return Task.CompletedTask;
        }, context);
        return next(context);
    });
}
