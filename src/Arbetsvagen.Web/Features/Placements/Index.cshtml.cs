using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Placements;

/// <summary>The placements of the user's collaborations, newest first, filtered in the address (no personal data in it).</summary>
public class IndexModel(PlacementWork work) : PageModel
{
    // From the query only: Razor Pages keeps the page's own name in the route value "page", which would otherwise be bound to
    // Filter.Page ahead of the query's Page and leave every list on its first page.
    [FromQuery] public PlacementFilter Filter { get; set; } = new();
    public PlacementPage Result { get; private set; } = new([], 1, PlacementWork.PageSize, 0);

    public int Pages => Math.Max(1, (Result.Total + Result.PageSize - 1) / Result.PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var found = await work.ListAsync(Filter, ct);
        if (found.Failure is { } failure)
        {
            ViewData.KeepErrorOrder(failure);
            return ModelState.Show(failure) ?? Page();
        }

        Result = found.Value!;
        return Page();
    }

    /// <summary>The address of another page of the same filter.</summary>
    public string PageLink(int page) => "/Placements?" + string.Join("&", new[]
    {
        ("Municipality", Filter.Municipality), ("Kind", Filter.Kind), ("Status", Filter.Status), ("Occupation", Filter.Occupation),
        ("Page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    }.Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
}
