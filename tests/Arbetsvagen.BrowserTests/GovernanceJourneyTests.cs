using Arbetsvagen.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Arbetsvagen.BrowserTests;

/// <summary>
/// A working-group meeting from agenda to decision and activity list, axe-checked at each step: the coordinator finds the
/// working group under Samverkan, records a meeting (a refused empty form first), writes the minutes with attendance,
/// records a decision, adds a point to the activity list (a due date in the past refused), finds a good example and opens
/// the year's report-back.
/// </summary>
public sealed class GovernanceJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_meeting_is_recorded_with_minutes_a_decision_and_an_action_item()
    {
        var page = await LoginAsync("samordnare.nordost");
        await MainNav(page).GetByRole(AriaRole.Link, new() { Name = "Samverkan" }).ClickAsync();
        await ExpectHeadingAsync(page, "Samverkan");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Arbetsgrupp Stockholm Nordost" }).ClickAsync();
        await ExpectHeadingAsync(page, "Arbetsgrupp Stockholm Nordost");
        await page.GetByRole(AriaRole.Button, new() { Name = "För in mötet" }).ClickAsync();
        await Expect(ErrorSummary(page)).ToContainTextAsync("Ange mötets rubrik.");
        await AssertAccessibleAsync(page);
        var title = "Extra arbetsgruppsmöte " + Arbetsvagen.Tests.Infrastructure.TestPeople.UniqueLastName("Möte");
        await page.GetByLabel("Rubrik").FillAsync(title);
        await page.GetByLabel("Mötesdatum").FillAsync(Iso(Today));
        await page.GetByLabel("Dagordning").FillAsync("1. Jobbspåren\n2. Aktivitetslistan");
        await page.GetByRole(AriaRole.Button, new() { Name = "För in mötet" }).ClickAsync();
        await ExpectHeadingAsync(page, $"{title} {Iso(Today)}");
        await Expect(Flash(page)).ToHaveTextAsync("Mötet är infört.");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Textbox, new() { Name = "Protokoll", Exact = true }).FillAsync("Jobbspåren gicks igenom.");
        await page.GetByLabel("Sofia Dahl, Projektledare, sammankallande").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara protokollet" }).ClickAsync();
        await Expect(Flash(page)).ToHaveTextAsync("Protokollet är sparat.");
        await Expect(page.Locator("section[aria-labelledby=minutes-heading] ul")).ToContainTextAsync("Sofia Dahl");

        await page.GetByRole(AriaRole.Button, new() { Name = "För in beslutet" }).ClickAsync();
        await Expect(ErrorSummary(page)).ToBeVisibleAsync();
        await page.GetByLabel("Paragraf eller referens").FillAsync("AG §4");
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Beslut", Exact = true }).FillAsync("Arbetsgruppen föreslår styrgruppen ett jobbspår mot båtvarven.");
        await page.GetByRole(AriaRole.Button, new() { Name = "För in beslutet" }).ClickAsync();
        await Expect(Flash(page)).ToHaveTextAsync("Beslutet är infört.");
        await Expect(page.Locator("#decisions")).ToContainTextAsync("AG §4");
        await AssertAccessibleAsync(page);

        await page.GotoAsync("/Governance/ActionItems");
        await ExpectHeadingAsync(page, "Aktivitetslista");
        var item = "Boka studiebesök på varvet " + Arbetsvagen.Tests.Infrastructure.TestPeople.UniqueLastName("Varv");
        await page.GetByLabel("Vad ska göras").FillAsync(item);
        await page.GetByLabel("Ansvarig").SelectOptionAsync(new SelectOptionValue { Label = "Jonas Ek" });
        await page.GetByLabel("Sista dag").FillAsync(Iso(Today.AddDays(-1)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till punkten" }).ClickAsync();
        await Expect(page.Locator("#Item_DueOn-error")).ToContainTextAsync("före dagen punkten skapas");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Sista dag").FillAsync(Iso(Today.AddDays(14)));
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till punkten" }).ClickAsync();
        await Expect(Flash(page)).ToHaveTextAsync("Punkten är tillagd.");
        await Expect(page.Locator("table")).ToContainTextAsync(item);

        await page.GotoAsync("/Governance/Examples");
        await page.GetByLabel("Sök bland exemplen").FillAsync("kompetensmäklare");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sök", Exact = true }).ClickAsync();
        await Expect(page.Locator("#examples li")).ToHaveCountAsync(1);
        await Expect(page.Locator("#examples")).ToContainTextAsync("F50");
        await AssertAccessibleAsync(page);

        await page.GotoAsync($"/Governance/Report?year={Today.Year - 1}");
        await Expect(page.Locator(".sender")).ToContainTextAsync("Avsändare: Samverkan Stockholm Nordost");
        await AssertAccessibleAsync(page);
    }
}
