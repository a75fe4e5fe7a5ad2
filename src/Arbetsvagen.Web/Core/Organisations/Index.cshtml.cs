using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Core.Organisations;

public class IndexModel(OrganisationWork organisations, AppDbContext db, CurrentUser user) : PageModel
{
    [BindProperty] public OrganisationInput Input { get; set; } = new();
    public List<Organisation> Tree { get; private set; } = [];
    public List<(string Name, int Members)> Collaborations { get; private set; } = [];
    public bool IsAdministrator => user.IsAdministrator;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        ModelState.Clear();
        var created = await organisations.CreateAsync(Input, ct);
        if (created.Failure is { } failure)
        {
            if (ModelState.Show(failure, "Input") is { } answer)
            {
                return answer;
            }

            await LoadAsync(ct);
            return Page();
        }

        TempData["Message"] = $"{created.Value!.Name} är skapad.";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = await organisations.ListAsync(ct);
        // Each top-level organisation followed by its units.
        Tree = all.Where(o => o.ParentId is null)
            .SelectMany(parent => all.Where(u => u.ParentId == parent.Id).Prepend(parent)).ToList();
        Collaborations = (await db.Collaborations.AsNoTracking().Select(c => new { c.Name, Members = c.Members.Count }).ToListAsync(ct))
            .Select(c => (c.Name, c.Members)).ToList();
    }
}
