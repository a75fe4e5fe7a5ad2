using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

// Load benchmark for a running Arbetsvägen: N concurrent caseworkers call the participant endpoints for a fixed
// time; the same visibility query is then run directly in SQL on the same database as the baseline.
// Usage: Arbetsvagen.Bench --url http://127.0.0.1:5090 --provider Sqlite|Postgres --connection "..." [--users 20] [--seconds 20] [--think-ms 0] [--only "page:"] [--server-warmup 60]
// --think-ms: each user pauses 0.5–1.5 × this long between requests (0 = back to back, i.e. saturation).
// Each scenario runs a short unmeasured warm-up first.
if (args.Length > 0 && args[0] == "load")
{
    Environment.Exit(await LoadTest.RunAsync(Args.Parse(args[1..]))); // issue 12 §7, scripts/bench-load.sh
}

var options = Args.Parse(args);
var url = new Uri(options.GetValueOrDefault("url", "http://127.0.0.1:5090"));
var provider = options.GetValueOrDefault("provider", "Sqlite");
var connection = options.GetValueOrDefault("connection", "");
var users = int.Parse(options.GetValueOrDefault("users", "20"), CultureInfo.InvariantCulture);
var seconds = int.Parse(options.GetValueOrDefault("seconds", "20"), CultureInfo.InvariantCulture);
var password = options.GetValueOrDefault("password", "Arbetsvagen-demo-2026");
var thinkMs = int.Parse(options.GetValueOrDefault("think-ms", "0"), CultureInfo.InvariantCulture);
var only = options.GetValueOrDefault("only", ""); // run only scenarios whose name contains this
// Seconds of mixed load before any scenario is measured (0 = measure a freshly started server).
var serverWarmup = int.Parse(options.GetValueOrDefault("server-warmup", "60"), CultureInfo.InvariantCulture);
// Each scenario first runs this long unmeasured, so first-call costs (JIT, cold caches) do not count as load.
var warmup = Math.Min(3, seconds / 5.0);
string[] logins = ["soc.taby", "jobb.taby", "soc.vaxholm", "jobb.vaxholm", "af.nordost", "syv.kcno", "kaa.norrtalje"];

using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
var tokens = new Dictionary<string, string>();
foreach (var login in logins)
{
    var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = login, password });
    response.EnsureSuccessStatusCode();
    tokens[login] = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
}

// A few participant ids per user for the "overview" (details) call.
var idsByUser = new Dictionary<string, List<string>>();
foreach (var login in logins)
{
    using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/participants?pageSize=50");
    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[login]);
    var page = await (await http.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
    idsByUser[login] = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
}

// Cookie sessions for the pages, logged in through the login form like a person.
var pageClients = new Dictionary<string, HttpClient>();
foreach (var login in logins)
{
    var client = new HttpClient(new HttpClientHandler { UseCookies = true, AllowAutoRedirect = false }) { BaseAddress = url };
    var form = await client.GetStringAsync("/Account/Login");
    var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
    using var content = new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["UserName"] = login, ["Password"] = password, ["__RequestVerificationToken"] = token,
    });
    var response = await client.PostAsync("/Account/Login", content);
    if (response.StatusCode != System.Net.HttpStatusCode.Redirect)
    {
        throw new InvalidOperationException($"Page login failed for {login}: {(int)response.StatusCode}");
    }

    pageClients[login] = client;
}

// The job track with the most candidates (seed-volume --candidates puts them all on one), for its page.
var jobTrack = "";
if (connection.Length > 0)
{
    await using DbConnection probe = provider == "Postgres" ? new NpgsqlConnection(connection) : new SqliteConnection(connection);
    await probe.OpenAsync();
    await using var command = probe.CreateCommand();
    command.CommandText = """SELECT "JobTrackId" FROM "JobTrackCandidates" GROUP BY "JobTrackId" ORDER BY COUNT(*) DESC LIMIT 1""";
    jobTrack = (await command.ExecuteScalarAsync())?.ToString() ?? "";
}

string[] names = ["anna", "erik", "fatima", "ali", "karlsson", "hassan", "maria svensson", "johan"];
string[] employerWords = ["bygg", "vård", "åkeri", "städ ab", "hamn", "öster", "logistik", "5567"];
var scenarios = new (string Name, Func<string, Random, string> Path)[]
{
    ("page: Mina ärenden", (_, _) => "page:/"),
    ("page: deltagare", (login, r) => idsByUser[login].Count == 0 ? "page:/" : $"page:/Participants/Details/{idsByUser[login][r.Next(idsByUser[login].Count)]}"),
    ("work list (API)", (_, _) => "/api/v1/work-list"),
    ("list (page 1)", (_, _) => "/api/v1/participants?pageSize=25"),
    ("search by name", (_, r) => $"/api/v1/participants?search={Uri.EscapeDataString(names[r.Next(names.Length)])}"),
    ("details", (login, r) => idsByUser[login].Count == 0 ? "/api/v1/me" : $"/api/v1/participants/{idsByUser[login][r.Next(idsByUser[login].Count)]}"),
    ("employers: list", (_, _) => "/api/v1/employers?pageSize=25"),
    ("employers: search", (_, r) => $"/api/v1/employers?search={Uri.EscapeDataString(employerWords[r.Next(employerWords.Length)])}"),
    ("page: arbetsgivare", (_, _) => "page:/Employers"),
    ("placements: list", (_, r) => $"/api/v1/placements?municipality={(r.Next(2) == 0 ? "0160" : "0187")}"),
    ("job track: candidates", (_, _) => jobTrack.Length == 0 ? "/api/v1/me" : $"/api/v1/job-tracks/{jobTrack}/candidates"),
    ("page: jobbspår", (_, _) => jobTrack.Length == 0 ? "page:/" : $"page:/JobTracks/Details/{jobTrack}"),
    // Matching: the top 50 of everyone in the region against the track's profile, with explanations, named or anonymous.
    ("page: matchning", (_, _) => jobTrack.Length == 0 ? "page:/" : $"page:/Matching/Candidates/JobTrack/{jobTrack}"),
    ("page: möjligheter", (login, r) => idsByUser[login].Count == 0 ? "page:/" : $"page:/Matching/Opportunities/{idsByUser[login][r.Next(idsByUser[login].Count)]}"),
    ("public page", (_, r) => $"anon:/Public?municipality={(r.Next(3) == 0 ? "0160" : "")}"),
    ("public API", (_, _) => "anon:/api/v1/public/opportunities"),
};

Console.WriteLine($"Arbetsvägen load benchmark: {users} concurrent users, {(thinkMs == 0 ? "no pause" : $"{thinkMs} ms pause")} between requests, {seconds} s per scenario, {url} ({provider})");
if (serverWarmup > 0)
{
    // A freshly started server runs unoptimised code until the JIT has recompiled its hot paths (tiered compilation),
    // which takes about a minute of full load on two cores. Measure the server as it runs in a working day, not its first seconds.
    var (_, warmupErrors, _) = await LoadAsync((login, r) => scenarios[r.Next(scenarios.Length)].Path(login, r), serverWarmup, 0);
    Console.WriteLine($"(server warmed up for {serverWarmup} s with all scenarios mixed, not measured; {warmupErrors} errors)");
}

Console.WriteLine($"{"scenario",-22} {"requests",9} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"errors",7}");
foreach (var (name, path) in scenarios.Where(s => s.Name.Contains(only, StringComparison.OrdinalIgnoreCase)))
{
    var (timings, errors, elapsed) = await LoadAsync(path, warmup, seconds);
    Report(name, timings, elapsed, errors);
}

// Runs the users against one scenario: `unmeasured` seconds first, then `measured` seconds whose timings count.
async Task<(List<double> Timings, int Errors, double Seconds)> LoadAsync(Func<string, Random, string> path, double unmeasured, double measured)
{
    var timings = new List<double>();
    var errors = 0;
    var stop = Stopwatch.StartNew();
    var workers = Enumerable.Range(0, users).Select(async worker =>
    {
        var login = logins[worker % logins.Length];
        var random = new Random(worker);
        var local = new List<double>();
        if (thinkMs > 0)
        {
            await Task.Delay(random.Next(thinkMs)); // people do not all click at the same instant
        }

        while (stop.Elapsed.TotalSeconds < unmeasured + measured)
        {
            var target = path(login, random);
            var isPage = target.StartsWith("page:", StringComparison.Ordinal);
            var isAnonymous = target.StartsWith("anon:", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(HttpMethod.Get, isPage || isAnonymous ? target[5..] : target);
            if (!isPage && !isAnonymous)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[login]);
            }

            var watch = Stopwatch.StartNew();
            using var response = await (isPage ? pageClients[login] : http).SendAsync(request);
            await response.Content.ReadAsByteArrayAsync();
            if (stop.Elapsed.TotalSeconds >= unmeasured)
            {
                local.Add(watch.Elapsed.TotalMilliseconds);
            }

            if (!response.IsSuccessStatusCode)
            {
                Interlocked.Increment(ref errors);
            }

            if (thinkMs > 0)
            {
                await Task.Delay(random.Next(thinkMs / 2, thinkMs * 3 / 2));
            }
        }

        lock (timings)
        {
            timings.AddRange(local);
        }
    }).ToList();
    await Task.WhenAll(workers);
    return (timings, errors, stop.Elapsed.TotalSeconds - unmeasured);
}

if (connection.Length > 0)
{
    // Baseline: the visibility + list query written by hand in SQL, same concurrency, no HTTP, no access log.
    await using DbConnection probe = provider == "Postgres" ? new NpgsqlConnection(connection) : new SqliteConnection(connection);
    await probe.OpenAsync();
    var boundaries = new List<string>();
    await using (var command = probe.CreateCommand())
    {
        command.CommandText = "SELECT DISTINCT \"OwnerBoundaryId\" FROM \"Participants\"";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            boundaries.Add(reader.GetValue(0).ToString()!);
        }
    }

    var sql = """
        SELECT v."Id", v."IdentityNumber", v."FirstName", v."LastName" FROM (
            SELECT p."Id", p."IdentityNumber", p."FirstName", p."LastName" FROM "Participants" p WHERE p."OwnerBoundaryId" = @b
            UNION ALL
            SELECT p."Id", p."IdentityNumber", p."FirstName", p."LastName" FROM "Participants" p
            WHERE p."OwnerBoundaryId" <> @b AND p."Id" IN (
                SELECT c."ParticipantId" FROM "Consents" c JOIN "ConsentRecipient" r ON r."ConsentId" = c."Id"
                WHERE c."WithdrawnAt" IS NULL AND r."OrganisationId" = @b)) v
        ORDER BY v."LastName" COLLATE "swedish", v."FirstName" COLLATE "swedish", v."Id" LIMIT 25
        """;
    var timings = new List<double>();
    var stop = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, users).Select(async worker =>
    {
        await using var db = await OpenAsync(provider, connection);
        var local = new List<double>();
        var random = new Random(worker);
        while (stop.Elapsed.TotalSeconds < seconds)
        {
            await using var command = db.CreateCommand();
            command.CommandText = sql;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "b";
            var boundary = boundaries[random.Next(boundaries.Count)];
            parameter.Value = provider == "Postgres" ? Guid.Parse(boundary) : boundary;
            command.Parameters.Add(parameter);
            var watch = Stopwatch.StartNew();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }

            local.Add(watch.Elapsed.TotalMilliseconds);
        }

        lock (timings)
        {
            timings.AddRange(local);
        }
    }));
    Report("list, raw SQL", timings, stop.Elapsed.TotalSeconds, 0);

    // Baseline for the employer search: the same name filter and order written by hand, no HTTP, no collation rewrite.
    const string employerSql = """
        SELECT "Id", "Name", "OrganisationNumber" FROM "Employers" WHERE lower("Name") LIKE @q OR "OrganisationNumber" LIKE @q
        ORDER BY "Name" COLLATE "swedish", "Id" LIMIT 25
        """;
    var employerTimings = new List<double>();
    var employerStop = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, users).Select(async worker =>
    {
        await using var db = await OpenAsync(provider, connection);
        var local = new List<double>();
        var random = new Random(worker);
        while (employerStop.Elapsed.TotalSeconds < seconds)
        {
            await using var command = db.CreateCommand();
            command.CommandText = employerSql;
            var parameter = command.CreateParameter();
            parameter.ParameterName = "q";
            parameter.Value = "%" + employerWords[random.Next(employerWords.Length)] + "%";
            command.Parameters.Add(parameter);
            var watch = Stopwatch.StartNew();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }

            local.Add(watch.Elapsed.TotalMilliseconds);
        }

        lock (employerTimings)
        {
            employerTimings.AddRange(local);
        }
    }));
    Report("employer search, SQL", employerTimings, employerStop.Elapsed.TotalSeconds, 0);
}

// A connection for the SQL baselines, which sort in Swedish as the application does: PostgreSQL has the collation in the
// database (migration 0010); SQLite needs it registered on the connection, as the application registers it.
static async Task<DbConnection> OpenAsync(string provider, string connection)
{
    if (provider == "Postgres")
    {
        var postgres = new NpgsqlConnection(connection);
        await postgres.OpenAsync();
        return postgres;
    }

    var sqlite = new SqliteConnection(connection);
    await sqlite.OpenAsync();
    var swedish = StringComparer.Create(CultureInfo.GetCultureInfo("sv-SE"), CompareOptions.None);
    sqlite.CreateCollation("swedish", (a, b) => swedish.Compare(a, b));
    return sqlite;
}

static void Report(string name, List<double> timings, double elapsed, int errors)
{
    timings.Sort();
    double P(double q) => timings.Count == 0 ? 0 : timings[Math.Min(timings.Count - 1, (int)Math.Ceiling(q * timings.Count) - 1)];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{name,-22} {timings.Count,9} {timings.Count / elapsed,8:F0} {P(0.50),8:F1} {P(0.95),8:F1} {P(0.99),8:F1} {errors,7}"));
}

static class Args
{
    public static Dictionary<string, string> Parse(string[] args)
    {
        var result = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            result[args[i].TrimStart('-')] = args[i + 1];
        }

        return result;
    }
}
