using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Features.Employers;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Arbetsvagen.Tests.Employers;

/// <summary>Employers made through the API with fresh numbers, and a user outside the demo collaboration.</summary>
public static class EmployerTestData
{
    private static int next = Random.Shared.Next(0, 900_000);

    /// <summary>A fresh, valid organisationsnummer of an aktiebolag (5…, check digit computed).</summary>
    public static string NextNumber()
    {
        // "559": an aktiebolag's prefix, whose third digit (9) keeps it from looking like a personnummer.
        var nine = "559" + (Interlocked.Increment(ref next) % 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        return nine + OrganisationNumber.CheckDigit(nine).ToString(CultureInfo.InvariantCulture);
    }

    public static JsonObject Body(string number, string? name = null) => new()
    {
        ["organisationNumber"] = number,
        ["name"] = name ?? TestPeople.UniqueLastName("Testbolaget ") + " AB",
        ["sniGroup"] = "493",
        ["size"] = "medium",
        ["workplaces"] = new JsonArray(new JsonObject
        {
            ["name"] = "Depån", ["streetAddress"] = "Provvägen 1", ["postalCode"] = "18370", ["city"] = "Täby", ["municipalityCode"] = "0160",
            ["transportNote"] = "Buss 621.",
        }),
    };

    public static async Task<Guid> CreateEmployerAsync(this AppFactory app, string userName = "jobb.taby", string? name = null)
    {
        var client = await app.ClientFor(userName);
        return (await client.PostAsJsonAsync("/api/v1/employers", Body(NextNumber(), name)).JsonAsync(HttpStatusCode.Created)).Id();
    }

    /// <summary>
    /// A labour-market consultant of a municipality in another collaboration (made straight in the database, since
    /// the demo administrator administers only the demo region); answers the user name, password is the demo one.
    /// </summary>
    public static async Task<string> OutsiderAsync(this AppFactory app)
    {
        var userName = "extern." + TestPeople.UniqueLastName("u").ToLowerInvariant();
        await app.WithScopeAsync(async services =>
        {
            var db = services.GetRequiredService<AppDbContext>();
            var organisation = Organisation.CreateTopLevel("Annanstad kommun " + userName, OrganisationKind.Municipality, "0180", DateTime.UtcNow);
            db.Organisations.Add(organisation);
            db.Collaborations.Add(Collaboration.Create("Annan samverkan " + userName, [organisation]));
            await db.SaveChangesAsync();
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var user = new AppUser { UserName = userName, DisplayName = "Extern Handläggare", OrganisationId = organisation.Id };
            Assert(await users.CreateAsync(user, AppFactory.DemoPassword));
            Assert(await users.AddToRoleAsync(user, Roles.LabourMarketConsultant));
            return 0;
        });
        return userName;
    }

    private static void Assert(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
