using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Kaa;

/// <summary>
/// Uploading the school situation (the same use case as <c>POST /api/v1/kaa/imports</c>). A file with bad lines is shown
/// line by line and changes nothing; the user may then send it again with "import the valid lines" ticked.
/// </summary>
[RequestSizeLimit(KaaSchoolFile.MaxBytes + 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = KaaSchoolFile.MaxBytes + 1024 * 1024)]
public class ImportModel(KaaWork work) : PageModel
{
    [BindProperty(Name = "File")] public IFormFile? Upload { get; set; }
    [BindProperty] public bool AcceptValidLines { get; set; }
    public List<string> LineErrors { get; private set; } = [];
    public List<KaaImport> Imports { get; private set; } = [];
    public bool OfferConfirmation { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!work.IsKaaOfficer)
        {
            return NotFound();
        }

        Imports = await work.RecentImportsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await using var content = Upload?.OpenReadStream() ?? Stream.Null;
        var outcome = await work.ImportAsync(content, Upload?.FileName, AcceptValidLines, ct);
        switch (outcome.Failure)
        {
            case null:
                TempData["Message"] = "Filen är importerad.";
                return Redirect($"/Kaa/Imports/{outcome.Value!.Import.Id}");
            case { Kind: OutcomeKind.Forbidden }:
                return NotFound();
            case { Errors: { } errors }:
                // The summary names the file and the choice; the lines are listed in a table of their own below it.
                LineErrors = errors.GetValueOrDefault("file")?.ToList() ?? [];
                ModelState.AddModelError("File", LineErrors.Count == 1 ? LineErrors[0] : $"Filen har {LineErrors.Count} fel, se listan nedan. Ingenting har importerats.");
                if (errors.TryGetValue("acceptValidLines", out var confirm))
                {
                    OfferConfirmation = true;
                    ModelState.AddModelError("AcceptValidLines", confirm[0]);
                }

                break;
        }

        Imports = await work.RecentImportsAsync(ct);
        return Page();
    }
}
