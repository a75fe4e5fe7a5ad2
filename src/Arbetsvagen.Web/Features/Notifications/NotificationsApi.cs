using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Arbetsvagen.Features.Notifications;

/// <param name="ParticipantId">The participant the notice concerns; with the name, only while the reader may see them.</param>
public sealed record NotificationDto(Guid Id, string Text, string Link, DateTime CreatedAt, DateTime? ReadAt, Guid? ParticipantId,
    string? ParticipantName)
{
    public static NotificationDto From(Notice notice) => new(notice.Notification.Id, notice.Notification.Text, notice.Notification.Link,
        notice.Notification.CreatedAt, notice.Notification.ReadAt, notice.ParticipantId, notice.ParticipantName);
}

public static class NotificationsApi
{
    public static void MapNotificationsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notiser");
        group.MapGet("/", List).WithSummary("Användarens senaste notiser, olästa först");
        group.MapPost("/{id:guid}/read", MarkRead).WithSummary("Markera en egen notis som läst");
    }

    private static async Task<Ok<List<NotificationDto>>> List(NotificationInbox inbox, CancellationToken ct) =>
        TypedResults.Ok((await inbox.LatestAsync(ct)).Select(NotificationDto.From).ToList());

    private static async Task<Results<Ok<NotificationDto>, NotFoundProblem>> MarkRead(Guid id, NotificationInbox inbox, CancellationToken ct) =>
        (await inbox.MarkReadAsync(id, ct)).ToOk(NotificationDto.From);
}
