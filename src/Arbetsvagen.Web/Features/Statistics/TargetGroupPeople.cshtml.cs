using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Statistics;

/// <summary>The people behind a target-group register figure (the use case of <c>GET /api/v1/statistics/target-groups/people</c>).</summary>
public class TargetGroupPeopleModel(TargetGroupWork work, CurrentUser user) : PageModel
{
    public RegisterPeople? People { get; private set; }
    public List<TargetGroupWork.CollaborationChoice> Collaborations { get; private set; } = [];
    public Dictionary<string, string?> Chosen { get; private set; } = [];
    public bool MaySeeSensitive => user.MaySeeSensitiveData;
    public static IReadOnlyList<AfStatus> Statuses => TargetStatuses.All;
    public static IReadOnlyList<Gender> Genders => TargetStatuses.Genders;

    public async Task<IActionResult> OnGetAsync(Guid? collaborationId, string? municipalityCode, string? month, string? status, string? gender, string? measure,
        CancellationToken ct)
    {
        Chosen = new() { ["municipalityCode"] = municipalityCode, ["month"] = month, ["status"] = status, ["gender"] = gender, ["measure"] = measure };
        Collaborations = await work.CollaborationsAsync(ct);
        var outcome = await work.PeopleAsync(collaborationId, municipalityCode, month, status, gender, measure, ct);
        if (outcome.Failure is { } failure && ModelState.Show(failure) is { } answer)
        {
            return answer;
        }

        People = outcome.Value;
        return Page();
    }

    public bool Is(string key, string value) => string.Equals(Chosen.GetValueOrDefault(key), value, StringComparison.OrdinalIgnoreCase);
}
