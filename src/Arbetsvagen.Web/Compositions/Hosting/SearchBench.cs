using System.Diagnostics;
using System.Globalization;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Compositions.Hosting;

/// <summary>
/// <c>bench-search [--rounds 30]</c>: the participant list's name search (a word anywhere in the name, as
/// <see cref="ParticipantList"/> asks it) on the database as seeded (<c>seed-volume</c>), in two shapes — within one
/// secrecy boundary, as a caseworker searches, and over the whole register — each with the trigram index (PostgreSQL,
/// migration 0024) and, in the same run and on the same data, without it (the index dropped inside a transaction that
/// is rolled back: today's plain <c>LIKE '%…%'</c>). SQLite has no trigram index and measures its LIKE only.
/// </summary>
public static class SearchBench
{
    private const string TrigramIndex = "IX_Participants_SearchName_trgm";

    public static async Task RunAsync(AppDbContext db, int rounds)
    {
        var total = await db.Participants.CountAsync();
        var boundary = await db.Participants.GroupBy(p => p.OwnerBoundaryId).OrderByDescending(g => g.Count())
            .Select(g => new { g.Key, Count = g.Count() }).FirstAsync();
        var names = await db.Participants.AsNoTracking().OrderBy(p => p.Id).Select(p => p.SearchName).Take(5_000).ToListAsync();
        var random = new Random(42);
        var words = Enumerable.Range(0, rounds).Select(_ =>
        {
            var last = names[random.Next(names.Count)].Split(' ')[^1];
            var length = Math.Min(last.Length, 4);
            return last.Substring(random.Next(last.Length - length + 1), length);
        }).ToList();
        Console.WriteLine($"bench-search {db.Database.ProviderName}: {total} deltagare, största sekretessgränsen {boundary.Count}, {rounds} sökord à 4 bokstäver");
        Console.WriteLine("SQL: " + Query(db, boundary.Key, words[0]).ToQueryString().ReplaceLineEndings(" "));

        async Task MeasureAsync(string label)
        {
            foreach (var (shape, scope) in new[] { ("en sekretessgräns", (Guid?)boundary.Key), ("hela registret", null) })
            {
                await RunOnceAsync(db, scope, words[0]); // warm
                var times = new List<double>();
                var hits = 0;
                foreach (var word in words)
                {
                    var watch = Stopwatch.StartNew();
                    hits += await RunOnceAsync(db, scope, word);
                    times.Add(watch.Elapsed.TotalMilliseconds);
                }

                times.Sort();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {label,-28} {shape,-18} median {times[times.Count / 2],7:F1} ms  p95 {times[(int)(times.Count * 0.95)],7:F1} ms  max {times[^1],7:F1} ms  ({hits / rounds} träffar i snitt)"));
            }
        }

        if (!db.IsPostgres)
        {
            await MeasureAsync("LIKE (SQLite)");
            return;
        }

        await MeasureAsync("trigramindex (pg_trgm)");
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.Database.ExecuteSqlRawAsync($"DROP INDEX IF EXISTS \"{TrigramIndex}\"");
        await MeasureAsync("LIKE utan trigramindex");
        await transaction.RollbackAsync();
    }

    private static IQueryable<Participant> Query(AppDbContext db, Guid? boundary, string word)
    {
        var query = db.Participants.AsNoTracking();
        if (boundary is { } b)
        {
            query = query.Where(p => p.OwnerBoundaryId == b);
        }

        return ParticipantList.NameContains(query, word);
    }

    // One page in name order and the count, as the list asks.
    private static async Task<int> RunOnceAsync(AppDbContext db, Guid? boundary, string word)
    {
        var query = Query(db, boundary, word);
        var count = await query.CountAsync();
        _ = await query.OrderBy(p => p.LastName).ThenBy(p => p.FirstName).ThenBy(p => p.Id).Select(p => p.Id).Take(25).ToListAsync();
        return count;
    }
}
