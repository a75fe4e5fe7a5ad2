using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Employers;

/// <summary>
/// One employer: its facts, workplaces, contact persons, contact log and competence needs, each with its form.
/// Contacts and the contact log are shown (and their reading logged) only to the roles that may see them.
/// Each form runs the same use case as its API endpoint; its fields carry the form's prefix ("Contact.Name").
/// </summary>
public class DetailsModel(EmployerWork work, AppDbContext db, TimeProvider clock) : ActionPage(db)
{
    private Dictionary<Guid, string> names = [];

    [BindProperty] public WorkplaceInput Workplace { get; set; } = new();
    [BindProperty] public ContactInput Contact { get; set; } = new();
    [BindProperty] public ContactLogInput Log { get; set; } = new();
    [BindProperty] public NeedForm Need { get; set; } = new();
    public EmployerShown? Shown { get; private set; }
    public DateOnly Today => SwedishTime.Today(clock);
    /// <summary>A sole trader's whole number (a personnummer) is shown only to the roles that may see contact persons.</summary>
    public bool MaySeeContacts => work.MaySeeContacts;

    public string Name(Guid? id) => id is { } i ? names.GetValueOrDefault(i, "okänd") : "–";

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        Log.OccurredOn ??= Ui.Date(Today);
        return await LoadAsync(id, read: true, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostWorkplaceAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await work.AddWorkplaceAsync(id, Workplace, ct), "Arbetsstället är tillagt.", "Workplace", ct);

    public async Task<IActionResult> OnPostContactAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await work.AddContactAsync(id, Contact, ct), "Kontaktpersonen är tillagd.", "Contact", ct);

    public async Task<IActionResult> OnPostLogAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await work.LogContactAsync(id, Log, ct), "Kontakten är dokumenterad.", "Log", ct);

    public async Task<IActionResult> OnPostFollowUpDoneAsync(Guid id, Guid entryId, CancellationToken ct) =>
        await Answer(id, await work.CompleteFollowUpAsync(id, entryId, ct), "Uppföljningen är klarmarkerad.", "", ct);

    public async Task<IActionResult> OnPostNeedAsync(Guid id, CancellationToken ct) =>
        await Answer(id, await work.AddNeedAsync(id, Need.ToInput(), ct), "Kompetensbehovet är registrerat.", "Need", ct);

    protected override Task<bool> ReloadAsync(Guid id, CancellationToken ct) => LoadAsync(id, read: false, ct);

    protected override string PathFor(Guid id) => $"/Employers/Details/{id}";

    private async Task<bool> LoadAsync(Guid id, bool read, CancellationToken ct)
    {
        if ((await work.ReadAsync(id, ct, logRead: read)).Value is not { } shown)
        {
            return false;
        }

        Shown = shown;
        var e = shown.Employer;
        var ids = e.ContactLog.Select(c => c.ByUserId).Append(e.OwnerOrganisationId).Distinct().ToList();
        names = await Db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        foreach (var (orgId, orgName) in await Db.Organisations.AsNoTracking().Where(o => o.Id == e.OwnerOrganisationId).ToDictionaryAsync(o => o.Id, o => o.Name, ct))
        {
            names[orgId] = orgName;
        }

        foreach (var c in e.Contacts)
        {
            names[c.Id] = c.Name;
        }

        return true;
    }
}

/// <summary>The need form as the browser posts it: the number of people as typed, the occupation by name.</summary>
public sealed class NeedForm
{
    public string? Kind { get; set; }
    public string? OccupationName { get; set; }
    public string? NumberOfPeople { get; set; }
    public string? FromDate { get; set; }
    public string? Requirements { get; set; }
    public string? EmploymentForm { get; set; }
    public string? MunicipalityCode { get; set; }

    // A number that is not one (or blank) becomes 0, which the use case refuses with its message about the field.
    public NeedInput ToInput() => new()
    {
        Kind = Kind, OccupationName = OccupationName, NumberOfPeople = int.TryParse(NumberOfPeople?.Trim(), out var n) ? n : 0, FromDate = FromDate,
        Requirements = Requirements, EmploymentForm = EmploymentForm, MunicipalityCode = MunicipalityCode,
    };
}
