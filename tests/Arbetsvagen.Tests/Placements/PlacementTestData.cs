using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Features.Employers;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Infrastructure.Demo;
using Arbetsvagen.Tests.ActionPlans;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Arbetsvagen.Tests.Placements;

/// <summary>What placement tests build on: an employer in the demo collaboration, a participant with a plan, a placement body.</summary>
public static class PlacementTestData
{
    public const string BusDriver = "Bussförare";
    public static DateOnly Today => SwedishTime.Today(DateTime.UtcNow);

    public static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An employer with one workplace in Täby, registered straight in the database (the register has its own branch).</summary>
    public static Task<(Guid EmployerId, Guid WorkplaceId)> EmployerAsync(this AppFactory app, string name = "Testbolaget AB") =>
        app.WithDbAsync(async db =>
        {
            var collaboration = await db.Collaborations.Where(c => c.Name == DemoNames.CollaborationName).Select(c => c.Id).FirstAsync();
            var owner = await db.Organisations.Where(o => o.Name == DemoNames.JobCentreName("Täby")).Select(o => o.Id).FirstAsync();
            var number = string.Concat(Guid.NewGuid().ToString("N").Where(char.IsAsciiDigit).Take(9)).PadRight(9, '7');
            var employer = Employer.Create("55" + number[..8], false, name, "493", EmployerSize.Medium, collaboration, owner, Guid.NewGuid(), DateTime.UtcNow);
            var workplace = employer.AddWorkplace("Depå Täby", "Depåvägen 1", "183 70", "Täby", "0160", "Buss 610 till Täby centrum");
            db.Add(employer);
            await db.SaveChangesAsync();
            return (employer.Id, workplace.Id);
        });

    public static JsonObject PlacementBody(Guid employerId, Guid workplaceId, int places = 2, int startDays = 0, int endDays = 60) => new()
    {
        ["employerId"] = employerId.ToString(),
        ["workplaceId"] = workplaceId.ToString(),
        ["kind"] = "workExperience",
        ["occupation"] = BusDriver,
        ["tasks"] = "Följa med förare, städa bussar, lära sig depåns rutiner.",
        ["supervisorName"] = "Hanna Handledare",
        ["supervisorPhone"] = "08-123 45 67",
        ["supervisorEmail"] = "hanna@example.se",
        ["accessibilityNote"] = "Depån har hiss.",
        ["languageSupportNote"] = "Handledaren talar arabiska.",
        ["periods"] = new JsonArray(new JsonObject { ["startsOn"] = D(Today.AddDays(startDays)), ["endsOn"] = D(Today.AddDays(endDays)), ["places"] = places }),
        ["requirements"] = new JsonArray(
            new JsonObject { ["kind"] = "swedishLevel", ["value"] = "sfiC", ["mustHave"] = true },
            new JsonObject { ["kind"] = "drivingLicence", ["value"] = "B", ["mustHave"] = false }),
    };

    public static async Task<Guid> PlacementAsync(this AppFactory app, int places = 2, string user = "jobb.taby")
    {
        var (employer, workplace) = await app.EmployerAsync();
        var client = await app.ClientFor(user);
        return (await client.PostAsJsonAsync("/api/v1/placements", PlacementBody(employer, workplace, places)).JsonAsync(HttpStatusCode.Created)).Id();
    }

    /// <summary>A participant of soc.taby's with a six-month plan.</summary>
    public static async Task<CreatedParticipant> ParticipantWithPlanAsync(this AppFactory app, string owner = "soc.taby")
    {
        var participant = await app.CreateParticipantAsync(owner);
        var client = await app.ClientFor(owner);
        await client.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/action-plan/revisions", ActionPlansApiTests.PlanBody(0))
            .JsonAsync(HttpStatusCode.Created);
        return participant;
    }

    public static JsonObject BookingBody(Guid participantId, int startDays = 1, int endDays = 20, bool supervisorMayKnow = true) => new()
    {
        ["participantId"] = participantId.ToString(),
        ["startsOn"] = D(Today.AddDays(startDays)),
        ["endsOn"] = D(Today.AddDays(endDays)),
        ["hoursPerWeek"] = 20,
        ["supervisorMayKnow"] = supervisorMayKnow,
    };

    /// <summary>A caseworker of a municipality outside the demo collaboration, made in the database: outside every placement's reach.</summary>
    public static async Task<string> OutsiderAsync(this AppFactory app) =>
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var name = "Utanförby kommun " + TestPeople.UniqueLastName();
            var municipality = Organisation.CreateTopLevel(name, OrganisationKind.Municipality, "0180", DateTime.UtcNow);
            db.Add(municipality);
            await db.SaveChangesAsync();
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = "ute." + Guid.NewGuid().ToString("N")[..8], DisplayName = "Ute Utanför", OrganisationId = municipality.Id };
            await users.CreateAsync(user, AppFactory.DemoPassword);
            await users.AddToRoleAsync(user, Roles.LabourMarketConsultant);
            return user.UserName;
        });
}
