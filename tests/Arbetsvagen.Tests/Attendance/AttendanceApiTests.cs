using System.Net;
using System.Net.Http.Json;
using Arbetsvagen.Features.Attendance;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Arbetsvagen.Tests.Attendance.AttendanceTestData;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Tests.Attendance;

public sealed class AttendanceApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string TabyJobCentre = "Täby kommun – Jobbcentrum";
    private static readonly DateOnly Week1 = MondayWeeksAgo(3);
    private static readonly DateOnly Week2 = Week1.AddDays(7);

    private static Task<HttpResponseMessage> Register(HttpClient client, Guid activity, DateOnly date, params object[] rows) =>
        client.PostAsJsonAsync($"/api/v1/activities/{activity}/attendance", new { date = Text(date), registrations = rows });

    private static object Present(Guid participant, decimal? hours = null) => new { participantId = participant, status = "present", hours };

    private static object Absent(Guid participant, string? reason) => new { participantId = participant, status = "absent", absenceReason = reason };

    /// <summary>An activity of Täby's job centre with a participant of theirs taking part in weeks 1 and 2.</summary>
    private async Task<(Guid Activity, Guid Participant)> ActivityWithParticipantAsync()
    {
        var activity = await app.ScheduleAsync();
        var participant = await app.CreateParticipantAsync("jobb.taby");
        await app.PlanAsync(participant.Id, activity, Week1, Week2.AddDays(6));
        return (activity, participant.Id);
    }

    private async Task<List<AccessLogEntry>> Logged(Guid participant, string action) =>
        (await app.AccessLogForAsync(participant, action)).Where(a => a.EntityType == "AttendanceRecord").ToList();

    private Task<int> RecordCountAsync(Guid activity) => app.WithDbAsync(db => db.Attendance.CountAsync(r => r.ActivityId == activity));

    [Fact]
    public async Task A_coach_registers_two_weeks_and_the_summary_adds_them_up()
    {
        var (activity, participant) = await ActivityWithParticipantAsync();
        var coach = await app.ClientFor("jobb.taby");
        for (var day = 0; day < 4; day++)
        {
            await Register(coach, activity, Week1.AddDays(day), Present(participant, day == 3 ? 0.5m : null)).ShouldBe(HttpStatusCode.OK);
        }

        await Register(coach, activity, Week2, Present(participant)).ShouldBe(HttpStatusCode.OK);
        await Register(coach, activity, Week2.AddDays(1), Absent(participant, "sick")).ShouldBe(HttpStatusCode.OK);
        var saved = await Register(coach, activity, Week2.AddDays(2), Absent(participant, "invalid")).JsonArrayAsync(HttpStatusCode.OK);
        Assert.Equal("invalid", (string?)saved.Single()!["absenceReason"]);

        var summary = await coach.GetAsync($"/api/v1/participants/{participant}/attendance?from={Text(Week1)}&to={Text(Week2.AddDays(4))}")
            .JsonAsync(HttpStatusCode.OK);

        var total = summary["total"]!;
        Assert.Equal(8, (int)total["scheduledDays"]!); // Monday–Thursday, two weeks
        Assert.Equal(5, (int)total["present"]!);
        Assert.Equal(2, (int)total["absent"]!);
        Assert.Equal(1, (int)total["absentByReason"]!["sick"]!);
        Assert.Equal(1, (int)total["absentByReason"]!["invalid"]!);
        Assert.Equal(1, (int)total["notRegistered"]!);
        Assert.Equal(8m, (decimal)total["scheduledHours"]!);
        Assert.Equal(4.5m, (decimal)total["attendedHours"]!);
        Assert.Equal(71.4m, (decimal)total["presentOfRegisteredDaysPercent"]!);
        Assert.Equal(62.5m, (decimal)total["presentOfScheduledDaysPercent"]!);
        var days = summary["activities"]!.AsArray().Single()!["days"]!.AsArray();
        Assert.Equal(8, days.Count);
        Assert.Equal("notRegistered", (string?)days[^1]!["status"]);
        Assert.StartsWith($"Period {Text(Week1)}–{Text(Week2.AddDays(4))}: 8 schemalagda dagar, 5 närvarande (62,5 %", (string?)summary["text"]);

        var text = await coach.GetAsync($"/api/v1/participants/{participant}/attendance/summary-text?from={Text(Week1)}&to={Text(Week2.AddDays(4))}")
            .ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/plain", text.Content.Headers.ContentType?.MediaType);
        Assert.Equal((string?)summary["text"], await text.Content.ReadAsStringAsync());
        Assert.Equal(7, (await Logged(participant, AccessAction.Create)).Count);
    }

    [Fact]
    public async Task A_second_registration_the_same_day_replaces_the_first_and_is_logged_as_an_update()
    {
        var (activity, participant) = await ActivityWithParticipantAsync();
        var coach = await app.ClientFor("jobb.taby");

        await Register(coach, activity, Week2, Absent(participant, "unknown")).ShouldBe(HttpStatusCode.OK);
        await Register(coach, activity, Week2, Present(participant)).ShouldBe(HttpStatusCode.OK);

        var register = await coach.GetAsync($"/api/v1/activities/{activity}/attendance?date={Text(Week2)}").JsonAsync(HttpStatusCode.OK);
        var row = register["participants"]!.AsArray().Single()!;
        Assert.Equal(participant.ToString(), (string?)row["participantId"]);
        Assert.Equal("present", (string?)row["registration"]!["status"]);
        Assert.Equal(1, await RecordCountAsync(activity));
        Assert.Single(await Logged(participant, AccessAction.Create));
        Assert.Single(await Logged(participant, AccessAction.Update));
    }

    [Fact]
    public async Task Someone_not_in_the_activity_that_day_is_refused_naming_the_row_and_nothing_is_stored()
    {
        var (activity, participant) = await ActivityWithParticipantAsync();
        var outsider = await app.CreateParticipantAsync("jobb.taby"); // same unit, but no plan with the activity
        var coach = await app.ClientFor("jobb.taby");

        var problem = await Register(coach, activity, Week2, Present(participant), Present(outsider.Id)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([AttendanceWork.NotInActivity], problem.FieldErrors("registrations[1].participantId"));
        Assert.Empty(problem.FieldErrors("registrations[0].participantId"));

        // The plan's activity ended after week 2: week 3 is outside it although the activity is scheduled.
        var afterPlan = await Register(coach, activity, Week2.AddDays(7), Present(participant)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(afterPlan.FieldErrors("registrations[0].participantId"));
        Assert.Equal(0, await RecordCountAsync(activity));
    }

    [Fact]
    public async Task A_day_that_is_not_scheduled_or_has_not_come_is_refused()
    {
        var (activity, participant) = await ActivityWithParticipantAsync();
        var coach = await app.ClientFor("jobb.taby");

        var friday = await Register(coach, activity, Week2.AddDays(4), Present(participant)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(friday.FieldErrors("date"));
        var beforeStart = await Register(coach, activity, Week1.AddDays(-7), Present(participant)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(beforeStart.FieldErrors("date"));
        var future = await Register(coach, activity, MondayWeeksAgo(-1), Present(participant)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(future.FieldErrors("date"));
        var malformed = await coach.PostAsJsonAsync($"/api/v1/activities/{activity}/attendance",
            new { date = "12/11/2026", registrations = new[] { Present(participant) } }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(malformed.FieldErrors("date"));
        Assert.Equal(0, await RecordCountAsync(activity));
    }

    [Fact]
    public async Task Absence_needs_a_reason_and_one_bad_row_stops_them_all()
    {
        var (activity, participant) = await ActivityWithParticipantAsync();
        var second = await app.CreateParticipantAsync("jobb.taby");
        await app.PlanAsync(second.Id, activity, Week1, Week2.AddDays(6));
        var coach = await app.ClientFor("jobb.taby");

        var noReason = await Register(coach, activity, Week2, Present(participant), Absent(second.Id, null)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(noReason.FieldErrors("registrations[1].absenceReason"));
        var tooLong = await Register(coach, activity, Week2, Present(participant, 5), new { participantId = second.Id, status = "late" })
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(tooLong.FieldErrors("registrations[0].hours"));
        Assert.NotEmpty(tooLong.FieldErrors("registrations[1].status"));
        Assert.Equal(0, await RecordCountAsync(activity));
        Assert.Empty(await Logged(participant, AccessAction.Create));

        await Register(coach, activity, Week2, Present(participant), Absent(second.Id, "valid")).ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2, await RecordCountAsync(activity));
    }

    [Theory]
    [InlineData("jobb.vaxholm")]
    [InlineData("soc.taby")] // same municipality, another secrecy boundary
    [InlineData("analytiker")]
    public async Task Another_unit_cannot_register_and_gets_404_with_one_denied_row(string user)
    {
        var (activity, participant) = await ActivityWithParticipantAsync();
        var client = await app.ClientFor(user);

        await Register(client, activity, Week2, Present(participant)).ProblemAsync(HttpStatusCode.NotFound);

        var denied = await app.AccessLogAsync(a => a.UserName == user && a.Action == AccessAction.Denied && a.EntityId == activity.ToString());
        Assert.Equal(participant, Assert.Single(denied).ParticipantId);
        Assert.Equal(0, await RecordCountAsync(activity));
    }

    [Fact]
    public async Task A_participant_of_another_unit_is_registered_only_with_a_consent_covering_attendance()
    {
        var activity = await app.ScheduleAsync();
        var participant = await app.CreateParticipantAsync("soc.taby");
        await app.PlanAsync(participant.Id, activity, Week1, Week2.AddDays(6));
        var coach = await app.ClientFor("jobb.taby");
        var registerUrl = $"/api/v1/activities/{activity}/attendance?date={Text(Week2)}";

        var hidden = await Register(coach, activity, Week2, Present(participant.Id)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([AttendanceWork.NotInActivity], hidden.FieldErrors("registrations[0].participantId"));
        Assert.Single(await app.AccessLogForAsync(participant.Id, AccessAction.Denied, "jobb.taby"));
        Assert.Empty((await coach.GetAsync(registerUrl).JsonAsync(HttpStatusCode.OK))["participants"]!.AsArray());

        await app.GiveConsentAsync(participant.Id, [TabyJobCentre], ["identity", "caseAndPlan"]);
        await Register(coach, activity, Week2, Present(participant.Id)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(2, (await app.AccessLogForAsync(participant.Id, AccessAction.Denied, "jobb.taby")).Count);
        Assert.Empty((await coach.GetAsync(registerUrl).JsonAsync(HttpStatusCode.OK))["participants"]!.AsArray());

        await app.GiveConsentAsync(participant.Id, [TabyJobCentre], ["identity", "attendance"]);
        await Register(coach, activity, Week2, Present(participant.Id)).ShouldBe(HttpStatusCode.OK);
        var listed = (await coach.GetAsync(registerUrl).JsonAsync(HttpStatusCode.OK))["participants"]!.AsArray();
        Assert.Equal($"{participant.FirstName} {participant.LastName}", (string?)listed.Single()!["name"]);
        var details = await coach.GetAsync($"/api/v1/activities/{activity}").JsonAsync(HttpStatusCode.OK);
        Assert.Single(details["participants"]!.AsArray());

        // The owner reads the summary without any consent.
        var owner = await app.ClientFor("soc.taby");
        var summary = await owner.GetAsync($"/api/v1/participants/{participant.Id}/attendance?from={Text(Week2)}&to={Text(Week2)}")
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)summary["total"]!["present"]!);
    }

    [Fact]
    public async Task Reading_the_summary_needs_the_attendance_category_and_each_read_is_logged()
    {
        var (_, participant) = await ActivityWithParticipantAsync();
        var social = await app.ClientFor("soc.taby");
        var url = $"/api/v1/participants/{participant}/attendance?from={Text(Week1)}&to={Text(Week2)}";

        await social.GetAsync(url).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Single(await app.AccessLogForAsync(participant, AccessAction.Denied, "soc.taby"));

        await app.GiveConsentAsync(participant, ["Täby kommun – Socialtjänsten, försörjningsstöd"], ["identity", "caseAndPlan"], byUser: "jobb.taby");
        await social.GetAsync(url).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(2, (await app.AccessLogForAsync(participant, AccessAction.Denied, "soc.taby")).Count);
        Assert.Empty(await app.AccessLogForAsync(participant, AccessAction.Read, "soc.taby"));

        await app.GiveConsentAsync(participant, ["Täby kommun – Socialtjänsten, försörjningsstöd"], ["identity", "attendance"], byUser: "jobb.taby");
        await social.GetAsync(url).JsonAsync(HttpStatusCode.OK);
        await social.GetAsync(url.Replace("/attendance?", "/attendance/summary-text?", StringComparison.Ordinal)).ShouldBe(HttpStatusCode.OK);
        var reads = await app.AccessLogForAsync(participant, AccessAction.Read, "soc.taby");
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.StartsWith("samtycke ", r.Purpose, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(null, "2026-11-13", "from")]
    [InlineData("2026-11-02", null, "to")]
    [InlineData("2/11/2026", "2026-11-13", "from")]
    [InlineData("2026-11-13", "2026-11-02", "to")]
    [InlineData("2026-01-01", "2027-01-02", "to")] // 366 days is the most; this is 367
    public async Task The_summary_period_is_checked_and_names_the_field(string? from, string? to, string field)
    {
        var (_, participant) = await ActivityWithParticipantAsync();
        var coach = await app.ClientFor("jobb.taby");
        var query = string.Join('&', new[] { from is null ? null : $"from={from}", to is null ? null : $"to={to}" }.OfType<string>());

        var problem = await coach.GetAsync($"/api/v1/participants/{participant}/attendance?{query}").ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors(field));
        Assert.Empty(await app.AccessLogForAsync(participant, AccessAction.Read));
    }

    [Fact]
    public async Task A_year_is_allowed_and_counts_only_days_that_have_come()
    {
        var (_, participant) = await ActivityWithParticipantAsync();
        var coach = await app.ClientFor("jobb.taby");
        var from = Today.AddDays(-365);

        var summary = await coach.GetAsync($"/api/v1/participants/{participant}/attendance?from={Text(from)}&to={Text(Today)}").JsonAsync(HttpStatusCode.OK);

        Assert.Equal(8, (int)summary["total"]!["scheduledDays"]!);
        Assert.Equal(8, (int)summary["total"]!["notRegistered"]!);
        Assert.Null(summary["total"]!["presentOfRegisteredDaysPercent"]);
    }

    [Fact]
    public async Task Activities_are_scheduled_for_the_own_unit_and_listed_there_only()
    {
        var coach = await app.ClientFor("jobb.taby");
        var bad = await coach.PostAsJsonAsync("/api/v1/activities", new
        {
            kind = "juggling", name = "", startsOn = "2026-11-13", endsOn = "2026-11-02", days = new[] { "funday" }, hoursPerDay = 0,
        }).ProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "kind", "name", "endsOn", "days", "hoursPerDay" })
        {
            Assert.NotEmpty(bad.FieldErrors(field));
        }

        var activity = await app.ScheduleAsync();
        var read = await coach.GetAsync($"/api/v1/activities/{activity}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["monday", "tuesday", "wednesday", "thursday"], read["days"]!.AsArray().Select(d => (string)d!));
        Assert.Equal(await app.OrganisationId(TabyJobCentre), Guid.Parse((string)read["organisationId"]!));
        Assert.Empty(read["participants"]!.AsArray());
        Assert.Contains(await coach.GetAsync("/api/v1/activities").JsonArrayAsync(HttpStatusCode.OK), a => a.Id() == activity);

        var vaxholm = await app.ClientFor("jobb.vaxholm");
        Assert.DoesNotContain(await vaxholm.GetAsync("/api/v1/activities").JsonArrayAsync(HttpStatusCode.OK), a => a.Id() == activity);
        var seenFromVaxholm = await vaxholm.GetAsync($"/api/v1/activities/{activity}").JsonAsync(HttpStatusCode.OK);
        Assert.Null(seenFromVaxholm["participants"]); // the activity is not personal data; who takes part is

        var analyst = await app.ClientFor("analytiker");
        await analyst.GetAsync("/api/v1/activities").ProblemAsync(HttpStatusCode.Forbidden);
        await analyst.GetAsync($"/api/v1/activities/{activity}").ProblemAsync(HttpStatusCode.NotFound);
        await analyst.PostAsJsonAsync("/api/v1/activities", new { kind = "jobSearch" }).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Messages_name_weekdays_and_kinds_by_their_swedish_labels()
    {
        var coach = await app.ClientFor("jobb.taby");
        var problem = await coach.PostAsJsonAsync("/api/v1/activities", new
        {
            kind = "jobbsök", name = "Jobbsök", startsOn = Text(Today), endsOn = Text(Today), days = new[] { "monday", "funday" }, hoursPerDay = 1,
        }).ProblemAsync(HttpStatusCode.BadRequest);

        var days = problem.FieldErrors("days")[0];
        Assert.Equal("Veckodagen \"funday\" finns inte. Välj bland måndag, tisdag, onsdag, torsdag, fredag, lördag, söndag.", days);
        var kind = problem.FieldErrors("kind")[0];
        Assert.Contains("Jobbsökaraktivitet", kind, StringComparison.Ordinal);
        Assert.DoesNotContain("jobSearch", kind, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_states_a_summary_and_every_answer_of_each_plan_and_attendance_operation()
    {
        var document = await app.Anonymous().GetAsync("/openapi/v1.json").JsonAsync(HttpStatusCode.OK);
        var operations = document["paths"]!.AsObject()
            .Where(p => p.Key.Contains("/activities", StringComparison.Ordinal) || p.Key.Contains("/action-plan", StringComparison.Ordinal)
                || p.Key.Contains("/attendance", StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject().Where(o => o.Key is "get" or "post").Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value!)))
            .ToList();

        Assert.Equal(11, operations.Count);
        foreach (var (path, method, operation) in operations)
        {
            Assert.False(string.IsNullOrWhiteSpace((string?)operation["summary"]), $"{method} {path} has no summary");
            var responses = operation["responses"]!.AsObject();
            Assert.True(responses.Any(r => r.Key.StartsWith('2') && r.Value?["content"] is not null), $"{method} {path} has no success body");
            Assert.True(responses.Any(r => r.Key.StartsWith('4') && r.Value?["content"]?["application/problem+json"] is not null),
                $"{method} {path} lists no problem answer");
        }

        var text = operations.Single(o => o.Path.EndsWith("/summary-text", StringComparison.Ordinal)).Operation["responses"]!["200"]!["content"]!;
        Assert.NotNull(text["text/plain"]);
        var revise = operations.Single(o => o.Path.EndsWith("/action-plan/revisions", StringComparison.Ordinal) && o.Method == "post").Operation["responses"]!;
        var statuses = revise.AsObject().Select(r => r.Key).ToList();
        Assert.All(new[] { "201", "400", "404", "409" }, status => Assert.Contains(status, statuses));
        Assert.DoesNotContain("200", statuses);
    }
}
