using Arbetsvagen.Features.Requirements;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Arbetsvagen.Features.JobTracks;

/// <summary>A new job track: the same use case as POST /api/v1/job-tracks; the requirement profile may be given now or later.</summary>
public class CreateModel(JobTrackWork work) : JobTrackFormPage(work)
{
    public RequirementsEditor Editor => new("Form.Requirements", "Form.Requirements", (Form.Requirements ?? []).WithBlankRows(3));

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Work.MayEdit)
        {
            return Forbid();
        }

        Form.TrainingStartsOn = SwedishTime.Today(DateTime.UtcNow).AddMonths(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Form.PriceUnit = EnumText.ApiName(PriceUnit.PerWeek);
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await Work.CreateAsync(Form, ct);
        if (outcome.Value is { } track)
        {
            TempData["Message"] = "Jobbspåret är skapat.";
            return Redirect($"/JobTracks/Details/{track.Id}");
        }

        ViewData.KeepErrorOrder(outcome.Failure!, "Form");
        if (ModelState.Show(outcome.Failure!, "Form") is { } answer)
        {
            return answer;
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        await LoadChoicesAsync(ct);
        Collaborations = await Work.CollaborationChoicesAsync(ct);
    }
}
