using Microsoft.AspNetCore.Mvc;

namespace Arbetsvagen.Features.Employers;

/// <summary>Changes an employer's name, industry, size and owning unit.</summary>
public class EditModel(EmployerWork work) : EmployerFormPage(work)
{
    public Guid Id { get; private set; }
    public string OrganisationNumberText { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if ((await Work.ReadAsync(id, ct, withContacts: false)).Value is not { } shown)
        {
            return NotFound();
        }

        if (!shown.MayChange)
        {
            return Forbid();
        }

        var e = shown.Employer;
        Employer = new EmployerInput { Name = e.Name, SniGroup = e.SniGroup, Size = Infrastructure.EnumText.ApiName(e.Size), OwnerOrganisationId = e.OwnerOrganisationId };
        await ShowAsync(id, e, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var outcome = await Work.UpdateAsync(id, Employer, ct);
        if (outcome.Failure is not null && (await Work.ReadAsync(id, ct, logRead: false, withContacts: false)).Value is { } shown)
        {
            await ShowAsync(id, shown.Employer, ct);
        }

        return await AnswerAsync(outcome, "Arbetsgivaren är ändrad.", ct);
    }

    private async Task ShowAsync(Guid id, Employer e, CancellationToken ct)
    {
        Id = id;
        OrganisationNumberText = OrganisationNumber.Format(e.OrganisationNumber);
        await LoadOwnersAsync(ct);
    }
}
