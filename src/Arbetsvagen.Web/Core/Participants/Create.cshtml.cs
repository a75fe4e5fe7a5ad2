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

        var created = await changes.CreateAsync(Input, ct);
        if (created.Failure is { } failure)
        {
            if (failure.Extensions?.GetValueOrDefault(ParticipantChanges.ExistingIdExtension) is Guid existing)
            {
                // The box above the form links to the record; the field says what is wrong with it.
                ExistingId = existing;
                ModelState.AddModelError("Input.PersonalIdentityNumber", failure.Detail!);
                return Page();
            }

            return ModelState.Show(failure, "Input") ?? Page();
        }

        TempData["Message"] = "Deltagaren är registrerad.";
        return Redirect($"/Participants/Details/{created.Value!.Id}");
    }
}
