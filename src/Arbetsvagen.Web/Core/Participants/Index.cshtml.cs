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
public class IndexModel(ParticipantAccess access, AccessLogger log, AppDbContext db, TimeProvider clock, CurrentUser user) : PageModel
{
    private Dictionary<Guid, string> organisations = [];

    [BindProperty] public string? Search { get; set; }
    [BindProperty] public int PageNumber { get; set; } = 1;
    public string? Error { get; private set; }
    public Paged<ParticipantListItem> Result { get; private set; } = new([], 1, ParticipantSearch.DefaultPageSize, 0);

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

        if (Search is { Length: > 200 })
        {
            Error = "Söktexten får vara högst 200 tecken.";
            Search = Search[..200];
        }

        Result = await ParticipantsApi.Search(access, Search, Math.Max(1, PageNumber), ParticipantSearch.DefaultPageSize, clock, ct);
        organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        await log.RecordAsync(AccessAction.Search, "Participant", null, resultIds: Result.Items.Select(i => i.Id), ct: ct);
        return Page();
    }
}
