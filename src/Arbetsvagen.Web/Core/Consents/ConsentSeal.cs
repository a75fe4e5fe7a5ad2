using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Core.Consents;

/// <summary>A consent whose row disagrees with the keyed log: changed, added past the log, or removed.</summary>
public sealed record ConsentProblem(Guid ConsentId, string Kind, string Message);

public sealed record ConsentReport(int ConsentsChecked, List<ConsentProblem> Problems, List<string> MissingGuards)
{
    public bool Intact => Problems.Count == 0 && MissingGuards.Count == 0;
}

/// <summary>
/// Consents in the keyed access-log chain (ADR 0015). Every log row that records a consent or its withdrawal carries
/// the digest of the consent as it stood after the change, so the chain's key covers the consent's content; the
/// database refuses any other change to a consent (migration 0021). Verification recomputes each consent's digest
/// and compares it with the last one the chain recorded.
/// </summary>
public static class ConsentSeal
{
    public const string EntityType = "Consent";
    private const string SealedMarker = "ConsentSeal";

    public static readonly string[] SqliteGuards = ["Consents_withdraw_once", "Consents_no_delete", "ConsentRecipient_no_update", "ConsentRecipient_no_delete"];
    public static readonly string[] PostgresGuards = ["Consents_append_only", "Consents_no_truncate", "ConsentRecipient_append_only", "ConsentRecipient_no_truncate"];

    /// <summary>
    /// SHA-256 over every field and the recipients. Times in whole microseconds, which both databases store exactly.
    /// </summary>
    public static string Digest(Consent c)
    {
        static string Time(DateTime? at) => at is { } t ? (t.Ticks / 10).ToString(CultureInfo.InvariantCulture) : "";
        var text = string.Join('\u001f', c.Id, c.ParticipantId, c.OwnerOrganisationId, ((int)c.Categories).ToString(CultureInfo.InvariantCulture),
            c.Purpose, Time(c.GivenAt), c.Form.ToString(), c.DocumentedByUserId, c.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Time(c.WithdrawnAt), c.WithdrawnByUserId?.ToString() ?? "", Time(c.RecordedAt),
            string.Join(',', c.Recipients.Select(r => r.OrganisationId).Order()));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// Seals consents that no keyed log row covers yet into the chain, one row each: once, when the keyed chain is new
    /// (consents recorded before migration 0021), and in demo mode after each seeding (<paramref name="everyStart"/>),
    /// since the demo seeders store consents directly. In production a consent added past the log afterwards stays
    /// unsealed and is reported.
    /// </summary>
    public static async Task SealExistingAsync(AppDbContext db, DateTime now, bool everyStart, CancellationToken ct = default)
    {
        var sealedBefore = await db.AccessLog.AnyAsync(a => a.Action == AccessAction.Chain && a.EntityType == SealedMarker, ct);
        if (sealedBefore && !everyStart)
        {
            return;
        }

        var logged = (await LastDigestsAsync(db, ct)).Keys.ToHashSet();
        var consents = await db.Consents.AsNoTracking().Include(c => c.Recipients).ToListAsync(ct);
        foreach (var consent in consents.Where(c => !logged.Contains(c.Id.ToString())))
        {
            db.AccessLog.Add(AccessLogEntry.Create(now, null, "system", null, "", AccessAction.Chain, EntityType, consent.Id.ToString(),
                consent.ParticipantId, null, "samtycket förseglat i loggkedjan", Digest(consent)));
        }

        if (!sealedBefore)
        {
            db.AccessLog.Add(AccessLogEntry.Create(now, null, "system", null, "", AccessAction.Chain, SealedMarker, null, null, null,
                "befintliga samtycken förseglade i loggkedjan"));
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Compares every consent with the last digest the chain holds for it, and checks the database's guards.</summary>
    public static async Task<ConsentReport> VerifyAsync(AppDbContext db, CancellationToken ct)
    {
        var digests = await LastDigestsAsync(db, ct);
        var problems = new List<ConsentProblem>();
        var count = 0;
        await foreach (var consent in db.Consents.AsNoTracking().Include(c => c.Recipients).AsAsyncEnumerable().WithCancellation(ct))
        {
            count++;
            if (!digests.Remove(consent.Id.ToString(), out var digest))
            {
                problems.Add(new ConsentProblem(consent.Id, "unlogged",
                    $"Samtycket {consent.Id} finns i databasen men inte i loggkedjan: det har lagts in direkt i databasen."));
            }
            else if (digest != Digest(consent))
            {
                problems.Add(new ConsentProblem(consent.Id, "edited",
                    $"Samtycket {consent.Id} har ändrats i databasen efter att det loggades (till exempel sista giltighetsdag eller mottagare)."));
            }
        }

        foreach (var id in digests.Keys)
        {
            problems.Add(new ConsentProblem(Guid.TryParse(id, out var g) ? g : Guid.Empty, "removed",
                $"Samtycket {id} finns i loggkedjan men har tagits bort ur databasen."));
        }

        var guards = await AccessLogVerifier.MissingGuardsAsync(db, db.IsPostgres ? PostgresGuards : SqliteGuards, ct);
        return new ConsentReport(count, problems, guards);
    }

    /// <summary>Each consent's last digest in chain order, by consent id.</summary>
    private static async Task<Dictionary<string, string>> LastDigestsAsync(AppDbContext db, CancellationToken ct)
    {
        var rows = await db.AccessLog.AsNoTracking()
            .Where(a => a.EntityType == EntityType && a.ContentHash != null && a.EntityId != null && a.Sequence != null)
            .OrderBy(a => a.Sequence).Select(a => new { a.EntityId, a.ContentHash }).ToListAsync(ct);
        var last = new Dictionary<string, string>();
        foreach (var row in rows)
        {
            last[row.EntityId!] = row.ContentHash!;
        }

        return last;
    }
}
