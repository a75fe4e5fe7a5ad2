using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Compositions.SubjectAccess;

/// <summary>The printable registerutdrag (the browser prints it; the PDF is one click away).</summary>
public class ExtractModel(SubjectAccessExport export) : PageModel
{
    public Extract? Extract { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Extract = (await export.MakeAsync(id, "sida", ct)).Value;
        return Extract is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken ct) =>
        (await export.MakeAsync(id, "pdf", ct)).Value is { } extract
            ? File(SubjectAccessExport.Pdf(extract), "application/pdf", extract.FileStem + ".pdf")
            : NotFound();
}
