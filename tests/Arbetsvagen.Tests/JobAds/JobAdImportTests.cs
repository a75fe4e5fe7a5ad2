using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Arbetsvagen.Features.JobAds;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Arbetsvagen.Tests.JobAds.JobAdFileTests;

namespace Arbetsvagen.Tests.JobAds;

/// <summary>Importing ads through the API into a real database: idempotency, updates, removals, bad lines, rejection, resuming, figures.</summary>
public sealed class JobAdImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..30];

    private async Task<JsonObject> ImportAsync(string content, string fileName = "annonser.jsonl", string user = "samordnare.nordost")
    {
        var client = await app.ClientFor(user);
        var body = new ByteArrayContent(Encoding.UTF8.GetBytes(content));
        body.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        var started = await client.PostAsync($"/api/v1/job-ads/imports?fileName={Uri.EscapeDataString(fileName)}", body).JsonAsync(HttpStatusCode.Created);
        return await FinishedAsync(client, started.Id());
    }

    private static async Task<JsonObject> FinishedAsync(HttpClient client, Guid id)
    {
        for (var i = 0; i < 300; i++)
        {
            var status = await client.GetAsync($"/api/v1/job-ads/imports/{id}").JsonAsync(HttpStatusCode.OK);
            if ((string?)status["status"] is "completed" or "rejected")
            {
                return status;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The import {id} did not finish.");
    }

    private Task<JobAd?> AdAsync(string key) => app.WithDbAsync(db => db.JobAds.AsNoTracking().FirstOrDefaultAsync(a => a.AdKey == key));

    private static (long Added, long Updated, long Unchanged, long Closed, long Bad) Counts(JsonObject s) =>
        ((long)s["added"]!, (long)s["updated"]!, (long)s["unchanged"]!, (long)s["closed"]!, (long)s["badRecords"]!);

    [Fact]
    public async Task A_reimport_changes_nothing_a_changed_ad_is_updated_and_a_removal_closes_without_overwriting()
    {
        var (a, b, c) = (Unique("a"), Unique("b"), Unique("c"));
        var file = string.Join("\n", Ad(a), Ad(b, vacancies: 3), Ad(c)) + "\n";
        var first = await ImportAsync(file);
        Assert.Equal("completed", (string?)first["status"]);
        Assert.Equal("jsonLines", (string?)first["format"]);
        Assert.Equal((3, 0, 0, 0, 0), Counts(first));
        Assert.Equal(100, (int?)first["percent"]);

        var again = await ImportAsync(file);
        Assert.Equal((0, 0, 3, 0, 0), Counts(again));
        Assert.Equal(3, (await AdAsync(b))!.Vacancies);

        var changes = string.Join("\n", Ad(b, vacancies: 5), $$"""{"id": "{{c}}", "removed": true, "removed_date": "2026-11-25T09:00:00"}""");
        var third = await ImportAsync(changes);
        Assert.Equal((0, 1, 0, 1, 0), Counts(third));
        Assert.Equal(5, (await AdAsync(b))!.Vacancies);
        var closed = (await AdAsync(c))!;
        Assert.Equal((true, new DateOnly(2026, 11, 25)), (closed.Removed, closed.RemovedOn));
        Assert.Equal(("Bussförare till linjetrafik", "Testbuss AB", 2), (closed.Headline, closed.EmployerName, closed.Vacancies)); // the last full version stays
        Assert.Equal(1, await app.WithDbAsync(db => db.JobAds.CountAsync(x => x.AdKey == c)));
    }

    private static string Removal(string key, string day) => $$"""{"id": "{{key}}", "removed": true, "removed_date": "{{day}}T09:00:00"}""";

    [Fact]
    public async Task Versions_of_an_ad_in_one_file_apply_in_order_within_a_batch_and_across_batches()
    {
        // x is added, changed and closed within the first batch; y is added in the first batch and changed and closed in the second.
        var (x, y) = (Unique("x"), Unique("y"));
        var filler = Enumerable.Range(0, JobAdImporter.BatchSize).Select(i => Ad(Unique($"v{i}")));
        var lines = new[] { Ad(x), Ad(x, vacancies: 7), Removal(x, "2026-11-25"), Ad(y) }.Concat(filler).Concat([Ad(y, vacancies: 9), Removal(y, "2026-11-26")]);
        var status = await ImportAsync(string.Join("\n", lines));
        Assert.Equal((JobAdImporter.BatchSize + 2, 2, 0, 2, 0), Counts(status));
        var (adX, adY) = ((await AdAsync(x))!, (await AdAsync(y))!);
        Assert.Equal((7, true, new DateOnly(2026, 11, 25)), (adX.Vacancies, adX.Removed, adX.RemovedOn));
        Assert.Equal((9, true, new DateOnly(2026, 11, 26)), (adY.Vacancies, adY.Removed, adY.RemovedOn));
    }

    [Fact]
    public async Task An_imported_ad_is_stored_exactly_as_the_change_tracker_would_store_it()
    {
        // The importer writes new ads with its own INSERT (SQLite) or COPY (PostgreSQL); the same ad saved through EF must
        // give the same row, column by column, in the same storage classes, or queries would treat the two differently.
        var (imported, saved) = (Unique("w1"), Unique("w2"));
        await ImportAsync(Ad(imported) + "\n");
        var rows = await app.WithDbAsync(async db =>
        {
            var stored = await db.JobAds.AsNoTracking().SingleAsync(a => a.AdKey == imported);
            Assert.True(await db.JobAds.AnyAsync(a => a.Id == stored.Id && a.UpdatedAt == stored.UpdatedAt && a.PublishedOn == stored.PublishedOn));
            using (var doc = JsonDocument.Parse(Ad(saved)))
            {
                db.Add(JobAd.Create(JobAdFile.Parse(doc.RootElement, out _)!, stored.LastImportId, stored.UpdatedAt));
            }

            await db.SaveChangesAsync();
            var columns = db.Model.FindEntityType(typeof(JobAd))!.GetProperties().Select(p => p.GetColumnName()).ToList();
            var cell = db.IsPostgres ? "CAST(\"{0}\" AS TEXT)" : "typeof(\"{0}\") || ':' || CAST(\"{0}\" AS TEXT)";
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => string.Format(CultureInfo.InvariantCulture, cell, c)))} FROM \"JobAds\" WHERE \"AdKey\" = @a OR \"AdKey\" = @b ORDER BY \"AdKey\"";
            foreach (var (name, key) in new[] { ("@a", imported), ("@b", saved) })
            {
                var parameter = command.CreateParameter();
                (parameter.ParameterName, parameter.Value) = (name, key);
                command.Parameters.Add(parameter);
            }

            var result = new List<Dictionary<string, string?>>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                result.Add(columns.Select((c, i) => (c, reader.IsDBNull(i) ? null : reader.GetString(i))).ToDictionary(x => x.c, x => x.Item2));
            }

            return result;
        });

        Assert.Equal(2, rows.Count);
        foreach (var column in rows[0].Keys)
        {
            var (a, b) = (rows[0][column], rows[1][column]);
            if (column is "Id" or "AdKey")
            {
                // Different values, the same form: storage class, length and letter case.
                static (string, int, bool) Form(string v) => (v.Contains(':', StringComparison.Ordinal) ? v[..v.IndexOf(':', StringComparison.Ordinal)] : "", v.Length, v.Any(char.IsAsciiLetterLower));
                Assert.Equal(Form(a!), Form(b!));
            }
            else
            {
                Assert.True(a == b, $"{column}: {a} (import) against {b} (change tracker)");
            }
        }
    }

    [Fact]
    public async Task Bad_lines_are_reported_by_line_number_and_reason_and_the_rest_imports()
    {
        var (good1, good2) = (Unique("g1"), Unique("g2"));
        var file = string.Join("\n", Ad(good1), "{\"id\": \"x\", \"headline\": ", Ad(Unique("bad"), x => x["number_of_vacancies"] = -1), "", Ad(good2));
        var status = await ImportAsync(file);
        Assert.Equal((2, 0, 0, 0, 2), Counts(status));
        Assert.Equal(5, (long?)status["records"]);
        Assert.Equal(
            ["2: Raden är inte giltig JSON (trasig eller avkortad).", "3: Fältet number_of_vacancies ska vara ett heltal mellan 0 och 10 000."],
            status["problems"]!.AsArray().Select(p => $"{p!["line"]}: {p["reason"]}"));
        Assert.NotNull(await AdAsync(good2));
    }

    [Fact]
    public async Task A_file_that_is_not_jobsearch_is_rejected_whole_and_nothing_is_imported()
    {
        var key = Unique("r");
        var status = await ImportAsync("{\n  \"hits\": {\"hits\": [" + $"{{\"_source\": {Ad(key)}}}", "trasig.json"); // cut short
        Assert.Equal("rejected", (string?)status["status"]);
        Assert.StartsWith("Filen är inte giltig JSON", (string?)status["rejectedBecause"]);
        Assert.Null(await AdAsync(key));

        var text = await ImportAsync("Det här är ingen annonsfil.\nRad två.", "anteckning.txt");
        Assert.Equal("rejected", (string?)text["status"]);
        Assert.Equal((0, 0, 0, 0, 0), Counts(text));
    }

    [Fact]
    public async Task A_search_result_imports_its_hits()
    {
        var example = await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "jobsearch", "example-search-result.json"), TestContext.Current.CancellationToken);
        var status = await ImportAsync(example, "sokresultat.json");
        Assert.Equal("searchResult", (string?)status["format"]);
        Assert.Equal(0, (long?)status["badRecords"]);
        var ad = (await AdAsync("23187561"))!;
        Assert.Equal((10, "1280", "2512", "apaJ_2ja_LuF"), (ad.Vacancies, ad.MunicipalityCode, ad.SsykCode, ad.OccupationFieldId));
    }

    [Fact]
    public async Task Only_coordinators_analysts_and_administrators_import_and_the_upload_is_checked()
    {
        var caseworker = await app.ClientFor("jobb.taby");
        var body = new StringContent(Ad(Unique("f")), Encoding.UTF8, "application/x-ndjson");
        await caseworker.PostAsync("/api/v1/job-ads/imports", body).ShouldBe(HttpStatusCode.Forbidden);

        var analyst = await app.ClientFor("analytiker");
        var empty = await analyst.PostAsync("/api/v1/job-ads/imports", new ByteArrayContent([])).JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Filen är tom. Välj en fil med annonser i JobSearch-format (JSON Lines eller ett sökresultat).", (string?)empty["errors"]!["file"]![0]);
        await app.Anonymous().PostAsync("/api/v1/job-ads/imports", new StringContent("{}")).ShouldBe(HttpStatusCode.Unauthorized);
        await analyst.GetAsync($"/api/v1/job-ads/imports/{Guid.NewGuid()}").ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_stopped_import_resumes_after_its_last_committed_batch()
    {
        // The runner stopped after the first batch: the import is Running with its lease run out and the first lines done.
        var keys = Enumerable.Range(0, JobAdImporter.BatchSize + 10).Select(i => Unique($"s{i}")).ToList();
        var lines = keys.Select(k => Ad(k) + "\n").ToList();
        var content = string.Concat(lines);
        var firstBatch = Encoding.UTF8.GetByteCount(string.Concat(lines.Take(JobAdImporter.BatchSize)));
        var importId = await app.WithScopeAsync(async services =>
        {
            var files = services.GetRequiredService<JobAdFiles>();
            var db = services.GetRequiredService<AppDbContext>();
            var import = JobAdImport.Create("avbruten.jsonl", 0, Guid.Empty, DateTime.UtcNow);
            var size = await files.SaveAsync(import.Id, new MemoryStream(Encoding.UTF8.GetBytes(content)), CancellationToken.None);
            import = JobAdImport.Create("avbruten.jsonl", size, Guid.Empty, DateTime.UtcNow, import.Id);
            import.Start(JobAdFileFormat.JsonLines, DateTime.UtcNow);
            import.Record(new JobAdBatchResult(JobAdImporter.BatchSize, JobAdImporter.BatchSize, 0, 0, 0, []), firstBatch);
            import.Renew(DateTime.UtcNow.AddMinutes(-1));
            db.Add(import);
            await db.SaveChangesAsync();
            return import.Id;
        });

        // Only the lines after the committed batch are read again.
        await app.WithScopeAsync(async services =>
        {
            await services.GetRequiredService<JobAdImporter>().RunAsync(importId, CancellationToken.None);
            return 0;
        });
        var status = await FinishedAsync(await app.ClientFor("analytiker"), importId);
        Assert.Equal("completed", (string?)status["status"]);
        Assert.Equal(JobAdImporter.BatchSize + 10, (long?)status["records"]);
        Assert.Equal(JobAdImporter.BatchSize + 10, (long?)status["added"]);
        Assert.Null(await AdAsync(keys[0])); // in the batch that counted as committed, so not read again
        Assert.NotNull(await AdAsync(keys[^1]));
    }

    [Fact]
    public async Task Figures_count_ads_and_jobs_per_municipality_and_field_against_the_period_before()
    {
        // Vaxholm (0187) in a period of its own, far from other tests' dates.
        var file = string.Join("\n",
            Ad(Unique("f1"), vacancies: 4, municipality: "0187", published: "2031-03-05T00:00:00"),
            Ad(Unique("f2"), vacancies: 1, municipality: "0187", published: "2031-03-28T00:00:00"),
            Ad(Unique("f3"), vacancies: 2, municipality: "0187", published: "2031-02-10T00:00:00"),
            Ad(Unique("f4"), vacancies: 7, municipality: "0187", published: "2031-01-02T00:00:00"));
        await ImportAsync(file);
        var client = await app.ClientFor("analytiker");
        var figures = await client.GetAsync("/api/v1/job-ads/figures?from=2031-02-01&to=2031-03-31&municipalityCode=0187").JsonAsync(HttpStatusCode.OK);
        var row = figures["rows"]!.AsArray().Single()!;
        Assert.Equal(("0187", "ASGV_zcE_bWf", 3, 7, 1, 7),
            ((string?)row["municipalityCode"], (string?)row["occupationFieldId"], (int)row["ads"]!, (int)row["jobs"]!, (int)row["previousAds"]!, (int)row["previousJobs"]!));
        Assert.Equal(["2031-2: 1/2", "2031-3: 2/5"], figures["months"]!.AsArray().Select(m => $"{m!["year"]}-{m["month"]}: {m["ads"]}/{m["jobs"]}"));

        var bad = await client.GetAsync("/api/v1/job-ads/figures?from=2031-04-01&to=2031-03-01&municipalityCode=9999").JsonAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Från-datumet ska vara samma dag som eller före till-datumet.", (string?)bad["errors"]!["from"]![0]);
        Assert.NotNull(bad["errors"]!["municipalityCode"]);

        var list = await client.GetAsync("/api/v1/job-ads?municipalityCode=0187&ssyk=8331").JsonAsync(HttpStatusCode.OK);
        Assert.Contains(list["items"]!.AsArray(), i => (int?)i!["vacancies"] == 7);
        await client.GetAsync("/api/v1/job-ads?ssyk=83").ShouldBe(HttpStatusCode.BadRequest);
    }
}
