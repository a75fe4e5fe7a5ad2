using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Arbetsvagen.Features.JobTracks;

/// <summary>A track's basic fields after creation: the same use case as PUT /api/v1/job-tracks/{id}, for the owning unit or a coordinator.</summary>
public class EditModel(JobTrackWork work) : JobTrackFormPage(work)
{
    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if ((await Work.ReadAsync(id, ct, withCandidates: false)).Value is not { } shown)
        {
            return NotFound();
        }

        if (!shown.MayChange)
        {
            return Forbid();
        }

        (Id, Form) = (id, FormOf(shown.Track));
        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await Work.UpdateAsync(id, Form, ct);
        if (outcome.Value is not null)
        {
            TempData["Message"] = "Jobbspåret är sparat.";
            return Redirect($"/JobTracks/Details/{id}");
        }

        ViewData.KeepErrorOrder(outcome.Failure!, "Form");
        if (ModelState.Show(outcome.Failure!, "Form") is { } answer)
        {
            return answer;
        }

        Id = id;
        await LoadChoicesAsync(ct);
        return Page();
    }
}
