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

    private static DateOnly Today => SwedishTime.Today(DateTime.UtcNow);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

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
        Assert.Equal("Bara ett aktualiserat ärende kan skrivas in. Ärendet är inskrivet.", (string?)illegal["detail"]);
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

    [Fact]
    public async Task Enrolment_is_refused_without_a_consent_naming_Arbetsformedlingen_and_for_a_future_date()
    {
        var owner = await app.ClientFor("soc.taby");
        var (participant, caseId) = await OpenCaseAsync(owner);
        var none = await owner.PostAsJsonAsync($"/api/v1/cases/{caseId}/enrolment", new { checkInSchedule = "Tisdagar 10" })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Personen har inget gällande samtycke som omfattar Arbetsförmedlingen.", none.FieldErrors("afRegistrationConsentId").Single(),
            StringComparison.Ordinal);

        var jobCentreOnly = await app.GiveConsentAsync(participant, [TabyJobCentre], ["identity", "caseAndPlan"]);
        var naming = await app.GiveConsentAsync(participant, [Af], ["identity"]);
        var wrong = await owner.PostAsJsonAsync($"/api/v1/cases/{caseId}/enrolment", new { checkInSchedule = "Tisdagar 10", afRegistrationConsentId = jobCentreOnly })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("omfatta Arbetsförmedlingen", wrong.FieldErrors("afRegistrationConsentId").Single(), StringComparison.Ordinal);
        var future = await owner.PostAsJsonAsync($"/api/v1/cases/{caseId}/enrolment",
            new { enrolledOn = Iso(Today.AddDays(1)), checkInSchedule = "Tisdagar 10", afRegistrationConsentId = naming }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Inskrivningsdatum kan inte ligga i framtiden."], future.FieldErrors("enrolledOn"));
        Assert.Equal("actualised", (string?)(await owner.GetAsync($"/api/v1/cases/{caseId}").JsonAsync(HttpStatusCode.OK))["state"]);

        var enrolled = await owner.PostAsJsonAsync($"/api/v1/cases/{caseId}/enrolment",
            new { enrolledOn = Iso(Today), checkInSchedule = "Tisdagar 10", afRegistrationConsentId = naming }).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(naming.ToString(), (string?)enrolled["afRegistrationConsentId"]);
    }

    [Fact]
    public async Task A_follow_up_before_its_due_date_needs_confirmEarly_and_none_lies_in_the_future()
    {
        var owner = await app.ClientFor("soc.taby");
        var (_, caseId) = await OpenCaseAsync(owner);
        await owner.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure", new { closedOn = Iso(Today), outcome = "moved" }).ShouldBe(HttpStatusCode.OK);

        var early = await owner.PostAsJsonAsync($"/api/v1/cases/{caseId}/follow-ups", new { months = 3, status = "jobSeeking" })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith($"Uppföljningen efter 3 månader ska göras tidigast {Iso(Today.AddMonths(3))}.", early.FieldErrors("followedUpOn").Single(),
            StringComparison.Ordinal);
        var future = await owner.PostAsJsonAsync($"/api/v1/cases/{caseId}/follow-ups",
            new { months = 3, status = "jobSeeking", followedUpOn = Iso(Today.AddDays(1)), confirmEarly = true }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Uppföljningsdatum kan inte ligga i framtiden."], future.FieldErrors("followedUpOn"));

        var recorded = await owner.PostAsJsonAsync($"/api/v1/cases/{caseId}/follow-ups", new { months = 3, status = "jobSeeking", confirmEarly = true })
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(Iso(Today.AddMonths(3)), (string?)recorded["followUps"]![0]!["dueOn"]);
    }

    [Fact]
    public async Task A_too_long_journal_text_says_so_and_the_refused_delete_answers_405_with_the_way_to_correct()
    {
        var owner = await app.ClientFor("soc.taby");
        var (_, caseId) = await OpenCaseAsync(owner);
        var tooLong = await owner.PostAsJsonAsync($"/api/v1/cases/{caseId}/journal", new { type = "contact", text = new string('x', 100_000) })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Anteckningens text är för lång: högst 8000 tecken, nu 100000."], tooLong.FieldErrors("text"));
        var entryId = (await owner.PostAsJsonAsync($"/api/v1/cases/{caseId}/journal", new { type = "contact", text = "Ringde." })
            .JsonAsync(HttpStatusCode.Created)).Id();

        var refused = await owner.DeleteAsync($"/api/v1/journal-entries/{entryId}").ProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Contains($"/api/v1/journal-entries/{entryId}/corrections", (string?)refused["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_OpenAPI_document_states_every_response_of_the_case_and_journal_endpoints()
    {
        var document = await app.Anonymous().GetAsync("/openapi/v1.json").JsonAsync(HttpStatusCode.OK);
        var operations = document["paths"]!.AsObject()
            .Where(p => p.Key.StartsWith("/api/v1/cases/", StringComparison.Ordinal) || p.Key.StartsWith("/api/v1/journal-entries/", StringComparison.Ordinal)
                || p.Key == "/api/v1/participants/{id}/cases")
            .SelectMany(p => p.Value!.AsObject().Where(o => o.Key != "parameters").Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value!.AsObject())))
            .ToList();

        Assert.Equal(13, operations.Count);
        foreach (var (path, method, operation) in operations)
        {
            var name = $"{method.ToUpperInvariant()} {path}";
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["summary"]), $"{name} has no summary");
            var responses = operation["responses"]!.AsObject();
            var problems = responses.Where(r => r.Key.StartsWith('4')).ToList();
            Assert.All(problems, r => Assert.NotNull(r.Value!["content"]?["application/problem+json"]?["schema"]));
            if (method == "delete")
            {
                Assert.Equal(["401", "405"], responses.Select(r => r.Key).Order(StringComparer.Ordinal));
                Assert.Contains(operation["parameters"]!.AsArray(), p => (string?)p!["name"] == "id" && (string?)p["in"] == "path");
                continue;
            }

            var success = responses.Single(r => r.Key is "200" or "201");
            Assert.NotNull(success.Value!["content"]?["application/json"]?["schema"]);
            // 401 comes from the document transformer for every operation that needs a signed-in user, 415 for every one with a body.
            string[] expected = method == "get" ? ["401", "404"] : ["400", "401", "403", "404", "409"];
            expected = operation["requestBody"] is null ? expected : [.. expected, "415"];
            Assert.Equal(expected, problems.Select(r => r.Key).Order(StringComparer.Ordinal));
        }
    }
}
