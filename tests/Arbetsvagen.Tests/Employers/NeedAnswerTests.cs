using System.Net;
using System.Net.Http.Json;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Arbetsvagen.Tests.JobTracks;
using Arbetsvagen.Tests.Placements;
using Xunit;

namespace Arbetsvagen.Tests.Employers;

/// <summary>
/// A competence need is linked to the job track or placement of its collaboration that answers it, which makes it handled
/// as its rules allow; the need and the employer's page show the link.
/// </summary>
public sealed class NeedAnswerTests(AppFactory app) : IClassFixture<AppFactory>
{
    private sealed record Setup(Guid Employer, Guid Placement, Guid Need, HttpClient Jobb);

    private async Task<Setup> NeedWithPlacementAsync()
    {
        var (employer, workplace) = await app.EmployerAsync(TestPeople.UniqueLastName("Behovsbolaget ") + " AB");
        var jobb = await app.ClientFor("jobb.taby");
        var placement = (await jobb.PostAsJsonAsync("/api/v1/placements", PlacementTestData.PlacementBody(employer, workplace)).JsonAsync(HttpStatusCode.Created)).Id();
        var need = (await jobb.PostAsJsonAsync($"/api/v1/employers/{employer}/needs", new { occupationConceptId = JobTrackData.BusDriver, numberOfPeople = 3 })
            .JsonAsync(HttpStatusCode.Created)).Id();
        return new Setup(employer, placement, need, jobb);
    }

    [Fact]
    public async Task Answering_an_incoming_need_records_the_link_and_moves_it_through_in_progress_to_handled()
    {
        var (employer, placement, need, jobb) = await NeedWithPlacementAsync();
        var track = (await jobb.PostAsJsonAsync("/api/v1/job-tracks", await JobTrackData.BusDriversAsync(app, JobTrackData.Today.AddDays(30), employer))
            .JsonAsync(HttpStatusCode.Created)).Id();
        var answer = $"/api/v1/employers/{employer}/needs/{need}/answer";

        var both = await jobb.PostAsJsonAsync(answer, new { jobTrackId = track, placementId = placement }).ProblemAsync(HttpStatusCode.BadRequest);
        var unknown = await jobb.PostAsJsonAsync(answer, new { jobTrackId = Guid.NewGuid() }).ProblemAsync(HttpStatusCode.BadRequest);
        var byPlacement = await jobb.PostAsJsonAsync(answer, new { placementId = placement }).JsonAsync(HttpStatusCode.OK);
        var byTrack = await jobb.PostAsJsonAsync(answer, new { jobTrackId = track }).JsonAsync(HttpStatusCode.OK);

        Assert.Contains("inte båda", both.FieldErrors("placementId").Single(), StringComparison.Ordinal);
        Assert.Equal("Välj ett jobbspår i behovets samverkan.", unknown.FieldErrors("jobTrackId").Single());
        Assert.Equal("handled", (string?)byPlacement["status"]);
        Assert.Equal(["received", "inProgress", "handled"], byPlacement["history"]!.AsArray().Select(h => (string)h!["to"]!).ToArray());
        Assert.StartsWith("Besvaras av praktikplatsen Praktik", (string?)byPlacement["history"]![2]!["note"], StringComparison.Ordinal);
        Assert.Equal(placement.ToString(), (string?)byTrack["answeredByPlacementId"]);
        Assert.Equal(track.ToString(), (string?)byTrack["answeredByJobTrackId"]);
        Assert.Equal(["received", "inProgress", "handled", "handled"], byTrack["history"]!.AsArray().Select(h => (string)h!["to"]!).ToArray());

        // The employer's page lists the need with both answers, linked.
        var page = await (await PageSession.SignInAsync(app, "af.nordost")).PageAsync($"/Employers/Details/{employer}");
        var row = page.GetElementById("needs")!.QuerySelector("tbody tr")!;
        Assert.NotNull(row.QuerySelector($"a[href='/Placements/Details/{placement}']"));
        Assert.NotNull(row.QuerySelector($"a[href='/JobTracks/Details/{track}']"));
    }

    [Fact]
    public async Task A_declined_need_is_not_answered_and_a_closed_placement_answers_nothing()
    {
        var (employer, placement, need, jobb) = await NeedWithPlacementAsync();
        var other = (await jobb.PostAsJsonAsync($"/api/v1/employers/{employer}/needs", new { occupationConceptId = JobTrackData.BusDriver, numberOfPeople = 1 })
            .JsonAsync(HttpStatusCode.Created)).Id();
        await jobb.PostAsJsonAsync($"/api/v1/employers/needs/{need}/status", new { status = "declined", reason = "Inga förare att få." }).ShouldBe(HttpStatusCode.OK);

        var declined = await jobb.PostAsJsonAsync($"/api/v1/employers/needs/{need}/answer", new { placementId = placement }).ProblemAsync(HttpStatusCode.Conflict);
        await jobb.PostAsJsonAsync($"/api/v1/placements/{placement}/status", new { status = "closed" }).ShouldBe(HttpStatusCode.OK);
        var closed = await jobb.PostAsJsonAsync($"/api/v1/employers/needs/{other}/answer", new { placementId = placement }).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("avböjt behov", (string?)declined["detail"], StringComparison.Ordinal);
        Assert.Contains("är avslutad", closed.FieldErrors("placementId").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_need_page_offers_the_employers_placements_links_the_chosen_one_and_shows_it()
    {
        var (employer, placement, need, _) = await NeedWithPlacementAsync();
        var session = await PageSession.SignInAsync(app, "jobb.taby");
        var path = $"/Employers/Need/{need}";
        var page = await session.PageAsync(path);

        var offered = page.GetElementById("Answering_PlacementId")!.QuerySelectorAll("option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Contains(placement.ToString(), offered);
        Assert.Equal($"/Placements/Create?employerId={employer}&occupation={JobTrackData.BusDriver}",
            page.GetElementById("answer")!.QuerySelector("a[href^='/Placements/Create']")!.GetAttribute("href"));
        var refused = await PageSession.ParseAsync(await session.PostAsync(page, path + "?handler=Answer", new() { ["Answering.PlacementId"] = "" }), HttpStatusCode.OK);
        Assert.Contains("jobbspår eller en praktikplats", refused.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        await session.PostAsync(page, path + "?handler=Answer", new() { ["Answering.PlacementId"] = placement.ToString() }).ShouldBe(HttpStatusCode.Redirect);

        var shown = await session.PageAsync(path);
        Assert.Equal("Hanterad", shown.GetElementById("need-heading")!.TextContent.Trim());
        Assert.NotNull(shown.QuerySelector($"dd a[href='/Placements/Details/{placement}']"));
        // The placement form comes prefilled from the need: the employer's only workplace and the occupation.
        var form = await session.PageAsync($"/Placements/Create?employerId={employer}&occupation={JobTrackData.BusDriver}");
        Assert.NotNull(form.QuerySelector("#WorkplaceId option[selected]"));
        Assert.Equal("Bussförare", form.GetElementById("Occupation")!.GetAttribute("value"));
    }
}
