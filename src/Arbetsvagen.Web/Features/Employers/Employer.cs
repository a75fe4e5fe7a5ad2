using System.ComponentModel.DataAnnotations;
using Arbetsvagen.Infrastructure;
using ValidationException = Arbetsvagen.Infrastructure.ValidationException;

namespace Arbetsvagen.Features.Employers;

/// <summary>Storleksklass by number of employees, as SCB's business register bands them.</summary>
public enum EmployerSize
{
    [Display(Name = "Okänd")] Unknown,
    [Display(Name = "0–9 anställda")] Micro,
    [Display(Name = "10–49 anställda")] Small,
    [Display(Name = "50–249 anställda")] Medium,
    [Display(Name = "250 anställda eller fler")] Large,
}

/// <summary>How the collaboration met the employer (kontaktlogg).</summary>
public enum ContactKind
{
    [Display(Name = "Företagsbesök")] CompanyVisit,
    [Display(Name = "Arbetsgivarfrukost")] EmployerBreakfast,
    [Display(Name = "Mässa")] Fair,
    [Display(Name = "Telefonsamtal")] PhoneCall,
    [Display(Name = "E-post")] Email,
    [Display(Name = "Möte")] Meeting,
}

/// <summary>
/// An employer in the collaboration's shared register (arbetsgivarregister). Shared across the collaboration that
/// owns the relationship; the owning unit is the one that keeps the contact. A sole trader registered by a
/// personnummer-shaped number (<see cref="IsSoleTrader"/>) makes that number personal data.
/// </summary>
public class Employer
{
    public const int MaxName = 200;
    public const int MaxText = 4000;

    private Employer()
    {
    }

    public Guid Id { get; private set; }
    /// <summary>Ten digits, no hyphen.</summary>
    public string OrganisationNumber { get; private set; } = "";
    public bool IsSoleTrader { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>SNI 2007 group (three digits, e.g. "493"); its section letter follows from it.</summary>
    public string SniGroup { get; private set; } = "";
    public EmployerSize Size { get; private set; }
    public Guid OwnerCollaborationId { get; private set; }
    public Guid OwnerOrganisationId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public List<Workplace> Workplaces { get; private set; } = [];
    public List<ContactPerson> Contacts { get; private set; } = [];
    public List<ContactLogEntry> ContactLog { get; private set; } = [];

    public static Employer Create(string organisationNumber, bool isSoleTrader, string name, string sniGroup, EmployerSize size,
        Guid collaborationId, Guid ownerOrganisationId, Guid byUserId, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        OrganisationNumber = organisationNumber,
        IsSoleTrader = isSoleTrader,
        Name = name.Trim(),
        SniGroup = sniGroup,
        Size = size,
        OwnerCollaborationId = collaborationId,
        OwnerOrganisationId = ownerOrganisationId,
        CreatedAt = now,
        CreatedByUserId = byUserId,
        UpdatedAt = now,
    };

    /// <summary>Name, industry, size and owning unit; the organisationsnummer never changes (a new number is a new employer).</summary>
    public void Update(string name, string sniGroup, EmployerSize size, Guid ownerOrganisationId, DateTime now)
    {
        Name = name.Trim();
        SniGroup = sniGroup;
        Size = size;
        OwnerOrganisationId = ownerOrganisationId;
        UpdatedAt = now;
    }

    public Workplace AddWorkplace(string name, string streetAddress, string postalCode, string city, string municipalityCode, string? transportNote)
    {
        var workplace = new Workplace(Id)
        {
            Name = name.Trim(),
            StreetAddress = streetAddress.Trim(),
            PostalCode = postalCode,
            City = city.Trim(),
            MunicipalityCode = municipalityCode,
            TransportNote = transportNote,
        };
        Workplaces.Add(workplace);
        return workplace;
    }

    public ContactPerson AddContact(string name, string? role, string? phone, string? email, DateTime now)
    {
        var contact = new ContactPerson(Id) { Name = name.Trim(), Role = role, Phone = phone, Email = email, UpdatedAt = now };
        Contacts.Add(contact);
        UpdatedAt = now;
        return contact;
    }

    public ContactPerson UpdateContact(Guid contactId, string name, string? role, string? phone, string? email, DateTime now)
    {
        var contact = Contacts.SingleOrDefault(c => c.Id == contactId) ?? throw new ConflictException("Kontaktpersonen finns inte hos arbetsgivaren.");
        contact.Name = name.Trim();
        contact.Role = role;
        contact.Phone = phone;
        contact.Email = email;
        contact.UpdatedAt = now;
        UpdatedAt = now;
        return contact;
    }

    /// <summary>
    /// Removes a contact person. The contact log keeps its entries but no longer names them: the person's data goes,
    /// the history of the contacts stays.
    /// </summary>
    public ContactPerson RemoveContact(Guid contactId, DateTime now)
    {
        var contact = Contacts.SingleOrDefault(c => c.Id == contactId) ?? throw new ConflictException("Kontaktpersonen finns inte hos arbetsgivaren.");
        foreach (var entry in ContactLog.Where(e => e.ContactPersonId == contactId))
        {
            entry.ContactPersonId = null;
        }

        Contacts.Remove(contact);
        UpdatedAt = now;
        return contact;
    }

    /// <summary>
    /// Changes a workplace. Placements there keep a copy of its municipality (the public page filters by it), so the
    /// municipality of a workplace in use does not change; <paramref name="placementsThere"/> is how many use it.
    /// </summary>
    public Workplace UpdateWorkplace(Guid workplaceId, WorkplaceValues values, int placementsThere, DateTime now)
    {
        var workplace = FindWorkplace(workplaceId);
        if (values.MunicipalityCode != workplace.MunicipalityCode && placementsThere > 0)
        {
            throw new ConflictException($"Kommunen för arbetsstället {workplace.Name} kan inte ändras: {PlacementsThere(placementsThere)} där. "
                + "Registrera ett nytt arbetsställe i den andra kommunen och flytta praktikplatserna dit.");
        }

        workplace.Name = values.Name.Trim();
        workplace.StreetAddress = values.StreetAddress.Trim();
        workplace.PostalCode = values.PostalCode;
        workplace.City = values.City.Trim();
        workplace.MunicipalityCode = values.MunicipalityCode;
        workplace.TransportNote = values.TransportNote;
        UpdatedAt = now;
        return workplace;
    }

    /// <summary>Removes a workplace that no placement uses; <paramref name="placementsThere"/> is how many do.</summary>
    public Workplace RemoveWorkplace(Guid workplaceId, int placementsThere, DateTime now)
    {
        var workplace = FindWorkplace(workplaceId);
        if (placementsThere > 0)
        {
            throw new ConflictException($"Arbetsstället {workplace.Name} kan inte tas bort: {PlacementsThere(placementsThere)} där. "
                + (placementsThere == 1 ? "Flytta den" : "Flytta dem") + " till ett annat arbetsställe först.");
        }

        Workplaces.Remove(workplace);
        UpdatedAt = now;
        return workplace;
    }

    private Workplace FindWorkplace(Guid workplaceId) =>
        Workplaces.SingleOrDefault(w => w.Id == workplaceId) ?? throw new ConflictException("Arbetsstället finns inte hos arbetsgivaren.");

    private static string PlacementsThere(int count) => count == 1 ? "en praktikplats finns" : $"{count} praktikplatser finns";

    /// <summary>
    /// Records a contact. The contact person, when named, must be one of this employer's; a follow-up cannot lie
    /// before the contact itself.
    /// </summary>
    public ContactLogEntry LogContact(ContactKind kind, DateOnly on, Guid? contactPersonId, string notes, DateOnly? followUpOn, Guid by, DateTime now)
    {
        if (contactPersonId is { } id && Contacts.All(c => c.Id != id))
        {
            throw new ValidationException("contactPersonId", "Välj en av arbetsgivarens kontaktpersoner.");
        }

        if (followUpOn is { } follow && follow < on)
        {
            throw new ValidationException("followUpOn", $"Datum för uppföljning kan inte ligga före kontakten ({on:yyyy-MM-dd}).");
        }

        var entry = new ContactLogEntry(Id)
        {
            Kind = kind, OccurredOn = on, ContactPersonId = contactPersonId, Notes = notes, FollowUpOn = followUpOn, ByUserId = by, RecordedAt = now,
        };
        ContactLog.Add(entry);
        UpdatedAt = now;
        return entry;
    }

    /// <summary>Marks a follow-up as done, which takes it off the work list; only an open follow-up can be done.</summary>
    public ContactLogEntry CompleteFollowUp(Guid entryId, Guid by, DateTime now)
    {
        var entry = ContactLog.SingleOrDefault(e => e.Id == entryId) ?? throw new ConflictException("Kontakten finns inte hos arbetsgivaren.");
        if (entry.FollowUpOn is null)
        {
            throw new ConflictException("Kontakten har ingen uppföljning att klarmarkera.");
        }

        if (entry.FollowUpDoneAt is not null)
        {
            throw new ConflictException($"Uppföljningen är redan klarmarkerad ({Ui.Time(entry.FollowUpDoneAt.Value)}).");
        }

        entry.FollowUpDoneAt = now;
        entry.FollowUpDoneByUserId = by;
        return entry;
    }
}

/// <summary>One of an employer's workplaces (arbetsställe): where placements and job tracks happen.</summary>
public class Workplace
{
    private Workplace()
    {
    }

    internal Workplace(Guid employerId)
    {
        Id = Guid.NewGuid();
        EmployerId = employerId;
    }

    public Guid Id { get; private set; }
    public Guid EmployerId { get; private set; }
    public string Name { get; internal set; } = "";
    public string StreetAddress { get; internal set; } = "";
    /// <summary>"183 70", as the participant's postcode is stored.</summary>
    public string PostalCode { get; internal set; } = "";
    public string City { get; internal set; } = "";
    public string MunicipalityCode { get; internal set; } = "";
    /// <summary>How to get there by public transport (kollektivtrafik), in plain words.</summary>
    public string? TransportNote { get; internal set; }
}

/// <summary>A person at the employer whom the collaboration talks to. Personal data: every read and change is logged.</summary>
public class ContactPerson
{
    public const int MaxName = 200;
    public const int MaxRole = 100;
    public const int MaxPhone = 40;
    public const int MaxEmail = 254;

    private ContactPerson()
    {
    }

    internal ContactPerson(Guid employerId)
    {
        Id = Guid.NewGuid();
        EmployerId = employerId;
    }

    public Guid Id { get; private set; }
    public Guid EmployerId { get; private set; }
    public string Name { get; internal set; } = "";
    public string? Role { get; internal set; }
    public string? Phone { get; internal set; }
    public string? Email { get; internal set; }
    public DateTime UpdatedAt { get; internal set; }
}

/// <summary>One contact with the employer: what kind, when, with whom, what was said, and when to follow it up.</summary>
public class ContactLogEntry
{
    private ContactLogEntry()
    {
    }

    internal ContactLogEntry(Guid employerId)
    {
        Id = Guid.NewGuid();
        EmployerId = employerId;
    }

    public Guid Id { get; private set; }
    public Guid EmployerId { get; private set; }
    public ContactKind Kind { get; internal set; }
    public DateOnly OccurredOn { get; internal set; }
    public Guid? ContactPersonId { get; internal set; }
    public string Notes { get; internal set; } = "";
    public DateOnly? FollowUpOn { get; internal set; }
    public DateTime? FollowUpDoneAt { get; internal set; }
    public Guid? FollowUpDoneByUserId { get; internal set; }
    public Guid ByUserId { get; internal set; }
    public DateTime RecordedAt { get; internal set; }
}
