using System.ComponentModel.DataAnnotations;

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

/// <summary>
/// An employer in the collaboration's shared register (arbetsgivarregister). Shared across the collaboration that
/// owns the relationship; the owning unit is the one that keeps the contact. A sole trader registered by a
/// personnummer-shaped number (<see cref="IsSoleTrader"/>) makes that number personal data.
/// </summary>
public class Employer
{
    public const int MaxName = 200;

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
    public List<Workplace> Workplaces { get; private set; } = [];

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
    };

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
