using Arbetsvagen.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Arbetsvagen.BrowserTests;

/// <summary>The occupation picker with JavaScript: a combobox that lists the server's suggestions, used by keyboard.</summary>
public sealed class OccupationPickerTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_caseworker_picks_occupations_from_the_suggestions_with_arrow_keys_Enter_and_Escape()
    {
        var page = await LoginAsync("soc.taby");
        var keyboard = page.Keyboard;
        var lastName = TestPeople.UniqueLastName("Yrkesson");
        await VisitAsync(page, "/Participants/Create", "Ny deltagare");
        await page.GetByLabel("Personnummer eller samordningsnummer").FillAsync(App.People.NextPersonnummer());
        await page.GetByLabel("Förnamn").FillAsync("Testa");
        await page.GetByLabel("Efternamn").FillAsync(lastName);
        await page.GetByLabel("Hemkommun").SelectOptionAsync("0160");

        var experience = page.GetByRole(AriaRole.Combobox, new() { Name = "Erfarenhet 1" });
        await Expect(experience).ToHaveAttributeAsync("aria-expanded", "false");
        await TabToAsync(page, experience);
        await keyboard.TypeAsync("sjuksköt");
        var options = page.Locator("#Input_OccupationsOfExperience-listbox").GetByRole(AriaRole.Option);
        await Expect(experience).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(options).ToHaveCountAsync(20);
        await Expect(options.First).ToHaveTextAsync("Sjuksköterska, grundutbildad");
        await Expect(options.Nth(1)).ToHaveTextAsync("Sjuksköterskestuderande");
        await AssertAccessibleAsync(page);

        // Down, down, up, down: the highlighted option is the field's active descendant.
        await keyboard.PressAsync("ArrowDown");
        await Expect(experience).ToHaveAttributeAsync("aria-activedescendant", "Input_OccupationsOfExperience-listbox-0");
        await Expect(options.First).ToHaveAttributeAsync("aria-selected", "true");
        await keyboard.PressAsync("ArrowDown");
        await keyboard.PressAsync("ArrowUp");
        await Expect(experience).ToHaveAttributeAsync("aria-activedescendant", "Input_OccupationsOfExperience-listbox-0");
        await keyboard.PressAsync("ArrowDown");
        await Expect(options.Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(options.First).ToHaveAttributeAsync("aria-selected", "false");
        // Enter takes the highlighted suggestion and does not send the form.
        await keyboard.PressAsync("Enter");
        await Expect(experience).ToHaveValueAsync("Sjuksköterskestuderande");
        await Expect(experience).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(ErrorSummary(page)).ToHaveCountAsync(0);
        await ExpectHeadingAsync(page, "Ny deltagare");

        // Escape closes the list and leaves the text.
        var interest = page.GetByRole(AriaRole.Combobox, new() { Name = "Intresse 1" });
        await TabToAsync(page, interest);
        await keyboard.TypeAsync("barnskö");
        await Expect(interest).ToHaveAttributeAsync("aria-expanded", "true");
        await keyboard.PressAsync("Escape");
        await Expect(interest).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(interest).ToHaveValueAsync("barnskö");
        await keyboard.PressAsync("ArrowDown");
        await Expect(interest).ToHaveAttributeAsync("aria-expanded", "true");
        await keyboard.PressAsync("ArrowDown");
        await keyboard.PressAsync("Enter");
        await Expect(interest).ToHaveValueAsync("Barnskötare");

        // Enter with no suggestion highlighted sends the form as usual.
        await keyboard.PressAsync("Enter");
        await ExpectHeadingAsync(page, $"Testa {lastName}");
        await Expect(Flash(page)).ToHaveTextAsync("Deltagaren är registrerad.");
        var background = page.Locator("section[aria-labelledby=background-heading]");
        await Expect(background).ToContainTextAsync("Sjuksköterskestuderande");
        await Expect(background).ToContainTextAsync("Barnskötare");
        await AssertAccessibleAsync(page);
    }
}
