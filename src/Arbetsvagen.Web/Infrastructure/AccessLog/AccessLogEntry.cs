using System.Security.Cryptography;
using System.Text;

namespace Arbetsvagen.Infrastructure;

public static class AccessAction
{
    public const string Read = "read";
    public const string Search = "search";
    public const string Export = "export";
    public const string Create = "create";
    public const string Update = "update";
    public const string Delete = "delete";
    public const string Denied = "denied";
    /// <summary>The chain's own rows: the switch to a keyed chain, a new key, consents sealed into the chain.</summary>
    public const string Chain = "chain";

    public static readonly string[] All = [Read, Search, Export, Create, Update, Delete, Denied, Chain];
}

/// <summary>
/// One access to personal data. Holds ids only, never names or identity numbers. Rows are chained by an HMAC whose
/// key is not in the database (ADR 0015), numbered without gaps by <see cref="Sequence"/>, so that a changed, removed
/// or added row is detectable; the database also refuses updates and deletes (migration 0003).
/// Rows written before migration 0021 have no sequence and no key: the old SHA-256 chain, verified up to the
/// switch-over row that starts the keyed chain.
/// </summary>
public class AccessLogEntry
{
    public long Id { get; private set; }
    public DateTime At { get; private set; }
    public Guid? UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public Guid? OrganisationId { get; private set; }
    public string Roles { get; private set; } = "";
    public string Action { get; private set; } = "";
    public string EntityType { get; private set; } = "";
    public string? EntityId { get; private set; }
    public Guid? ParticipantId { get; private set; }
    /// <summary>For searches and exports: the participant ids returned, comma-separated.</summary>
    public string? ResultIds { get; private set; }
    /// <summary>Purpose or legal basis, e.g. the consent a disclosure rests on.</summary>
    public string? Purpose { get; private set; }
    /// <summary>The digest of the record the row describes as it stood after the change (consents), so the chain covers it.</summary>
    public string? ContentHash { get; private set; }
    /// <summary>1, 2, 3… in chain order; null on rows of the old unkeyed chain.</summary>
    public long? Sequence { get; private set; }
    /// <summary>The id of the chain key the hash was made with (<see cref="AccessLogKeyRing"/>); null on old rows.</summary>
    public string? KeyId { get; private set; }
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    public static AccessLogEntry Create(DateTime at, Guid? userId, string userName, Guid? organisationId, string roles,
        string action, string entityType, string? entityId, Guid? participantId, string? resultIds, string? purpose, string? contentHash = null) => new()
    {
        // Whole milliseconds: both databases store them exactly, so the hash can be recomputed from the row.
        At = new DateTime(at.Ticks - (at.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc),
        UserId = userId,
        UserName = userName,
        OrganisationId = organisationId,
        Roles = roles,
        Action = action,
        EntityType = entityType,
        EntityId = entityId,
        ParticipantId = participantId,
        ResultIds = resultIds,
        Purpose = purpose,
        ContentHash = contentHash,
    };

    /// <summary>Links the row after <paramref name="previousHash"/> as number <paramref name="sequence"/>, keyed with <paramref name="key"/>.</summary>
    public void Chain(string previousHash, long sequence, string keyId, byte[] key)
    {
        PreviousHash = previousHash;
        Sequence = sequence;
        KeyId = keyId;
        Hash = ComputeHash(previousHash, key);
    }

    /// <summary>The row's keyed hash: HMAC-SHA256 over every field, the link and the sequence number.</summary>
    public string ComputeHash(string previousHash, byte[] key)
    {
        var text = string.Join('\u001f', Sequence?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", KeyId ?? "",
            LegacyText(previousHash), ContentHash ?? "");
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The old unkeyed hash (rows before migration 0021): anyone could recompute it, so it proves little alone.</summary>
    public string ComputeLegacyHash(string previousHash) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(LegacyText(previousHash))));

    private string LegacyText(string previousHash) => string.Join('\u001f', previousHash,
        At.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), UserId?.ToString() ?? "", UserName,
        OrganisationId?.ToString() ?? "", Roles, Action, EntityType, EntityId ?? "", ParticipantId?.ToString() ?? "", ResultIds ?? "",
        Purpose ?? "");
}
