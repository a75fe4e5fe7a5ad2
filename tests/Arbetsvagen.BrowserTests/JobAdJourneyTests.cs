using System.Text;
using Arbetsvagen.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Arbetsvagen.BrowserTests;

/// <summary>
/// Job ads in a browser: a coordinator uploads a JSON Lines file with one bad line, follows the import to the end,
/// reads the report of the bad line, finds the ad in the list and the jobs in the recruitment figures. Every page passes axe.
/// </summary>
public sealed class JobAdJourneyTests(BrowserApp app) : BrowserTest(app)
{
    private static string Ad(string id, string headline, int vacancies) =>
        $$$"""{"id": "{{{id}}}", "headline": "{{{headline}}}", "number_of_vacancies": {{{vacancies}}}, "publication_date": "2032-05-04T00:00:00", "occupation_group": {"legacy_ams_taxonomy_id": "8331"}, "occupation_field": {"concept_id": "ASGV_zcE_bWf"}, "workplace_address": {"municipality_code": "0125"}, "employer": {"name": "Resebolaget AB"}}""";

    [Fact]
    public async Task A_coordinator_imports_ads_reads_the_report_and_sees_the_jobs_in_the_figures()
    {
        var id = "journey-" + Guid.NewGuid().ToString("N")[..8];
        var headline = "Bussförare " + id;
        var file = string.Join("\n", Ad(id, headline, 6), "{\"id\": \"trasig\"", Ad(id + "-2", "Regionbussförare", 2)) + "\n";

        var page = await LoginAsync("samordnare.nordost");
        await MainNav(page).GetByRole(AriaRole.Link, new() { Name = "Platsannonser" }).ClickAsync();
        await ExpectHeadingAsync(page, "Platsannonser");
        await AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Importer och uppladdning" }).ClickAsync();
        await ExpectHeadingAsync(page, "Import av platsannonser");
        await page.GetByRole(AriaRole.Button, new() { Name = "Importera" }).ClickAsync();
        await Expect(ErrorSummary(page)).ToContainTextAsync("Filen är tom");
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Fil med annonser").SetInputFilesAsync(new FilePayload
        {
            Name = "annonser.jsonl", MimeType = "application/x-ndjson", Buffer = Encoding.UTF8.GetBytes(file),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Importera" }).ClickAsync();
        await ExpectHeadingAsync(page, "Import av annonser.jsonl");
        await AssertAccessibleAsync(page); // while it waits or runs, with its progress bar, or when it is done

        // The page follows the import by itself; without waiting for it, the link does the same.
        for (var i = 0; i < 60 && await page.GetByRole(AriaRole.Heading, new() { Name = "Klar", Level = 2 }).CountAsync() == 0; i++)
        {
            await page.WaitForTimeoutAsync(500);
            if (i % 10 == 9 && await page.GetByRole(AriaRole.Link, new() { Name = "Uppdatera förloppet" }).CountAsync() > 0)
            {
                await page.GetByRole(AriaRole.Link, new() { Name = "Uppdatera förloppet" }).ClickAsync();
            }
        }

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Klar", Level = 2 })).ToBeVisibleAsync();
        await Expect(page.Locator("dl.facts")).ToContainTextAsync("Nya annonser2");
        var problems = page.GetByRole(AriaRole.Table).Last;
        await Expect(problems).ToContainTextAsync("Raden är inte giltig JSON (trasig eller avkortad).");
        await Expect(problems.Locator("tbody tr td").First).ToHaveTextAsync("2");
        await AssertAccessibleAsync(page);

        await page.GotoAsync($"{App.BaseUrl}/JobAds?municipalityCode=0125&ssyk=8331");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = headline })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.GotoAsync($"{App.BaseUrl}/JobAds?ssyk=83");
        await Expect(ErrorSummary(page)).ToContainTextAsync("fyra siffror");

        await page.GotoAsync($"{App.BaseUrl}/JobAds/Figures?from=2032-05-01&to=2032-05-31&municipalityCode=0125");
        await ExpectHeadingAsync(page, "Rekryteringsbehov");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Transport, distribution, lager" });
        await Expect(row).ToContainTextAsync("Transport, distribution, lager");
        await Expect(row.Locator("td").Nth(2)).ToHaveTextAsync("8");
        await AssertAccessibleAsync(page);
    }
}
