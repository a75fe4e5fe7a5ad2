using Arbetsvagen.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Arbetsvagen.BrowserTests;

/// <summary>Start pages in a browser: the cards of Mina ärenden lead to their lists, the tables stack at 320 px, the Analytiker and Samordnare views pass axe; and the public page of open opportunities works by keyboard.</summary>
public sealed class StartPageJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_caseworker_follows_a_counter_card_and_reads_every_date_on_a_320_px_screen()
    {
        var jobb = await LoginAsync("jobb.taby");

        await jobb.Locator("ul.counters a[href='#no-plan']").ClickAsync();
        await Expect(jobb).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("#no-plan$"));
        await Expect(jobb.Locator("#no-plan")).ToBeInViewportAsync();

        await jobb.SetViewportSizeAsync(320, 800);
        var cells = jobb.Locator("#recent-heading ~ .table-scroll tbody td[data-label='Ändrad']");
        Assert.True(await cells.CountAsync() > 0, "The demo unit has recently changed participants.");
        var box = (await cells.First.BoundingBoxAsync())!;
        Assert.True(box.X >= 0 && box.X + box.Width <= 320, $"The date lies at {box.X}–{box.X + box.Width} px, outside a 320 px screen.");
        Assert.Equal(0, await jobb.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        await AssertAccessibleAsync(jobb);
    }

    [Theory]
    [InlineData("analytiker", "Samverkan i siffror")]
    [InlineData("samordnare.nordost", "Remissflöden de senaste 12 månaderna")]
    public async Task The_roles_without_individual_work_get_an_accessible_start_page_of_their_own(string userName, string section)
    {
        var page = await LoginAsync(userName); // lands on Mina ärenden and runs axe there

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = section, Level = 2 })).ToBeVisibleAsync();
        await page.SetViewportSizeAsync(320, 800);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Someone_looking_for_work_filters_the_public_page_by_keyboard_and_finds_how_to_apply()
    {
        var visitor = await NewPageAsync();
        await VisitAsync(visitor, "/Public", "Lediga praktikplatser och jobbspår");
        await Expect(visitor.Locator("main")).ToContainTextAsync("Så söker du");

        var kind = visitor.GetByLabel("Typ");
        await TabToAsync(visitor, kind);
        await kind.SelectOptionAsync(new SelectOptionValue { Label = "Jobbspår" });
        await TabToAsync(visitor, visitor.GetByRole(AriaRole.Button, new() { Name = "Visa" }));
        await visitor.Keyboard.PressAsync("Enter");
        await Expect(visitor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("kind=jobTrack"));
        var cards = visitor.Locator("ul.opportunities > li");
        Assert.True(await cards.CountAsync() > 0, "The demo region has a job track in recruitment (service assistants with Ambea).");
        foreach (var card in await cards.AllAsync())
        {
            await Expect(card).ToContainTextAsync("Jobbspår");
            await Expect(card).ToContainTextAsync("JS-");
        }

        await AssertAccessibleAsync(visitor);
        await visitor.SetViewportSizeAsync(320, 800);
        Assert.Equal(0, await visitor.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth"));
        await AssertAccessibleAsync(visitor);
    }
}
