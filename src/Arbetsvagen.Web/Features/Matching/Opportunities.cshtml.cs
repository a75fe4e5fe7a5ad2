using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Matching;

/// <summary>
/// A person's open job tracks, placements and job ads, best first, each explained, with what would close the gaps;
/// the person's own caseworker proposes them for a job track from here (the job track's own use case).
/// </summary>
public class OpportunitiesModel(MatchingWork work) : PageModel
{
    public OpportunitiesShown? Shown { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct);

    public async Task<IActionResult> OnPostProposeAsync(Guid id, Guid jobTrackId, CancellationToken ct)
    {
        var outcome = await work.ProposeAsync(id, jobTrackId, ct);
        switch (outcome.Failure)
        {
            case null:
                TempData["Message"] = "Deltagaren är föreslagen till jobbspåret.";
                return Redirect($"/Matching/Opportunities/{id}");
            case { Kind: OutcomeKind.NotFound }:
                return NotFound();
            case { } failure:
                ModelState.AddModelError("", failure.Detail ?? string.Join(" ", failure.Errors?.Values.SelectMany(m => m) ?? []));
                return await LoadAsync(id, ct);
        }
    }

    private async Task<IActionResult> LoadAsync(Guid id, CancellationToken ct)
    {
        if ((await work.OpportunitiesAsync(id, ct)).Value is not { } shown)
        {
            return NotFound();
        }

        Shown = shown;
        return Page();
    }
}
