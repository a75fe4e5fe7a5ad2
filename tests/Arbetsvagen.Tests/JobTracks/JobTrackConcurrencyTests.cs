using System.Net;
using System.Net.Http.Json;
using Arbetsvagen.Features.JobTracks;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Arbetsvagen.Tests.JobTracks.JobTrackData;

namespace Arbetsvagen.Tests.JobTracks;

/// <summary>
/// Two people moving the same job track (or the same candidate) at once: only the first move is saved, the second gets
/// 409 with a Swedish message telling them to reload — whether it arrives after the first (a stale basedOnVersion) or at
/// the same moment (the concurrency token).
/// </summary>
public sealed class JobTrackConcurrencyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<Guid> NewTrackAsync(HttpClient owner) =>
        (await owner.PostAsJsonAsync("/api/v1/job-tracks", await BusDriversAsync(app, Today.AddDays(60))).JsonAsync(HttpStatusCode.Created)).Id();

    [Fact]
    public async Task Of_two_contexts_moving_the_same_track_and_candidate_from_one_version_only_the_first_saves()
    {
        var owner = await app.ClientFor("jobb.taby");
        var id = await InRecruitmentAsync(app, owner, Today.AddDays(60));
        var person = await PersonAsync(app, "jobb.taby", "0160");
        var candidateId = (await owner.PostAsJsonAsync($"/api/v1/job-tracks/{id}/candidates", new { participantId = person.Id })
            .JsonAsync(HttpStatusCode.Created)).Id();

        await using var first = app.TestDb.CreateContext();
        await using var second = app.TestDb.CreateContext();
        var tracks = new[] { first, second }.Select(db => db.JobTracks.Include(t => t.History).SingleAsync(t => t.Id == id)).ToList();
        var (a, b) = (await tracks[0], await tracks[1]);
        Assert.Equal(a.Version, b.Version);
        first.Add(a.MoveTo(JobTrackStage.Cancelled, 0, Guid.NewGuid(), DateTime.UtcNow));
        second.Add(b.MoveTo(JobTrackStage.Cancelled, 0, Guid.NewGuid(), DateTime.UtcNow));
        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        var candidates = new[] { first, second }.Select(db => db.JobTrackCandidates.Include(c => c.History).SingleAsync(c => c.Id == candidateId)).ToList();
        var (x, y) = (await candidates[0], await candidates[1]);
        first.Add(x.MoveTo(Arbetsvagen.Features.JobTracks.CandidateStage.Discontinued, Guid.NewGuid(), DateTime.UtcNow));
        second.Add(y.MoveTo(Arbetsvagen.Features.JobTracks.CandidateStage.Discontinued, Guid.NewGuid(), DateTime.UtcNow));
        await first.SaveChangesAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());

        var track = await owner.GetAsync($"/api/v1/job-tracks/{id}").JsonAsync(HttpStatusCode.OK);
        Assert.Single(track["history"]!.AsArray(), h => (string?)h!["toStage"] == "cancelled");
    }

    [Fact]
    public async Task Two_simultaneous_requests_from_the_same_version_give_one_move_and_one_409()
    {
        var owner = await app.ClientFor("jobb.taby");
        var id = await NewTrackAsync(owner);
        var seen = await owner.GetAsync($"/api/v1/job-tracks/{id}").JsonAsync(HttpStatusCode.OK);
        var version = (int)seen["version"]!;
        var other = await app.ClientFor("samordnare.nordost");
        var moves = await Task.WhenAll(new[] { owner, other }.Select(c =>
            c.PostAsJsonAsync($"/api/v1/job-tracks/{id}/stage", new { stage = "needsCapture", basedOnVersion = version })));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], moves.Select(m => m.StatusCode).Order().ToArray());
        var refused = await Task.FromResult(moves.Single(m => m.StatusCode == HttpStatusCode.Conflict)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.StartsWith("Jobbspåret ändrades av någon annan", (string?)refused["detail"], StringComparison.Ordinal);
        Assert.Contains("Ladda om", (string?)refused["detail"], StringComparison.Ordinal);
        var track = await owner.GetAsync($"/api/v1/job-tracks/{id}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(version + 1, (int)track["version"]!);
        Assert.Equal(["idea", "needsCapture"], track["history"]!.AsArray().Select(h => (string)h!["toStage"]!).ToArray());

        // A move from a version someone else has moved on from is refused too, and says so.
        var stale = await owner.PostAsJsonAsync($"/api/v1/job-tracks/{id}/stage", new { stage = "cancelled", basedOnVersion = version })
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.StartsWith("Jobbspåret ändrades av någon annan", (string?)stale["detail"], StringComparison.Ordinal);

        // The same for one candidate: two moves from its version at once, one saved.
        var recruiting = await InRecruitmentAsync(app, owner, Today.AddDays(60));
        var person = await PersonAsync(app, "jobb.taby", "0160");
        var proposed = await owner.PostAsJsonAsync($"/api/v1/job-tracks/{recruiting}/candidates", new { participantId = person.Id })
            .JsonAsync(HttpStatusCode.Created);
        var candidate = proposed.Id();
        var candidateVersion = (int)proposed["version"]!;
        var second = await app.ClientFor("jobb.taby");
        var candidateMoves = await Task.WhenAll(new[] { owner, second }.Select(c =>
            CandidateStage(c, recruiting, candidate, new { stage = "discontinued", basedOnVersion = candidateVersion })));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], candidateMoves.Select(m => m.StatusCode).Order().ToArray());
        var refusedMove = await Task.FromResult(candidateMoves.Single(m => m.StatusCode == HttpStatusCode.Conflict)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.StartsWith("Kandidatens steg ändrades av någon annan", (string?)refusedMove["detail"], StringComparison.Ordinal);
        var listed = await owner.GetAsync($"/api/v1/job-tracks/{recruiting}/candidates").JsonAsync(HttpStatusCode.OK);
        var row = Assert.Single(listed["candidates"]!.AsArray());
        Assert.Equal(candidateVersion + 1, (int)row!["version"]!);
    }

    [Fact]
    public async Task The_page_refuses_a_move_offered_before_someone_else_moved_the_track_and_says_reload()
    {
        var owner = await app.ClientFor("jobb.taby");
        var id = await NewTrackAsync(owner);
        var page = await PageSession.SignInAsync(app, "jobb.taby");
        var shown = await page.GetAsync($"/JobTracks/Details/{id}");
        var form = shown.QuerySelectorAll("form").Single(f => f.QuerySelectorAll("button").Any(b => b.TextContent.Trim() == "Flytta till behovsfångst"));
        var fields = form.QuerySelectorAll("input[type=hidden]").Where(i => i.GetAttribute("name") != "__RequestVerificationToken")
            .ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        Assert.Equal("0", fields["StageForm.BasedOnVersion"]);

        await Stage(owner, id, "needsCapture").ShouldBe(HttpStatusCode.OK); // someone else, meanwhile
        var refused = await PageSession.ParseAsync(await page.PostAsync(shown, form.GetAttribute("action")!, fields), HttpStatusCode.OK);
        Assert.Contains("Jobbspåret ändrades av någon annan", refused.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        var track = await owner.GetAsync($"/api/v1/job-tracks/{id}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal("needsCapture", (string?)track["stage"]);
        Assert.Equal(2, track["history"]!.AsArray().Count);
    }
}
