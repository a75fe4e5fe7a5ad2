using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Statistics;

/// <summary>The people behind a follow-up figure (the use case of <c>GET /api/v1/statistics/follow-up/{figure}/people</c>).</summary>
public class FollowUpPeopleModel(FollowUpWork work) : PageModel
{
    public FollowUpPeople? People { get; private set; }
    public string BackQuery { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid? collaborationId, string? from, string? to, string? by, string? figure, string? row, string? column,
        CancellationToken ct)
    {
        var outcome = await work.PeopleAsync(new FollowUpQuery(collaborationId, from, to, by), figure ?? "", row, column, ct);
        if (outcome.Failure is { } failure && ModelState.Show(failure) is { } answer)
        {
            return answer;
        }

        People = outcome.Value;
        BackQuery = QueryString.Create(new Dictionary<string, string?> { ["collaborationId"] = collaborationId?.ToString(), ["from"] = from, ["to"] = to, ["by"] = by })
            .ToUriComponent();
        return Page();
    }
}
