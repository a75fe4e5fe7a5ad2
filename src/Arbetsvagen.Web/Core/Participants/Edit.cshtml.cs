using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Arbetsvagen.Core.AccessLog;

namespace Arbetsvagen.Core.Participants;

public class EditModel(ParticipantChanges changes, ParticipantAccess access, AccessLogger log, CurrentUser user, TimeProvider clock) : ParticipantFormPage(user)
{
    private readonly CurrentUser me = user;

    public override bool IsNew => false;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var grant = await access.FindAsync(id, ct);
        if (grant is null)
        {
            return NotFound();
        }

        if (!grant.OwnCase)
        {
            await log.RecordAsync(AccessAction.Denied, "Participant", id, id, "ändring utan eget ärende", ct: ct);
            return Forbid();
        }

        await log.RecordAsync(AccessAction.Read, "Participant", id, id, ct: ct);
        Input = ParticipantInput.From(grant.Participant, me.MaySeeSensitiveData);
        FillOccupationNames();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        ModelState.Clear();
        var grant = await access.FindAsync(id, ct);
        if (grant is null)
        {
            return NotFound();
        }

        // The number is not posted back; the heading and form show it again after an error.
        var number = grant.Participant.IdentityNumber;
        if (!ReadOccupationNames())
        {
            ShowErrors(Input.Validate(SwedishTime.Today(clock), isNew: false, out _));
            Input.PersonalIdentityNumber = number;
            return Page();
        }

        var updated = await changes.UpdateAsync(id, Input, ct);
        if (updated.Failure is { } failure)
        {
            Input.PersonalIdentityNumber = number;
            return ModelState.Show(failure, "Input") ?? Page();
        }

        TempData["Message"] = "Ändringarna är sparade.";
        return Redirect($"/Participants/Details/{id}");
    }
}
