using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Arbetsvagen.Tests.Hardening;

/// <summary>
/// Every answer carries the security headers (ADR 0016): every GET route the app has, page or API, asked by a signed-in
/// user, and one request of each other kind (a form post, API writes, an error, a static file, a refused token).
/// </summary>
public sealed partial class SecurityHeadersTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Required = ["Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "Permissions-Policy"];

    [Fact]
    public async Task Every_get_route_of_pages_and_api_answers_with_the_security_headers()
    {
        var pages = (await PageSession.SignInAsync(app, "soc.taby")).Client;
        var api = await app.ClientFor("soc.taby");
        var routes = GetRoutes();
        Assert.True(routes.Count(r => r.StartsWith("/api/", StringComparison.Ordinal)) > 50, "Expected the API's GET routes.");
        Assert.True(routes.Count(r => !r.StartsWith("/api/", StringComparison.Ordinal)) > 50, "Expected the pages.");

        var missing = new List<string>();
        foreach (var route in routes)
        {
            var client = route.StartsWith("/api/", StringComparison.Ordinal) ? api : pages;
            using var response = await client.GetAsync(route, TestContext.Current.CancellationToken);
            missing.AddRange(Missing(response).Select(m => $"GET {route} ({(int)response.StatusCode}): {m}"));
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public async Task Other_methods_errors_static_files_and_refusals_carry_them_too()
    {
        var pages = await PageSession.SignInAsync(app, "soc.taby");
        var api = await app.ClientFor("soc.taby");
        var json = new StringContent("{}", Encoding.UTF8, "application/json");
        var requests = new (string What, Func<Task<HttpResponseMessage>> Send)[]
        {
            ("page form post", () => pages.PostAsync("/Participants/Create", "/Participants/Create", new() { ["Input.FirstName"] = "" })),
            ("page post without antiforgery", () => pages.Client.PostAsync("/Participants/Create", new FormUrlEncodedContent([]))),
            ("API POST", () => api.PostAsync("/api/v1/participants", json)),
            ("API PUT", () => api.PutAsync($"/api/v1/job-tracks/{Guid.NewGuid()}", json)),
            ("API DELETE", () => api.DeleteAsync($"/api/v1/employers/{Guid.NewGuid()}/contacts/{Guid.NewGuid()}")),
            ("API 415", () => api.PostAsync("/api/v1/participants", new StringContent("x", Encoding.UTF8, "text/plain"))),
            ("API 404", () => api.GetAsync("/api/v1/finns-inte")),
            ("API 401", () => app.Anonymous().GetAsync("/api/v1/participants")),
            ("token refused", () => app.RequestTokenAsync("soc.taby", "fel-lösenord")),
            ("page 404", () => pages.Client.GetAsync("/finns-inte")),
            ("login redirect", () => app.Anonymous().GetAsync("/Participants")),
            ("stylesheet", () => app.Anonymous().GetAsync("/css/site.css")),
            ("script", () => app.Anonymous().GetAsync("/js/occupation-picker.js")),
            ("public page", () => app.Anonymous().GetAsync("/Public")),
            ("OpenAPI", () => app.Anonymous().GetAsync("/openapi/v1.json")),
        };

        var missing = new List<string>();
        foreach (var (what, send) in requests)
        {
            using var response = await send();
            missing.AddRange(Missing(response).Select(m => $"{what} ({(int)response.StatusCode}): {m}"));
        }

        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public async Task The_policy_forbids_inline_script_and_style_and_framing()
    {
        using var response = await app.Anonymous().GetAsync("/Account/Login");
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();

        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("camera=()", response.Headers.GetValues("Permissions-Policy").Single(), StringComparison.Ordinal);
    }

    /// <summary>The markup itself has no inline script, event handler or style for the policy to refuse.</summary>
    [Fact]
    public void No_page_has_inline_script_handlers_or_styles()
    {
        var repository = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(repository.FullName, "Arbetsvagen.slnx")))
        {
            repository = repository.Parent ?? throw new InvalidOperationException("The repository was not found above the test's folder.");
        }

        var root = Path.Combine(repository.FullName, "src", "Arbetsvagen.Web");
        var files = Directory.EnumerateFiles(root, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(files);

        var found = files.SelectMany(f => File.ReadAllLines(f).Select((line, i) => (f, i, line)))
            .Where(l => Inline().IsMatch(l.line))
            .Select(l => $"{Path.GetRelativePath(root, l.f)}:{l.i + 1}: {l.line.Trim()}").ToList();

        Assert.True(found.Count == 0, string.Join("\n", found));
    }

    /// <summary>A script element without src, a style element or attribute, an on…= handler or a javascript: link.</summary>
    [GeneratedRegex("""<script(?![^>]*\bsrc=)|<style\b|\sstyle\s*=|\son[a-z]+\s*=|javascript:""", RegexOptions.IgnoreCase)]
    private static partial Regex Inline();

    private static IEnumerable<string> Missing(HttpResponseMessage response)
    {
        foreach (var header in Required)
        {
            if (!response.Headers.Contains(header))
            {
                yield return $"no {header}";
            }
        }

        if (response.Headers.TryGetValues("Content-Security-Policy", out var csp) && csp.Single() != TransportSecurity.ContentSecurityPolicy)
        {
            yield return "another Content-Security-Policy";
        }

        // Answers made for the user (pages, API, errors) are never stored by the browser or a proxy: a shared computer's
        // cache must not keep a participant's page. Static files (they carry Last-Modified) may be cached.
        var isStaticFile = response.Content.Headers.LastModified is not null;
        if (!isStaticFile && response.Headers.CacheControl?.NoStore != true)
        {
            yield return "no Cache-Control: no-store";
        }
    }

    /// <summary>The app's GET routes (pages and API) with each parameter filled in: a new GUID, 1, or a word.</summary>
    private List<string> GetRoutes()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return endpoints
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>() is not { } methods || methods.HttpMethods.Contains("GET"))
            .Select(e => "/" + RouteParameter().Replace(e.RoutePattern.RawText!.TrimStart('/'), m => Value(m.Groups[1].Value)))
            .Where(r => !r.Contains('*', StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    private static string Value(string parameter) =>
        parameter.Contains(":guid", StringComparison.Ordinal) ? Guid.NewGuid().ToString()
        : parameter.Contains(":int", StringComparison.Ordinal) || parameter.Contains(":long", StringComparison.Ordinal) ? "1"
        : "test";

    [GeneratedRegex(@"\{([^}]*)\}")]
    private static partial Regex RouteParameter();
}
