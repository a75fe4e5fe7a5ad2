using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Arbetsvagen.Tests.Employers;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Arbetsvagen.Tests.Hardening;

/// <summary>
/// Sign-in (the login form and the API token together) is limited per client address, with a low limit configured
/// here; the refused request gets 429 with Retry-After, as ProblemDetails in Swedish or, for a browser's form post, a
/// Swedish page. The test host lifts the limits for every other test.
/// </summary>
public sealed class RequestLimitTests(AppFactory app) : IClassFixture<AppFactory>
{
    private WebApplicationFactory<Program> Limited(int signIns) => app.WithWebHostBuilder(b => b
        .UseSetting("RateLimits:SignIn:PermitLimit", signIns.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .UseSetting("RateLimits:SignIn:WindowSeconds", "600"));

    [Fact]
    public async Task Token_requests_beyond_the_limit_get_429_problem_details_in_swedish_with_retry_after()
    {
        using var host = Limited(signIns: 3);
        var client = host.CreateClient();

        for (var i = 0; i < 3; i++)
        {
            await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "finns.inte", password = "fel" }).ShouldBe(HttpStatusCode.Unauthorized);
        }

        using var refused = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "soc.taby", password = AppFactory.DemoPassword });

        var problem = await Task.FromResult(refused).ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.Equal("För många försök", (string?)problem["title"]);
        Assert.Contains("Vänta", (string?)problem["detail"], StringComparison.Ordinal);
        var retryAfter = refused.Headers.RetryAfter?.Delta ?? throw new Xunit.Sdk.XunitException("No Retry-After.");
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(600));
    }

    [Fact]
    public async Task The_login_form_shares_the_limit_and_a_browser_gets_a_swedish_page_while_reading_stays_open()
    {
        using var host = Limited(signIns: 2);
        var browserClient = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        browserClient.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
        var browser = new Visitor(browserClient);
        var login = await browser.GetAsync("/Account/Login");
        var api = host.CreateClient();

        await api.PostAsJsonAsync("/api/v1/auth/token", new { userName = "finns.inte", password = "fel-lösenord" }).ShouldBe(HttpStatusCode.Unauthorized);
        await browser.PostAsync(login, "/Account/Login", Wrong()).ShouldBe(HttpStatusCode.OK);
        var refused = await browser.PostAsync(login, "/Account/Login", Wrong());
        var asJson = await api.PostAsJsonAsync("/api/v1/auth/token", new { userName = "soc.taby", password = AppFactory.DemoPassword });

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("För många försök", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Equal(HttpStatusCode.TooManyRequests, asJson.StatusCode);
        await browser.GetAsync("/Account/Login"); // reading is not limited
    }

    [Fact]
    public async Task A_form_post_that_asks_for_json_gets_problem_details()
    {
        using var host = Limited(signIns: 1);
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var visitor = new Visitor(client);
        var login = await visitor.GetAsync("/Account/Login");
        await visitor.PostAsync(login, "/Account/Login", Wrong()).ShouldBe(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        var problem = await visitor.PostAsync(login, "/Account/Login", Wrong()).ProblemAsync(HttpStatusCode.TooManyRequests);

        Assert.Equal("För många försök", (string?)problem["title"]);
    }

    private static Dictionary<string, string> Wrong() => new() { ["UserName"] = "finns.inte", ["Password"] = "fel-lösenord" };
}
