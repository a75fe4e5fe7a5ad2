using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Kaa;

/// <summary>The KAA start page: the work list of those not reached, and the register filtered as the API's list is.</summary>
public class IndexModel(KaaWork work) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Search { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    public List<KaaYouthRow> WorkList { get; private set; } = [];
    public KaaYouthPage? Register { get; private set; }
    public bool IsKaaOfficer => work.IsKaaOfficer;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (work.IsKaaOfficer)
        {
            WorkList = await work.WorkListAsync(25, ct);
        }

        var outcome = await work.ListAsync(null, Status, Search, PageNumber, ct);
        if (outcome.Failure is { Errors: { } errors })
        {
            ModelState.AddErrors(errors.ToDictionary(), "");
            return;
        }

        Register = outcome.Value;
    }

    public string PageLink(int page) => "/Kaa?" + string.Join("&", new[] { ("status", Status), ("search", Search), ("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)) }
        .Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
}
