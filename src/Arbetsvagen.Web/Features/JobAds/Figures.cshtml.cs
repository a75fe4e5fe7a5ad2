using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.JobAds;

/// <summary>Recruitment needs from the ads (the same use case as <c>GET /api/v1/job-ads/figures</c>).</summary>
public class FiguresModel(JobAdWork work) : PageModel
{
    public string? From { get; private set; }
    public string? To { get; private set; }
    public string? MunicipalityCode { get; private set; }
    public string? OccupationField { get; private set; }
    public RecruitmentFigures? Figures { get; private set; }

    public async Task OnGetAsync(string? from, string? to, string? municipalityCode, string? occupationField, CancellationToken ct)
    {
        (From, To, MunicipalityCode, OccupationField) = (from, to, municipalityCode, occupationField);
        var outcome = await work.FiguresAsync(from, to, municipalityCode, occupationField, ct);
        if (outcome.Failure is { Errors: { } errors })
        {
            ModelState.AddErrors(errors.ToDictionary(), "");
            return;
        }

        Figures = outcome.Value;
        (From, To) = (Ui.Date(Figures!.From), Ui.Date(Figures.To));
    }
}
