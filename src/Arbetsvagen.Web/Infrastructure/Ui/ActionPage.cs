using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Infrastructure;

/// <summary>
/// A page whose forms run one use case each: success redirects with a message, a refusal shows the page again
/// with each message at its field (or the conflict above the form), and nothing half-done is kept.
/// </summary>
public abstract class ActionPage(AppDbContext db) : PageModel
{
    protected AppDbContext Db => db;

    protected abstract Task<bool> ReloadAsync(Guid id, CancellationToken ct);

    protected abstract string PathFor(Guid id);

    /// <summary>Answers the outcome of a use case run for the record <paramref name="id"/> shown on this page.</summary>
    /// <param name="prefix">The bound input's name (e.g. "NewCase"), so that messages land at its fields.</param>
    protected async Task<IActionResult> Answer<T>(Guid id, Outcome<T> outcome, string message, string prefix, CancellationToken ct)
    {
        if (outcome.Failure is not { } failure)
        {
            TempData["Message"] = message;
            return Redirect(PathFor(id));
        }

        db.ChangeTracker.Clear();
        ViewData.KeepErrorOrder(failure, prefix);
        return ModelState.Show(failure, prefix) ?? (await ReloadAsync(id, ct) ? Page() : NotFound());
    }
}
