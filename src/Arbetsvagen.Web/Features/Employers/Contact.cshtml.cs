using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Employers;

/// <summary>
/// One contact person: change their name, role, phone and e-mail, or remove them. Personal data: showing the page is a
/// logged read, each change and the removal a logged change (the same use cases as the API's).
/// </summary>
public class ContactModel(EmployerWork work, AppDbContext db) : ActionPage(db)
{
    [BindProperty] public ContactInput Contact { get; set; } = new();
    public Guid EmployerId { get; private set; }
    public Guid ContactId { get; private set; }
    public string EmployerName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid id, Guid contactId, CancellationToken ct)
    {
        if (!work.MayChange)
        {
            return Forbid();
        }

        ContactId = contactId;
        return await LoadAsync(id, read: true, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, Guid contactId, CancellationToken ct)
    {
        ContactId = contactId;
        return await Answer(id, await work.UpdateContactAsync(id, contactId, Contact, ct), "Kontaktpersonen är ändrad.", "Contact", ct);
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid contactId, CancellationToken ct)
    {
        ContactId = contactId;
        return await Answer(id, await work.RemoveContactAsync(id, contactId, ct), "Kontaktpersonen är borttagen.", "", ct);
    }

    protected override Task<bool> ReloadAsync(Guid id, CancellationToken ct) => LoadAsync(id, read: false, ct);

    protected override string PathFor(Guid id) => $"/Employers/Details/{id}#contacts";

    private async Task<bool> LoadAsync(Guid id, bool read, CancellationToken ct)
    {
        if ((await work.ContactAsync(id, ContactId, ct, logRead: read)).Value is not { } contact)
        {
            return false;
        }

        // A refused change shows what was posted; the page itself shows what is stored.
        if (Contact is { Name: null, Role: null, Phone: null, Email: null })
        {
            Contact = new ContactInput { Name = contact.Name, Role = contact.Role, Phone = contact.Phone, Email = contact.Email };
        }

        EmployerId = id;
        EmployerName = await Db.Employers.Where(e => e.Id == id).Select(e => e.Name).FirstAsync(ct);
        return true;
    }
}
