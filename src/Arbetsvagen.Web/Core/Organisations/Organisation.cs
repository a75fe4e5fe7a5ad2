using System.ComponentModel.DataAnnotations;

namespace Arbetsvagen.Core.Organisations;

public enum OrganisationKind
{
    [Display(Name = "Kommun")] Municipality,
    [Display(Name = "Kommunal enhet")] MunicipalityUnit,
    [Display(Name = "Arbetsförmedlingen")] EmploymentService,
    [Display(Name = "Utbildningsanordnare")] EducationProvider,
    [Display(Name = "Samordningsförbund")] CoordinationAssociation,
    [Display(Name = "Annan")] Other,
}

/// <summary>What a municipality unit does; decides default secrecy and which roles belong there.</summary>
public enum UnitFunction
{
    [Display(Name = "Socialtjänst")] SocialServices,
    [Display(Name = "Jobbcentrum")] JobCentre,
    [Display(Name = "Vuxenutbildning")] AdultEducation,
    [Display(Name = "Kommunala aktivitetsansvaret (KAA)")] YouthActivityResponsibility,
    [Display(Name = "Annan verksamhet")] Other,
}

/// <summary>
/// An organisation or one of its units. Participant data belongs to the organisation that holds the case and
/// is shared within its secrecy boundary: the unit itself when it has its own boundary, otherwise its parent's.
/// </summary>
public class Organisation
{
    private Organisation() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public OrganisationKind Kind { get; private set; }
    public string? MunicipalityCode { get; private set; }
    public Guid? ParentId { get; private set; }
    public UnitFunction? Function { get; private set; }
    public bool OwnSecrecyBoundary { get; private set; }
    public Guid SecrecyBoundaryId { get; private set; }
    public DateTime CreatedAt { get; private set; }

    public static Organisation CreateTopLevel(string name, OrganisationKind kind, string? municipalityCode, DateTime now)
    {
        if (kind == OrganisationKind.MunicipalityUnit)
        {
            throw new ArgumentException("A unit needs a parent.", nameof(kind));
        }

        var id = Guid.NewGuid();
        return new Organisation
        {
            Id = id,
            Name = name.Trim(),
            Kind = kind,
            MunicipalityCode = municipalityCode,
            OwnSecrecyBoundary = true,
            SecrecyBoundaryId = id,
            CreatedAt = now,
        };
    }

    public static Organisation CreateUnit(Organisation parent, string name, UnitFunction function, bool ownSecrecyBoundary, DateTime now)
    {
        var id = Guid.NewGuid();
        return new Organisation
        {
            Id = id,
            Name = name.Trim(),
            Kind = OrganisationKind.MunicipalityUnit,
            MunicipalityCode = parent.MunicipalityCode,
            ParentId = parent.Id,
            Function = function,
            OwnSecrecyBoundary = ownSecrecyBoundary,
            SecrecyBoundaryId = ownSecrecyBoundary ? id : parent.SecrecyBoundaryId,
            CreatedAt = now,
        };
    }

    public void Rename(string name) => Name = name.Trim();
}

public class Collaboration
{
    private Collaboration() { }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public List<CollaborationMember> Members { get; private set; } = [];

    public static Collaboration Create(string name, IEnumerable<Organisation> members) => new()
    {
        Id = Guid.NewGuid(),
        Name = name,
        Members = members.Select(o => new CollaborationMember { OrganisationId = o.Id }).ToList(),
    };
}

public class CollaborationMember
{
    public Guid CollaborationId { get; set; }
    public Guid OrganisationId { get; set; }
}
