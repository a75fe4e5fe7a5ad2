using Arbetsvagen.Core.Participants;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Arbetsvagen.Tests.Home;

/// <summary>Mina ärenden lists the consents that are about to run out: only active ones, as everywhere else.</summary>
public sealed class ExpiringConsentTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_consent_documented_as_given_in_the_future_is_not_active_and_so_not_expiring()
    {
        var soc = await app.ClientFor("soc.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");
        async Task<Guid> ConsentRunningOutAsync()
        {
            var body = await app.ConsentBodyAsync(["Täby kommun – Jobbcentrum"], "identity");
            body["validUntil"] = SwedishTime.Today(DateTime.UtcNow).AddDays(10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return (await soc.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/consents", body).JsonAsync(HttpStatusCode.Created)).Id();
        }

        var active = await ConsentRunningOutAsync();
        // Consents are append-only in the database (migration 0021), so the future-dated one is stored as such from the
        // start, judged as if recorded tomorrow (the API refuses a consent given in the future).
        var tomorrow = DateTime.UtcNow.AddDays(1);
        var jobCentre = await app.OrganisationId("Täby kommun – Jobbcentrum");
        var notYetGiven = await app.WithDbAsync(async db =>
        {
            var owner = await db.Participants.Where(p => p.Id == participant.Id).Select(p => p.OwnerOrganisationId).SingleAsync();
            var consent = Consent.Give(participant.Id, owner, [jobCentre], DataCategories.Identity, "Samverkan (test).", tomorrow, ConsentForm.Written,
                Guid.NewGuid(), SwedishTime.Today(DateTime.UtcNow).AddDays(10), now: tomorrow);
            db.Consents.Add(consent);
            await db.SaveChangesAsync();
            return consent.Id;
        });

        var expiring = (await soc.GetAsync("/api/v1/work-list").JsonAsync(HttpStatusCode.OK))["expiringConsents"]!.AsArray()
            .Select(i => (string?)i!["entityId"]).ToList();

        Assert.Contains(active.ToString(), expiring);
        Assert.DoesNotContain(notYetGiven.ToString(), expiring);
    }
}
