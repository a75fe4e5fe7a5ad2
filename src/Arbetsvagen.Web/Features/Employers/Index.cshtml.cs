using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Arbetsvagen.Features.Employers;

/// <summary>
/// The employer register: search by name, organisationsnummer or municipality, in Swedish order, a page at a time.
/// The search is posted, not put in the address, since a sole trader's number is a personnummer.
/// </summary>
public class IndexModel(EmployerWork work) : PageModel
{
    [BindProperty] public string? Search { get; set; }
    [BindProperty] public string? MunicipalityCode { get; set; }
    [BindProperty] public int PageNumber { get; set; } = 1;
    public Paged<EmployerListItem> Result { get; private set; } = new([], 1, EmployerWork.DefaultPageSize, 0);
    public bool MayChange => work.MayChange;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var found = await work.ListAsync(Search, MunicipalityCode, Math.Max(1, PageNumber), EmployerWork.DefaultPageSize, ct);
        if (found.Failure is { } failure)
        {
            ViewData.KeepErrorOrder(failure);
            ModelState.Show(failure);
            return;
        }

        Result = found.Value!;
    }
}
