using System.Diagnostics;
using System.Globalization;
using Arbetsvagen.Features.JobAds;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.JobAdImport.Bench;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

// Issue 10's import target: a year of ads (700,000) from a JSON Lines file in ≤ 2 minutes with flat memory, and a
// re-import of the same file that changes nothing and is faster. Runs the real JobAdImporter (what the background
// runner calls) against an empty database, then again on the same file. Usage (Release; scripts/bench-job-ads.sh):
//   Arbetsvagen.JobAdImport.Bench --provider Sqlite|Postgres --connection "…" [--ads 700000] [--file /tmp/ads.jsonl]
// The file is generated when it does not exist (it is kept for the next run).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = args.Chunk(2).Where(p => p.Length == 2 && p[0].StartsWith("--", StringComparison.Ordinal)).ToDictionary(p => p[0][2..], p => p[1]);
var provider = Enum.Parse<DatabaseProvider>(options.GetValueOrDefault("provider", "Sqlite"), ignoreCase: true);
var connection = options.GetValueOrDefault("connection") ?? throw new ArgumentException("--connection is required");
var adCount = int.Parse(options.GetValueOrDefault("ads", "700000"), CultureInfo.InvariantCulture);
var path = options.GetValueOrDefault("file") ?? Path.Combine(Path.GetTempPath(), $"jobsearch-{adCount}.jsonl");

Console.WriteLine($"Job-ad import bench: {provider}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}");

// 1. The file, streamed; kept with its counts beside it, so the next run (the other database) reads the same one.
var clock = Stopwatch.StartNew();
var countsPath = path + ".counts";
GeneratedFile generated;
if (File.Exists(path) && File.Exists(countsPath))
{
    var counts = File.ReadAllText(countsPath).Split(',').Select(int.Parse).ToArray();
    generated = new GeneratedFile(path, new FileInfo(path).Length, counts[0], counts[1], counts[2]);
}
else
{
    generated = new AdFileGenerator().Write(path + ".part", adCount) with { Path = path };
    File.Move(path + ".part", path, overwrite: true);
    File.WriteAllText(countsPath, $"{generated.Ads},{generated.Removals},{generated.BadLines}");
}

Console.WriteLine($"file: {path}, {generated.Bytes / 1e6:N0} MB, {generated.Ads:N0} ads, {generated.Removals:N0} removal records, {generated.BadLines} bad lines ({clock.Elapsed.TotalSeconds:F1} s)");
var failures = new List<string>();

// The floor: reading and parsing the file alone, without a database (what no importer can beat on one thread).
clock.Restart();
await using (var stream = File.OpenRead(path))
{
    var records = 0;
    await foreach (var line in JobAdFile.ReadLinesAsync(stream, 0, CancellationToken.None))
    {
        records += line.Record is null ? 0 : 1;
    }

    Console.WriteLine($"read and parse only: {clock.Elapsed.TotalSeconds:F1} s, {records:N0} records");
}

// 2. An empty database with the product's schema.
var dbOptions = new DbContextOptionsBuilder<AppDbContext>();
Database.Configure(dbOptions, provider, connection);
await using (var db = new AppDbContext(dbOptions.Options))
{
    await SchemaMigrator.MigrateAsync(db);
}

var importFolder = Directory.CreateTempSubdirectory("jobad-bench-imports").FullName;
var files = new JobAdFiles(new ConfigurationBuilder().AddInMemoryCollection([new("JobAds:ImportPath", importFolder)]).Build());

var first = await ImportAsync("import");
var expectedAds = generated.Ads;
Check(first.Import.Added == expectedAds, $"added {first.Import.Added:N0}, expected {expectedAds:N0}");
Check(first.Import.Closed == generated.Removals, $"closed {first.Import.Closed:N0}, expected {generated.Removals:N0}");
Check(first.Import.BadRecords == generated.BadLines, $"bad lines {first.Import.BadRecords}, expected {generated.BadLines}");

var again = await ImportAsync("re-import");
Check(again.Import.Added + again.Import.Updated + again.Import.Closed == 0,
    $"the re-import changed {again.Import.Added} added, {again.Import.Updated} updated, {again.Import.Closed} closed");
Check(again.Import.Unchanged == generated.Ads + generated.Removals, $"unchanged {again.Import.Unchanged:N0}, expected {generated.Ads + generated.Removals:N0}");
await using (var db = new AppDbContext(dbOptions.Options))
{
    var (count, removed) = (await db.JobAds.CountAsync(), await db.JobAds.CountAsync(a => a.Removed));
    Check(count == expectedAds && removed == generated.Removals, $"the database holds {count:N0} ads ({removed:N0} removed)");
}

Console.WriteLine();
Console.WriteLine($"| {provider} | time | ads/s | peak working set | peak GC heap | added | updated | unchanged | closed | bad |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var run in new[] { first, again })
{
    var i = run.Import;
    Console.WriteLine($"| {run.Name} | {run.Seconds:F1} s | {generated.Ads / run.Seconds:N0} | {run.Memory.PeakWorkingSet / 1e6:N0} MB | {run.Memory.PeakHeap / 1e6:N0} MB | {i.Added:N0} | {i.Updated:N0} | {i.Unchanged:N0} | {i.Closed:N0} | {i.BadRecords:N0} |");
}

Directory.Delete(importFolder, recursive: true);
var met = first.Seconds <= 120 && again.Seconds < first.Seconds && failures.Count == 0;
Console.WriteLine(met ? "TARGET MET: import ≤ 120 s, re-import faster and changing nothing" : $"TARGET NOT MET{string.Concat(failures.Select(f => "; " + f))}");
return met ? 0 : 1;

// One import of the file through the real importer, with memory sampled every 100 ms.
async Task<Run> ImportAsync(string name)
{
    Guid id;
    await using (var db = new AppDbContext(dbOptions.Options))
    {
        var import = Arbetsvagen.Features.JobAds.JobAdImport.Create(Path.GetFileName(path), generated.Bytes, Guid.Empty, DateTime.UtcNow);
        db.Add(import);
        await db.SaveChangesAsync();
        id = import.Id;
    }

    // The importer deletes its file when it ends: it gets a link to the generated one.
    File.CreateSymbolicLink(files.PathOf(id), path);
    GC.Collect();
    using var memory = new MemorySampler();
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var started = Stopwatch.GetTimestamp();
    await using (var db = new AppDbContext(dbOptions.Options))
    {
        await new JobAdImporter(db, files, TimeProvider.System).RunAsync(id, CancellationToken.None);
    }

    var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
    var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
    Console.WriteLine($"  load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}");
    var result = memory.Stop();
    await using (var db = new AppDbContext(dbOptions.Options))
    {
        var import = await db.JobAdImports.AsNoTracking().SingleAsync(i => i.Id == id);
        Check(import.Status == JobAdImportStatus.Completed, $"{name}: status {import.Status} {import.RejectedBecause}");
        Console.WriteLine($"{name}: {seconds:F1} s ({cpuSeconds:F1} s CPU in this process), {generated.Ads / seconds:N0} ads/s; added {import.Added:N0}, updated {import.Updated:N0}, unchanged {import.Unchanged:N0}, closed {import.Closed:N0}, bad {import.BadRecords}");
        Console.WriteLine($"  memory per tenth of the run (max working set / max GC heap, MB): {result.ByTenth}");
        return new Run(name, seconds, import, result);
    }
}

void Check(bool ok, string failure)
{
    if (!ok)
    {
        failures.Add(failure);
        Console.WriteLine($"CHECK FAILED: {failure}");
    }
}

internal sealed record Run(string Name, double Seconds, Arbetsvagen.Features.JobAds.JobAdImport Import, MemoryResult Memory);
