using System.Net;
using AngleSharp.Html.Parser;
using Arbetsvagen.Features.Mappings;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Arbetsvagen.Tests.Infrastructure;
using Arbetsvagen.Tests.Attendance;
using Xunit;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Tests.ActionPlans;

/// <summary>The plan pages over HTTP with a signed-in cookie session: the edit form, the participant's copy and its PDF.</summary>
public sealed partial class ActionPlanPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    private static async Task<string> Token(HttpClient client, string path)
    {
        var html = await (await client.GetAsync(path).ShouldBe(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        return AntiforgeryToken().Match(html).Groups[1].Value;
    }

    /// <summary>The page's HTML with character references decoded (Razor encodes å, ä, ö).</summary>
    private static async Task<string> Html(Task<HttpResponseMessage> response) =>
        WebUtility.HtmlDecode(await (await response.ShouldBe(HttpStatusCode.OK)).Content.ReadAsStringAsync());

    private async Task<HttpClient> SignedIn(string userName)
    {
        var client = app.Anonymous();
        var token = await Token(client, "/Account/Login");
        await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = AppFactory.DemoPassword, ["__RequestVerificationToken"] = token,
        })).ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    [Fact]
    public async Task The_form_creates_a_plan_ignoring_blank_rows_and_errors_name_the_right_row()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var client = await SignedIn("soc.taby");
        var path = $"/Participants/{participant.Id}/Plan";
        var token = await Token(client, path);
        var today = Arbetsvagen.Infrastructure.SwedishTime.Today(DateTime.UtcNow);
        var form = new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Form.BasedOnVersion"] = "0",
            ["Form.Goal"] = "Jobba som busschaufför",
            ["Form.Direction"] = "jobTrack",
            ["Form.StartsOn"] = ActionPlansApiTests.D(today),
            ["Form.EndsOn"] = ActionPlansApiTests.D(today.AddMonths(6)),
            ["Form.ReviewOn"] = ActionPlansApiTests.D(today.AddMonths(1)),
            // Row 0 is blank (only the default status), row 1 is filled in but ends before it starts.
            ["Form.Activities[0].Status"] = "planned",
            ["Form.Activities[1].Kind"] = "vocationalTraining",
            ["Form.Activities[1].Description"] = "Bussförarutbildning",
            ["Form.Activities[1].Provider"] = "Kunskapscentrum Nordost",
            ["Form.Activities[1].StartsOn"] = ActionPlansApiTests.D(today.AddDays(20)),
            ["Form.Activities[1].EndsOn"] = ActionPlansApiTests.D(today.AddDays(10)),
            ["Form.Activities[1].HoursPerWeek"] = "37,5",
            ["Form.Activities[1].Status"] = "planned",
        };

        var invalid = await Html(client.PostAsync(path, new FormUrlEncodedContent(form)));
        Assert.Contains("href=\"#Activities[1]_endsOn\"", invalid, StringComparison.Ordinal);
        Assert.Contains("id=\"Activities[1]_endsOn\"", invalid, StringComparison.Ordinal);

        form["Form.Activities[1].EndsOn"] = ActionPlansApiTests.D(today.AddDays(120));
        var saved = await client.PostAsync(path, new FormUrlEncodedContent(form)).ShouldBe(HttpStatusCode.Redirect);
        Assert.Equal(path, saved.Headers.Location?.OriginalString);

        var page = await Html(client.GetAsync(path));
        Assert.Contains("Gällande plan, version 1", page, StringComparison.Ordinal);
        Assert.Contains("Bussförarutbildning", page, StringComparison.Ordinal);
        Assert.Contains("37,5", page, StringComparison.Ordinal);
        var api = await app.ClientFor("soc.taby");
        var plan = await api.GetAsync($"/api/v1/participants/{participant.Id}/action-plan").JsonAsync(HttpStatusCode.OK);
        Assert.Single(plan["activities"]!.AsArray());
    }

    [Fact]
    public async Task The_participant_copy_shows_goal_and_activity_and_the_pdf_is_a_logged_export()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var api = await app.ClientFor("soc.taby");
        await api.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/action-plan/revisions",
            ActionPlansApiTests.PlanBody(0, ActionPlansApiTests.Activity("Jobbsökargrupp på Jobbcentrum"))).JsonAsync(HttpStatusCode.Created);
        var client = await SignedIn("soc.taby");

        var copy = await Html(client.GetAsync($"/Participants/{participant.Id}/Plan/Copy"));
        Assert.Contains("Din plan", copy, StringComparison.Ordinal);
        Assert.Contains("Få ett arbete inom lager och logistik", copy, StringComparison.Ordinal);
        Assert.Contains("Jobbsökargrupp på Jobbcentrum", copy, StringComparison.Ordinal);
        Assert.Contains("10 timmar i veckan", copy, StringComparison.Ordinal);
        Assert.Contains($"/Participants/{participant.Id}/Plan/Copy.pdf", copy, StringComparison.Ordinal);
        Assert.DoesNotContain("jobSearch", copy, StringComparison.Ordinal);

        var pdf = await client.GetAsync($"/Participants/{participant.Id}/Plan/Copy.pdf").ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        var exports = await app.AccessLogForAsync(participant.Id, AccessAction.Export, "soc.taby");
        Assert.Single(exports);
        Assert.Equal("ActionPlan", exports[0].EntityType);
    }

    [Fact]
    public async Task Older_revisions_are_readable_on_the_page_and_outsiders_get_404()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var api = await app.ClientFor("soc.taby");
        await api.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/action-plan/revisions", ActionPlansApiTests.PlanBody(0)).JsonAsync(HttpStatusCode.Created);
        var second = ActionPlansApiTests.PlanBody(1);
        second["goal"] = "Ett nytt mål";
        await api.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/action-plan/revisions", second).JsonAsync(HttpStatusCode.Created);
        var client = await SignedIn("soc.taby");

        var old = await Html(client.GetAsync($"/Participants/{participant.Id}/Plan?revision=1"));
        Assert.Contains("Version 1 (äldre version)", old, StringComparison.Ordinal);
        Assert.Contains("Få ett arbete inom lager och logistik", old, StringComparison.Ordinal);
        Assert.Contains("Ett nytt mål", old, StringComparison.Ordinal);

        var outsider = await SignedIn("jobb.taby");
        foreach (var path in new[] { "/Plan", "/Plan/Copy", "/Plan/Copy.pdf" })
        {
            await outsider.GetAsync($"/Participants/{participant.Id}{path}").ShouldBe(HttpStatusCode.NotFound);
        }

        Assert.Equal(3, (await app.AccessLogForAsync(participant.Id, AccessAction.Denied, "jobb.taby")).Count);
        Assert.Empty(await app.AccessLogForAsync(participant.Id, AccessAction.Export, "jobb.taby"));
    }

    /// <summary>Schedules an activity through the API as <paramref name="userName"/>, from three weeks back until well ahead.</summary>
    private async Task<Guid> ScheduleAsync(string userName, string name)
    {
        var client = await app.ClientFor(userName);
        var created = await client.PostAsJsonAsync("/api/v1/activities", new
        {
            kind = "jobSearch", name, startsOn = AttendanceTestData.Text(AttendanceTestData.MondayWeeksAgo(3)),
            endsOn = AttendanceTestData.Text(AttendanceTestData.MondayWeeksAgo(-8)), days = new[] { "monday" }, hoursPerDay = 1,
        }).JsonAsync(HttpStatusCode.Created);
        return created.Id();
    }

    /// <summary>The labels of the plan form's scheduled-activity choices (first row) that contain <paramref name="marker"/>, in page order.</summary>
    private async Task<List<string>> PickerLabelsAsync(string userName, Guid participantId, string marker)
    {
        var client = await SignedIn(userName);
        var document = new HtmlParser().ParseDocument(await Html(client.GetAsync($"/Participants/{participantId}/Plan")));
        return document.QuerySelectorAll("select[name='Form.Activities[0].ActivityId'] option").Select(o => o.TextContent.Trim())
            .Where(label => label.Contains(marker, StringComparison.Ordinal)).ToList();
    }

    [Fact]
    public async Task The_activity_picker_offers_the_own_municipality_and_shared_providers_with_organiser_in_swedish_order()
    {
        var u = TestPeople.UniqueLastName("Val");
        await ScheduleAsync("jobb.taby", $"Ärtgrupp {u}");
        await ScheduleAsync("jobb.taby", $"Åsgrupp {u}");
        await ScheduleAsync("jobb.taby", $"Zebragrupp {u}");
        var vaxholm = await ScheduleAsync("jobb.vaxholm", $"Jobbsökargrupp {u}");
        await ScheduleAsync("syv.kcno", $"Svenska för yrket {u}");

        var taby = await PickerLabelsAsync("jobb.taby", (await app.CreateParticipantAsync("jobb.taby")).Id, u);
        Assert.Equal(
            [$"Svenska för yrket {u}, Kunskapscentrum Nordost", $"Zebragrupp {u}, {TabyJobCentre}", $"Åsgrupp {u}, {TabyJobCentre}", $"Ärtgrupp {u}, {TabyJobCentre}"],
            taby.Select(l => l[..l.LastIndexOf(',')]));
        Assert.EndsWith($"{AttendanceTestData.Text(AttendanceTestData.MondayWeeksAgo(3))}–{AttendanceTestData.Text(AttendanceTestData.MondayWeeksAgo(-8))}",
            taby[0], StringComparison.Ordinal);

        // Vaxholm sees its own activity and the shared provider's, not Täby's own.
        var vaxholmLabels = await PickerLabelsAsync("jobb.vaxholm", (await app.CreateParticipantAsync("jobb.vaxholm")).Id, u);
        Assert.Equal([$"Jobbsökargrupp {u}, Vaxholm kommun – Jobbcentrum", $"Svenska för yrket {u}, Kunskapscentrum Nordost"],
            vaxholmLabels.Select(l => l[..l.LastIndexOf(',')]));

        // The API refuses what the picker does not offer, at the field.
        var participant = await app.CreateParticipantAsync("jobb.taby");
        var api = await app.ClientFor("jobb.taby");
        var linked = ActionPlansApiTests.Activity("Jobbsök i Vaxholm", endDays: 30);
        linked["activityId"] = vaxholm;
        var refused = await api.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/action-plan/revisions", ActionPlansApiTests.PlanBody(0, linked))
            .ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("annan kommun", refused.FieldErrors("activities[0].activityId")[0], StringComparison.Ordinal);
    }

    private const string TabyJobCentre = "Täby kommun – Jobbcentrum";

    [Fact]
    public async Task Form_errors_stand_at_their_fields_and_the_summary_follows_the_form()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var client = await SignedIn("soc.taby");
        var path = $"/Participants/{participant.Id}/Plan";
        var today = SwedishTime.Today(DateTime.UtcNow);
        var html = await Html(client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = await Token(client, path),
            ["Form.BasedOnVersion"] = "0",
            ["Form.Goal"] = "",
            ["Form.Direction"] = "",
            ["Form.StartsOn"] = "1 januari",
            ["Form.EndsOn"] = ActionPlansApiTests.D(today.AddMonths(6)),
            ["Form.ReviewOn"] = ActionPlansApiTests.D(today.AddMonths(1)),
            ["Form.Comment"] = new string('k', 1001),
            ["Form.Activities[0].Description"] = "Praktik",
            ["Form.Activities[0].StartsOn"] = ActionPlansApiTests.D(today),
            ["Form.Activities[0].EndsOn"] = ActionPlansApiTests.D(today.AddDays(30)),
            ["Form.Activities[0].HoursPerWeek"] = "5",
        })));
        var document = new HtmlParser().ParseDocument(html);

        Assert.Equal(["#Goal", "#Direction", "#StartsOn", "#Activities[0]_kind", "#Comment"],
            document.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")));
        Assert.Equal("Ange planens målbeskrivning.", document.GetElementById("Goal-error")?.TextContent);
        Assert.Equal("Planens startdatum ska skrivas ÅÅÅÅ-MM-DD.", document.GetElementById("StartsOn-error")?.TextContent);
        Assert.Equal("Kommentaren är för lång: högst 1000 tecken, nu 1001.", document.GetElementById("Comment-error")?.TextContent);
        Assert.StartsWith("Välj typ av insats. Välj en av: Praktik, Arbetsträning", document.GetElementById("Activities[0]_kind-error")?.TextContent,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_older_revision_says_so_in_the_page_title()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var api = await app.ClientFor("soc.taby");
        await api.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/action-plan/revisions", ActionPlansApiTests.PlanBody(0)).JsonAsync(HttpStatusCode.Created);
        await api.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/action-plan/revisions", ActionPlansApiTests.PlanBody(1)).JsonAsync(HttpStatusCode.Created);
        var client = await SignedIn("soc.taby");
        var name = $"{participant.FirstName} {participant.LastName}";

        var older = new HtmlParser().ParseDocument(await Html(client.GetAsync($"/Participants/{participant.Id}/Plan?revision=1")));
        Assert.Equal($"Handlingsplan för {name}, version 1 (äldre version) – Arbetsvägen", older.Title);
        var current = new HtmlParser().ParseDocument(await Html(client.GetAsync($"/Participants/{participant.Id}/Plan?revision=2")));
        Assert.Equal($"Handlingsplan för {name} – Arbetsvägen", current.Title);
    }
}
