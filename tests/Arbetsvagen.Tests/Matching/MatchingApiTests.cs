using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Arbetsvagen.Tests.JobTracks.JobTrackData;

namespace Arbetsvagen.Tests.Matching;

/// <summary>
/// Matching in the web app (issue 10): ranked candidates for a job track with the secrecy rule (named, anonymous, AF's
/// consent rule, analysts' counts), asking a foreign caseworker, a person's opportunities, the weights, freshness of the
/// index within one instance and across two, and bad input. Each track requires a licence no demo person holds (they
/// have B or none), so the people a test creates are its whole list.
/// </summary>
public sealed class MatchingApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Candidates(Guid track) => $"/api/v1/matching/opportunities/jobTrack/{track}/candidates";

    /// <summary>
    /// A job track in recruitment whose profile needs <paramref name="licence"/> and 21 years, with bus-driver experience as a
    /// merit. Each test asks for its own licence: the people of the class's other tests then stay out of its list.
    /// </summary>
    private async Task<Guid> TrackAsync(string licence)
    {
        var owner = await app.ClientFor("jobb.taby");
        var id = await InRecruitmentAsync(app, owner, Today.AddDays(40), new JsonArray(
            new JsonObject { ["kind"] = "drivingLicence", ["value"] = licence, ["mustHave"] = true },
            new JsonObject { ["kind"] = "minimumAge", ["value"] = "21", ["mustHave"] = true },
            new JsonObject { ["kind"] = "occupationExperience", ["value"] = "8331", ["mustHave"] = false }));
        return id;
    }

    private Task<CreatedParticipant> DriverAsync(string caseworker, string municipality, bool experienced, string licences) =>
        app.CreateParticipantAsync(caseworker, b =>
        {
            b["homeMunicipalityCode"] = municipality;
            b["drivingLicences"] = new JsonArray([.. licences.Split(',').Select(l => (JsonNode)l)]);
            if (experienced)
            {
                b["occupationsOfExperience"] = new JsonArray((JsonNode)BusDriver);
            }
        });

    private static async Task<JsonObject> RankAsync(HttpClient client, Guid track, int? top = null) =>
        await client.PostAsJsonAsync(Candidates(track), new { top }).JsonAsync(HttpStatusCode.OK);

    private static List<JsonObject> Listed(JsonObject ranking) => [.. ranking["candidates"]!.AsArray().Select(c => c!.AsObject())];

    [Fact]
    public async Task Each_reader_sees_the_ranking_their_secrecy_allows()
    {
        var track = await TrackAsync("CE");
        var own = await DriverAsync("jobb.taby", "0160", experienced: true, "CE");
        var foreign = await DriverAsync("jobb.vaxholm", "0187", experienced: false, "CE");
        var afConsented = await DriverAsync("soc.vaxholm", "0187", experienced: false, "CE");
        await app.GiveConsentAsync(afConsented.Id, [Af], ["identity", "caseAndPlan"], "soc.vaxholm");
        // A consent that shares who the person is but not the case and plan: the explanation would show the plan, so anonymous.
        var identityOnly = await DriverAsync("jobb.vaxholm", "0187", experienced: false, "CE");
        await app.GiveConsentAsync(identityOnly.Id, [Owner], ["identity"], "jobb.vaxholm");
        // Someone outside the collaboration (a municipality that is not a member), within commuting distance: never listed.
        var outside = await DriverAsync(await OutsiderAsync(app), "0191", experienced: true, "CE");
        var ids = new[] { own.Id, foreign.Id, afConsented.Id };

        // The owner's caseworker: their own person by name and first (experience), the others anonymous with a reference to ask about.
        var caseworker = await RankAsync(await app.ClientFor("jobb.taby"), track);
        var listed = Listed(caseworker);
        Assert.Equal(3, listed.Count); // the person known by name only is left out (their anonymous row would be theirs)
        Assert.Equal(own.Id, (Guid?)listed[0]["participantId"]);
        Assert.Equal($"Testa {own.LastName}", (string?)listed[0]["name"]);
        Assert.True((int)listed[0]["score"]! > (int)listed[1]["score"]!);
        Assert.All(listed.Skip(1), c =>
        {
            Assert.False((bool)c["named"]!);
            Assert.Null(c["participantId"]);
            Assert.Null(c["name"]);
            Assert.NotNull((string?)c["candidateReference"]);
            Assert.All(c["explanation"]!["profileSide"]!.AsArray(), x => Assert.Contains((string?)x!["has"], new[] { "uppfyller", "uppfyller inte" }));
        });
        Assert.DoesNotContain(identityOnly.LastName, caseworker.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(outside.LastName, caseworker.ToJsonString(), StringComparison.Ordinal);
        var anonymousText = listed[1].ToJsonString();
        Assert.DoesNotContain(foreign.LastName, anonymousText, StringComparison.Ordinal);
        Assert.DoesNotContain(foreign.Id.ToString(), anonymousText, StringComparison.Ordinal);
        var experience = listed[0]["explanation"]!["profileSide"]!.AsArray().Single(c => (string?)c!["criterion"] == "Yrkeserfarenhet")!;
        Assert.Contains("8331", (string?)experience["required"], StringComparison.Ordinal);
        Assert.True((decimal)experience["points"]! > 0);

        // Arbetsförmedlingen sees only the person whose consent names it.
        var af = await RankAsync(await app.ClientFor("af.nordost"), track);
        Assert.True((bool)af["onlyConsented"]!);
        Assert.Equal([afConsented.Id], Listed(af).Select(c => (Guid)c["participantId"]!));

        // The coordinator sees no one by name; the analyst only how many meet the must-haves (here fewer than 5).
        var coordinator = await RankAsync(await app.ClientFor("samordnare.nordost"), track);
        Assert.Equal(4, Listed(coordinator).Count); // all four members' people, none of them by name; not the outsider
        Assert.All(Listed(coordinator), c => Assert.False((bool)c["named"]!));
        var analyst = await RankAsync(await app.ClientFor("analytiker"), track);
        Assert.True((bool)analyst["aggregateOnly"]!);
        Assert.Empty(Listed(analyst));
        Assert.True((bool)analyst["eligibleSuppressed"]!);
        Assert.Null(analyst["eligibleCount"]);

        // Each list shown is one search row with the ids it showed.
        var rows = await app.AccessLogAsync(e => e.EntityType == "Matching" && e.EntityId == track.ToString() && e.Action == AccessAction.Search);
        var caseworkerRow = Assert.Single(rows, r => r.UserName == "jobb.taby");
        Assert.Equal(ids.Order(), caseworkerRow.ResultIds!.Split(',').Select(Guid.Parse).Order());
        Assert.Equal(afConsented.Id.ToString(), Assert.Single(rows, r => r.UserName == "af.nordost").ResultIds);
        Assert.Null(Assert.Single(rows, r => r.UserName == "analytiker").ResultIds); // a count was asked for, no one shown
    }

    [Fact]
    public async Task A_coordinator_asks_a_foreign_caseworker_who_sees_the_ask_and_proposes()
    {
        var track = await TrackAsync("DE");
        var foreign = await DriverAsync("jobb.vaxholm", "0187", experienced: true, "DE");
        await app.GiveConsentAsync(foreign.Id, [Owner, Af], ["identity", "caseAndPlan"], "jobb.vaxholm");
        var coordinator = await app.ClientFor("samordnare.nordost");
        var anonymous = Assert.Single(Listed(await RankAsync(coordinator, track)));
        var reference = (string)anonymous["candidateReference"]!;

        await coordinator.PostAsJsonAsync("/api/v1/matching/requests", new { candidateReference = reference }).ShouldBe(HttpStatusCode.Created);
        var twice = await coordinator.PostAsJsonAsync("/api/v1/matching/requests", new { candidateReference = reference }).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("redan tillfrågad", (string?)twice["detail"], StringComparison.Ordinal);
        Assert.True((bool)Listed(await RankAsync(coordinator, track))[0]["asked"]!);

        // Someone else cannot use the coordinator's reference.
        var other = await app.ClientFor("jobb.taby");
        var stolen = await other.PostAsJsonAsync("/api/v1/matching/requests", new { candidateReference = reference }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("candidateReference", stolen["errors"]!.AsObject().Select(e => e.Key));
        var forged = await coordinator.PostAsJsonAsync("/api/v1/matching/requests", new { candidateReference = "x" + reference })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("candidateReference", forged["errors"]!.AsObject().Select(e => e.Key));

        // The person's own caseworker gets a notice naming the person, and sees the ask beside the person's opportunities.
        var caseworker = await app.ClientFor("jobb.vaxholm");
        var notices = await caseworker.GetFromJsonAsync<JsonArray>("/api/v1/notifications");
        var notice = notices!.Select(n => n!.AsObject()).First(n => (Guid?)n["participantId"] == foreign.Id);
        Assert.Contains("ber dig överväga att föreslå", (string?)notice["text"], StringComparison.Ordinal);
        var opportunities = await caseworker.GetFromJsonAsync<JsonObject>($"/api/v1/participants/{foreign.Id}/opportunities");
        Assert.Contains(opportunities!["requests"]!.AsArray(), r => ((string?)r!["opportunityTitle"])!.StartsWith("Bussförare", StringComparison.Ordinal));
        var mine = opportunities["opportunities"]!.AsArray().Select(o => o!.AsObject()).Single(o => (Guid?)o["opportunity"]!["id"] == track);
        Assert.True((bool)mine["eligible"]!);

        // The caseworker proposes into the job track's recruitment; the ranking then says so.
        await caseworker.PostAsJsonAsync($"/api/v1/job-tracks/{track}/candidates", new { participantId = foreign.Id }).ShouldBe(HttpStatusCode.Created);
        Assert.False((bool)Listed(await RankAsync(coordinator, track))[0]["proposed"]!); // not told of an anonymous person
        Assert.True((bool)Listed(await RankAsync(await app.ClientFor("jobb.taby"), track))[0]["proposed"]!); // the owner, named by consent
        Assert.Contains(await app.AccessLogForAsync(foreign.Id, AccessAction.Create), e => e.EntityType == "ProposalRequest" && e.UserName == "samordnare.nordost");
    }

    [Fact]
    public async Task A_change_to_a_person_is_in_the_next_ranking_on_this_instance_and_within_a_second_on_another()
    {
        var track = await TrackAsync("C1E");
        var person = await DriverAsync("jobb.taby", "0160", experienced: false, "B");
        var client = await app.ClientFor("jobb.taby");
        Assert.DoesNotContain(Listed(await RankAsync(client, track)), c => (Guid?)c["participantId"] == person.Id);

        await using var second = AppFactory.SecondInstanceOf(app);
        var secondClient = await second.ClientFor("jobb.taby");
        Assert.DoesNotContain(Listed(await RankAsync(secondClient, track)), c => (Guid?)c["participantId"] == person.Id);

        var body = AppFactory.ParticipantBody(person.Number, person.FirstName, person.LastName);
        body["drivingLicences"] = new JsonArray("B", "C1E");
        await client.PutAsJsonAsync($"/api/v1/participants/{person.Id}", body).ShouldBe(HttpStatusCode.OK);
        Assert.Contains(Listed(await RankAsync(client, track)), c => (Guid?)c["participantId"] == person.Id);

        // The other instance follows the change feed in the background: its index has it within a second, unasked.
        var index = second.Services.GetRequiredService<Arbetsvagen.Features.Matching.MatchingIndex>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(1) && !HasC1E(index, person.Id))
        {
            await Task.Delay(20);
        }

        Assert.True(HasC1E(index, person.Id), $"not seen by the second instance after {watch.ElapsedMilliseconds} ms");
        Assert.Contains(Listed(await RankAsync(secondClient, track)), c => (Guid?)c["participantId"] == person.Id);
    }

    private static bool HasC1E(Arbetsvagen.Features.Matching.MatchingIndex index, Guid id) =>
        index.Peek(id.ToString("D")) is { } p && p.Licences.HasFlag(Arbetsvagen.Matching.DrivingLicences.C1E);

    [Fact]
    public async Task A_coordinator_changes_the_weights_which_change_the_order_and_are_logged()
    {
        var track = await TrackAsync("D1E");
        var experienced = await DriverAsync("jobb.taby", "0187", experienced: true, "D1E");
        var local = await DriverAsync("jobb.taby", "0188", experienced: false, "D1E");
        var client = await app.ClientFor("jobb.taby");
        var before = Listed(await RankAsync(client, track)).Select(c => (Guid)c["participantId"]!).ToList();
        Assert.True(before.IndexOf(experienced.Id) < before.IndexOf(local.Id));

        var coordinator = await app.ClientFor("samordnare.nordost");
        var collaboration = (await coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/job-tracks/{track}"))!["ownerCollaborationId"]!.GetValue<Guid>();
        var weights = await coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/collaborations/{collaboration}/matching-weights");
        var body = weights!["weights"]!.AsObject().DeepClone().AsObject();
        body["maxCommuteMinutes"] = 60;
        body["occupationExperience"] = 0;
        body["commuting"] = 500;
        body["personCommuting"] = 1000;
        body["personDirection"] = 0;
        body["personInterest"] = 0;
        var changed = await coordinator.PutAsJsonAsync($"/api/v1/collaborations/{collaboration}/matching-weights", body).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, (int)changed["weights"]!["occupationExperience"]!);

        // The track works in Norrtälje (0188): the person living there now comes first.
        var after = Listed(await RankAsync(client, track)).Select(c => (Guid)c["participantId"]!).ToList();
        Assert.True(after.IndexOf(local.Id) < after.IndexOf(experienced.Id));
        var logged = Assert.Single(await app.AccessLogAsync(e => e.EntityType == "MatchingSettings" && e.EntityId == collaboration.ToString()));
        Assert.Contains("yrkeserfarenhet 30 → 0", logged.Purpose, StringComparison.Ordinal);

        // Bad weights change nothing and name the field; a caseworker may not change them.
        var negative = body.DeepClone().AsObject();
        negative["skills"] = -1;
        var refused = await coordinator.PutAsJsonAsync($"/api/v1/collaborations/{collaboration}/matching-weights", negative).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("negativ", (string?)refused["errors"]!["skills"]![0], StringComparison.Ordinal);
        var zero = body.DeepClone().AsObject();
        foreach (var field in new[] { "occupationExperience", "skills", "swedishLevel", "drivingLicence", "educationLevel", "educationField", "languages", "otherMerits", "occupationInterest", "readiness", "direction", "commuting" })
        {
            zero[field] = 0;
        }

        await coordinator.PutAsJsonAsync($"/api/v1/collaborations/{collaboration}/matching-weights", zero).ProblemAsync(HttpStatusCode.BadRequest);
        var missing = body.DeepClone().AsObject();
        missing.Remove("readiness");
        var incomplete = await coordinator.PutAsJsonAsync($"/api/v1/collaborations/{collaboration}/matching-weights", missing).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("readiness", incomplete["errors"]!.AsObject().Select(e => e.Key));
        await client.PutAsJsonAsync($"/api/v1/collaborations/{collaboration}/matching-weights", body).ShouldBe(HttpStatusCode.Forbidden);
        var still = await coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/collaborations/{collaboration}/matching-weights");
        Assert.Equal(500, (int)still!["weights"]!["commuting"]!);

        // Back to the defaults, for the other tests of the class.
        await coordinator.PutAsJsonAsync($"/api/v1/collaborations/{collaboration}/matching-weights", weights["weights"]!.AsObject().DeepClone().AsObject()
            .Also(o => o["maxCommuteMinutes"] = 60)).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_job_ad_ranks_candidates_and_appears_among_a_persons_opportunities()
    {
        var key = $"match-{Guid.NewGuid():N}"[..24];
        var coordinator = await app.ClientFor("samordnare.nordost");
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(Arbetsvagen.Tests.JobAds.JobAdFileTests.Ad(key) + "\n"));
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
        var import = (await coordinator.PostAsync("/api/v1/job-ads/imports?fileName=annons.jsonl", file).JsonAsync(HttpStatusCode.Created)).Id();
        for (var i = 0; i < 300 && (string?)(await coordinator.GetFromJsonAsync<JsonObject>($"/api/v1/job-ads/imports/{import}"))!["status"] != "completed"; i++)
        {
            await Task.Delay(100);
        }

        var ad = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Set<Arbetsvagen.Features.JobAds.JobAd>(), a => a.AdKey == key));
        var experienced = await DriverAsync("jobb.taby", "0160", experienced: true, "B,D");
        var other = await DriverAsync("jobb.taby", "0160", experienced: false, "B,D");
        var client = await app.ClientFor("jobb.taby");
        var ranking = await client.PostAsJsonAsync($"/api/v1/matching/opportunities/jobAd/{ad.Id}/candidates", new { top = 200 }).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("jobAd", (string?)ranking["opportunity"]!["kind"]);
        var order = Listed(ranking).Where(c => c["participantId"] is not null).Select(c => (Guid)c["participantId"]!).ToList();
        Assert.True(order.IndexOf(experienced.Id) >= 0 && order.IndexOf(experienced.Id) < order.IndexOf(other.Id));

        var opportunities = await client.GetFromJsonAsync<JsonObject>($"/api/v1/participants/{experienced.Id}/opportunities");
        var listed = opportunities!["opportunities"]!.AsArray().Select(o => o!.AsObject()).Single(o => (Guid?)o["opportunity"]!["id"] == ad.Id);
        Assert.Equal("Bussförare till linjetrafik", (string?)listed["opportunity"]!["title"]);
        Assert.True((bool)listed["eligible"]!);
    }

    [Fact]
    public async Task Bad_requests_name_the_field_and_unknown_or_foreign_opportunities_are_not_found()
    {
        var track = await TrackAsync("BE");
        var client = await app.ClientFor("jobb.taby");
        var kind = await client.PostAsJsonAsync($"/api/v1/matching/opportunities/bus/{track}/candidates", new { }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("kind", kind["errors"]!.AsObject().Select(e => e.Key));
        var top = await client.PostAsJsonAsync(Candidates(track), new { top = 0 }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("top", top["errors"]!.AsObject().Select(e => e.Key));
        await client.PostAsJsonAsync(Candidates(Guid.NewGuid()), new { }).ShouldBe(HttpStatusCode.NotFound);
        var outsider = await app.ClientFor(await OutsiderAsync(app));
        await outsider.PostAsJsonAsync(Candidates(track), new { }).ShouldBe(HttpStatusCode.NotFound);

        // A person's opportunities need the person: 404 for someone the reader may not see.
        var person = await DriverAsync("jobb.vaxholm", "0187", experienced: false, "BE");
        await client.GetAsync($"/api/v1/participants/{person.Id}/opportunities").ShouldBe(HttpStatusCode.NotFound);
        await (await app.ClientFor("analytiker")).GetAsync($"/api/v1/participants/{person.Id}/opportunities").ShouldBe(HttpStatusCode.NotFound);
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject o, Action<JsonObject> change)
    {
        change(o);
        return o;
    }
}
