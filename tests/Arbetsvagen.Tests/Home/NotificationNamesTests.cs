using System.Net;
using System.Text.Json.Nodes;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;

namespace Arbetsvagen.Tests.Home;

/// <summary>A notice says which participant it concerns, but only while its reader may see that participant.</summary>
public sealed class NotificationNamesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static JsonNode NoticeOf(JsonArray notices, Guid referralId) =>
        notices.Single(n => (string?)n!["link"] == $"/Referrals/Details/{referralId}")!;

    [Fact]
    public async Task A_notice_names_its_participant_in_the_api_the_notifications_page_and_Mina_arenden_until_the_consent_is_withdrawn()
    {
        var (participant, consent, referral) = await app.ReferToTheJobCentreAsync();
        var jobb = await app.ClientFor("jobb.taby");
        var fullName = $"{participant.FirstName} {participant.LastName}";

        var notice = NoticeOf(await jobb.GetAsync("/api/v1/notifications").JsonArrayAsync(HttpStatusCode.OK), referral);
        Assert.Equal(fullName, (string?)notice["participantName"]);
        Assert.Equal(participant.Id.ToString(), (string?)notice["participantId"]);
        Assert.DoesNotContain(participant.LastName, (string)notice["text"]!, StringComparison.Ordinal); // the stored text names no one

        var session = await PageSession.SignInAsync(app, "jobb.taby");
        var list = await session.PageAsync("/Notifications");
        Assert.Contains(list.QuerySelectorAll(".notifications li.unread button"),
            b => b.TextContent.Trim() == $"Ny remiss till din enhet: Praktik. Gäller {fullName}.");
        var start = await session.PageAsync("/");
        Assert.Contains(start.QuerySelectorAll("#notices li button"), b => b.TextContent.Contains(fullName, StringComparison.Ordinal));
        // Showing the names is a search over the shown participants, logged like Mina ärenden.
        Assert.NotEmpty(await app.AccessLogAsync(a => a.UserName == "jobb.taby" && a.Action == AccessAction.Search && a.EntityType == "Notification"
            && a.ResultIds!.Contains(participant.Id.ToString())));

        await (await app.ClientFor("soc.taby")).PostAsync($"/api/v1/consents/{consent}/withdrawal", null).ShouldBe(HttpStatusCode.OK);

        notice = NoticeOf(await jobb.GetAsync("/api/v1/notifications").JsonArrayAsync(HttpStatusCode.OK), referral);
        Assert.Null(notice["participantName"]);
        Assert.Null(notice["participantId"]);
        Assert.DoesNotContain(participant.LastName, (await session.PageAsync("/Notifications")).Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(participant.LastName, (await session.PageAsync("/")).Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Opening_a_notice_from_Mina_arenden_marks_it_read_and_follows_its_link()
    {
        var (participant, _, referral) = await app.ReferToTheJobCentreAsync();
        var session = await PageSession.SignInAsync(app, "jobb.taby");
        var start = await session.PageAsync("/");
        var form = start.QuerySelectorAll("#notices form").Single(f => f.TextContent.Contains(participant.LastName, StringComparison.Ordinal));
        Assert.Equal("/Notifications?handler=Open", form.GetAttribute("action"));
        var id = form.QuerySelector("input[name=notificationId]")!.GetAttribute("value")!;

        var opened = await session.PostAsync("/Notifications?handler=Open", start, new() { ["notificationId"] = id }).ShouldBe(HttpStatusCode.Redirect);

        Assert.Equal($"/Referrals/Details/{referral}", opened.Headers.Location!.OriginalString);
        var read = await (await app.ClientFor("jobb.taby")).PostAsync($"/api/v1/notifications/{id}/read", null).JsonAsync(HttpStatusCode.OK);
        Assert.NotNull(read["readAt"]);
        Assert.Equal($"{participant.FirstName} {participant.LastName}", (string?)read["participantName"]);
        await session.PostAsync("/Notifications?handler=Open", start, new() { ["notificationId"] = Guid.NewGuid().ToString() })
            .ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_role_that_sees_no_person_gets_notices_without_names()
    {
        var (participant, _, referral) = await app.ReferToTheJobCentreAsync();
        var analystId = await app.WithDbAsync(db => Task.FromResult(db.Users.Single(u => u.UserName == "analytiker").Id));
        await app.WithDbAsync(db =>
        {
            db.Add(Arbetsvagen.Features.Notifications.Notification.To(analystId, "Test", $"/Referrals/Details/{referral}", DateTime.UtcNow, participant.Id));
            return db.SaveChangesAsync();
        });

        var notices = await (await app.ClientFor("analytiker")).GetAsync("/api/v1/notifications").JsonArrayAsync(HttpStatusCode.OK);

        Assert.Null(NoticeOf(notices, referral)["participantName"]);
    }
}
