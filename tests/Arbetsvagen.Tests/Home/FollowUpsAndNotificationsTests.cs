using System.Globalization;
using Arbetsvagen.Features.Mappings;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Arbetsvagen.Features.ActionPlans;
using Arbetsvagen.Features.Attendance;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Arbetsvagen.Tests.Home;

public sealed class FollowUpsAndNotificationsTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string TabyJobCentre = "Täby kommun – Jobbcentrum";
    private static DateOnly Today => Arbetsvagen.Infrastructure.SwedishTime.Today(DateTime.UtcNow);
    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static bool Lists(JsonObject list, string section, Guid participantId) =>
        list[section]!.AsArray().Any(i => (string?)i!["participantId"] == participantId.ToString());

    private async Task<(HttpClient Soc, Guid ParticipantId, Guid CaseId)> ClosedCaseAsync(DateOnly closedOn)
    {
        var soc = await app.ClientFor("soc.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");
        var caseId = (await soc.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/cases", new
        {
            source = "self", reason = "Söker stöd", openedOn = Iso(closedOn.AddMonths(-2)),
        }).JsonAsync(HttpStatusCode.Created)).Id();
        await soc.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure", new
        {
            closedOn = Iso(closedOn), outcome = "subsidisedWork", employmentForm = "newStartJob", incomeAfter = "salary",
        }).ShouldBe(HttpStatusCode.OK);
        return (soc, participant.Id, caseId);
    }

    [Fact]
    public async Task A_recorded_follow_up_leaves_the_work_list_and_is_recorded_once()
    {
        var (soc, participantId, caseId) = await ClosedCaseAsync(Today.AddMonths(-3));
        Assert.True(Lists(await soc.GetAsync("/api/v1/work-list").JsonAsync(HttpStatusCode.OK), "followUpsDue", participantId));

        var recorded = await soc.PostAsJsonAsync($"/api/v1/cases/{caseId}/follow-ups", new
        {
            months = 3, followedUpOn = Iso(Today), status = "subsidisedWork", incomeSource = "salary", note = "Trivs på jobbet.",
        }).JsonAsync(HttpStatusCode.OK);
        var followUp = recorded["followUps"]!.AsArray().Single()!;
        Assert.Equal(3, (int)followUp["months"]!);
        Assert.Equal(Iso(Today.AddMonths(-3).AddMonths(3)), (string?)followUp["dueOn"]);
        Assert.Equal("subsidisedWork", (string?)followUp["status"]);
        Assert.False(Lists(await soc.GetAsync("/api/v1/work-list").JsonAsync(HttpStatusCode.OK), "followUpsDue", participantId));

        await soc.PostAsJsonAsync($"/api/v1/cases/{caseId}/follow-ups", new { months = 3, status = "jobSeeking" })
            .ProblemAsync(HttpStatusCode.Conflict);
        var journal = await soc.GetFromJsonAsync<JsonArray>($"/api/v1/cases/{caseId}/journal");
        Assert.Contains(journal!, e => ((string?)e!["text"])!.Contains("Uppföljning 3 månader", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(4, "subsidisedWork", 0, "months")]
    [InlineData(6, "inSpace", 0, "status")]
    [InlineData(6, "studies", 2, "followedUpOn")]
    [InlineData(6, "studies", -200, "followedUpOn")]
    public async Task Bad_follow_ups_are_refused_with_the_field_named_and_change_nothing(int months, string status, int dayOffset, string field)
    {
        var (soc, _, caseId) = await ClosedCaseAsync(Today.AddMonths(-6));
        var problem = await soc.PostAsJsonAsync($"/api/v1/cases/{caseId}/follow-ups", new { months, status, followedUpOn = Iso(Today.AddDays(dayOffset)) })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(problem.FieldErrors(field));
        Assert.Equal(0, await app.WithDbAsync(db => db.Set<Features.Cases.CaseFollowUp>().CountAsync(f => f.CaseId == caseId)));
    }

    [Fact]
    public async Task An_open_case_cannot_be_followed_up_and_another_unit_cannot_record_one()
    {
        var soc = await app.ClientFor("soc.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");
        var open = (await soc.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/cases", new { source = "self", reason = "Stöd" })
            .JsonAsync(HttpStatusCode.Created)).Id();
        await soc.PostAsJsonAsync($"/api/v1/cases/{open}/follow-ups", new { months = 3, status = "studies" }).ProblemAsync(HttpStatusCode.Conflict);

        var (_, _, closed) = await ClosedCaseAsync(Today.AddMonths(-3));
        var outsider = await app.ClientFor("soc.vaxholm");
        await outsider.PostAsJsonAsync($"/api/v1/cases/{closed}/follow-ups", new { months = 3, status = "studies" }).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_referral_notifies_the_receiving_unit_without_naming_the_person_and_the_answer_notifies_the_sender()
    {
        var soc = await app.ClientFor("soc.taby");
        var jobb = await app.ClientFor("jobb.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");
        await app.GiveConsentAsync(participant.Id, [TabyJobCentre], ["identity", "caseAndPlan"]);
        var referral = (await soc.PostAsJsonAsync("/api/v1/referrals", new
        {
            participantId = participant.Id, toOrganisationId = await app.OrganisationId(TabyJobCentre), orders = new[] { "workAbilityAssessment" },
            question = "Arbetsförmåga?", expectedReportOn = Iso(Today.AddDays(14)),
        }).JsonAsync(HttpStatusCode.Created)).Id();

        var notices = await jobb.GetFromJsonAsync<JsonArray>("/api/v1/notifications");
        var notice = notices!.Single(n => (string?)n!["link"] == $"/Referrals/Details/{referral}")!;
        Assert.Null(notice["readAt"]);
        var text = (string)notice["text"]!;
        Assert.Contains("Ny remiss", text, StringComparison.Ordinal);
        Assert.DoesNotContain(participant.LastName, text, StringComparison.Ordinal);

        // Only its own user can mark it read.
        await soc.PostAsync($"/api/v1/notifications/{notice["id"]}/read", null).ProblemAsync(HttpStatusCode.NotFound);
        var read = await jobb.PostAsync($"/api/v1/notifications/{notice["id"]}/read", null).JsonAsync(HttpStatusCode.OK);
        Assert.NotNull(read["readAt"]);

        await jobb.PostAsync($"/api/v1/referrals/{referral}/acceptance", null).ShouldBe(HttpStatusCode.OK);
        var senderNotices = await soc.GetFromJsonAsync<JsonArray>("/api/v1/notifications");
        Assert.Contains(senderNotices!, n => (string?)n!["link"] == $"/Referrals/Details/{referral}" && ((string)n["text"]!).Contains("accepterats", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Enrolled_participants_without_a_plan_and_plans_due_for_review_are_listed_only_while_visible()
    {
        var soc = await app.ClientFor("soc.taby");
        var jobb = await app.ClientFor("jobb.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");
        var consent = await app.GiveConsentAsync(participant.Id, [TabyJobCentre, "Arbetsförmedlingen Nordöstra Stockholm"], ["identity", "caseAndPlan", "attendance"]);
        var caseId = (await jobb.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/cases", new { source = "socialServices", reason = "Remiss" })
            .JsonAsync(HttpStatusCode.Created)).Id();
        await jobb.PostAsJsonAsync($"/api/v1/cases/{caseId}/enrolment", new { checkInSchedule = "Tisdagar 10", afRegistrationConsentId = consent })
            .ShouldBe(HttpStatusCode.OK);
        Assert.True(Lists(await jobb.GetAsync("/api/v1/work-list").JsonAsync(HttpStatusCode.OK), "withoutPlan", participant.Id));

        var jobCentre = await app.OrganisationId(TabyJobCentre);
        var activityId = await app.WithDbAsync(async db =>
        {
            var boundary = await db.Organisations.Where(o => o.Id == jobCentre).Select(o => o.SecrecyBoundaryId).FirstAsync();
            var activity = Activity.Schedule(jobCentre, boundary, ActivityKind.JobSearch, "Jobbsök varje dag", null, Today.AddDays(-7), Today.AddDays(30),
                Weekdays.Monday | Weekdays.Tuesday | Weekdays.Wednesday | Weekdays.Thursday | Weekdays.Friday | Weekdays.Saturday | Weekdays.Sunday, 2, Guid.NewGuid(), DateTime.UtcNow);
            var plan = ActionPlan.Create(participant.Id);
            var revision = plan.Revise(0, "Arbete inom ett år", Direction.Employment, Today.AddDays(-30), Today.AddDays(60), Today.AddDays(-1),
                [new PlanActivityDraft(null, ActivityKind.JobSearch, "Jobbsökargrupp", activity.Id, "Jobbcentrum", Today.AddDays(-7), Today.AddDays(30), 10,
                    PlanActivityStatus.Ongoing, null)], null, Guid.NewGuid(), jobCentre, DateTime.UtcNow);
            db.AddRange(activity, plan, revision);
            await db.SaveChangesAsync();
            return activity.Id;
        });

        var list = await jobb.GetAsync("/api/v1/work-list").JsonAsync(HttpStatusCode.OK);
        Assert.False(Lists(list, "withoutPlan", participant.Id));
        var review = list["plansToReview"]!.AsArray().Single(i => (string?)i!["participantId"] == participant.Id.ToString())!;
        Assert.True((bool)review["overdue"]!);
        var register = list["attendanceToRegister"]!.AsArray().Single(a => (string?)a!["activityId"] == activityId.ToString())!;
        Assert.Equal(1, (int)register["expected"]!);
        Assert.Equal(0, (int)register["registered"]!);

        await app.WithDbAsync(async db =>
        {
            var activity = await db.Activities.SingleAsync(a => a.Id == activityId);
            db.Add(AttendanceRecord.Register(activity, participant.Id, Today, AttendanceStatus.Present, null, null, Guid.NewGuid(), DateTime.UtcNow));
            return await db.SaveChangesAsync();
        });
        list = await jobb.GetAsync("/api/v1/work-list").JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(list["attendanceToRegister"]!.AsArray(), a => (string?)a!["activityId"] == activityId.ToString());

        // Consent withdrawn: the job centre's own case remains, but the person leaves its work list at once.
        await soc.PostAsync($"/api/v1/consents/{consent}/withdrawal", null).ShouldBe(HttpStatusCode.OK);
        Assert.False(Lists(await jobb.GetAsync("/api/v1/work-list").JsonAsync(HttpStatusCode.OK), "plansToReview", participant.Id));
    }
}
