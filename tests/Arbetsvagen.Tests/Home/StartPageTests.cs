using System.Globalization;
using System.Net;
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

        var tables = page.QuerySelectorAll("main table").ToList();
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
}
