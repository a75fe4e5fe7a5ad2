using Arbetsvagen.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Arbetsvagen.BrowserTests;

/// <summary>
/// Consent opens the secrecy boundary for the organisation it names, and withdrawal closes it again:
/// soc.taby records a consent naming Arbetsförmedlingen, af.nordost (in another browser context) finds and
/// opens the participant, soc.taby withdraws, af.nordost gets the same 404 as for a record that does not exist.
/// </summary>
public sealed class ConsentJourneyTests(BrowserApp app) : BrowserTest(app)
{
    private const string Af = "Arbetsförmedlingen Nordöstra Stockholm";

    [Fact]
    public async Task Consent_shares_the_participant_with_the_named_organisation_until_it_is_withdrawn()
    {
        var caseworker = await LoginAsync("soc.taby");
        var participant = await RegisterParticipantAsync(caseworker);

        // Before any consent Arbetsförmedlingen cannot see the person.
        var af = await LoginAsync("af.nordost");
        await SearchAsync(af, participant.LastName, expectedCount: 0);
        await af.GotoAsync(participant.DetailsPath);
        await ExpectHeadingAsync(af, "Sidan finns inte");
        await AssertAccessibleAsync(af);

        // soc.taby records the consent.
        await caseworker.GetByRole(AriaRole.Link, new() { Name = "Registrera samtycke" }).ClickAsync();
        await ExpectHeadingAsync(caseworker, "Registrera samtycke för " + participant.FullName);
        await AssertAccessibleAsync(caseworker);
        await Expect(caseworker.GetByLabel("Identitet och kontaktuppgifter (ingår alltid)")).ToBeCheckedAsync();
        await Expect(caseworker.GetByLabel("Identitet och kontaktuppgifter (ingår alltid)")).ToBeDisabledAsync();

        // Missing recipient and purpose: errors in the summary and at the fields, nothing recorded.
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Registrera samtycke" }).ClickAsync();
        await Expect(ErrorSummary(caseworker)).ToBeVisibleAsync();
        await Expect(ErrorSummary(caseworker).GetByRole(AriaRole.Listitem)).Not.ToHaveCountAsync(0);
        await AssertAccessibleAsync(caseworker);

        await caseworker.GetByLabel(Af).CheckAsync();
        await caseworker.GetByLabel("Utbildning, språk och arbetslivserfarenhet").CheckAsync();
        await caseworker.GetByLabel("Syfte").FillAsync("Gemensam kartläggning inför insats hos Arbetsförmedlingen.");
        await caseworker.GetByLabel("Skriftligt").CheckAsync();
        await caseworker.GetByRole(AriaRole.Button, new() { Name = "Registrera samtycke" }).ClickAsync();

        await ExpectHeadingAsync(caseworker, participant.FullName);
        await Expect(Flash(caseworker)).ToHaveTextAsync("Samtycket är registrerat.");
        var consent = caseworker.Locator("section[aria-labelledby=consents-heading] tbody tr");
        await Expect(consent).ToHaveCountAsync(1);
        await Expect(consent).ToContainTextAsync(Af);
        await Expect(consent).ToContainTextAsync("Utbildning, språk och arbetslivserfarenhet");
        await Expect(consent.Locator(".badge")).ToHaveTextAsync("Gäller");
        await AssertAccessibleAsync(caseworker);

        // Arbetsförmedlingen now finds the participant, marked as shared, and opens it read-only.
        await SearchAsync(af, participant.LastName, expectedCount: 1);
        var row = af.Locator("table tbody tr");
        await Expect(row).ToContainTextAsync(participant.Personnummer);
        await Expect(row.Locator(".badge")).ToHaveTextAsync("via samtycke");
        await row.GetByRole(AriaRole.Link, new() { Name = $"{participant.LastName}, {participant.FirstName}" }).ClickAsync();
        await ExpectHeadingAsync(af, participant.FullName);
        await Expect(af.Locator(".badge", new() { HasText = "Delad via samtycke" })).ToBeVisibleAsync();
        await Expect(af.GetByRole(AriaRole.Link, new() { Name = "Ändra uppgifter" })).ToHaveCountAsync(0);
        await Expect(af.GetByRole(AriaRole.Link, new() { Name = "Registrera samtycke" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync(af);

        // soc.taby withdraws the consent.
        await caseworker.ReloadAsync();
        await caseworker.GetByRole(AriaRole.Button, new() { Name = $"Återkalla samtycket till {Af}" }).ClickAsync();
        await Expect(Flash(caseworker)).ToHaveTextAsync("Samtycket är återkallat. Delningen har upphört.");
        await Expect(consent.Locator(".badge")).ToContainTextAsync("Återkallat");
        await Expect(caseworker.GetByRole(AriaRole.Button, new() { Name = $"Återkalla samtycket till {Af}" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync(caseworker);

        // Immediately, Arbetsförmedlingen gets the 404 page and the search no longer finds the person.
        var response = await af.ReloadAsync();
        Assert.Equal(404, response!.Status);
        await ExpectHeadingAsync(af, "Sidan finns inte");
        await Expect(af.GetByText(participant.LastName)).ToHaveCountAsync(0);
        await AssertAccessibleAsync(af);
        await SearchAsync(af, participant.LastName, expectedCount: 0);
    }

    private static async Task SearchAsync(IPage page, string text, int expectedCount)
    {
        await MainNav(page).GetByRole(AriaRole.Link, new() { Name = "Deltagare", Exact = true }).ClickAsync();
        await ExpectHeadingAsync(page, "Deltagare");
        var search = page.GetByLabel("Sök på namn eller personnummer");
        await search.FillAsync(text);
        await search.PressAsync("Enter");
        await Expect(page.Locator("main p[role=status]")).ToHaveTextAsync($"{expectedCount} deltagare matchar sökningen.");
        await Expect(page.Locator("table tbody tr")).ToHaveCountAsync(expectedCount);
        await AssertAccessibleAsync(page);
    }
}
