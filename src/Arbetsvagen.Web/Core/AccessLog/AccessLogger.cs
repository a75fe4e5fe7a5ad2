using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Core.AccessLog;

/// <summary>Adds access-log rows for the current user: with a change in its unit of work, or on their own for reads.</summary>
public sealed class AccessLogger(AppDbContext db, AccessLogBatches batches, CurrentUser user, TimeProvider clock, IHttpContextAccessor http)
{
    private List<AccessLogEntry>? pending;

    /// <summary>A row saved with the change it describes, in the same transaction (the caller saves).</summary>
    /// <paramref name="contentHash"/> puts the changed record's digest into the keyed chain (consents, ADR 0015).
    public void Add(string action, string entityType, Guid? entityId, Guid? participantId = null, string? purpose = null,
        IEnumerable<Guid>? resultIds = null, string? contentHash = null) =>
        db.AccessLog.Add(Entry(action, entityType, entityId, participantId, purpose, resultIds, contentHash));

    /// <summary>
    /// Records a read, search, export or denial, which changes nothing else. In a request the rows are written
    /// together, and committed before the response starts: if they cannot be written, nothing is answered.
    /// Outside a request the row is written at once.
    /// </summary>
    public async Task RecordAsync(string action, string entityType, Guid? entityId, Guid? participantId = null, string? purpose = null,
        IEnumerable<Guid>? resultIds = null, CancellationToken ct = default)
    {
        var entry = Entry(action, entityType, entityId, participantId, purpose, resultIds);
        if (http.HttpContext is not { } context)
        {
            await batches.WriteAsync([entry]);
            return;
        }

        if (pending is null)
        {
            pending = [];
            context.Response.OnStarting(FlushAsync);
        }

        pending.Add(entry);
    }

    private async Task FlushAsync()
    {
        if (pending is { Count: > 0 } rows)
        {
            pending = [];
            await batches.WriteAsync(rows);
        }
    }

    private AccessLogEntry Entry(string action, string entityType, Guid? entityId, Guid? participantId, string? purpose, IEnumerable<Guid>? resultIds,
        string? contentHash = null) =>
        AccessLogEntry.Create(clock.GetUtcNow().UtcDateTime, user.IsAuthenticated ? user.Id : null, user.UserName,
            user.IsAuthenticated ? user.OrganisationId : null, string.Join(',', user.Roles), action, entityType, entityId?.ToString(),
            participantId, resultIds is null ? null : string.Join(',', resultIds), purpose, contentHash);
}
