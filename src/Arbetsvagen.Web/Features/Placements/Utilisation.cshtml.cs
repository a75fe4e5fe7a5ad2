using Arbetsvagen.Features.Employers;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Placements;

/// <summary>An employer's placements and their utilisation over the dates chosen (booked place-days against capacity).</summary>
public class UtilisationModel(PlacementWork work) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? EmployerId { get; set; }
    [BindProperty(SupportsGet = true)] public string? From { get; set; }
    [BindProperty(SupportsGet = true)] public string? To { get; set; }
    public List<Employer> Employers { get; private set; } = [];
    public EmployerUtilisation? Result { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Employers = await work.EmployersAsync(ct);
        if (EmployerId is null)
        {
            return Page();
        }

        var found = await work.EmployerUtilisationAsync(EmployerId, From, To, ct);
        if (found.Failure is { } failure)
        {
            ViewData.KeepErrorOrder(failure);
            return ModelState.Show(failure) ?? Page();
        }

        Result = found.Value;
        (From, To) = (Ui.Date(Result!.Total.From), Ui.Date(Result.Total.To));
        return Page();
    }

    public static string Percent(Utilisation u) => u.Percent is { } p ? $"{p.ToString("0.#", SwedishCollation.Culture)} %" : "–";
}
