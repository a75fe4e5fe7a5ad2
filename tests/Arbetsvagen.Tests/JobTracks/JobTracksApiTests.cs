using Arbetsvagen.Infrastructure.Demo;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Arbetsvagen.Features.JobTracks;
using Arbetsvagen.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;
using static Arbetsvagen.Tests.JobTracks.JobTrackData;

namespace Arbetsvagen.Tests.JobTracks;

public sealed class JobTracksApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_bus_driver_track_runs_from_idea_to_hires_with_results_and_compensation()
    {
        var owner = await app.ClientFor("jobb.taby");
        var nobina = await EmployerAsync(app, "Nobina Sverige AB " + TestPeople.UniqueLastName("x"));
        var startsOn = Today.AddDays(30);
        var body = await BusDriversAsync(app, startsOn, nobina);
        var created = await owner.PostAsJsonAsync("/api/v1/job-tracks", body).JsonAsync(HttpStatusCode.Created);
        var id = created.Id();
        Assert.Equal("idea", (string?)created["stage"]);
        Assert.Equal("8331", (string?)created["ssyk4"]);

        // Each stage checks what it needs, and the order holds.
        await Stage(owner, id, "needsCapture").ShouldBe(HttpStatusCode.OK);
        var noTeam = await Stage(owner, id, "planning").ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("kompetensteam", (string?)noTeam["detail"], StringComparison.Ordinal);
        await owner.PostAsJsonAsync($"/api/v1/job-tracks/{id}/team", new { name = "Eva Ström", role = "Projektledare", organisation = "Täby kommun" })
            .ShouldBe(HttpStatusCode.Created);
        await owner.PostAsJsonAsync($"/api/v1/job-tracks/{id}/team", new { name = "Per Nobel", role = "Rekryterare", organisation = "Nobina" })
            .ShouldBe(HttpStatusCode.Created);
        await Stage(owner, id, "planning").ShouldBe(HttpStatusCode.OK);
        var undecided = await Stage(owner, id, "decided").ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("styrgruppens beslut", (string?)undecided["detail"], StringComparison.Ordinal);
        await owner.PostAsJsonAsync($"/api/v1/job-tracks/{id}/decision", new { decidedOn = Day(Today), reference = "SG 2026/14" }).ShouldBe(HttpStatusCode.OK);
        await owner.PostAsJsonAsync($"/api/v1/job-tracks/{id}/documents", new { kind = "supplierAgreement", date = Day(Today), reference = "LA-2026-3" })
            .ShouldBe(HttpStatusCode.Created);
        await Stage(owner, id, "decided").ShouldBe(HttpStatusCode.OK);
        var skipped = await Stage(owner, id, "trainingOngoing").ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("”rekrytering”", (string?)skipped["detail"], StringComparison.Ordinal);
        var noProfile = await Stage(owner, id, "recruitment").ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("kravprofil", (string?)noProfile["detail"], StringComparison.Ordinal);
        await owner.PutAsJsonAsync($"/api/v1/job-tracks/{id}/requirements", new
        {
            requirements = new object[] { new { kind = "drivingLicence", value = "B", mustHave = true }, new { kind = "minimumAge", value = "21", mustHave = true } },
        }).ShouldBe(HttpStatusCode.OK);
        var recruiting = await Stage(owner, id, "recruitment").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(5, recruiting["history"]!.AsArray().Count);

        // Candidates from three municipalities, each proposed by their own caseworker, with consent naming the owner and AF.
        var taby = await PersonAsync(app, "jobb.taby", "0160", Af);
        var vaxholm = await PersonAsync(app, "jobb.vaxholm", "0187", Owner, Af);
        var norrtalje = await PersonAsync(app, "kaa.norrtalje", "0188", Owner, Af);
        var candidates = new Dictionary<Guid, Guid>();
        foreach (var (person, by) in new[] { (taby, "jobb.taby"), (vaxholm, "jobb.vaxholm"), (norrtalje, "kaa.norrtalje") })
        {
            var proposer = await app.ClientFor(by);
            var proposed = await proposer.PostAsJsonAsync($"/api/v1/job-tracks/{id}/candidates", new { participantId = person.Id })
                .JsonAsync(HttpStatusCode.Created);
            candidates[person.Id] = proposed.Id();
        }

        var twice = await owner.PostAsJsonAsync($"/api/v1/job-tracks/{id}/candidates", new { participantId = taby.Id }).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("redan föreslagen", (string?)twice["detail"], StringComparison.Ordinal);

        // The AF check is an Arbetsförmedlare's.
        var af = await app.ClientFor("af.nordost");
        var afCheck = new { stage = "afChecked", afRegistered = true, entitledToEmploymentSupport = true };
        var refused = await CandidateStage(owner, id, candidates[taby.Id], afCheck).ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains("arbetsförmedlare", (string?)refused["detail"], StringComparison.Ordinal);
        var early = await CandidateStage(owner, id, candidates[taby.Id], new { stage = "started" }).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("”föreslagen”", (string?)early["detail"], StringComparison.Ordinal);
        foreach (var candidate in candidates.Values)
        {
            var checkedByAf = await CandidateStage(af, id, candidate, afCheck).JsonAsync(HttpStatusCode.OK);
            Assert.Equal(true, (bool?)checkedByAf["entitledToEmploymentSupport"]);
            foreach (var stage in new[] { "informationMeeting", "interview", "admitted" })
            {
                await CandidateStage(owner, id, candidate, new { stage }).ShouldBe(HttpStatusCode.OK);
            }
        }

        // Training: the track starts, each candidate joins and the training lands in their plan through a revision.
        await Stage(owner, id, "trainingOngoing").ShouldBe(HttpStatusCode.OK);
        foreach (var (participant, candidate) in candidates)
        {
            var started = await CandidateStage(owner, id, candidate, new { stage = "started" }).JsonAsync(HttpStatusCode.OK);
            Assert.Equal(Day(startsOn), (string?)started["startedOn"]);
            var revisions = await owner.GetAsync($"/api/v1/participants/{participant}/action-plan/revisions").JsonArrayAsync(HttpStatusCode.OK);
            Assert.Contains(revisions, r => (string?)r!["comment"] == $"Påbörjade jobbspåret {body["title"]}.");
            await CandidateStage(owner, id, candidate, new { stage = "completed" }).ShouldBe(HttpStatusCode.OK);
            var hired = await CandidateStage(owner, id, candidate, new { stage = "hired", employmentForm = "newStartJob", date = Day(startsOn.AddDays(180)) })
                .JsonAsync(HttpStatusCode.OK);
            Assert.Equal("newStartJob", (string?)hired["hiredAs"]);
        }

        var plan = await owner.GetAsync($"/api/v1/participants/{vaxholm.Id}/action-plan").JsonAsync(HttpStatusCode.OK);
        Assert.Contains(plan["activities"]!.AsArray(), a => (string?)a!["provider"] == Provider && (string?)a["kind"] == "vocationalTraining");

        var results = await owner.GetAsync($"/api/v1/job-tracks/{id}/results").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(10, (int?)results["places"]);
        Assert.Equal(3, (int?)results["total"]!["proposed"]);
        Assert.Equal(3, (int?)results["total"]!["started"]);
        Assert.Equal(3, (int?)results["total"]!["completed"]);
        Assert.Equal(3, (int?)results["total"]!["hired"]);
        Assert.Equal(3, (int?)results["hiredByEmploymentForm"]!["newStartJob"]);
        var groups = results["byHomeMunicipalityAndGender"]!.AsArray();
        Assert.Equal(["Norrtälje", "Täby", "Vaxholm"], groups.Select(g => (string)g!["homeMunicipality"]!).ToArray());
        Assert.All(groups, g => Assert.Equal(1, (int?)g!["counts"]!["hired"]));
        Assert.DoesNotContain(taby.LastName, results.ToJsonString(), StringComparison.Ordinal);

        // Täby and Vaxholm pay Norrtälje for their residents, 25 weeks at 1 500 kr; Norrtälje's own resident costs nothing.
        var period = $"from={Day(startsOn.AddDays(-1))}&to={Day(startsOn.AddDays(1))}";
        var report = await owner.GetAsync($"/api/v1/compensation?{period}").JsonAsync(HttpStatusCode.OK);
        var lines = report["lines"]!.AsArray();
        Assert.Equal(["Täby", "Vaxholm"], lines.Select(l => (string)l!["payer"]!).ToArray());
        Assert.All(lines, l => Assert.Equal("Norrtälje", (string?)l!["receiver"]));
        Assert.All(lines, l => Assert.Equal(37500m, (decimal?)l!["amount"]));
        Assert.Equal(75000m, (decimal?)report["total"]);

        var csv = await owner.GetAsync($"/api/v1/compensation/csv?{period}").ShouldBe(HttpStatusCode.OK);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.StartsWith("Betalande kommun;Kommunkod;Mottagande kommun;", text, StringComparison.Ordinal);
        Assert.Contains("Täby;0160;Norrtälje;0188;1;25;37500,00;", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Candidates_are_shown_only_to_those_who_may_see_the_person_and_the_rest_only_counted()
    {
        var owner = await app.ClientFor("jobb.taby");
        var id = await InRecruitmentAsync(app, owner, Today.AddDays(60));
        var own = await PersonAsync(app, "jobb.taby", "0160");
        var shared = await PersonAsync(app, "jobb.vaxholm", "0187", Owner);
        await owner.PostAsJsonAsync($"/api/v1/job-tracks/{id}/candidates", new { participantId = own.Id }).ShouldBe(HttpStatusCode.Created);
        var vaxholm = await app.ClientFor("jobb.vaxholm");
        await vaxholm.PostAsJsonAsync($"/api/v1/job-tracks/{id}/candidates", new { participantId = shared.Id }).ShouldBe(HttpStatusCode.Created);

        var all = await owner.GetAsync($"/api/v1/job-tracks/{id}/candidates").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, all["candidates"]!.AsArray().Count);
        Assert.Equal(0, (int?)all["otherOrganisations"]);

        await vaxholm.GetAsync($"/api/v1/job-tracks/{id}").ShouldBe(HttpStatusCode.OK); // the track alone: no person read
        var foreign = await vaxholm.GetAsync($"/api/v1/job-tracks/{id}/candidates").ShouldBe(HttpStatusCode.OK);
        var foreignText = await foreign.Content.ReadAsStringAsync();
        var seen = JsonNode.Parse(foreignText)!;
        Assert.Single(seen["candidates"]!.AsArray());
        Assert.Equal(1, (int?)seen["otherOrganisations"]);
        Assert.DoesNotContain(own.LastName, foreignText, StringComparison.Ordinal);
        Assert.DoesNotContain(own.Id.ToString(), foreignText, StringComparison.Ordinal);

        // Täby's social services see the Vaxholm person's identity by consent, but not the case and plan a candidacy is.
        await app.GiveConsentAsync(shared.Id, [DemoNames.SocialServicesName("Täby")], ["identity"], "jobb.vaxholm");
        foreach (var stranger in new[] { "soc.taby", "analytiker" })
        {
            var none = await (await app.ClientFor(stranger)).GetAsync($"/api/v1/job-tracks/{id}/candidates").JsonAsync(HttpStatusCode.OK);
            Assert.Empty(none["candidates"]!.AsArray());
            Assert.Equal(2, (int?)none["otherOrganisations"]);
        }

        // The reading is logged with the people it showed; a candidate the user cannot see cannot be moved either.
        var logged = await app.AccessLogAsync(a => a.UserName == "jobb.vaxholm" && a.EntityType == "JobTrackCandidate" && a.Action == AccessAction.Read);
        Assert.Equal(shared.Id.ToString(), Assert.Single(logged).ResultIds);
        var candidateOfOwn = (await owner.GetAsync($"/api/v1/job-tracks/{id}/candidates").JsonAsync(HttpStatusCode.OK))["candidates"]!.AsArray()
            .Single(c => (string?)c!["name"] == $"{own.FirstName} {own.LastName}")!.Id();
        var problem = await CandidateStage(vaxholm, id, candidateOfOwn, new { stage = "discontinued" }).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(IsolationMatrix.NotFoundDetail, (string?)problem["detail"]);
        Assert.Single(await app.AccessLogForAsync(own.Id, AccessAction.Denied, "jobb.vaxholm"));
    }

    [Fact]
    public async Task A_proposal_needs_the_own_caseworker_and_a_consent_naming_the_owner()
    {
        var owner = await app.ClientFor("jobb.taby");
        var id = await InRecruitmentAsync(app, owner, Today.AddDays(60));
        var vaxholm = await app.ClientFor("jobb.vaxholm");
        var withoutConsent = await PersonAsync(app, "jobb.vaxholm", "0187");
        var problem = await vaxholm.PostAsJsonAsync($"/api/v1/job-tracks/{id}/candidates", new { participantId = withoutConsent.Id })
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("samtycke", (string?)problem["detail"], StringComparison.Ordinal);
        var identityOnly = await PersonAsync(app, "jobb.vaxholm", "0187");
        await app.GiveConsentAsync(identityOnly.Id, [Owner], ["identity"], "jobb.vaxholm");
        var tooNarrow = await vaxholm.PostAsJsonAsync($"/api/v1/job-tracks/{id}/candidates", new { participantId = identityOnly.Id })
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("samtycke", (string?)tooNarrow["detail"], StringComparison.Ordinal);

        // Someone who cannot see the person gets the field message, the same as for a person who does not exist.
        var unknown = await owner.PostAsJsonAsync($"/api/v1/job-tracks/{id}/candidates", new { participantId = withoutConsent.Id })
            .ProblemAsync(HttpStatusCode.BadRequest);
        var missing = await owner.PostAsJsonAsync($"/api/v1/job-tracks/{id}/candidates", new { participantId = Guid.NewGuid() })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(missing.FieldErrors("participantId"), unknown.FieldErrors("participantId"));

        // Shared by consent is not the own case: the proposal is the person's own caseworker's.
        var shared = await PersonAsync(app, "jobb.vaxholm", "0187", Owner);
        var notOwn = await owner.PostAsJsonAsync($"/api/v1/job-tracks/{id}/candidates", new { participantId = shared.Id }).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("egen handläggare", (string?)notOwn["detail"], StringComparison.Ordinal);
        var candidates = await owner.GetAsync($"/api/v1/job-tracks/{id}/candidates").JsonAsync(HttpStatusCode.OK);
        Assert.Empty(candidates["candidates"]!.AsArray());
    }

    [Fact]
    public async Task Bad_input_is_named_field_by_field_and_nothing_is_saved()
    {
        var owner = await app.ClientFor("jobb.taby");
        var title = TestPeople.UniqueLastName("Felaktigt");
        var empty = await owner.PostAsJsonAsync("/api/v1/job-tracks", new { title, occupation = "Rymdpilot", trainingWeeks = "många", price = "gratis" })
            .ProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "occupation", "providerOrganisationId", "trainingComponents", "trainingStartsOn", "trainingWeeks", "regi",
                     "employmentForm", "workplaceMunicipalityCode", "places", "expectedHires", "price" })
        {
            Assert.NotEmpty(empty.FieldErrors(field));
        }

        Assert.Contains("taxonomi", empty.FieldErrors("occupation")[0], StringComparison.Ordinal);
        var body = await BusDriversAsync(app, Today);
        body["title"] = new string('x', 201);
        body["trainingStartsOn"] = "1/4 2027";
        body["requirements"] = new JsonArray(new JsonObject { ["kind"] = "skill", ["value"] = "Rymdsvetsning med tandtråd", ["mustHave"] = true });
        var wrong = await owner.PostAsJsonAsync("/api/v1/job-tracks", body).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("för lång", wrong.FieldErrors("title")[0], StringComparison.Ordinal);
        Assert.Contains("ÅÅÅÅ-MM-DD", wrong.FieldErrors("trainingStartsOn")[0], StringComparison.Ordinal);
        Assert.NotEmpty(wrong.FieldErrors("requirements[0].value"));
        var list = await owner.GetAsync("/api/v1/job-tracks").JsonArrayAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(list, t => ((string?)t!["title"])!.StartsWith(title, StringComparison.Ordinal));

        var id = await InRecruitmentAsync(app, owner, Today.AddDays(60));
        var decision = await owner.PostAsJsonAsync($"/api/v1/job-tracks/{id}/decision", new { decidedOn = Day(Today), reference = "SG 2026/15" })
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("ändras inte", (string?)decision["detail"], StringComparison.Ordinal);
        var document = await owner.PostAsJsonAsync($"/api/v1/job-tracks/{id}/documents", new { kind = "kontrakt", date = "i går" })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(document.FieldErrors("kind"));
        Assert.NotEmpty(document.FieldErrors("date"));
        Assert.NotEmpty(document.FieldErrors("reference"));
        var stage = await Stage(owner, id, "klar").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Utbildning pågår", stage.FieldErrors("stage")[0], StringComparison.Ordinal);
        var track = await owner.GetAsync($"/api/v1/job-tracks/{id}").JsonAsync(HttpStatusCode.OK);
        Assert.Single(track["documents"]!.AsArray());
        Assert.Equal("recruitment", (string?)track["stage"]);

        var period = await owner.GetAsync("/api/v1/compensation?from=2026-05-01&to=2026-04-01").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(period.FieldErrors("to"));
    }

    [Fact]
    public async Task Outsiders_get_404_on_every_job_track_address_and_a_denied_entry()
    {
        var owner = await app.ClientFor("jobb.taby");
        var id = await InRecruitmentAsync(app, owner, Today.AddDays(60));
        var person = await PersonAsync(app, "jobb.taby", "0160");
        var candidate = (await owner.PostAsJsonAsync($"/api/v1/job-tracks/{id}/candidates", new { participantId = person.Id })
            .JsonAsync(HttpStatusCode.Created)).Id();
        var outsider = await OutsiderAsync(app);
        var client = await app.ClientFor(outsider);
        var calls = new Func<Task<HttpResponseMessage>>[]
        {
            () => client.GetAsync($"/api/v1/job-tracks/{id}"),
            () => client.PutAsJsonAsync($"/api/v1/job-tracks/{id}", new { title = "Utifrån" }),
            () => Stage(client, id, "cancelled"),
            () => client.PostAsJsonAsync($"/api/v1/job-tracks/{id}/team", new { name = "X", role = "Y", organisation = "Z" }),
            () => client.PostAsJsonAsync($"/api/v1/job-tracks/{id}/documents", new { kind = "letterOfIntent", date = Day(Today), reference = "R" }),
            () => client.PostAsJsonAsync($"/api/v1/job-tracks/{id}/decision", new { decidedOn = Day(Today), reference = "R" }),
            () => client.PutAsJsonAsync($"/api/v1/job-tracks/{id}/requirements", new { requirements = Array.Empty<object>() }),
            () => client.GetAsync($"/api/v1/job-tracks/{id}/candidates"),
            () => client.PostAsJsonAsync($"/api/v1/job-tracks/{id}/candidates", new { participantId = person.Id }),
            () => CandidateStage(client, id, candidate, new { stage = "discontinued" }),
            () => client.GetAsync($"/api/v1/job-tracks/{id}/results"),
        };
        foreach (var call in calls)
        {
            var problem = await call().ProblemAsync(HttpStatusCode.NotFound);
            Assert.Equal(IsolationMatrix.NotFoundDetail, (string?)problem["detail"]);
        }

        var denied = await app.AccessLogAsync(a => a.UserName == outsider && a.Action == AccessAction.Denied && a.EntityId == id.ToString());
        Assert.Equal(calls.Length, denied.Count);
        Assert.Empty(await app.AccessLogAsync(a => a.UserName == outsider && a.Action != AccessAction.Denied));
        Assert.DoesNotContain(await client.GetAsync("/api/v1/job-tracks").JsonArrayAsync(HttpStatusCode.OK), t => t.Id() == id);
        var track = await owner.GetAsync($"/api/v1/job-tracks/{id}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal("recruitment", (string?)track["stage"]);
        Assert.Single(track["team"]!.AsArray());
    }

    [Fact]
    public async Task The_demo_region_has_seed_002s_three_tracks_at_their_stages()
    {
        var owner = await app.ClientFor("jobb.taby");
        var tracks = await owner.GetAsync("/api/v1/job-tracks").JsonArrayAsync(HttpStatusCode.OK);
        string StageOf(string title) => (string)tracks.Single(t => (string?)t!["title"] == title)!["stage"]!;
        Assert.Equal("trainingOngoing", StageOf("Bussförare Nobina"));
        Assert.Equal("recruitment", StageOf("Serviceassistenter Ambea"));
        Assert.Equal("planning", StageOf("Marint näringsliv – varv via Sweboat"));

        var bus = tracks.Single(t => (string?)t!["title"] == "Bussförare Nobina")!.Id();
        var results = await owner.GetAsync($"/api/v1/job-tracks/{bus}/results").JsonAsync(HttpStatusCode.OK);
        Assert.True((int)results["total"]!["proposed"]! >= 3);
        Assert.True((int)results["hiredByEmploymentForm"]!["newStartJob"]! >= 1);
        Assert.True(results["byHomeMunicipalityAndGender"]!.AsArray().Select(g => (string?)g!["homeMunicipality"]).Distinct().Count() >= 2);
        var candidates = await owner.GetAsync($"/api/v1/job-tracks/{bus}/candidates").JsonAsync(HttpStatusCode.OK);
        Assert.NotEmpty(candidates["candidates"]!.AsArray());
    }

    [Fact]
    public async Task Public_listing_has_tracks_in_recruitment_without_people_or_prices()
    {
        var owner = await app.ClientFor("jobb.taby");
        var id = await InRecruitmentAsync(app, owner, Today.AddDays(60));
        var person = await PersonAsync(app, "jobb.taby", "0160");
        await owner.PostAsJsonAsync($"/api/v1/job-tracks/{id}/candidates", new { participantId = person.Id }).ShouldBe(HttpStatusCode.Created);
        var listed = await app.WithScopeAsync(services =>
            services.GetRequiredService<JobTrackWork>().InRecruitmentForPublicAsync(CancellationToken.None));
        var track = Assert.Single(listed, t => t.Id == id);
        Assert.Equal("Bussförare", track.OccupationName);
        Assert.Equal("Norrtälje", track.MunicipalityName);
        Assert.DoesNotContain(person.LastName, System.Text.Json.JsonSerializer.Serialize(listed), StringComparison.Ordinal);
    }
}
