using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Arbetsvagen.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Arbetsvagen.BrowserTests;

/// <summary>
/// Matching in a browser (issue 10): the coordinator opens a bus-driver job track, reads its ranked candidates, and asks
/// the caseworker of an anonymous one; that caseworker opens the notice, reads the person's opportunities and proposes
/// them for the track. The weights page refuses a negative weight. Every page passes axe.
/// </summary>
public sealed class MatchingJourneyTests(BrowserApp app) : BrowserTest(app)
{
    private const string BusDriver = "6zL8_YYP_1eR";

    [Fact]
    public async Task A_coordinator_asks_a_foreign_caseworker_who_proposes_the_anonymous_candidate()
    {
        // The track needs licence DE, which no demo person holds: the person made here is its only candidate.
        var title = "Bussförare " + TestPeople.UniqueLastName("Linje");
        await TrackAsync(title);
        var person = await DriverAsync();

        var page = await LoginAsync("samordnare.nordost");
        await MainNav(page).GetByRole(AriaRole.Link, new() { Name = "Jobbspår" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await ExpectHeadingAsync(page, title);
        await page.GetByRole(AriaRole.Link, new() { Name = "Matchande kandidater" }).ClickAsync();
        await ExpectHeadingAsync(page, $"Matchande kandidater – {title}");
        var candidate = page.Locator("ol.ranking > li").First;
        await Expect(candidate.GetByRole(AriaRole.Heading, new() { Level = 3 })).ToContainTextAsync("Anonym kandidat 1");
        await Expect(candidate).Not.ToContainTextAsync(person.LastName);
        await candidate.Locator("summary").ClickAsync();
        await Expect(candidate.GetByRole(AriaRole.Table).First).ToContainTextAsync("Yrkeserfarenhet");
        await AssertAccessibleAsync(page);

        await candidate.GetByRole(AriaRole.Button, new() { Name = "Be handläggaren föreslå Anonym kandidat 1" }).ClickAsync();
        await Expect(Flash(page)).ToContainTextAsync("Kandidatens handläggare har fått en notis");
        await Expect(page.Locator("ol.ranking > li").First).ToContainTextAsync("Handläggaren tillfrågad");
        await AssertAccessibleAsync(page);

        // The weights: a negative one is refused at its field.
        await page.GetByRole(AriaRole.Link, new() { Name = "Vikter för matchning" }).ClickAsync();
        await Expect(Heading(page)).ToContainTextAsync("Vikter för matchning");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Vikt för kompetenser").FillAsync("-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara vikterna" }).ClickAsync();
        await Expect(ErrorSummary(page)).ToContainTextAsync("får inte vara negativ");
        await AssertAccessibleAsync(page);

        // The person's own caseworker: the notice names the person, and leads to their opportunities.
        var caseworker = await LoginAsync("jobb.vaxholm");
        await MainNav(caseworker).GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Notiser") }).ClickAsync();
        var notice = caseworker.GetByRole(AriaRole.Button).Filter(new() { HasText = person.LastName }).First;
        await Expect(notice).ToContainTextAsync("ber dig överväga att föreslå");
        await AssertAccessibleAsync(caseworker);
        await notice.ClickAsync();
        await ExpectHeadingAsync(caseworker, $"Möjligheter för Bo {person.LastName}");
        await Expect(caseworker.GetByRole(AriaRole.Region, new() { Name = "Förfrågningar om förslag" })).ToContainTextAsync(title);
        await AssertAccessibleAsync(caseworker);

        var entry = caseworker.Locator("ol.ranking > li").Filter(new() { HasText = title });
        await entry.GetByRole(AriaRole.Button, new() { Name = $"Föreslå till jobbspåret {title}" }).ClickAsync();
        await Expect(Flash(caseworker)).ToHaveTextAsync("Deltagaren är föreslagen till jobbspåret.");
        await Expect(caseworker.Locator("ol.ranking > li").Filter(new() { HasText = title })).ToContainTextAsync("Föreslagen");
        await AssertAccessibleAsync(caseworker);
    }

    private async Task<HttpClient> ApiAsync(string userName)
    {
        var http = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        var token = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = BrowserApp.DemoPassword });
        token.EnsureSuccessStatusCode();
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return http;
    }

    private static async Task<JsonNode> OkAsync(Task<HttpResponseMessage> call)
    {
        var response = await call;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    private async Task<Guid> OrganisationAsync(HttpClient http, string name) =>
        (Guid)(await OkAsync(http.GetAsync("/api/v1/organisations"))).AsArray().First(o => (string?)o!["name"] == name)!["id"]!;

    /// <summary>A bus-driver track brought to recruitment by Täby's job centre, needing licence DE and 21 years.</summary>
    private async Task<Guid> TrackAsync(string title)
    {
        using var http = await ApiAsync("jobb.taby");
        var body = new JsonObject
        {
            ["title"] = title, ["occupation"] = BusDriver, ["providerOrganisationId"] = (await OrganisationAsync(http, "Norrtälje vuxenutbildning")).ToString(),
            ["trainingComponents"] = "Bussförarutbildning 25 veckor Komvux", ["trainingStartsOn"] = Iso(Today.AddDays(45)), ["trainingWeeks"] = 25,
            ["regi"] = "municipality", ["employmentForm"] = "permanentWithProbation", ["workplaceMunicipalityCode"] = "0188", ["places"] = 10,
            ["expectedHires"] = 10, ["price"] = "1500", ["priceUnit"] = "perWeek",
            ["requirements"] = new JsonArray(
                new JsonObject { ["kind"] = "drivingLicence", ["value"] = "DE", ["mustHave"] = true },
                new JsonObject { ["kind"] = "minimumAge", ["value"] = "21", ["mustHave"] = true },
                new JsonObject { ["kind"] = "occupationExperience", ["value"] = "8331", ["mustHave"] = false }),
        };
        var id = (Guid)(await OkAsync(http.PostAsJsonAsync("/api/v1/job-tracks", body)))["id"]!;
        async Task Stage(string stage) => await OkAsync(http.PostAsJsonAsync($"/api/v1/job-tracks/{id}/stage", new { stage }));
        await Stage("needsCapture");
        await OkAsync(http.PostAsJsonAsync($"/api/v1/job-tracks/{id}/team", new { name = "Eva Ström", role = "Projektledare", organisation = "Täby kommun" }));
        await Stage("planning");
        await OkAsync(http.PostAsJsonAsync($"/api/v1/job-tracks/{id}/decision", new { decidedOn = Iso(Today), reference = "SG 2026/30" }));
        await OkAsync(http.PostAsJsonAsync($"/api/v1/job-tracks/{id}/documents", new { kind = "supplierAgreement", date = Iso(Today), reference = "LA-2026-30" }));
        await Stage("decided");
        await Stage("recruitment");
        return id;
    }

    /// <summary>Vaxholm's job centre's participant with licence DE and bus-driver experience, who consents to Täby's job centre and AF.</summary>
    private async Task<RegisteredParticipant> DriverAsync()
    {
        using var http = await ApiAsync("jobb.vaxholm");
        var number = App.People.NextPersonnummer();
        var lastName = TestPeople.UniqueLastName("Förare");
        var body = new JsonObject
        {
            ["personalIdentityNumber"] = number, ["firstName"] = "Bo", ["lastName"] = lastName, ["gender"] = "man",
            ["homeMunicipalityCode"] = "0187", ["drivingLicences"] = new JsonArray("B", "DE"), ["occupationsOfExperience"] = new JsonArray(BusDriver),
        };
        var id = (Guid)(await OkAsync(http.PostAsJsonAsync("/api/v1/participants", body)))["id"]!;
        var recipients = new JsonArray(
            (await OrganisationAsync(http, "Täby kommun – Jobbcentrum")).ToString(), (await OrganisationAsync(http, Arbetsvagen.Infrastructure.Demo.DemoNames.AfName)).ToString());
        await OkAsync(http.PostAsJsonAsync($"/api/v1/participants/{id}/consents", new JsonObject
        {
            ["recipientOrganisationIds"] = recipients, ["categories"] = new JsonArray("identity", "caseAndPlan"),
            ["purpose"] = "Deltagande i lokalt jobbspår.", ["form"] = "written", ["validUntil"] = Iso(Today.AddMonths(6)),
        }));
        return new RegisteredParticipant(id, number, "Bo", lastName);
    }
}
