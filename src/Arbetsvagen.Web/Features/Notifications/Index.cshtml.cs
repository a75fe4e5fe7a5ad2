using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Notifications;

public class IndexModel(NotificationInbox inbox) : PageModel
{
    public List<Notice> Notices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Notices = await inbox.LatestAsync(ct);

    /// <summary>Opens a notice: marks it read and follows its link (always a path inside the product).</summary>
    public async Task<IActionResult> OnPostOpenAsync(Guid notificationId, CancellationToken ct)
    {
        var opened = await inbox.MarkReadAsync(notificationId, ct);
        return opened.Value?.Notification.Link is { } link && link.StartsWith('/') && !link.StartsWith("//")
            ? LocalRedirect(link)
            : ModelState.Show(opened.Failure ?? Outcome.NotFound())!;
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await inbox.MarkAllReadAsync(ct);
        TempData["Message"] = "Alla notiser är markerade som lästa.";
        return RedirectToPage();
    }
}
