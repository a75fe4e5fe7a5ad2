using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.JobAds;

/// <summary>Uploading a file of ads (the same use case as <c>POST /api/v1/job-ads/imports</c>) and the recent imports.</summary>
[RequestSizeLimit(JobAdsApi.MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = JobAdsApi.MaxUploadBytes)]
public class ImportsModel(JobAdWork work) : PageModel
{
    public List<JobAdImport> Imports { get; private set; } = [];
    public bool MayImport => work.MayImport;

    /// <summary>The form field is "File", like the API's field name in its messages.</summary>
    [BindProperty(Name = "File")] public IFormFile? Upload { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Imports = await work.RecentImportsAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await using var content = Upload?.OpenReadStream() ?? Stream.Null;
        var outcome = await work.StartImportAsync(content, Upload?.FileName, ct);
        switch (outcome.Failure)
        {
            case null:
                return Redirect($"/JobAds/Imports/{outcome.Value!.Id}");
            case { Kind: OutcomeKind.Forbidden }:
                return Forbid();
            case { Errors: { } errors }:
                ModelState.AddErrors(errors.ToDictionary(), "");
                break;
        }

        Imports = await work.RecentImportsAsync(ct);
        return Page();
    }
}
