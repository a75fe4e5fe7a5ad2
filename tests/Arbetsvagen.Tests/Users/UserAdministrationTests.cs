using System.Net;
using System.Net.Http.Json;
using Arbetsvagen.Features.Users;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Tests.Users;

/// <summary>An administrator manages the users of their own organisation and its units, and no one else's.</summary>
public sealed class UserAdministrationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string JobCentre = "Täby kommun – Jobbcentrum";

    [Fact]
    public async Task Administrator_lists_the_users_of_the_own_municipality_only()
    {
        var users = await (await app.ClientFor("admin.taby")).GetAsync("/api/v1/users").JsonArrayAsync(HttpStatusCode.OK);

        var names = users.Select(u => (string)u!["userName"]!).ToList();
        Assert.Contains("soc.taby", names);
        Assert.Contains("jobb.taby", names);
        Assert.Contains("admin.taby", names);
        Assert.DoesNotContain("soc.vaxholm", names);
        Assert.DoesNotContain("af.nordost", names);
        var soc = users.Single(u => (string?)u!["userName"] == "soc.taby")!;
        Assert.Equal([Roles.SocialSecretary], soc["roles"]!.AsArray().Select(r => (string?)r));
    }

    [Fact]
    public async Task New_user_can_sign_in_with_the_given_role()
    {
        var user = await app.CreateUserAsync(JobCentre, Roles.LabourMarketConsultant);

        var me = await app.WithToken(await app.TokenAsync(user.UserName, user.Password)).GetAsync("/api/v1/me").JsonAsync(HttpStatusCode.OK);

        Assert.Equal(await app.OrganisationId(JobCentre), Guid.Parse((string)me["organisationId"]!));
        Assert.Equal([Roles.LabourMarketConsultant], me["roles"]!.AsArray().Select(r => (string?)r));
    }

    [Theory]
    [InlineData("organisation outside the scope", "organisationId")]
    [InlineData("unknown role", "roles")]
    [InlineData("bad user name", "userName")]
    [InlineData("taken user name", "userName")]
    [InlineData("short password", "password")]
    [InlineData("password without a digit", "password")]
    public async Task Invalid_user_is_400_naming_the_field(string problem, string field)
    {
        var admin = await app.ClientFor("admin.taby");
        var body = new Dictionary<string, object?>
        {
            ["userName"] = "test." + TestPeople.UniqueLastName("n").ToLowerInvariant(),
            ["displayName"] = "Test Testsson",
            ["organisationId"] = await app.OrganisationId(JobCentre),
            ["roles"] = new[] { Roles.LabourMarketConsultant },
            ["password"] = "Provlosen-2026",
        };
        switch (problem)
        {
            case "organisation outside the scope": body["organisationId"] = await app.OrganisationId("Vaxholm kommun – Jobbcentrum"); break;
            case "unknown role": body["roles"] = new[] { "Superanvändare" }; break;
            case "bad user name": body["userName"] = "Ogiltigt Namn"; break;
            case "taken user name": body["userName"] = "soc.taby"; break;
            case "short password": body["password"] = "Kort-1"; break;
            default: body["password"] = "Provlosen-utan-siffra"; break;
        }

        var answer = await admin.PostAsJsonAsync("/api/v1/users", body).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(answer.FieldErrors(field));
    }

    [Fact]
    public async Task Administrator_cannot_disable_the_own_account()
    {
        var adminId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "admin.taby").Select(u => u.Id).SingleAsync());

        await (await app.ClientFor("admin.taby")).PostAsync($"/api/v1/users/{adminId}/disabling", null).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Administrator_cannot_disable_a_user_of_another_municipality()
    {
        var vaxholmId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "soc.vaxholm").Select(u => u.Id).SingleAsync());

        await (await app.ClientFor("admin.taby")).PostAsync($"/api/v1/users/{vaxholmId}/disabling", null).ProblemAsync(HttpStatusCode.NotFound);

        await app.RequestTokenAsync("soc.vaxholm", AppFactory.DemoPassword).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Enabling_a_disabled_user_lets_them_sign_in_again()
    {
        var user = await app.CreateUserAsync(JobCentre, Roles.LabourMarketConsultant);
        var admin = await app.ClientFor("admin.taby");
        await admin.PostAsync($"/api/v1/users/{user.Id}/disabling", null).ShouldBe(HttpStatusCode.NoContent);
        await app.RequestTokenAsync(user.UserName, user.Password).ShouldBe(HttpStatusCode.Unauthorized);

        await admin.PostAsync($"/api/v1/users/{user.Id}/enabling", null).ShouldBe(HttpStatusCode.NoContent);

        await app.RequestTokenAsync(user.UserName, user.Password).ShouldBe(HttpStatusCode.OK);
    }
}
