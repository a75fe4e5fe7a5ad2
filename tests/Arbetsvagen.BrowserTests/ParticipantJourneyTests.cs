using Arbetsvagen.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Arbetsvagen.BrowserTests;

/// <summary>A caseworker logs in and registers a participant; wrong and duplicate numbers are refused.</summary>
public sealed class ParticipantJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Caseworker_registers_a_participant_and_records_consent_using_only_the_keyboard()
    {
        var page = await NewPageAsync();
        var keyboard = page.Keyboard;
        var number = App.People.NextPersonnummer();
        var lastName = TestPeople.UniqueLastName("Tangentsson");

        // Log in: the first Tab reaches the skip link, which is visible when focused and moves focus to the content.
        await VisitAsync(page, "/Account/Login", "Logga in");
        await keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Hoppa till innehållet" });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
        await keyboard.PressAsync("Enter");
        await Expect(page.Locator("main")).ToBeFocusedAsync();
        await keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Användarnamn")).ToBeFocusedAsync();
        await keyboard.TypeAsync("soc.taby");
        await keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Lösenord")).ToBeFocusedAsync();
        await keyboard.TypeAsync(BrowserApp.DemoPassword);
        await keyboard.PressAsync("Enter");
        await ExpectHeadingAsync(page, "Mina ärenden");
        await AssertAccessibleAsync(page);

        // Mina ärenden → Ny deltagare through the main menu.
        await TabToAsync(page, MainNav(page).GetByRole(AriaRole.Link, new() { Name = "Ny deltagare" }));
        await keyboard.PressAsync("Enter");
        await ExpectHeadingAsync(page, "Ny deltagare");
        await AssertAccessibleAsync(page);

        // Sent empty: focus lands on the error summary; its first link leads to the field.
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Registrera deltagare" }));
        await keyboard.PressAsync("Enter");
        await Expect(ErrorSummary(page)).ToBeFocusedAsync();
        await AssertAccessibleAsync(page);
        await keyboard.PressAsync("Tab");
        var firstError = ErrorSummary(page).GetByRole(AriaRole.Link).First;
        await Expect(firstError).ToBeFocusedAsync();
        var target = (await firstError.GetAttributeAsync("href"))!;
        await keyboard.PressAsync("Enter");
        await Expect(page.Locator(target)).ToBeFocusedAsync();

        await TabToAsync(page, page.GetByLabel("Personnummer eller samordningsnummer"));
        await keyboard.TypeAsync(number);
        await TabToAsync(page, page.GetByLabel("Förnamn"));
        await keyboard.TypeAsync("Tora");
        await keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Efternamn")).ToBeFocusedAsync();
        await keyboard.TypeAsync(lastName);
        await keyboard.PressAsync("Tab");
        var gender = page.GetByLabel("Kön");
        await Expect(gender).ToBeFocusedAsync();
        await keyboard.TypeAsync("Kvinna");
        await Expect(gender).ToHaveValueAsync("woman");
        await keyboard.PressAsync("Tab");
        var municipality = page.GetByLabel("Hemkommun");
        await Expect(municipality).ToBeFocusedAsync();
        // Playwright types "ä" as inserted text, which a select's type-ahead never sees, so type "Ty" (Tyresö) and step
        // down once: in Swedish order Täby follows Tyresö (Å, Ä, Ö come after Z).
        await keyboard.TypeAsync("Ty");
        await keyboard.PressAsync("ArrowDown");
        await Expect(municipality).ToHaveValueAsync("0160");
        await TabToAsync(page, page.GetByLabel("Behöver tolk"));
        await keyboard.PressAsync("Space");
        await Expect(page.GetByLabel("Behöver tolk")).ToBeCheckedAsync();
        await keyboard.PressAsync("Tab");
        await keyboard.TypeAsync("Arabiska");
        await Expect(page.GetByLabel("Tolkspråk")).ToHaveValueAsync("Arabiska");
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Registrera deltagare" }));
        await keyboard.PressAsync("Enter");

        await ExpectHeadingAsync(page, $"Tora {lastName}");
        await Expect(Flash(page)).ToHaveTextAsync("Deltagaren är registrerad.");
        await Expect(page.Locator("section[aria-labelledby=identity-heading]")).ToContainTextAsync(number);
        await Expect(page.Locator("section[aria-labelledby=background-heading]")).ToContainTextAsync("Ja, Arabiska");
        await AssertAccessibleAsync(page);
        var participant = new RegisteredParticipant(IdFromUrl(page.Url), number, "Tora", lastName);

        // Details → Registrera samtycke: tick the recipient, one category, write the purpose, submit.
        await TabToAsync(page, page.GetByRole(AriaRole.Link, new() { Name = "Registrera samtycke" }));
        await keyboard.PressAsync("Enter");
        await ExpectHeadingAsync(page, "Registrera samtycke för Tora " + lastName);
        await AssertAccessibleAsync(page);
        var recipient = page.GetByLabel("Arbetsförmedlingen Nordöstra Stockholm");
        await TabToAsync(page, recipient);
        await keyboard.PressAsync("Space");
        await Expect(recipient).ToBeCheckedAsync();
        var background = page.GetByLabel("Utbildning, språk och arbetslivserfarenhet");
        await TabToAsync(page, background);
        await keyboard.PressAsync("Space");
        await Expect(background).ToBeCheckedAsync();
        await TabToAsync(page, page.GetByLabel("Syfte"));
        await keyboard.TypeAsync("Gemensam planering av stöd till arbete.");
        await TabToAsync(page, page.GetByRole(AriaRole.Button, new() { Name = "Registrera samtycke" }));
        await keyboard.PressAsync("Enter");

        await ExpectHeadingAsync(page, participant.FullName);
        await Expect(Flash(page)).ToHaveTextAsync("Samtycket är registrerat.");
        var row = page.Locator("section[aria-labelledby=consents-heading] tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Arbetsförmedlingen Nordöstra Stockholm");
        await Expect(row).ToContainTextAsync("Gäller");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task An_invalid_personnummer_is_shown_in_the_error_summary_and_at_the_field_and_nothing_is_created()
    {
        var page = await LoginAsync("soc.taby");
        var lastName = TestPeople.UniqueLastName("Felsson");
        await MainNav(page).GetByRole(AriaRole.Link, new() { Name = "Ny deltagare" }).ClickAsync();
        await ExpectHeadingAsync(page, "Ny deltagare");
        await AssertAccessibleAsync(page);

        // A real date with a wrong check digit (the official number ends in another digit).
        var valid = App.People.NextPersonnummer();
        var wrong = valid[..^1] + (char)('0' + ((valid[^1] - '0' + 1) % 10));
        await page.GetByLabel("Personnummer eller samordningsnummer").FillAsync(wrong);
        await page.GetByLabel("Förnamn").FillAsync("Fela");
        await page.GetByLabel("Efternamn").FillAsync(lastName);
        await page.GetByLabel("Hemkommun").SelectOptionAsync("0160");
        await page.GetByLabel("Efternamn").PressAsync("Enter");

        await ExpectHeadingAsync(page, "Ny deltagare");
        var summary = ErrorSummary(page);
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Rätta följande");
        var link = summary.GetByRole(AriaRole.Link, new() { Name = "Kontrollsiffran stämmer inte." });
        await Expect(link).ToHaveAttributeAsync("href", "#Input_PersonalIdentityNumber");
        var field = page.GetByLabel("Personnummer eller samordningsnummer");
        await Expect(field).ToHaveValueAsync(wrong);
        await Expect(field).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("input-validation-error"));
        await Expect(page.Locator("#Input_PersonalIdentityNumber-error")).ToHaveTextAsync("Kontrollsiffran stämmer inte.");
        await Expect(field).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(field).ToHaveAccessibleDescriptionAsync(new System.Text.RegularExpressions.Regex("Kontrollsiffran stämmer inte\\.$"));
        await AssertAccessibleAsync(page);

        // A number that is not even a date: the format message.
        await field.FillAsync("19991399-1234");
        await field.PressAsync("Enter");
        await Expect(ErrorSummary(page)).ToContainTextAsync("Datumet i personnumret finns inte.");
        await AssertAccessibleAsync(page);

        // Nothing was created: a search for the surname finds no one.
        await SearchParticipantsAsync(page, lastName);
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("0 deltagare matchar sökningen");
        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_same_personnummer_twice_is_refused_with_a_link_to_the_existing_record()
    {
        var page = await LoginAsync("soc.taby");
        var first = await RegisterParticipantAsync(page);

        await VisitAsync(page, "/Participants/Create", "Ny deltagare");
        await page.GetByLabel("Personnummer eller samordningsnummer").FillAsync(first.Personnummer.Replace("-", "", StringComparison.Ordinal));
        await page.GetByLabel("Förnamn").FillAsync("Dubbla");
        await page.GetByLabel("Efternamn").FillAsync(TestPeople.UniqueLastName("Dubbelsson"));
        await page.GetByLabel("Hemkommun").SelectOptionAsync("0160");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera deltagare" }).ClickAsync();

        await ExpectHeadingAsync(page, "Ny deltagare");
        var duplicate = page.Locator(".error-summary", new() { HasText = "Personen finns redan" });
        await Expect(duplicate).ToContainTextAsync("Personen är redan registrerad i din organisation.");
        await Expect(duplicate).ToBeFocusedAsync();
        await Expect(page.Locator("#Input_PersonalIdentityNumber-error")).ToHaveTextAsync("Personen är redan registrerad i din organisation.");
        await AssertAccessibleAsync(page);

        await duplicate.GetByRole(AriaRole.Link, new() { Name = "Öppna den befintliga posten" }).ClickAsync();
        await ExpectHeadingAsync(page, first.FullName);
        Assert.Equal(first.Id, IdFromUrl(page.Url));
        await AssertAccessibleAsync(page);
    }

    private static async Task SearchParticipantsAsync(IPage page, string text)
    {
        await VisitAsync(page, "/Participants", "Deltagare");
        var search = page.GetByLabel("Sök på namn eller personnummer");
        await search.FillAsync(text);
        await search.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("matchar sökningen");
        await AssertAccessibleAsync(page);
    }
}
