using Microsoft.AspNetCore.Mvc;

namespace Arbetsvagen.Features.Placements;

public class CreateModel(PlacementWork work) : PlacementFormPage
{
    public override string Heading => "Ny praktikplats";
    public override string SubmitText => "Registrera praktikplatsen";

    /// <summary>The form, prefilled when it comes from a competence need: the employer's workplace (when it has one) and the occupation.</summary>
    public async Task<IActionResult> OnGetAsync(Guid? employerId, string? occupation, CancellationToken ct)
    {
        if ((await work.CollaborationsAsync(ct)).Count == 0)
        {
            return Forbid();
        }

        Employers = await work.EmployersAsync(ct);
        Form.WorkplaceId = Employers.FirstOrDefault(e => e.Id == employerId)?.Workplaces is [var only] ? only.Id : null;
        Form.Occupation = string.IsNullOrWhiteSpace(occupation) ? null : PlacementDto.OccupationLabel(occupation);
        AddBlankRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Employers = await work.EmployersAsync(ct);
        Form.EmployerId = Employers.FirstOrDefault(e => e.Workplaces.Any(w => w.Id == Form.WorkplaceId))?.Id;
        var created = await work.CreateAsync(Form, ct);
        if (created.Failure is { } failure)
        {
            return Refused(failure);
        }

        TempData["Message"] = "Praktikplatsen är registrerad.";
        return Redirect($"/Placements/Details/{created.Value!.Id}");
    }
}
