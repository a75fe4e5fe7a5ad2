using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Statistics;

/// <summary>The target-group overview and its publishing (the use cases of <c>/api/v1/statistics/target-groups</c>).</summary>
public class TargetGroupsModel(TargetGroupWork work, CurrentUser user) : PageModel
{
    public List<TargetGroupWork.CollaborationChoice> Collaborations { get; private set; } = [];
    public TargetGroupOverview? Overview { get; private set; }
    public string? MunicipalityCode { get; private set; }
    public string? Month { get; private set; }
    public bool MayOpenPeople => user.IsCaseworker;
    public bool MayPublish => user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Analyst) || user.IsAdministrator;

    public async Task<IActionResult> OnGetAsync(Guid? collaborationId, string? municipalityCode, string? month, CancellationToken ct) =>
        await ShowAsync(collaborationId, municipalityCode, month, ct);

    public async Task<IActionResult> OnPostAsync(Guid? collaborationId, string? month, string? overrideReason, CancellationToken ct)
    {
        var outcome = await work.PublishAsync(collaborationId, month, overrideReason, ct);
        switch (outcome.Failure)
        {
            case null:
                return Redirect($"/Statistics/Publications/{outcome.Value!.Id}");
            case { Kind: OutcomeKind.NotFound }:
                return NotFound();
            case { Kind: OutcomeKind.Forbidden }:
                return Forbid();
            case { Errors: { } errors }:
                ModelState.AddErrors(errors.ToDictionary(), "");
                break;
        }

        return await ShowAsync(collaborationId, null, month, ct);
    }

    private async Task<IActionResult> ShowAsync(Guid? collaborationId, string? municipalityCode, string? month, CancellationToken ct)
    {
        (MunicipalityCode, Month) = (municipalityCode, month);
        Collaborations = await work.CollaborationsAsync(ct);
        var outcome = await work.OverviewAsync(collaborationId, municipalityCode, month, ct);
        switch (outcome.Failure)
        {
            case { Kind: OutcomeKind.NotFound } when collaborationId is not null:
                return NotFound();
            case { Errors: { } errors }:
                ModelState.AddErrors(errors.ToDictionary(), "");
                break;
        }

        Overview = outcome.Value;
        Month = Overview is null ? month : MunicipalityFigures.Month(Overview.Month);
        return Page();
    }
}
