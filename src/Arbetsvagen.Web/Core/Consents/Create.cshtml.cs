using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Arbetsvagen.Core.AccessLog;

namespace Arbetsvagen.Core.Consents;

public class CreateModel(ConsentChanges changes, ParticipantAccess access, AccessLogger log, AppDbContext db, CurrentUser user, TimeProvider clock) : PageModel
{
    [BindProperty] public ConsentInput Input { get; set; } = new();
    [FromRoute] public Guid ParticipantId { get; set; }
    public string ParticipantName { get; private set; } = "";
    public List<Organisation> Recipients { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        var today = SwedishTime.Today(clock);
        Input.GivenAt = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Input.ValidUntil = today.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Input.Form = "written";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var outcome = await changes.GiveAsync(ParticipantId, Input, ct);
        if (outcome.Failure is { } failure)
        {
            return ModelState.Show(failure, "Input") ?? (await LoadAsync(ct) ? Page() : NotFound());
        }

        TempData["Message"] = "Samtycket är registrerat.";
        return Redirect($"/Participants/Details/{ParticipantId}");
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var grant = await access.FindAsync(ParticipantId, ct);
        if (grant is null)
        {
            return false;
        }

        if (!grant.OwnCase)
        {
            await log.RecordAsync(AccessAction.Denied, "Consent", null, ParticipantId, "samtycke kan bara dokumenteras av ärendets ägare", ct: ct);
            return false;
        }

        await log.RecordAsync(AccessAction.Read, "Participant", ParticipantId, ParticipantId, ct: ct);
        ParticipantName = $"{grant.Participant.FirstName} {grant.Participant.LastName}";
        var boundary = user.SecrecyBoundaryId;
        Recipients = await db.Organisations.AsNoTracking().Where(o => o.SecrecyBoundaryId != boundary && o.Kind != OrganisationKind.Municipality)
            .OrderBy(o => o.Name).ToListAsync(ct);
        return true;
    }
}
