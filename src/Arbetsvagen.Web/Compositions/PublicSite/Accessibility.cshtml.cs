using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Compositions.PublicSite;

/// <summary>Tillgänglighetsredogörelse for the public pages (the open opportunities, the employers' form and this page) (lagen om tillgänglighet till digital offentlig service).</summary>
[AllowAnonymous]
public class AccessibilityModel : PageModel
{
    public void OnGet()
    {
    }
}
