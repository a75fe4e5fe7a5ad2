using System.Net;
using System.Net.Http.Json;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Arbetsvagen.Tests.Placements;
using Xunit;

namespace Arbetsvagen.Tests.Employers;

/// <summary>
/// Employer data is shared across the collaboration, and only there: a user of an organisation in another
/// collaboration gets, on every {id} endpoint, the same 404 as for an employer that does not exist, a denied entry
/// in the access log, and no read or change.
/// </summary>
public sealed class EmployerIsolationTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static readonly string[] Endpoints =
    [
        "GET employer", "PUT employer", "POST workplace", "PUT workplace", "DELETE workplace", "GET contacts", "POST contact", "PUT contact",
        "DELETE contact", "GET contact-log", "POST contact-log",
        "POST follow-up-done", "GET needs", "POST need", "POST need status", "GET need", "POST any need status",
        "POST need answer", "POST any need answer",
    ];

    public static TheoryData<string> All() => [.. Endpoints];

    [Theory]
    [MemberData(nameof(All))]
    public async Task A_user_of_another_collaboration_gets_404_and_a_denied_entry(string endpoint)
    {
        var target = await TargetAsync();
        var outsider = await app.OutsiderAsync();
        var client = await app.ClientFor(outsider);

        var problem = await Call(client, endpoint, target).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(IsolationMatrix.NotFoundDetail, (string?)problem["detail"]);
        var rows = await app.AccessLogAsync(a => a.UserName == outsider);
        Assert.Single(rows, r => r.Action == AccessAction.Denied);
        Assert.DoesNotContain(rows, r => r.Action != AccessAction.Denied);
        // The unknown id answers the same.
        var unknown = await Call(client, endpoint, target with { Employer = Guid.NewGuid(), Need = Guid.NewGuid() }).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal((string?)problem["detail"], (string?)unknown["detail"]);
    }

    [Fact]
    public async Task The_collaboration_reaches_every_endpoint()
    {
        var target = await TargetAsync();
        var client = await app.ClientFor("af.nordost");

        foreach (var endpoint in Endpoints)
        {
            var response = await Call(client, endpoint, target);
            Assert.True(response.IsSuccessStatusCode, $"{endpoint}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            if (endpoint == "POST need status")
            {
                target = target with { Need = await NewNeedAsync(client, target.Employer) };
            }
        }
    }

    private sealed record Target(Guid Employer, Guid Workplace, Guid Contact, Guid Entry, Guid Need, Guid Placement);

    private async Task<Target> TargetAsync()
    {
        var jobb = await app.ClientFor("jobb.taby");
        var employer = await app.CreateEmployerAsync();
        var workplace = (await jobb.GetAsync($"/api/v1/employers/{employer}").JsonAsync(HttpStatusCode.OK))["workplaces"]![0].Id();
        var contact = (await jobb.PostAsJsonAsync($"/api/v1/employers/{employer}/contacts", new { name = "Kim Kontakt" }).JsonAsync(HttpStatusCode.Created)).Id();
        var today = SwedishTime.Today(DateTime.UtcNow);
        var entry = (await jobb.PostAsJsonAsync($"/api/v1/employers/{employer}/contact-log",
            new { kind = "meeting", occurredOn = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), notes = "Möte.",
                followUpOn = today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) })
            .JsonAsync(HttpStatusCode.Created)).Id();
        return new Target(employer, workplace, contact, entry, await NewNeedAsync(jobb, employer), await app.PlacementAsync());
    }

    private static async Task<Guid> NewNeedAsync(HttpClient client, Guid employer) =>
        (await client.PostAsJsonAsync($"/api/v1/employers/{employer}/needs", new { occupationConceptId = "6zL8_YYP_1eR", numberOfPeople = 2 })
            .JsonAsync(HttpStatusCode.Created)).Id();

    private static Task<HttpResponseMessage> Call(HttpClient client, string endpoint, Target t) => endpoint switch
    {
        "GET employer" => client.GetAsync($"/api/v1/employers/{t.Employer}"),
        "PUT employer" => client.PutAsJsonAsync($"/api/v1/employers/{t.Employer}", new { name = "Övertaget AB", sniGroup = "493" }),
        "POST workplace" => client.PostAsJsonAsync($"/api/v1/employers/{t.Employer}/workplaces",
            new { name = "Nytt", streetAddress = "Gatan 1", postalCode = "18370", city = "Täby", municipalityCode = "0160" }),
        "PUT workplace" => client.PutAsJsonAsync($"/api/v1/employers/{t.Employer}/workplaces/{t.Workplace}",
            new { name = "Ändrat", streetAddress = "Gatan 2", postalCode = "18370", city = "Täby", municipalityCode = "0160" }),
        "DELETE workplace" => client.DeleteAsync($"/api/v1/employers/{t.Employer}/workplaces/{t.Workplace}"),
        "GET contacts" => client.GetAsync($"/api/v1/employers/{t.Employer}/contacts"),
        "POST contact" => client.PostAsJsonAsync($"/api/v1/employers/{t.Employer}/contacts", new { name = "Ny Person" }),
        "PUT contact" => client.PutAsJsonAsync($"/api/v1/employers/{t.Employer}/contacts/{t.Contact}", new { name = "Ändrad Person" }),
        "DELETE contact" => client.DeleteAsync($"/api/v1/employers/{t.Employer}/contacts/{t.Contact}"),
        "GET contact-log" => client.GetAsync($"/api/v1/employers/{t.Employer}/contact-log"),
        "POST contact-log" => client.PostAsJsonAsync($"/api/v1/employers/{t.Employer}/contact-log",
            new { kind = "email", occurredOn = SwedishTime.Today(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), notes = "E-post." }),
        "POST follow-up-done" => client.PostAsync($"/api/v1/employers/{t.Employer}/contact-log/{t.Entry}/follow-up-done", null),
        "GET needs" => client.GetAsync($"/api/v1/employers/{t.Employer}/needs"),
        "POST need" => client.PostAsJsonAsync($"/api/v1/employers/{t.Employer}/needs", new { occupationConceptId = "6zL8_YYP_1eR", numberOfPeople = 1 }),
        "POST need status" => client.PostAsJsonAsync($"/api/v1/employers/{t.Employer}/needs/{t.Need}/status", new { status = "inProgress" }),
        "GET need" => client.GetAsync($"/api/v1/employers/needs/{t.Need}"),
        "POST any need status" => client.PostAsJsonAsync($"/api/v1/employers/needs/{t.Need}/status", new { status = "inProgress" }),
        "POST need answer" => client.PostAsJsonAsync($"/api/v1/employers/{t.Employer}/needs/{t.Need}/answer", new { placementId = t.Placement }),
        "POST any need answer" => client.PostAsJsonAsync($"/api/v1/employers/needs/{t.Need}/answer", new { placementId = t.Placement }),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, null),
    };
}
