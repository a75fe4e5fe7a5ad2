using System.Net;
using System.Net.Http.Json;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Features.Employers;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Infrastructure.Demo;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Arbetsvagen.Tests.Employers;

/// <summary>
/// A new employer belongs to a collaboration the user's organisation is in: chosen when it is in several, the only one
/// otherwise, and never one it is not in.
/// </summary>
public sealed class CollaborationChoiceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed record TwoCollaborations(string UserName, Guid First, Guid Second);

    /// <summary>A labour-market consultant of a municipality that is in two collaborations.</summary>
    private async Task<TwoCollaborations> UserInTwoAsync()
    {
        var userName = "tva." + TestPeople.UniqueLastName("u").ToLowerInvariant();
        return await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var organisation = Organisation.CreateTopLevel("Tvåstad kommun " + userName, OrganisationKind.Municipality, "0181", DateTime.UtcNow);
            var first = Collaboration.Create("Norra samverkan " + userName, [organisation]);
            var second = Collaboration.Create("Södra samverkan " + userName, [organisation]);
            db.AddRange(organisation, first, second);
            await db.SaveChangesAsync();
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = userName, DisplayName = "Tvåstads Handläggare", OrganisationId = organisation.Id };
            Assert.True((await users.CreateAsync(user, AppFactory.DemoPassword)).Succeeded);
            Assert.True((await users.AddToRoleAsync(user, Roles.LabourMarketConsultant)).Succeeded);
            return new TwoCollaborations(userName, first.Id, second.Id);
        });
    }

    [Fact]
    public async Task An_organisation_in_two_collaborations_must_choose_one_of_its_own()
    {
        var user = await UserInTwoAsync();
        var client = await app.ClientFor(user.UserName);
        var demo = await app.WithDbAsync(db => db.Collaborations.Where(c => c.Name == DemoNames.CollaborationName).Select(c => c.Id).FirstAsync());

        var unchosen = await client.PostAsJsonAsync("/api/v1/employers", EmployerTestData.Body(EmployerTestData.NextNumber())).ProblemAsync(HttpStatusCode.BadRequest);
        var foreign = EmployerTestData.Body(EmployerTestData.NextNumber());
        foreign["collaborationId"] = demo.ToString();
        var notMine = await client.PostAsJsonAsync("/api/v1/employers", foreign).ProblemAsync(HttpStatusCode.BadRequest);
        var chosen = EmployerTestData.Body(EmployerTestData.NextNumber());
        chosen["collaborationId"] = user.Second.ToString();
        var created = await client.PostAsJsonAsync("/api/v1/employers", chosen).JsonAsync(HttpStatusCode.Created);

        Assert.Contains("flera", unchosen.FieldErrors("collaborationId").Single(), StringComparison.Ordinal);
        Assert.Equal("Välj en samverkan som er organisation ingår i.", notMine.FieldErrors("collaborationId").Single());
        Assert.Equal(user.Second.ToString(), (string?)created["ownerCollaborationId"]);
    }

    [Fact]
    public async Task The_create_page_offers_the_choice_only_when_there_is_one_to_make()
    {
        var user = await UserInTwoAsync();
        var two = await PageSession.SignInAsync(app, user.UserName);
        var one = await PageSession.SignInAsync(app, "jobb.taby");

        var choosing = await two.PageAsync("/Employers/Create");
        var single = await one.PageAsync("/Employers/Create");

        var options = choosing.GetElementById("CollaborationId")!.QuerySelectorAll("option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["", user.First.ToString(), user.Second.ToString()], options);
        Assert.Null(single.GetElementById("CollaborationId"));

        var refused = await PageSession.ParseAsync(await two.PostAsync(choosing, "/Employers/Create", new()
        {
            ["Employer.OrganisationNumber"] = EmployerTestData.NextNumber(), ["Employer.Name"] = "Valet AB", ["Employer.SniGroup"] = "493",
        }), HttpStatusCode.OK);
        Assert.Contains("flera", PageSession.MessageAt(refused, "CollaborationId"), StringComparison.Ordinal);

        var created = await two.PostAsync(choosing, "/Employers/Create", new()
        {
            ["Employer.OrganisationNumber"] = EmployerTestData.NextNumber(), ["Employer.Name"] = TestPeople.UniqueLastName("Valet ") + " AB",
            ["Employer.SniGroup"] = "493", ["Employer.CollaborationId"] = user.First.ToString(),
        }).ShouldBe(HttpStatusCode.Redirect);
        var id = Guid.Parse(created.Headers.Location!.OriginalString.Split('/')[^1]);
        Assert.Equal(user.First, await app.WithDbAsync(db => db.Employers.Where(e => e.Id == id).Select(e => e.OwnerCollaborationId).SingleAsync()));
    }
}
