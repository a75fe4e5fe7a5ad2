using System.Net;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Arbetsvagen.Tests.Employers;

/// <summary>
/// The public form's rate limit counts per client address. Behind a configured proxy (ForwardedHeaders:KnownProxies)
/// that is the address the proxy forwards; from anyone else, and when no proxy is configured, X-Forwarded-For is
/// ignored, so a client cannot escape the limit by inventing addresses.
/// </summary>
public sealed class ForwardedHeadersTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Proxy = "10.9.8.7";

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

    private WebApplicationFactory<Program> Host(string? knownProxies) => app.WithWebHostBuilder(b =>
    {
        b.UseSetting("RateLimits:PublicForm:PermitLimit", "5");
        if (knownProxies is not null)
        {
            b.UseSetting("ForwardedHeaders:KnownProxies", knownProxies);
        }

        b.ConfigureServices(s => s.AddSingleton<IStartupFilter, PeerFromHeader>());
    });

    private static HttpClient Client(WebApplicationFactory<Program> host, string peer)
    {
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        client.DefaultRequestHeaders.Add("X-Test-Peer", peer);
        return client;
    }

    /// <summary>Posts the form <paramref name="times"/> times, each with its own X-Forwarded-For when <paramref name="forwardedFor"/> gives one; answers the statuses.</summary>
    private static async Task<List<HttpStatusCode>> PostAsync(HttpClient client, int times, Func<int, string> forwardedFor)
    {
        var visitor = new Visitor(client);
        var page = await visitor.GetAsync("/Public/Offer");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < times; i++)
        {
            client.DefaultRequestHeaders.Remove("X-Forwarded-For");
            client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor(i));
            statuses.Add((await visitor.PostAsync(page, "/Public/Offer", PublicFormTests.Valid(TestPeople.UniqueLastName("Proxy ") + " AB"))).StatusCode);
        }

        return statuses;
    }

    private static readonly HttpStatusCode[] FiveThenRefused = [.. Enumerable.Repeat(HttpStatusCode.Redirect, 5), HttpStatusCode.TooManyRequests];

    [Fact]
    public async Task Behind_a_configured_proxy_two_clients_are_limited_separately_and_others_cannot_spoof()
    {
        using var host = Host(Proxy);

        var first = await PostAsync(Client(host, Proxy), 6, _ => "198.51.100.1");
        var second = await PostAsync(Client(host, Proxy), 1, _ => "198.51.100.2");
        var spoofer = await PostAsync(Client(host, "203.0.113.9"), 6, i => $"198.51.100.{10 + i}");

        Assert.Equal(FiveThenRefused, first);
        Assert.Equal([HttpStatusCode.Redirect], second);
        Assert.Equal(FiveThenRefused, spoofer);
    }

    [Fact]
    public async Task Without_a_configured_proxy_a_spoofed_forwarded_address_is_ignored()
    {
        using var host = Host(knownProxies: null);

        var spoofer = await PostAsync(Client(host, Proxy), 6, i => $"198.51.100.{20 + i}");

        Assert.Equal(FiveThenRefused, spoofer);
    }
}
