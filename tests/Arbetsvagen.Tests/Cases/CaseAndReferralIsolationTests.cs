using System.Net;
using System.Net.Http.Json;
using Arbetsvagen.Tests.Infrastructure;
using Arbetsvagen.Tests.Participants;
using Xunit;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Tests.Cases;

/// <summary>
/// The isolation matrix for cases, journals and referrals: every endpoint, called by a user outside both the
/// holding and the receiving organisation, answers 404 and logs exactly one `denied` entry for the participant.
/// </summary>
public sealed class CaseAndReferralIsolationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Receiver = "Norrtälje vuxenutbildning"; // none of the outsiders belongs to it

    public static readonly string[] Endpoints =
    [
        "GET participant cases", "POST participant case", "GET case", "POST enrolment", "POST closure", "GET journal", "POST journal",
        "GET participant referrals", "POST referral", "GET referral", "POST acceptance", "POST report", "POST meeting",
        "GET referral receivers",
    ];

    public static TheoryData<string, string> Matrix() => IsolationMatrix.Of(IsolationMatrixTests.Outsiders, Endpoints);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Outsiders_get_404_and_one_denied_entry(string user, string endpoint)
    {
        var owner = await app.ClientFor("soc.taby");
        var target = await app.CreateParticipantAsync("soc.taby");
        await app.GiveConsentAsync(target.Id, [Receiver], ["identity", "caseAndPlan"]);
        var caseId = (await owner.PostAsJsonAsync($"/api/v1/participants/{target.Id}/cases", new { source = "self", reason = "Söker stöd" })
            .JsonAsync(HttpStatusCode.Created)).Id();
        var referralId = (await owner.PostAsJsonAsync("/api/v1/referrals", new
        {
            participantId = target.Id,
            toOrganisationId = await app.OrganisationId(Receiver),
            fromCaseId = caseId,
            orders = new[] { "sfiCombination" },
            question = "SFI-kombination?",
            expectedReportOn = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(20)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }).JsonAsync(HttpStatusCode.Created)).Id();
        var client = await app.ClientFor(user);

        await app.AssertRefusedAsync(Call(client, endpoint, target.Id, caseId, referralId), target.Id, user);
    }

    private async Task<HttpResponseMessage> Call(HttpClient client, string endpoint, Guid participant, Guid caseId, Guid referralId) => endpoint switch
    {
        "GET participant cases" => await client.GetAsync($"/api/v1/participants/{participant}/cases"),
        "POST participant case" => await client.PostAsJsonAsync($"/api/v1/participants/{participant}/cases", new { source = "self", reason = "x" }),
        "GET case" => await client.GetAsync($"/api/v1/cases/{caseId}"),
        "POST enrolment" => await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/enrolment", new { checkInSchedule = "x" }),
        "POST closure" => await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure", new { outcome = "moved" }),
        "GET journal" => await client.GetAsync($"/api/v1/cases/{caseId}/journal"),
        "POST journal" => await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/journal", new { type = "contact", text = "x" }),
        "GET participant referrals" => await client.GetAsync($"/api/v1/participants/{participant}/referrals"),
        "POST referral" => await client.PostAsJsonAsync("/api/v1/referrals", new
        {
            participantId = participant, toOrganisationId = await app.OrganisationId(Receiver), orders = new[] { "placement" }, question = "x",
            expectedReportOn = "2099-01-01",
        }),
        "GET referral" => await client.GetAsync($"/api/v1/referrals/{referralId}"),
        "POST acceptance" => await client.PostAsync($"/api/v1/referrals/{referralId}/acceptance", null),
        "POST report" => await client.PostAsJsonAsync($"/api/v1/referrals/{referralId}/report", new { whatWasDone = "x", result = "y", recommendation = "z" }),
        "POST meeting" => await client.PostAsJsonAsync($"/api/v1/referrals/{referralId}/meetings", new { attendees = "x", notes = "y" }),
        "GET referral receivers" => await client.GetAsync($"/api/v1/participants/{participant}/referral-receivers"),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, null),
    };
}
