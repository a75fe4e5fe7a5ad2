using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Arbetsvagen.Core.Participants;

public class CreateModel(ParticipantChanges changes, CurrentUser user, TimeProvider clock) : ParticipantFormPage(user)
{
    public override bool IsNew => true;
    public Guid? ExistingId { get; private set; }

    public IActionResult OnGet()
    {
        if (!IsCaseworker)
        {
            return Forbid();
        }

        Input.Gender = "unknown";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        if (!ReadOccupationNames())
        {
            // Show every other field error in the same round, not on the next submit.
            ShowErrors(Input.Validate(SwedishTime.Today(clock), isNew: true, out _));
            return Page();
        }

        switch (await changes.CreateAsync(Input, ct))
        {
            case ChangeResult.Saved saved:
                TempData["Message"] = "Deltagaren är registrerad.";
                return Redirect($"/Participants/Details/{saved.Id}");
            case ChangeResult.Duplicate duplicate:
                ExistingId = duplicate.ExistingId;
                ModelState.AddModelError("Input.PersonalIdentityNumber", "Personen är redan registrerad i din organisation.");
                return Page();
            case ChangeResult.Invalid invalid:
                ShowErrors(invalid.Errors);
                return Page();
            default:
                return NotFound();
        }
    }
}
