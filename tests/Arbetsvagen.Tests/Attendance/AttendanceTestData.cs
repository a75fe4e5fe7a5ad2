using System.Globalization;
using Arbetsvagen.Features.Mappings;
using System.Net;
using System.Net.Http.Json;
using Arbetsvagen.Features.ActionPlans;
using Arbetsvagen.Features.Attendance;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;

namespace Arbetsvagen.Tests.Attendance;

/// <summary>Activities through the API, and action plans straight into the database (the plan API is built elsewhere).</summary>
public static class AttendanceTestData
{
    public static DateOnly Today => SwedishTime.Today(DateTime.UtcNow);

    /// <summary>The Monday <paramref name="weeks"/> weeks before this week's Monday (negative: after).</summary>
    public static DateOnly MondayWeeksAgo(int weeks) => Today.AddDays(-(((int)Today.DayOfWeek + 6) % 7) - 7 * weeks);

    public static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An activity Monday–Thursday, 1 hour a day, from three weeks ago until well ahead, scheduled by <paramref name="userName"/>.</summary>
    public static async Task<Guid> ScheduleAsync(this AppFactory app, string userName = "jobb.taby", decimal hoursPerDay = 1)
    {
        var client = await app.ClientFor(userName);
        var created = await client.PostAsJsonAsync("/api/v1/activities", new
        {
            kind = "jobSearch",
            name = "Jobbsökargrupp " + TestPeople.UniqueLastName("A"),
            place = "Jobbcentrum, Stationsvägen 1",
            startsOn = Text(MondayWeeksAgo(3)),
            endsOn = Text(MondayWeeksAgo(-8)),
            days = new[] { "monday", "tuesday", "wednesday", "thursday" },
            hoursPerDay,
        }).JsonAsync(HttpStatusCode.Created);
        return created.Id();
    }

    /// <summary>Gives the participant a plan whose one activity links to <paramref name="activityId"/> from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static Task<Guid> PlanAsync(this AppFactory app, Guid participantId, Guid activityId, DateOnly from, DateOnly to,
        PlanActivityStatus status = PlanActivityStatus.Ongoing) => app.WithDbAsync(async db =>
    {
        var plan = ActionPlan.Create(participantId);
        var revision = plan.Revise(0, "Arbete inom ett år", Direction.Employment, from, to.AddDays(30), to,
            [new PlanActivityDraft(null, ActivityKind.JobSearch, "Jobbsökargrupp", activityId, "Jobbcentrum", from, to, 4, status, null)],
            null, Guid.NewGuid(), Guid.NewGuid(), DateTime.UtcNow);
        db.ActionPlans.Add(plan);
        db.Add(revision);
        await db.SaveChangesAsync();
        return plan.Id;
    });
}
