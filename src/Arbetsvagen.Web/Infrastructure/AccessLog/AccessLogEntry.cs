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

    public static readonly string[] All = [Read, Search, Export, Create, Update, Delete, Denied];
}

/// <summary>
/// One access to personal data. Holds ids only, never names or identity numbers. Rows are chained by hash so
/// that a changed or removed row is detectable; the database also refuses updates and deletes (migration 0002).
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
    public string PreviousHash { get; private set; } = "";
    public string Hash { get; private set; } = "";

    public static AccessLogEntry Create(DateTime at, Guid? userId, string userName, Guid? organisationId, string roles,
        string action, string entityType, string? entityId, Guid? participantId, string? resultIds, string? purpose) => new()
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
    };

    public void Chain(string previousHash)
    {
        PreviousHash = previousHash;
        Hash = ComputeHash(previousHash);
    }

    public string ComputeHash(string previousHash)
    {
        var text = string.Join('\u001f', previousHash, At.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            UserId?.ToString() ?? "", UserName, OrganisationId?.ToString() ?? "", Roles, Action, EntityType, EntityId ?? "",
            ParticipantId?.ToString() ?? "", ResultIds ?? "", Purpose ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
