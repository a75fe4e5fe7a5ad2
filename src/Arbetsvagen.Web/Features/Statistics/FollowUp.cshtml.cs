using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Statistics;

/// <summary>The follow-up of a collaboration and period (the use case of <c>GET /api/v1/statistics/follow-up</c>).</summary>
public class FollowUpModel(FollowUpWork work) : PageModel
{
    public List<TargetGroupWork.CollaborationChoice> Collaborations { get; private set; } = [];
    public FollowUpReport? Report { get; private set; }
    public string? From { get; private set; }
    public string? To { get; private set; }
    public string By { get; private set; } = "gender";

    public async Task<IActionResult> OnGetAsync(Guid? collaborationId, string? from, string? to, string? by, CancellationToken ct)
    {
        (From, To, By) = (from, to, string.IsNullOrWhiteSpace(by) ? "gender" : by);
        Collaborations = await work.CollaborationsAsync(ct);
        var outcome = await work.ReportAsync(new FollowUpQuery(collaborationId, from, to, by), ct);
        switch (outcome.Failure)
        {
            case { Kind: OutcomeKind.NotFound } when collaborationId is not null:
                return NotFound();
            case { Errors: { } errors }:
                ModelState.AddErrors(errors.ToDictionary(), "");
                break;
        }

        Report = outcome.Value;
        if (Report is not null)
        {
            (From, To, By) = (Report.From, Report.To, FollowUpWork.ByKey(Report.By));
        }

        return Page();
    }
}
