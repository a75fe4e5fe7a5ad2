using Microsoft.AspNetCore.Mvc;

namespace Arbetsvagen.Features.Placements;

public class EditModel(PlacementWork work) : PlacementFormPage
{
    public Guid Id { get; private set; }
    public override string Heading => "Ändra praktikplats";
    public override string SubmitText => "Spara ändringarna";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if ((await work.ReadAsync(id, ct)).Value is not { } view)
        {
            return NotFound();
        }

        if (!view.Manages)
        {
            return Forbid();
        }

        (Id, Employers, Form) = (id, [view.Employer], FormOf(view.Placement));
        AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var changed = await work.UpdateAsync(id, Form, ct);
        if (changed.Failure is { } failure)
        {
            Id = id;
            Employers = (await work.ReadAsync(id, ct)).Value is { } view ? [view.Employer] : [];
            return Refused(failure);
        }

        TempData["Message"] = "Praktikplatsen är sparad.";
        return Redirect($"/Placements/Details/{id}");
    }
}
