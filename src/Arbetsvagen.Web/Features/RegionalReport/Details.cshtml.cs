using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.RegionalReport;

/// <summary>
/// One regional report: while it is generated, its progress (the status card is fetched again every two seconds by
/// import-progress.js; without JavaScript a link does the same); then the report itself, its files, and for a draft the
/// commentary per section and publishing.
/// </summary>
public class DetailsModel(RegionalReportWork work) : PageModel
{
    public RegionalReportShown Shown { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await ShowAsync(id, ct);

    public async Task<IActionResult> OnGetDocumentAsync(Guid id, string? format, CancellationToken ct)
    {
        var outcome = await work.DocumentAsync(id, format, ct);
        return outcome.Value is { } file ? File(file.Content, file.ContentType, file.FileName)
            : outcome.Failure!.Kind == OutcomeKind.NotFound ? NotFound() : await ShowAsync(id, ct, outcome.Failure);
    }

    public async Task<IActionResult> OnPostCommentaryAsync(Guid id, string? sectionKey, string? commentary, CancellationToken ct)
    {
        var outcome = await work.CommentAsync(id, sectionKey, new CommentaryInput(commentary), ct);
        return outcome.Failure is null ? Redirect($"/Reports/{id}#kommentar-{sectionKey}") : await ShowAsync(id, ct, outcome.Failure, $"Section-{sectionKey}");
    }

    public async Task<IActionResult> OnPostRegenerationAsync(Guid id, CancellationToken ct)
    {
        var outcome = await work.RegenerateAsync(id, ct);
        return outcome.Failure is null ? Redirect($"/Reports/{id}") : await ShowAsync(id, ct, outcome.Failure);
    }

    public async Task<IActionResult> OnPostPublicationAsync(Guid id, CancellationToken ct)
    {
        var outcome = await work.PublishAsync(id, ct);
        return outcome.Failure is null ? Redirect($"/Reports/{id}") : await ShowAsync(id, ct, outcome.Failure);
    }

    private async Task<IActionResult> ShowAsync(Guid id, CancellationToken ct, Failure? failure = null, string prefix = "")
    {
        if (failure is not null && ModelState.Show(failure, prefix) is { } status)
        {
            return status;
        }

        var outcome = await work.ReadAsync(id, ct);
        if (outcome.Value is not { } shown)
        {
            return NotFound();
        }

        Shown = shown;
        return Page();
    }
}
