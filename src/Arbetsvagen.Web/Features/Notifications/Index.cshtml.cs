using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Notifications;

public class IndexModel(AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    public List<Notification> Notifications { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Notifications = await db.LatestAsync(user.Id, ct);

    /// <summary>Opens a notice: marks it read and follows its link (always a path inside the product).</summary>
    public async Task<IActionResult> OnPostOpenAsync(Guid notificationId, CancellationToken ct) =>
        await db.MarkReadAsync(user.Id, notificationId, clock.GetUtcNow().UtcDateTime, ct) is { } n && n.Link.StartsWith('/') && !n.Link.StartsWith("//")
            ? LocalRedirect(n.Link)
            : NotFound();

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Notifications.Where(n => n.UserId == user.Id && n.ReadAt == null).ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), ct);
        TempData["Message"] = "Alla notiser är markerade som lästa.";
        return RedirectToPage();
    }
}
