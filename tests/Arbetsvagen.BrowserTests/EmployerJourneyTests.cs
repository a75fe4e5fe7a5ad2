using System.Globalization;
using Arbetsvagen.BrowserTests.Infrastructure;
using Arbetsvagen.Features.Employers;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Arbetsvagen.BrowserTests;

/// <summary>
/// The employer register in a browser: register an employer (refused first), a contact person, a contact with a
/// follow-up that lands on Mina ärenden, and a competence need taken on; then the public form for employers, without
/// login and by keyboard, and the accessibility statement. Every page passes axe.
/// </summary>
public sealed class EmployerJourneyTests(BrowserApp app) : BrowserTest(app)
{
    private static string NewNumber()
    {
        // The third digit (8) keeps it from looking like a personnummer.
        var nine = "558" + Random.Shared.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        return nine + OrganisationNumber.CheckDigit(nine).ToString(CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_consultant_registers_an_employer_logs_a_contact_and_a_need_and_meets_the_follow_up_on_the_work_list()
    {
        var jobb = await LoginAsync("jobb.taby");
        await MainNav(jobb).GetByRole(AriaRole.Link, new() { Name = "Arbetsgivare" }).ClickAsync();
        await ExpectHeadingAsync(jobb, "Arbetsgivare");
        await Expect(jobb.Locator("table tbody tr")).Not.ToHaveCountAsync(0);
        await AssertAccessibleAsync(jobb);

        await jobb.GetByRole(AriaRole.Link, new() { Name = "Ny arbetsgivare" }).ClickAsync();
        await ExpectHeadingAsync(jobb, "Ny arbetsgivare");
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Registrera arbetsgivaren" }).ClickAsync();
        await Expect(ErrorSummary(jobb)).ToContainTextAsync("Ange organisationsnummer");
        await AssertAccessibleAsync(jobb);

        var name = "Journeybolaget " + Guid.NewGuid().ToString("N")[..6] + " AB";
        await jobb.GetByLabel("Organisationsnummer").FillAsync(NewNumber());
        await jobb.GetByLabel("Namn", new() { Exact = true }).FillAsync(name);
        await jobb.GetByLabel("Bransch (SNI 2007)").SelectOptionAsync("493");
        await jobb.GetByLabel("Storlek").SelectOptionAsync(new SelectOptionValue { Label = "50–249 anställda" });
        await jobb.GetByLabel("Arbetsställets namn").FillAsync("Depån");
        await jobb.GetByLabel("Gatuadress").FillAsync("Provvägen 2");
        await jobb.GetByLabel("Postnummer").FillAsync("18370");
        await jobb.GetByLabel("Postort").FillAsync("Täby");
        await jobb.GetByLabel("Kommun", new() { Exact = true }).SelectOptionAsync("0160");
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Registrera arbetsgivaren" }).ClickAsync();
        await ExpectHeadingAsync(jobb, name);
        await Expect(Flash(jobb)).ToHaveTextAsync("Arbetsgivaren är registrerad.");
        await AssertAccessibleAsync(jobb);

        var contacts = jobb.Locator("#contacts");
        await contacts.GetByLabel("Namn").FillAsync("Vera Kontakt");
        await contacts.GetByLabel("Telefon").FillAsync("08-555 123 45");
        await contacts.GetByRole(AriaRole.Button, new() { Name = "Spara kontaktpersonen" }).ClickAsync();
        await Expect(Flash(jobb)).ToHaveTextAsync("Kontaktpersonen är tillagd.");

        var log = jobb.Locator("#contact-log");
        await log.GetByRole(AriaRole.Button, new() { Name = "Spara kontakten" }).ClickAsync();
        await Expect(ErrorSummary(jobb)).ToContainTextAsync("Okänt slag av kontakt");
        await AssertAccessibleAsync(jobb);
        await log.GetByLabel("Slag av kontakt").SelectOptionAsync(new SelectOptionValue { Label = "Företagsbesök" });
        await log.GetByLabel("Datum").FillAsync(Iso(Today));
        await log.GetByLabel("Med kontaktperson").SelectOptionAsync(new SelectOptionValue { Label = "Vera Kontakt" });
        await log.GetByLabel("Vad som sades").FillAsync("De behöver bussförare till hösten.");
        await log.GetByLabel("Följ upp senast").FillAsync(Iso(Today.AddDays(2)));
        await log.GetByRole(AriaRole.Button, new() { Name = "Spara kontakten" }).ClickAsync();
        await Expect(Flash(jobb)).ToHaveTextAsync("Kontakten är dokumenterad.");

        var needs = jobb.Locator("#needs");
        await needs.GetByRole(AriaRole.Combobox, new() { Name = "Yrke" }).FillAsync("Bussförare");
        await needs.GetByLabel("Antal personer").FillAsync("10");
        await needs.GetByLabel("Anställningsform som erbjuds").SelectOptionAsync(new SelectOptionValue { Label = "Nystartsjobb" });
        await needs.GetByRole(AriaRole.Button, new() { Name = "Registrera behovet" }).ClickAsync();
        await Expect(Flash(jobb)).ToHaveTextAsync("Kompetensbehovet är registrerat.");
        await AssertAccessibleAsync(jobb);
        await jobb.Locator("#needs").GetByRole(AriaRole.Link, new() { Name = "Bussförare" }).ClickAsync();
        await ExpectHeadingAsync(jobb, "Kompetensbehov: Bussförare");
        await AssertAccessibleAsync(jobb);
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Avböj behovet" }).ClickAsync();
        await Expect(ErrorSummary(jobb)).ToContainTextAsync("skälet");
        await AssertAccessibleAsync(jobb);
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Ta upp för bearbetning" }).ClickAsync();
        await Expect(Flash(jobb)).ToHaveTextAsync("Behovet är under bearbetning.");

        await VisitAsync(jobb, "/", "Mina ärenden");
        await Expect(jobb.Locator("#employer-follow-ups")).ToContainTextAsync(name);
    }

    [Fact]
    public async Task An_employer_offers_a_placement_through_the_public_form_by_keyboard()
    {
        var visitor = await NewPageAsync();
        await VisitAsync(visitor, "/Public/Offer", "Anmäl kompetensbehov eller praktikplats");
        var send = visitor.GetByRole(AriaRole.Button, new() { Name = "Skicka anmälan" });
        await send.ClickAsync();
        await Expect(ErrorSummary(visitor)).ToContainTextAsync("Välj vad du vill anmäla");
        await AssertAccessibleAsync(visitor);

        await visitor.GetByLabel("Vad vill ni anmäla?").SelectOptionAsync(new SelectOptionValue { Label = "Erbjuder praktikplats" });
        await visitor.GetByLabel("Företagets namn").FillAsync("Tangentbordsvarvet AB");
        await visitor.GetByLabel("Organisationsnummer").FillAsync(NewNumber());
        await visitor.GetByLabel("Kommun där arbetet finns").SelectOptionAsync(new SelectOptionValue { Label = "Vaxholm" });
        await visitor.GetByLabel("Namn (krävs)", new() { Exact = true }).FillAsync("Greta Varv");
        await visitor.GetByLabel("E-post").FillAsync("greta@varv.example");
        await visitor.GetByLabel("Yrke eller arbetsuppgifter").FillAsync("Båtbyggare");
        await TabToAsync(visitor, send);
        await visitor.Keyboard.PressAsync("Enter");
        await Expect(Flash(visitor)).ToContainTextAsync("Tack! Vi har tagit emot din anmälan.");
        await AssertAccessibleAsync(visitor);

        await visitor.GetByRole(AriaRole.Link, new() { Name = "Tillgänglighetsredogörelse" }).ClickAsync();
        await ExpectHeadingAsync(visitor, "Tillgänglighetsredogörelse");
        await AssertAccessibleAsync(visitor);
    }
}
