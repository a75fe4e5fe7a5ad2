using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Matching;

/// <summary>An ask's notice leads here: on to the person's opportunities when the reader may see them now, else 404.</summary>
public class RequestsModel(MatchingWork work) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) =>
        await work.RequestedParticipantAsync(id, ct) is { } participantId ? Redirect($"/Matching/Opportunities/{participantId}") : NotFound();
}
