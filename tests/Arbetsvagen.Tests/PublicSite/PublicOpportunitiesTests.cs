using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Arbetsvagen.Tests.Infrastructure;
using Arbetsvagen.Tests.JobTracks;
using Arbetsvagen.Tests.Placements;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Arbetsvagen.Tests.PublicSite;

/// <summary>
/// The public page and API of open opportunities: anyone may read them, they say how to apply, they never carry a
/// person (supervisor, booked participant), and a warm request is answered from the output cache. A factory of its
/// own, so the one-minute cache starts empty and the data made here is in the first fill.
/// </summary>
public sealed class PublicOpportunitiesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Anyone_sees_open_placements_and_job_tracks_in_recruitment_without_anything_personal_and_warm_answers_come_from_the_cache()
    {
        // A placement with a supervisor and a booked participant, and a job track in recruitment, before the first public request.
        var placement = await app.PlacementAsync(places: 3);
        var booked = await app.ParticipantWithPlanAsync();
        var jobb = await app.ClientFor("jobb.taby");
        await (await app.ClientFor("soc.taby")).PostAsJsonAsync($"/api/v1/placements/{placement}/bookings", PlacementTestData.BookingBody(booked.Id)).ShouldBe(HttpStatusCode.Created);
        var track = await JobTrackData.InRecruitmentAsync(app, jobb, JobTrackData.Today.AddDays(30));
        var anonymous = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var first = await anonymous.GetAsync("/Public?area=8");
        var html = await first.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("PR-" + placement.ToString("N")[..8].ToUpperInvariant(), html, StringComparison.Ordinal);
        Assert.Contains("JS-" + track.ToString("N")[..8].ToUpperInvariant(), html, StringComparison.Ordinal);
        Assert.Contains("Så söker du", html, StringComparison.Ordinal);
        foreach (var personal in new[] { "Hanna Handledare", "08-123 45 67", "hanna@example.se", booked.LastName, booked.Number, "Eva Ström", "1500" })
        {
            Assert.DoesNotContain(personal, html, StringComparison.Ordinal);
        }

        Assert.Null(first.Headers.Age);
        var again = await anonymous.GetAsync("/Public?area=8");
        Assert.NotNull(again.Headers.Age); // served by the output cache: no database, no rendering
        Assert.Equal(html, await again.Content.ReadAsStringAsync());

        var api = await anonymous.GetAsync("/api/v1/public/opportunities?municipality=0160&kind=workExperience");
        var text = await api.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        var items = JsonNode.Parse(text)!["items"]!.AsArray();
        Assert.Contains(items, i => (string?)i!["id"] == placement.ToString());
        Assert.All(items, i => Assert.Equal("workExperience", (string?)i!["kind"]));
        Assert.DoesNotContain("Hanna", text, StringComparison.Ordinal);
        Assert.DoesNotContain(booked.LastName, text, StringComparison.Ordinal);

        // Values the page does not know are read as "all": these are addresses people share.
        var unknown = await anonymous.GetStringAsync("/Public?kind=nonsense&area=x&municipality=9999");
        Assert.Contains("PR-" + placement.ToString("N")[..8].ToUpperInvariant(), unknown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_api_names_each_bad_filter_in_swedish()
    {
        // (Answers before reading anything, so it does not fill the cache the other test counts on.)
        var anonymous = app.CreateClient();
        var problem = await anonymous.GetAsync("/api/v1/public/opportunities?municipality=9999&area=x&kind=nonsense").JsonAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Okänd kommunkod", problem.FieldErrors("municipality")[0], StringComparison.Ordinal);
        Assert.Contains("0–9", problem.FieldErrors("area")[0], StringComparison.Ordinal);
        Assert.Contains("Praktik", problem.FieldErrors("kind")[0], StringComparison.Ordinal);
        Assert.DoesNotContain("workExperience", problem.FieldErrors("kind")[0], StringComparison.Ordinal);
    }
}
