using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Notifications;

public sealed record NotificationDto(Guid Id, string Text, string Link, DateTime CreatedAt, DateTime? ReadAt)
{
    public static NotificationDto From(Notification n) => new(n.Id, n.Text, n.Link, n.CreatedAt, n.ReadAt);
}

public static class NotificationsApi
{
    /// <summary>The user's latest notices, unread first.</summary>
    public static Task<List<Notification>> LatestAsync(this AppDbContext db, Guid userId, CancellationToken ct) =>
        db.Notifications.AsNoTracking().Where(n => n.UserId == userId)
            .OrderBy(n => n.ReadAt != null).ThenByDescending(n => n.CreatedAt).Take(Notification.MaxShown).ToListAsync(ct);

    /// <summary>Marks one of the user's own notices read; someone else's is not found.</summary>
    public static async Task<Notification?> MarkReadAsync(this AppDbContext db, Guid userId, Guid id, DateTime now, CancellationToken ct)
    {
        var notification = await db.Notifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, ct);
        if (notification is not null)
        {
            notification.MarkRead(now);
            await db.SaveChangesAsync(ct);
        }

        return notification;
    }

    public static void MapNotificationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notiser");
        group.MapGet("/", async (AppDbContext db, CurrentUser user, CancellationToken ct) =>
            Results.Ok((await db.LatestAsync(user.Id, ct)).Select(NotificationDto.From)));
        group.MapPost("/{id:guid}/read", async (Guid id, AppDbContext db, CurrentUser user, TimeProvider clock, CancellationToken ct) =>
            await db.MarkReadAsync(user.Id, id, clock.GetUtcNow().UtcDateTime, ct) is { } n ? Results.Ok(NotificationDto.From(n)) : ApiResults.NotFound());
    }
}
