using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Account;

/// <summary>
/// Where a federated sign-in lands. The session cookie is SameSite=Strict, and a browser does not send it on the redirect
/// chain that began at the identity provider's site; this page continues to the target as a new navigation from our own
/// site, where it is sent (ADR 0024).
/// </summary>
[AllowAnonymous]
public class FederatedModel : PageModel
{
    public string Target { get; private set; } = "/";

    public void OnGet(string? returnUrl) => Target = Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
