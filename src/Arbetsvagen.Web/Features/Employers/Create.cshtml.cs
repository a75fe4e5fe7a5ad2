using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Arbetsvagen.Features.Employers;

/// <summary>Registers an employer with its first workplace (optional). A number already in the register links to that employer.</summary>
public class CreateModel(EmployerWork work, CurrentUser user) : EmployerFormPage(work)
{
    [BindProperty] public WorkplaceInput Workplace { get; set; } = new();

    protected override bool ChoosesCollaboration => true;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Work.MayChange)
        {
            return Forbid();
        }

        Employer.OwnerOrganisationId = user.OrganisationId;
        await LoadOwnersAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Employer.Workplaces = [Workplace];
        return await AnswerAsync(await Work.CreateAsync(Employer, ct), "Arbetsgivaren är registrerad.", ct);
    }
}
