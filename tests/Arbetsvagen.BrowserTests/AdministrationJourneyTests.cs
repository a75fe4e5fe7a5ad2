using System.Text;
using System.Text.RegularExpressions;
using Arbetsvagen.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Arbetsvagen.BrowserTests;

/// <summary>admin.taby reviews the access log (filter, CSV export), manages users and organisations.</summary>
public sealed partial class AdministrationJourneyTests(BrowserApp app) : BrowserTest(app)
{
    private const string CsvHeader = "id;tidpunkt_utc;anvandare;organisation;roller;handelse;posttyp;post_id;deltagare_id;traffar;syfte;hash";

    [Fact]
    public async Task Administrator_reviews_a_caseworkers_reads_and_registrations_and_exports_them_as_csv()
    {
        // Something to review: soc.taby registers a participant (create) and opens it (read).
        var caseworker = await LoginAsync("soc.taby");
        var participant = await RegisterParticipantAsync(caseworker);

        var page = await LoginAsync("admin.taby");
        await MainNav(page).GetByRole(AriaRole.Link, new() { Name = "Loggkontroll" }).ClickAsync();
        await ExpectHeadingAsync(page, "Loggkontroll");
        await Expect(page.Locator(".badge.ok")).ToHaveTextAsync("Loggkedjan är obruten");
        await AssertAccessibleAsync(page);

        // Filter by user.
        await page.GetByLabel("Användare").FillAsync("soc.taby");
        await page.GetByLabel("Användare").PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("userName=soc\\.taby"));
        var rows = page.Locator("table tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        var users = await rows.Locator("td:nth-child(2)").AllInnerTextsAsync();
        Assert.All(users, u => Assert.Equal("soc.taby", u.Trim()));
        var actions = await rows.Locator("td:nth-child(4)").AllInnerTextsAsync();
        Assert.Contains("Registrering", actions);
        Assert.Contains("Läsning", actions);
        await AssertAccessibleAsync(page);

        // ... and by the participant: exactly what soc.taby did to this person.
        await page.GetByLabel("Deltagare (id)").FillAsync(participant.Id.ToString());
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrera" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"participantId={participant.Id}"));
        await Expect(rows.Filter(new() { HasText = "Registrering" })).ToHaveCountAsync(1);
        await Expect(rows.Filter(new() { HasText = "Läsning" })).Not.ToHaveCountAsync(0);
        var shown = await rows.CountAsync();
        await Expect(page.Locator("main")).Not.ToContainTextAsync(participant.LastName);
        await AssertAccessibleAsync(page);

        // Export what the filter shows.
        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Exportera CSV" }).ClickAsync());
        Assert.Matches(CsvName(), download.SuggestedFilename);
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path);
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.GetPreamble()), "The CSV starts with a UTF-8 byte order mark (for Excel).");
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(CsvHeader, lines[0]);
        Assert.Equal(shown, lines.Length - 1);
        Assert.All(lines.Skip(1), line =>
        {
            Assert.Contains(";soc.taby;", line, StringComparison.Ordinal);
            Assert.Contains(participant.Id.ToString(), line, StringComparison.Ordinal);
            Assert.DoesNotContain(participant.LastName, line, StringComparison.Ordinal);
            Assert.DoesNotContain(participant.Personnummer[..8], line, StringComparison.Ordinal);
        });
        Assert.Contains(lines, l => l.Contains(";create;", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(";read;", StringComparison.Ordinal));

        // The export itself is logged.
        await page.GetByLabel("Deltagare (id)").FillAsync("");
        await page.GetByLabel("Användare").FillAsync("admin.taby");
        await page.GetByLabel("Händelse").SelectOptionAsync(new SelectOptionValue { Label = "Export" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Filtrera" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("action=export"));
        await Expect(rows).Not.ToHaveCountAsync(0);
        Assert.All(await rows.Locator("td:nth-child(4)").AllInnerTextsAsync(), a => Assert.Equal("Export", a.Trim()));
        await AssertAccessibleAsync(page);

        // A malformed filter is explained, in the summary and at the field.
        await page.GetByLabel("Deltagare (id)").FillAsync("inte-ett-id");
        await page.GetByLabel("Deltagare (id)").PressAsync("Enter");
        await Expect(ErrorSummary(page)).ToContainTextAsync("Deltagar-id ska vara ett id (GUID)");
        var link = ErrorSummary(page).GetByRole(AriaRole.Link);
        await Expect(link).ToHaveAttributeAsync("href", "#" + await page.GetByLabel("Deltagare (id)").GetAttributeAsync("id"));
        await Expect(page.GetByLabel("Deltagare (id)")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#participant-error")).ToContainTextAsync("Deltagar-id ska vara ett id (GUID)");
        await AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task Administrator_creates_a_user_and_a_disabled_user_can_no_longer_log_in()
    {
        var admin = await LoginAsync("admin.taby");
        await MainNav(admin).GetByRole(AriaRole.Link, new() { Name = "Användare" }).ClickAsync();
        await ExpectHeadingAsync(admin, "Användare");
        await AssertAccessibleAsync(admin);

        // An empty form is refused with one message per field.
        var create = admin.GetByRole(AriaRole.Button, new() { Name = "Skapa användare" });
        await create.ClickAsync();
        await Expect(ErrorSummary(admin).GetByRole(AriaRole.Listitem)).ToHaveCountAsync(5);
        await AssertAccessibleAsync(admin);

        var userName = "test." + TestPeople.UniqueLastName("ny").ToLowerInvariant();
        const string password = "Provlosen-2026";
        await admin.GetByLabel("Användarnamn").FillAsync(userName);
        await admin.GetByLabel("Namn", new() { Exact = true }).FillAsync("Nora Provare");
        await admin.GetByLabel("Organisation").SelectOptionAsync(new SelectOptionValue { Label = "Täby kommun – Socialtjänsten, försörjningsstöd" });
        await admin.GetByLabel("Startlösenord").FillAsync(password);
        await admin.GetByLabel("Socialsekreterare", new() { Exact = true }).CheckAsync();
        await create.ClickAsync();
        await Expect(Flash(admin)).ToHaveTextAsync($"Användaren {userName} är skapad.");
        var row = admin.Locator("table tbody tr", new() { HasText = userName });
        await Expect(row).ToContainTextAsync("Nora Provare");
        await Expect(row.Locator(".badge")).ToHaveTextAsync("Aktiv");
        await AssertAccessibleAsync(admin);

        // The new user can log in and works with participants.
        var user = await LoginAsync(userName, password);
        await Expect(MainNav(user).GetByRole(AriaRole.Link, new() { Name = "Deltagare", Exact = true })).ToBeVisibleAsync();

        // Disabled: the running session ends at the next request and a new login gets the generic answer.
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Stäng av {userName}" }).ClickAsync();
        await Expect(Flash(admin)).ToContainTextAsync("Kontot är avstängt.");
        await Expect(row.Locator(".badge")).ToHaveTextAsync("Avstängd");
        await Expect(admin.GetByRole(AriaRole.Button, new() { Name = $"Aktivera {userName}" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(admin);

        await user.GotoAsync("/Participants");
        await ExpectHeadingAsync(user, "Logga in");
        await Expect(user.GetByRole(AriaRole.Link, new() { Name = "Logga ut" })).ToHaveCountAsync(0);

        var again = await NewPageAsync();
        await SubmitLoginAsync(again, userName, password);
        await ExpectHeadingAsync(again, "Logga in");
        await Expect(ErrorSummary(again)).ToContainTextAsync(LoginFailure);
        await AssertAccessibleAsync(again);

        // Enabled again, the same password works.
        await admin.GetByRole(AriaRole.Button, new() { Name = $"Aktivera {userName}" }).ClickAsync();
        await Expect(Flash(admin)).ToHaveTextAsync("Kontot är aktiverat.");
        await LoginAsync(userName, password);
    }

    [Fact]
    public async Task Administrator_sees_the_organisations_of_the_region_and_adds_one()
    {
        var page = await LoginAsync("admin.taby");
        await MainNav(page).GetByRole(AriaRole.Link, new() { Name = "Organisationer" }).ClickAsync();
        await ExpectHeadingAsync(page, "Organisationer");
        await Expect(page.Locator("main")).ToContainTextAsync("Samverkan Stockholm Nordost");
        var table = page.Locator("table tbody");
        foreach (var name in new[] { "Täby kommun", "Täby kommun – Socialtjänsten, försörjningsstöd", "Täby kommun – Jobbcentrum",
                     "Arbetsförmedlingen Nordöstra Stockholm", "Kunskapscentrum Nordost", "Norrtälje vuxenutbildning", "Österåker kommun" })
        {
            await Expect(table.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true })).ToHaveCountAsync(1);
        }

        await AssertAccessibleAsync(page);

        // A new organisation: an empty form is refused, a complete one is listed.
        var create = page.GetByRole(AriaRole.Button, new() { Name = "Skapa", Exact = true });
        await create.ClickAsync();
        await Expect(ErrorSummary(page)).ToBeVisibleAsync();
        await Expect(page.Locator("#Input_Name-error")).ToHaveTextAsync("Ange ett namn (högst 200 tecken).");
        await Expect(page.GetByLabel("Namn", new() { Exact = true })).ToHaveAccessibleDescriptionAsync("Ange ett namn (högst 200 tecken).");
        await AssertAccessibleAsync(page);

        var name2 = "Provverkstaden " + TestPeople.UniqueLastName("AB");
        await page.GetByLabel("Namn", new() { Exact = true }).FillAsync(name2);
        await page.GetByLabel("Typ (för en fristående organisation)").SelectOptionAsync("other");
        await create.ClickAsync();
        await Expect(Flash(page)).ToHaveTextAsync($"{name2} är skapad.");
        await Expect(table.GetByRole(AriaRole.Cell, new() { Name = name2, Exact = true })).ToHaveCountAsync(1);
        await AssertAccessibleAsync(page);
    }

    [GeneratedRegex(@"^loggkontroll-\d{8}-\d{4}\.csv$")]
    private static partial Regex CsvName();
}
