using System.Net;
using System.Net.Http.Json;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;
using static Arbetsvagen.Tests.JobTracks.JobTrackData;

namespace Arbetsvagen.Tests.JobTracks;

/// <summary>Which collaboration owns a new job track: the user's only one, or — when their organisation is in several — the one they choose.</summary>
public sealed class JobTrackCollaborationTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_organisation_in_two_collaborations_must_choose_one_of_its_own_for_a_new_track()
    {
        var (userName, demo, other) = await InTwoCollaborationsAsync(app);
        var client = await app.ClientFor(userName);
        var body = await BusDriversAsync(app, Today.AddDays(30));
        var unchosen = await client.PostAsJsonAsync("/api/v1/job-tracks", body).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("samverkan", unchosen.FieldErrors("collaborationId")[0], StringComparison.Ordinal);
        body["collaborationId"] = Guid.NewGuid().ToString();
        var foreign = await client.PostAsJsonAsync("/api/v1/job-tracks", body).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("din organisation ingår i", foreign.FieldErrors("collaborationId")[0], StringComparison.Ordinal);
        body["collaborationId"] = other.ToString();
        var created = await client.PostAsJsonAsync("/api/v1/job-tracks", body).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(other, (Guid?)created["ownerCollaborationId"]);

        // The demo collaboration's own caseworkers do not see a track of the other one.
        var taby = await app.ClientFor("jobb.taby");
        await taby.GetAsync($"/api/v1/job-tracks/{created.Id()}").ShouldBe(HttpStatusCode.NotFound);

        // One collaboration: it is the default, and the form does not ask.
        var single = await taby.PostAsJsonAsync("/api/v1/job-tracks", await BusDriversAsync(app, Today.AddDays(30))).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(demo, (Guid?)single["ownerCollaborationId"]);
        var tabyForm = await (await PageSession.SignInAsync(app, "jobb.taby")).GetAsync("/JobTracks/Create");
        Assert.Null(tabyForm.GetElementById("Form_CollaborationId"));

        // The page asks, and names the field when it is left out.
        var page = await PageSession.SignInAsync(app, userName);
        var form = await page.GetAsync("/JobTracks/Create");
        var options = form.GetElementById("Form_CollaborationId")!.QuerySelectorAll("option").Select(o => o.GetAttribute("value") ?? "").ToList();
        Assert.Equal(new[] { "", demo.ToString(), other.ToString() }.Order(StringComparer.Ordinal), options.Order(StringComparer.Ordinal));
        var refused = await page.SubmitAsync("/JobTracks/Create", "Skapa jobbspår", new() { ["Form.Title"] = "Utan samverkan" });
        Assert.Contains("samverkan", PageSession.MessageAt(refused, "Form_CollaborationId"), StringComparison.Ordinal);
        Assert.Contains(PageSession.Summary(refused), s => s.Target == "#Form_CollaborationId");
    }
}
