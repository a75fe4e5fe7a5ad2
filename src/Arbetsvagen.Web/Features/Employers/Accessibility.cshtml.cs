using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Employers;

/// <summary>Tillgänglighetsredogörelse for the public pages (lagen om tillgänglighet till digital offentlig service).</summary>
[AllowAnonymous]
public class AccessibilityModel : PageModel
{
    public void OnGet()
    {
    }
}
