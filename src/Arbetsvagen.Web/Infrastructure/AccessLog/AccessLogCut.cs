using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arbetsvagen.Infrastructure;

/// <summary>
/// A signed cut (ADR 0027): a culling run removed the beginning of the access-log chain — every row before
/// <see cref="FirstKeptSequence"/> (and the old unkeyed rows) — and says so before it deletes anything. The cut states the
/// hash of the last removed row, so the first kept row's link still verifies, how many rows went and which run removed
/// them, signed with a key derived from the chain key. Verification accepts a missing beginning only where a well-signed
/// cut covers it. Kept in <c>AccessLogCuts</c> (append-only), as a row in the chain and as a line in the checkpoint file.
/// </summary>
public sealed class AccessLogCut
{
    private AccessLogCut()
    {
    }

    public long Id { get; private set; }
    public Guid RunId { get; private set; }
    public long FirstKeptSequence { get; private set; }
    public string LastDeletedHash { get; private set; } = "";
    public long Deleted { get; private set; }
    public DateTime At { get; private set; }
    public string KeyId { get; private set; } = "";
    public string Signature { get; private set; } = "";

    public string SignedText => string.Join('\u001f', "cut", RunId.ToString(), FirstKeptSequence.ToString(CultureInfo.InvariantCulture), LastDeletedHash,
        Deleted.ToString(CultureInfo.InvariantCulture), At.ToString("O", CultureInfo.InvariantCulture), KeyId);

    /// <summary>A cut signed with the ring's current key.</summary>
    public static AccessLogCut Sign(Guid runId, long firstKeptSequence, string lastDeletedHash, long deleted, DateTime at, AccessLogKeyRing keys)
    {
        var cut = Of(runId, firstKeptSequence, lastDeletedHash, deleted, at, keys.CurrentId, "");
        cut.Signature = cut.ComputeSignature(keys.CutKey(keys.CurrentId)!);
        return cut;
    }

    /// <summary>A cut as stored or read back (a checkpoint-file line); its signature still has to be checked.</summary>
    public static AccessLogCut Of(Guid runId, long firstKeptSequence, string lastDeletedHash, long deleted, DateTime at, string keyId, string signature) => new()
    {
        RunId = runId,
        FirstKeptSequence = firstKeptSequence,
        LastDeletedHash = lastDeletedHash,
        Deleted = deleted,
        // Whole milliseconds in UTC: both databases and the JSON line give them back exactly.
        At = new DateTime(at.Ticks - (at.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc),
        KeyId = keyId,
        Signature = signature,
    };

    /// <summary>Whether the cut was signed with one of the chain's keys and nothing in it has changed since.</summary>
    public bool SignatureHolds(AccessLogKeyRing keys) =>
        keys.CutKey(KeyId) is { } key
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(ComputeSignature(key)), Encoding.ASCII.GetBytes(Signature ?? ""));

    public bool SameAs(AccessLogCut other) =>
        RunId == other.RunId && FirstKeptSequence == other.FirstKeptSequence && Signature == other.Signature;

    private string ComputeSignature(byte[] key) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(SignedText)));
}

public sealed class AccessLogCutConfiguration : IEntityTypeConfiguration<AccessLogCut>
{
    public void Configure(EntityTypeBuilder<AccessLogCut> builder)
    {
        builder.ToTable("AccessLogCuts");
        builder.Property(c => c.LastDeletedHash).HasMaxLength(64);
        builder.Property(c => c.KeyId).HasMaxLength(16);
        builder.Property(c => c.Signature).HasMaxLength(64);
        builder.Ignore(c => c.SignedText);
        builder.HasIndex(c => c.RunId);
    }
}

/// <summary>
/// Cutting the beginning of the chain (ADR 0027), for a culling run: records the signed cut, then removes the covered rows
/// in chunks. The database lets a row of the log be deleted only when a recorded cut covers it (migration 0029).
/// </summary>
public static class AccessLogCutter
{
    /// <summary>
    /// Where a cut of the rows older than <paramref name="before"/> would end: the first sequence number to keep and how many
    /// rows would go. The beginning goes only up to the first row that is not old enough (or that <paramref name="keepFrom"/>
    /// says must stay), so no row in the middle of the chain is ever removed. Null when nothing would go.
    /// </summary>
    public static async Task<(long FirstKept, long Rows)?> PlanAsync(AppDbContext db, DateTime before, long? keepFrom, CancellationToken ct)
    {
        var unkeyed = await db.AccessLog.LongCountAsync(a => a.Sequence == null, ct);
        if (unkeyed > 0 && await db.AccessLog.Where(a => a.Sequence == null).OrderByDescending(a => a.At).Select(a => a.At).FirstAsync(ct) >= before)
        {
            return null; // the old unkeyed rows are the chain's beginning: nothing after them goes while they stay
        }

        var firstYoung = await db.AccessLog.Where(a => a.Sequence != null && a.At >= before).MinAsync(a => a.Sequence, ct);
        var end = await db.AccessLog.MaxAsync(a => a.Sequence, ct) ?? 0;
        var firstKept = Math.Min(firstYoung ?? end + 1, keepFrom ?? long.MaxValue);
        var rows = unkeyed + await db.AccessLog.LongCountAsync(a => a.Sequence != null && a.Sequence < firstKept, ct);
        return rows == 0 ? null : (firstKept, rows);
    }

    /// <summary>
    /// Records the signed cut in the caller's transaction, before any row goes: in <c>AccessLogCuts</c> and as a row of the
    /// chain, which also carries forward every record digest (consents) whose last row is about to go, so they stay covered.
    /// Returns null when the rows are already gone (another run cut further).
    /// </summary>
    public static async Task<AccessLogCut?> RecordAsync(AppDbContext db, AccessLogKeyRing keys, Guid runId, long firstKept, DateTime now,
        string by, Guid? byUserId, Guid? organisationId, CancellationToken ct)
    {
        var rows = await db.AccessLog.LongCountAsync(a => a.Sequence == null || a.Sequence < firstKept, ct);
        if (rows == 0)
        {
            return null;
        }

        var lastDeletedHash = firstKept > 1
            ? await db.AccessLog.Where(a => a.Sequence == firstKept - 1).Select(a => a.Hash).SingleAsync(ct)
            : await db.AccessLog.Where(a => a.Sequence == null).OrderByDescending(a => a.Id).Select(a => a.Hash).FirstAsync(ct);
        var cut = AccessLogCut.Sign(runId, firstKept, lastDeletedHash, rows, now, keys);
        db.Add(cut);

        // Digests that only the rows about to go hold: carried forward as they were logged (not recomputed, so that a
        // record changed past the log stays reported).
        var digests = await db.AccessLog.AsNoTracking().Where(a => a.ContentHash != null && a.EntityId != null && a.Sequence != null)
            .OrderBy(a => a.Sequence).Select(a => new { a.Sequence, a.EntityType, a.EntityId, a.ParticipantId, a.ContentHash }).ToListAsync(ct);
        foreach (var last in digests.GroupBy(d => (d.EntityType, d.EntityId)).Select(g => g.Last()).Where(d => d.Sequence < firstKept))
        {
            db.AccessLog.Add(AccessLogEntry.Create(now, null, "system", null, "", AccessAction.Chain, last.EntityType, last.EntityId, last.ParticipantId, null,
                "kontrollsumman förs vidare förbi gallringen av loggen", last.ContentHash));
        }

        db.AccessLog.Add(AccessLogEntry.Create(now, byUserId, by, organisationId, Roles.Administrator, AccessAction.Chain, "AccessLogCut", runId.ToString(),
            null, null, $"loggen gallras: {rows} poster före post {firstKept} tas bort (gallringskörning {runId})", cut.Signature));
        await db.SaveChangesAsync(ct);
        return cut;
    }

    /// <summary>Deletes up to <paramref name="chunk"/> of the rows the cut covers, oldest first; returns how many went (0 when none is left).</summary>
    public static async Task<int> DeleteChunkAsync(AppDbContext db, AccessLogCut cut, int chunk, CancellationToken ct)
    {
        var unkeyed = await db.AccessLog.Where(a => a.Sequence == null).OrderBy(a => a.Id).Select(a => a.Id).Take(chunk).ToListAsync(ct);
        if (unkeyed.Count > 0)
        {
            var last = unkeyed[^1];
            return await db.AccessLog.Where(a => a.Sequence == null && a.Id <= last).ExecuteDeleteAsync(ct);
        }

        var first = await db.AccessLog.MinAsync(a => a.Sequence, ct) ?? cut.FirstKeptSequence;
        var upTo = Math.Min(first + chunk, cut.FirstKeptSequence);
        return first >= cut.FirstKeptSequence ? 0 : await db.AccessLog.Where(a => a.Sequence >= first && a.Sequence < upTo).ExecuteDeleteAsync(ct);
    }
}
