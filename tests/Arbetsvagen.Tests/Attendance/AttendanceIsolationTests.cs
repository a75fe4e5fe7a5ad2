using System.Net;
using System.Net.Http.Json;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;
using static Arbetsvagen.Tests.Attendance.AttendanceTestData;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Tests.Attendance;

/// <summary>
/// The isolation matrix for attendance: a participant of Täby's job centre in its activity, with a consent to an
/// unrelated school that does not cover attendance. Every endpoint that touches their attendance, called by anyone
/// outside the job centre, answers 404 and logs exactly one `denied` entry, and nothing else about them.
/// </summary>
public sealed class AttendanceIsolationTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static readonly string[] Outsiders =
        ["soc.taby", "soc.vaxholm", "jobb.vaxholm", "af.nordost", "syv.kcno", "kaa.norrtalje", "analytiker", "admin.taby", "samordnare.nordost"];

    public static readonly string[] Endpoints = ["GET summary", "GET summary text", "GET register", "POST register"];

    public static TheoryData<string, string> Matrix() => IsolationMatrix.Of(Outsiders, Endpoints);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Outsiders_get_404_and_one_denied_entry(string user, string endpoint)
    {
        var activity = await app.ScheduleAsync();
        var target = await app.CreateParticipantAsync("jobb.taby");
        await app.PlanAsync(target.Id, activity, MondayWeeksAgo(3), MondayWeeksAgo(1));
        await app.GiveConsentAsync(target.Id, ["Norrtälje vuxenutbildning"], ["identity", "caseAndPlan"], byUser: "jobb.taby");
        var day = Text(MondayWeeksAgo(2));
        await (await app.ClientFor("jobb.taby")).PostAsJsonAsync($"/api/v1/activities/{activity}/attendance",
            new { date = day, registrations = new[] { new { participantId = target.Id, status = "present" } } }).ShouldBe(HttpStatusCode.OK);
        var client = await app.ClientFor(user);
        var period = $"from={day}&to={Text(Today)}";

        var response = endpoint switch
        {
            "GET summary" => await client.GetAsync($"/api/v1/participants/{target.Id}/attendance?{period}"),
            "GET summary text" => await client.GetAsync($"/api/v1/participants/{target.Id}/attendance/summary-text?{period}"),
            "GET register" => await client.GetAsync($"/api/v1/activities/{activity}/attendance?date={day}"),
            "POST register" => await client.PostAsJsonAsync($"/api/v1/activities/{activity}/attendance",
                new { date = day, registrations = new[] { new { participantId = target.Id, status = "absent", absenceReason = "invalid" } } }),
            _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, null),
        };

        var problem = await Task.FromResult(response).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Posten finns inte eller så har du inte behörighet till den.", (string?)problem["detail"]);
        var id = target.Id.ToString();
        var mine = await app.AccessLogAsync(a => a.UserName == user
            && (a.ParticipantId == target.Id || a.EntityId == activity.ToString() || (a.ResultIds != null && a.ResultIds.Contains(id))));
        Assert.Equal(AccessAction.Denied, Assert.Single(mine).Action);
    }

    [Theory]
    [InlineData("soc.taby")]
    [InlineData("jobb.vaxholm")]
    [InlineData("af.nordost")]
    public async Task Other_caseworkers_see_the_activity_but_not_who_takes_part(string user)
    {
        var activity = await app.ScheduleAsync();
        var target = await app.CreateParticipantAsync("jobb.taby");
        await app.PlanAsync(target.Id, activity, MondayWeeksAgo(3), MondayWeeksAgo(1));
        var client = await app.ClientFor(user);

        var read = await client.GetAsync($"/api/v1/activities/{activity}").JsonAsync(HttpStatusCode.OK);

        Assert.Null(read["participants"]);
        Assert.DoesNotContain(target.LastName, read.ToJsonString(), StringComparison.Ordinal);
        Assert.Empty(await app.AccessLogAsync(a => a.UserName == user && a.ResultIds != null && a.ResultIds.Contains(target.Id.ToString())));
    }
}
