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
        var notYetGiven = await ConsentRunningOutAsync();
        var tomorrow = DateTime.UtcNow.AddDays(1);
        await app.WithDbAsync(db => db.Consents.Where(c => c.Id == notYetGiven).ExecuteUpdateAsync(s => s.SetProperty(c => c.GivenAt, tomorrow)));

        var expiring = (await soc.GetAsync("/api/v1/work-list").JsonAsync(HttpStatusCode.OK))["expiringConsents"]!.AsArray()
            .Select(i => (string?)i!["entityId"]).ToList();

        Assert.Contains(active.ToString(), expiring);
        Assert.DoesNotContain(notYetGiven.ToString(), expiring);
    }
}
