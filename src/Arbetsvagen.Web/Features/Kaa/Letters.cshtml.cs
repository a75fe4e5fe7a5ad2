using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Kaa;

/// <summary>
/// A term's outreach wave: who has not been reached, and on confirming, one printable letter each in plain Swedish,
/// each recorded as an attempt by letter. The letters page has no site chrome, so it prints as it is.
/// </summary>
public class LettersModel(KaaWork work) : PageModel
{
    public List<KaaYouth> Recipients { get; private set; } = [];
    public bool Printed { get; private set; }
    public string UnitName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if ((await work.LettersAsync(record: false, ct)).Value is not { } recipients)
        {
            return NotFound();
        }

        Recipients = recipients;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if ((await work.LettersAsync(record: true, ct)).Value is not { } recipients)
        {
            return NotFound();
        }

        Recipients = recipients;
        Printed = true;
        UnitName = await work.UnitNameAsync(ct);
        return Page();
    }
}
