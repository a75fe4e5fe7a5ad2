using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Arbetsvagen.Features.SignInProviders;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Arbetsvagen.Tests.SignInProviders;

/// <summary>
/// Federated sign-in against a real OpenID Connect provider (<see cref="OidcTestServer"/>) started by the tests: the
/// whole authorization-code flow with PKCE, driven by a cookie-keeping client through the app and the provider.
/// </summary>
public sealed class FederatedSignInTests(AppFactory app, OidcTestServer idp) : IClassFixture<AppFactory>, IClassFixture<OidcTestServer>
{
    private const string Municipality = "Täby kommun";
    private const string JobCentre = "Täby kommun – Jobbcentrum";

    [Fact]
    public async Task A_mapped_user_signs_in_through_the_organisations_provider_and_lands_on_the_start_page()
    {
        var providerId = await ProviderAsync();
        var user = await MappedUserAsync();
        var browser = app.Anonymous();

        var callback = await SignInThroughProviderAsync(browser, user.HsaId);

        Assert.Equal(HttpStatusCode.Redirect, callback.StatusCode);
        Assert.Equal("/Account/Federated?ReturnUrl=%2F", callback.Headers.Location?.OriginalString);
        var landing = await browser.GetStringAsync("/Account/Federated?ReturnUrl=%2F");
        Assert.Contains("http-equiv=\"refresh\" content=\"0;url=/\"", landing);
        var start = await browser.GetAsync("/").ShouldBe(HttpStatusCode.OK);
        Assert.Contains(user.UserName, await start.Content.ReadAsStringAsync());
        var me = await app.WithDbAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id));
        Assert.Equal(0, me.AccessFailedCount);
        Assert.NotEqual(Guid.Empty, providerId);

        // Without a password, the API is reached with a personal token made on the page API-tokens.
        var tokens = new HtmlParser().ParseDocument(await browser.GetStringAsync("/Account/ApiTokens"));
        var created = await browser.PostAsync("/Account/ApiTokens?handler=Create", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Integration", ["Input.Days"] = "1",
            ["__RequestVerificationToken"] = tokens.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        })).ShouldBe(HttpStatusCode.OK);
        var secret = new HtmlParser().ParseDocument(await created.Content.ReadAsStringAsync()).QuerySelector("#created-token")!.GetAttribute("value")!;
        var viaToken = await app.WithToken(secret).GetAsync("/api/v1/me").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(user.UserName, (string?)viaToken["userName"]);
    }

    [Fact]
    public async Task A_provider_organisations_user_cannot_use_a_password_and_hears_why_only_after_the_right_one()
    {
        await ProviderAsync();
        var user = await app.CreateUserAsync(JobCentre, Roles.LabourMarketConsultant); // a unit of Täby: covered by its provider

        var api = await app.RequestTokenAsync(user.UserName, user.Password).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Contains("Logga in via Täby kommun", (string?)api["detail"]);
        var page = await PasswordLoginAsync(user.UserName, user.Password);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var text = Text(await page.Content.ReadAsStringAsync());
        Assert.Contains("Använd knappen ”Logga in via Täby kommun”", text);
        Assert.DoesNotContain(page.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("arbetsvagen=", StringComparison.Ordinal));

        // A wrong password hears nothing of the provider: the same answer as for any account.
        var wrongApi = await app.RequestTokenAsync(user.UserName, "Fel-losenord-123").ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Fel användarnamn eller lösenord.", (string?)wrongApi["detail"]);
        var wrongPage = Text(await (await PasswordLoginAsync(user.UserName, "Fel-losenord-123")).Content.ReadAsStringAsync());
        Assert.Contains("Fel användarnamn eller lösenord.", wrongPage);
        Assert.DoesNotContain("Använd knappen", wrongPage);

        // The wrong passwords count towards the lockout as always; the refusals are in the log, naming the account.
        Assert.Equal(2, await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.AccessFailedCount).SingleAsync()));
        var denied = await app.AccessLogAsync(a => a.EntityType == PasswordSignInPolicy.EntityTypeName && a.UserId == user.Id);
        Assert.Equal(2, denied.Count(a => a.Action == AccessAction.Denied));

        // Organisations without a provider keep their passwords.
        await app.RequestTokenAsync("soc.vaxholm", AppFactory.DemoPassword).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Redirect, (await PasswordLoginAsync("jobb.vaxholm", AppFactory.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task An_administrator_made_a_reserve_account_may_use_the_password_and_each_use_is_logged()
    {
        await ProviderAsync();
        var admin = await app.ClientFor("admin.taby");
        var reserve = await app.CreateUserAsync(Municipality, Roles.Administrator);
        await app.RequestTokenAsync(reserve.UserName, reserve.Password).ShouldBe(HttpStatusCode.Unauthorized);

        var granted = await admin.PutAsync($"/api/v1/users/{reserve.Id}/reserve-account", null).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(reserve.UserName, (string?)granted["userName"]);
        await app.RequestTokenAsync(reserve.UserName, reserve.Password).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Redirect, (await PasswordLoginAsync(reserve.UserName, reserve.Password)).StatusCode);
        var listed = await admin.GetAsync("/api/v1/sign-in-providers/reserve-accounts").JsonArrayAsync(HttpStatusCode.OK);
        Assert.Contains(listed, r => (string?)r!["userName"] == reserve.UserName);
        Assert.Contains(reserve.UserName, Text(await (await app.PagesClientFor("admin.taby")).GetStringAsync("/SignInProviders")));

        // Only administrators, only in the administrator's scope.
        var consultant = await app.CreateUserAsync(JobCentre, Roles.LabourMarketConsultant);
        await admin.PutAsync($"/api/v1/users/{consultant.Id}/reserve-account", null).ProblemAsync(HttpStatusCode.Conflict);
        var vaxholm = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "admin.vaxholm" || u.UserName == "soc.vaxholm").Select(u => u.Id).FirstAsync());
        await admin.PutAsync($"/api/v1/users/{vaxholm}/reserve-account", null).ShouldBe(HttpStatusCode.NotFound);

        await admin.DeleteAsync($"/api/v1/users/{reserve.Id}/reserve-account").ShouldBe(HttpStatusCode.NoContent);
        await app.RequestTokenAsync(reserve.UserName, reserve.Password).ShouldBe(HttpStatusCode.Unauthorized);
        var id = reserve.Id.ToString();
        var logged = await app.AccessLogAsync(a => a.EntityType == PasswordSignInPolicy.EntityTypeName && a.EntityId == id);
        Assert.Equal([AccessAction.Denied, AccessAction.Create, AccessAction.Read, AccessAction.Read, AccessAction.Delete, AccessAction.Denied],
            logged.Select(a => a.Action));
    }

    [Fact]
    public async Task An_unknown_person_is_refused_in_Swedish_no_user_is_created_and_the_refusal_is_logged()
    {
        var providerId = await ProviderAsync();
        var hsaId = $"SE2321000016-{Guid.NewGuid():N}"[..30];
        var userCount = await app.WithDbAsync(db => db.Users.CountAsync());
        var browser = app.Anonymous();

        var callback = await SignInThroughProviderAsync(browser, hsaId);

        Assert.Equal("/Account/Login?federated=okand", callback.Headers.Location?.OriginalString);
        var page = Text(await browser.GetStringAsync(callback.Headers.Location!.OriginalString));
        Assert.Contains("det finns inget konto i Arbetsvägen kopplat till dig", page);
        await browser.GetAsync("/").ShouldBe(HttpStatusCode.Redirect); // not signed in
        Assert.Equal(userCount, await app.WithDbAsync(db => db.Users.CountAsync()));
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.ExternalId == hsaId || u.UserName == hsaId)));
        var denied = await DeniedRowsAsync(providerId);
        Assert.Contains(denied, r => r.UserId == null && r.Purpose!.Contains("inget konto matchar", StringComparison.Ordinal));
        Assert.DoesNotContain(denied, r => (r.Purpose ?? "").Contains(hsaId, StringComparison.Ordinal) || r.UserName.Contains(hsaId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_disabled_user_is_refused_and_the_refusal_names_the_account_in_the_log()
    {
        var providerId = await ProviderAsync();
        var user = await MappedUserAsync();
        await (await app.ClientFor("admin.taby")).PostAsync($"/api/v1/users/{user.Id}/disabling", null).ShouldBe(HttpStatusCode.NoContent);
        var browser = app.Anonymous();

        var callback = await SignInThroughProviderAsync(browser, user.HsaId);

        Assert.Equal("/Account/Login?federated=avstangd", callback.Headers.Location?.OriginalString);
        Assert.Contains("Ditt konto i Arbetsvägen är avstängt", Text(await browser.GetStringAsync(callback.Headers.Location!.OriginalString)));
        await browser.GetAsync("/").ShouldBe(HttpStatusCode.Redirect);
        Assert.Contains(await DeniedRowsAsync(providerId), r => r.UserId == user.Id);
    }

    [Theory]
    [InlineData(TokenFault.WrongIssuer)]
    [InlineData(TokenFault.WrongAudience)]
    [InlineData(TokenFault.Expired)]
    [InlineData(TokenFault.BadSignature)]
    public async Task A_spoiled_identity_token_is_refused(TokenFault fault)
    {
        var providerId = await ProviderAsync();
        var user = await MappedUserAsync();
        var deniedBefore = (await DeniedRowsAsync(providerId)).Count;
        var browser = app.Anonymous();

        idp.Fault = fault;
        HttpResponseMessage callback;
        try
        {
            callback = await SignInThroughProviderAsync(browser, user.HsaId);
        }
        finally
        {
            idp.Fault = TokenFault.None;
        }

        Assert.Equal("/Account/Login?federated=misslyckad", callback.Headers.Location?.OriginalString);
        Assert.DoesNotContain(callback.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("arbetsvagen=", StringComparison.Ordinal));
        Assert.Contains("Inloggningen via din organisation misslyckades", Text(await browser.GetStringAsync(callback.Headers.Location!.OriginalString)));
        await browser.GetAsync("/").ShouldBe(HttpStatusCode.Redirect);
        Assert.Equal(deniedBefore + 1, (await DeniedRowsAsync(providerId)).Count);
    }

    [Fact]
    public async Task The_administrator_sets_up_providers_with_Swedish_field_errors_and_the_secret_never_shown()
    {
        await ProviderAsync();
        var admin = await app.ClientFor("admin.taby");
        var taby = await app.OrganisationId(Municipality);

        var problem = await admin.PutAsJsonAsync($"/api/v1/organisations/{taby}/sign-in-provider",
            new { authority = "http://idp.example.se", clientId = "", userClaim = "fingerprint" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("https", problem.FieldErrors("authority").Single());
        Assert.NotEmpty(problem.FieldErrors("clientId"));
        Assert.NotEmpty(problem.FieldErrors("userClaim"));
        await admin.PutAsJsonAsync($"/api/v1/organisations/{await app.OrganisationId("Vaxholm kommun")}/sign-in-provider",
            new { authority = "https://idp.example.se", clientId = "x", userClaim = "email" }).ShouldBe(HttpStatusCode.NotFound);
        await (await app.ClientFor("soc.vaxholm")).GetAsync("/api/v1/sign-in-providers").ShouldBe(HttpStatusCode.Forbidden);

        var listed = await admin.GetAsync("/api/v1/sign-in-providers").JsonArrayAsync(HttpStatusCode.OK);
        Assert.Equal("database", (string)listed.Single(p => (string?)p!["organisationName"] == Municipality)!["clientSecretSource"]!);
        Assert.DoesNotContain(OidcTestServer.ClientSecret, listed.ToJsonString());
        var stored = await app.WithDbAsync(db => db.SignInProviders.AsNoTracking().SingleAsync(p => p.OrganisationId == taby));
        Assert.NotEqual(OidcTestServer.ClientSecret, stored.ProtectedClientSecret);
        var page = Text(await (await app.PagesClientFor("admin.taby")).GetStringAsync("/SignInProviders"));
        Assert.Contains(idp.Issuer.TrimEnd('/'), page);
        Assert.DoesNotContain(OidcTestServer.ClientSecret, page);
        var login = Text(await app.Anonymous().GetStringAsync("/Account/Login"));
        Assert.Contains("Logga in via Täby kommun", login);

        // Switched off, the button is gone at once on this instance; switched on again, it is back.
        await SetProviderAsync(isEnabled: false);
        Assert.DoesNotContain("Logga in via", Text(await app.Anonymous().GetStringAsync("/Account/Login")));
        await SetProviderAsync(isEnabled: true);
        Assert.Contains("Logga in via Täby kommun", Text(await app.Anonymous().GetStringAsync("/Account/Login")));
    }

    // ------------------------------------------------------------------ helpers

    private sealed record MappedUser(Guid Id, string UserName, string HsaId);

    /// <summary>
    /// Täby kommun's provider (the test server), set up once per class through the API; its id. Its administrator is
    /// made a reserve account first, so that the tests can go on signing in as admin.taby with the password.
    /// </summary>
    private async Task<Guid> ProviderAsync()
    {
        var admin = await app.ClientFor("admin.taby");
        var adminId = (await admin.GetAsync("/api/v1/me").JsonAsync(HttpStatusCode.OK)).Id();
        await admin.PutAsync($"/api/v1/users/{adminId}/reserve-account", null).ShouldBe(HttpStatusCode.OK);
        var listed = await admin.GetAsync("/api/v1/sign-in-providers").JsonArrayAsync(HttpStatusCode.OK);
        if (listed.FirstOrDefault(p => (string?)p!["organisationName"] == Municipality) is { } existing)
        {
            return existing.Id();
        }

        return await SetProviderAsync(isEnabled: true);
    }

    private async Task<Guid> SetProviderAsync(bool isEnabled)
    {
        var admin = await app.ClientFor("admin.taby");
        var set = await admin.PutAsJsonAsync($"/api/v1/organisations/{await app.OrganisationId(Municipality)}/sign-in-provider", new
        {
            authority = idp.Issuer,
            clientId = OidcTestServer.ClientId,
            clientSecret = OidcTestServer.ClientSecret,
            userClaim = "hsaId",
            claimType = OidcTestServer.HsaIdClaim,
            isEnabled,
        }).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(isEnabled, (bool)set["isEnabled"]!);
        return set.Id();
    }

    /// <summary>A new user in a unit of Täby, linked by an administrator to an HSA-id.</summary>
    private async Task<MappedUser> MappedUserAsync()
    {
        var user = await app.CreateUserAsync(JobCentre, Roles.LabourMarketConsultant);
        var hsaId = $"SE2321000016-{Guid.NewGuid():N}"[..30];
        await (await app.ClientFor("admin.taby")).PutAsJsonAsync($"/api/v1/users/{user.Id}/external-id", new { externalId = hsaId })
            .ShouldBe(HttpStatusCode.OK);
        return new MappedUser(user.Id, user.UserName, hsaId);
    }

    /// <summary>
    /// Presses "Logga in via Täby kommun", lets the provider approve <paramref name="hsaId"/>, and brings its answer back
    /// to the app's callback; returns the callback's response (not followed).
    /// </summary>
    private async Task<HttpResponseMessage> SignInThroughProviderAsync(HttpClient browser, string hsaId)
    {
        idp.NextPerson = ($"sub-{Guid.NewGuid():N}", hsaId, "ingen@example.se");
        var login = new HtmlParser().ParseDocument(await browser.GetStringAsync("/Account/Login"));
        var form = login.QuerySelectorAll("form").Single(f => f.TextContent.Contains("Logga in via Täby kommun", StringComparison.Ordinal));
        var fields = form.QuerySelectorAll("input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        var challenge = await browser.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(fields)).ShouldBe(HttpStatusCode.Redirect);
        var authorize = challenge.Headers.Location!;
        Assert.StartsWith(idp.Issuer, authorize.AbsoluteUri, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", authorize.Query, StringComparison.Ordinal);

        using var toProvider = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var approved = await toProvider.GetAsync(authorize).ShouldBe(HttpStatusCode.Redirect);
        var back = approved.Headers.Location!;
        Assert.Equal("localhost", back.Host);
        Assert.Contains("code=", back.Query, StringComparison.Ordinal);
        return await browser.GetAsync(back.PathAndQuery);
    }

    /// <summary>The sign-in form posted with a user name and password, as a browser would; the answer, not followed.</summary>
    private async Task<HttpResponseMessage> PasswordLoginAsync(string userName, string password)
    {
        var browser = app.Anonymous();
        var login = new HtmlParser().ParseDocument(await browser.GetStringAsync("/Account/Login"));
        return await browser.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password,
            ["__RequestVerificationToken"] = login.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!,
        }));
    }

    private static string Text(string html) => new HtmlParser().ParseDocument(html).Body!.TextContent;

    private Task<List<AccessLogEntry>> DeniedRowsAsync(Guid providerId)
    {
        var id = providerId.ToString();
        return app.AccessLogAsync(a => a.Action == AccessAction.Denied && a.EntityType == FederatedSignIn.EntityTypeName && a.EntityId == id);
    }
}
