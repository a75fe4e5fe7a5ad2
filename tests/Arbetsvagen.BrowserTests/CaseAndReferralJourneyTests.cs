using System.Globalization;
using Arbetsvagen.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Arbetsvagen.BrowserTests;

/// <summary>
/// The referral with return report, in the browser: soc.taby records a consent naming the job centre, opens a case,
/// writes and signs a journal entry and sends a referral from the case; jobb.taby (another browser context) accepts
/// it, records a three-party meeting and writes the return report, which lands in soc.taby's case journal.
/// Every page visited is checked with axe-core.
/// </summary>
[Collection(TabyJobCentreNotifications.Name)]
public sealed class CaseAndReferralJourneyTests(BrowserApp app) : BrowserTest(app)
{
    private const string JobCentre = "Täby kommun – Jobbcentrum";
    private const string Orders = "Arbetsförmågebedömning, Praktik";

    private static readonly TimeZoneInfo Stockholm = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    private static DateTime StockholmNow => TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, Stockholm);

    [Fact]
    public async Task Referral_from_a_case_is_accepted_met_on_and_reported_back_into_the_case_journal()
    {
        var soc = await LoginAsync("soc.taby");
        var participant = await RegisterParticipantAsync(soc);

        // Consent naming the job centre, covering cases and plans.
        await soc.GetByRole(AriaRole.Link, new() { Name = "Registrera samtycke" }).ClickAsync();
        await ExpectHeadingAsync(soc, "Registrera samtycke för " + participant.FullName);
        await AssertAccessibleAsync(soc);
        await soc.GetByLabel(JobCentre, new() { Exact = true }).CheckAsync();
        await soc.GetByLabel("Ärende, planering och insatser").CheckAsync();
        await soc.GetByLabel("Syfte").FillAsync("Arbetsförmågebedömning och praktik via jobbcentrum.");
        await soc.GetByLabel("Skriftligt").CheckAsync();
        await soc.GetByRole(AriaRole.Button, new() { Name = "Registrera samtycke" }).ClickAsync();
        await ExpectHeadingAsync(soc, participant.FullName);
        await Expect(Flash(soc)).ToHaveTextAsync("Samtycket är registrerat.");
        await AssertAccessibleAsync(soc);

        // Open a case and write and sign a journal entry.
        await soc.GetByLabel("Skäl", new() { Exact = true }).FillAsync("Ansöker om försörjningsstöd, vill ha stöd till arbete.");
        await soc.GetByRole(AriaRole.Button, new() { Name = "Aktualisera ärende" }).ClickAsync();
        await ExpectHeadingAsync(soc, "Ärende för " + participant.FullName);
        await Expect(Flash(soc)).ToHaveTextAsync("Ärendet är aktualiserat.");
        await AssertAccessibleAsync(soc);
        var caseUrl = soc.Url;
        await soc.GetByLabel("Text", new() { Exact = true }).FillAsync("Första samtal om mål och hinder.");
        await soc.GetByRole(AriaRole.Button, new() { Name = "Spara anteckning" }).ClickAsync();
        await Expect(Flash(soc)).ToHaveTextAsync("Anteckningen är sparad.");
        await AssertAccessibleAsync(soc);
        var entry = soc.Locator("article", new() { HasText = "Första samtal om mål och hinder." });
        await entry.GetByRole(AriaRole.Button, new() { Name = "Signera" }).ClickAsync();
        await Expect(Flash(soc)).ToHaveTextAsync("Anteckningen är signerad.");
        await Expect(entry).ToContainTextAsync("signerad");
        await Expect(entry.GetByRole(AriaRole.Button, new() { Name = "Signera" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync(soc);

        // Back on the participant: an empty referral form is refused with the Swedish error summary, nothing is sent.
        await soc.GetByRole(AriaRole.Link, new() { Name = "Till deltagaren" }).ClickAsync();
        await ExpectHeadingAsync(soc, participant.FullName);
        await AssertAccessibleAsync(soc);
        var referrals = soc.Locator("section[aria-labelledby=referrals-heading]");
        await Expect(referrals).ToContainTextAsync("Inga remisser som du har tillgång till.");
        await soc.GetByRole(AriaRole.Button, new() { Name = "Skicka remiss" }).ClickAsync();
        await ExpectHeadingAsync(soc, participant.FullName);
        var summary = ErrorSummary(soc);
        await Expect(summary).ToBeFocusedAsync();
        await Expect(summary.GetByRole(AriaRole.Heading)).ToHaveTextAsync("Rätta följande");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Välj en mottagande organisation som finns i registret." }))
            .ToHaveAttributeAsync("href", "#ToOrganisationId");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Ange vad som beställs (minst ett val)." })).ToHaveAttributeAsync("href", "#Orders");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Ange frågeställningen." })).ToHaveAttributeAsync("href", "#Question");
        await Expect(summary.GetByRole(AriaRole.Link, new() { Name = "Ange datum för återrapporten (ÅÅÅÅ-MM-DD)." }))
            .ToHaveAttributeAsync("href", "#ExpectedReportOn");
        await Expect(soc.GetByLabel("Mottagare", new() { Exact = true })).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(referrals.Locator("tbody tr")).ToHaveCountAsync(0);
        await AssertAccessibleAsync(soc);
        await soc.ReloadAsync();
        await Expect(referrals).ToContainTextAsync("Inga remisser som du har tillgång till.");

        // The referral itself, from the case.
        var expected = DateOnly.FromDateTime(StockholmNow).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await soc.GetByLabel("Mottagare", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = JobCentre });
        await soc.GetByLabel("Arbetsförmågebedömning").CheckAsync();
        await soc.GetByLabel("Praktik").CheckAsync();
        await soc.GetByLabel("Frågeställning").FillAsync("Vad klarar personen i reell arbetsmiljö, och vilken praktik passar?");
        await soc.GetByLabel("Återrapport senast").FillAsync(expected);
        await soc.GetByLabel("Från ärende (valfritt)").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await soc.GetByRole(AriaRole.Button, new() { Name = "Skicka remiss" }).ClickAsync();
        await ExpectHeadingAsync(soc, "Remiss för " + participant.FullName);
        await Expect(Flash(soc)).ToHaveTextAsync("Remissen är skickad.");
        await Expect(soc.Locator("#referral-heading")).ToHaveTextAsync("Skickad");
        await Expect(soc.Locator("section[aria-labelledby=referral-heading]")).ToContainTextAsync(Orders);
        // The sender neither accepts nor reports.
        await Expect(soc.GetByRole(AriaRole.Button, new() { Name = "Acceptera remissen" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync(soc);
        var referralUrl = soc.Url;

        // The job centre finds the participant through the consent and opens the referral.
        var jobb = await LoginAsync("jobb.taby");
        await VisitAsync(jobb, "/Participants", "Deltagare");
        var search = jobb.GetByLabel("Sök på namn eller personnummer");
        await search.FillAsync(participant.LastName);
        await search.PressAsync("Enter");
        await Expect(jobb.Locator("main p[role=status]")).ToHaveTextAsync("1 deltagare matchar sökningen.");
        await AssertAccessibleAsync(jobb);
        await jobb.GetByRole(AriaRole.Link, new() { Name = $"{participant.LastName}, {participant.FirstName}" }).ClickAsync();
        await ExpectHeadingAsync(jobb, participant.FullName);
        var jobbReferrals = jobb.Locator("section[aria-labelledby=referrals-heading]");
        await Expect(jobbReferrals.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(jobbReferrals.Locator("tbody tr")).ToContainTextAsync("Skickad");
        await Expect(jobb.GetByRole(AriaRole.Button, new() { Name = "Skicka remiss" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync(jobb);
        await jobbReferrals.GetByRole(AriaRole.Link, new() { Name = Orders }).ClickAsync();
        await ExpectHeadingAsync(jobb, "Remiss för " + participant.FullName);
        await AssertAccessibleAsync(jobb);

        await jobb.GetByRole(AriaRole.Button, new() { Name = "Acceptera remissen" }).ClickAsync();
        await Expect(Flash(jobb)).ToHaveTextAsync("Remissen är accepterad.");
        await Expect(jobb.Locator("#referral-heading")).ToHaveTextAsync("Accepterad");
        await AssertAccessibleAsync(jobb);

        // Three-party meeting: missing fields first, then the real record.
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Spara trepartssamtal" }).ClickAsync();
        await Expect(ErrorSummary(jobb)).ToContainTextAsync("Ange datum och tid för samtalet.");
        await Expect(ErrorSummary(jobb).GetByRole(AriaRole.Link, new() { Name = "Ange datum och tid för samtalet." })).ToHaveAttributeAsync("href", "#HeldAt");
        await AssertAccessibleAsync(jobb);
        var heldAt = StockholmNow.Date.AddHours(10);
        await jobb.GetByLabel("Datum och tid").FillAsync(heldAt.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await jobb.GetByLabel("Deltagare i samtalet").FillAsync("Personen, Sara Lind (socialtjänsten), Jonas Ek (jobbcentrum)");
        await jobb.GetByLabel("Anteckningar").FillAsync("Överens om arbetsförmågebedömning i två veckor, sedan praktik.");
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Spara trepartssamtal" }).ClickAsync();
        await Expect(Flash(jobb)).ToHaveTextAsync("Trepartssamtalet är dokumenterat.");
        var meeting = jobb.Locator("section[aria-labelledby=meetings-heading] article");
        await Expect(meeting).ToHaveCountAsync(1);
        await Expect(meeting).ToContainTextAsync(heldAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        await Expect(meeting).ToContainTextAsync("Överens om arbetsförmågebedömning");
        await AssertAccessibleAsync(jobb);

        // The return report.
        await jobb.GetByLabel("Vad som har gjorts").FillAsync("Arbetsförmågebedömning i reell arbetsmiljö under två veckor.");
        await jobb.GetByLabel("Sammanfattning av närvaron").FillAsync("Närvarande 9 av 10 dagar, en dag sjuk.");
        await jobb.GetByLabel("Resultat", new() { Exact = true }).FillAsync("Klarar lager- och plockarbete fyra timmar om dagen.");
        await jobb.GetByLabel("Rekommendation", new() { Exact = true }).FillAsync("Praktik på lager, sedan nystartsjobb.");
        await jobb.GetByRole(AriaRole.Button, new() { Name = "Skicka återrapport" }).ClickAsync();
        await Expect(Flash(jobb)).ToHaveTextAsync("Återrapporten är skickad.");
        await Expect(jobb.Locator("#referral-heading")).ToHaveTextAsync("Återrapporterad");
        await Expect(jobb.Locator("section[aria-labelledby=report-heading]")).ToContainTextAsync("Närvarande 9 av 10 dagar");
        await Expect(jobb.GetByRole(AriaRole.Button, new() { Name = "Skicka återrapport" })).ToHaveCountAsync(0);
        await AssertAccessibleAsync(jobb);

        // Back at social services: the report is in the case journal and the referral is reported.
        await VisitAsync(soc, caseUrl, "Ärende för " + participant.FullName);
        var journal = soc.Locator("section[aria-labelledby=journal-heading]");
        await Expect(journal).ToContainTextAsync("Återrapport på remiss: Klarar lager- och plockarbete fyra timmar om dagen.");
        await Expect(journal).ToContainTextAsync("Praktik på lager, sedan nystartsjobb.");
        await VisitAsync(soc, referralUrl, "Remiss för " + participant.FullName);
        await Expect(soc.Locator("#referral-heading")).ToHaveTextAsync("Återrapporterad");
        await Expect(soc.Locator("section[aria-labelledby=report-heading]")).ToContainTextAsync("Arbetsförmågebedömning i reell arbetsmiljö");
        await Expect(soc.Locator("section[aria-labelledby=meetings-heading] article")).ToHaveCountAsync(1);
        await VisitAsync(soc, participant.DetailsPath, participant.FullName);
        var row = soc.Locator("section[aria-labelledby=referrals-heading] tbody tr");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Återrapporterad");
        await Expect(row).ToContainTextAsync(JobCentre);
        await Expect(row.Locator(".warning")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_third_similar_referral_within_twelve_months_shows_a_lock_in_warning()
    {
        var soc = await LoginAsync("soc.taby");
        var participant = await RegisterParticipantAsync(soc);
        await soc.GetByRole(AriaRole.Link, new() { Name = "Registrera samtycke" }).ClickAsync();
        await ExpectHeadingAsync(soc, "Registrera samtycke för " + participant.FullName);
        await soc.GetByLabel(JobCentre, new() { Exact = true }).CheckAsync();
        await soc.GetByLabel("Ärende, planering och insatser").CheckAsync();
        await soc.GetByLabel("Syfte").FillAsync("Praktik via jobbcentrum.");
        await soc.GetByLabel("Skriftligt").CheckAsync();
        await soc.GetByRole(AriaRole.Button, new() { Name = "Registrera samtycke" }).ClickAsync();
        await Expect(Flash(soc)).ToHaveTextAsync("Samtycket är registrerat.");

        var expected = DateOnly.FromDateTime(StockholmNow).AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var n = 1; n <= 3; n++)
        {
            await VisitAsync(soc, participant.DetailsPath, participant.FullName);
            await soc.GetByLabel("Mottagare", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = JobCentre });
            await soc.GetByLabel("Praktik").CheckAsync();
            await soc.GetByLabel("Frågeställning").FillAsync($"Praktikplats, försök {n}.");
            await soc.GetByLabel("Återrapport senast").FillAsync(expected);
            await soc.GetByRole(AriaRole.Button, new() { Name = "Skicka remiss" }).ClickAsync();
            await ExpectHeadingAsync(soc, "Remiss för " + participant.FullName);
            await Expect(Flash(soc)).ToHaveTextAsync(n < 3
                ? "Remissen är skickad."
                : "Remissen är skickad. Inlåsningsrisk: 3 liknande remisser de senaste 12 månaderna.");
        }

        await Expect(soc.Locator("main .warning")).ToHaveTextAsync("Inlåsningsrisk: 3 liknande remisser de senaste 12 månaderna");
        await AssertAccessibleAsync(soc);
        await VisitAsync(soc, participant.DetailsPath, participant.FullName);
        var rows = soc.Locator("section[aria-labelledby=referrals-heading] tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        // Newest first: only the third carries the warning.
        await Expect(rows.Nth(0).Locator(".warning")).ToHaveTextAsync("Inlåsningsrisk: 3 liknande remisser de senaste 12 månaderna");
        await Expect(rows.Nth(1).Locator(".warning")).ToHaveCountAsync(0);
        await Expect(rows.Nth(2).Locator(".warning")).ToHaveCountAsync(0);
    }
}
