using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Features.Employers;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Infrastructure.Demo;
using Arbetsvagen.Tests.Infrastructure;
using Arbetsvagen.Tests.Placements;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Arbetsvagen.Tests.JobTracks;

/// <summary>What the job-track tests build on: an employer in the register, a track brought to recruitment, people with consent.</summary>
public static class JobTrackData
{
    public const string Owner = "Täby kommun – Jobbcentrum";
    public const string Provider = DemoNames.NorrtaljeVuxName;
    public const string Af = DemoNames.AfName;
    public const string BusDriver = "6zL8_YYP_1eR";

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Today => SwedishTime.Today(DateTime.UtcNow);

    /// <summary>An employer in the demo collaboration's register, owned by Täby's job centre (the placement tests' helper).</summary>
    public static async Task<Guid> EmployerAsync(AppFactory app, string name) => (await PlacementTestData.EmployerAsync(app, name)).EmployerId;

    public static async Task<JsonObject> BusDriversAsync(AppFactory app, DateOnly startsOn, params Guid[] employers) => new()
    {
        ["title"] = "Bussförare " + TestPeople.UniqueLastName("Nobina"),
        ["employerIds"] = new JsonArray(employers.Select(e => (JsonNode)e.ToString()).ToArray()),
        ["occupation"] = BusDriver,
        ["providerOrganisationId"] = (await app.OrganisationId(Provider)).ToString(),
        ["trainingComponents"] = "Bussförarutbildning 25 veckor Komvux",
        ["trainingStartsOn"] = Day(startsOn),
        ["trainingWeeks"] = 25,
        ["regi"] = "municipality",
        ["employmentForm"] = "permanentWithProbation",
        ["workplaceMunicipalityCode"] = "0188",
        ["places"] = 10,
        ["expectedHires"] = 10,
        ["publicDescription"] = "Utbildning till bussförare med anställning hos Nobina efteråt. Fråga din handläggare.",
        ["price"] = "1500",
        ["priceUnit"] = "perWeek",
    };

    /// <summary>A track moved through planning and decision to recruitment by <paramref name="by"/>, with a requirement profile.</summary>
    public static async Task<Guid> InRecruitmentAsync(AppFactory app, HttpClient by, DateOnly startsOn, JsonArray? requirements = null)
    {
        var body = await BusDriversAsync(app, startsOn);
        body["requirements"] = requirements ?? new JsonArray(new JsonObject { ["kind"] = "drivingLicence", ["value"] = "B", ["mustHave"] = true });
        var id = (await by.PostAsJsonAsync("/api/v1/job-tracks", body).JsonAsync(HttpStatusCode.Created)).Id();
        await Stage(by, id, "needsCapture").ShouldBe(HttpStatusCode.OK);
        await by.PostAsJsonAsync($"/api/v1/job-tracks/{id}/team", new { name = "Eva Ström", role = "Projektledare", organisation = "Täby kommun" })
            .ShouldBe(HttpStatusCode.Created);
        await Stage(by, id, "planning").ShouldBe(HttpStatusCode.OK);
        await by.PostAsJsonAsync($"/api/v1/job-tracks/{id}/decision", new { decidedOn = Day(Today), reference = "SG 2026/14" }).ShouldBe(HttpStatusCode.OK);
        await by.PostAsJsonAsync($"/api/v1/job-tracks/{id}/documents", new { kind = "supplierAgreement", date = Day(Today), reference = "LA-2026-3" })
            .ShouldBe(HttpStatusCode.Created);
        await Stage(by, id, "decided").ShouldBe(HttpStatusCode.OK);
        await Stage(by, id, "recruitment").ShouldBe(HttpStatusCode.OK);
        return id;
    }

    public static Task<HttpResponseMessage> Stage(HttpClient client, Guid track, string stage) =>
        client.PostAsJsonAsync($"/api/v1/job-tracks/{track}/stage", new { stage });

    public static Task<HttpResponseMessage> CandidateStage(HttpClient client, Guid track, Guid candidate, object body) =>
        client.PostAsJsonAsync($"/api/v1/job-tracks/{track}/candidates/{candidate}/stage", body);

    /// <summary>A participant of <paramref name="caseworker"/>'s unit living in <paramref name="municipality"/>, with a consent naming the recipients.</summary>
    public static async Task<CreatedParticipant> PersonAsync(AppFactory app, string caseworker, string municipality, params string[] consentTo)
    {
        var person = await app.CreateParticipantAsync(caseworker, b => b["homeMunicipalityCode"] = municipality);
        if (consentTo.Length > 0)
        {
            await app.GiveConsentAsync(person.Id, consentTo, ["identity", "caseAndPlan"], caseworker);
        }

        return person;
    }

    /// <summary>A caseworker of an organisation outside the demo collaboration: job tracks are not theirs to see.</summary>
    public static async Task<string> OutsiderAsync(AppFactory app)
    {
        var userName = "test." + TestPeople.UniqueLastName("sigtuna").ToLowerInvariant();
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var organisation = Organisation.CreateTopLevel("Sigtuna kommun " + userName, OrganisationKind.Municipality, "0191", DateTime.UtcNow);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync();
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = userName, DisplayName = "Sigge Utanför", OrganisationId = organisation.Id };
            await users.CreateAsync(user, AppFactory.DemoPassword);
            await users.AddToRoleAsync(user, Roles.LabourMarketConsultant);
            return true;
        });
        return userName;
    }

    /// <summary>
    /// A caseworker of a new municipality that is in the demo collaboration and in a second one of its own: which of
    /// the two owns a new job track must be chosen.
    /// </summary>
    public static async Task<(string UserName, Guid Demo, Guid Other)> InTwoCollaborationsAsync(AppFactory app)
    {
        var userName = "test." + TestPeople.UniqueLastName("knivsta").ToLowerInvariant();
        var (demo, other) = await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var organisation = Organisation.CreateTopLevel("Knivsta kommun " + userName, OrganisationKind.Municipality, "0330", DateTime.UtcNow);
            db.Organisations.Add(organisation);
            var demo = await db.Set<Collaboration>().Where(c => c.Name == DemoNames.CollaborationName).Select(c => c.Id).SingleAsync();
            db.Add(new CollaborationMember { CollaborationId = demo, OrganisationId = organisation.Id });
            var second = Collaboration.Create("Uppsala Norr " + userName, [organisation]);
            db.Add(second);
            await db.SaveChangesAsync();
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = userName, DisplayName = "Kim Tvåsamverkan", OrganisationId = organisation.Id };
            await users.CreateAsync(user, AppFactory.DemoPassword);
            await users.AddToRoleAsync(user, Roles.LabourMarketConsultant);
            return (demo, second.Id);
        });
        return (userName, demo, other);
    }
}
