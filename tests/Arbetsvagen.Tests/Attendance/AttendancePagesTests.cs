using System.Net;
using AngleSharp.Html.Parser;
using System.Text.RegularExpressions;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Arbetsvagen.Tests.Attendance.AttendanceTestData;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Tests.Attendance;

/// <summary>The attendance pages as plain HTML forms (no JavaScript): schedule, register a day, read the summary.</summary>
public sealed partial class AttendancePagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<HttpClient> SignedInAsync(string userName)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await client.GetStringAsync("/Account/Login");
        await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = AppFactory.DemoPassword, ["__RequestVerificationToken"] = Token(login),
        })).ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    private static string Token(string html) => TokenField().Match(html).Groups[1].Value;

    /// <summary>The page's HTML with entities decoded (Razor writes "ä" as "&amp;#xE4;").</summary>
    private static async Task<string> Html(HttpClient client, string url) =>
        WebUtility.HtmlDecode(await (await client.GetAsync(url).ShouldBe(HttpStatusCode.OK)).Content.ReadAsStringAsync());

    [Fact]
    public async Task A_coach_schedules_an_activity_and_registers_a_day_with_the_plain_form()
    {
        var coach = await SignedInAsync("jobb.taby");
        var index = await Html(coach, "/Activities");
        Assert.Contains("Schemalägg en aktivitet", index, StringComparison.Ordinal);

        var invalid = await coach.PostAsync("/Activities", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "", ["Input.Kind"] = "jobSearch", ["Input.StartsOn"] = Text(MondayWeeksAgo(3)), ["Input.EndsOn"] = Text(MondayWeeksAgo(-4)),
            ["Input.HoursPerDay"] = "1,5", ["__RequestVerificationToken"] = Token(index),
        })).ShouldBe(HttpStatusCode.OK);
        var invalidHtml = WebUtility.HtmlDecode(await invalid.Content.ReadAsStringAsync());
        Assert.Contains("Ange aktivitetens namn.", invalidHtml, StringComparison.Ordinal);
        Assert.Contains("Välj minst en veckodag.", invalidHtml, StringComparison.Ordinal);

        var name = "Jobbsök " + TestPeople.UniqueLastName("P");
        var created = await coach.PostAsync("/Activities", new FormUrlEncodedContent(
        [
            new("Input.Name", name), new("Input.Kind", "jobSearch"), new("Input.StartsOn", Text(MondayWeeksAgo(3))),
            new("Input.EndsOn", Text(MondayWeeksAgo(-4))), new("Input.Days", "monday"), new("Input.Days", "tuesday"),
            new("Input.HoursPerDay", "1,5"), new("__RequestVerificationToken", Token(index)),
        ])).ShouldBe(HttpStatusCode.Redirect);
        var activityPath = created.Headers.Location!.OriginalString;
        var activityId = Guid.Parse(activityPath.Split('/')[^1]);
        Assert.Contains(name, await Html(coach, activityPath), StringComparison.Ordinal);

        var first = await app.CreateParticipantAsync("jobb.taby");
        var second = await app.CreateParticipantAsync("jobb.taby");
        await app.PlanAsync(first.Id, activityId, MondayWeeksAgo(3), MondayWeeksAgo(1));
        await app.PlanAsync(second.Id, activityId, MondayWeeksAgo(3), MondayWeeksAgo(1));
        var day = Text(MondayWeeksAgo(2).AddDays(1)); // a Tuesday
        var register = await Html(coach, $"/Activities/{activityId}/Register?date={day}");
        Assert.Contains(first.LastName, register, StringComparison.Ordinal);
        Assert.Contains("Spara närvaro", register, StringComparison.Ordinal);
        Assert.Contains("attendance-register.js", register, StringComparison.Ordinal);
        var order = new[] { first, second }.OrderBy(p => register.IndexOf(p.LastName, StringComparison.Ordinal)).ToArray();

        // One unreadable row: the page comes back with the error on that participant's row, and nothing is saved.
        var refused = await coach.PostAsync($"/Activities/{activityId}/Register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["date"] = day, ["Rows[0].ParticipantId"] = order[0].Id.ToString(), ["Rows[0].Choice"] = "present",
            ["Rows[1].ParticipantId"] = order[1].Id.ToString(), ["Rows[1].Choice"] = "present", ["Rows[1].Hours"] = "9",
            ["__RequestVerificationToken"] = Token(register),
        })).ShouldBe(HttpStatusCode.OK);
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains($"href=\"#row-{order[1].Id}\">{order[1].FirstName} {order[1].LastName}: Närvarotiden ska vara mellan 0 och 1,5 timmar.", refusedHtml,
            StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Attendance.CountAsync(r => r.ActivityId == activityId)));

        var saved = await coach.PostAsync($"/Activities/{activityId}/Register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["date"] = day, ["Rows[0].ParticipantId"] = order[0].Id.ToString(), ["Rows[0].Choice"] = "present", ["Rows[0].Hours"] = "1",
            ["Rows[1].ParticipantId"] = order[1].Id.ToString(), ["Rows[1].Choice"] = "sick", ["__RequestVerificationToken"] = Token(register),
        })).ShouldBe(HttpStatusCode.Redirect);
        Assert.Equal($"/Activities/{activityId}/Register?date={day}", saved.Headers.Location!.OriginalString);
        var records = await app.WithDbAsync(db => db.Attendance.Where(r => r.ActivityId == activityId).OrderBy(r => r.Hours).ToListAsync());
        Assert.Equal([0m, 1m], records.Select(r => r.Hours));

        var future = await Html(coach, $"/Activities/{activityId}/Register?date={Text(MondayWeeksAgo(-1).AddDays(1))}");
        Assert.Contains("Dagen har inte varit än", future, StringComparison.Ordinal);
        var wednesday = await Html(coach, $"/Activities/{activityId}/Register?date={Text(MondayWeeksAgo(2).AddDays(2))}");
        Assert.Contains("inte schemalagd", wednesday, StringComparison.Ordinal);

        var summary = await Html(coach, $"/Participants/{order[0].Id}/Attendance?from={Text(MondayWeeksAgo(2))}&to={Text(MondayWeeksAgo(2).AddDays(6))}");
        Assert.Contains("2 schemalagda dagar, 1 närvarande (50 % av de schemalagda dagarna", summary, StringComparison.Ordinal);
        Assert.Single(await app.AccessLogForAsync(order[0].Id, AccessAction.Read, "jobb.taby"), r => r.EntityType == "AttendanceRecord" && r.EntityId == null);
    }

    [Fact]
    public async Task Other_units_get_404_on_the_register_and_the_summary_page_and_others_see_no_nav_link()
    {
        var activity = await app.ScheduleAsync();
        var participant = await app.CreateParticipantAsync("jobb.taby");
        var other = await SignedInAsync("jobb.vaxholm");

        await other.GetAsync($"/Activities/{activity}/Register").ShouldBe(HttpStatusCode.NotFound);
        await other.GetAsync($"/Participants/{participant.Id}/Attendance").ShouldBe(HttpStatusCode.NotFound);
        var details = await Html(other, $"/Activities/{activity}");
        Assert.DoesNotContain("Öppna närvarolistan", details, StringComparison.Ordinal);

        var analyst = await SignedInAsync("analytiker");
        Assert.DoesNotContain("href=\"/Activities\"", await Html(analyst, "/"), StringComparison.Ordinal);
        Assert.Contains("href=\"/Activities\"", await Html(other, "/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_schedule_form_names_each_wrong_field_in_form_order_and_weekdays_are_written_in_lower_case()
    {
        var coach = await SignedInAsync("jobb.taby");
        var index = await Html(coach, "/Activities");
        Assert.Contains("<label for=\"day-monday\">Måndag</label>", index, StringComparison.Ordinal);
        var refused = await coach.PostAsync("/Activities", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = new string('n', 201), ["Input.Kind"] = "jobSearch", ["Input.StartsOn"] = Text(Today), ["Input.EndsOn"] = Text(Today),
            ["Input.HoursPerDay"] = "en timme", ["__RequestVerificationToken"] = Token(index),
        })).ShouldBe(HttpStatusCode.OK);
        var document = new HtmlParser().ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal(["#Input_Name", "#Input_Days", "#Input_HoursPerDay"], document.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Aktivitetens namn är för långt: högst 200 tecken, nu 201.", document.GetElementById("Input_Name-error")?.TextContent);
        Assert.Equal("Skriv timmar per dag som ett tal, till exempel 1 eller 2,5.", document.GetElementById("Input_HoursPerDay-error")?.TextContent);

        var activity = await app.ScheduleAsync(); // Monday–Thursday
        var listed = new HtmlParser().ParseDocument(await Html(coach, "/Activities"));
        var row = listed.QuerySelectorAll("tbody tr").Single(r => r.QuerySelector($"a[href='/Activities/{activity}']") is not null);
        Assert.Contains("måndag, tisdag, onsdag, torsdag", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("måndag, tisdag, onsdag, torsdag", await Html(coach, $"/Activities/{activity}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_scheduled_day_is_written_in_the_singular_and_a_wrong_period_stands_at_its_field()
    {
        var activity = await app.ScheduleAsync();
        var participant = await app.CreateParticipantAsync("jobb.taby");
        var monday = MondayWeeksAgo(2);
        await app.PlanAsync(participant.Id, activity, monday, monday);
        var coach = await SignedInAsync("jobb.taby");

        var one = await Html(coach, $"/Participants/{participant.Id}/Attendance?from={Text(monday)}&to={Text(monday)}");
        Assert.Contains("1 schemalagd dag, 0 närvarande (0 % av de schemalagda dagarna), 0 frånvarande, 1 ej registrerad.", one, StringComparison.Ordinal);
        Assert.DoesNotContain("1 schemalagda dagar", one, StringComparison.Ordinal);

        var wrong = new HtmlParser().ParseDocument(await Html(coach, $"/Participants/{participant.Id}/Attendance?from={Text(monday)}&to={Text(monday.AddDays(-1))}"));
        Assert.Equal("#To", wrong.QuerySelector(".error-summary a")?.GetAttribute("href"));
        Assert.Equal("Periodens sista dag kan inte ligga före dess första dag.", wrong.GetElementById("To-error")?.TextContent);

        var badDay = new HtmlParser().ParseDocument(await Html(coach, $"/Activities/{activity}/Register?date=igår"));
        Assert.Equal("#Date", badDay.QuerySelector(".error-summary a")?.GetAttribute("href"));
        Assert.Equal("Dagen ska skrivas ÅÅÅÅ-MM-DD.", badDay.GetElementById("Date-error")?.TextContent);
        Assert.NotNull(badDay.GetElementById("Date"));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
