using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Infrastructure;

/// <summary>A row whose content, link, key or place disagrees with the chain or with a checkpoint.</summary>
public sealed record LogEdit(long EntryId, long? Sequence, string Reason, string Message);

/// <summary>Rows missing inside the chain: the numbers <see cref="FromSequence"/> to <see cref="ToSequence"/>.</summary>
public sealed record LogGap(long FromSequence, long ToSequence, long? NextEntryId, string Message);

/// <summary>The chain ends before a checkpoint says it had reached: rows were removed from its end.</summary>
public sealed record LogTruncation(long? LastSequenceInDatabase, long CheckpointSequence, DateTime CheckpointAt, long MissingEntries, string Message);

/// <summary>A cut of the chain that cannot be trusted: badly signed (forged or edited), or anchored in the checkpoint file but gone from the database.</summary>
public sealed record LogCutProblem(Guid RunId, long FirstKeptSequence, string Kind, string Message);

public sealed record ChainReport(int EntriesChecked, int UnkeyedEntries, long? LastSequence, int CheckpointsChecked, DateTime? LatestCheckpointAt,
    int BadCheckpointLines, LogTruncation? Truncation, List<LogGap> Gaps, List<LogEdit> Edits, List<string> MissingGuards,
    List<AccessLogCut> Cuts, List<LogCutProblem> CutProblems)
{
    public bool Intact => Truncation is null && Gaps.Count == 0 && Edits.Count == 0 && MissingGuards.Count == 0 && BadCheckpointLines == 0
        && CutProblems.Count == 0;

    /// <summary>Where the chain begins after culling: the furthest well-signed cut's first kept number (1 when never cut).</summary>
    public long ChainStart => Cuts.Count == 0 ? 1 : Cuts.Max(c => c.FirstKeptSequence);

    /// <summary>The first row (by id) where something is wrong: an edited row, or the row after a gap.</summary>
    public long? FirstBrokenId => Edits.Select(e => (long?)e.EntryId).Concat(Gaps.Select(g => g.NextEntryId)).Where(id => id is not null).Min();
}

/// <summary>
/// Verifies the access log against its keys and its checkpoints (ADR 0015) and reports each kind of damage on its
/// own: edits (a row's keyed hash, link or key does not hold, or it differs from a checkpoint), gaps (numbers
/// missing inside the chain), truncation (the chain ends before the last checkpoint), and the database's guards
/// (append-only triggers) missing or disabled. The old unkeyed rows before the switch-over are checked as the old
/// SHA-256 chain; the switch-over row's keyed hash binds their last hash, so they cannot be rewritten unseen since.
/// </summary>
public sealed class AccessLogVerifier(AccessLogKeyRing keys, AccessLogCheckpoints checkpoints)
{
    public static readonly string[] SqliteGuards = ["AccessLog_no_update", "AccessLog_no_delete", "AccessLogCuts_no_update", "AccessLogCuts_no_delete"];
    public static readonly string[] PostgresGuards = ["AccessLog_no_update_delete", "AccessLog_no_truncate", "AccessLogCuts_append_only", "AccessLogCuts_no_truncate"];

    public async Task<ChainReport> VerifyAsync(AppDbContext db, CancellationToken ct)
    {
        var file = checkpoints.Read();
        var anchored = file.Checkpoints.GroupBy(c => c.Sequence).ToDictionary(g => g.Key, g => g.ToList());
        var edits = new List<LogEdit>();
        var gaps = new List<LogGap>();
        var previous = "";
        var count = 0;
        var unkeyed = 0;
        var (cuts, cutProblems) = await CutsAsync(db, file, ct);
        await foreach (var row in db.AccessLog.AsNoTracking().Where(a => a.Sequence == null).OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            unkeyed++;
            // A cut removes the old rows first, oldest first: while it runs, the first one left links to a removed one.
            var linkHolds = row.PreviousHash == previous || (unkeyed == 1 && cuts.Count > 0);
            if (!linkHolds || row.ComputeLegacyHash(row.PreviousHash) != row.Hash)
            {
                edits.Add(new LogEdit(row.Id, null, "unkeyed",
                    $"Post-id {row.Id} i den gamla, onyckelade delen av loggen har ändrats eller tagits bort."));
            }

            previous = row.Hash;
        }

        var lastUnkeyedHash = previous;
        // The chain may begin after 1 only where a well-signed cut removed its beginning (ADR 0027).
        var cover = cuts.MaxBy(c => c.FirstKeptSequence);
        long? last = null;
        await foreach (var row in db.AccessLog.AsNoTracking().Where(a => a.Sequence != null).OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            var sequence = row.Sequence!.Value;
            // The first row: right after the cut's end, or (while a run is still deleting the rows its cut covers) inside it.
            var expected = last is null && cover is not null ? Math.Min(sequence, cover.FirstKeptSequence) : (last ?? 0) + 1;
            var expectedPrevious = last is not null ? previous : cover is not null ? cover.LastDeletedHash : lastUnkeyedHash;
            var gap = false;
            if (sequence > expected)
            {
                gap = true;
                var where = last is not null ? "" : cover is null
                    ? " i början av loggen, utan ett signerat gallringsbeslut som täcker dem"
                    : $" i början av loggen, efter gallringen till post {cover.FirstKeptSequence}";
                gaps.Add(new LogGap(expected, sequence - 1, row.Id, expected == sequence - 1
                    ? $"Lucka i loggen: post {expected} saknas{where} (före post-id {row.Id})."
                    : $"Lucka i loggen: posterna {expected}–{sequence - 1} saknas{where} ({sequence - expected} poster, före post-id {row.Id})."));
            }

            var key = row.KeyId is null ? null : keys.Find(row.KeyId);
            if (key is null)
            {
                edits.Add(Edit(row, "key", $"är skriven med en nyckel som programmet inte känner ({row.KeyId})"));
            }
            else if (row.ComputeHash(row.PreviousHash, key) != row.Hash)
            {
                edits.Add(Edit(row, "content", "har ändrats: innehållet stämmer inte med kedjans nyckelade kontrollsumma"));
            }
            else if (!gap && (last is not null || cover is null || sequence == cover.FirstKeptSequence) && row.PreviousHash != expectedPrevious)
            {
                edits.Add(Edit(row, "link", "hänger inte ihop med posten före: kedjan har satts ihop på nytt"));
            }

            if (anchored.TryGetValue(sequence, out var marks) && marks.FirstOrDefault(m => m.Hash != row.Hash) is { } differs)
            {
                edits.Add(Edit(row, "checkpoint",
                    $"skiljer sig från kontrollpunkten {Time(differs.At)}: loggen har skrivits om eller återställts från en äldre säkerhetskopia"));
            }

            last = sequence;
            previous = row.Hash;
        }

        LogTruncation? truncation = null;
        if (file.Checkpoints.Count > 0)
        {
            var furthest = file.Checkpoints.MaxBy(c => c.Sequence)!;
            if ((last ?? 0) < furthest.Sequence)
            {
                var missing = furthest.Sequence - (last ?? 0);
                truncation = new LogTruncation(last, furthest.Sequence, furthest.At, missing,
                    $"Loggen är avkortad: den slutar vid post {last ?? 0}, men enligt kontrollpunkten {Time(furthest.At)} hade den nått post " +
                    $"{furthest.Sequence}. {missing} poster saknas i slutet.");
            }
        }

        var guards = await MissingGuardsAsync(db, db.IsPostgres ? PostgresGuards : SqliteGuards, ct);
        return new ChainReport(count, unkeyed, last, file.Checkpoints.Count, file.Checkpoints.Count == 0 ? null : file.Checkpoints.Max(c => c.At),
            file.BadLines, truncation, gaps, edits, guards, cuts, cutProblems);
    }

    /// <summary>
    /// The cuts that hold: well-signed rows of <c>AccessLogCuts</c>, and cut lines of the checkpoint file. A badly signed
    /// row (forged, made with another key, or with its numbers edited) is reported and covers nothing by itself; a cut the
    /// file anchored that is gone from the database is reported too. The file's well-signed line covers what its cut removed.
    /// </summary>
    private async Task<(List<AccessLogCut> Cuts, List<LogCutProblem> Problems)> CutsAsync(AppDbContext db, CheckpointFile file, CancellationToken ct)
    {
        var stored = await db.Set<AccessLogCut>().AsNoTracking().OrderBy(c => c.Id).ToListAsync(ct);
        var problems = new List<LogCutProblem>();
        var good = new List<AccessLogCut>();
        foreach (var cut in stored)
        {
            if (cut.SignatureHolds(keys))
            {
                good.Add(cut);
            }
            else
            {
                problems.Add(new LogCutProblem(cut.RunId, cut.FirstKeptSequence, "forged",
                    $"Gallringen av loggen till post {cut.FirstKeptSequence} ({cut.Deleted} poster, körning {cut.RunId}) har ingen giltig signatur: " +
                    "den är förfalskad eller ändrad och täcker inga borttagna poster."));
            }
        }

        foreach (var anchored in file.Cuts.Where(f => !good.Any(g => g.SameAs(f))))
        {
            if (!stored.Any(c => c.SameAs(anchored)))
            {
                problems.Add(new LogCutProblem(anchored.RunId, anchored.FirstKeptSequence, "removed",
                    $"Gallringen av loggen till post {anchored.FirstKeptSequence} (körning {anchored.RunId}) finns i kontrollpunktsfilen men inte i databasen."));
            }

            good.Add(anchored);
        }

        return (good, problems);
    }

    /// <summary>The named triggers that are missing (or, on PostgreSQL, disabled) in the database.</summary>
    public static async Task<List<string>> MissingGuardsAsync(AppDbContext db, IEnumerable<string> triggers, CancellationToken ct)
    {
        var present = db.IsPostgres
            ? await db.Database.SqlQueryRaw<string>("""SELECT tgname AS "Value" FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'D'""").ToListAsync(ct)
            : await db.Database.SqlQueryRaw<string>("""SELECT name AS "Value" FROM sqlite_master WHERE type = 'trigger'""").ToListAsync(ct);
        return triggers.Where(t => !present.Contains(t)).ToList();
    }

    private static LogEdit Edit(AccessLogEntry row, string reason, string what) =>
        new(row.Id, row.Sequence, reason, $"Post {row.Sequence} (post-id {row.Id}) {what}.");

    private static string Time(DateTime at) => TimeZoneInfo.ConvertTimeFromUtc(at, SwedishTime.Zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
