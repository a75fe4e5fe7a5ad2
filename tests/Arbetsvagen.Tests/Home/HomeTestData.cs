using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;

namespace Arbetsvagen.Tests.Home;

public sealed record SentReferral(CreatedParticipant Participant, Guid ConsentId, Guid ReferralId);

public static class HomeTestData
{
    public const string TabyJobCentre = "Täby kommun – Jobbcentrum";
    public const string TabySocialServices = "Täby kommun – Socialtjänsten, försörjningsstöd";

    /// <summary>Täby's social services register a participant, record a consent for the job centre and refer them there.</summary>
    public static async Task<SentReferral> ReferToTheJobCentreAsync(this AppFactory app, int reportInDays = 14)
    {
        var soc = await app.ClientFor("soc.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");
        var consent = await app.GiveConsentAsync(participant.Id, [TabyJobCentre], ["identity", "caseAndPlan"]);
        var referral = (await soc.PostAsJsonAsync("/api/v1/referrals", new
        {
            participantId = participant.Id, toOrganisationId = await app.OrganisationId(TabyJobCentre), orders = new[] { "placement" },
            question = "Praktik?", expectedReportOn = SwedishTime.Today(DateTime.UtcNow).AddDays(reportInDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }).JsonAsync(HttpStatusCode.Created)).Id();
        return new SentReferral(participant, consent, referral);
    }
}
