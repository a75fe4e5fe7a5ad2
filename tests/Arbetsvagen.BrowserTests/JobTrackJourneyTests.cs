using Arbetsvagen.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Arbetsvagen.BrowserTests;

/// <summary>
/// A job track from idea to recruitment on its page, axe-checked at each step: jobb.taby creates it (a refused empty
/// form first), moves it on as team, decision, document and requirement profile are added, and proposes a participant
/// of their own unit by personnummer.
/// </summary>
public sealed class JobTrackJourneyTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task A_job_track_is_created_and_brought_to_recruitment_with_a_candidate()
    {
        var page = await LoginAsync("jobb.taby");
        var participant = await RegisterParticipantAsync(page);
        await MainNav(page).GetByRole(AriaRole.Link, new() { Name = "Jobbspår" }).ClickAsync();
        await ExpectHeadingAsync(page, "Jobbspår");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Nytt jobbspår" }).ClickAsync();
        await ExpectHeadingAsync(page, "Nytt jobbspår");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa jobbspår" }).ClickAsync();
        await Expect(ErrorSummary(page)).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        var title = "Bussförare " + Arbetsvagen.Tests.Infrastructure.TestPeople.UniqueLastName("Resa");
        await page.GetByLabel("Namn på jobbspåret").FillAsync(title);
        await page.GetByLabel("Yrke", new() { Exact = true }).FillAsync("Bussförare");
        await page.GetByLabel("Utbildningsanordnare").SelectOptionAsync(new SelectOptionValue { Label = "Norrtälje vuxenutbildning" });
        await page.GetByLabel("Upplägg").FillAsync("25 veckor Komvux");
        await page.GetByLabel("Startdatum").FillAsync(Iso(Today.AddDays(30)));
        await page.GetByLabel("Längd i veckor").FillAsync("25");
        await page.GetByLabel("Regi").SelectOptionAsync("municipality");
        await page.GetByLabel("Anställningsform").SelectOptionAsync("newStartJob");
        await page.GetByLabel("Arbetsplatsens kommun").SelectOptionAsync("0188");
        await page.GetByLabel("Antal utbildningsplatser").FillAsync("10");
        await page.GetByLabel("Förväntat antal anställningar").FillAsync("8");
        await page.GetByRole(AriaRole.Button, new() { Name = "Skapa jobbspår" }).ClickAsync();
        await ExpectHeadingAsync(page, title);
        await Expect(Flash(page)).ToHaveTextAsync("Jobbspåret är skapat.");
        await AssertAccessibleAsync(page);

        await Move(page, "Flytta till behovsfångst");
        await page.GetByLabel("Namn", new() { Exact = true }).FillAsync("Eva Ström");
        await page.GetByLabel("Roll", new() { Exact = true }).FillAsync("Projektledare");
        await page.GetByLabel("Organisation", new() { Exact = true }).FillAsync("Täby kommun");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lägg till i kompetensteamet" }).ClickAsync();
        await Expect(Flash(page)).ToHaveTextAsync("Personen är tillagd i kompetensteamet.");
        await Move(page, "Flytta till planering");

        await page.Locator("#Decision_DecidedOn").FillAsync(Iso(Today));
        await page.Locator("#Decision_Reference").FillAsync("SG 2026/21");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara beslutet" }).ClickAsync();
        await page.Locator("#Document_Kind").SelectOptionAsync("supplierAgreement");
        await page.Locator("#Document_Date").FillAsync(Iso(Today));
        await page.Locator("#Document_Reference").FillAsync("LA-2026-9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera dokumentet" }).ClickAsync();
        await Expect(Flash(page)).ToHaveTextAsync("Dokumentet är registrerat.");
        await Move(page, "Flytta till beslutad");

        await page.GetByLabel("Kravet gäller").First.SelectOptionAsync("drivingLicence");
        await page.GetByLabel("Värde").First.FillAsync("B");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara kravprofilen" }).ClickAsync();
        await Expect(Flash(page)).ToHaveTextAsync("Kravprofilen är sparad.");
        await Move(page, "Flytta till rekrytering");

        await page.GetByLabel("Deltagarens personnummer").FillAsync(participant.Personnummer);
        await page.GetByRole(AriaRole.Button, new() { Name = "Föreslå kandidaten" }).ClickAsync();
        await Expect(Flash(page)).ToHaveTextAsync("Kandidaten är föreslagen.");
        var candidates = page.Locator("section[aria-labelledby=candidates-heading] tbody tr");
        await Expect(candidates).ToHaveCountAsync(1);
        await Expect(candidates).ToContainTextAsync(participant.FullName);
        await Expect(candidates).ToContainTextAsync("Föreslagen");
        await AssertAccessibleAsync(page);

        // The candidate's next step is reachable by keyboard.
        var withdraw = page.GetByRole(AriaRole.Button, new() { Name = $"Avbruten: {participant.FullName}" });
        await TabToAsync(page, withdraw);
    }

    private static async Task Move(IPage page, string button)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button }).ClickAsync();
        await Expect(Flash(page)).ToHaveTextAsync("Jobbspåret har flyttats till nästa steg.");
        await AssertAccessibleAsync(page);
    }
}
