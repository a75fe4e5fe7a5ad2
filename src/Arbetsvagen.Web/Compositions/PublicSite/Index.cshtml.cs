using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Arbetsvagen.Compositions.PublicSite;

/// <summary>
/// "Lediga platser och jobbspår" for anyone, without login: open placements, apprenticeships, summer jobs and job
/// tracks in recruitment, filtered by municipality, occupation area and kind. The rendered page is cached per
/// filter (<see cref="PublicOpportunitiesApi.CachePolicy"/>), so a warm request touches neither the database nor Razor.
/// </summary>
[AllowAnonymous]
[OutputCache(PolicyName = PublicOpportunitiesApi.CachePolicy)]
public class IndexModel(PublicOpportunities opportunities) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Municipality { get; set; }
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Kind { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;

    public OpportunityPage Found { get; private set; } = new([], 1, PublicOpportunities.PageSize, 0, 0);
    public List<Municipality> Municipalities { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        // An unknown value in the address is read as "all", never as an error: these are links people share.
        var kind = EnumText.TryParse<OpportunityKind>(Kind, out var k) ? k : (OpportunityKind?)null;
        var area = PublicOpportunities.Areas.Any(a => a.Code == Area) ? Area : null;
        Municipalities = await opportunities.MunicipalitiesAsync(ct);
        var municipality = Municipalities.Any(m => m.Code == Municipality) ? Municipality : null;
        Found = await opportunities.FindAsync(new OpportunityFilter(municipality, area, kind, PageNumber), ct);
    }

    /// <summary>The address of another page of the same filter.</summary>
    public string PageLink(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["municipality"] = Municipality, ["area"] = Area, ["kind"] = Kind, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent() is var query ? "/Public" + query : "/Public";
}
