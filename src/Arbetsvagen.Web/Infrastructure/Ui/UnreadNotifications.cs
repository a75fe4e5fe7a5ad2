namespace Arbetsvagen.Infrastructure;

/// <summary>
/// The menu's count of unread notifications. The layout is on the ground and may not name the Notifications
/// feature, so the feature provides this (registered in Program.cs).
/// </summary>
public interface IUnreadNotifications
{
    Task<int> CountAsync(Guid userId, CancellationToken ct = default);
}
