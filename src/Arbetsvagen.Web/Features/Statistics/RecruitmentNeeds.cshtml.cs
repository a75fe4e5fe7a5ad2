using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Statistics;

/// <summary>Recruitment needs and supply (the same use case as <c>GET /api/v1/statistics/recruitment-needs</c>).</summary>
public class RecruitmentNeedsModel(RecruitmentNeeds needs) : PageModel
{
    public string? From { get; private set; }
    public string? To { get; private set; }
    public string? MunicipalityCode { get; private set; }
    public RecruitmentNeedsReport? Report { get; private set; }

    public async Task OnGetAsync(string? from, string? to, string? municipalityCode, CancellationToken ct)
    {
        (From, To, MunicipalityCode) = (from, to, municipalityCode);
        var outcome = await needs.ReadAsync(from, to, municipalityCode, ct);
        if (outcome.Failure is { Errors: { } errors })
        {
            ModelState.AddErrors(errors.ToDictionary(), "");
            return;
        }

        Report = outcome.Value;
        (From, To) = (Ui.Date(Report!.From), Ui.Date(Report.To));
    }

    public static string Count(int? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? $"<{RecruitmentNeedsReport.SuppressBelow}";
}
