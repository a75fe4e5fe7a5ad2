using System.Net;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Arbetsvagen.Tests.Hardening;

/// <summary>
/// Cookies are Secure whenever the request came over HTTPS, directly or through a trusted proxy; HSTS in Production,
/// and Production does not start without HTTPS or a trusted proxy.
/// </summary>
public sealed class TransportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Proxy = "10.9.8.7";

    [Fact]
    public async Task Over_https_every_cookie_is_secure_from_the_login_form_to_a_signed_in_page()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://arbetsvagen.example/"), AllowAutoRedirect = false, HandleCookies = false,
        });

        var cookies = await SignInCookiesAsync(client);

        Assert.Contains(cookies, c => c.StartsWith("arbetsvagen=", StringComparison.Ordinal));
        Assert.Contains(cookies, c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Over_plain_http_cookies_are_not_marked_secure_so_that_development_works()
    {
        var cookies = await SignInCookiesAsync(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false }));

        Assert.NotEmpty(cookies);
        Assert.All(cookies, c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_that_forwards_https_cookies_are_secure_and_from_anyone_else_they_are_not()
    {
        using var host = app.WithWebHostBuilder(b =>
        {
            b.UseSetting("ForwardedHeaders:KnownProxies", Proxy);
            b.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerFromHeader>());
        });

        var viaProxy = await SignInCookiesAsync(Client(host, Proxy));
        var spoofed = await SignInCookiesAsync(Client(host, "203.0.113.9"));

        Assert.All(viaProxy, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(spoofed, c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Production_sends_hsts_over_https_and_refuses_to_start_without_https_or_a_proxy()
    {
        await using var empty = await AppFactory.StartAsync(demoEnabled: false);
        using var withProxy = empty.WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting("ForwardedHeaders:KnownProxies", Proxy));
        using var withoutEither = empty.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using var withHttps = empty.WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting("https_ports", "443"));

        var secure = withProxy.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://arbetsvagen.example/") });
        using var response = await secure.GetAsync("/health/live");
        var error = Assert.Throws<InvalidOperationException>(() => withoutEither.Services);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
        Assert.Contains("HTTPS", error.Message, StringComparison.Ordinal);
        Assert.Contains("ForwardedHeaders__KnownProxies", error.Message, StringComparison.Ordinal);
        _ = withHttps.Services; // starts
    }

    [Fact]
    public async Task Outside_production_there_is_no_hsts()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://arbetsvagen.example/") });

        using var response = await client.GetAsync("/health/live");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    /// <summary>The Set-Cookie headers of the login page, the sign-in post and the first page after it.</summary>
    private static async Task<List<string>> SignInCookiesAsync(HttpClient client)
    {
        var cookies = new List<string>();
        using var login = await client.GetAsync("/Account/Login");
        cookies.AddRange(SetCookies(login));
        var token = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await login.Content.ReadAsStringAsync())
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = "soc.taby", ["Password"] = AppFactory.DemoPassword, ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => c.Split(';')[0])));
        using var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        cookies.AddRange(SetCookies(signedIn));
        return cookies;
    }

    private static List<string> SetCookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.ToList() : [];

    private static HttpClient Client(WebApplicationFactory<Program> host, string peer)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add("X-Test-Peer", peer);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        return client;
    }

    /// <summary>The test server has no peer address of its own: this one is taken from a test header, before the app's middleware.</summary>
    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use((context, then) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(context.Request.Headers["X-Test-Peer"].ToString());
                return then(context);
            });
            next(builder);
        };
    }
}
