using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace Arbetsvagen.Features.Employers;

/// <summary>
/// One workplace: change its name, address, municipality and public-transport note, or remove it. A workplace that
/// placements use is not removed, nor moved to another municipality; the refusal says why.
/// </summary>
public class WorkplaceModel(EmployerWork work, AppDbContext db) : ActionPage(db)
{
    [BindProperty] public WorkplaceInput Workplace { get; set; } = new();
    public Guid EmployerId { get; private set; }
    public Guid WorkplaceId { get; private set; }
    public string EmployerName { get; private set; } = "";
    public string WorkplaceName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid workplaceId, CancellationToken ct)
    {
        if (!work.MayChange)
        {
            return Forbid();
        }

        WorkplaceId = workplaceId;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid workplaceId, CancellationToken ct)
    {
        WorkplaceId = workplaceId;
        return await Answer(id, await work.UpdateWorkplaceAsync(id, workplaceId, Workplace, ct), "Arbetsstället är ändrat.", "Workplace", ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid workplaceId, CancellationToken ct)
    {
        WorkplaceId = workplaceId;
        return await Answer(id, await work.RemoveWorkplaceAsync(id, workplaceId, ct), "Arbetsstället är borttaget.", "", ct);
    }

    protected override Task<bool> ReloadAsync(Guid id, CancellationToken ct) => LoadAsync(id, ct);

    protected override string PathFor(Guid id) => $"/Employers/Details/{id}#workplaces";

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if ((await work.ReadAsync(id, ct, logRead: false, withContacts: false)).Value is not { } shown
            || shown.Employer.Workplaces.SingleOrDefault(w => w.Id == WorkplaceId) is not { } workplace)
        {
            return false;
        }

        // A refused change shows what was posted; the page itself shows what is stored.
        if (Workplace.IsBlank)
        {
            Workplace = new WorkplaceInput
            {
                Name = workplace.Name, StreetAddress = workplace.StreetAddress, PostalCode = workplace.PostalCode, City = workplace.City,
                MunicipalityCode = workplace.MunicipalityCode, TransportNote = workplace.TransportNote,
            };
        }

        EmployerId = id;
        EmployerName = shown.Employer.Name;
        WorkplaceName = workplace.Name;
        return true;
    }
}
