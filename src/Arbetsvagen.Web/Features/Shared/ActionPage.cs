using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Shared;

/// <summary>
/// A page whose forms run one state change each: success redirects with a message, a rule's refusal shows the
/// page again with the field errors or the conflict, and nothing half-done is kept.
/// </summary>
public abstract class ActionPage(AppDbContext db) : PageModel
{
    protected AppDbContext Db => db;

    protected abstract Task<bool> ReloadAsync(Guid id, CancellationToken ct);

    protected abstract string PathFor(Guid id);

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
