using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Arbetsvagen.Tests.Infrastructure;

public sealed record CreatedParticipant(Guid Id, string Number, string FirstName, string LastName);

public sealed record CreatedUser(Guid Id, string UserName, string Password);

/// <summary>
/// The application over HTTP on a database of its own (see <see cref="TestDatabase"/>), demo region seeded
/// with a small population. One instance per test class (IClassFixture); tests build their own data in it.
/// </summary>
public sealed class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "Arbetsvagen-demo-2026";

    private readonly ConcurrentDictionary<string, Lazy<Task<string>>> tokens = new();
    private readonly ConcurrentDictionary<string, Guid> organisationIds = new();
    private string keysPath = TestHost.NewKeysPath();
    private TestDatabase? database;
    private bool ownsDatabase = true;

    /// <summary>Seed the demo region and demo users (default). Set before the first request.</summary>
    public bool DemoEnabled { get; init; } = true;

    public TestDatabase TestDb => database ?? throw new InvalidOperationException("InitializeAsync has not run.");

    /// <summary>A started factory for a test that needs a database of its own; dispose it with await using.</summary>
    public static async Task<AppFactory> StartAsync(bool demoEnabled = true)
    {
        var factory = new AppFactory { DemoEnabled = demoEnabled };
        await factory.InitializeAsync();
        _ = factory.Services; // builds the host: migrates and seeds now, so a failure shows here
        return factory;
    }

    /// <summary>
    /// A second app instance over the first one's database and keys, as behind a load balancer; disposing it leaves
    /// the database to the first.
    /// </summary>
    public static AppFactory SecondInstanceOf(AppFactory first)
    {
        var second = new AppFactory { DemoEnabled = first.DemoEnabled };
        second.database = first.TestDb;
        second.keysPath = first.keysPath;
        second.ownsDatabase = false;
        return second;
    }

    public async ValueTask InitializeAsync() => database ??= await TestDatabase.CreateAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder) =>
        TestHost.Configure(builder, TestDb, keysPath, DemoEnabled, demoParticipants: 40);

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (!ownsDatabase)
        {
            return;
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }

        TestHost.DeleteKeys(keysPath);
    }

    // ------------------------------------------------------------------ clients

    /// <summary>A client that does not follow redirects and sends no credentials.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client with a bearer token for the user (demo password unless given); tokens are cached per user.</summary>
    public async Task<HttpClient> ClientFor(string userName, string password = DemoPassword)
    {
        var token = await tokens.GetOrAdd(userName, name => new Lazy<Task<string>>(() => TokenAsync(name, password))).Value;
        return WithToken(token);
    }

    public HttpClient WithToken(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A client signed in to the pages with the login form (cookie), not following redirects.</summary>
    public async Task<HttpClient> PagesClientFor(string userName, string password = DemoPassword)
    {
        var client = Anonymous();
        var login = await client.GetStringAsync("/Account/Login");
        var token = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(login)
            .QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? throw new InvalidOperationException("The login page has no antiforgery token.");
        await client.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = userName, ["Password"] = password, ["__RequestVerificationToken"] = token,
        })).ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    public Task<HttpResponseMessage> RequestTokenAsync(string? userName, string? password, string? totpCode = null) =>
        Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName, password, totpCode });

    public async Task<string> TokenAsync(string userName, string password = DemoPassword, string? totpCode = null)
    {
        var body = await RequestTokenAsync(userName, password, totpCode).JsonAsync(HttpStatusCode.OK);
        return (string)body["accessToken"]!;
    }

    // ------------------------------------------------------------------ data through the API

    /// <summary>An organisation's id by its exact name, from GET /api/v1/organisations.</summary>
    public async Task<Guid> OrganisationId(string name)
    {
        if (organisationIds.IsEmpty)
        {
            var client = await ClientFor("admin.taby");
            var list = await (await client.GetAsync("/api/v1/organisations").ShouldBe(HttpStatusCode.OK)).JsonArrayAsync();
            foreach (var o in list)
            {
                organisationIds[(string)o!["name"]!] = o.Id();
            }
        }

        return organisationIds.TryGetValue(name, out var id) ? id : throw new KeyNotFoundException($"No organisation named '{name}'.");
    }

    public static JsonObject ParticipantBody(string personnummer, string firstName, string lastName) => new()
    {
        ["personalIdentityNumber"] = TestPeople.Dashed(personnummer),
        ["firstName"] = firstName,
        ["lastName"] = lastName,
        ["gender"] = "woman",
        ["homeMunicipalityCode"] = "0160",
    };

    /// <summary>
    /// Registers a participant as <paramref name="userName"/> with a fresh test personnummer (returned as 12 digits;
    /// a customisation that replaces it makes that value stale) and a unique surname.
    /// </summary>
    public async Task<CreatedParticipant> CreateParticipantAsync(string userName = "soc.taby", Action<JsonObject>? customize = null)
    {
        var number = TestPeople.NextPersonnummer();
        var body = ParticipantBody(number, "Testa", TestPeople.UniqueLastName());
        customize?.Invoke(body);
        var client = await ClientFor(userName);
        var created = await client.PostAsJsonAsync("/api/v1/participants", body).JsonAsync(HttpStatusCode.Created);
        return new CreatedParticipant(created.Id(), number, (string)body["firstName"]!, (string)body["lastName"]!);
    }

    public async Task<JsonObject> ConsentBodyAsync(IEnumerable<string> recipients, params string[] categories) => new()
    {
        ["recipientOrganisationIds"] = new JsonArray((await Task.WhenAll(recipients.Select(OrganisationId))).Select(id => (JsonNode)id.ToString()).ToArray()),
        ["categories"] = new JsonArray(categories.Select(c => (JsonNode)c).ToArray()),
        ["purpose"] = "Samverkan kring stöd till arbete (test).",
        ["form"] = "written",
        ["validUntil"] = Arbetsvagen.Infrastructure.SwedishTime.Today(DateTime.UtcNow).AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>The case holder records a consent that names the recipients; returns its id.</summary>
    public async Task<Guid> GiveConsentAsync(Guid participantId, string[] recipients, string[] categories, string byUser = "soc.taby")
    {
        var client = await ClientFor(byUser);
        var body = await ConsentBodyAsync(recipients, categories);
        return (await client.PostAsJsonAsync($"/api/v1/participants/{participantId}/consents", body).JsonAsync(HttpStatusCode.Created)).Id();
    }

    /// <summary>A new user in Täby's scope, created by admin.taby through the API.</summary>
    public async Task<CreatedUser> CreateUserAsync(string organisationName, string role)
    {
        var userName = "test." + TestPeople.UniqueLastName("u").ToLowerInvariant();
        const string password = "Provlosen-2026";
        var admin = await ClientFor("admin.taby");
        var created = await admin.PostAsJsonAsync("/api/v1/users", new
        {
            userName,
            displayName = "Test Användare",
            organisationId = await OrganisationId(organisationName),
            roles = new[] { role },
            password,
        }).JsonAsync(HttpStatusCode.Created);
        return new CreatedUser(created.Id(), userName, password);
    }

    // ------------------------------------------------------------------ the database directly

    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        using var scope = Services.CreateScope();
        return await action(scope.ServiceProvider);
    }

    public Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> action) =>
        WithScopeAsync(services => action(services.GetRequiredService<AppDbContext>()));

    /// <summary>Access-log rows matching <paramref name="where"/>, oldest first, read straight from the table.</summary>
    public Task<List<AccessLogEntry>> AccessLogAsync(Expression<Func<AccessLogEntry, bool>> where) =>
        WithDbAsync(db => db.AccessLog.AsNoTracking().Where(where).OrderBy(a => a.Id).ToListAsync());

    public Task<List<AccessLogEntry>> AccessLogForAsync(Guid participantId, string? action = null, string? userName = null) =>
        AccessLogAsync(a => a.ParticipantId == participantId && (action == null || a.Action == action) && (userName == null || a.UserName == userName));
}
