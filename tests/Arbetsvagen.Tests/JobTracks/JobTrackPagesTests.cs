using System.Net;
using System.Net.Http.Json;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;
using static Arbetsvagen.Tests.JobTracks.JobTrackData;

namespace Arbetsvagen.Tests.JobTracks;

public sealed class JobTrackPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_create_form_names_each_bad_field_and_saves_nothing_then_creates_the_track()
    {
        var page = await PageSession.SignInAsync(app, "jobb.taby");
        var title = TestPeople.UniqueLastName("Servicebiträde");
        var refused = await page.SubmitAsync("/JobTracks/Create", "Skapa jobbspår", new()
        {
            ["Form.Title"] = title, ["Form.Occupation"] = "Rymdpilot", ["Form.TrainingWeeks"] = "tio",
            ["Form.Requirements[0].Kind"] = "drivingLicence", ["Form.Requirements[0].Value"] = "Q", ["Form.Requirements[0].MustHave"] = "true",
        });
        Assert.Contains("taxonomi", PageSession.MessageAt(refused, "Form_Occupation"), StringComparison.Ordinal);
        Assert.NotNull(PageSession.MessageAt(refused, "Form_TrainingWeeks"));
        var summary = PageSession.Summary(refused);
        Assert.Contains(summary, s => s.Target == "#Form_Occupation");
        Assert.Contains(summary, s => s.Message.Contains("Körkort", StringComparison.Ordinal));
        var list = await page.GetAsync("/JobTracks");
        Assert.DoesNotContain(title, list.Body!.TextContent, StringComparison.Ordinal);

        var provider = await app.OrganisationId(Provider);
        var created = await page.PostAsync("/JobTracks/Create", "/JobTracks/Create", new()
        {
            ["Form.Title"] = title, ["Form.Occupation"] = "Vårdbiträde", ["Form.ProviderOrganisationId"] = provider.ToString(),
            ["Form.TrainingComponents"] = "2 v FUB + 8 v AUB", ["Form.TrainingStartsOn"] = Day(Today.AddDays(20)), ["Form.TrainingWeeks"] = "10",
            ["Form.Regi"] = "employmentService", ["Form.EmploymentForm"] = "extraJob", ["Form.WorkplaceMunicipalityCode"] = "0160",
            ["Form.Places"] = "10", ["Form.ExpectedHires"] = "10", ["Form.PriceUnit"] = "perWeek",
        });
        await created.ShouldBe(HttpStatusCode.Redirect);
        var details = await page.GetAsync(created.Headers.Location!.OriginalString);
        Assert.Equal(title, details.QuerySelector("h1")!.TextContent.Trim());
        Assert.EndsWith(" – Arbetsvägen", details.Title, StringComparison.Ordinal);
        Assert.Contains(details.QuerySelectorAll("button"), b => b.TextContent.Trim() == "Flytta till behovsfångst");
    }

    [Fact]
    public async Task The_track_page_shows_own_candidates_by_name_and_others_only_as_a_count()
    {
        var owner = await app.ClientFor("jobb.taby");
        var id = await InRecruitmentAsync(app, owner, Today.AddDays(40));
        var own = await PersonAsync(app, "jobb.taby", "0160");
        var foreign = await PersonAsync(app, "jobb.vaxholm", "0187", Owner);
        await owner.PostAsJsonAsync($"/api/v1/job-tracks/{id}/candidates", new { participantId = own.Id }).ShouldBe(HttpStatusCode.Created);
        await (await app.ClientFor("jobb.vaxholm")).PostAsJsonAsync($"/api/v1/job-tracks/{id}/candidates", new { participantId = foreign.Id })
            .ShouldBe(HttpStatusCode.Created);

        var vaxholm = await PageSession.SignInAsync(app, "jobb.vaxholm");
        var seen = await vaxholm.GetAsync($"/JobTracks/Details/{id}");
        var text = seen.Body!.TextContent;
        Assert.Contains(foreign.LastName, text, StringComparison.Ordinal);
        Assert.DoesNotContain(own.LastName, text, StringComparison.Ordinal);
        Assert.Contains("1 kandidat från andra organisationer", text, StringComparison.Ordinal);

        // The owner moves its own candidate from the page; the AF check is not offered to a non-Arbetsförmedlare.
        var taby = await PageSession.SignInAsync(app, "jobb.taby");
        var page = await taby.GetAsync($"/JobTracks/Details/{id}");
        Assert.Contains("AF-kontroll görs av arbetsförmedlare", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.All(page.QuerySelectorAll("form[method=post]"), f => Assert.NotNull(f.QuerySelector("input[name=__RequestVerificationToken]")));
        var withdraw = page.QuerySelectorAll("button").First(b => b.GetAttribute("aria-label") == $"Avbruten: {own.FirstName} {own.LastName}");
        var action = withdraw.Closest("form")!.GetAttribute("action")!;
        await taby.PostAsync(page, action, new() { ["Move.Stage"] = "discontinued" }).ShouldBe(HttpStatusCode.Redirect);
        var after = await owner.GetAsync($"/api/v1/job-tracks/{id}/candidates").JsonAsync(HttpStatusCode.OK);
        Assert.Contains(after["candidates"]!.AsArray(), c => (string?)c!["stage"] == "discontinued");

        var outsider = await PageSession.SignInAsync(app, await OutsiderAsync(app));
        await outsider.GetAsync($"/JobTracks/Details/{id}", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_compensation_page_refuses_a_reversed_period_and_offers_the_csv()
    {
        var page = await PageSession.SignInAsync(app, "samordnare.nordost");
        var refused = await page.GetAsync("/Compensation?from=2026-06-01&to=2026-01-01");
        Assert.NotNull(PageSession.MessageAt(refused, "To"));
        var shown = await page.GetAsync("/Compensation");
        Assert.Equal("Interkommunal ersättning", shown.QuerySelector("h1")!.TextContent.Trim());
        var csv = await page.Client.GetAsync("/Compensation?handler=Csv&from=2026-01-01&to=2026-12-31").ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
    }
}
