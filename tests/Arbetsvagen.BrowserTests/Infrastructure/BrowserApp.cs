using System.Collections.Concurrent;
using Arbetsvagen.BrowserTests.Infrastructure;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Xunit;
using Arbetsvagen.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(BrowserApp))]

namespace Arbetsvagen.BrowserTests.Infrastructure;

/// <summary>
/// One real Kestrel server (on a free port, own database, demo region with 480 participants) and one headless
/// Debian Chromium, shared by every test of the assembly (an assembly fixture), so that migrating, seeding and launching
/// the browser happen once per run instead of once per class. Each test opens its own browser contexts, makes its own
/// data and never relies on another test's effects or on global counts (see <see cref="TabyJobCentreNotifications"/>
/// for the tests that must not overlap, and <see cref="CreateUserLikeAsync"/> for those that change a user's login).
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string DemoPassword = "Arbetsvagen-demo-2026";

    /// <summary>The browser Playwright drives; TEST_CHROMIUM overrides it. Playwright cannot download its own here.</summary>
    public static string ChromiumPath => Environment.GetEnvironmentVariable("TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    private readonly string keysPath = TestHost.NewKeysPath();
    private TestDatabase? database;
    private Host? host;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public IBrowser Browser => browser ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>The server's services, for a journey that needs data no page of its own makes (e.g. another branch's register).</summary>
    public IServiceProvider Services => host?.Services ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>The server's address, e.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Hands out official test personnummer that neither the demo seed nor earlier tests used.</summary>
    public PersonnummerSource People { get; } = new();

    /// <summary>
    /// How many fictitious participants the demo seed spreads over the region's case-holding units: enough that a
    /// caseworker's list runs over more than one page (PageCoverageTests), seeded once per run.
    /// </summary>
    private const int DemoParticipants = 480;

    /// <summary>The storage state (cookies) of each demo user's logged-in session, made once by a real login.</summary>
    private readonly ConcurrentDictionary<string, string> sessions = new(StringComparer.Ordinal);

    static BrowserApp()
    {
        // Two cores run the server, the database and Chromium: give auto-waiting assertions some slack.
        Assertions.SetDefaultExpectTimeout(20_000);
    }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium was not found at {ChromiumPath} (scripts/test.sh installs it with apt-get; TEST_CHROMIUM overrides the path).");
        }

        database = await TestDatabase.CreateAsync();
        host = new Host(database, keysPath, DemoParticipants);
        host.UseKestrel(0);
        host.StartServer();
        using (var scope = host.Services.CreateScope())
        {
            People.Exclude(await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<Arbetsvagen.Core.Participants.Participant>()
                .Select(p => p.IdentityNumber).ToListAsync());
        }

        var address = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        BaseUrl = address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)
            .Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal)
            .Replace("localhost", "127.0.0.1", StringComparison.Ordinal)
            .TrimEnd('/');

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"],
        });
    }

    /// <summary>A fresh, isolated browser context (own cookies, or those of <paramref name="storageState"/>) with Swedish locale and time zone.</summary>
    public async Task<IBrowserContext> NewContextAsync(string? storageState = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            StorageState = storageState,
            Locale = "sv-SE",
            TimezoneId = "Europe/Stockholm",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(45_000);
        context.SetDefaultNavigationTimeout(60_000);
        return context;
    }

    /// <summary>The cookies of a session <paramref name="userName"/> logged in to with the demo password, if one was remembered.</summary>
    public string? SessionOf(string userName) => sessions.GetValueOrDefault(userName);

    public void RememberSession(string userName, string storageState) => sessions[userName] = storageState;

    public void ForgetSession(string userName) => sessions.TryRemove(userName, out _);

    /// <summary>
    /// A user of its own for a test that changes what a login needs (lockout, two-factor), so that no other test's
    /// demo user is affected: same organisation and role as the demo user <paramref name="likeDemoUser"/>, the demo password.
    /// </summary>
    public async Task<string> CreateUserLikeAsync(string likeDemoUser)
    {
        using var scope = Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var demo = await users.FindByNameAsync(likeDemoUser) ?? throw new InvalidOperationException($"No demo user {likeDemoUser}.");
        var roles = await users.GetRolesAsync(demo);
        var userName = $"{likeDemoUser}.{Guid.NewGuid().ToString("N")[..8]}";
        var user = new AppUser { UserName = userName, DisplayName = demo.DisplayName, OrganisationId = demo.OrganisationId };
        Check(await users.CreateAsync(user, DemoPassword), userName);
        Check(await users.AddToRolesAsync(user, roles), userName);
        return userName;

        static void Check(IdentityResult result, string userName)
        {
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Could not create {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        GC.SuppressFinalize(this);
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }

        TestHost.DeleteKeys(keysPath);
    }

    private sealed class Host(TestDatabase database, string keysPath, int participants) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) =>
            TestHost.Configure(builder, database, keysPath, demo: true, participants);
    }
}

/// <summary>Fresh official test personnummer (the shared <see cref="TestPeople"/>) as the forms take them, ÅÅÅÅMMDD-NNNN.</summary>
public sealed class PersonnummerSource
{
    private readonly ConcurrentDictionary<string, byte> taken = new();

    /// <summary>Numbers already in the database (the demo seed's): never handed out, or a form would answer "Personen finns redan".</summary>
    public void Exclude(IEnumerable<string> twelveDigits)
    {
        foreach (var number in twelveDigits)
        {
            taken.TryAdd(number.Replace("-", "", StringComparison.Ordinal).Replace("+", "", StringComparison.Ordinal), 0);
        }
    }

    public string NextPersonnummer()
    {
        for (var attempt = 0; attempt < 100_000; attempt++)
        {
            var number = TestPeople.NextPersonnummer();
            if (taken.TryAdd(number, 0))
            {
                return TestPeople.Dashed(number);
            }
        }

        throw new InvalidOperationException("Every official test personnummer is already taken.");
    }
}
