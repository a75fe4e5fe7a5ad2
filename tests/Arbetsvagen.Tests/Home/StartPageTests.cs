using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Arbetsvagen.Compositions.Home;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;

namespace Arbetsvagen.Tests.Home;

/// <summary>The start page: counter cards that lead to their lists, tables that stack on a narrow screen, and what the roles without individual work see.</summary>
public sealed partial class StartPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [GeneratedRegex(@"\d{6}(\d{2})?[-+]?\d{4}")]
    private static partial Regex PersonnummerLike();

    [Fact]
    public async Task Each_counter_card_leads_to_the_list_it_counts()
    {
        var page = await (await PageSession.SignInAsync(app, "jobb.taby")).PageAsync("/");

        var cards = page.QuerySelectorAll("ul.counters a.card-link").ToList();
        Assert.Equal(9, cards.Count);
        foreach (var card in cards)
        {
            var href = card.GetAttribute("href")!;
            if (href.StartsWith('#'))
            {
                var list = page.GetElementById(href[1..]);
                Assert.True(list is not null, $"The card \"{card.TextContent.Trim()}\" leads to {href}, which the page does not have.");
                Assert.Equal("SECTION", list!.TagName);
            }
            else
            {
                Assert.Equal("/Participants", href);
            }
        }

        Assert.Contains(cards, c => c.GetAttribute("href") == "#no-plan" && c.TextContent.Contains("utan plan", StringComparison.Ordinal));
        Assert.Contains(cards, c => c.GetAttribute("href") == "#to-answer" && c.TextContent.Contains("nya remisser", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_start_pages_tables_stack_on_a_narrow_screen_with_each_cell_named_by_its_column()
    {
        var jobb = await PageSession.SignInAsync(app, "jobb.taby");
        var participant = (await app.ReferToTheJobCentreAsync(reportInDays: 5)).Participant;

        var page = await jobb.PageAsync("/");

        // The role's panel of figures is a report (its tables scroll in their own region); the work list's tables stack.
        var tables = page.QuerySelectorAll("main table:not(.report-table)").ToList();
        Assert.NotEmpty(tables);
        Assert.Contains(page.QuerySelectorAll("#to-answer td"), td => td.TextContent.Contains(participant.LastName, StringComparison.Ordinal));
        foreach (var table in tables)
        {
            Assert.Contains("stack-narrow", table.ClassList);
            var columns = table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList();
            foreach (var row in table.QuerySelectorAll("tbody tr"))
            {
                Assert.Equal(columns, row.QuerySelectorAll("td").Select(td => td.GetAttribute("data-label")));
            }
        }

        var css = await jobb.Client.GetStringAsync("/css/site.css");
        Assert.Matches(@"@media \(max-width: 40rem\) \{\s*table\.stack-narrow thead", css);
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "färre än 5")]
    [InlineData(4, "färre än 5")]
    [InlineData(5, "5")]
    [InlineData(17, "17")]
    public void Small_counts_are_shown_as_fewer_than_five(int count, string shown) =>
        Assert.Equal(shown, new ProtectedCount(count).ToString());

    [Fact]
    public async Task The_analysts_start_page_shows_counts_and_no_person_and_logs_nothing()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var analyst = await PageSession.SignInAsync(app, "analytiker");
        var before = (await app.AccessLogAsync(a => a.UserName == "analytiker")).Count;

        var page = await analyst.PageAsync("/");

        var headings = page.QuerySelectorAll("#figures h3").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Registrerade deltagare per organisation", "Öppna ärenden per läge", "Remisser de senaste 12 månaderna per läge"], headings);
        var figures = page.QuerySelectorAll("#figures td.figure").Select(td => td.TextContent.Trim()).ToList();
        Assert.NotEmpty(figures);
        Assert.All(figures, f => Assert.True(f is "0" or "färre än 5" || int.Parse(f.Replace("\u00a0", "", StringComparison.Ordinal), CultureInfo.InvariantCulture) >= 5,
            $"A count shown as \"{f}\" could point at a few persons."));
        Assert.Contains(page.QuerySelectorAll("#figures td"), td => td.TextContent.Trim() == HomeTestData.TabySocialServices);
        Assert.Contains(page.QuerySelectorAll("#figures td"), td => td.TextContent.Trim() == "Pågående");

        var text = page.Body!.TextContent;
        Assert.DoesNotContain(participant.LastName, text, StringComparison.Ordinal);
        Assert.DoesNotMatch(PersonnummerLike(), text);
        Assert.DoesNotContain("/Participants/Details", page.Body.InnerHtml, StringComparison.Ordinal);
        Assert.Equal(before, (await app.AccessLogAsync(a => a.UserName == "analytiker")).Count);
    }

    [Fact]
    public async Task The_coordinators_start_page_shows_the_organisations_the_referral_flows_and_the_access_they_have()
    {
        var participant = (await app.ReferToTheJobCentreAsync()).Participant;
        var coordinator = await PageSession.SignInAsync(app, "samordnare.nordost");

        var page = await coordinator.PageAsync("/");

        Assert.Contains("aldrig uppgifter om enskilda deltagare", page.GetElementById("access")!.TextContent, StringComparison.Ordinal);
        var flow = page.QuerySelectorAll("#flows tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())
            .Single(cells => cells[0] == HomeTestData.TabySocialServices && cells[1] == HomeTestData.TabyJobCentre);
        Assert.True(flow[2] == "färre än 5" || int.Parse(flow[2], CultureInfo.InvariantCulture) >= 5);
        var organisations = page.QuerySelectorAll("#organisations li").Select(li => li.TextContent).ToList();
        Assert.Contains(organisations, o => o.Contains("Täby kommun (Kommun)", StringComparison.Ordinal) && o.Contains(HomeTestData.TabyJobCentre, StringComparison.Ordinal));
        Assert.DoesNotContain(participant.LastName, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotMatch(PersonnummerLike(), page.Body.TextContent);
        Assert.Null(page.GetElementById("figures")); // the analyst's counts are not the coordinator's
    }

    [Fact]
    public async Task A_caseworkers_panel_counts_the_units_open_cases_without_a_plan_and_shows_the_chart_with_its_table()
    {
        var soc = await PageSession.SignInAsync(app, "soc.taby");
        var before = Rows(await soc.PageAsync("/"), "planer");

        var participant = await app.CreateParticipantAsync("soc.taby");
        var client = await app.ClientFor("soc.taby");
        await client.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/cases", new { source = "self", reason = "Söker stöd" })
            .ShouldBe(HttpStatusCode.Created);
        var page = await soc.PageAsync("/");
        var after = Rows(page, "planer");

        Assert.Equal(Number(before["Utan aktuell plan"][0]) + 1, Number(after["Utan aktuell plan"][0]));
        Assert.Equal(Number(before["Totalt"][0]) + 1, Number(after["Totalt"][0]));
        Assert.Equal(Number(after["Med aktuell plan"][0]) + Number(after["Utan aktuell plan"][0]), Number(after["Totalt"][0]));
        var chart = page.QuerySelector("#dashboard figure img")!;
        Assert.StartsWith("data:image/svg+xml", chart.GetAttribute("src"));
        Assert.Contains($"av {Number(after["Totalt"][0])} deltagare med öppet ärende", chart.GetAttribute("alt"));
        Assert.NotNull(page.QuerySelector("#dashboard figcaption a[href='#tabell-planer']"));
        Assert.NotNull(Rows(page, "aterrapporter"));
    }

    [Fact]
    public async Task A_coordinators_panel_shows_each_recruiting_job_track_with_its_fill_rate_recomputed_from_places_and_admitted()
    {
        var page = await (await PageSession.SignInAsync(app, "samordnare.nordost")).PageAsync("/");
        var rows = Rows(page, "jobbspar-fyllnad");

        Assert.NotEmpty(rows); // the demo has tracks in recruitment
        foreach (var (track, cells) in rows)
        {
            Assert.Contains(cells[0], new[] { "Beslutad", "Rekrytering" });
            var (places, admitted) = (Number(cells[1]), Number(cells[2]));
            Assert.Equal(Math.Round(100m * admitted / places, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.GetCultureInfo("sv-SE")) + " %", cells[3]);
            Assert.Contains($"{track}: {admitted} antagna av {places} platser", page.QuerySelector("#dashboard figure img")!.GetAttribute("alt"));
        }
    }

    [Fact]
    public async Task An_analysts_panel_shows_twelve_months_by_gender_with_no_count_from_1_to_4_and_totals_that_add_up()
    {
        var page = await (await PageSession.SignInAsync(app, "analytiker")).PageAsync("/");
        var rows = Rows(page, "trend");

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(12, rows.Count);
        Assert.Equal(today.ToString("yyyy-MM", CultureInfo.InvariantCulture), rows.Keys.Last());
        foreach (var cells in rows.Values)
        {
            Assert.All(cells, c => Assert.True(c is "<5" or ".." || (Number(c) is 0 or >= 5), $"\"{c}\" is shown"));
            if (cells.All(c => c is not ("<5" or "..")))
            {
                Assert.Equal(Number(cells[0]) + Number(cells[1]) + Number(cells[2]), Number(cells[3]));
            }
        }
    }

    /// <summary>A dashboard table's rows by label, the other cells as shown.</summary>
    private static Dictionary<string, string[]> Rows(AngleSharp.Html.Dom.IHtmlDocument page, string key) =>
        page.QuerySelector($"#dashboard table#tabell-{key}")!.QuerySelectorAll("tbody tr").ToDictionary(
            r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToArray());

    private static int Number(string text) => int.Parse(text.Replace("\u00a0", "").Replace(" ", ""), CultureInfo.InvariantCulture);
}
