using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Statistics;

/// <summary>Uploading Arbetsförmedlingen's figures (the use case of <c>POST /api/v1/statistics/imports</c>) and the versions so far.</summary>
[RequestSizeLimit(TargetGroupWork.MaxImportBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = TargetGroupWork.MaxImportBytes)]
public class ImportsModel(TargetGroupWork work, CurrentUser user) : PageModel
{
    public List<TargetGroupWork.CollaborationChoice> Collaborations { get; private set; } = [];
    public List<(TargetGroupWork.CollaborationChoice Collaboration, List<ImportResult> Imports)> Imports { get; private set; } = [];
    public bool MayImport => user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Analyst) || user.IsAdministrator;

    [BindProperty(Name = "File")] public IFormFile? Upload { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(Guid? collaborationId, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        if (Upload is not null && Upload.Length <= TargetGroupWork.MaxImportBytes)
        {
            await Upload.CopyToAsync(buffer, ct);
        }

        var outcome = await work.ImportAsync(collaborationId, Upload?.FileName, buffer.ToArray(), ct);
        switch (outcome.Failure)
        {
            case null:
                return Redirect($"/Statistics/Imports/{outcome.Value!.Id}");
            case { Kind: OutcomeKind.NotFound }:
                return NotFound();
            case { Kind: OutcomeKind.Forbidden }:
                return Forbid();
            case { Errors: { } errors }:
                ModelState.AddErrors(errors.ToDictionary(), "");
                break;
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Collaborations = await work.CollaborationsAsync(ct);
        foreach (var c in Collaborations)
        {
            Imports.Add((c, await work.ImportsAsync(c.Id, ct)));
        }
    }
}
