using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Npgsql;

/// <summary>
/// Issue 12 §7's load test (<c>Arbetsvagen.Bench load …</c>, run by scripts/bench-load.sh): N caseworkers, each with
/// their own browser session signed in through the login form, click through a caseworker's day with 1–3 s between
/// clicks — start page, participant search, a participant's page, a case and its journal, a journal entry written,
/// list pages, the statistics page now and then. An error is any answer other than the expected status (a 302 to the
/// login page, a 429 from the rate limiter and a 500 are all errors) or an exception/timeout. The access-log writer's
/// lag is sampled from /metrics (as the administrator) once a second.
/// After the main run, each of <c>--restarts</c> stops and starts the server through <c>--restart-script</c> (the
/// users keep their sessions, as people would) and measures the first <c>--restart-seconds</c> of the same load.
/// </summary>
internal static partial class LoadTest
{
    private const string Password = "Arbetsvagen-demo-2026";

    // The caseworkers of several organisations (the KAA officer works in a register of his own, not the participant pages).
    private static readonly string[] Accounts = ["soc.taby", "jobb.taby", "soc.vaxholm", "jobb.vaxholm", "af.nordost", "syv.kcno"];
    private static readonly string[] SearchWords = ["berg", "lind", "karl", "ström", "erik", "anna", "nils", "holm", "sson", "ali"];
    private static readonly string[] ListPages = ["/Participants", "/Employers", "/Placements", "/Notifications", "/JobTracks"];

    // What a caseworker does, with how often (weights) and the status that counts as success.
    private static readonly (string Kind, int Weight)[] Mix =
    [
        ("start page", 20), ("participant search", 12), ("participant page", 18), ("case page", 14), ("journal (API)", 4),
        ("journal write", 6), ("list page", 14), ("work list (API)", 4), ("statistics page", 2),
    ];

    public static async Task<int> RunAsync(Dictionary<string, string> options)
    {
        var url = new Uri(options.GetValueOrDefault("url", "http://127.0.0.1:5090"));
        int Int(string name, int fallback) => int.Parse(options.GetValueOrDefault(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var users = Int("users", 300);
        var seconds = (int)(double.Parse(options.GetValueOrDefault("minutes", "10"), CultureInfo.InvariantCulture) * 60);
        var ramp = Int("ramp-seconds", Math.Min(60, Math.Max(5, users / 5)));
        var restartSeconds = Int("restart-seconds", 60);
        var restarts = options.GetValueOrDefault("restarts", "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var restartScript = options.GetValueOrDefault("restart-script", "");
        var provider = options.GetValueOrDefault("provider", "Sqlite");
        var connection = options.GetValueOrDefault("connection", "");

        Console.WriteLine($"Arbetsvägen load test: {users} users, 1–3 s between clicks, {seconds / 60.0:0.#} min after a {ramp} s sign-in ramp, {url} ({provider})");
        var work = await DiscoverAsync(url, provider, connection);
        var vus = Enumerable.Range(0, users).Select(i => new VirtualUser(i, Accounts[i % Accounts.Length], url, work)).ToList();
        var exitCode = 0;

        var main = await RunPhaseAsync("main run", vus, url, work, ramp + seconds, signInRamp: ramp);
        exitCode |= main.Report();
        foreach (var label in restarts)
        {
            Console.WriteLine();
            Console.WriteLine($"==> restart: {label}");
            var started = Stopwatch.StartNew();
            using (var process = Process.Start(new ProcessStartInfo("bash", [restartScript, label]) { RedirectStandardOutput = true })!)
            {
                Console.Write(await process.StandardOutput.ReadToEndAsync());
                await process.WaitForExitAsync();
                if (process.ExitCode != 0)
                {
                    Console.WriteLine($"restart {label} failed (exit {process.ExitCode})");
                    return 1;
                }
            }

            Console.WriteLine($"(server stopped and ready again in {started.Elapsed.TotalSeconds:F1} s)");
            work.AdminToken = await TokenAsync(url, "admin.taby", 250) ?? work.AdminToken;
            var first = await RunPhaseAsync($"first {restartSeconds} s after restart ({label})", vus, url, work, restartSeconds, signInRamp: 0);
            exitCode |= first.Report();
        }

        return exitCode;
    }

    private static async Task<Phase> RunPhaseAsync(string name, List<VirtualUser> vus, Uri url, Work work, int seconds, int signInRamp)
    {
        var phase = new Phase(name, seconds);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var sampler = SampleLogLagAsync(url, work, phase, stop.Token);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(vus.Select(vu => vu.RunAsync(phase, clock, signInRamp * vu.Index / (double)vus.Count, stop.Token)));
        phase.Elapsed = clock.Elapsed.TotalSeconds;
        await sampler;
        phase.LoadAverage = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "";
        return phase;
    }

    /// <summary>The access-log writer's lag and queue as the server reports them (Prometheus text), once a second.</summary>
    private static async Task SampleLogLagAsync(Uri url, Work work, Phase phase, CancellationToken stop)
    {
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "/metrics");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", work.AdminToken);
                var text = await (await http.SendAsync(request, stop)).Content.ReadAsStringAsync(stop);
                double? lag = null, depth = null;
                foreach (var line in text.Split('\n'))
                {
                    if (line.StartsWith("arbetsvagen_access_log_lag", StringComparison.Ordinal))
                    {
                        lag = double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
                    }
                    else if (line.StartsWith("arbetsvagen_access_log_queue_depth", StringComparison.Ordinal))
                    {
                        depth = double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture);
                    }
                }

                if (lag is { } l)
                {
                    lock (phase.LogLag)
                    {
                        phase.LogLag.Add(l);
                        phase.MaxQueueDepth = Math.Max(phase.MaxQueueDepth, depth ?? 0);
                    }
                }
                else
                {
                    phase.MetricsMissing++;
                }

                await Task.Delay(1000, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                phase.MetricsMissing++; // a scrape that timed out under load: counted, and the next one follows
            }
        }
    }

    /// <summary>Tokens for the API calls and the metrics, and each account's cases (from the database: setup, not load).</summary>
    private static async Task<Work> DiscoverAsync(Uri url, string provider, string connection)
    {
        var work = new Work { AdminToken = await TokenAsync(url, "admin.taby", 251) ?? throw new InvalidOperationException("admin.taby could not sign in") };
        using var http = new HttpClient { BaseAddress = url };
        var cases = new List<(Guid Case, Guid Participant, Guid Organisation)>();
        await using (DbConnection db = provider == "Postgres" ? new NpgsqlConnection(connection) : new SqliteConnection(connection))
        {
            await db.OpenAsync();
            await using var command = db.CreateCommand();
            command.CommandText = """SELECT "Id", "ParticipantId", "OrganisationId" FROM "Cases" """;
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                cases.Add((Guid.Parse(reader.GetValue(0).ToString()!), Guid.Parse(reader.GetValue(1).ToString()!), Guid.Parse(reader.GetValue(2).ToString()!)));
            }
        }

        for (var a = 0; a < Accounts.Length; a++)
        {
            var token = await TokenAsync(url, Accounts[a], 252 + a) ?? throw new InvalidOperationException($"{Accounts[a]} could not sign in");
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/me");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var me = await (await http.SendAsync(request)).Content.ReadFromJsonAsync<JsonElement>();
            var organisation = me.GetProperty("organisationId").GetGuid();
            var held = cases.Where(c => c.Organisation == organisation).ToList();
            // Participants: those of the account's cases, or (an organisation that holds none) the first the list shows.
            var participants = held.Select(c => c.Participant).Distinct().ToList();
            if (participants.Count == 0)
            {
                using var list = new HttpRequestMessage(HttpMethod.Get, "/api/v1/participants?pageSize=50");
                list.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                var page = await (await http.SendAsync(list)).Content.ReadFromJsonAsync<JsonElement>();
                participants = page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
            }

            if (participants.Count == 0)
            {
                throw new InvalidOperationException($"{Accounts[a]} sees no participants; the load test needs the demo region.");
            }

            work.Accounts[Accounts[a]] = new Account(token, held.Select(c => c.Case).ToArray(), participants.ToArray());
            Console.WriteLine($"  {Accounts[a]}: {held.Count} cases held, {participants.Count} participants to open");
        }

        return work;
    }

    private static async Task<string?> TokenAsync(Uri url, string userName, int address)
    {
        using var http = new HttpClient { BaseAddress = url };
        http.DefaultRequestHeaders.Add("X-Forwarded-For", $"10.1.{address / 250}.{address % 250 + 1}");
        var response = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = Password });
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString() : null;
    }

    internal sealed record Account(string Token, Guid[] Cases, Guid[] Participants);

    internal sealed class Work
    {
        public string AdminToken { get; set; } = "";
        public Dictionary<string, Account> Accounts { get; } = [];
    }

    /// <summary>One person at a browser: own cookies (session and antiforgery), own address (behind the trusted proxy).</summary>
    private sealed partial class VirtualUser(int index, string login, Uri url, Work work)
    {
        private readonly CookieContainer cookies = new();
        private readonly Random random = new(index);
        private string? formToken;

        public int Index => index;

        public async Task RunAsync(Phase phase, Stopwatch clock, double startAfter, CancellationToken stop)
        {
            // A fresh connection pool per phase: the server may have restarted in between; the cookies stay.
            using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false })
            {
                BaseAddress = url,
                Timeout = TimeSpan.FromSeconds(60),
            };
            // Each person has an address of their own (the app trusts 127.0.0.1 as its proxy), as behind a real proxy:
            // the sign-in limit counts per address.
            http.DefaultRequestHeaders.Add("X-Forwarded-For", $"10.0.{index / 250}.{index % 250 + 1}");
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(startAfter > 0 ? startAfter : random.NextDouble() * 3), stop);
                if (formToken is null)
                {
                    await TimedAsync(phase, clock, "sign-in", () => SignInAsync(http, stop), stop);
                    await Task.Delay(random.Next(1000, 3000), stop);
                }

                while (!stop.IsCancellationRequested)
                {
                    var kind = Pick();
                    await TimedAsync(phase, clock, kind, () => ClickAsync(http, kind, stop), stop);
                    await Task.Delay(random.Next(1000, 3001), stop);
                }
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
        }

        private static async Task TimedAsync(Phase phase, Stopwatch clock, string kind, Func<Task<string?>> click, CancellationToken stop)
        {
            var at = clock.Elapsed.TotalSeconds;
            var watch = Stopwatch.StartNew();
            string? error;
            try
            {
                error = await click();
            }
            catch (TaskCanceledException) when (!stop.IsCancellationRequested)
            {
                error = "timeout";
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                Interlocked.Increment(ref phase.Unfinished); // still waiting when the phase ended: counted, not timed
                throw;
            }
            catch (HttpRequestException e)
            {
                error = e.StatusCode is { } status ? $"{(int)status}" : e.HttpRequestError.ToString();
            }

            phase.Add(kind, at, watch.Elapsed.TotalMilliseconds, error);
        }

        private string Pick()
        {
            var roll = random.Next(Mix.Sum(m => m.Weight));
            var kind = Mix[0].Kind;
            foreach (var (candidate, weight) in Mix)
            {
                if ((roll -= weight) < 0)
                {
                    kind = candidate;
                    break;
                }
            }

            // An organisation that holds no cases (the employment service, the adult school) reads participants instead.
            return work.Accounts[login].Cases.Length == 0 && kind is "case page" or "journal (API)" or "journal write" ? "participant page" : kind;
        }

        private async Task<string?> ClickAsync(HttpClient http, string kind, CancellationToken stop)
        {
            var account = work.Accounts[login];
            var caseId = account.Cases.Length == 0 ? Guid.Empty : account.Cases[random.Next(account.Cases.Length)];
            return kind switch
            {
                "start page" => await GetAsync(http, "/", stop),
                "participant search" => await PostFormAsync(http, "/Participants", HttpStatusCode.OK, stop,
                    ("Search", SearchWords[random.Next(SearchWords.Length)]), ("PageNumber", "1")),
                "participant page" => await GetAsync(http, $"/Participants/Details/{account.Participants[random.Next(account.Participants.Length)]}", stop),
                "case page" => await GetAsync(http, $"/Cases/Details/{caseId}", stop),
                "journal (API)" => await GetAsync(http, $"/api/v1/cases/{caseId}/journal", stop, account.Token),
                "journal write" => await PostFormAsync(http, $"/Cases/Details/{caseId}?handler=Write", HttpStatusCode.Redirect, stop,
                    ("Entry.Type", "contact"), ("Entry.Text", $"Lasttest: telefonkontakt, uppföljning bokad ({index})")),
                "list page" => await GetAsync(http, ListPages[random.Next(ListPages.Length)], stop),
                "work list (API)" => await GetAsync(http, "/api/v1/work-list", stop, account.Token),
                "statistics page" => await GetAsync(http, "/Statistics/TargetGroups", stop),
                _ => throw new InvalidOperationException(kind),
            };
        }

        private static async Task<string?> GetAsync(HttpClient http, string path, CancellationToken stop, string? token = null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (token is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            using var response = await http.SendAsync(request, stop);
            await response.Content.ReadAsByteArrayAsync(stop);
            return Expect(response, HttpStatusCode.OK);
        }

        private async Task<string?> PostFormAsync(HttpClient http, string path, HttpStatusCode expected, CancellationToken stop, params (string Name, string Value)[] fields)
        {
            using var content = new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Name, f.Value))
                .Append(KeyValuePair.Create("__RequestVerificationToken", formToken ?? "")));
            using var response = await http.PostAsync(path, content, stop);
            await response.Content.ReadAsByteArrayAsync(stop);
            return Expect(response, expected);
        }

        private static string? Expect(HttpResponseMessage response, HttpStatusCode expected) =>
            response.StatusCode != expected ? $"{(int)response.StatusCode}"
            : expected == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/Account/", StringComparison.OrdinalIgnoreCase) == true ? "302 to sign-in"
            : null;

        /// <summary>Through the login form like a person, then the antiforgery token that the page forms carry.</summary>
        private async Task<string?> SignInAsync(HttpClient http, CancellationToken stop)
        {
            var form = await http.GetStringAsync("/Account/Login", stop);
            var loginToken = FormToken().Match(form).Groups[1].Value;
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["UserName"] = login, ["Password"] = Password, ["__RequestVerificationToken"] = loginToken,
            });
            using var response = await http.PostAsync("/Account/Login", content, stop);
            if (Expect(response, HttpStatusCode.Redirect) is { } error)
            {
                return "sign-in " + error;
            }

            var page = await http.GetStringAsync("/Participants", stop);
            formToken = FormToken().Match(page).Groups[1].Value;
            return formToken.Length == 0 ? "no form token" : null;
        }

        [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
        private static partial Regex FormToken();
    }

    /// <summary>What one phase measured: each click's kind, start (s into the phase), duration and error.</summary>
    private sealed class Phase(string name, int seconds)
    {
        private readonly List<(string Kind, double At, double Ms, string? Error)> clicks = [];

        public int Unfinished;

        public List<double> LogLag { get; } = [];
        public double MaxQueueDepth { get; set; }
        public int MetricsMissing { get; set; }
        public double Elapsed { get; set; }
        public string LoadAverage { get; set; } = "";

        public void Add(string kind, double at, double ms, string? error)
        {
            lock (clicks)
            {
                clicks.Add((kind, at, ms, error));
            }
        }

        /// <summary>Prints the phase; 1 when it had errors.</summary>
        public int Report()
        {
            var errors = clicks.Count(c => c.Error is not null);
            Console.WriteLine();
            Console.WriteLine($"--- {name}: {clicks.Count} requests in {Elapsed:F0} s ({clicks.Count / Elapsed:F1} req/s), {errors} errors, " +
                $"{Unfinished} still waiting at the end (not timed); load average at the end: {LoadAverage}");
            Console.WriteLine($"{"request kind",-20} {"requests",9} {"errors",7} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"max ms",8}");
            foreach (var group in clicks.GroupBy(c => c.Kind).OrderBy(g => Array.FindIndex(Mix, m => m.Kind == g.Key)))
            {
                Line(group.Key, group.ToList());
            }

            Line("all", clicks);
            if (seconds > 120)
            {
                Line("all after 60 s", clicks.Where(c => c.At >= 60).ToList()); // signed in, past the cold start
            }
            else
            {
                // The curve of a cold start: p95 per stretch of the phase.
                foreach (var (from, to) in new[] { (0, 10), (10, 20), (20, 30), (30, 45), (45, seconds) })
                {
                    Line($"  {from}–{to} s", clicks.Where(c => c.At >= from && c.At < to).ToList());
                }
            }

            foreach (var error in clicks.Where(c => c.Error is not null).GroupBy(c => (c.Kind, c.Error)).OrderByDescending(g => g.Count()).Take(10))
            {
                Console.WriteLine($"  error: {error.Key.Kind}: {error.Key.Error} × {error.Count()}");
            }

            LogLag.Sort();
            Console.WriteLine(LogLag.Count == 0
                ? $"access-log lag: no samples ({MetricsMissing} scrapes failed or timed out)"
                : string.Create(CultureInfo.InvariantCulture,
                    $"access-log lag (writer's oldest waiting request, {LogLag.Count} samples, {MetricsMissing} scrapes failed): p50 {LogLag[LogLag.Count / 2] * 1000:F0} ms, p95 {Percentile(LogLag, 0.95) * 1000:F0} ms, p99 {Percentile(LogLag, 0.99) * 1000:F0} ms, max {LogLag[^1] * 1000:F0} ms, {LogLag.Count(l => l >= 1)} samples ≥ 1 s; queue depth max {MaxQueueDepth:F0}"));
            return errors > 0 ? 1 : 0;
        }

        private static void Line(string label, List<(string Kind, double At, double Ms, string? Error)> rows)
        {
            var ms = rows.Select(r => r.Ms).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{label,-20} {rows.Count,9} {rows.Count(r => r.Error is not null),7} {Percentile(ms, 0.50),8:F0} {Percentile(ms, 0.95),8:F0} {Percentile(ms, 0.99),8:F0} {(ms.Count == 0 ? 0 : ms[^1]),8:F0}"));
        }

        private static double Percentile(List<double> sorted, double q) =>
            sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(q * sorted.Count) - 1))];
    }
}
