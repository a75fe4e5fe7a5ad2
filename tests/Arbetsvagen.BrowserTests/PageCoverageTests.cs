using System.Text.RegularExpressions;
using Arbetsvagen.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Arbetsvagen.BrowserTests;

/// <summary>
/// Every page of the product, in the states a user meets (empty, filled, with errors, as owner and as
/// recipient of a consent), checked with axe-core; plus the page frame every page shares: one h1, a title,
/// a skip link that is the first Tab stop, and no sideways scrolling at 320 px. All findings are collected and
/// reported together.
/// Set TEST_SCREENSHOTS=/some/dir to also save a full-page screenshot of each visited page.
/// </summary>
public sealed class PageCoverageTests(BrowserApp app) : PageCoverage(app)
{
    [Fact]
    public async Task Every_page_is_free_of_wcag_a_and_aa_violations()
    {
        // Anonymous pages.
        var anonymous = await NewPageAsync();
        await TourAsync(anonymous, "/Account/Login", "Logga in");
        await TourAsync(anonymous, "/Account/Logout", "Logga ut");
        await TourAsync(anonymous, "/Error?status=404", "Sidan finns inte");
        await TourAsync(anonymous, "/Error?status=500", "Något gick fel");
        await TourAsync(anonymous, "/Public", "Lediga praktikplatser och jobbspår");
        await TourAsync(anonymous, "/Public?kind=jobTrack&area=5", "Lediga praktikplatser och jobbspår");
        await TourAsync(anonymous, "/Public?municipality=0114", "Lediga praktikplatser och jobbspår");
        await TourAsync(anonymous, "/Public/Offer", "Anmäl kompetensbehov eller praktikplats");
        await TourAsync(anonymous, "/Accessibility", "Tillgänglighetsredogörelse");
        // Where a federated sign-in lands: it moves on by itself, without JavaScript (meta refresh), to the local target.
        await TourAsync(anonymous, "/Account/Federated?ReturnUrl=%2FAccessibility", "Tillgänglighetsredogörelse");
        await anonymous.GotoAsync("/Participants");
        await ExpectHeadingAsync(anonymous, "Logga in");
        await Expect(anonymous).ToHaveURLAsync(new Regex("/Account/Login\\?ReturnUrl=%2FParticipants"));
        await CheckAsync(anonymous, "login (redirected)");

        // A caseworker: every participant page, with a participant of their own that has a consent.
        var soc = await LoginAsync("soc.taby");
        await TourAsync(soc, "/", "Mina ärenden");
        await TourAsync(soc, "/Participants", "Deltagare");
        await Expect(soc.Locator("table tbody tr")).ToHaveCountAsync(25);
        await soc.GetByRole(AriaRole.Button, new() { Name = "Nästa sida" }).ClickAsync();
        await Expect(soc.Locator(".pager")).ToContainTextAsync("Sida 2 av");
        await CheckAsync(soc, "/Participants page 2");
        await TourAsync(soc, "/Participants/Create", "Ny deltagare");
        await soc.GetByRole(AriaRole.Button, new() { Name = "Registrera deltagare" }).ClickAsync();
        await Expect(ErrorSummary(soc)).ToBeVisibleAsync();
        await CheckAsync(soc, "/Participants/Create with errors");

        var participant = await RegisterParticipantAsync(soc);
        await TourAsync(soc, $"/Consents/Create/{participant.Id}", "Registrera samtycke");
        await soc.GetByRole(AriaRole.Button, new() { Name = "Registrera samtycke" }).ClickAsync();
        await Expect(ErrorSummary(soc)).ToBeVisibleAsync();
        await CheckAsync(soc, "/Consents/Create with errors");
        await soc.GetByLabel("Arbetsförmedlingen Nordöstra Stockholm").CheckAsync();
        await soc.GetByLabel("Syfte").FillAsync("Planering av gemensamma insatser.");
        await soc.GetByRole(AriaRole.Button, new() { Name = "Registrera samtycke" }).ClickAsync();
        await Expect(Flash(soc)).ToHaveTextAsync("Samtycket är registrerat.");
        await TourAsync(soc, participant.DetailsPath, participant.FullName);
        await TourAsync(soc, $"/Participants/Extract/{participant.Id}", "Registerutdrag");
        await TourAsync(soc, $"/Participants/Edit/{participant.Id}", "Ändra");
        await TourAsync(soc, "/Organisations", "Organisationer");
        await TourAsync(soc, "/Statistics/FollowUp", "Uppföljning");
        await TourAsync(soc, "/Statistics/FollowUp?by=activityKind", "Uppföljning"); // columns crossed with gender: two-level headings
        await TourAsync(soc, "/Statistics/FollowUpPeople?figure=bestand", "Personerna bakom en siffra");
        await TourAsync(soc, "/Statistics/TargetGroups/People?gender=Woman", "Personerna bakom registrets siffror");
        await TourAsync(soc, "/Statistics/TargetGroups/People?status=okänd", "Personerna bakom registrets siffror");
        await TourAsync(soc, "/Error?status=404", "Sidan finns inte");
        await TourAsync(soc, "/Participants/Details/" + Guid.NewGuid(), "Sidan finns inte");
        await TourAsync(soc, "/finns-inte", "Sidan finns inte");
        await TourAsync(soc, "/Users", "Behörighet saknas");
        await TourAsync(soc, "/AccessLog", "Behörighet saknas");
        await TourAsync(soc, "/Retention", "Behörighet saknas");

        // The recipient of the consent.
        var af = await LoginAsync("af.nordost");
        await TourAsync(af, "/Participants", "Deltagare");
        await TourAsync(af, participant.DetailsPath, participant.FullName);

        // The administrator's pages.
        var admin = await LoginAsync("admin.taby");
        await TourAsync(admin, "/", "Mina ärenden");
        await TourAsync(admin, "/Organisations", "Organisationer");
        await TourAsync(admin, "/Users", "Användare");
        await TourAsync(admin, "/SignInProviders", "Inloggning via identitetsleverantör");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Spara" }).ClickAsync();
        await Expect(ErrorSummary(admin)).ToBeVisibleAsync();
        await CheckAsync(admin, "/SignInProviders with errors");
        await TourAsync(admin, "/AccessLog", "Loggkontroll");
        await TourAsync(admin, $"/AccessLog?participantId={participant.Id}", "Loggkontroll");
        await TourAsync(admin, "/AccessLog?participantId=x&from=igår", "Loggkontroll");
        await Expect(ErrorSummary(admin).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        // Culling: the rules, a rule refused at its field, and a preview (never approved here: it would cull demo data).
        await TourAsync(admin, "/Retention", "Gallring");
        await admin.Locator("#SocialServicesCase_Years").FillAsync("-1");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Spara regeln för socialtjänstens ärenden med journal" }).ClickAsync();
        await Expect(ErrorSummary(admin)).ToContainTextAsync("från 1 till");
        await Expect(admin.Locator("#SocialServicesCase_Years")).ToHaveAttributeAsync("aria-invalid", "true");
        await CheckAsync(admin, "/Retention with errors");
        // A legal hold by keyboard only: a bad id is refused at its field, a good one is listed, then lifted.
        await admin.GetByLabel("Deltagar-id").FocusAsync();
        await admin.Keyboard.TypeAsync("inte-ett-id");
        await admin.Keyboard.PressAsync("Tab");
        await admin.Keyboard.PressAsync("Tab");
        await admin.Keyboard.TypeAsync("Begärd av förvaltningsrätten");
        await admin.Keyboard.PressAsync("Tab");
        await admin.Keyboard.PressAsync("Enter");
        await Expect(ErrorSummary(admin)).ToContainTextAsync("Deltagar-id ska vara ett id");
        await Expect(admin.Locator("#ParticipantId")).ToHaveAttributeAsync("aria-invalid", "true");
        await CheckAsync(admin, "/Retention legal hold with errors");
        await admin.GetByLabel("Deltagar-id").FillAsync(participant.Id.ToString());
        await admin.GetByLabel("Skäl till bevarandet").FillAsync("Begärd av förvaltningsrätten");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Besluta om bevarande" }).PressAsync("Enter");
        await Expect(Flash(admin)).ToHaveTextAsync("Bevarandebeslutet är registrerat.");
        await Expect(admin.GetByRole(AriaRole.Cell, new() { Name = "Begärd av förvaltningsrätten" })).ToBeVisibleAsync();
        await CheckAsync(admin, "/Retention with a legal hold");
        await admin.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Häv alla för deltagaren") }).First.FocusAsync();
        await admin.Keyboard.PressAsync("Enter");
        await Expect(Flash(admin)).ToContainTextAsync("hävt");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Förhandsvisa gallring" }).ClickAsync();
        await Expect(admin.Locator("h1")).ToContainTextAsync("Gallring förhandsvisad");
        await CheckAsync(admin, "/Retention/Runs/{id} previewed");

        // A role without participant data.
        var analyst = await LoginAsync("analytiker");
        await TourAsync(analyst, "/", "Mina ärenden");
        await TourAsync(analyst, "/Participants", "Behörighet saknas");
        await TourAsync(analyst, "/Account/TwoFactor", "Tvåfaktorsinloggning");
        // Personal API tokens: the form refused at its field, then a token made (shown once, to copy) and listed.
        await TourAsync(analyst, "/Account/ApiTokens", "API-tokens");
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Skapa token" }).ClickAsync();
        await Expect(ErrorSummary(analyst)).ToBeVisibleAsync();
        await Expect(analyst.Locator("#Input_Name")).ToHaveAttributeAsync("aria-invalid", "true");
        await CheckAsync(analyst, "/Account/ApiTokens with errors");
        await analyst.GetByLabel("Namn (vad den ska användas till)").FillAsync("Statistikskript");
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Skapa token" }).ClickAsync();
        await Expect(analyst.GetByLabel("Token", new() { Exact = true })).ToHaveValueAsync(new Regex("^avp_"));
        await Expect(analyst.Locator("table")).ToContainTextAsync("Statistikskript");
        await CheckAsync(analyst, "/Account/ApiTokens created");
        await TourAsync(analyst, "/Statistics/RecruitmentNeeds", "Rekryteringsbehov och utbud");
        await TourAsync(analyst, "/Statistics/RecruitmentNeeds?municipalityCode=9999&from=igår", "Rekryteringsbehov och utbud");
        await Expect(ErrorSummary(analyst).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);
        await TourAsync(analyst, "/Statistics/FollowUp?by=municipality", "Uppföljning");
        await TourAsync(analyst, "/Statistics/FollowUp?from=igår&by=x", "Uppföljning");
        await Expect(ErrorSummary(analyst).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(2);

        // Target-group statistics: the overview, a bad month, an import refused line by line (its page), one accepted,
        // and the month published despite a planted contradiction (the published page).
        await TourAsync(analyst, "/Statistics/TargetGroups", "Målgrupper");
        await TourAsync(analyst, "/Statistics/TargetGroups?month=oktober", "Målgrupper");
        await Expect(ErrorSummary(analyst).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(1);
        await TourAsync(analyst, "/Statistics/Imports", "Import av målgruppsstatistik");
        const string Figures = "kommunkod;månad;status;kön;inskrivna;kortutbildade\n";
        await analyst.GetByLabel("Fil (CSV)").SetInputFilesAsync(new FilePayload
            { Name = "fel.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(Figures + "0160;2025-13;Okänd;Kvinnor;-1;x\n") });
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Importera" }).ClickAsync();
        await ExpectHeadingAsync(analyst, "Import: fel.csv");
        await Expect(analyst.GetByRole(AriaRole.Heading, new() { Name = "Avvisad – inget importerades" })).ToBeVisibleAsync();
        await CheckAsync(analyst, "/Statistics/Imports/{id} refused");
        await TourAsync(analyst, "/Statistics/Imports", "Import av målgruppsstatistik");
        await analyst.GetByLabel("Fil (CSV)").SetInputFilesAsync(new FilePayload
            { Name = "af.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(Figures + "0160;2025-03;Etableringsprogrammet;Kvinnor;40;50\n") });
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Importera" }).ClickAsync();
        await ExpectHeadingAsync(analyst, "Import: af.csv");
        await CheckAsync(analyst, "/Statistics/Imports/{id}");
        await TourAsync(analyst, "/Statistics/TargetGroups?month=2025-03", "Målgrupper");
        await analyst.GetByLabel("Motivering för att publicera trots").FillAsync("Arbetsförmedlingen rättar filen i nästa leverans.");
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Publicera 2025-03" }).ClickAsync();
        await ExpectHeadingAsync(analyst, "Målgrupper 2025-03");
        await CheckAsync(analyst, "/Statistics/Publications/{id}");

        // Läget i länet: the list, the order refused, then a report generated in the background and its draft.
        await TourAsync(analyst, "/Reports", "Läget i länet");
        await analyst.GetByLabel("Från och med månad (ÅÅÅÅ-MM)").FillAsync("2012-13");
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Ta fram rapporten" }).ClickAsync();
        await Expect(ErrorSummary(analyst)).ToBeVisibleAsync();
        await CheckAsync(analyst, "/Reports with errors");
        await analyst.GetByLabel("Från och med månad (ÅÅÅÅ-MM)").FillAsync("2012-01");
        await analyst.GetByLabel("Till och med månad (ÅÅÅÅ-MM)").FillAsync("2012-06");
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Ta fram rapporten" }).ClickAsync();
        await ExpectHeadingAsync(analyst, "Läget i länet, januari–juni 2012");
        await Expect(analyst.GetByRole(AriaRole.Heading, new() { Name = "Utkast", Exact = true })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await CheckAsync(analyst, "/Reports/{id} draft");
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Ta fram igen" }).ClickAsync();
        await Expect(analyst.GetByRole(AriaRole.Heading, new() { Name = "Utkast", Exact = true })).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await CheckAsync(analyst, "/Reports/{id} draft regenerated");
        await analyst.GetByRole(AriaRole.Button, new() { Name = "Publicera rapporten" }).ClickAsync();
        await Expect(analyst.GetByRole(AriaRole.Heading, new() { Name = "Publicerad", Exact = true })).ToBeVisibleAsync();
        await CheckAsync(analyst, "/Reports/{id} published");

        // The collaboration's governance, as its coordinator (forms refused where they have errors).
        var coordinator = await LoginAsync("samordnare.nordost");
        await TourAsync(coordinator, "/Governance", "Samverkan");
        var groupPath = await coordinator.GetByRole(AriaRole.Link, new() { Name = "Arbetsgrupp Stockholm Nordost" }).GetAttributeAsync("href");
        var agreementPath = await coordinator.Locator("a[href^='/Governance/Agreement/']").First.GetAttributeAsync("href");
        await TourAsync(coordinator, agreementPath!, "Överenskommelse");
        await TourAsync(coordinator, groupPath!, "Arbetsgrupp Stockholm Nordost");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "För in mötet" }).ClickAsync();
        await Expect(ErrorSummary(coordinator)).ToBeVisibleAsync();
        await CheckAsync(coordinator, groupPath + " with errors");
        var meetingPath = await coordinator.Locator("a[href^='/Governance/Meeting/']").First.GetAttributeAsync("href");
        await TourAsync(coordinator, meetingPath!, "Arbetsgruppsmöte");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "För in beslutet" }).ClickAsync();
        await Expect(ErrorSummary(coordinator)).ToBeVisibleAsync();
        await CheckAsync(coordinator, meetingPath + " with errors");
        await TourAsync(coordinator, "/Governance/FocusAreas", "Fokusområden");
        await TourAsync(coordinator, $"/Governance/FocusAreas?year={Today.Year - 1}", "Fokusområden");
        await TourAsync(coordinator, "/Governance/AnnualCycle", "Årshjul");
        await TourAsync(coordinator, "/Governance/ActionItems", "Aktivitetslista");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Lägg till punkten" }).ClickAsync();
        await Expect(ErrorSummary(coordinator)).ToBeVisibleAsync();
        await CheckAsync(coordinator, "/Governance/ActionItems with errors");
        await TourAsync(coordinator, "/Governance/Examples?q=resursjobb", "Goda exempel");
        var examplePath = await coordinator.Locator("#examples a").First.GetAttributeAsync("href");
        await TourAsync(coordinator, examplePath!, "Kvalitetshöjande resursjobb");
        await coordinator.GetByRole(AriaRole.Button, new() { Name = "Bifoga filen" }).ClickAsync();
        await Expect(ErrorSummary(coordinator)).ToBeVisibleAsync();
        await CheckAsync(coordinator, examplePath + " with errors");
        await TourAsync(coordinator, $"/Governance/Report?year={Today.Year - 1}", "Återrapportering");
        await TourAsync(analyst, "/Governance", "Samverkan");
        // KAA: the register, the import with a refused file, statistics, the SCB checks and the outreach letters (printable).
        var kaa = await LoginAsync("kaa.norrtalje");
        await TourAsync(kaa, "/Kaa", "Kommunala aktivitetsansvaret (KAA)");
        await TourAsync(kaa, "/Kaa?status=all&search=a", "Kommunala aktivitetsansvaret (KAA)");
        await TourAsync(kaa, "/Kaa/Import", "Importera skolsituationen");
        await kaa.GetByLabel("Fil med skolsituationen").SetInputFilesAsync(new FilePayload { Name = "fel.csv", MimeType = "text/csv", Buffer = "personnummer;hälsa\n"u8.ToArray() });
        await kaa.GetByRole(AriaRole.Button, new() { Name = "Importera" }).ClickAsync();
        await Expect(ErrorSummary(kaa)).ToBeVisibleAsync();
        await CheckAsync(kaa, "/Kaa/Import with errors");
        await TourAsync(kaa, "/Kaa/Statistics", "Statistik för aktivitetsansvaret");
        await TourAsync(kaa, "/Kaa/Export", "Fil till SCB");
        await TourAsync(kaa, "/Kaa/Letters", "Brevutskick till ej nådda");
        await kaa.GetByRole(AriaRole.Button, new() { Name = "Skapa brev och registrera utskicket" }).ClickAsync();
        await Expect(kaa.Locator("article.letter").First).ToBeVisibleAsync();
        await CheckAsync(kaa, "/Kaa/Letters printed");
        await TourAsync(analyst, "/Kaa/Statistics?term=VT%202026", "Statistik för aktivitetsansvaret");

        AssertNoFindings();
        foreach (var page in new[] { "/", "/Participants", "/Participants/Create", "/Participants/Details/", "/Participants/Edit/",
                     "/Participants/Extract/", "/Consents/Create/", "/Organisations", "/Users", "/SignInProviders", "/AccessLog", "/Retention", "/Account/Login", "/Account/TwoFactor", "/Account/ApiTokens", "/Error?status=404" })
        {
            Assert.Contains(Visited, v => v.Contains(" " + page, StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_caseworker_edits_every_section_of_a_participant()
    {
        var page = await LoginAsync("soc.taby");
        var participant = await RegisterParticipantAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Ändra uppgifter" }).ClickAsync();
        await ExpectHeadingAsync(page, $"Ändra {participant.FullName}");
        await AssertAccessibleAsync(page);
        await Expect(page.Locator("main")).ToContainTextAsync(participant.Personnummer);

        await page.GetByLabel("Telefon").FillAsync("070-123 45 67");
        await page.GetByLabel("E-post").FillAsync("tora@example.se");
        await page.GetByLabel("Adress").FillAsync("Storgatan 1");
        await page.GetByLabel("Postnummer").FillAsync("183 30");
        await page.GetByLabel("Ort").FillAsync("Täby");
        await page.GetByLabel("Högsta fullföljda utbildning").SelectOptionAsync(new SelectOptionValue { Label = "Förgymnasial, 9 (10) år" });
        await page.GetByLabel("Svenska", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "SFI kurs C" });
        await page.GetByLabel("B", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Status hos Arbetsförmedlingen").SelectOptionAsync(new SelectOptionValue { Label = "Öppet arbetslös" });
        await page.GetByLabel("Långtidsarbetslös").CheckAsync();
        await page.GetByLabel("Registrerad funktionsnedsättning").CheckAsync();
        await page.GetByLabel("Arbetsförmåga").FillAsync("Heltid med stöd (fiktiv uppgift).");

        // An occupation that is not in the list is refused, at the field and in the summary.
        await page.GetByLabel("Erfarenhet 1").FillAsync("Drömyrke som inte finns");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara ändringar" }).ClickAsync();
        await Expect(ErrorSummary(page)).ToContainTextAsync("finns inte i yrkeslistan");
        await Expect(page.Locator("#Input_OccupationsOfExperience-error")).ToContainTextAsync("finns inte i yrkeslistan");
        await Expect(page.GetByLabel("Erfarenhet 1")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel("Erfarenhet 1")).ToHaveAccessibleDescriptionAsync(new Regex("finns inte i yrkeslistan"));
        await Expect(ErrorSummary(page).GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "#Input_OccupationsOfExperience");
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Erfarenhet 1").FillAsync("Barnskötare");
        await page.GetByRole(AriaRole.Button, new() { Name = "Spara ändringar" }).ClickAsync();
        await ExpectHeadingAsync(page, participant.FullName);
        await Expect(Flash(page)).ToHaveTextAsync("Ändringarna är sparade.");
        var identity = page.Locator("section[aria-labelledby=identity-heading]");
        await Expect(identity).ToContainTextAsync("070-123 45 67");
        await Expect(identity).ToContainTextAsync("Storgatan 1, 183 30 Täby");
        var background = page.Locator("section[aria-labelledby=background-heading]");
        await Expect(background).ToContainTextAsync("kortutbildad");
        await Expect(background).ToContainTextAsync("SFI kurs C");
        await Expect(background).ToContainTextAsync("Barnskötare");
        await Expect(background).ToContainTextAsync("Långtidsarbetslös");
        await Expect(page.Locator("section[aria-labelledby=sensitive-heading]")).ToContainTextAsync("Heltid med stöd");
        await AssertAccessibleAsync(page);
    }
}

/// <summary>
/// The participant record pages, checked like every page in <see cref="PageCoverageTests"/>. A class of its own so that it can
/// join the tests that send referrals to Täby's job centre (it sends one too and reads that unit's newest notification)
/// while the other page tours run beside them.
/// </summary>
[Collection(TabyJobCentreNotifications.Name)]
public sealed class ParticipantRecordPageCoverageTests(BrowserApp app) : PageCoverage(app)
{
    /// <summary>
    /// The pages of the shared participant records (mapping, plan, attendance), notifications and the closed case's
    /// follow-up, each empty, filled and with errors, by the job centre that works through a consent and by the owner.
    /// </summary>
    [Fact]
    public async Task The_participant_record_pages_are_free_of_wcag_a_and_aa_violations()
    {
        const string JobCentre = "Täby kommun – Jobbcentrum";
        var soc = await LoginAsync("soc.taby");
        var participant = await RegisterParticipantAsync(soc);
        await RegisterConsentAsync(soc, participant, "Kartläggning, planering och närvaro via jobbcentrum.", [JobCentre, "Arbetsförmedlingen Nordöstra Stockholm"],
            ["Utbildning, språk och arbetslivserfarenhet", "Ärende, planering och insatser", "Närvaro", "Hälsa, funktionsnedsättning och arbetsförmåga (känsliga)"]);
        var jobb = await LoginAsync("jobb.taby");
        var analyst = await LoginAsync("analytiker");
        await TourAsync(analyst, "/Notifications", "Notiser");
        await Expect(analyst.Locator("main")).ToContainTextAsync("Du har inga notiser.");

        // Mapping: empty, each of its three forms refused, then filled in two versions, and the earlier version.
        var mapping = $"/Participants/{participant.Id}/Mapping";
        await TourAsync(jobb, mapping, "Kartläggning för " + participant.FullName);
        await Expect(jobb.Locator("main")).ToContainTextAsync("Ingen kartläggning är sparad ännu.");
        await jobb.GetByLabel("Yrke 1").FillAsync("Drömyrke som inte finns");
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Spara ny version" }).ClickAsync();
        await Expect(ErrorSummary(jobb)).ToContainTextAsync("finns inte i yrkeslistan");
        await CheckAsync(jobb, mapping + " (kartläggning with errors)");
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Spara ställningstagande" }).ClickAsync();
        await Expect(ErrorSummary(jobb)).ToBeVisibleAsync();
        await CheckAsync(jobb, mapping + " (ställningstagande with errors)");
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Spara bedömning" }).ClickAsync();
        await Expect(ErrorSummary(jobb)).ToBeVisibleAsync();
        await CheckAsync(jobb, mapping + " (bedömning with errors)");
        foreach (var situation in new[] { "Bor ensam, inga skulder.", "Bor ensam, har fått stöd med skulder." })
        {
            await jobb.GetByLabel("Yrke 1").FillAsync("Barnskötare");
            await jobb.GetByLabel("Hälsa och begränsningar", new() { Exact = true }).FillAsync("Ryggbesvär, klarar inte tunga lyft (fiktiv uppgift).");
            await jobb.GetByLabel("Social situation").FillAsync(situation);
            await jobb.GetByRole(AriaRole.Button, new() { Name = "Spara ny version" }).ClickAsync();
            await Expect(Flash(jobb)).ToHaveTextAsync("Kartläggningen är sparad som en ny version.");
        }

        await jobb.GetByLabel("Riktning", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Anställning" });
        await jobb.GetByLabel("Gul – osäker arbetsförmåga").CheckAsync();
        await jobb.GetByLabel("Motivering").FillAsync("Behöver pröva arbetsförmågan på en riktig arbetsplats.");
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Spara ställningstagande" }).ClickAsync();
        await Expect(Flash(jobb)).ToHaveTextAsync("Ställningstagandet är sparat.");
        await TourAsync(jobb, $"/Matching/Opportunities/{participant.Id}", "Möjligheter för " + participant.FullName);
        await jobb.GotoAsync(mapping);
        await jobb.GetByLabel("Metod").SelectOptionAsync(new SelectOptionValue { Label = "Reell arbetsmiljö" });
        await jobb.GetByLabel("Uthållighet").CheckAsync();
        await jobb.GetByLabel("Resultat (känslig uppgift)").FillAsync("Orkar fyra timmar om dagen.");
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Spara bedömning" }).ClickAsync();
        await Expect(Flash(jobb)).ToHaveTextAsync("Arbetsförmågebedömningen är sparad.");
        await Expect(jobb.Locator("main")).ToContainTextAsync("Version 2 av 2");
        await CheckAsync(jobb, mapping + " (filled)");
        await TourAsync(jobb, mapping + "?version=1", "Kartläggning för");
        await Expect(jobb.Locator("main")).ToContainTextAsync("Det här är en tidigare version.");
        await TourAsync(soc, mapping, "Kartläggning för");

        // A case at the job centre, enrolled: Mina ärenden lists the participant without a plan.
        await jobb.GotoAsync(participant.DetailsPath);
        await jobb.GetByLabel("Skäl", new() { Exact = true }).FillAsync("Aktualiserad från socialtjänsten.");
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Aktualisera ärende" }).ClickAsync();
        await Expect(Flash(jobb)).ToHaveTextAsync("Ärendet är aktualiserat.");
        var caseUrl = jobb.Url;
        await jobb.GetByLabel("Överenskomna avstämningar").FillAsync("Varje tisdag kl 10");
        await jobb.GetByLabel("Samtycke för kontroll av inskrivning hos Arbetsförmedlingen").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Skriv in" }).ClickAsync();
        await Expect(Flash(jobb)).ToHaveTextAsync("Ärendet är inskrivet.");
        await TourAsync(jobb, "/", "Mina ärenden");
        await Expect(jobb.Locator("section[aria-labelledby=no-plan-heading]")).ToContainTextAsync($"{participant.LastName}, {participant.FirstName}");

        // Activities: the list, the form refused, a scheduled activity and its register on days without anyone, in the future,
        // on a day it does not run, and with a date that is not one.
        await TourAsync(jobb, "/Activities", "Aktiviteter");
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Schemalägg aktivitet" }).ClickAsync();
        await Expect(ErrorSummary(jobb)).ToBeVisibleAsync();
        await CheckAsync(jobb, "/Activities with errors");
        var name = "Praktik " + TestPeople.UniqueLastName("Lager");
        var activityId = await ScheduleActivityAsync(jobb, name, "Praktik", Today.AddDays(-14), Today.AddDays(60), "4");
        await CheckAsync(jobb, $"/Activities/{activityId} (nobody yet)");
        var register = $"/Activities/{activityId}/Register?date=";
        var day = LastWeekday(Today);
        await TourAsync(jobb, register + Iso(day), "Närvaro");
        await Expect(jobb.Locator("main")).ToContainTextAsync("Ingen deltar i aktiviteten den här dagen");
        var saturday = Today.AddDays(-(((int)Today.DayOfWeek + 1) % 7));
        await TourAsync(jobb, register + Iso(saturday), "Närvaro");
        await Expect(jobb.Locator("main")).ToContainTextAsync("Aktiviteten är inte schemalagd");
        await TourAsync(jobb, register + Iso(LastWeekday(Today.AddDays(9))), "Närvaro");
        await Expect(jobb.Locator("main")).ToContainTextAsync("Dagen har inte varit än.");
        await TourAsync(jobb, register + "igår", "Närvarolista");
        await Expect(ErrorSummary(jobb)).ToContainTextAsync("ÅÅÅÅ-MM-DD");

        // The plan: empty, refused, created with the activity, revised; an earlier version and the participant's copy.
        var plan = $"/Participants/{participant.Id}/Plan";
        await TourAsync(jobb, plan, "Handlingsplan för " + participant.FullName);
        var row = jobb.GetByRole(AriaRole.Group, new() { Name = "Ny aktivitet (rad 1)" });
        await row.GetByLabel("Insats").SelectOptionAsync(new SelectOptionValue { Label = "Praktik" });
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Upprätta planen" }).ClickAsync();
        await Expect(ErrorSummary(jobb)).ToContainTextAsync("Ange planens inriktning.");
        await CheckAsync(jobb, plan + " with errors");
        await jobb.GetByLabel("Mål", new() { Exact = true }).FillAsync("Arbete inom lager och logistik.");
        await jobb.GetByLabel("Inriktning").SelectOptionAsync(new SelectOptionValue { Label = "Anställning" });
        await jobb.GetByLabel("Planen gäller från").FillAsync(Iso(Today.AddDays(-14)));
        await row.GetByLabel("Beskrivning").FillAsync("Praktik på lager");
        await row.GetByLabel("Startdatum").FillAsync(Iso(Today.AddDays(-14)));
        await row.GetByLabel("Slutdatum").FillAsync(Iso(Today.AddDays(30)));
        await row.GetByLabel("Timmar per vecka").FillAsync("20");
        await row.GetByLabel("Schemalagd aktivitet där närvaron registreras (valfritt)").SelectOptionAsync(activityId.ToString());
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Upprätta planen" }).ClickAsync();
        await Expect(Flash(jobb)).ToHaveTextAsync("Handlingsplanen är sparad.");
        await jobb.GetByLabel("Kommentar till revisionen (valfritt)").FillAsync("Praktiken har börjat.");
        await jobb.GetByRole(AriaRole.Group, new() { Name = "Aktivitet 1: Praktik på lager" }).GetByLabel("Status").SelectOptionAsync(new SelectOptionValue { Label = "Pågår" });
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Spara ny version" }).ClickAsync();
        await Expect(Flash(jobb)).ToHaveTextAsync("Handlingsplanen är sparad.");
        await CheckAsync(jobb, plan + " (filled, 2 versions)");
        await TourAsync(jobb, plan + "?revision=1", "Handlingsplan för");
        await Expect(jobb.Locator("#shown-heading")).ToHaveTextAsync("Version 1 (äldre version)");
        await TourAsync(jobb, plan + "/Copy", "Din plan");
        await Expect(jobb.Locator("main")).ToContainTextAsync("Praktik på lager");
        var pdf = await jobb.APIRequest.GetAsync(plan + "/Copy.pdf");
        Assert.Equal(200, pdf.Status);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(await pdf.BodyAsync())[..4], StringComparison.Ordinal);
        await TourAsync(soc, plan, "Handlingsplan för");

        // The register with the participant: a wrong number of hours refused on the row, then saved.
        await TourAsync(jobb, $"/Activities/{activityId}", name);
        await Expect(jobb.Locator("section[aria-labelledby=participants-heading]")).ToContainTextAsync(participant.FullName);
        await TourAsync(jobb, register + Iso(day), "Närvaro");
        await jobb.GetByLabel("Närvarande").CheckAsync();
        await jobb.GetByLabel($"Timmar för {participant.FullName}").FillAsync("fyra");
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Spara närvaro" }).ClickAsync();
        await Expect(ErrorSummary(jobb)).ToContainTextAsync("Skriv timmar som ett tal");
        await CheckAsync(jobb, register + Iso(day) + " with errors");
        await jobb.GetByLabel($"Timmar för {participant.FullName}").FillAsync("");
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Spara närvaro" }).ClickAsync();
        await Expect(Flash(jobb)).ToHaveTextAsync("Närvaron är sparad för 1 deltagare.");
        await CheckAsync(jobb, register + Iso(day) + " (registered)");
        await TourAsync(jobb, "/", "Mina ärenden");

        // The participant's attendance: filled, an empty period, and a period that is not one.
        var attendance = $"/Participants/{participant.Id}/Attendance";
        await TourAsync(jobb, attendance, "Närvaro för " + participant.FullName);
        await Expect(jobb.Locator("main")).ToContainTextAsync("1 närvarande");
        await TourAsync(soc, attendance, "Närvaro för " + participant.FullName);
        await TourAsync(soc, attendance + "?from=2020-01-01&to=2020-01-31", "Närvaro för");
        await Expect(soc.Locator("main")).ToContainTextAsync("inga schemalagda dagar");
        await TourAsync(soc, attendance + "?from=igår&to=2020-01-31", "Närvaro");
        await Expect(ErrorSummary(soc)).ToBeVisibleAsync();

        // Notifications: soc.taby opens its own case and sends a referral; the job centre has an unread notice.
        await soc.GotoAsync(participant.DetailsPath);
        await soc.GetByLabel("Skäl", new() { Exact = true }).FillAsync("Ansöker om försörjningsstöd.");
        await soc.GetByRole(AriaRole.Button, new() { Name = "Aktualisera ärende" }).ClickAsync();
        await Expect(Flash(soc)).ToHaveTextAsync("Ärendet är aktualiserat.");
        await soc.GotoAsync(participant.DetailsPath);
        await soc.GetByLabel("Mottagare", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = JobCentre });
        await soc.GetByLabel("Praktik").CheckAsync();
        await soc.GetByLabel("Frågeställning").FillAsync("Vilken praktik passar?");
        await soc.GetByLabel("Återrapport senast").FillAsync(Iso(Today.AddDays(30)));
        await soc.GetByRole(AriaRole.Button, new() { Name = "Skicka remiss" }).ClickAsync();
        await Expect(Flash(soc)).ToHaveTextAsync("Remissen är skickad.");
        await TourAsync(jobb, "/Notifications", "Notiser");
        await Expect(jobb.Locator(".notifications li.unread").First).ToContainTextAsync("Ny remiss till din enhet: Praktik.");

        // The closed case: the follow-up form refused, then one follow-up recorded.
        await jobb.GotoAsync(caseUrl);
        await jobb.GetByLabel("Utfall").SelectOptionAsync(new SelectOptionValue { Label = "Subventionerat arbete" });
        await jobb.GetByLabel("Anställningsform (vid arbete)").SelectOptionAsync(new SelectOptionValue { Label = "Nystartsjobb" });
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Avsluta ärendet" }).ClickAsync();
        await Expect(Flash(jobb)).ToHaveTextAsync("Ärendet är avslutat.");
        await CheckAsync(jobb, caseUrl + " (closed)");
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Spara uppföljning" }).ClickAsync();
        var status = ErrorSummary(jobb).GetByRole(AriaRole.Link, new() { Name = "Ange personens situation vid uppföljningen" });
        await Expect(status).ToHaveAttributeAsync("href", "#FollowUp_Status");
        await Expect(jobb.Locator("#FollowUp_Status")).ToHaveAccessibleNameAsync("Situation");
        await CheckAsync(jobb, caseUrl + " (follow-up with errors)");
        await jobb.GetByLabel("Situation").SelectOptionAsync(new SelectOptionValue { Label = "I subventionerat arbete" });
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Spara uppföljning" }).ClickAsync();
        // Closed today: the 3-month follow-up is early, said at the date, and recorded once that is confirmed.
        await Expect(jobb.Locator("#FollowUp_FollowedUpOn-error")).ToContainTextAsync("ska göras tidigast");
        await CheckAsync(jobb, caseUrl + " (follow-up early)");
        await jobb.GetByLabel("Uppföljningen görs i förtid").CheckAsync();
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Spara uppföljning" }).ClickAsync();
        await Expect(Flash(jobb)).ToHaveTextAsync("Uppföljningen är registrerad.");
        await CheckAsync(jobb, caseUrl + " (followed up)");
        await TourAsync(jobb, await jobb.EvaluateAsync<string>("fetch('/JobTracks').then(r => r.text()).then(h => new DOMParser().parseFromString(h, 'text/html').querySelector('a[href^=\"/JobTracks/Details/\"]').getAttribute('href').replace('Details', 'Edit'))"), "Ändra jobbspår");

        AssertNoFindings();
    }
}

/// <summary>What the page coverage tests share: the tour of pages, the checks of each, and the findings collected on the way.</summary>
public abstract class PageCoverage(BrowserApp app) : BrowserTest(app)
{
    private readonly List<string> findings = [];
    private readonly List<string> visited = [];

    /// <summary>Each page checked, as "user path".</summary>
    protected IReadOnlyList<string> Visited => visited;

    /// <summary>Fails with every finding of the test at once.</summary>
    protected void AssertNoFindings() =>
        Assert.True(findings.Count == 0,
            $"{findings.Count} page(s) with findings (of {visited.Count} checked):\n\n{string.Join("\n", findings)}");

    protected async Task TourAsync(IPage page, string path, string heading)
    {
        await page.GotoAsync(path);
        await ExpectHeadingAsync(page, heading);
        await CheckAsync(page, path);
    }

    protected async Task CheckAsync(IPage page, string what)
    {
        // The page has loaded (its heading was expected): an anonymous page has no user box, and waiting for one is a second lost.
        var userBox = page.Locator(".user-box > span").First;
        var user = await userBox.CountAsync() > 0 ? (await userBox.TextContentAsync())?.Split(' ')[0] : null;
        var label = $"{user ?? "anonym"} {what}";
        visited.Add(label);
        var problems = new List<string>();
        if (await Accessibility.ViolationsAsync(page) is { } report)
        {
            problems.Add(report);
        }

        if (await page.Locator("h1").CountAsync() != 1)
        {
            problems.Add("The page should have exactly one h1.");
        }

        if (!(await page.TitleAsync()).EndsWith(" – Arbetsvägen", StringComparison.Ordinal))
        {
            problems.Add($"The title \"{await page.TitleAsync()}\" should name the page and end with \" – Arbetsvägen\".");
        }

        if (await page.Locator("main#main").CountAsync() != 1)
        {
            problems.Add("The page should have one <main id=\"main\"> for the skip link.");
        }

        // WCAG 1.4.10 Reflow: at 320 CSS pixels the page itself must not scroll sideways (wide tables scroll in their own box).
        var viewport = page.ViewportSize;
        await page.SetViewportSizeAsync(320, 800);
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
        if (overflow > 0)
        {
            var culprits = await page.EvaluateAsync<string>(@"() => [...document.querySelectorAll('main *, header *')]
                .filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.table-scroll'))
                .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).replace(/ /g, '.') : '')).join(', ')");
            problems.Add($"At 320 px wide the page scrolls sideways by {overflow} px (WCAG 1.4.10); too wide: {culprits}");
        }

        if (viewport is not null)
        {
            await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
        }

        if (Environment.GetEnvironmentVariable("TEST_SCREENSHOTS") is { Length: > 0 } directory)
        {
            Directory.CreateDirectory(directory);
            var name = Regex.Replace(label, "[^A-Za-z0-9]+", "_").Trim('_');
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, $"{visited.Count:D2}-{name}.png"), FullPage = true });
        }

        // Start from the top of the document: the first Tab stop must be the skip link.
        // (A page may have moved focus on load, e.g. to its error summary: start again from the top.)
        await page.EvaluateAsync(@"() => {
            const start = document.createElement('span');
            start.tabIndex = -1;
            document.body.prepend(start);
            start.focus();
            start.remove();
        }");
        await page.Keyboard.PressAsync("Tab");
        if (!await page.EvaluateAsync<bool>("() => document.activeElement?.classList.contains('skip-link') === true"))
        {
            problems.Add("The first Tab stop should be the skip link.");
        }

        if (problems.Count > 0)
        {
            findings.Add($"## {label} ({page.Url})\n{string.Join("\n", problems)}");
        }
    }
}
