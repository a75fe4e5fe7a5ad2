using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Matching;

/// <summary>
/// Ranked candidates for a job track, placement or job ad (the same use case as the API): named where the reader may
/// see the person, else anonymous with a button that asks the person's own caseworker; counts only for analysts.
/// </summary>
public class CandidatesModel(MatchingWork work) : PageModel
{
    public CandidateRankingShown? Ranking { get; private set; }
    public Guid? CollaborationId { get; private set; }

    public async Task<IActionResult> OnGetAsync(string kind, Guid id, CancellationToken ct) => await LoadAsync(kind, id, ct);

    public async Task<IActionResult> OnPostAskAsync(string kind, Guid id, string? reference, CancellationToken ct)
    {
        var outcome = await work.AskAsync(reference, ct);
        switch (outcome.Failure)
        {
            case null:
                TempData["Message"] = "Kandidatens handläggare har fått en notis och kan nu överväga att föreslå kandidaten.";
                return Redirect($"/Matching/Candidates/{kind}/{id}");
            case { Kind: OutcomeKind.NotFound }:
                return NotFound();
            case { } failure:
                ModelState.AddModelError("", failure.Detail ?? string.Join(" ", failure.Errors?.Values.SelectMany(m => m) ?? []));
                return await LoadAsync(kind, id, ct);
        }
    }

    private async Task<IActionResult> LoadAsync(string kind, Guid id, CancellationToken ct)
    {
        if (!OpportunityKinds.TryParse(kind, out var k))
        {
            return NotFound();
        }

        var outcome = await work.CandidatesAsync(k, id, MatchingWork.DefaultTop, ct);
        if (outcome.Failure is { Kind: OutcomeKind.Invalid } invalid)
        {
            ModelState.AddModelError("", string.Join(" ", invalid.Errors!.Values.SelectMany(m => m)));
            return Page();
        }

        if (outcome.Value is not { } ranking)
        {
            return NotFound();
        }

        Ranking = ranking;
        CollaborationId = ranking.Opportunity.CollaborationId ?? (await work.CollaborationsAsync(ct)).Cast<Guid?>().FirstOrDefault();
        return Page();
    }

    /// <summary>Per mille as a whole percentage, as people read a match.</summary>
    public static string Percent(int perMille) => $"{perMille / 10} %";
}
