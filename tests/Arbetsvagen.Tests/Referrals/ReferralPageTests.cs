using System.Net;
using System.Net.Http.Json;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Tests.Referrals;

/// <summary>The referral page's forms: each message at its field, naming it, and the error summary in the order of the form.</summary>
public sealed class ReferralPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string TabyJobCentre = "Täby kommun – Jobbcentrum";

    private async Task<Guid> SentReferralAsync()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        await app.GiveConsentAsync(participant.Id, [TabyJobCentre], ["identity", "caseAndPlan"]);
        var soc = await app.ClientFor("soc.taby");
        return (await soc.PostAsJsonAsync("/api/v1/referrals", new
        {
            participantId = participant.Id, toOrganisationId = await app.OrganisationId(TabyJobCentre), orders = new[] { "placement" },
            question = "Vilken praktik passar?",
            expectedReportOn = Arbetsvagen.Infrastructure.SwedishTime.Today(DateTime.UtcNow).AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }).JsonAsync(HttpStatusCode.Created)).Id();
    }

    [Fact]
    public async Task Refused_answers_show_each_message_at_its_field_and_the_summary_in_form_order()
    {
        var referral = await SentReferralAsync();
        var path = $"/Referrals/Details/{referral}";
        var jobb = await PageSession.SignInAsync(app, "jobb.taby");

        var declined = await jobb.SubmitAsync(path, "Avböj remissen", new() { ["Decline.Reason"] = " " });
        Assert.Equal("Ange anledningen till att remissen avböjs.", PageSession.MessageAt(declined, "Reason"));

        var meeting = await jobb.SubmitAsync(path, "Spara trepartssamtal", new() { ["Meeting.HeldAt"] = "i morgon" });
        Assert.Equal(
            [("#HeldAt", "Ange datum och tid för samtalet."), ("#Attendees", "Ange listan över deltagare i samtalet."),
                ("#Notes", "Ange anteckningen om vad som sades och beslutades.")],
            PageSession.Summary(meeting));
        Assert.Equal("Ange datum och tid för samtalet.", PageSession.MessageAt(meeting, "HeldAt"));

        await (await app.ClientFor("jobb.taby")).PostAsync($"/api/v1/referrals/{referral}/acceptance", null).ShouldBe(HttpStatusCode.OK);
        var report = await jobb.SubmitAsync(path, "Skicka återrapport", new()
        {
            ["Report.WhatWasDone"] = new string('x', 100_000), ["Report.Result"] = "", ["Report.Recommendation"] = "",
        });
        Assert.Equal(
            ["#WhatWasDone", "#Result", "#Recommendation"],
            PageSession.Summary(report).Select(s => s.Target));
        Assert.Equal("Beskrivningen av vad som har gjorts är för lång: högst 4000 tecken, nu 100000.", PageSession.MessageAt(report, "WhatWasDone"));
        Assert.Equal("Ange beskrivningen av resultatet.", PageSession.MessageAt(report, "Result"));
        Assert.Equal("Ange rekommendationen.", PageSession.MessageAt(report, "Recommendation"));
        Assert.Null(PageSession.MessageAt(report, "AttendanceSummary"));
        Assert.Equal("true", report.GetElementById("WhatWasDone")!.GetAttribute("aria-invalid"));

        var shown = await jobb.GetAsync(path);
        Assert.Equal("Accepterad", shown.GetElementById("referral-heading")!.TextContent.Trim());
    }

    [Fact]
    public async Task The_sender_is_not_offered_the_answer_and_posting_it_anyway_is_forbidden()
    {
        var referral = await SentReferralAsync();
        var soc = await PageSession.SignInAsync(app, "soc.taby");
        var page = await soc.GetAsync($"/Referrals/Details/{referral}");
        Assert.DoesNotContain(page.QuerySelectorAll("button"), b => b.TextContent.Contains("Acceptera", StringComparison.Ordinal));

        var accept = await soc.PostAsync(page, $"/Referrals/Details/{referral}?handler=Accept", []);
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        Assert.Equal("/Account/AccessDenied", accept.Headers.Location?.AbsolutePath);
        Assert.Single(await app.AccessLogAsync(a => a.UserName == "soc.taby" && a.Action == AccessAction.Denied
            && a.EntityId == referral.ToString() && a.Purpose == "bara mottagaren svarar på en remiss"));
        await (await app.ClientFor("soc.taby")).PostAsync($"/api/v1/referrals/{referral}/acceptance", null).ProblemAsync(HttpStatusCode.Forbidden);
    }
}
