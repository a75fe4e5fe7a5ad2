using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;
using static Arbetsvagen.Tests.JobTracks.JobTrackData;

namespace Arbetsvagen.Tests.JobTracks;

/// <summary>
/// Results per home municipality and gender: exact for the owning organisation and coordinators; for other readers a
/// count of 1–4 is suppressed ("&lt;5" on the page, null with suppressed: true in the API), and so is the total of its column.
/// </summary>
public sealed class JobTrackResultsTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Five women from Täby (the owner's own) and one man from Vaxholm (proposed by Vaxholm under a consent).</summary>
    private async Task<Guid> TrackWithCandidatesAsync()
    {
        var owner = await app.ClientFor("jobb.taby");
        var id = await InRecruitmentAsync(app, owner, Today.AddDays(60));
        for (var i = 0; i < 5; i++)
        {
            var woman = await app.CreateParticipantAsync("jobb.taby", b => { b["homeMunicipalityCode"] = "0160"; b["gender"] = "woman"; });
            await owner.PostAsJsonAsync($"/api/v1/job-tracks/{id}/candidates", new { participantId = woman.Id }).ShouldBe(HttpStatusCode.Created);
        }

        var man = await app.CreateParticipantAsync("jobb.vaxholm", b => { b["homeMunicipalityCode"] = "0187"; b["gender"] = "man"; });
        await app.GiveConsentAsync(man.Id, [Owner], ["identity", "caseAndPlan"], "jobb.vaxholm");
        await (await app.ClientFor("jobb.vaxholm")).PostAsJsonAsync($"/api/v1/job-tracks/{id}/candidates", new { participantId = man.Id })
            .ShouldBe(HttpStatusCode.Created);
        return id;
    }

    private static JsonObject Group(JsonObject results, string municipality) =>
        results["byHomeMunicipalityAndGender"]!.AsArray().Single(g => (string?)g!["homeMunicipality"] == municipality)!["counts"]!.AsObject();

    [Fact]
    public async Task The_owner_and_coordinators_see_exact_counts_and_other_readers_see_small_ones_suppressed_with_their_totals()
    {
        var id = await TrackWithCandidatesAsync();
        foreach (var exactReader in new[] { "jobb.taby", "samordnare.nordost" })
        {
            var exact = await (await app.ClientFor(exactReader)).GetAsync($"/api/v1/job-tracks/{id}/results").JsonAsync(HttpStatusCode.OK);
            Assert.Null(exact["suppressedBelow"]);
            Assert.Equal(6, (int?)exact["total"]!["proposed"]);
            Assert.Equal(1, (int?)Group(exact, "Vaxholm")["proposed"]);
            Assert.False((bool)Group(exact, "Vaxholm")["suppressed"]!);
        }

        var other = await (await app.ClientFor("jobb.vaxholm")).GetAsync($"/api/v1/job-tracks/{id}/results").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(5, (int?)other["suppressedBelow"]);
        var vaxholm = Group(other, "Vaxholm");
        Assert.True(vaxholm.ContainsKey("proposed"));
        Assert.Null(vaxholm["proposed"]);
        Assert.True((bool)vaxholm["suppressed"]!);
        Assert.Equal(0, (int?)vaxholm["started"]); // nothing is not a small count
        var taby = Group(other, "Täby");
        Assert.Equal(5, (int?)taby["proposed"]);
        Assert.False((bool)taby["suppressed"]!);

        // The total would give the one Vaxholm man back (6 − 5): it is suppressed too; the other columns' totals are not.
        var total = other["total"]!.AsObject();
        Assert.True(total.ContainsKey("proposed"));
        Assert.Null(total["proposed"]);
        Assert.True((bool)total["suppressed"]!);
        Assert.Equal(0, (int?)total["hired"]);
        Assert.NotNull(other["hiredByEmploymentForm"]);
    }

    [Fact]
    public async Task The_page_shows_a_small_count_as_under_five_to_other_readers_and_exactly_to_the_owner()
    {
        var id = await TrackWithCandidatesAsync();
        var owner = await (await PageSession.SignInAsync(app, "jobb.taby")).GetAsync($"/JobTracks/Details/{id}");
        var exactTable = owner.QuerySelector("#results-heading")!.ParentElement!;
        Assert.DoesNotContain("<5", exactTable.TextContent, StringComparison.Ordinal);
        Assert.Contains("Föreslagna: 6.", exactTable.TextContent, StringComparison.Ordinal);
        Assert.Null(owner.GetElementById("results-suppressed"));

        var other = await (await PageSession.SignInAsync(app, "jobb.vaxholm")).GetAsync($"/JobTracks/Details/{id}");
        var results = other.QuerySelector("#results-heading")!.ParentElement!;
        var vaxholmRow = results.QuerySelectorAll("tbody tr").Single(r => r.Children[0].TextContent == "Vaxholm");
        Assert.Equal("<5", vaxholmRow.Children[2].QuerySelector("[aria-hidden=true]")!.TextContent);
        Assert.Equal("färre än 5", vaxholmRow.Children[2].QuerySelector(".visually-hidden")!.TextContent);
        Assert.Contains("Föreslagna: dolt.", results.TextContent, StringComparison.Ordinal);
        Assert.NotNull(other.GetElementById("results-suppressed"));
    }
}
