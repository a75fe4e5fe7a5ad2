using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Kaa;

/// <summary>KAA figures for a term per municipality of the collaboration, by gender and age (the same use case as the API).</summary>
public class StatisticsModel(KaaWork work) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Term { get; set; }
    public KaaStatistics? Figures { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await work.StatisticsAsync(Term, null, ct);
        switch (outcome.Failure)
        {
            case null:
                Figures = outcome.Value;
                Term ??= Figures!.Term;
                break;
            case { Kind: OutcomeKind.Forbidden }:
                return NotFound();
            case { Errors: { } errors }:
                ModelState.AddErrors(errors.ToDictionary(), "");
                break;
        }

        return Page();
    }
}
