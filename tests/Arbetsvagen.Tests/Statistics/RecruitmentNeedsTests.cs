using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Arbetsvagen.Tests.Infrastructure;
using Arbetsvagen.Tests.JobAds;
using Xunit;

namespace Arbetsvagen.Tests.Statistics;

/// <summary>
/// Recruitment needs from job ads against the register's supply (issue 11 §3): sums and trend per field, the occupation
/// groups with most jobs, candidates with experience counted and 1–4 suppressed, and bad filters named.
/// The ads are for a month of 2031 and ship engineers (SSYK 3151), which nothing else in the database has.
/// </summary>
public sealed class RecruitmentNeedsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string ShipEngineer = "Nf55_bBW_JXz"; // SSYK 3151

    private static string ShipAd(string id, int vacancies, string published) => JobAdFileTests.Ad(id, a =>
    {
        a["occupation_group"] = new JsonObject { ["legacy_ams_taxonomy_id"] = "3151" };
        a["last_publication_date"] = "2031-12-31T23:59:59";
    }, vacancies, "0187", published);

    private async Task ImportAsync(string content)
    {
        var client = await app.ClientFor("samordnare.nordost");
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        var id = (await client.PostAsync("/api/v1/job-ads/imports?fileName=fartyg.jsonl", body).JsonAsync(HttpStatusCode.Created)).Id();
        for (var i = 0; i < 300 && (string?)(await client.GetFromJsonAsync<JsonObject>($"/api/v1/job-ads/imports/{id}"))!["status"] != "completed"; i++)
        {
            await Task.Delay(100);
        }
    }

    private Task<CreatedParticipant> EngineerAsync() =>
        app.CreateParticipantAsync("jobb.vaxholm", b =>
        {
            b["homeMunicipalityCode"] = "0187";
            b["occupationsOfExperience"] = new JsonArray((JsonNode)ShipEngineer);
        });

    [Fact]
    public async Task Demand_is_summed_with_its_trend_and_set_against_the_supply_with_small_counts_hidden()
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        await ImportAsync(string.Join("\n", ShipAd($"s1-{run}", 2, "2031-03-03T08:00:00"), ShipAd($"s2-{run}", 3, "2031-03-20T08:00:00"),
            ShipAd($"s3-{run}", 1, "2031-02-10T08:00:00")) + "\n");
        await EngineerAsync();
        await EngineerAsync();
        var analyst = await app.ClientFor("analytiker");
        const string March = "/api/v1/statistics/recruitment-needs?from=2031-03-01&to=2031-03-31&municipalityCode=0187";

        var needs = await analyst.GetFromJsonAsync<JsonObject>(March);
        Assert.Equal("5 jobb i 2 annonser", (string?)needs!["summary"]);
        Assert.Equal(1, (int)needs["previousJobs"]!); // February's one job: the 31 days before
        var field = needs["fields"]!.AsArray().Single()!;
        Assert.Equal("Transport, distribution, lager", (string?)field["fieldName"]);
        var ships = needs["occupations"]!.AsArray().Single(o => (string?)o!["ssyk"] == "3151")!;
        Assert.Equal((5, 2), ((int)ships["jobs"]!, (int)ships["ads"]!));
        Assert.True((bool)ships["candidatesWithExperience"]!["suppressed"]!); // two people: not shown
        Assert.Null(ships["candidatesWithExperience"]!["value"]);

        for (var i = 0; i < 3; i++)
        {
            await EngineerAsync();
        }

        var five = (await analyst.GetFromJsonAsync<JsonObject>(March))!["occupations"]!.AsArray().Single(o => (string?)o!["ssyk"] == "3151")!;
        Assert.Equal(5, (int?)five["candidatesWithExperience"]!["value"]);
        Assert.False((bool)five["candidatesWithExperience"]!["suppressed"]!);
        Assert.Equal(0, (int?)five["candidatesInterested"]!["value"]);
    }

    [Fact]
    public async Task Bad_filters_are_named_and_the_page_shows_the_same_figures()
    {
        var client = await app.ClientFor("analytiker");
        var unknown = await client.GetAsync("/api/v1/statistics/recruitment-needs?municipalityCode=9999").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("municipalityCode", unknown["errors"]!.AsObject().Select(e => e.Key));
        var backwards = await client.GetAsync("/api/v1/statistics/recruitment-needs?from=2031-03-31&to=2031-03-01").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("from", backwards["errors"]!.AsObject().Select(e => e.Key));

        var page = await app.PagesClientFor("analytiker");
        var html = await page.GetStringAsync("/Statistics/RecruitmentNeeds?from=2031-03-01&to=2031-03-31&municipalityCode=0187");
        Assert.Contains("Rekryteringsbehov och utbud", html, StringComparison.Ordinal);
    }
}
