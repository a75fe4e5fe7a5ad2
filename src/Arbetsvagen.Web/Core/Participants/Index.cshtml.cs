using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Arbetsvagen.Core.AccessLog;

namespace Arbetsvagen.Core.Participants;

/// <summary>
/// The participant list. Searches are posted, never put in the address, so that names and personnummer do not
/// end up in browser history or server logs.
/// </summary>
public class IndexModel(ParticipantList participants, AccessLogger log, AppDbContext db, CurrentUser user) : PageModel
{
    private Dictionary<Guid, string> organisations = [];

    [BindProperty] public string? Search { get; set; }
    [BindProperty] public int PageNumber { get; set; } = 1;
    public string? Error { get; private set; }
    public Paged<ParticipantListItem> Result { get; private set; } = ParticipantList.Empty();

    public string OrganisationName(Guid id) => organisations.GetValueOrDefault(id, "");

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct) => await LoadAsync(ct);

    private async Task<IActionResult> LoadAsync(CancellationToken ct)
    {
        if (!user.IsCaseworker)
        {
            await log.RecordAsync(AccessAction.Denied, "Participant", null, purpose: "sökning utan handläggarroll", ct: ct);
            return Forbid();
        }

        var found = await participants.SearchAsync(Search, Math.Max(1, PageNumber), ParticipantList.DefaultPageSize, ct);
        if (found.Failure is { Errors: { } errors })
        {
            // Say what was wrong, and list what the text's allowed beginning finds meanwhile.
            Error = errors.Values.First()[0];
            Search = Search![..ParticipantList.MaxSearchLength];
            found = await participants.SearchAsync(Search, Math.Max(1, PageNumber), ParticipantList.DefaultPageSize, ct);
        }

        Result = found.Value ?? ParticipantList.Empty();
        organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        return Page();
    }
}
