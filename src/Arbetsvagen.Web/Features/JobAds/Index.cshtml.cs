using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.JobAds;

/// <summary>The imported ads, newest first, filtered as the API's list is (the same use case).</summary>
public class IndexModel(JobAdWork work) : PageModel
{
    public JobAdFilter Filter { get; private set; } = new();
    public JobAdPage? Ads { get; private set; }
    public bool MayImport => work.MayImport;

    public async Task OnGetAsync([Microsoft.AspNetCore.Mvc.FromQuery] JobAdFilter filter, CancellationToken ct)
    {
        Filter = filter;
        var outcome = await work.ListAsync(filter, ct);
        if (outcome.Failure is { Errors: { } errors })
        {
            ModelState.AddErrors(errors.ToDictionary(), "");
            return;
        }

        Ads = outcome.Value;
    }

    public string PageLink(int page) => "/JobAds?" + string.Join("&", new[]
    {
        ("municipalityCode", Filter.MunicipalityCode), ("occupationField", Filter.OccupationField), ("ssyk", Filter.Ssyk),
        ("open", Filter.Open == true ? "true" : null), ("page", page.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    }.Where(p => !string.IsNullOrWhiteSpace(p.Item2)).Select(p => $"{p.Item1}={Uri.EscapeDataString(p.Item2!)}"));
}
