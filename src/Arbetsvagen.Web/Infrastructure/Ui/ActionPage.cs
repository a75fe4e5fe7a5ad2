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

    /// <summary>The older form, for use cases that still throw: kept until every feature answers with an outcome.</summary>
    protected async Task<IActionResult> Act<T>(Guid id, Func<Task<T?>> action, string message, CancellationToken ct)
        where T : class
    {
        try
        {
            if (await action() is null)
            {
                return NotFound();
            }
        }
        catch (ValidationException e)
        {
            db.ChangeTracker.Clear();
            ModelState.AddErrors(e.Errors, prefix: "");
            return await ReloadAsync(id, ct) ? Page() : NotFound();
        }
        catch (ConflictException e)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, e.Message);
            return await ReloadAsync(id, ct) ? Page() : NotFound();
        }
        catch (ForbiddenException)
        {
            return Forbid();
        }

        TempData["Message"] = message;
        return Redirect(PathFor(id));
    }
}
