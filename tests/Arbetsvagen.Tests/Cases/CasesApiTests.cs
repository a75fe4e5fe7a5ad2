using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Tests.Cases;

public sealed class CasesApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Af = "Arbetsförmedlingen Nordöstra Stockholm";
    private const string TabyJobCentre = "Täby kommun – Jobbcentrum";

    private async Task<(Guid Participant, Guid Case)> OpenCaseAsync(HttpClient owner)
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var opened = await owner.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/cases",
            new { source = "socialServices", reason = "Ansökan om försörjningsstöd", incomeBefore = "socialAssistance" }).JsonAsync(HttpStatusCode.Created);
        return (participant.Id, opened.Id());
    }

    [Fact]
    public async Task A_case_goes_from_intake_to_closure_and_every_step_lands_in_history_and_journal()
    {
        var owner = await app.ClientFor("soc.taby");
        var (participant, caseId) = await OpenCaseAsync(owner);

        var noConsent = await owner.PostAsJsonAsync($"/api/v1/cases/{caseId}/enrolment", new { checkInSchedule = "Tisdagar 10" })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noConsent.FieldErrors("afRegistrationConsentId"));

        var consent = await app.GiveConsentAsync(participant, [Af], ["identity", "caseAndPlan"]);
        await owner.PostAsJsonAsync($"/api/v1/cases/{caseId}/enrolment", new { checkInSchedule = "Tisdagar 10", afRegistrationConsentId = consent })
            .JsonAsync(HttpStatusCode.OK);
        var illegal = await owner.PostAsync($"/api/v1/cases/{caseId}/enrolment", JsonContent.Create(new { checkInSchedule = "x", afRegistrationConsentId = consent }))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("aktualiserat", (string?)illegal["detail"], StringComparison.Ordinal);
        await owner.PostAsync($"/api/v1/cases/{caseId}/start", null).JsonAsync(HttpStatusCode.OK);

        var badClosure = await owner.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure", new { outcome = "subsidisedWork" })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(badClosure.FieldErrors("employmentForm"));
        var closed = await owner.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure",
            new { outcome = "subsidisedWork", employmentForm = "newStartJob", incomeAfter = "salary" }).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("closed", (string?)closed["state"]);
        Assert.Equal(4, closed["history"]!.AsArray().Count);
        Assert.Equal(3, closed["followUpDates"]!.AsArray().Count);
        var journal = await owner.GetAsync($"/api/v1/cases/{caseId}/journal").JsonArrayAsync(HttpStatusCode.OK);
        Assert.Equal(4, journal.Count(e => (string?)e!["type"] == "automatic"));
    }

    [Fact]
    public async Task Signed_journal_entries_are_immutable_and_corrections_keep_the_original()
    {
        var owner = await app.ClientFor("soc.taby");
        var (_, caseId) = await OpenCaseAsync(owner);
        var entry = await owner.PostAsJsonAsync($"/api/v1/cases/{caseId}/journal", new { type = "conversation", text = "Samtal om mål." })
            .JsonAsync(HttpStatusCode.Created);
        var entryId = entry.Id();
        await owner.PutAsJsonAsync($"/api/v1/journal-entries/{entryId}", new { text = "Samtal om mål och hinder." }).JsonAsync(HttpStatusCode.OK);
        await owner.PostAsync($"/api/v1/journal-entries/{entryId}/signature", null).JsonAsync(HttpStatusCode.OK);

        await owner.PutAsJsonAsync($"/api/v1/journal-entries/{entryId}", new { text = "Ändrad" }).ProblemAsync(HttpStatusCode.Conflict);
        await owner.DeleteAsync($"/api/v1/journal-entries/{entryId}").ShouldBe(HttpStatusCode.MethodNotAllowed);
        var empty = await owner.PostAsJsonAsync($"/api/v1/cases/{caseId}/journal", new { type = "contact", text = "" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(empty.FieldErrors("text"));
        var correction = await owner.PostAsJsonAsync($"/api/v1/journal-entries/{entryId}/corrections", new { text = "Rättelse: också boende." })
            .JsonAsync(HttpStatusCode.Created);

        Assert.Equal(entryId.ToString(), (string?)correction["correctsEntryId"]);
        var journal = await owner.GetAsync($"/api/v1/cases/{caseId}/journal").JsonArrayAsync(HttpStatusCode.OK);
        Assert.Contains(journal, e => (string?)e!["text"] == "Samtal om mål och hinder.");
    }

    [Fact]
    public async Task Other_organisations_get_404_and_a_denied_entry_unless_a_consent_covers_cases()
    {
        var owner = await app.ClientFor("soc.taby");
        var (participant, caseId) = await OpenCaseAsync(owner);
        var jobCentre = await app.ClientFor("jobb.taby");

        await jobCentre.GetAsync($"/api/v1/cases/{caseId}").ProblemAsync(HttpStatusCode.NotFound);
        await jobCentre.PostAsync($"/api/v1/cases/{caseId}/start", null).ProblemAsync(HttpStatusCode.NotFound);
        await jobCentre.GetAsync($"/api/v1/cases/{caseId}/journal").ProblemAsync(HttpStatusCode.NotFound);
        Assert.True((await app.AccessLogForAsync(participant, AccessAction.Denied, "jobb.taby")).Count >= 3);

        await app.GiveConsentAsync(participant, [TabyJobCentre], ["identity"]);
        await jobCentre.GetAsync($"/api/v1/cases/{caseId}").ProblemAsync(HttpStatusCode.NotFound); // identity only: no cases

        await app.GiveConsentAsync(participant, [TabyJobCentre], ["identity", "caseAndPlan"]);
        var shared = await jobCentre.GetAsync($"/api/v1/cases/{caseId}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal("actualised", (string?)shared["state"]);
        await jobCentre.PostAsync($"/api/v1/cases/{caseId}/start", null).ProblemAsync(HttpStatusCode.Forbidden);
        await jobCentre.GetAsync($"/api/v1/cases/{caseId}/journal").ProblemAsync(HttpStatusCode.NotFound); // the journal stays with the holder

        // The job centre opens its own case for the shared participant.
        var own = await jobCentre.PostAsJsonAsync($"/api/v1/participants/{participant}/cases", new { source = "socialServices", reason = "Remiss" })
            .JsonAsync(HttpStatusCode.Created);
        var list = await owner.GetAsync($"/api/v1/participants/{participant}/cases").JsonArrayAsync(HttpStatusCode.OK);
        Assert.Contains(list, c => (string?)c!["id"] == own.Id().ToString());
    }

    [Fact]
    public async Task Bad_input_names_the_field()
    {
        var owner = await app.ClientFor("soc.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");
        var problem = await owner.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/cases",
            new JsonObject { ["source"] = "nowhere", ["openedOn"] = "2099-01-01", ["reason"] = "" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors("source"));
        Assert.NotEmpty(problem.FieldErrors("openedOn"));
        Assert.NotEmpty(problem.FieldErrors("reason"));
        Assert.Empty(await owner.GetAsync($"/api/v1/participants/{participant.Id}/cases").JsonArrayAsync(HttpStatusCode.OK));
    }
}
