using Arbetsvagen.Infrastructure.Demo;
using System.Net;
using System.Net.Http.Json;
using Arbetsvagen.Tests.Infrastructure;
using System.Globalization;
using Arbetsvagen.Compositions.Demo;
using Arbetsvagen.Features.Referrals;
using Xunit;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Tests.Referrals;

public sealed class ReferralsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string TabyJobCentre = "Täby kommun – Jobbcentrum";
    private static string InTwoWeeks => DateOnly.FromDateTime(DateTime.UtcNow.AddDays(14)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private const string Osteraker = "Österåker kommun – Jobbcentrum";
    private const string Af = "Arbetsförmedlingen Nordöstra Stockholm";

    private Task<object> ReferralBody(Guid participant, params string[] orders) => ReferralTo(participant, TabyJobCentre, orders);

    private async Task<object> ReferralTo(Guid participant, string receiver, params string[] orders) => new
    {
        participantId = participant,
        toOrganisationId = await app.OrganisationId(receiver),
        orders,
        question = "Hur ser arbetsförmågan ut, och vilken praktik passar?",
        expectedReportOn = InTwoWeeks,
    };

    [Fact]
    public async Task A_referral_needs_a_consent_naming_the_receiver_and_is_answered_with_a_report_in_the_referring_case()
    {
        var soc = await app.ClientFor("soc.taby");
        var jobb = await app.ClientFor("jobb.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");
        var caseId = (await soc.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/cases",
            new { source = "socialServices", reason = "Försörjningsstöd" }).JsonAsync(HttpStatusCode.Created)).Id();

        var noConsent = await soc.PostAsJsonAsync("/api/v1/referrals", await ReferralBody(participant.Id, "workAbilityAssessment"))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noConsent.FieldErrors("toOrganisationId"));

        await app.GiveConsentAsync(participant.Id, [TabyJobCentre], ["identity", "caseAndPlan", "attendance"]);
        var body = new System.Text.Json.Nodes.JsonObject
        {
            ["participantId"] = participant.Id.ToString(),
            ["toOrganisationId"] = (await app.OrganisationId(TabyJobCentre)).ToString(),
            ["fromCaseId"] = caseId.ToString(),
            ["orders"] = new System.Text.Json.Nodes.JsonArray("workAbilityAssessment", "placement"),
            ["question"] = "Arbetsförmåga och praktik?",
            ["expectedReportOn"] = InTwoWeeks,
        };
        var sent = await soc.PostAsJsonAsync("/api/v1/referrals", body).JsonAsync(HttpStatusCode.Created);
        var referralId = sent.Id();
        Assert.Equal("sent", (string?)sent["state"]);

        await soc.PostAsync($"/api/v1/referrals/{referralId}/acceptance", null).ProblemAsync(HttpStatusCode.Forbidden); // only the receiver answers
        await jobb.PostAsJsonAsync($"/api/v1/referrals/{referralId}/report", new { whatWasDone = "x", result = "y", recommendation = "z" })
            .ProblemAsync(HttpStatusCode.Conflict); // not accepted yet
        await jobb.PostAsync($"/api/v1/referrals/{referralId}/acceptance", null).JsonAsync(HttpStatusCode.OK);
        await jobb.PostAsJsonAsync($"/api/v1/referrals/{referralId}/meetings",
            new { attendees = "Deltagaren, socialsekreterare, jobbcoach", notes = "Överens om praktik på lager." }).ShouldBe(HttpStatusCode.Created);
        var incomplete = await jobb.PostAsJsonAsync($"/api/v1/referrals/{referralId}/report", new { whatWasDone = "Praktik två veckor" })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(incomplete.FieldErrors("result"));
        var reported = await jobb.PostAsJsonAsync($"/api/v1/referrals/{referralId}/report", new
        {
            whatWasDone = "Arbetsträning på lager, simulerade uppgifter",
            attendanceSummary = "9 av 10 tillfällen",
            result = "Klarar halvtid",
            recommendation = "Praktik med sikte på nystartsjobb",
        }).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("reported", (string?)reported["state"]);

        var journal = await soc.GetAsync($"/api/v1/cases/{caseId}/journal").JsonArrayAsync(HttpStatusCode.OK);
        Assert.Contains(journal, e => ((string?)e!["text"])!.Contains("Klarar halvtid", StringComparison.Ordinal));
        var seen = await soc.GetAsync($"/api/v1/referrals/{referralId}").JsonAsync(HttpStatusCode.OK);
        Assert.Single(seen["meetings"]!.AsArray());
    }

    [Fact]
    public async Task Declined_referrals_take_no_report_and_withdrawn_consent_hides_the_referral_from_the_receiver()
    {
        var soc = await app.ClientFor("soc.taby");
        var jobb = await app.ClientFor("jobb.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");
        var consent = await app.GiveConsentAsync(participant.Id, [TabyJobCentre], ["identity", "caseAndPlan"]);
        var declined = (await soc.PostAsJsonAsync("/api/v1/referrals", await ReferralBody(participant.Id, "placement")).JsonAsync(HttpStatusCode.Created)).Id();
        var noReason = await jobb.PostAsJsonAsync($"/api/v1/referrals/{declined}/decline", new { reason = "" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noReason.FieldErrors("reason"));
        await jobb.PostAsJsonAsync($"/api/v1/referrals/{declined}/decline", new { reason = "Ingen plats förrän i vår" }).JsonAsync(HttpStatusCode.OK);
        await jobb.PostAsJsonAsync($"/api/v1/referrals/{declined}/report", new { whatWasDone = "x", result = "y", recommendation = "z" })
            .ProblemAsync(HttpStatusCode.Conflict);

        var open = (await soc.PostAsJsonAsync("/api/v1/referrals", await ReferralBody(participant.Id, "helpIntoWork")).JsonAsync(HttpStatusCode.Created)).Id();
        await jobb.GetAsync($"/api/v1/referrals/{open}").JsonAsync(HttpStatusCode.OK);
        await soc.PostAsync($"/api/v1/consents/{consent}/withdrawal", null).ShouldBe(HttpStatusCode.OK);
        await jobb.GetAsync($"/api/v1/referrals/{open}").ProblemAsync(HttpStatusCode.NotFound);
        await jobb.PostAsync($"/api/v1/referrals/{open}/acceptance", null).ProblemAsync(HttpStatusCode.NotFound);
        Assert.NotEmpty(await app.AccessLogForAsync(participant.Id, AccessAction.Denied, "jobb.taby"));
        await soc.GetAsync($"/api/v1/referrals/{open}").JsonAsync(HttpStatusCode.OK); // the sender still sees its own referral
    }

    [Fact]
    public async Task The_third_similar_referral_within_twelve_months_warns_of_lock_in()
    {
        var soc = await app.ClientFor("soc.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");
        await app.GiveConsentAsync(participant.Id, [TabyJobCentre], ["identity", "caseAndPlan"]);

        var first = await soc.PostAsJsonAsync("/api/v1/referrals", await ReferralBody(participant.Id, "placement")).JsonAsync(HttpStatusCode.Created);
        var other = await soc.PostAsJsonAsync("/api/v1/referrals", await ReferralBody(participant.Id, "sfiCombination")).JsonAsync(HttpStatusCode.Created);
        var second = await soc.PostAsJsonAsync("/api/v1/referrals", await ReferralBody(participant.Id, "placement", "helpIntoWork")).JsonAsync(HttpStatusCode.Created);
        var third = await soc.PostAsJsonAsync("/api/v1/referrals", await ReferralBody(participant.Id, "placement")).JsonAsync(HttpStatusCode.Created);

        Assert.False((bool)first["lockInWarning"]!);
        Assert.False((bool)other["lockInWarning"]!);
        Assert.Equal(2, (int)second["similarWithinLockInPeriod"]!);
        Assert.False((bool)second["lockInWarning"]!);
        Assert.Equal(3, (int)third["similarWithinLockInPeriod"]!);
        Assert.True((bool)third["lockInWarning"]!);
        var history = await soc.GetAsync($"/api/v1/participants/{participant.Id}/referrals").JsonArrayAsync(HttpStatusCode.OK);
        Assert.Equal(4, history.Count);
        Assert.Single(history, r => (bool)r!["lockInWarning"]!);
    }

    [Fact]
    public async Task Outsiders_get_404_and_a_denied_entry()
    {
        var soc = await app.ClientFor("soc.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");
        await app.GiveConsentAsync(participant.Id, [TabyJobCentre], ["identity", "caseAndPlan"]);
        var id = (await soc.PostAsJsonAsync("/api/v1/referrals", await ReferralBody(participant.Id, "placement")).JsonAsync(HttpStatusCode.Created)).Id();

        foreach (var outsider in new[] { "soc.vaxholm", "af.nordost", "analytiker" })
        {
            var client = await app.ClientFor(outsider);
            await client.GetAsync($"/api/v1/referrals/{id}").ProblemAsync(HttpStatusCode.NotFound);
            await client.PostAsync($"/api/v1/referrals/{id}/acceptance", null).ProblemAsync(HttpStatusCode.NotFound);
            Assert.NotEmpty(await app.AccessLogAsync(a => a.UserName == outsider && a.Action == AccessAction.Denied && a.EntityId == id.ToString()));
        }
    }

    [Fact]
    public async Task Receivers_are_those_an_active_consent_names_for_case_and_plan_in_Swedish_order_and_the_send_rule_agrees()
    {
        var soc = await app.ClientFor("soc.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");
        await app.GiveConsentAsync(participant.Id, [Osteraker, TabyJobCentre, Af], ["identity", "caseAndPlan"]);
        await app.GiveConsentAsync(participant.Id, [DemoNames.KcnoName], ["identity", "background"]); // does not share the case
        var withdrawn = await app.GiveConsentAsync(participant.Id, [DemoNames.NorrtaljeVuxName], ["identity", "caseAndPlan"]);
        await soc.PostAsync($"/api/v1/consents/{withdrawn}/withdrawal", null).ShouldBe(HttpStatusCode.OK);
        var url = $"/api/v1/participants/{participant.Id}/referral-receivers";

        var receivers = await soc.GetAsync(url).JsonArrayAsync(HttpStatusCode.OK);

        Assert.Equal([Af, TabyJobCentre, Osteraker], receivers.Select(r => (string?)r!["name"])); // Ö after T, as in Swedish
        Assert.Equal(await app.OrganisationId(Af), receivers[0].Id());
        Assert.Single(await app.AccessLogAsync(a => a.ParticipantId == participant.Id && a.UserName == "soc.taby" && a.Action == AccessAction.Read
            && a.EntityType == "Consent" && a.Purpose == "mottagare av remiss"));

        // Sending is the same decision: none but the listed organisations, and never the sender's own unit.
        foreach (var refused in new[] { DemoNames.KcnoName, DemoNames.NorrtaljeVuxName, DemoNames.SocialServicesName("Täby") })
        {
            var problem = await soc.PostAsJsonAsync("/api/v1/referrals", await ReferralTo(participant.Id, refused, "placement"))
                .ProblemAsync(HttpStatusCode.BadRequest);
            Assert.Single(problem.FieldErrors("toOrganisationId"));
        }

        await soc.PostAsJsonAsync("/api/v1/referrals", await ReferralTo(participant.Id, Osteraker, "placement")).JsonAsync(HttpStatusCode.Created);

        // A unit that sees the person by consent sends no referrals; one that does not see them gets 404.
        Assert.Empty(await (await app.ClientFor("jobb.taby")).GetAsync(url).JsonArrayAsync(HttpStatusCode.OK));
        await (await app.ClientFor("soc.vaxholm")).GetAsync(url).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Messages_name_their_field_in_Swedish_and_say_when_a_text_is_too_long()
    {
        var soc = await app.ClientFor("soc.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");
        await app.GiveConsentAsync(participant.Id, [TabyJobCentre], ["identity", "caseAndPlan"]);
        var today = SwedishTime.Today(DateTime.UtcNow);

        var problem = await soc.PostAsJsonAsync("/api/v1/referrals", new
        {
            participantId = participant.Id, toOrganisationId = await app.OrganisationId(TabyJobCentre), orders = new[] { "placement", "gambling" },
            question = new string('x', 100_000), expectedReportOn = "31/12",
        }).ProblemAsync(HttpStatusCode.BadRequest);
        var past = await soc.PostAsJsonAsync("/api/v1/referrals", new
        {
            participantId = participant.Id, toOrganisationId = await app.OrganisationId(TabyJobCentre), orders = new[] { "Praktik" }, question = "?",
            expectedReportOn = today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("Frågeställningen är för lång: högst 4000 tecken, nu 100000.", Assert.Single(problem.FieldErrors("question")));
        Assert.Equal("Datum för återrapporten ska skrivas ÅÅÅÅ-MM-DD.", Assert.Single(problem.FieldErrors("expectedReportOn")));
        var orders = Assert.Single(problem.FieldErrors("orders"));
        Assert.Equal("Okänd beställning. Välj bland: Arbetsförmågebedömning, Praktik, Stöd till arbete, SFI-kombination, Annat.", orders);
        Assert.DoesNotContain(Enum.GetValues<ReferralOrders>().Select(EnumText.ApiName), orders.Contains);
        Assert.Equal([$"Datum för återrapporten kan inte ligga före remissens datum ({today:yyyy-MM-dd})."], past.FieldErrors("expectedReportOn"));
        Assert.Equal(["expectedReportOn"], past["errors"]!.AsObject().Select(e => e.Key)); // the Swedish label "Praktik" is an order
    }
}
