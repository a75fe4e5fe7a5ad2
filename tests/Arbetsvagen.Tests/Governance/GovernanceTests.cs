using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Arbetsvagen.Features.Governance;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Infrastructure.Demo;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Arbetsvagen.Tests.JobTracks.JobTrackData;

namespace Arbetsvagen.Tests.Governance;

/// <summary>
/// The collaboration's governance (issue 14) over HTTP and rendered pages, on the demo region: a decision to start a job
/// track shows on both sides, the priority process keeps its order, overdue action items reach the owner's start page,
/// the iCalendar export keeps RFC 5545, the report-back PDF names its sender, bad input names its field and saves
/// nothing, and another collaboration's records answer 404.
/// </summary>
public sealed class GovernanceTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Coordinator = "samordnare.nordost";

    private async Task<Guid> GroupAsync(HttpClient client, string kind) =>
        (await client.GetAsync("/api/v1/groups").JsonArrayAsync(HttpStatusCode.OK)).First(g => (string)g!["kind"]! == kind).Id();

    private static async Task<Guid> MeetingAsync(HttpClient client, Guid groupId, string title) =>
        (await client.PostAsJsonAsync("/api/v1/meetings", new { groupId, title, heldOn = Day(Today), agenda = "1. Beslut" })
            .JsonAsync(HttpStatusCode.Created)).Id();

    private Task<int> CountAsync<T>(Func<IQueryable<T>, IQueryable<T>>? where = null) where T : class =>
        app.WithDbAsync(db => (where ?? (q => q))(db.Set<T>()).CountAsync());

    [Fact]
    public async Task A_decision_to_start_a_job_track_shows_on_the_meeting_and_on_the_track()
    {
        var jobb = await app.ClientFor("jobb.taby");
        var track = (await jobb.PostAsJsonAsync("/api/v1/job-tracks", await BusDriversAsync(app, Today.AddDays(60))).JsonAsync(HttpStatusCode.Created)).Id();
        var coordinator = await app.ClientFor(Coordinator);
        var meeting = await MeetingAsync(coordinator, await GroupAsync(coordinator, "steeringGroup"), "Styrgruppsmöte om bussförare");
        var reference = "SG §" + Random.Shared.Next(100, 999);

        var decision = await coordinator.PostAsJsonAsync($"/api/v1/meetings/{meeting}/decisions",
            new { reference, text = "Jobbspåret för bussförare startar.", subject = "jobTrackStart", subjectId = track }).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(track, Guid.Parse((string)decision["subjectId"]!));

        var onTrack = await coordinator.GetAsync($"/api/v1/meetings/decisions?subjectId={track}").JsonArrayAsync(HttpStatusCode.OK);
        Assert.Equal(reference, (string)Assert.Single(onTrack)!["reference"]!);
        var trackDto = await jobb.GetAsync($"/api/v1/job-tracks/{track}").JsonAsync(HttpStatusCode.OK);
        Assert.StartsWith(reference, (string)trackDto["decisionReference"]!, StringComparison.Ordinal);
        Assert.Equal(Day(Today), (string)trackDto["decisionOn"]!);

        var trackPage = await (await PageSession.SignInAsync(app, "jobb.taby")).GetAsync($"/JobTracks/Details/{track}");
        var listed = trackPage.QuerySelector("#track-decisions")!;
        Assert.Contains("Jobbspåret för bussförare startar.", listed.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/Governance/Meeting/{meeting}", listed.QuerySelector("a")!.GetAttribute("href"));

        var meetingPage = await (await PageSession.SignInAsync(app, Coordinator)).GetAsync($"/Governance/Meeting/{meeting}");
        Assert.Contains(meetingPage.QuerySelectorAll("#decisions a"), a => a.GetAttribute("href") == $"/JobTracks/Details/{track}");

        // Only the steering group starts a job track.
        var working = await MeetingAsync(coordinator, await GroupAsync(coordinator, "workingGroup"), "Arbetsgruppsmöte");
        var refused = await coordinator.PostAsJsonAsync($"/api/v1/meetings/{working}/decisions",
            new { reference = "AG §1", text = "Start.", subject = "jobTrackStart", subjectId = track }).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("styrgruppen", (string)refused["errors"]!["subject"]![0]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_priority_process_runs_in_its_order_and_each_step_out_of_order_is_refused_at_step()
    {
        var coordinator = await app.ClientFor(Coordinator);
        var year = 2090 + Random.Shared.Next(0, 9);
        var taby = await app.OrganisationId("Täby kommun");
        var steering = await GroupAsync(coordinator, "steeringGroup");
        var meeting = await MeetingAsync(coordinator, steering, "Prioriteringsmöte");
        var before = await CountAsync<FocusArea>(q => q.Where(a => a.Year == year));

        async Task<string> Refused(string path, object body) =>
            (string)(await coordinator.PostAsJsonAsync($"/api/v1/focus-areas/priority/{year}/{path}", body).JsonAsync(HttpStatusCode.BadRequest))["errors"]!["step"]![0]!;

        Assert.Contains("organisationernas förslag", await Refused("working-group-proposal", new { proposalIds = Array.Empty<Guid>(), text = "Förslag" }),
            StringComparison.Ordinal);
        Assert.Contains("arbetsgruppens förslag", await Refused("decision", new { meetingId = meeting, reference = "PM §1" }), StringComparison.Ordinal);

        var first = (await coordinator.PostAsJsonAsync($"/api/v1/focus-areas/priority/{year}/proposals",
            new { organisationId = taby, title = "Unga till arbete", goal = "Fler unga i arbete." }).JsonAsync(HttpStatusCode.Created)).Id();
        await coordinator.PostAsJsonAsync($"/api/v1/focus-areas/priority/{year}/proposals",
            new { organisationId = await app.OrganisationId(DemoNames.AfName), title = "Språk i arbete", goal = "Svenska på arbetsplatsen." }).ShouldBe(HttpStatusCode.Created);
        Assert.Contains("arbetsgruppen har inte", await Refused("decision", new { meetingId = meeting, reference = "PM §1" }), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync<Decision>(q => q.Where(d => d.MeetingId == meeting)));

        var proposed = await coordinator.PostAsJsonAsync($"/api/v1/focus-areas/priority/{year}/working-group-proposal",
            new { proposalIds = new[] { first }, text = "Arbetsgruppen föreslår unga till arbete." }).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("workingGroupProposal", (string)proposed["stage"]!);
        Assert.Contains("redan", await Refused("proposals", new { organisationId = taby, title = "Sent förslag", goal = "För sent." }), StringComparison.Ordinal);
        Assert.Contains("redan", await Refused("working-group-proposal", new { proposalIds = new[] { first }, text = "Igen" }), StringComparison.Ordinal);

        var decided = await coordinator.PostAsJsonAsync($"/api/v1/focus-areas/priority/{year}/decision",
            new { meetingId = meeting, reference = "PM §1", responsibleGroupId = steering }).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("decided", (string)decided["stage"]!);
        var areas = await coordinator.GetAsync($"/api/v1/focus-areas?year={year}").JsonArrayAsync(HttpStatusCode.OK);
        Assert.Equal(before + 1, areas.Count);
        Assert.Equal("Unga till arbete", (string)areas[0]!["title"]!);
        Assert.Equal(decided["decisionId"]!.ToString(), areas[0]!["decisionId"]!.ToString());
        Assert.Contains("redan beslutad", await Refused("decision", new { meetingId = meeting, reference = "PM §2" }), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync<Decision>(q => q.Where(d => d.MeetingId == meeting)));
    }

    [Fact]
    public async Task Overdue_action_items_are_in_the_owners_work_list_on_the_start_page()
    {
        var coordinator = await app.ClientFor(Coordinator);
        var collaboration = await app.WithDbAsync(db => db.Collaborations.Where(c => c.Name == DemoNames.CollaborationName).Select(c => c.Id).FirstAsync());
        var owner = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "jobb.vaxholm").Select(u => u.Id).FirstAsync());
        var late = "Skicka statistik " + TestPeople.UniqueLastName("Sen");
        var onTime = "Boka lokal " + TestPeople.UniqueLastName("Tid");
        await app.WithDbAsync(async db =>
        {
            var created = DateTime.UtcNow.AddDays(-10);
            db.ActionItems.Add(ActionItem.Create(collaboration, late, owner, Today.AddDays(-2), null, null, owner, created));
            return await db.SaveChangesAsync();
        });
        await coordinator.PostAsJsonAsync("/api/v1/action-items", new { title = onTime, ownerUserId = owner, dueOn = Day(Today.AddDays(5)) })
            .ShouldBe(HttpStatusCode.Created);

        var start = await (await PageSession.SignInAsync(app, "jobb.vaxholm")).GetAsync("/");
        var list = start.QuerySelector("#action-items")!.TextContent;
        Assert.Contains(late, list, StringComparison.Ordinal);
        Assert.DoesNotContain(onTime, list, StringComparison.Ordinal);

        var mine = await (await app.ClientFor("jobb.vaxholm")).GetAsync("/api/v1/action-items?mine=true&overdue=true").JsonArrayAsync(HttpStatusCode.OK);
        var item = Assert.Single(mine, i => (string)i!["title"]! == late)!;
        Assert.True((bool)item["overdue"]!);
        Assert.DoesNotContain(mine, i => (string)i!["title"]! == onTime);

        // Done, it leaves the list.
        await (await app.ClientFor("jobb.vaxholm")).PostAsJsonAsync($"/api/v1/action-items/{item.Id()}/status", new { status = "done" }).ShouldBe(HttpStatusCode.OK);
        var after = await (await PageSession.SignInAsync(app, "jobb.vaxholm")).GetAsync("/");
        Assert.DoesNotContain(late, after.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_annual_cycle_is_valid_icalendar()
    {
        var coordinator = await app.ClientFor(Coordinator);
        var title = "Återrapport; fokusområden, " + TestPeople.UniqueLastName("Årshjul") + " \\ slutdatum";
        var description = "Rad ett om överenskommelsens återrapportering till styrgruppen, med åäö och ÅÄÖ i en lång text som måste vikas.\nRad två.";
        await coordinator.PostAsJsonAsync("/api/v1/annual-cycle",
            new { title, kind = "reportingDeadline", date = $"{Today.Year}-12-15", recursYearly = true, description }).ShouldBe(HttpStatusCode.Created);

        var response = await coordinator.GetAsync("/api/v1/annual-cycle.ics").ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);

        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotMatch("[^\r]\n", text);
        Assert.DoesNotMatch("\r[^\n]", text);
        // Every physical line is at most 75 octets, and folding never splits a UTF-8 character.
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var start = 0;
        for (var i = 0; i < bytes.Length - 1; i++)
        {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n')
            {
                Assert.InRange(i - start, 1, 75);
                _ = strict.GetString(bytes, start, i - start);
                start = i + 2;
            }
        }

        var lines = text.Replace("\r\n ", "", StringComparison.Ordinal).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("BEGIN:VCALENDAR", lines[0]);
        Assert.Equal("END:VCALENDAR", lines[^1]);
        Assert.Contains("VERSION:2.0", lines);
        Assert.Contains(lines, l => l.StartsWith("PRODID:", StringComparison.Ordinal));
        var events = Regex.Matches(string.Join("\n", lines), "BEGIN:VEVENT\n(.*?)\nEND:VEVENT", RegexOptions.Singleline).Select(m => m.Groups[1].Value.Split('\n')).ToList();
        Assert.NotEmpty(events);
        Assert.Equal(lines.Count(l => l == "BEGIN:VEVENT"), events.Count);
        Assert.All(events, e =>
        {
            Assert.Single(e, l => l.StartsWith("UID:", StringComparison.Ordinal));
            Assert.Single(e, l => Regex.IsMatch(l, @"^DTSTAMP:\d{8}T\d{6}Z$"));
            Assert.Single(e, l => Regex.IsMatch(l, @"^DTSTART;VALUE=DATE:\d{8}$"));
        });
        Assert.Equal(events.Count, events.Select(e => e.First(l => l.StartsWith("UID:", StringComparison.Ordinal))).Distinct().Count());

        var ours = events.Single(e => e.Any(l => l.Contains("Årshjul", StringComparison.Ordinal) && l.StartsWith("SUMMARY:", StringComparison.Ordinal)));
        Assert.Contains(ours, l => l.StartsWith("SUMMARY:Återrapport\\; fokusområden\\, ", StringComparison.Ordinal) && l.Contains(" \\\\ slutdatum", StringComparison.Ordinal));
        Assert.Contains(ours, l => l.StartsWith("DESCRIPTION:", StringComparison.Ordinal) && l.Contains("vikas.\\nRad två.", StringComparison.Ordinal));
        Assert.Contains($"DTSTART;VALUE=DATE:{Today.Year}1215", ours);
        Assert.Contains("RRULE:FREQ=YEARLY", ours);
        Assert.True(bytes.Length > 0 && text.Split("\r\n").Any(l => l.StartsWith(' ')), "a long line is folded");
    }

    [Fact]
    public async Task The_report_back_pdf_names_the_collaboration_as_sender_and_holds_the_focus_areas_and_decisions()
    {
        var page = await PageSession.SignInAsync(app, Coordinator);
        var year = Today.Year - 1;
        var html = await page.GetAsync($"/Governance/Report?year={year}");
        Assert.Contains("Avsändare: Samverkan Stockholm Nordost", html.QuerySelector(".sender")!.TextContent, StringComparison.Ordinal);

        var response = await page.Client.GetAsync($"/Governance/ReportPdf?year={year}").ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var pdf = Encoding.Latin1.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("%PDF-1.4", pdf, StringComparison.Ordinal);
        var text = string.Join(" ", Regex.Matches(pdf, @"\((.*?)(?<!\\)\) Tj").Select(m => m.Groups[1].Value.Replace("\\(", "(", StringComparison.Ordinal).Replace("\\)", ")", StringComparison.Ordinal)));
        Assert.Contains($"Återrapportering {year} \u0096 Stockholm Nordost", text, StringComparison.Ordinal); // the en dash at its WinAnsi place
        Assert.Contains("Avsändare: Samverkan Stockholm Nordost", text, StringComparison.Ordinal);
        Assert.Contains("Jobbspår inom vård och omsorg", text, StringComparison.Ordinal);
        Assert.Contains("Status: Uppnått", text, StringComparison.Ordinal);
        Assert.Contains("Återrapport: Två jobbspår genomfördes", text, StringComparison.Ordinal);
        Assert.Contains("Aktivitetslistan", text, StringComparison.Ordinal);
        Assert.Contains($"(Återrapportering {year}", pdf, StringComparison.Ordinal);

        var exports = await app.AccessLogAsync(a => a.EntityType == "GovernanceReportBack" && a.Action == "export" && a.UserName == Coordinator);
        Assert.NotEmpty(exports);
    }

    [Fact]
    public async Task Bad_input_names_its_field_and_saves_nothing()
    {
        var coordinator = await app.ClientFor(Coordinator);
        var decisions = await CountAsync<Decision>();
        var noMeeting = await coordinator.PostAsJsonAsync("/api/v1/meetings/decisions", new { reference = "X §1", text = "Utan möte." })
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("möte", (string)noMeeting["errors"]!["meetingId"]![0]!, StringComparison.Ordinal);
        Assert.Equal(decisions, await CountAsync<Decision>());

        // jobb.vaxholm belongs to NANO, not to the steering group.
        var meetings = await CountAsync<Meeting>();
        var vaxholm = await app.ClientFor("jobb.vaxholm");
        var notMine = await vaxholm.PostAsJsonAsync("/api/v1/meetings",
            new { groupId = await GroupAsync(vaxholm, "steeringGroup"), title = "Möte", heldOn = Day(Today), agenda = "1." }).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("inte medlem", (string)notMine["errors"]!["groupId"]![0]!, StringComparison.Ordinal);
        Assert.Equal(meetings, await CountAsync<Meeting>());

        var items = await CountAsync<ActionItem>();
        var owner = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == Coordinator).Select(u => u.Id).FirstAsync());
        var early = await coordinator.PostAsJsonAsync("/api/v1/action-items", new { title = "För sent redan", ownerUserId = owner, dueOn = Day(Today.AddDays(-1)) })
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.Contains("före dagen punkten skapas", (string)early["errors"]!["dueOn"]![0]!, StringComparison.Ordinal);
        Assert.Equal(items, await CountAsync<ActionItem>());

        var agreement = await coordinator.PostAsJsonAsync("/api/v1/agreements",
            new { title = "Ny", purpose = "Syfte", targetGroups = "Alla", startsOn = "2026-01-01", endsOn = "2025-01-01", partyIds = Array.Empty<Guid>() })
            .JsonAsync(HttpStatusCode.BadRequest);
        Assert.NotNull(agreement["errors"]!["endsOn"]);
        Assert.NotNull(agreement["errors"]!["partyIds"]);

        var example = (await coordinator.GetAsync("/api/v1/examples?q=resursjobb").JsonArrayAsync(HttpStatusCode.OK)).Single()!.Id();
        var attachments = await CountAsync<ExampleAttachment>();
        async Task<string> Upload(string name, byte[] content)
        {
            using var form = new MultipartFormDataContent { { new ByteArrayContent(content), "file", name } };
            return (string)(await coordinator.PostAsync($"/api/v1/examples/{example}/attachments", form).JsonAsync(HttpStatusCode.BadRequest))["errors"]!["file"]![0]!;
        }

        Assert.Contains("Filtypen tillåts inte", await Upload("program.exe", [0x4D, 0x5A, 0x90, 0x00]), StringComparison.Ordinal);
        Assert.Contains("Filtypen tillåts inte", await Upload("rapport.pdf", [0x4D, 0x5A, 0x90, 0x00]), StringComparison.Ordinal);
        var big = new byte[AttachmentRules.MaxBytes + 1];
        "%PDF-1.4"u8.CopyTo(big);
        Assert.Contains("för stor", await Upload("stor.pdf", big), StringComparison.Ordinal);
        Assert.Equal(attachments, await CountAsync<ExampleAttachment>());

        using var good = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4\n%%EOF\n"u8.ToArray()), "file", "metod.pdf" } };
        var added = await coordinator.PostAsync($"/api/v1/examples/{example}/attachments", good).JsonAsync(HttpStatusCode.Created);
        var download = await coordinator.GetAsync($"/api/v1/examples/{example}/attachments/{added.Id()}").ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Another_collaborations_governance_is_not_found_and_the_pages_show_the_demo()
    {
        var sormland = await app.WithScopeAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<AppUser>>();
            var db = services.GetRequiredService<AppDbContext>();
            var organisation = await db.Organisations.Where(o => o.Name == GovernanceDemo.RegionSormland).Select(o => o.Id).FirstAsync();
            var user = new AppUser { UserName = "test." + TestPeople.UniqueLastName("sorm").ToLowerInvariant(), DisplayName = "Strateg Sörmland", OrganisationId = organisation };
            Assert.True((await users.CreateAsync(user, "Provlosen-2026")).Succeeded);
            await users.AddToRoleAsync(user, Roles.Coordinator);
            return user.UserName!;
        });
        var region = await app.ClientFor(sormland, "Provlosen-2026");
        var regionAgreements = await region.GetAsync("/api/v1/agreements").JsonArrayAsync(HttpStatusCode.OK);
        Assert.Equal("Överenskommelse mellan Region Sörmland och Arbetsförmedlingen", (string)Assert.Single(regionAgreements)!["title"]!);
        var priority = await region.GetAsync("/api/v1/focus-areas/priority/2023").JsonAsync(HttpStatusCode.OK);
        Assert.Equal("decided", (string)priority["stage"]!);

        var coordinator = await app.ClientFor(Coordinator);
        var nordost = (await coordinator.GetAsync("/api/v1/agreements").JsonArrayAsync(HttpStatusCode.OK))
            .Single(a => (string)a!["startsOn"]! == "2023-01-01")!;
        Assert.Equal("ended", (string)nordost["status"]!);
        Assert.Equal(2, nordost["revisions"]!.AsArray().Count);
        await region.GetAsync($"/api/v1/agreements/{nordost.Id()}").ShouldBe(HttpStatusCode.NotFound);
        var regionMeeting = (await region.GetAsync("/api/v1/meetings").JsonArrayAsync(HttpStatusCode.OK)).First()!.Id();
        await coordinator.GetAsync($"/api/v1/meetings/{regionMeeting}").ShouldBe(HttpStatusCode.NotFound);

        // Analysts read the governance, but not the staff's names.
        var analyst = await app.ClientFor("analytiker");
        var steering = await analyst.GetAsync($"/api/v1/groups/{await GroupAsync(analyst, "steeringGroup")}").JsonAsync(HttpStatusCode.OK);
        Assert.All(steering["members"]!.AsArray(), m => Assert.Equal("–", (string)m!["name"]!));

        var page = await PageSession.SignInAsync(app, Coordinator);
        var index = await page.GetAsync("/Governance");
        Assert.Contains("Styrgrupp Stockholm Nordost", index.Body!.TextContent, StringComparison.Ordinal);
        var group = await page.GetAsync($"/Governance/Group/{await GroupAsync(coordinator, "workingGroup")}");
        Assert.True(group.QuerySelectorAll("#meetings-heading ~ ul li").Length >= 6);
        var found = await page.GetAsync("/Governance/Examples?q=L4U");
        Assert.Equal("L4U – Lean Life Long Learning Ungdom", found.QuerySelector("#examples a")!.TextContent);
        foreach (var path in new[] { "/Governance/FocusAreas", "/Governance/AnnualCycle", "/Governance/ActionItems", $"/Governance/Agreement/{nordost.Id()}" })
        {
            await page.GetAsync(path);
        }

        var readsOfNames = await app.AccessLogAsync(a => a.EntityType == "GovernanceGroup" && a.UserName == Coordinator);
        Assert.NotEmpty(readsOfNames);
    }
}
