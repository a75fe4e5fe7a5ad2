using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Arbetsvagen.Matching;
using Arbetsvagen.Matching.Bench;
using Npgsql;

// The matching core's benchmark. Usage (Release):
//   dotnet run -c Release --project bench/Arbetsvagen.Matching.Bench -- [--candidates 200000] [--opportunities 10000]
//     [--runs 31] [--sql-runs 7] [--postgres "Host=…;Username=postgres"] [--skip-all] [--breakdown] [--profile-loop N]
// Without --postgres it reads /tmp/pgconn if present; --postgres none skips the SQL baseline.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = Args.Parse(args);
var candidateCount = options.Int("candidates", 200_000);
var opportunityCount = options.Int("opportunities", 10_000);
var runs = options.Int("runs", 31);
var sqlRuns = options.Int("sql-runs", 7);
var postgres = options.GetValueOrDefault("postgres") ?? (File.Exists("/tmp/pgconn") ? File.ReadAllText("/tmp/pgconn").Trim() : "none");
var weights = MatchingWeights.Default;

Console.WriteLine($"Matching bench: {candidateCount:N0} candidates, {opportunityCount:N0} opportunities, {Environment.ProcessorCount} cores, .NET {Environment.Version}");

var generator = new Generator(seed: 20261207);
var clock = Stopwatch.StartNew();
var candidates = Enumerable.Range(0, candidateCount).Select(generator.Candidate).ToList();
Console.WriteLine($"generated candidates: {clock.Elapsed.TotalSeconds:F1} s");

clock.Restart();
using var index = new CandidateIndex(generator.Commuting, generator.Taxonomy);
index.UpsertMany(candidates);

var buildSeconds = clock.Elapsed.TotalSeconds;
Console.WriteLine($"index built: {buildSeconds:F2} s ({candidateCount / buildSeconds:N0} upserts/s); hot arrays {index.HotBytes / 1e6:F1} MB ({(double)index.HotBytes / candidateCount:F0} B/candidate)");

// One candidate changed and ranked again: the cost of keeping the index current.
var updateTimes = new List<double>();
for (var i = 0; i < 1000; i++)
{
    var at = i * 37 % candidateCount;
    var changed = generator.Candidate(at) with { Key = candidates[at].Key };
    var t = Stopwatch.GetTimestamp();
    index.Upsert(changed);
    updateTimes.Add(Stopwatch.GetElapsedTime(t).TotalMicroseconds);
    candidates[at] = changed; // the SQL baseline must see the same people
}

Console.WriteLine($"update one candidate: median {Median(updateTimes):F1} µs");

var bandwidth = MemoryBandwidth();
GC.Collect();
Console.WriteLine($"memory bandwidth (one thread, sequential read of 512 MB, best of 5): {bandwidth:F1} GB/s");

var bus = generator.BusDriverTrack();
var wide = bus with
{
    Key = "jobtrack:bus-wide",
    MaxCommuteMinutes = 65_000, // every municipality within 150 km: the filter keeps far more
    Criteria = [.. bus.Criteria.Select(c => c with { MustHave = false })],
};
var singleMedians = new Dictionary<string, double>();
foreach (var profile in new[] { bus, wide })
{
    // Warm-up: long enough for the tiered JIT to reach its optimised code (it promotes hot methods in the
    // background, later still when the machine is busy).
    var warm = Stopwatch.StartNew();
    for (var i = 0; i < 100 || warm.Elapsed.TotalSeconds < 4; i++)
    {
        Matcher.RankCandidates(index, profile, weights, 50);
    }

    var times = new List<double>();
    var cpuTimes = new List<double>();
    CandidateRanking ranking = null!;
    for (var i = 0; i < runs; i++)
    {
        var cpu = ThreadCpu.Milliseconds();
        var t = Stopwatch.GetTimestamp();
        ranking = Matcher.RankCandidates(index, profile, weights, 50);
        times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        cpuTimes.Add(ThreadCpu.Milliseconds() - cpu);
    }

    var (reachable, rowBytes) = Touched(index, profile);
    var median = Median(times);
    var cpuMedian = Median(cpuTimes);
    singleMedians[profile.Key] = median;
    // Bytes the scan reads: for each candidate in the commuting set its slot number (4 B, from its municipality's
    // list) and its 28-byte row; the pool lists (4 B an entry) of those that pass the row's filter (an upper bound:
    // all four lists). Candidates outside the commuting set are not read at all. Divided by all candidates.
    var touched = ((sizeof(int) + Marshal.SizeOf<CandidateRow>()) * (double)reachable) + rowBytes;
    Console.WriteLine($"""
        top 50 of {candidateCount:N0} with explanations, '{profile.Key}' (max {profile.MaxCommuteMinutes} min), {runs} runs on one thread:
          wall median {median:F2} ms (min {times.Min():F2}, p90 {Percentile(times, 0.9):F2}); thread CPU median {Median(cpuTimes):F2} ms (min {cpuTimes.Min():F2})
          within commuting set {reachable:N0}, eligible {ranking.EligibleCount:N0}; best {ranking.Results[0].Score / 10.0:F1} %, 50th {ranking.Results[^1].Score / 10.0:F1} %
          bytes touched ≈ {touched / 1e6:F2} MB = {touched / candidateCount:F1} B/candidate → {touched / (cpuMedian / 1000) / 1e9:F2} GB/s over the CPU median = {touched / (cpuMedian / 1000) / 1e9 / bandwidth * 100:F0} % of the measured bandwidth
        """);
}

if (options.ContainsKey("profile-loop"))
{
    // For a profiler (perf with DOTNET_PerfMapEnabled=1): the bus-driver ranking over and over, nothing else.
    Console.WriteLine($"looping, pid {Environment.ProcessId}");
    for (var i = 0; i < options.Int("profile-loop", 2000); i++)
    {
        Matcher.RankCandidates(index, bus, weights, 50);
    }

    return;
}

if (options.ContainsKey("breakdown"))
{
    // Where a ranking's time goes: the same bus-driver profile with fewer merit criteria, and top 1 against top 50.
    var variants = new (string Name, OpportunityProfile Profile, int Top)[]
    {
        ("full, top 50", bus, 50),
        ("full, top 1", bus, 1),
        ("must-haves + 1 merit", bus with { Criteria = [.. bus.Criteria.Where(c => c.MustHave), bus.Criteria.First(c => !c.MustHave)] }, 50),
        ("must-haves + skills", bus with { Criteria = [.. bus.Criteria.Where(c => c.MustHave || c.Kind == CriterionKind.Skill)] }, 50),
        ("must-haves + experience", bus with { Criteria = [.. bus.Criteria.Where(c => c.MustHave || c.Kind == CriterionKind.OccupationExperience)] }, 50),
    };
    foreach (var (name, profile, top) in variants)
    {
        var cpu = new List<double>();
        for (var i = 0; i < runs + 30; i++)
        {
            var c0 = ThreadCpu.Milliseconds();
            Matcher.RankCandidates(index, profile, weights, top);
            cpu.Add(ThreadCpu.Milliseconds() - c0);
        }

        Console.WriteLine($"breakdown: {name}: thread CPU median {Median(cpu.Skip(30).ToList()):F2} ms, min {cpu.Min():F2}");
    }
}

var topOfBus = Matcher.RankCandidates(index, bus, weights, 50).Results[0];
Console.WriteLine("example explanation (best candidate, bus-driver track):");
Console.WriteLine($"  {topOfBus.Explanation.Summary}");
foreach (var c in topOfBus.Explanation.ProfileSide.Concat(topOfBus.Explanation.PersonSide))
{
    Console.WriteLine($"  - {c.Text}");
}

foreach (var g in topOfBus.Explanation.Gaps)
{
    Console.WriteLine($"  gap: {g.Text}");
}

if (!options.ContainsKey("skip-all"))
{
    var opportunities = Enumerable.Range(0, opportunityCount).Select(generator.Opportunity).ToList();
    GC.Collect();
    using var process = Process.GetCurrentProcess();
    process.Refresh();
    var before = process.WorkingSet64;
    var peak = before;
    using var sampling = new Timer(_ =>
    {
        process.Refresh();
        peak = Math.Max(Interlocked.Read(ref peak), process.WorkingSet64);
    }, null, 0, 50);
    var cpuBefore = process.TotalProcessorTime;
    clock.Restart();
    var results = new CandidateRanking[opportunities.Count];
    Parallel.For(0, opportunities.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
        i => results[i] = Matcher.RankCandidates(index, opportunities[i], weights, 10));
    var seconds = clock.Elapsed.TotalSeconds;
    process.Refresh();
    peak = Math.Max(peak, process.WorkingSet64);
    var cpuSeconds = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
    Console.WriteLine($"""
        all {candidateCount:N0} candidates × {opportunityCount:N0} opportunities, top 10 each with explanations: {seconds:F1} s on {Environment.ProcessorCount} threads
          process CPU {cpuSeconds:F1} s = {cpuSeconds / Environment.ProcessorCount:F1} s per core (what the wall clock would be with both cores to itself)
          ({opportunityCount / seconds:N0} rankings/s, {(double)candidateCount * opportunityCount / seconds / 1e6:N0} M candidate tests/s); eligible per opportunity: median {Median(results.Select(r => (double)r.EligibleCount).ToList()):N0}
          working set before {before / 1e6:N0} MB, peak during the run {peak / 1e6:N0} MB (sampled every 50 ms); process peak so far {process.PeakWorkingSet64 / 1e6:N0} MB
        """);
}

if (postgres != "none")
{
    var sql = new SqlBaseline(postgres, generator);
    clock.Restart();
    await sql.LoadAsync(candidates);
    Console.WriteLine($"PostgreSQL loaded: {clock.Elapsed.TotalSeconds:F0} s");
    await using var db = new NpgsqlConnection(sql.Connection);
    await db.OpenAsync();
    await using (var version = new NpgsqlCommand("select version()", db))
    {
        Console.WriteLine($"  {await version.ExecuteScalarAsync()}");
    }

    foreach (var profile in new[] { bus, wide })
    {
        var query = sql.Query(profile, weights, 50);
        var expected = Matcher.RankCandidates(index, profile, weights, 50).Results.Select(r => (r.CandidateKey, r.ProfileFit, r.PersonFit)).ToList();
        await sql.TopAsync(db, query); // warm
        // In-memory and SQL runs interleaved, so both medians come from the same minutes of a noisy machine.
        var times = new List<double>();
        var memoryTimes = new List<double>();
        List<(string, int, int)> rows = [];
        for (var i = 0; i < sqlRuns; i++)
        {
            var t1 = Stopwatch.GetTimestamp();
            Matcher.RankCandidates(index, profile, weights, 50);
            memoryTimes.Add(Stopwatch.GetElapsedTime(t1).TotalMilliseconds);
            var t2 = Stopwatch.GetTimestamp();
            rows = await sql.TopAsync(db, query);
            times.Add(Stopwatch.GetElapsedTime(t2).TotalMilliseconds);
        }

        var same = rows.SequenceEqual(expected);
        var sqlMedian = Median(times);
        var memoryMedian = Median(memoryTimes);
        Console.WriteLine($"""
            SQL '{profile.Key}': median {sqlMedian:F1} ms ({sqlRuns} runs); identical top 50 (keys, both scores, order): {(same ? "yes" : "NO")}
              interleaved with the in-memory ranking (median {memoryMedian:F2} ms): {sqlMedian / memoryMedian:F0}× (in-memory includes explanations; SQL returns scores only)
              each SQL run against the in-memory run just before it: {string.Join(", ", times.Zip(memoryTimes, (q, m) => $"{q / m:F0}×"))}
              against the single-thread median above ({singleMedians[profile.Key]:F2} ms, measured earlier): {sqlMedian / singleMedians[profile.Key]:F0}×
            """);
        if (!same)
        {
            var firstDiff = Enumerable.Range(0, Math.Min(rows.Count, expected.Count)).FirstOrDefault(i => rows[i] != expected[i]);
            Console.WriteLine($"  first difference at {firstDiff}: SQL {(firstDiff < rows.Count ? rows[firstDiff] : default)} vs memory {(firstDiff < expected.Count ? expected[firstDiff] : default)}");
            Environment.ExitCode = 1;
        }
    }
}

static double Median(List<double> xs) => Percentile(xs, 0.5);

static double Percentile(List<double> xs, double p)
{
    var sorted = xs.Order().ToList();
    return sorted[(int)Math.Min(sorted.Count - 1, Math.Round(p * (sorted.Count - 1)))];
}

// Sums a 512 MB block: the sequential read speed one thread gets from memory here. Native memory, so freeing it
// returns it to the system at once and the working set measured later is the index's own.
static unsafe double MemoryBandwidth()
{
    const int Length = 64 * 1024 * 1024;
    var block = (long*)NativeMemory.Alloc(Length, sizeof(long));
    try
    {
        var data = new Span<long>(block, Length);
        for (var i = 0; i < data.Length; i++)
        {
            data[i] = i;
        }

        var best = double.MaxValue;
        long sink = 0;
        for (var run = 0; run < 5; run++)
        {
            var t = Stopwatch.GetTimestamp();
            long a = 0, b = 0, c = 0, d = 0;
            for (var i = 0; i < data.Length; i += 4)
            {
                a += data[i];
                b += data[i + 1];
                c += data[i + 2];
                d += data[i + 3];
            }

            sink += a + b + c + d;
            best = Math.Min(best, Stopwatch.GetElapsedTime(t).TotalSeconds);
        }

        GC.KeepAlive(sink);
        return (double)Length * sizeof(long) / best / 1e9;
    }
    finally
    {
        NativeMemory.Free(block);
    }
}

// How many candidates are within the commuting set, and the list bytes of those that also pass the row's filter.
static (int Reachable, double ListBytes) Touched(CandidateIndex index, OpportunityProfile profile)
{
    var q = CompiledOpportunity.Compile(profile, MatchingWeights.Default, index);
    return index.Read(s =>
    {
        var reachable = 0;
        double lists = 0;
        for (var slot = 0; slot < s.SlotCount; slot++)
        {
            var home = s.Municipality[slot];
            if ((uint)home >= (uint)q.MinutesByHome.Length || q.MinutesByHome[home] > q.MaxMinutes)
            {
                continue;
            }

            reachable++;
            var row = s.Rows[slot];
            if ((row.Licences & q.LicenceMask) == q.LicenceMask && row.Swedish >= q.MinSwedish && row.Education >= q.MinEducation
                && row.BirthDay <= q.BirthCutoff && row.AvailableDay <= q.StartDay)
            {
                lists += 4.0 * row.ListLength;
            }
        }

        return (reachable, lists);
    });
}

internal sealed class Args : Dictionary<string, string>
{
    public static Args Parse(string[] args)
    {
        var result = new Args();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
                result[args[i][2..]] = hasValue ? args[++i] : "";
            }
        }

        return result;
    }

    public int Int(string name, int fallback) => TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
