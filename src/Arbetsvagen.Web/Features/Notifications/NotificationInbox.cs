using Arbetsvagen.Core.AccessLog;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Notifications;

/// <summary>A notice as its reader sees it: with the participant's name only while the reader may see the participant.</summary>
public sealed record Notice(Notification Notification, string? ParticipantName)
{
    /// <summary>The participant's id, shown only together with the name: a reader who lost access learns neither.</summary>
    public Guid? ParticipantId => ParticipantName is null ? null : Notification.ParticipantId;
}

/// <summary>The signed-in user's notices, for the notifications page, Mina ärenden and /api/v1/notifications.</summary>
public sealed class NotificationInbox(AppDbContext db, CurrentUser user, ParticipantAccess access, AccessLogger log, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>The user's latest notices, unread first.</summary>
    public Task<List<Notice>> LatestAsync(CancellationToken ct) => LatestAsync(Notification.MaxShown, unreadOnly: false, ct);

    /// <summary>At most <paramref name="max"/> of the user's latest notices, unread first, or only the unread ones.</summary>
    public async Task<List<Notice>> LatestAsync(int max, bool unreadOnly, CancellationToken ct)
    {
        var notifications = await db.Notifications.AsNoTracking().Where(n => n.UserId == user.Id && (!unreadOnly || n.ReadAt == null))
            .OrderBy(n => n.ReadAt != null).ThenByDescending(n => n.CreatedAt).Take(max).ToListAsync(ct);
        return await NamedAsync(notifications, ct);
    }

    /// <summary>Marks one of the user's own notices read; someone else's is not found.</summary>
    public async Task<Outcome<Notice>> MarkReadAsync(Guid id, CancellationToken ct)
    {
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == user.Id, ct);
        if (notification is null)
        {
            return Outcome.NotFound();
        }

        notification.MarkRead(Now);
        await db.SaveChangesAsync(ct);
        return (await NamedAsync([notification], ct))[0];
    }

    public Task<int> MarkAllReadAsync(CancellationToken ct)
    {
        var now = Now;
        return db.Notifications.Where(n => n.UserId == user.Id && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
    }

    /// <summary>
    /// Names the participants the notices concern among those the user may see now (own boundary, or an active
    /// consent sharing identity with the user's unit): a withdrawn consent takes the name off at once. Shown names
    /// are logged as one search, like Mina ärenden.
    /// </summary>
    private async Task<List<Notice>> NamedAsync(List<Notification> notifications, CancellationToken ct)
    {
        var ids = notifications.Where(n => n.ParticipantId is not null).Select(n => n.ParticipantId!.Value).Distinct().ToList();
        var names = ids.Count == 0
            ? []
            : await access.Visible().Where(p => ids.Contains(p.Id))
                .Select(p => new { p.Id, p.FirstName, p.LastName }).ToDictionaryAsync(p => p.Id, p => $"{p.FirstName} {p.LastName}", ct);
        if (names.Count > 0)
        {
            await log.RecordAsync(AccessAction.Search, "Notification", null, resultIds: names.Keys, ct: ct);
        }

        return notifications.Select(n => new Notice(n, n.ParticipantId is { } id && names.TryGetValue(id, out var name) ? name : null)).ToList();
    }
}
