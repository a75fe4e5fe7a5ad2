using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Xunit;

namespace Arbetsvagen.Tests.Operations;

/// <summary>
/// The product as it runs in production (issue 12 §7): started from another folder, its health, its metrics, what
/// Kestrel refuses, what its logs never contain, and a backup restored into a fresh database.
/// </summary>
public sealed class ProductionStartTests(StartedProduct product) : IClassFixture<StartedProduct>
{
    [Fact]
    public async Task Started_from_another_folder_it_serves_pages_with_their_stylesheet_and_reads_its_appsettings()
    {
        var client = product.Anonymous();
        var login = await client.GetAsync("/Account/Login").ShouldBe(HttpStatusCode.OK);
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await login.Content.ReadAsStringAsync());
        var stylesheets = document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();

        Assert.NotEmpty(stylesheets);
        foreach (var href in stylesheets)
        {
            var css = await client.GetAsync(href).ShouldBe(HttpStatusCode.OK);
            Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
            Assert.True((await css.Content.ReadAsStringAsync()).Length > 100, $"{href} is empty");
        }

        // Demo mode is on only in the product's own appsettings.json: a demo user signing in shows it was read.
        var me = await (await product.ClientFor("soc.taby")).GetAsync("/api/v1/me").JsonAsync(HttpStatusCode.OK);
        Assert.Equal("soc.taby", (string?)me["userName"]);
    }

    [Fact]
    public async Task Health_is_live_and_ready_with_the_database_and_the_access_log_writer()
    {
        var client = product.Anonymous();
        await client.GetAsync("/health/live").ShouldBe(HttpStatusCode.OK);

        var ready = await client.GetAsync("/health/ready").JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Healthy", (string?)ready["status"]);
        Assert.Equal("Healthy", (string?)ready["checks"]!["database"]!["status"]);
        Assert.Equal("Healthy", (string?)ready["checks"]!["accessLog"]!["status"]);
        Assert.Equal("Healthy", (string?)ready["checks"]!["warmup"]!["status"]); // ready only after the start-up warm-up
        Assert.Contains(product.LogLines, l => l.Contains("Uppvärmningen tog", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_are_prometheus_text_for_administrators_only()
    {
        await product.Anonymous().GetAsync("/metrics").ShouldBe(HttpStatusCode.Unauthorized);
        await (await product.ClientFor("soc.taby")).GetAsync("/metrics").ShouldBe(HttpStatusCode.Forbidden);
        var admin = await product.ClientFor("admin.taby");
        await admin.GetAsync("/api/v1/participants").ShouldBe(HttpStatusCode.OK); // a request, a read and its log rows

        var metrics = await admin.GetAsync("/metrics").ShouldBe(HttpStatusCode.OK);
        var text = await metrics.Content.ReadAsStringAsync();

        Assert.StartsWith("text/plain", metrics.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        foreach (var name in new[]
                 {
                     "http_server_request_duration_seconds_count", "http_server_request_duration_seconds_bucket",
                     "arbetsvagen_db_command_duration_seconds_count", "arbetsvagen_access_log_queue_depth",
                     "arbetsvagen_access_log_lag_seconds", "arbetsvagen_access_log_committed",
                 })
        {
            Assert.Contains(name, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("X-Long: {LONG}\r\n", "431")] // a header larger than Kestrel's limit
    [InlineData("X-Test: a\rInjected: b\r\n", "400")] // a bare CR inside a value: a header-injection attempt
    [InlineData("X-Test: a\0b\r\n", "400")]
    [InlineData("Bad Name: x\r\n", "400")]
    public async Task Oversized_and_injected_headers_are_refused_with_4xx(string header, string status)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, product.Port);
        var stream = tcp.GetStream();
        var request = $"GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n{header.Replace("{LONG}", new string('a', 64 * 1024), StringComparison.Ordinal)}\r\n";
        await stream.WriteAsync(Encoding.Latin1.GetBytes(request));

        var buffer = new byte[256];
        var read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        var statusLine = Encoding.ASCII.GetString(buffer, 0, read).Split("\r\n")[0];

        Assert.StartsWith($"HTTP/1.1 {status}", statusLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_journey_through_the_product_leaves_no_name_or_personnummer_in_its_logs()
    {
        var number = TestPeople.NextPersonnummer();
        var lastName = TestPeople.UniqueLastName("Loggsson");
        var caseworker = await product.ClientFor("soc.taby");
        var browser = await product.BrowserFor("soc.taby");

        // Staff register a person, search for them in the list and through the API, open their page, open a case and
        // write in its journal, record a consent, and another organisation reads them under it.
        var created = await caseworker.PostAsJsonAsync("/api/v1/participants", AppFactory.ParticipantBody(number, "Loggrid", lastName)).JsonAsync(HttpStatusCode.Created);
        var id = created.Id();
        await browser.GetAsync("/").ShouldBe(HttpStatusCode.OK);
        await StartedProduct.PostFormAsync(browser, "/Participants", new() { ["Search"] = lastName }).ShouldBe(HttpStatusCode.OK);
        await StartedProduct.PostFormAsync(browser, "/Participants", new() { ["Search"] = TestPeople.Dashed(number) }).ShouldBe(HttpStatusCode.OK);
        await caseworker.PostAsJsonAsync("/api/v1/participants/search", new { search = $"Loggrid {lastName}" }).ShouldBe(HttpStatusCode.OK);
        await browser.GetAsync($"/Participants/Details/{id}").ShouldBe(HttpStatusCode.OK);
        var caseId = (await caseworker.PostAsJsonAsync($"/api/v1/participants/{id}/cases", new { source = "socialServices", reason = "Ansökan" })
            .JsonAsync(HttpStatusCode.Created)).Id();
        await caseworker.PostAsJsonAsync($"/api/v1/cases/{caseId}/journal", new { type = "conversation", text = $"Samtal med Loggrid {lastName}." })
            .ShouldBe(HttpStatusCode.Created);
        var admin = await product.ClientFor("admin.taby");
        var organisations = await admin.GetAsync("/api/v1/organisations").JsonArrayAsync(HttpStatusCode.OK);
        var jobCentre = organisations.Single(o => (string)o!["name"]! == "Täby kommun – Jobbcentrum").Id();
        await caseworker.PostAsJsonAsync($"/api/v1/participants/{id}/consents", new
        {
            recipientOrganisationIds = new[] { jobCentre },
            categories = new[] { "identity" },
            purpose = "Samverkan kring stöd till arbete (test).",
            form = "written",
            validUntil = DateTime.UtcNow.AddMonths(6).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        }).ShouldBe(HttpStatusCode.Created);
        await (await product.ClientFor("jobb.taby")).GetAsync($"/api/v1/participants/{id}").ShouldBe(HttpStatusCode.OK);

        // Mistakes and refusals, which are where names slip into messages: a duplicate, a bad number next to a
        // name, a person outside the boundary, a wrong password.
        await caseworker.PostAsJsonAsync("/api/v1/participants", AppFactory.ParticipantBody(number, "Loggrid", lastName)).ShouldBe(HttpStatusCode.Conflict);
        var bad = AppFactory.ParticipantBody(number, "Loggrid", lastName);
        bad["personalIdentityNumber"] = number[..8] + "-0000";
        await caseworker.PostAsJsonAsync("/api/v1/participants", bad).ShouldBe(HttpStatusCode.BadRequest);
        await (await product.ClientFor("soc.vaxholm")).GetAsync($"/api/v1/participants/{id}").ShouldBe(HttpStatusCode.NotFound);
        await product.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = "soc.taby", password = lastName }).ShouldBe(HttpStatusCode.Unauthorized);
        await product.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = number, password = "x" }).ShouldBe(HttpStatusCode.Unauthorized);

        // Every person in the database — the demo population and this test's — by name and by number in each written form.
        await using var db = product.Database.CreateContext();
        var people = await db.Participants.AsNoTracking().Select(p => new { p.FirstName, p.LastName, p.IdentityNumber }).ToListAsync();
        Assert.Contains(people, p => p.LastName == lastName);
        var forbidden = people.SelectMany(p => new[]
            {
                $"{p.FirstName} {p.LastName}", p.IdentityNumber,
                p.IdentityNumber.Length == 12 ? p.IdentityNumber[2..] : p.IdentityNumber,
                p.IdentityNumber.Length == 12 ? TestPeople.Dashed(p.IdentityNumber) : p.IdentityNumber,
                p.IdentityNumber.Length == 12 ? p.IdentityNumber[2..8] + "-" + p.IdentityNumber[8..] : p.IdentityNumber,
            })
            .Append(lastName)
            .Where(s => s.Length >= 6).Distinct().ToList();
        await Task.Delay(500); // the last lines reach the pipe
        var lines = product.LogLines.ToList();

        Assert.NotEmpty(lines);
        var leaks = lines.SelectMany(line => forbidden.Where(f => line.Contains(f, StringComparison.OrdinalIgnoreCase)).Select(f => $"{f}: {line}")).ToList();
        Assert.True(leaks.Count == 0, "Personal data in the log:\n" + string.Join('\n', leaks.Take(10)));
    }

    [Fact]
    public async Task A_backup_restored_into_a_fresh_database_has_the_same_rows_and_its_chains_verify_against_the_checkpoints()
    {
        // Something fresh in the log and the consents, then a quiet moment in which the product writes a checkpoint
        // (every second here) that covers it.
        var caseworker = await product.ClientFor("soc.taby");
        var created = await caseworker.PostAsJsonAsync("/api/v1/participants", AppFactory.ParticipantBody(TestPeople.NextPersonnummer(), "Backa", TestPeople.UniqueLastName()))
            .JsonAsync(HttpStatusCode.Created);
        await caseworker.GetAsync($"/api/v1/participants/{created.Id()}").ShouldBe(HttpStatusCode.OK);
        await Task.Delay(2500);

        var backupDir = Path.Combine(product.KeysPath, "backup");
        Directory.CreateDirectory(backupDir);
        string restoredConnection;
        if (product.Database.IsPostgres)
        {
            var server = new NpgsqlConnectionStringBuilder(product.Database.ConnectionString);
            var dump = Path.Combine(backupDir, "arbetsvagen.dump");
            await RunAsync("pg_dump", server, ["-Fc", "--no-owner", "-f", dump, "-d", server.Database!]);
            var fresh = $"arbetsvagen_restored_{Guid.NewGuid():N}";
            await RunAsync("createdb", server, [fresh]);
            await RunAsync("pg_restore", server, ["--no-owner", "--exit-on-error", "-d", fresh, dump]);
            restoredConnection = new NpgsqlConnectionStringBuilder(product.Database.ConnectionString) { Database = fresh }.ConnectionString;
        }
        else
        {
            var file = Path.Combine(backupDir, "arbetsvagen.db");
            var backup = await product.RunCommandAsync(["backup", "--to", file]);
            Assert.True(backup.ExitCode == 0, backup.Output);
            restoredConnection = $"Data Source={file}";
        }

        try
        {
            Assert.Equal(await CountRowsAsync(product.Database.Provider, product.Database.ConnectionString),
                await CountRowsAsync(product.Database.Provider, restoredConnection));

            var verified = await product.RunCommandAsync(["verify-log"], restoredConnection);

            Assert.True(verified.ExitCode == 0, verified.Output);
            Assert.Contains("kontrollpunkter, hel.", verified.Output, StringComparison.Ordinal);
            Assert.DoesNotContain(" 0 kontrollpunkter", verified.Output, StringComparison.Ordinal);
        }
        finally
        {
            if (product.Database.IsPostgres)
            {
                var restored = new NpgsqlConnectionStringBuilder(restoredConnection);
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(restoredConnection) { Database = "postgres", Pooling = false }.ConnectionString);
                await connection.OpenAsync();
                await using var drop = connection.CreateCommand();
                drop.CommandText = $"DROP DATABASE IF EXISTS \"{restored.Database}\" WITH (FORCE)";
                await drop.ExecuteNonQueryAsync();
            }
        }
    }

    [Fact]
    public async Task The_database_going_away_answers_503_problem_details_and_the_product_recovers_by_itself()
    {
        if (!product.Database.IsPostgres)
        {
            Assert.Skip("SQLite is a file inside the process: it cannot go away while the process runs.");
        }

        var owner = await product.ClientFor("soc.taby");
        var before = (await owner.PostAsJsonAsync("/api/v1/participants",
            AppFactory.ParticipantBody(TestPeople.NextPersonnummer(), "Före", TestPeople.UniqueLastName())).JsonAsync(HttpStatusCode.Created)).Id();
        var name = new NpgsqlConnectionStringBuilder(product.Database.ConnectionString).Database!;
        await ServerSqlAsync($"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS false");
        await ServerSqlAsync($"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}' AND pid <> pg_backend_pid()");
        try
        {
            var read = await owner.GetAsync($"/api/v1/participants/{before}");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, read.StatusCode);
            Assert.Equal("application/problem+json", read.Content.Headers.ContentType?.MediaType);
            Assert.True(read.Headers.RetryAfter is not null);
            var write = await owner.PostAsJsonAsync("/api/v1/participants",
                AppFactory.ParticipantBody(TestPeople.NextPersonnummer(), "Under", TestPeople.UniqueLastName()));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, write.StatusCode);
            await product.Anonymous().GetAsync("/health/ready").ShouldBe(HttpStatusCode.ServiceUnavailable);
            await product.Anonymous().GetAsync("/health/live").ShouldBe(HttpStatusCode.OK);
            await Task.Delay(TimeSpan.FromSeconds(5)); // the outage lasts (the issue's 30 s changes nothing but the wait)
        }
        finally
        {
            await ServerSqlAsync($"ALTER DATABASE \"{name}\" WITH ALLOW_CONNECTIONS true");
        }

        // It recovers by itself, and what was acknowledged before the outage is there.
        var until = DateTime.UtcNow.AddSeconds(30);
        HttpStatusCode status;
        do
        {
            status = (await owner.GetAsync($"/api/v1/participants/{before}")).StatusCode;
        }
        while (status != HttpStatusCode.OK && DateTime.UtcNow < until && await Task.Delay(500).ContinueWith(_ => true));

        Assert.Equal(HttpStatusCode.OK, status);
        await product.Anonymous().GetAsync("/health/ready").ShouldBe(HttpStatusCode.OK);
    }

    private static async Task ServerSqlAsync(string sql)
    {
        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("TEST_POSTGRES_CONNECTION")) { Pooling = false };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static async Task RunAsync(string tool, NpgsqlConnectionStringBuilder server, string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { "-h", server.Host!, "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", server.Username! }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        if (!string.IsNullOrEmpty(server.Password))
        {
            start.Environment["PGPASSWORD"] = server.Password;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool} failed: {await error}");
    }

    /// <summary>Every table's row count, by table name.</summary>
    private static async Task<SortedDictionary<string, long>> CountRowsAsync(DatabaseProvider provider, string connectionString)
    {
        DbConnection connection = provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(connectionString)
            : new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        await using (connection)
        {
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = connection.CreateCommand())
            {
                list.CommandText = provider == DatabaseProvider.Postgres
                    ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                    : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
                await using var reader = await list.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            var counts = new SortedDictionary<string, long>(StringComparer.Ordinal);
            foreach (var table in tables)
            {
                await using var count = connection.CreateCommand();
                count.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
                counts[table] = Convert.ToInt64(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            }

            Assert.True(counts.GetValueOrDefault("AccessLog") > 0 && counts.GetValueOrDefault("Consents") > 0);
            return counts;
        }
    }
}
