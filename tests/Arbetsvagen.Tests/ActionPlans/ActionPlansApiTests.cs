using System.Globalization;
using Arbetsvagen.Features.Mappings;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Arbetsvagen.Features.ActionPlans;
using Arbetsvagen.Features.Attendance;
using Arbetsvagen.Features.Cases;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Tests.ActionPlans;

public sealed class ActionPlansApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string TabyJobCentre = "Täby kommun – Jobbcentrum";
    private static readonly DateOnly Today = Arbetsvagen.Infrastructure.SwedishTime.Today(DateTime.UtcNow);

    public static string D(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A plan for today + 6 months with the given activities (defaults: one job-search activity).</summary>
    public static JsonObject PlanBody(int basedOn, params JsonObject[] activities) => new()
    {
        ["basedOnVersion"] = basedOn,
        ["goal"] = "Få ett arbete inom lager och logistik",
        ["direction"] = "employment",
        ["startsOn"] = D(Today),
        ["endsOn"] = D(Today.AddMonths(6)),
        ["reviewOn"] = D(Today.AddMonths(1)),
        ["comment"] = "Upprättad vid trepartssamtal",
        ["activities"] = new JsonArray(activities.Length == 0 ? [Activity("Jobbsökargrupp på Jobbcentrum")] : activities),
    };

    public static JsonObject Activity(string description, string kind = "jobSearch", int startDays = 0, int endDays = 60, object? hours = null) => new()
    {
        ["kind"] = kind,
        ["description"] = description,
        ["provider"] = "Täby Jobbcentrum",
        ["startsOn"] = D(Today.AddDays(startDays)),
        ["endsOn"] = D(Today.AddDays(endDays)),
        ["hoursPerWeek"] = JsonValue.Create(hours ?? 10),
        ["status"] = "planned",
    };

    private string Path(Guid participant, string rest = "") => $"/api/v1/participants/{participant}/action-plan{rest}";

    private async Task<int> RevisionCount(Guid participant) =>
        await app.WithDbAsync(db => db.Set<ActionPlanRevision>().CountAsync(r => db.Set<ActionPlan>().Any(p => p.Id == r.PlanId && p.ParticipantId == participant)));

    [Fact]
    public async Task A_plan_is_created_and_revised_twice_with_history_changes_and_readable_snapshots()
    {
        var owner = await app.ClientFor("soc.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");
        var caseId = (await owner.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/cases", new { source = "self", reason = "Söker stöd" })
            .JsonAsync(HttpStatusCode.Created)).Id();

        var none = await owner.GetAsync(Path(participant.Id)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Deltagaren har ingen handlingsplan ännu.", (string?)none["detail"]);

        var created = await owner.PostAsJsonAsync(Path(participant.Id, "/revisions"), PlanBody(0)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, (int?)created["version"]);
        Assert.Equal("employment", (string?)created["direction"]);
        Assert.Equal("Täby kommun – Socialtjänsten, försörjningsstöd", (string?)created["updatedByOrganisationName"]);
        Assert.False((bool?)created["reviewOverdue"]);
        var firstActivity = created["activities"]![0]!;
        Assert.Equal("jobSearch", (string?)firstActivity["kind"]);
        var activityId = (string?)firstActivity["id"];

        var second = PlanBody(1);
        second["activities"]![0]!["id"] = activityId;
        second["activities"]![0]!["status"] = "ongoing";
        second["activities"]!.AsArray().Add(Activity("SFI kurs C", "sfi", 30, 120, 15));
        second["comment"] = "SFI lagt till";
        var revised = await owner.PostAsJsonAsync(Path(participant.Id, "/revisions"), second).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(2, (int?)revised["version"]);

        var third = PlanBody(2);
        third["activities"] = new JsonArray(revised["activities"]!.AsArray().Select(a => (JsonNode)a!.DeepClone()).ToArray());
        third["activities"]![0]!["hoursPerWeek"] = "7,5";
        third["goal"] = "Få ett arbete inom lager, med truckkort";
        var current = await owner.PostAsJsonAsync(Path(participant.Id, "/revisions"), third).JsonAsync(HttpStatusCode.Created);

        // Activity ids stay the same across revisions.
        Assert.Equal(3, (int?)current["version"]);
        Assert.Equal(activityId, (string?)current["activities"]![0]!["id"]);
        Assert.Equal(revised["activities"]![1]!["id"]!.ToString(), current["activities"]![1]!["id"]!.ToString());
        Assert.Equal(7.5m, (decimal?)current["activities"]![0]!["hoursPerWeek"]);

        var history = await owner.GetAsync(Path(participant.Id, "/revisions")).JsonArrayAsync(HttpStatusCode.OK);
        Assert.Equal([3, 2, 1], history.Select(r => (int)r!["number"]!));
        Assert.Contains("Ny aktivitet: SFI kurs C.", (string?)history[1]!["changes"], StringComparison.Ordinal);
        Assert.Contains("status planerad → pågår", (string?)history[1]!["changes"], StringComparison.Ordinal);
        Assert.Equal("SFI lagt till", (string?)history[1]!["comment"]);
        Assert.Contains("Målet ändrades.", (string?)history[0]!["changes"], StringComparison.Ordinal);
        Assert.StartsWith("Planen upprättades", (string?)history[2]!["changes"], StringComparison.Ordinal);

        var old = await owner.GetAsync(Path(participant.Id, "/revisions/1")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Få ett arbete inom lager och logistik", (string?)old["plan"]!["goal"]);
        Assert.Single(old["plan"]!["activities"]!.AsArray());
        Assert.Equal("planned", (string?)old["plan"]!["activities"]![0]!["status"]);
        await owner.GetAsync(Path(participant.Id, "/revisions/9")).ProblemAsync(HttpStatusCode.NotFound);

        var journal = await owner.GetAsync($"/api/v1/cases/{caseId}/journal").JsonArrayAsync(HttpStatusCode.OK);
        Assert.Contains(journal, e => ((string?)e!["text"])!.StartsWith("Handlingsplanen reviderades (version 3).", StringComparison.Ordinal));
        Assert.Contains(journal, e => ((string?)e!["text"])!.StartsWith("Handlingsplanen upprättades (version 1).", StringComparison.Ordinal));
        Assert.Single(await app.AccessLogForAsync(participant.Id, AccessAction.Create, "soc.taby"), a => a.EntityType == "ActionPlan");
        Assert.Equal(2, (await app.AccessLogForAsync(participant.Id, AccessAction.Update, "soc.taby")).Count(a => a.EntityType == "ActionPlan"));
    }

    [Fact]
    public async Task A_stale_version_is_refused_with_409_and_nothing_changes()
    {
        var owner = await app.ClientFor("soc.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");
        await owner.PostAsJsonAsync(Path(participant.Id, "/revisions"), PlanBody(0)).JsonAsync(HttpStatusCode.Created);
        await owner.PostAsJsonAsync(Path(participant.Id, "/revisions"), PlanBody(1)).JsonAsync(HttpStatusCode.Created);

        var stale = PlanBody(1);
        stale["goal"] = "Något annat";
        await owner.PostAsJsonAsync(Path(participant.Id, "/revisions"), stale).ProblemAsync(HttpStatusCode.Conflict);
        await owner.PostAsJsonAsync(Path(participant.Id, "/revisions"), PlanBody(0)).ProblemAsync(HttpStatusCode.Conflict);
        var staleAndIncomplete = PlanBody(1);
        staleAndIncomplete["goal"] = "";
        // Fixing the goal would not help: the caseworker must reload first, so the conflict is what they hear.
        await owner.PostAsJsonAsync(Path(participant.Id, "/revisions"), staleAndIncomplete).ProblemAsync(HttpStatusCode.Conflict);

        var plan = await owner.GetAsync(Path(participant.Id)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, (int?)plan["version"]);
        Assert.Equal("Få ett arbete inom lager och logistik", (string?)plan["goal"]);
        Assert.Equal(2, await RevisionCount(participant.Id));
    }

    [Fact]
    public async Task Invalid_plans_are_refused_with_400_naming_the_field_and_nothing_changes()
    {
        var owner = await app.ClientFor("soc.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");
        await owner.PostAsJsonAsync(Path(participant.Id, "/revisions"), PlanBody(0)).JsonAsync(HttpStatusCode.Created);

        var outside = await owner.PostAsJsonAsync(Path(participant.Id, "/revisions"), PlanBody(1, Activity("Praktik", "placement", -10, 20)))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(outside.FieldErrors("activities[0].startsOn"));

        var reversed = PlanBody(1);
        reversed["endsOn"] = D(Today.AddDays(-1));
        Assert.NotEmpty((await owner.PostAsJsonAsync(Path(participant.Id, "/revisions"), reversed).ProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("endsOn"));

        var unknown = await owner.PostAsJsonAsync(Path(participant.Id, "/revisions"), PlanBody(1, Activity("Okänt", "juggling")))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(unknown.FieldErrors("activities[0].kind"));

        var badInput = PlanBody(1, Activity("Coachning", "coaching", hours: "mycket"));
        badInput["direction"] = "sideways";
        badInput["reviewOn"] = "1 maj";
        var bad = await owner.PostAsJsonAsync(Path(participant.Id, "/revisions"), badInput).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.FieldErrors("direction"));
        Assert.NotEmpty(bad.FieldErrors("reviewOn"));
        Assert.NotEmpty(bad.FieldErrors("activities[0].hoursPerWeek"));

        // Unreadable text and broken rules in one answer: the caseworker fixes everything in one go.
        var both = PlanBody(1, Activity("Praktik", "placement", -10, 20), Activity("", "coaching"));
        both["goal"] = " ";
        both["startsOn"] = "snart";
        var all = await owner.PostAsJsonAsync(Path(participant.Id, "/revisions"), both).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(all.FieldErrors("startsOn"));
        Assert.NotEmpty(all.FieldErrors("goal"));
        Assert.NotEmpty(all.FieldErrors("activities[1].description"));
        Assert.Empty(all.FieldErrors("activities[0].startsOn")); // compared with a start date that could not be read: not judged
        Assert.Empty(all.FieldErrors("reviewOn"));

        var linked = Activity("Jobbsökargrupp");
        linked["activityId"] = Guid.NewGuid();
        Assert.NotEmpty((await owner.PostAsJsonAsync(Path(participant.Id, "/revisions"), PlanBody(1, linked)).ProblemAsync(HttpStatusCode.BadRequest))
            .FieldErrors("activities[0].activityId"));

        Assert.Equal(1, await RevisionCount(participant.Id));
        Assert.Equal(1, (int?)(await owner.GetAsync(Path(participant.Id)).JsonAsync(HttpStatusCode.OK))["version"]);
    }

    [Fact]
    public async Task A_consent_covering_plans_lets_the_job_centre_read_and_revise_and_without_it_they_get_404_and_one_denied_row()
    {
        var owner = await app.ClientFor("soc.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");
        await owner.PostAsJsonAsync(Path(participant.Id, "/revisions"), PlanBody(0)).JsonAsync(HttpStatusCode.Created);
        var jobCentre = await app.ClientFor("jobb.taby");

        await app.GiveConsentAsync(participant.Id, [TabyJobCentre], ["identity"]);
        await jobCentre.GetAsync(Path(participant.Id)).ProblemAsync(HttpStatusCode.NotFound);
        var denied = await app.AccessLogForAsync(participant.Id, AccessAction.Denied, "jobb.taby");
        Assert.Single(denied);
        Assert.Equal("ActionPlan", denied[0].EntityType);

        var consent = await app.GiveConsentAsync(participant.Id, [TabyJobCentre], ["identity", "caseAndPlan"]);
        var shared = await jobCentre.GetAsync(Path(participant.Id)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int?)shared["version"]);
        var revised = await jobCentre.PostAsJsonAsync(Path(participant.Id, "/revisions"), PlanBody(1)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("Täby kommun – Jobbcentrum", (string?)revised["updatedByOrganisationName"]);

        var reads = await app.AccessLogForAsync(participant.Id, AccessAction.Read, "jobb.taby");
        Assert.Single(reads, r => r.EntityType == "ActionPlan");
        Assert.All(reads.Where(r => r.EntityType == "ActionPlan"), r => Assert.Contains(consent.ToString(), r.Purpose, StringComparison.Ordinal));
        Assert.Single(await app.AccessLogForAsync(participant.Id, AccessAction.Update, "jobb.taby"));
        Assert.Single(await app.AccessLogForAsync(participant.Id, AccessAction.Denied, "jobb.taby"));
    }

    [Fact]
    public async Task Each_get_logs_exactly_one_read_row()
    {
        var owner = await app.ClientFor("soc.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");
        await owner.PostAsJsonAsync(Path(participant.Id, "/revisions"), PlanBody(0)).JsonAsync(HttpStatusCode.Created);

        foreach (var (path, expected) in new[] { ("", 1), ("/revisions", 2), ("/revisions/1", 3) })
        {
            await owner.GetAsync(Path(participant.Id, path)).ShouldBe(HttpStatusCode.OK);
            var reads = (await app.AccessLogForAsync(participant.Id, AccessAction.Read, "soc.taby")).Where(r => r.EntityType == "ActionPlan").ToList();
            Assert.Equal(expected, reads.Count);
        }
    }

    [Fact]
    public void Describe_lists_each_kind_of_change()
    {
        var plan = ActionPlan.Create(Guid.NewGuid());
        var start = new DateOnly(2027, 1, 1);
        var draft = new PlanActivityDraft(null, ActivityKind.Placement, "Praktik i butik", null, "ICA", start, start.AddDays(30), 20,
            PlanActivityStatus.Planned, null);
        plan.Revise(0, "Arbete i handeln", Direction.Employment, start, start.AddMonths(3), start.AddMonths(1), [draft], null, Guid.NewGuid(),
            Guid.NewGuid(), DateTime.UtcNow);
        var before = plan.Snapshot();
        var id = plan.Activities[0].Id;

        var revision = plan.Revise(1, "Arbete i handeln", Direction.Studies, start, start.AddMonths(3), start.AddMonths(2),
            [draft with { Id = id, Status = PlanActivityStatus.Completed, Result = "Gick bra" }], "Klar", Guid.NewGuid(), Guid.NewGuid(), DateTime.UtcNow);

        Assert.Equal(id, plan.Activities[0].Id);
        Assert.Contains("Inriktning: anställning → studier.", revision.Changes, StringComparison.Ordinal);
        Assert.Contains("Uppföljningsdatum:", revision.Changes, StringComparison.Ordinal);
        Assert.Contains("Ändrad aktivitet Praktik i butik: status planerad → genomförd, resultat.", revision.Changes, StringComparison.Ordinal);
        Assert.Equal("Inga ändringar i innehållet.", ActionPlan.Describe(before, before));
        Assert.Equal("Gick bra", revision.Snapshot().Activities[0].Result);
    }

    [Fact]
    public async Task The_automatic_journal_entry_goes_only_to_the_revisers_own_open_case()
    {
        var owner = await app.ClientFor("soc.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");
        var caseId = (await owner.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/cases", new { source = "self", reason = "Söker stöd" })
            .JsonAsync(HttpStatusCode.Created)).Id();
        await app.GiveConsentAsync(participant.Id, [TabyJobCentre], ["identity", "caseAndPlan"]);
        var jobCentre = await app.ClientFor("jobb.taby");

        await jobCentre.PostAsJsonAsync(Path(participant.Id, "/revisions"), PlanBody(0)).JsonAsync(HttpStatusCode.Created);

        var entries = await app.WithDbAsync(db => db.Set<JournalEntry>().Where(e => e.CaseId == caseId).Select(e => e.Text).ToListAsync());
        Assert.DoesNotContain(entries, t => t.StartsWith("Handlingsplanen", StringComparison.Ordinal));
    }
}
