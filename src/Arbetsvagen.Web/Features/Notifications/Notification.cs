using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Notifications;

/// <summary>
/// An in-app notice to one user that something needs them (a referral arrived, a report came back). The text
/// names no person: the notice keeps the participant's id, and the name is looked up when the notice is read, only
/// if the reader may see the participant then (<see cref="NotificationInbox"/>). Whoever follows the link passes
/// the same access checks as anywhere else, so a notice never shows more than its reader may see when reading it.
/// </summary>
public class Notification
{
    public const int MaxShown = 50;

    private Notification() { }

    public Guid Id { get; private set; }
    public Guid UserId { get; private set; }

    /// <summary>The participant the notice concerns, if any: an id, never a name (names change and access ends).</summary>
    public Guid? ParticipantId { get; private set; }
    public string Text { get; private set; } = "";
    public string Link { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }
    public DateTime? ReadAt { get; private set; }

    public static Notification To(Guid userId, string text, string link, DateTime now, Guid? participantId = null) =>
        new() { Id = Guid.NewGuid(), UserId = userId, ParticipantId = participantId, Text = text, Link = link, CreatedAt = now };

    public void MarkRead(DateTime now) => ReadAt ??= now;
}

public static class NotificationRecipients
{
    /// <summary>Notices to every active user of an organisation (e.g. the unit that received a referral).</summary>
    public static async Task NotifyOrganisationAsync(this AppDbContext db, Guid organisationId, Guid exceptUserId, string text, string link,
        DateTime now, CancellationToken ct, Guid? participantId = null)
    {
        var users = await db.Users.Where(u => u.OrganisationId == organisationId && !u.IsDisabled && u.Id != exceptUserId)
            .Select(u => u.Id).ToListAsync(ct);
        db.AddRange(users.Select(u => Notification.To(u, text, link, now, participantId)));
    }
}
