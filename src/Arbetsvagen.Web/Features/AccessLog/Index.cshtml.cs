using System.Text;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Arbetsvagen.Core.AccessLog;

namespace Arbetsvagen.Features.AccessLog;

[Authorize(Policy = Policies.Administrator)]
public class IndexModel(AppDbContext db, CurrentUser user, AccessLogger log) : PageModel
{
    [FromQuery] public string? UserName { get; set; }
    [FromQuery] public string? ParticipantId { get; set; }
    [FromQuery] public string? Action { get; set; }
    [FromQuery] public string? From { get; set; }
    [FromQuery] public string? To { get; set; }
    public List<AccessLogEntry> Entries { get; private set; } = [];
    public ChainVerification Chain { get; private set; } = new(true, 0, null);

    public static string ActionLabel(string action) => action switch
    {
        AccessAction.Read => "Läsning",
        AccessAction.Search => "Sökning",
        AccessAction.Export => "Export",
        AccessAction.Create => "Registrering",
        AccessAction.Update => "Ändring",
        AccessAction.Denied => "Nekad åtkomst",
        _ => action,
    };

    public async Task OnGetAsync(CancellationToken ct)
    {
        Chain = await AccessLogReview.VerifyChainAsync(db, ct);
        if (Filter() is { } filter)
        {
            Entries = await AccessLogReview.Query(db, user, filter).Take(AccessLogReview.MaxRows).ToListAsync(ct);
        }
    }

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        if (Filter() is not { } filter)
        {
            await OnGetAsync(ct);
            return Page();
        }

        var csv = await AccessLogReview.ExportCsvAsync(db, user, log, filter, ct);
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8",
            $"loggkontroll-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv");
    }

    private AccessLogFilter? Filter()
    {
        Guid? participant = null;
        if (!string.IsNullOrWhiteSpace(ParticipantId))
        {
            if (Guid.TryParse(ParticipantId.Trim(), out var id))
            {
                participant = id;
            }
            else
            {
                ModelState.AddModelError(nameof(ParticipantId), "Deltagar-id ska vara ett id (GUID) från loggen eller deltagarsidan.");
            }
        }

        var (filter, errors) = AccessLogReview.ParseFilter(participant, UserName, Action, From, To);
        foreach (var (field, messages) in errors)
        {
            ModelState.AddModelError(field, messages[0]);
        }

        return ModelState.IsValid ? filter : null;
    }
}
