using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Infrastructure;

/// <summary>A row whose content, link, key or place disagrees with the chain or with a checkpoint.</summary>
public sealed record LogEdit(long EntryId, long? Sequence, string Reason, string Message);

/// <summary>Rows missing inside the chain: the numbers <see cref="FromSequence"/> to <see cref="ToSequence"/>.</summary>
public sealed record LogGap(long FromSequence, long ToSequence, long? NextEntryId, string Message);

/// <summary>The chain ends before a checkpoint says it had reached: rows were removed from its end.</summary>
public sealed record LogTruncation(long? LastSequenceInDatabase, long CheckpointSequence, DateTime CheckpointAt, long MissingEntries, string Message);

public sealed record ChainReport(int EntriesChecked, int UnkeyedEntries, long? LastSequence, int CheckpointsChecked, DateTime? LatestCheckpointAt,
    int BadCheckpointLines, LogTruncation? Truncation, List<LogGap> Gaps, List<LogEdit> Edits, List<string> MissingGuards)
{
    public bool Intact => Truncation is null && Gaps.Count == 0 && Edits.Count == 0 && MissingGuards.Count == 0 && BadCheckpointLines == 0;

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
    public static readonly string[] SqliteGuards = ["AccessLog_no_update", "AccessLog_no_delete"];
    public static readonly string[] PostgresGuards = ["AccessLog_no_update_delete", "AccessLog_no_truncate"];

    public async Task<ChainReport> VerifyAsync(AppDbContext db, CancellationToken ct)
    {
        var file = checkpoints.Read();
        var anchored = file.Checkpoints.GroupBy(c => c.Sequence).ToDictionary(g => g.Key, g => g.ToList());
        var edits = new List<LogEdit>();
        var gaps = new List<LogGap>();
        var previous = "";
        var count = 0;
        var unkeyed = 0;
        await foreach (var row in db.AccessLog.AsNoTracking().Where(a => a.Sequence == null).OrderBy(a => a.Id).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            unkeyed++;
            if (row.PreviousHash != previous || row.ComputeLegacyHash(row.PreviousHash) != row.Hash)
            {
                edits.Add(new LogEdit(row.Id, null, "unkeyed",
                    $"Post-id {row.Id} i den gamla, onyckelade delen av loggen har ändrats eller tagits bort."));
            }

            previous = row.Hash;
        }

        var lastUnkeyedHash = previous;
        long? last = null;
        await foreach (var row in db.AccessLog.AsNoTracking().Where(a => a.Sequence != null).OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            var sequence = row.Sequence!.Value;
            var expected = (last ?? 0) + 1;
            var gap = false;
            if (sequence > expected)
            {
                gap = true;
                gaps.Add(new LogGap(expected, sequence - 1, row.Id, expected == sequence - 1
                    ? $"Lucka i loggen: post {expected} saknas (före post-id {row.Id})."
                    : $"Lucka i loggen: posterna {expected}–{sequence - 1} saknas ({sequence - expected} poster, före post-id {row.Id})."));
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
            else if (!gap && row.PreviousHash != (last is null ? lastUnkeyedHash : previous))
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
            file.BadLines, truncation, gaps, edits, guards);
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
