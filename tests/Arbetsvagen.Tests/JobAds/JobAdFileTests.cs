using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Arbetsvagen.Features.JobAds;
using Xunit;

namespace Arbetsvagen.Tests.JobAds;

/// <summary>
/// Reading JobSearch files without a database: the two shapes of taxonomy fields, ids, removals, bad lines, memory.
/// Run alone (<see cref="MeasuresMemory"/>): the memory test reads the process's heap, which other tests running beside
/// it would fill.
/// </summary>
[Collection(nameof(MeasuresMemory))]
public sealed class JobAdFileTests
{
    /// <summary>An ad line as the archives write it; <paramref name="change"/> edits it before it is written.</summary>
    public static string Ad(string id, Action<JsonObject>? change = null, int vacancies = 2, string municipality = "0160", string published = "2026-11-02T08:00:00")
    {
        var ad = new JsonObject
        {
            ["id"] = id,
            ["headline"] = "Bussförare till linjetrafik",
            ["number_of_vacancies"] = vacancies,
            ["publication_date"] = published,
            ["last_publication_date"] = "2026-12-31T23:59:59",
            ["application_deadline"] = "2026-12-20T23:59:59",
            ["removed"] = false,
            ["employer"] = new JsonObject { ["name"] = "Testbuss AB", ["organization_number"] = "5560000001" },
            ["occupation"] = new JsonObject { ["concept_id"] = "7wdX_4rv_33z", ["label"] = "Bussförare" },
            ["occupation_group"] = new JsonObject { ["concept_id"] = "abcd_efg_hij", ["label"] = "Buss- och spårvagnsförare", ["legacy_ams_taxonomy_id"] = "8331" },
            ["occupation_field"] = new JsonObject { ["concept_id"] = "ASGV_zcE_bWf", ["label"] = "Transport, distribution, lager" },
            ["employment_type"] = new JsonObject { ["concept_id"] = "PFZr_Syz_cUq", ["label"] = "Vanlig anställning" },
            ["workplace_address"] = new JsonObject { ["municipality_code"] = municipality },
            ["driving_license_required"] = true,
            ["driving_license"] = new JsonArray(new JsonObject { ["label"] = "D" }, new JsonObject { ["label"] = "B" }),
            ["experience_required"] = false,
        };
        change?.Invoke(ad);
        return ad.ToJsonString();
    }

    private static async Task<List<JobAdLine>> ReadAsync(string text)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var lines = new List<JobAdLine>();
        await foreach (var line in JobAdFile.ReadLinesAsync(stream, 0, TestContext.Current.CancellationToken))
        {
            lines.Add(line);
        }

        return lines;
    }

    [Fact]
    public async Task A_full_ad_keeps_its_fields()
    {
        var line = Assert.Single(await ReadAsync(Ad("1001") + "\n"));
        var ad = line.Record!;
        Assert.Null(line.Problem);
        Assert.Equal(("1001", false, "Bussförare till linjetrafik", 2), (ad.Key, ad.IsRemoval, ad.Headline, ad.Vacancies));
        Assert.Equal(("Testbuss AB", "5560000001"), (ad.EmployerName, ad.EmployerOrganisationNumber));
        Assert.Equal(("7wdX_4rv_33z", "8331", "ASGV_zcE_bWf", "0160"), (ad.OccupationId, ad.SsykCode, ad.OccupationFieldId, ad.MunicipalityCode));
        Assert.Equal(("D,B", true, false), (ad.DrivingLicences, ad.DrivingLicenceRequired, ad.ExperienceRequired));
        Assert.Equal((new DateOnly(2026, 11, 2), new DateOnly(2026, 12, 20), new DateOnly(2026, 12, 31)), (ad.PublishedOn, ad.ApplicationDeadline!.Value, ad.LastPublicationOn!.Value));
        Assert.Equal(line.EndOffset, Encoding.UTF8.GetByteCount(Ad("1001") + "\n"));
    }

    [Fact]
    public async Task Taxonomy_fields_are_read_as_lists_in_the_archive_and_as_objects_in_the_api()
    {
        var archived = Ad("1002", a =>
        {
            a["occupation"] = new JsonArray(new JsonObject { ["concept_id"] = "arch_occ_id1", ["label"] = "Bussförare" });
            a["occupation_field"] = new JsonArray(new JsonObject { ["concept_id"] = "ASGV_zcE_bWf" });
            a["occupation_group"] = new JsonArray(new JsonObject { ["legacy_ams_taxonomy_id"] = "8331" });
        });
        var ad = Assert.Single(await ReadAsync(archived)).Record!;
        Assert.Equal(("arch_occ_id1", "ASGV_zcE_bWf", "8331"), (ad.OccupationId, ad.OccupationFieldId, ad.SsykCode));
    }

    [Fact]
    public async Task A_historical_ad_is_keyed_by_its_platsbanken_id_not_its_content_derived_id()
    {
        var ad = Assert.Single(await ReadAsync(Ad("d41d8cd98f00b204e980", a => a["original_id"] = 24567890))).Record!;
        Assert.Equal("24567890", ad.Key);
    }

    [Fact]
    public async Task A_removal_record_carries_only_the_id_and_the_date()
    {
        var line = Assert.Single(await ReadAsync("""{"id": "1003", "removed": true, "removed_date": "2026-11-20T10:00:00"}"""));
        Assert.Equal(("1003", true, new DateOnly(2026, 11, 20)), (line.Record!.Key, line.Record.IsRemoval, line.Record.RemovedOn!.Value));
    }

    [Fact]
    public async Task Bad_lines_are_reported_with_their_reason_and_the_rest_is_read()
    {
        var text = string.Join("\n",
            Ad("2001"),
            "{\"id\": \"2002\", \"headline\": \"Trasig", // truncated JSON
            Ad("2003", a => a["number_of_vacancies"] = "många"),
            Ad("2004", a => a.Remove("id")),
            Ad("2005", a => a["publication_date"] = "i går"),
            "[1, 2, 3]",
            "",
            Ad("2006", a => a["occupation"] = "Bussförare"),
            "\r",
            Ad("2007"));
        var lines = await ReadAsync("\uFEFF" + text);
        Assert.Equal(10, lines.Count);
        Assert.Equal(["2001", "2007"], lines.Where(l => l.Record is not null).Select(l => l.Record!.Key));
        Assert.Equal(2, lines.Count(l => l.Record is null && l.Problem is null)); // the blank lines
        Assert.Equal(
            [
                "Raden är inte giltig JSON (trasig eller avkortad).",
                "Fältet number_of_vacancies ska vara ett heltal mellan 0 och 10 000.",
                "Fältet id saknas.",
                "Fältet publication_date ska vara ett datum (ÅÅÅÅ-MM-DD).",
                "Raden är inte ett JSON-objekt med en annons.",
                "Fältet occupation ska vara ett objekt eller en lista av objekt.",
            ],
            lines.Select(l => l.Problem).OfType<string>());
    }

    [Fact]
    public async Task A_line_over_the_limit_is_skipped_without_losing_the_next()
    {
        var huge = Ad("3001", a => a["headline"] = new string('x', JobAdFile.MaxLineBytes + 10));
        var lines = await ReadAsync(Ad("3000") + "\n" + huge + "\n" + Ad("3002") + "\n");
        Assert.Equal(3, lines.Count);
        Assert.Equal("3000", lines[0].Record!.Key);
        Assert.StartsWith("Raden är längre än 2 MB", lines[1].Problem);
        Assert.Equal("3002", lines[2].Record!.Key);
    }

    [Fact]
    public async Task Reading_resumes_at_a_byte_offset()
    {
        var first = Ad("4001") + "\n";
        var text = first + Ad("4002") + "\n" + Ad("4003");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        var keys = new List<string>();
        await foreach (var line in JobAdFile.ReadLinesAsync(stream, Encoding.UTF8.GetByteCount(first), TestContext.Current.CancellationToken))
        {
            keys.Add(line.Record!.Key);
        }

        Assert.Equal(["4002", "4003"], keys);
    }

    [Fact]
    public async Task A_large_file_is_read_in_constant_memory()
    {
        // 50,000 ads (about 180 MB) generated as they are read, never held: the live heap must stay far below the file's size.
        const int count = 50_000;
        var description = new string('t', 3000);
        await using var stream = new GeneratedLines(count, i => Ad($"m{i}", a => a["description"] = new JsonObject { ["text"] = description }));
        var read = 0;
        long peak = 0;
        GC.Collect();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        await foreach (var line in JobAdFile.ReadLinesAsync(stream, 0, TestContext.Current.CancellationToken))
        {
            Assert.NotNull(line.Record);
            if (++read % 5_000 == 0)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: true) - before);
            }
        }

        Assert.Equal(count, read);
        Assert.True(stream.Length > 150_000_000, $"the file is {stream.Length} bytes");
        Assert.True(peak < 32 * 1024 * 1024, $"the heap grew by {peak / (1024 * 1024)} MB while reading {stream.Length / (1024 * 1024)} MB");
    }

    [Fact]
    public async Task A_search_result_is_read_whole_and_a_truncated_one_is_refused()
    {
        var example = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "TestData", "jobsearch", "example-search-result.json"), TestContext.Current.CancellationToken);
        using (var stream = new MemoryStream(example))
        {
            Assert.Equal(JobAdFileFormat.SearchResult, await JobAdFile.DetectAsync(stream, TestContext.Current.CancellationToken));
            var (hits, document, problem) = await JobAdFile.ReadSearchResultAsync(stream, TestContext.Current.CancellationToken);
            using (document)
            {
                Assert.Null(problem);
                Assert.Equal(["23174210", "23187561"], hits!.Select(h => JobAdFile.Parse(h, out _)!.Key));
                Assert.Equal(10, JobAdFile.Parse(hits![1], out _)!.Vacancies);
            }
        }

        using var truncated = new MemoryStream(example[..(example.Length / 2)]);
        var refused = await JobAdFile.ReadSearchResultAsync(truncated, TestContext.Current.CancellationToken);
        Assert.Null(refused.Hits);
        Assert.StartsWith("Filen är inte giltig JSON (trasig eller avkortad", refused.Problem);
        using var lines = new MemoryStream(Encoding.UTF8.GetBytes(Ad("5001") + "\n" + Ad("5002")));
        Assert.Equal(JobAdFileFormat.JsonLines, await JobAdFile.DetectAsync(lines, TestContext.Current.CancellationToken));
    }

    [Fact]
    public void Ssyk_codes_before_mid_2014_are_not_kept_and_a_reimport_of_the_same_version_changes_nothing()
    {
        using var doc = JsonDocument.Parse(Ad("6001", published: "2013-05-02T00:00:00"));
        var record = JobAdFile.Parse(doc.RootElement, out _)!;
        var ad = JobAd.Create(record, Guid.NewGuid(), DateTime.UtcNow);
        Assert.Null(ad.SsykCode);
        Assert.Equal("8331", record.SsykCode);
        Assert.False(ad.Apply(record, Guid.NewGuid(), DateTime.UtcNow));
        Assert.True(ad.Close(new DateOnly(2013, 6, 1), Guid.NewGuid(), DateTime.UtcNow));
        Assert.Equal("Bussförare till linjetrafik", ad.Headline);
    }

    /// <summary>A read-only stream of generated lines: a large file without the disk or the memory.</summary>
    private sealed class GeneratedLines(int count, Func<int, string> line) : Stream
    {
        private byte[] current = [];
        private int at;
        private int next;
        private long position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => position;

        public override long Position { get => position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int size)
        {
            if (at == current.Length)
            {
                if (next == count)
                {
                    return 0;
                }

                current = Encoding.UTF8.GetBytes(line(next++) + "\n");
                at = 0;
            }

            var n = Math.Min(size, current.Length - at);
            Array.Copy(current, at, buffer, offset, n);
            at += n;
            position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

/// <summary>Tests that measure the process's heap: run after the parallel ones, with nothing beside them.</summary>
[CollectionDefinition(nameof(MeasuresMemory), DisableParallelization = true)]
public sealed class MeasuresMemory;
