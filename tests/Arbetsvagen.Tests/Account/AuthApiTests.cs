using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Features.Account;
using Arbetsvagen.Features.Users;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Arbetsvagen.Tests.Account;

public sealed class AuthApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string JobCentre = "Täby kommun – Jobbcentrum";

    [Fact]
    public async Task Demo_user_gets_a_bearer_token_that_opens_the_api()
    {
        var body = await app.RequestTokenAsync("soc.taby", AppFactory.DemoPassword).JsonAsync(HttpStatusCode.OK);

        Assert.False(string.IsNullOrWhiteSpace((string?)body["accessToken"]));
        Assert.True((int)body["expiresIn"]! > 0);
        var me = await app.WithToken((string)body["accessToken"]!).GetAsync("/api/v1/me").JsonAsync(HttpStatusCode.OK);
        Assert.Equal("soc.taby", (string?)me["userName"]);
        Assert.Equal(await app.OrganisationId("Täby kommun – Socialtjänsten, försörjningsstöd"), Guid.Parse((string)me["organisationId"]!));
        Assert.Contains(Roles.SocialSecretary, me["roles"]!.AsArray().Select(r => (string?)r));
    }

    [Fact]
    public async Task Wrong_password_and_unknown_user_get_the_same_401()
    {
        var user = await app.CreateUserAsync(JobCentre, Roles.LabourMarketConsultant);

        var wrongPassword = await app.RequestTokenAsync(user.UserName, "Fel-losenord-123").ProblemAsync(HttpStatusCode.Unauthorized);
        var unknownUser = await app.RequestTokenAsync("finns.inte." + user.UserName, user.Password).ProblemAsync(HttpStatusCode.Unauthorized);

        // Everything but the per-request trace id is the same, so the answer does not reveal whether the account exists.
        wrongPassword.Remove("traceId");
        unknownUser.Remove("traceId");
        Assert.Equal(wrongPassword.ToJsonString(), unknownUser.ToJsonString());
    }

    [Fact]
    public async Task Api_without_or_with_a_bad_bearer_token_answers_401_not_a_redirect()
    {
        var anonymous = app.Anonymous();
        var withoutToken = await anonymous.GetAsync("/api/v1/participants").ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Null(withoutToken.Headers.Location);

        var forged = app.Anonymous();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "inte-en-riktig-token");
        var withBadToken = await forged.GetAsync("/api/v1/me").ShouldBe(HttpStatusCode.Unauthorized);
        Assert.Null(withBadToken.Headers.Location);
    }

    [Fact]
    public async Task Token_request_without_credentials_is_401()
    {
        var user = await app.CreateUserAsync(JobCentre, Roles.LabourMarketConsultant);

        await app.RequestTokenAsync(null, null).ProblemAsync(HttpStatusCode.Unauthorized);
        await app.RequestTokenAsync(user.UserName, "").ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Five_failed_attempts_lock_the_account_so_the_right_password_is_refused()
    {
        var user = await app.CreateUserAsync(JobCentre, Roles.LabourMarketConsultant);

        JsonObject? wrong = null;
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            wrong = await app.RequestTokenAsync(user.UserName, "Fel-losenord-" + attempt).ProblemAsync(HttpStatusCode.Unauthorized);
        }

        var locked = await app.RequestTokenAsync(user.UserName, user.Password).ProblemAsync(HttpStatusCode.Unauthorized);

        // A locked account answers like a wrong password: the lockout itself is not revealed.
        Assert.Equal((string?)wrong!["detail"], (string?)locked["detail"]);
        var lockedOut = await app.WithScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<AppUser>>();
            return await users.IsLockedOutAsync((await users.FindByIdAsync(user.Id.ToString()))!);
        });
        Assert.True(lockedOut);
    }

    [Fact]
    public async Task Four_failures_then_the_right_password_still_works()
    {
        var user = await app.CreateUserAsync(JobCentre, Roles.LabourMarketConsultant);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await app.RequestTokenAsync(user.UserName, "Fel-losenord-" + attempt).ShouldBe(HttpStatusCode.Unauthorized);
        }

        await app.RequestTokenAsync(user.UserName, user.Password).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Disabled_user_loses_access_at_once_and_gets_no_new_token()
    {
        var user = await app.CreateUserAsync(JobCentre, Roles.LabourMarketConsultant);
        var client = app.WithToken(await app.TokenAsync(user.UserName, user.Password));
        await client.GetAsync("/api/v1/me").ShouldBe(HttpStatusCode.OK);

        var admin = await app.ClientFor("admin.taby");
        await admin.PostAsync($"/api/v1/users/{user.Id}/disabling", null).ShouldBe(HttpStatusCode.NoContent);

        await client.GetAsync("/api/v1/me").ShouldBe(HttpStatusCode.Unauthorized);
        await client.GetAsync("/api/v1/participants").ShouldBe(HttpStatusCode.Unauthorized);
        await app.RequestTokenAsync(user.UserName, user.Password).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Only_an_administrator_creates_or_disables_users()
    {
        var user = await app.CreateUserAsync(JobCentre, Roles.LabourMarketConsultant);
        var caseworker = await app.ClientFor("soc.taby");

        await caseworker.PostAsync($"/api/v1/users/{user.Id}/disabling", null).ShouldBe(HttpStatusCode.Forbidden);
        await caseworker.PostAsJsonAsync("/api/v1/users", new { userName = "test.nope", displayName = "X", roles = new[] { Roles.Administrator } })
            .ShouldBe(HttpStatusCode.Forbidden);
        await app.RequestTokenAsync(user.UserName, user.Password).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task With_two_factor_enabled_the_token_needs_the_current_totp_code()
    {
        var user = await app.CreateUserAsync(JobCentre, Roles.LabourMarketConsultant);
        var key = await app.WithScopeAsync(s => EnableTwoFactorAsync(s, user.Id));

        await app.RequestTokenAsync(user.UserName, user.Password).ProblemAsync(HttpStatusCode.Unauthorized);
        await app.RequestTokenAsync(user.UserName, user.Password, WrongCode(key)).ProblemAsync(HttpStatusCode.Unauthorized);
        var body = await app.RequestTokenAsync(user.UserName, user.Password, Totp.Code(key, DateTimeOffset.UtcNow)).JsonAsync(HttpStatusCode.OK);

        var me = await app.WithToken((string)body["accessToken"]!).GetAsync("/api/v1/me").JsonAsync(HttpStatusCode.OK);
        Assert.True((bool)me["twoFactorEnabled"]!);
    }

    [Fact]
    public void Totp_helper_matches_the_rfc_6238_sha1_vectors()
    {
        var secret = "12345678901234567890"u8.ToArray();
        Assert.Equal("94287082", Totp.Code(secret, DateTimeOffset.FromUnixTimeSeconds(59), digits: 8));
        Assert.Equal("07081804", Totp.Code(secret, DateTimeOffset.FromUnixTimeSeconds(1111111109), digits: 8));
        Assert.Equal("foobar"u8.ToArray(), Totp.FromBase32("MZXW6YTBOI======"));
    }

    [Fact]
    public async Task Without_demo_mode_a_user_without_two_factor_gets_no_token()
    {
        await using var production = await AppFactory.StartAsync(demoEnabled: false);
        const string password = "Provlosen-2026";
        var userId = await production.WithScopeAsync(async s =>
        {
            var db = s.GetRequiredService<AppDbContext>();
            var organisation = Organisation.CreateTopLevel("Testkommunen", OrganisationKind.Municipality, "0160", DateTime.UtcNow);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            var users = s.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = "handlaggare", DisplayName = "Hanna Läggare", OrganisationId = organisation.Id };
            Assert.True((await users.CreateAsync(user, password)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.SocialSecretary)).Succeeded);
            return user.Id;
        });

        await production.RequestTokenAsync("handlaggare", password).ProblemAsync(HttpStatusCode.Unauthorized);
        await production.RequestTokenAsync("soc.taby", AppFactory.DemoPassword).ShouldBe(HttpStatusCode.Unauthorized);

        var key = await production.WithScopeAsync(s => EnableTwoFactorAsync(s, userId));
        await production.RequestTokenAsync("handlaggare", password, Totp.Code(key, DateTimeOffset.UtcNow)).ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>What an authenticator app enrolment does: a new key, then two-factor on. Returns the base32 key.</summary>
    [Fact]
    public async Task A_personal_token_is_made_on_the_page_shown_once_opens_the_api_and_stops_when_revoked()
    {
        var session = await PageSession.SignInAsync(app, "jobb.vaxholm");
        var page = await session.SubmitAsync("/Account/ApiTokens", "Skapa token", new() { ["Input.Name"] = "Rapportskript", ["Input.Days"] = "7" });
        var secret = page.QuerySelector("#created-token")?.GetAttribute("value") ?? throw new InvalidOperationException("No token shown.");
        Assert.StartsWith(PersonalApiToken.Prefix, secret, StringComparison.Ordinal);

        // Stored as its hash only, and never shown again.
        var stored = await app.WithDbAsync(db => db.PersonalApiTokens.AsNoTracking().SingleAsync(t => t.Name == "Rapportskript"));
        Assert.Equal(PersonalApiToken.Hash(secret), stored.TokenHash);
        Assert.Equal(7, (stored.ExpiresAt - stored.CreatedAt).TotalDays, 3);
        Assert.DoesNotContain(secret, (await session.GetAsync("/Account/ApiTokens")).Body!.OuterHtml);

        // Accepted by the API's bearer authentication like a token from /auth/token.
        var client = app.WithToken(secret);
        var me = await client.GetAsync("/api/v1/me").JsonAsync(HttpStatusCode.OK);
        Assert.Equal("jobb.vaxholm", (string?)me["userName"]);
        var listed = await client.GetAsync("/api/v1/me/api-tokens").JsonArrayAsync(HttpStatusCode.OK);
        Assert.Equal("active", (string?)listed.Single(t => t.Id() == stored.Id)!["status"]);
        Assert.DoesNotContain(secret, listed.ToJsonString());

        // Someone else's token cannot be revoked: not found, on the page and in the API; it keeps working.
        var other = await PageSession.SignInAsync(app, "soc.vaxholm");
        var otherSecret = (await other.SubmitAsync("/Account/ApiTokens", "Skapa token", new() { ["Input.Name"] = "Annans", ["Input.Days"] = "1" }))
            .QuerySelector("#created-token")!.GetAttribute("value")!;
        var otherId = await app.WithDbAsync(db => db.PersonalApiTokens.Where(t => t.Name == "Annans").Select(t => t.Id).SingleAsync());
        await client.PostAsync($"/api/v1/me/api-tokens/{otherId}/revocation", null).ShouldBe(HttpStatusCode.NotFound);
        await session.PostAsync("/Account/ApiTokens", "/Account/ApiTokens?handler=Revoke", new() { ["id"] = otherId.ToString() })
            .ShouldBe(HttpStatusCode.NotFound);
        await app.WithToken(otherSecret).GetAsync("/api/v1/me").ShouldBe(HttpStatusCode.OK);

        // Revoked on the page: 401 at once.
        await session.PostAsync("/Account/ApiTokens", "/Account/ApiTokens?handler=Revoke", new() { ["id"] = stored.Id.ToString() })
            .ShouldBe(HttpStatusCode.Redirect);
        await client.GetAsync("/api/v1/me").ShouldBe(HttpStatusCode.Unauthorized);
        Assert.NotNull(await app.WithDbAsync(db => db.PersonalApiTokens.Where(t => t.Id == stored.Id).Select(t => t.RevokedAt).SingleAsync()));
        var id = stored.Id.ToString();
        var logged = await app.AccessLogAsync(a => a.EntityType == PersonalApiTokenWork.EntityTypeName && a.EntityId == id);
        Assert.Equal([AccessAction.Create, AccessAction.Update], logged.Select(a => a.Action));
        Assert.All(logged, a => Assert.Equal("jobb.vaxholm", a.UserName));

        // Revoked through the API too (a script may drop its own token when done).
        var revoked = await app.WithToken(otherSecret).PostAsync($"/api/v1/me/api-tokens/{otherId}/revocation", null).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("revoked", (string?)revoked["status"]);
        await app.WithToken(otherSecret).GetAsync("/api/v1/me").ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task An_expired_or_unknown_personal_token_is_401_and_a_bad_form_names_its_fields()
    {
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "kaa.norrtalje").Select(u => u.Id).SingleAsync());
        var (expired, secret) = PersonalApiToken.Create(userId, "Gammal", DateTime.UtcNow.AddDays(-8), 7);
        await app.WithDbAsync(db => { db.PersonalApiTokens.Add(expired); return db.SaveChangesAsync(); });

        await app.WithToken(secret).GetAsync("/api/v1/me").ShouldBe(HttpStatusCode.Unauthorized);
        await app.WithToken(PersonalApiToken.Prefix + "finns-inte").GetAsync("/api/v1/me").ShouldBe(HttpStatusCode.Unauthorized);

        var session = await PageSession.SignInAsync(app, "kaa.norrtalje");
        var page = await session.SubmitAsync("/Account/ApiTokens", "Skapa token", new() { ["Input.Name"] = "", ["Input.Days"] = "365" });
        Assert.Contains("Ange ett namn", PageSession.MessageAt(page, "Input_Name"));
        Assert.Contains("Välj giltighetstid", PageSession.MessageAt(page, "Input_Days"));
        Assert.Null(page.QuerySelector("#created-token"));
        Assert.Contains("Utgången", page.QuerySelector("table")!.TextContent);
    }

    private static async Task<string> EnableTwoFactorAsync(IServiceProvider services, Guid userId)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = (await users.FindByIdAsync(userId.ToString()))!;
        Assert.True((await users.ResetAuthenticatorKeyAsync(user)).Succeeded);
        Assert.True((await users.SetTwoFactorEnabledAsync(user, true)).Succeeded);
        return (await users.GetAuthenticatorKeyAsync(user))!;
    }

    // A code that is valid for none of the steps the server accepts around now.
    private static string WrongCode(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var accepted = Enumerable.Range(-3, 7).Select(step => Totp.Code(key, now.AddSeconds(30 * step))).ToHashSet();
        return Enumerable.Range(0, 1000).Select(i => i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).First(c => !accepted.Contains(c));
    }
}
