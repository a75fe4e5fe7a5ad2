using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Arbetsvagen.Infrastructure;

/// <summary>
/// A save interceptor that adds rows of its own to the save it watches (a change feed, a record of what changed), so
/// they commit or roll back with it. Synchronous and asynchronous saves alike; contexts other than the app's are left alone.
/// </summary>
public abstract class SaveRecorder : SaveChangesInterceptor
{
    public sealed override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDbContext db)
        {
            Record(db);
        }

        return result;
    }

    public sealed override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDbContext db)
        {
            Record(db);
        }

        return ValueTask.FromResult(result);
    }

    /// <summary>Adds this recorder's rows for the changes <paramref name="db"/> is about to save.</summary>
    protected abstract void Record(AppDbContext db);
}
