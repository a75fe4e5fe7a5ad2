using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.AccessLog;

/// <summary>Adds access-log rows for the current user to the request's unit of work.</summary>
public sealed class AccessLogger(AppDbContext db, CurrentUser user, TimeProvider clock)
{
    public void Add(string action, string entityType, Guid? entityId, Guid? participantId = null, string? purpose = null,
        IEnumerable<Guid>? resultIds = null) =>
        db.AccessLog.Add(AccessLogEntry.Create(clock.GetUtcNow().UtcDateTime, user.IsAuthenticated ? user.Id : null, user.UserName,
            user.IsAuthenticated ? user.OrganisationId : null, string.Join(',', user.Roles), action, entityType, entityId?.ToString(),
            participantId, resultIds is null ? null : string.Join(',', resultIds), purpose));

    /// <summary>Records and saves at once: for reads, searches, exports and denials, which change nothing else.</summary>
    public async Task RecordAsync(string action, string entityType, Guid? entityId, Guid? participantId = null, string? purpose = null,
        IEnumerable<Guid>? resultIds = null, CancellationToken ct = default)
    {
        Add(action, entityType, entityId, participantId, purpose, resultIds);
        await db.SaveChangesAsync(ct);
    }
}
