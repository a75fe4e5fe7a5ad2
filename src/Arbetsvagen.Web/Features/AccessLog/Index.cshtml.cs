using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.AccessLog;

[Authorize(Policy = Policies.Administrator)]
public class IndexModel(AccessLogReview review) : PageModel
{
    [FromQuery] public string? UserName { get; set; }
    [FromQuery] public string? ParticipantId { get; set; }
    [FromQuery] public string? Action { get; set; }
    [FromQuery] public string? From { get; set; }
    [FromQuery] public string? To { get; set; }
    public List<AccessLogEntry> Entries { get; private set; } = [];
    public ChainVerification Chain { get; private set; } = new(true, 0, null);

    /// <summary>The log of one participant: the title says so (by id only, as the administrator sees no names).</summary>
    public bool ForOneParticipant => AccessLogReview.Parse(Query).Value?.ParticipantId is not null;

    private AccessLogQuery Query => new(ParticipantId, UserName, Action, From, To);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Chain = await review.VerifyChainAsync(ct);
        var found = await review.ReviewAsync(Query, ct);
        if (found.Failure is { } failure)
        {
            ModelState.Show(failure);
        }

        Entries = found.Value ?? [];
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var export = await review.ExportCsvAsync(Query, ct);
        if (export.Value is { } file)
        {
            return File(file.Content, CsvFile.ContentType, file.FileName);
        }

        await OnGetAsync(ct);
        return Page();
    }
}
