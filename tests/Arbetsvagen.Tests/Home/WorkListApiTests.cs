using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Tests.Home;

public sealed class WorkListApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string TabyJobCentre = "Täby kommun – Jobbcentrum";

    private static string Day(int offset) => Arbetsvagen.Infrastructure.SwedishTime.Today(DateTime.UtcNow).AddDays(offset).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool Lists(JsonObject list, string section, Guid entityId) =>
        list[section]!.AsArray().Any(i => (string?)i!["entityId"] == entityId.ToString());

    [Fact]
    public async Task Referrals_show_up_for_the_receiver_and_overdue_reports_for_both_sides()
    {
        var soc = await app.ClientFor("soc.taby");
        var jobb = await app.ClientFor("jobb.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");
        await app.GiveConsentAsync(participant.Id, [TabyJobCentre], ["identity", "caseAndPlan"]);
        var referral = (await soc.PostAsJsonAsync("/api/v1/referrals", new
        {
            participantId = participant.Id,
            toOrganisationId = await app.OrganisationId(TabyJobCentre),
            orders = new[] { "placement" },
            question = "Praktik?",
            expectedReportOn = Day(3),
        }).JsonAsync(HttpStatusCode.Created)).Id();

        Assert.True(Lists(await jobb.GetAsync("/api/v1/work-list").JsonAsync(HttpStatusCode.OK), "referralsToAnswer", referral));
        Assert.False(Lists(await soc.GetAsync("/api/v1/work-list").JsonAsync(HttpStatusCode.OK), "referralsToAnswer", referral));

        await jobb.PostAsync($"/api/v1/referrals/{referral}/acceptance", null).ShouldBe(HttpStatusCode.OK);
        var receiver = await jobb.GetAsync("/api/v1/work-list").JsonAsync(HttpStatusCode.OK);
        Assert.True(Lists(receiver, "reportsDue", referral));
        Assert.False(Lists(receiver, "referralsToAnswer", referral));

        // Time passes: the agreed report date is now behind us.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"Referrals\" SET \"ExpectedReportOn\" = {0} WHERE \"Id\" = {1}", Arbetsvagen.Infrastructure.SwedishTime.Today(DateTime.UtcNow).AddDays(-2), referral));
        var overdue = (await jobb.GetAsync("/api/v1/work-list").JsonAsync(HttpStatusCode.OK))["reportsDue"]!.AsArray()
            .Single(i => (string?)i!["entityId"] == referral.ToString())!;
        Assert.True((bool)overdue["overdue"]!);
        Assert.True(Lists(await soc.GetAsync("/api/v1/work-list").JsonAsync(HttpStatusCode.OK), "reportsAwaited", referral));
    }

    [Fact]
    public async Task The_units_counts_are_its_own_participants_and_those_shared_with_it_and_are_reused_for_a_minute()
    {
        await using var fresh = await AppFactory.StartAsync(); // its own cache: no earlier test has counted yet
        var shared = await fresh.CreateParticipantAsync("soc.taby");
        await fresh.GiveConsentAsync(shared.Id, [TabyJobCentre], ["identity"]);
        var notShared = await fresh.CreateParticipantAsync("soc.taby");
        await fresh.GiveConsentAsync(notShared.Id, [TabyJobCentre], ["caseAndPlan"]); // no identity: not "shared" as a person
        await fresh.CreateParticipantAsync("jobb.taby");
        var jobbUnit = await fresh.OrganisationId(TabyJobCentre);
        var today = Arbetsvagen.Infrastructure.SwedishTime.Today(DateTime.UtcNow);
        var (expectedOwn, expectedShared) = await fresh.WithDbAsync(async db =>
        {
            var boundary = await db.Organisations.Where(o => o.Id == jobbUnit).Select(o => o.SecrecyBoundaryId).SingleAsync();
            var consents = await db.Consents.Include(c => c.Recipients).AsNoTracking().ToListAsync();
            var shared = consents.Where(c => c.WithdrawnAt == null && c.ValidUntil >= today
                    && (c.Categories & Arbetsvagen.Core.Participants.DataCategories.Identity) != 0
                    && c.Recipients.Any(r => r.OrganisationId == jobbUnit || r.OrganisationId == boundary))
                .Select(c => c.ParticipantId).Distinct().Count();
            return (await db.Participants.CountAsync(p => p.OwnerBoundaryId == boundary), shared);
        });
        var jobb = await fresh.ClientFor("jobb.taby");

        var first = await jobb.GetAsync("/api/v1/work-list").JsonAsync(HttpStatusCode.OK);
        Assert.True(expectedOwn >= 1 && expectedShared >= 1);
        Assert.Equal(expectedOwn, (int)first["ownParticipants"]!);
        Assert.Equal(expectedShared, (int)first["sharedParticipants"]!);

        await fresh.CreateParticipantAsync("jobb.taby");
        var soon = await jobb.GetAsync("/api/v1/work-list").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(expectedOwn, (int)soon["ownParticipants"]!); // read again after a minute, not on every page view
    }

    [Fact]
    public async Task A_case_closed_three_months_ago_has_its_follow_up_due()
    {
        var soc = await app.ClientFor("soc.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");
        var closedOn = Arbetsvagen.Infrastructure.SwedishTime.Today(DateTime.UtcNow).AddMonths(-3);
        var caseId = (await soc.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/cases", new
        {
            source = "self",
            reason = "Söker stöd",
            openedOn = closedOn.AddMonths(-2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }).JsonAsync(HttpStatusCode.Created)).Id();
        await soc.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure", new
        {
            closedOn = closedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            outcome = "subsidisedWork",
            employmentForm = "newStartJob",
        }).ShouldBe(HttpStatusCode.OK);

        var list = await soc.GetAsync("/api/v1/work-list").JsonAsync(HttpStatusCode.OK);
        var followUp = list["followUpsDue"]!.AsArray().Single(i => (string?)i!["entityId"] == caseId.ToString())!;
        Assert.Contains("3 månader", (string?)followUp["text"], StringComparison.Ordinal);
        Assert.NotEmpty(await app.AccessLogAsync(a => a.UserName == "soc.taby" && a.Action == AccessAction.Search && a.EntityType == "WorkList"
            && a.ResultIds!.Contains(participant.Id.ToString())));
    }

    [Fact]
    public async Task Roles_without_individual_work_have_no_work_list()
    {
        var analyst = await app.ClientFor("analytiker");
        await analyst.GetAsync("/api/v1/work-list").ProblemAsync(HttpStatusCode.Forbidden);
    }
}
