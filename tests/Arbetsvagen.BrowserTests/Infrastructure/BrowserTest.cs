using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Arbetsvagen.BrowserTests.Infrastructure;

public sealed record RegisteredParticipant(Guid Id, string Personnummer, string FirstName, string LastName)
{
    public string DetailsPath => $"/Participants/Details/{Id}";
    public string FullName => $"{FirstName} {LastName}";
}

/// <summary>
/// Base of the browser test classes: opens isolated browser contexts on the assembly's server, closes them after
/// the test (with a screenshot of every open page when the test failed), and holds the steps journeys share.
/// Every helper that lands on a page runs axe-core on it.
/// </summary>
public abstract partial class BrowserTest(BrowserApp app) : IAsyncDisposable
{
    public const string LoginFailure = "Fel användarnamn eller lösenord.";

    private readonly List<IBrowserContext> contexts = [];

    protected BrowserApp App => app;

    /// <summary>A page in a new browser context: no cookies (or those of <paramref name="storageState"/>), nobody logged in.</summary>
    protected async Task<IPage> NewPageAsync(string? storageState = null)
    {
        var context = await app.NewContextAsync(storageState);
        contexts.Add(context);
        var page = await context.NewPageAsync();
        ContentSecurityPolicy.Watch(page);
        return page;
    }

    /// <summary>
    /// A new context logged in as <paramref name="userName"/>, on "Mina ärenden" (checked with axe). The first login of a
    /// demo user in a run goes through the login form; later ones start from that session's cookies, in a context of
    /// their own, and open "Mina ärenden" (the login form itself is tested where a test submits it). A session that is no
    /// longer accepted is replaced by a new login through the form.
    /// </summary>
    protected async Task<IPage> LoginAsync(string userName, string password = BrowserApp.DemoPassword)
    {
        var remember = password == BrowserApp.DemoPassword;
        if (remember && app.SessionOf(userName) is { } session)
        {
            var again = await NewPageAsync(session);
            await again.GotoAsync("/");
            if (!again.Url.Contains("/Account/", StringComparison.Ordinal))
            {
                await ExpectHeadingAsync(again, "Mina ärenden");
                await Expect(again).ToHaveURLAsync(new Regex("/$"));
                await AssertAccessibleAsync(again);
                return again;
            }

            app.ForgetSession(userName);
        }

        var page = await NewPageAsync();
        await SubmitLoginAsync(page, userName, password);
        await ExpectHeadingAsync(page, "Mina ärenden");
        await Expect(page).ToHaveURLAsync(new Regex("/$"));
        await AssertAccessibleAsync(page);
        if (remember)
        {
            app.RememberSession(userName, await page.Context.StorageStateAsync());
        }

        return page;
    }

    /// <summary>Opens the login page, checks it, fills the form and submits it with Enter.</summary>
    protected static async Task SubmitLoginAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/Account/Login");
        await ExpectHeadingAsync(page, "Logga in");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Användarnamn").FillAsync(userName);
        await page.GetByLabel("Lösenord").FillAsync(password);
        await page.GetByLabel("Lösenord").PressAsync("Enter");
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    protected static Task AssertAccessibleAsync(IPage page)
    {
        ContentSecurityPolicy.AssertNoneRefused(page);
        return Accessibility.AssertNoViolationsAsync(page);
    }

    /// <summary>Navigates, expects the page's h1 to contain <paramref name="heading"/>, runs axe.</summary>
    protected static async Task VisitAsync(IPage page, string path, string heading)
    {
        await page.GotoAsync(path);
        await ExpectHeadingAsync(page, heading);
        await AssertAccessibleAsync(page);
    }

    protected static ILocator Heading(IPage page) => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>Expects the h1 to contain <paramref name="text"/>; on failure says which page was shown instead and its error summary.</summary>
    protected static async Task ExpectHeadingAsync(IPage page, string text)
    {
        try
        {
            await Expect(Heading(page)).ToContainTextAsync(text);
        }
        catch (PlaywrightException failure)
        {
            var shown = await page.Locator("h1").AllTextContentsAsync();
            var errors = await ErrorSummary(page).AllTextContentsAsync();
            throw new PlaywrightException($"{failure.Message}\nShown: {page.Url} h1 [{string.Join(" | ", shown)}] errors [{string.Join(" | ", errors).Trim()}]", failure);
        }
    }

    /// <summary>The polite status message the layout shows after a redirect (TempData).</summary>
    protected static ILocator Flash(IPage page) => page.Locator("main .flash[role=status]");

    protected static ILocator ErrorSummary(IPage page) => page.Locator(".error-summary");

    protected static ILocator MainNav(IPage page) => page.GetByRole(AriaRole.Navigation, new() { Name = "Huvudmeny" });

    /// <summary>Presses Tab until <paramref name="target"/> has focus: proves it is reachable by keyboard.</summary>
    protected static async Task TabToAsync(IPage page, ILocator target, int maxPresses = 150)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("el => el === document.activeElement"))
            {
                return;
            }
        }

        var focused = await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML?.slice(0, 200) ?? '(none)'");
        Assert.Fail($"{target} was not reached with {maxPresses} presses of Tab on {page.Url}; focus ended on {focused}");
    }

    /// <summary>Registers a participant through "Ny deltagare" (filling with the mouse-free Fill API, submitting with Enter).</summary>
    protected async Task<RegisteredParticipant> RegisterParticipantAsync(IPage page, string? lastName = null)
    {
        var number = app.People.NextPersonnummer();
        var first = "Testa";
        var last = lastName ?? TestPeople.UniqueLastName();
        await VisitAsync(page, "/Participants/Create", "Ny deltagare");
        await page.GetByLabel("Personnummer eller samordningsnummer").FillAsync(number);
        await page.GetByLabel("Förnamn").FillAsync(first);
        await page.GetByLabel("Efternamn").FillAsync(last);
        await page.GetByLabel("Kön").SelectOptionAsync("woman");
        await page.GetByLabel("Hemkommun").SelectOptionAsync("0160");
        await page.GetByLabel("Efternamn").PressAsync("Enter");
        await ExpectHeadingAsync(page, $"{first} {last}");
        await Expect(Flash(page)).ToHaveTextAsync("Deltagaren är registrerad.");
        await AssertAccessibleAsync(page);
        return new RegisteredParticipant(IdFromUrl(page.Url), number, first, last);
    }

    /// <summary>Today in Sweden, as the application counts days.</summary>
    protected static DateOnly Today => Arbetsvagen.Infrastructure.SwedishTime.Today(DateTime.UtcNow);

    /// <summary>A date as the date fields and the pages write it (ÅÅÅÅ-MM-DD).</summary>
    protected static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The latest Monday–Friday on or before <paramref name="date"/>.</summary>
    protected static DateOnly LastWeekday(DateOnly date)
    {
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
        {
            date = date.AddDays(-1);
        }

        return date;
    }

    /// <summary>Records a written consent through "Registrera samtycke" for the named organisations and categories (labels as on the form).</summary>
    protected static async Task RegisterConsentAsync(IPage page, RegisteredParticipant participant, string purpose, string[] recipients, string[] categories)
    {
        await VisitAsync(page, $"/Consents/Create/{participant.Id}", "Registrera samtycke för " + participant.FullName);
        foreach (var recipient in recipients)
        {
            await page.GetByLabel(recipient, new() { Exact = true }).CheckAsync();
        }

        foreach (var category in categories)
        {
            await page.GetByLabel(category, new() { Exact = true }).CheckAsync();
        }

        await page.GetByLabel("Syfte").FillAsync(purpose);
        await page.GetByLabel("Skriftligt").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera samtycke" }).ClickAsync();
        await ExpectHeadingAsync(page, participant.FullName);
        await Expect(Flash(page)).ToHaveTextAsync("Samtycket är registrerat.");
        await AssertAccessibleAsync(page);
    }

    /// <summary>Schedules an activity Monday–Friday through "Aktiviteter" and returns its id; lands on the activity's page.</summary>
    protected static async Task<Guid> ScheduleActivityAsync(IPage page, string name, string kind, DateOnly startsOn, DateOnly endsOn, string hoursPerDay)
    {
        await VisitAsync(page, "/Activities", "Aktiviteter");
        await page.GetByLabel("Namn", new() { Exact = true }).FillAsync(name);
        await page.GetByLabel("Typ", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = kind });
        await page.GetByLabel("Plats (valfritt)").FillAsync("Täby centrum");
        await page.GetByLabel("Startdatum").FillAsync(Iso(startsOn));
        await page.GetByLabel("Slutdatum").FillAsync(Iso(endsOn));
        foreach (var day in new[] { "Måndag", "Tisdag", "Onsdag", "Torsdag", "Fredag" })
        {
            await page.GetByLabel(day, new() { Exact = true }).CheckAsync();
        }

        await page.GetByLabel("Timmar per dag").FillAsync(hoursPerDay);
        await page.GetByRole(AriaRole.Button, new() { Name = "Schemalägg aktivitet" }).ClickAsync();
        await ExpectHeadingAsync(page, name);
        await Expect(Flash(page)).ToHaveTextAsync($"Aktiviteten {name} är schemalagd.");
        await AssertAccessibleAsync(page);
        return IdFromUrl(page.Url);
    }

    protected static Guid IdFromUrl(string url) =>
        Guid.Parse(DetailsUrl().Match(url) is { Success: true } m ? m.Groups[1].Value : throw new InvalidOperationException($"No id in {url}"));

    [GeneratedRegex("/([0-9a-fA-F-]{36})(?:[/?#]|$)")]
    private static partial Regex DetailsUrl();

    public async ValueTask DisposeAsync()
    {
        if (TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            await SaveScreenshotsAsync();
        }

        foreach (var context in contexts)
        {
            await context.CloseAsync();
        }

        GC.SuppressFinalize(this);
    }

    private async Task SaveScreenshotsAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "arbetsvagen-browser-failures");
        Directory.CreateDirectory(directory);
        var test = Regex.Replace(TestContext.Current.Test?.TestDisplayName ?? "test", "[^A-Za-z0-9_.-]+", "_");
        var n = 0;
        foreach (var page in contexts.SelectMany(c => c.Pages))
        {
            try
            {
                var path = Path.Combine(directory, $"{test}-{++n}.png");
                await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
                TestContext.Current.SendDiagnosticMessage($"Screenshot of {page.Url}: {path}");
            }
            catch (PlaywrightException)
            {
                // A closed or crashed page has nothing to show.
            }
        }
    }
}
