using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Arbetsvagen.Tests.Journeys;

/// <summary>
/// The path from the Järfälla audit (seed 002), end to end through the API, played by the Täby units of the demo
/// region: kundtjänst opens a case → enrolment at the job centre with consent → the social secretary's referral
/// (work-ability assessment + placement) → accepted → three-party meeting → mapping and joint position (gul) →
/// plan with praktik → attendance for two weeks → return report on time → plan revision → closure with arbete
/// (nystartsjobb) → the 3-month follow-up falls due. After each step, who may see what is checked.
/// "Time passes" is simulated by moving dates in the database, as a real case spans weeks.
/// </summary>
public sealed class JarfallaJourneyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string JobCentre = "Täby kommun – Jobbcentrum";
    private const string Af = "Arbetsförmedlingen Nordöstra Stockholm";
    private static readonly DateOnly Today = SwedishTime.Today(DateTime.UtcNow);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_person_goes_from_social_assistance_to_a_new_start_job_and_each_step_is_seen_by_exactly_the_right_people()
    {
        var soc = await app.ClientFor("soc.taby");        // social services / kundtjänst, owns the participant record
        var jobb = await app.ClientFor("jobb.taby");      // the job centre
        var af = await app.ClientFor("af.nordost");       // named in the consent
        var outsiders = new[] { await app.ClientFor("soc.vaxholm"), await app.ClientFor("syv.kcno"), await app.ClientFor("jobb.vaxholm") };
        var jobCentre = await app.OrganisationId(JobCentre);

        // 1. Kundtjänst registers the person and the consent that lets the job centre and AF take part.
        var person = await app.CreateParticipantAsync("soc.taby");
        var id = person.Id;
        var consent = await app.GiveConsentAsync(id, [JobCentre, Af], ["identity", "background", "caseAndPlan", "attendance", "health"]);
        foreach (var outsider in outsiders)
        {
            await outsider.GetAsync($"/api/v1/participants/{id}").ProblemAsync(HttpStatusCode.NotFound);
        }

        // 2. A case at the job centre, actualised from social services, and enrolment with the consent for checking AF registration.
        var jobCase = (await jobb.PostAsJsonAsync($"/api/v1/participants/{id}/cases", new
        {
            source = "socialServices", reason = "Aktualiserad av kundtjänst: ekonomiskt bistånd, vill arbeta.", openedOn = Iso(Today.AddDays(-21)),
        }).JsonAsync(HttpStatusCode.Created)).Id();
        await jobb.PostAsJsonAsync($"/api/v1/cases/{jobCase}/enrolment", new
        {
            enrolledOn = Iso(Today.AddDays(-20)), checkInSchedule = "Varannan tisdag kl 10", afRegistrationConsentId = consent,
        }).ShouldBe(HttpStatusCode.OK);
        await jobb.PostAsync($"/api/v1/cases/{jobCase}/start", null).ShouldBe(HttpStatusCode.OK);

        // 3. The social secretary's referral from her own case: work-ability assessment and placement.
        var socCase = (await soc.PostAsJsonAsync($"/api/v1/participants/{id}/cases", new
        {
            source = "self", reason = "Ansökan om ekonomiskt bistånd.", openedOn = Iso(Today.AddDays(-30)),
        }).JsonAsync(HttpStatusCode.Created)).Id();
        var referral = (await soc.PostAsJsonAsync("/api/v1/referrals", new
        {
            participantId = id, toOrganisationId = jobCentre, fromCaseId = socCase, orders = new[] { "workAbilityAssessment", "placement" },
            question = "Bedöm arbetsförmågan i praktik och stöd in i arbete.", expectedReportOn = Iso(Today.AddDays(10)),
        }).JsonAsync(HttpStatusCode.Created)).Id();
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"Referrals\" SET \"SentOn\" = {0}, \"ExpectedReportOn\" = {1} WHERE \"Id\" = {2}", Today.AddDays(-16), Today.AddDays(1), referral));
        var notices = await jobb.GetFromJsonAsync<JsonArray>("/api/v1/notifications");
        Assert.Contains(notices!, n => (string?)n!["link"] == $"/Referrals/Details/{referral}");
        Assert.Contains((await jobb.GetAsync("/api/v1/work-list").JsonAsync(HttpStatusCode.OK))["referralsToAnswer"]!.AsArray(),
            i => (string?)i!["entityId"] == referral.ToString());
        foreach (var outsider in outsiders)
        {
            await outsider.GetAsync($"/api/v1/referrals/{referral}").ProblemAsync(HttpStatusCode.NotFound);
        }

        // 4. Accepted, and a three-party meeting.
        await jobb.PostAsync($"/api/v1/referrals/{referral}/acceptance", null).ShouldBe(HttpStatusCode.OK);
        await jobb.PostAsJsonAsync($"/api/v1/referrals/{referral}/meetings", new
        {
            heldAt = DateTime.UtcNow.AddDays(-15), attendees = "Deltagaren, socialsekreterare, arbetsmarknadskonsulent", notes = "Överens om praktik i parkförvaltningen.",
        }).ShouldBe(HttpStatusCode.Created);

        // 5. Mapping, joint position (gul) and the work-ability assessment ordered by the referral.
        await jobb.PostAsJsonAsync($"/api/v1/participants/{id}/mappings", new
        {
            educationLevel = "upperSecondary", educationText = "Gymnasium, ej fullständigt.", workExperienceText = "Lager och städ.",
            swedishLevel = "sfiD", socialSituation = "Bor med två barn.", interestsAndGoals = "Arbeta utomhus.",
            selfSupportObstacles = new[] { "education", "workExperience" }, healthAndLimitations = "Ryggbesvär vid tunga lyft.",
        }).ShouldBe(HttpStatusCode.Created);
        await jobb.PostAsJsonAsync($"/api/v1/participants/{id}/joint-positions", new
        {
            decidedOn = Iso(Today.AddDays(-15)), partyOrganisationIds = new[] { jobCentre, await app.OrganisationId("Täby kommun – Socialtjänsten, försörjningsstöd") },
            people = "Deltagaren, socialsekreterare, arbetsmarknadskonsulent", direction = "jobTrack", readiness = "yellow",
            motivation = "Vill arbeta men behöver pröva arbetsförmågan i praktik först.",
        }).ShouldBe(HttpStatusCode.Created);
        var positions = await soc.GetFromJsonAsync<JsonArray>($"/api/v1/participants/{id}/joint-positions");
        Assert.Equal("yellow", (string?)positions![0]!["readiness"]);
        await jobb.PostAsJsonAsync($"/api/v1/participants/{id}/work-ability-assessments", new
        {
            method = "realWorkplace", dimensions = new[] { "physical", "endurance" }, result = "Klarar 4 timmar per dag utan tunga lyft.",
            assessedOn = Iso(Today.AddDays(-1)), referralId = referral,
        }).ShouldBe(HttpStatusCode.Created);

        // 6. A scheduled placement, Monday to Thursday, 4 hours a day, and the plan that places the person there.
        var placement = (await jobb.PostAsJsonAsync("/api/v1/activities", new
        {
            kind = "placement", name = "Praktik – Täby parkförvaltning", place = "Parkförrådet", startsOn = Iso(Today.AddDays(-14)),
            endsOn = Iso(Today.AddDays(30)), days = new[] { "monday", "tuesday", "wednesday", "thursday" }, hoursPerDay = 4,
        }).JsonAsync(HttpStatusCode.Created)).Id();
        object Plan(int basedOn, DateOnly planStart, Guid? activityId = null, string status = "ongoing", string? result = null) => new
        {
            basedOnVersion = basedOn, goal = "Ett arbete inom park och utemiljö.", direction = "jobTrack", startsOn = Iso(planStart),
            endsOn = Iso(Today.AddDays(60)), reviewOn = Iso(Today.AddDays(20)), comment = "Enligt trepartssamtalet.",
            activities = new[]
            {
                new
                {
                    id = activityId, kind = "placement", description = "Praktik i parkförvaltningen", activityId = placement, provider = "Täby parkförvaltning",
                    startsOn = Iso(Today.AddDays(-14)), endsOn = Iso(Today.AddDays(30)), hoursPerWeek = 16, status, result,
                },
            },
        };
        var outside = await jobb.PostAsJsonAsync($"/api/v1/participants/{id}/action-plan/revisions", Plan(0, Today.AddDays(-7)))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(outside.FieldErrors("activities[0].startsOn"));
        await jobb.GetAsync($"/api/v1/participants/{id}/action-plan").ProblemAsync(HttpStatusCode.NotFound);
        var plan = await jobb.PostAsJsonAsync($"/api/v1/participants/{id}/action-plan/revisions", Plan(0, Today.AddDays(-14)))
            .JsonAsync(HttpStatusCode.Created);
        var planActivity = Guid.Parse((string)plan["activities"]![0]!["id"]!);
        Assert.Equal(HttpStatusCode.OK, (await soc.GetAsync($"/api/v1/participants/{id}/action-plan")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await af.GetAsync($"/api/v1/participants/{id}/action-plan")).StatusCode);
        foreach (var outsider in outsiders)
        {
            await outsider.GetAsync($"/api/v1/participants/{id}/action-plan").ProblemAsync(HttpStatusCode.NotFound);
        }

        // 7. Two weeks of attendance: present every scheduled day but one, when the person was sick.
        var scheduled = Enumerable.Range(1, 14).Select(n => Today.AddDays(-n))
            .Where(d => d.DayOfWeek is DayOfWeek.Monday or DayOfWeek.Tuesday or DayOfWeek.Wednesday or DayOfWeek.Thursday).OrderBy(d => d).ToList();
        var sickDay = scheduled[2];
        foreach (var day in scheduled)
        {
            var sick = day == sickDay;
            await jobb.PostAsJsonAsync($"/api/v1/activities/{placement}/attendance", new
            {
                date = Iso(day), registrations = new[] { new { participantId = id, status = sick ? "absent" : "present", absenceReason = sick ? "sick" : null } },
            }).ShouldBe(HttpStatusCode.OK);
        }

        var stranger = await app.CreateParticipantAsync("soc.taby");
        var notInActivity = await jobb.PostAsJsonAsync($"/api/v1/activities/{placement}/attendance", new
        {
            date = Iso(scheduled[0]), registrations = new[] { new { participantId = stranger.Id, status = "present" } },
        }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(notInActivity.FieldErrors("registrations[0].participantId"));

        // The social secretary sees the facts: scheduled days, present, absent by reason.
        var summary = await soc.GetAsync($"/api/v1/participants/{id}/attendance?from={Iso(Today.AddDays(-14))}&to={Iso(Today.AddDays(-1))}")
            .JsonAsync(HttpStatusCode.OK);
        var total = summary["total"]!;
        Assert.Equal(scheduled.Count, (int)total["scheduledDays"]!);
        Assert.Equal(scheduled.Count - 1, (int)total["present"]!);
        Assert.Equal(1, (int)total["absentByReason"]!["sick"]!);
        Assert.Equal(0, (int)total["notRegistered"]!);
        Assert.Equal(4m * (scheduled.Count - 1), (decimal)total["attendedHours"]!);
        Assert.Equal(Math.Round(100m * (scheduled.Count - 1) / scheduled.Count, 1), (decimal)total["presentOfScheduledDaysPercent"]!);
        foreach (var outsider in outsiders)
        {
            await outsider.GetAsync($"/api/v1/participants/{id}/attendance?from={Iso(Today.AddDays(-14))}&to={Iso(Today)}").ProblemAsync(HttpStatusCode.NotFound);
        }

        // 8. The return report, on time; without a summary of its own it carries the registered attendance.
        var report = await jobb.PostAsJsonAsync($"/api/v1/referrals/{referral}/report", new
        {
            whatWasDone = "Praktik 4 timmar per dag måndag–torsdag i två veckor; arbetsförmågebedömning i reell arbetsmiljö.",
            result = "Klarar 4 timmar per dag utan tunga lyft.", recommendation = "Nystartsjobb i parkförvaltningen.",
        }).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("reported", (string?)report["state"]);
        Assert.False((bool)report["reportOverdue"]!);
        Assert.Contains($"{scheduled.Count - 1} närvarande", (string?)report["attendanceSummary"], StringComparison.Ordinal);
        Assert.Contains("sjuk 1", (string?)report["attendanceSummary"], StringComparison.Ordinal);
        var socJournal = await soc.GetFromJsonAsync<JsonArray>($"/api/v1/cases/{socCase}/journal");
        Assert.Contains(socJournal!, e => ((string)e!["text"]!).StartsWith("Återrapport på remiss", StringComparison.Ordinal));
        await soc.GetAsync($"/api/v1/cases/{jobCase}/journal").ProblemAsync(HttpStatusCode.NotFound); // the job centre's journal stays its own

        // 9. The plan is revised: the placement is done, with its result; both versions stay readable.
        await jobb.PostAsJsonAsync($"/api/v1/participants/{id}/action-plan/revisions",
            Plan(1, Today.AddDays(-14), planActivity, "completed", "Erbjuden nystartsjobb.")).JsonAsync(HttpStatusCode.Created);
        var revisions = await soc.GetFromJsonAsync<JsonArray>($"/api/v1/participants/{id}/action-plan/revisions");
        Assert.Equal([2, 1], revisions!.Select(r => (int)r!["number"]!));
        Assert.Contains("genomförd", (string?)revisions![0]!["changes"], StringComparison.Ordinal);
        var first = await soc.GetAsync($"/api/v1/participants/{id}/action-plan/revisions/1").JsonAsync(HttpStatusCode.OK);
        Assert.Contains("ongoing", first.ToJsonString(), StringComparison.Ordinal);

        // 10. Closure with work: a new-start job. The follow-ups are scheduled 3, 6 and 12 months on.
        var closed = await jobb.PostAsJsonAsync($"/api/v1/cases/{jobCase}/closure", new
        {
            closedOn = Iso(Today), outcome = "subsidisedWork", employmentForm = "newStartJob", incomeAfter = "salary",
        }).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(Iso(Today.AddMonths(3)), (string?)closed["followUpDates"]![0]);

        // 11. Three months later the follow-up is due on the job centre's work list, and nobody else's.
        await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"Cases\" SET \"ClosedOn\" = {0} WHERE \"Id\" = {1}", Today.AddMonths(-3), jobCase));
        Assert.Contains((await jobb.GetAsync("/api/v1/work-list").JsonAsync(HttpStatusCode.OK))["followUpsDue"]!.AsArray(),
            i => (string?)i!["entityId"] == jobCase.ToString());
        Assert.DoesNotContain((await soc.GetAsync("/api/v1/work-list").JsonAsync(HttpStatusCode.OK))["followUpsDue"]!.AsArray(),
            i => (string?)i!["entityId"] == jobCase.ToString());

        // Every step left its trace in the access log, and none of it names the person.
        var log = await app.AccessLogForAsync(id);
        Assert.Contains(log, a => a.UserName == "jobb.taby" && a.EntityType == "AttendanceRecord");
        Assert.Contains(log, a => a.UserName == "soc.taby" && a.Action == "read" && a.EntityType == "AttendanceRecord");
        Assert.Contains(log, a => a.UserName == "soc.vaxholm" && a.Action == "denied");
        Assert.DoesNotContain(log, a => (a.Purpose ?? "").Contains(person.LastName, StringComparison.Ordinal));
    }
}
