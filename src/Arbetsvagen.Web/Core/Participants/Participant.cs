namespace Arbetsvagen.Core.Participants;

/// <summary>
/// A person supported by one organisation (unit). Identity is a validated personnummer or samordningsnummer,
/// or a temporary reference for people without a Swedish number.
/// </summary>
public class Participant
{
    private Participant() { }

    public Guid Id { get; private set; }
    public Guid OwnerOrganisationId { get; private set; }
    public Guid OwnerBoundaryId { get; private set; }
    public IdentityKind IdentityKind { get; private set; }
    /// <summary>12 digits, or the temporary reference.</summary>
    public string IdentityNumber { get; private set; } = "";
    public string FirstName { get; private set; } = "";
    public string LastName { get; private set; } = "";
    /// <summary>Lower-case "first last" for search; never shown.</summary>
    public string SearchName { get; private set; } = "";
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? StreetAddress { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string HomeMunicipalityCode { get; set; } = "";
    public Gender Gender { get; set; }
    public DateOnly? DateOfBirth { get; private set; }
    public EducationLevel EducationLevel { get; set; }
    public SwedishLevel SwedishLevel { get; set; }
    public bool InterpreterNeeded { get; set; }
    public string? InterpreterLanguage { get; set; }
    /// <summary>Comma-separated JobTech driving-licence labels, e.g. "B,CE".</summary>
    public string DrivingLicences { get; set; } = "";
    public AfStatus AfStatus { get; set; }
    public bool EducationDuty { get; set; }
    public IncomeSource IncomeSource { get; set; }
    public TargetGroups TargetGroups { get; set; }
    public List<ParticipantOccupation> Occupations { get; private set; } = [];
    public ParticipantSensitiveData? Sensitive { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime UpdatedAt { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    public Guid UpdatedByUserId { get; private set; }

    /// <summary>Kortutbildad: no completed upper-secondary education.</summary>
    public bool IsShortEducated => EducationLevel is EducationLevel.None or EducationLevel.PrimaryShort
        or EducationLevel.Primary or EducationLevel.UpperSecondaryIncomplete;

    public static Participant Create(Guid ownerOrganisationId, Guid ownerBoundaryId, IdentityKind kind, string identityNumber,
        DateOnly? dateOfBirth, string firstName, string lastName, Guid by, DateTime now)
    {
        var p = new Participant
        {
            Id = Guid.NewGuid(),
            OwnerOrganisationId = ownerOrganisationId,
            OwnerBoundaryId = ownerBoundaryId,
            IdentityKind = kind,
            IdentityNumber = identityNumber,
            DateOfBirth = dateOfBirth,
            CreatedAt = now,
            CreatedByUserId = by,
        };
        p.Rename(firstName, lastName);
        p.Touch(by, now);
        return p;
    }

    public static string NormaliseForSearch(string text) => string.Join(' ',
        text.Trim().ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    public void Rename(string firstName, string lastName)
    {
        FirstName = firstName.Trim();
        LastName = lastName.Trim();
        SearchName = NormaliseForSearch($"{FirstName} {LastName}");
    }

    public void Touch(Guid by, DateTime now)
    {
        UpdatedAt = now;
        UpdatedByUserId = by;
    }

    public void SetOccupations(IEnumerable<(OccupationRelation Relation, string ConceptId)> occupations) =>
        Occupations = occupations.Distinct()
            .Select(o => new ParticipantOccupation { ParticipantId = Id, Relation = o.Relation, ConceptId = o.ConceptId })
            .ToList();

    public ParticipantSensitiveData SensitiveData()
    {
        Sensitive ??= new ParticipantSensitiveData { ParticipantId = Id };
        return Sensitive;
    }

    public int? AgeOn(DateOnly day)
    {
        if (DateOfBirth is not { } born)
        {
            return null;
        }

        var age = day.Year - born.Year;
        return born.AddYears(age) > day ? age - 1 : age;
    }
}

public class ParticipantOccupation
{
    public Guid ParticipantId { get; set; }
    public OccupationRelation Relation { get; set; }
    /// <summary>JobTech concept id of an occupation name (yrkesbenämning).</summary>
    public string ConceptId { get; set; } = "";
}

/// <summary>
/// Health, disability and work ability: kept in their own table so that a query for a role without need
/// never loads them.
/// </summary>
public class ParticipantSensitiveData
{
    public Guid ParticipantId { get; set; }
    public bool HasRegisteredDisability { get; set; }
    public string? DisabilityDescription { get; set; }
    public string? HealthLimitations { get; set; }
    public string? WorkAbility { get; set; }

    public bool IsEmpty => !HasRegisteredDisability && string.IsNullOrWhiteSpace(DisabilityDescription)
        && string.IsNullOrWhiteSpace(HealthLimitations) && string.IsNullOrWhiteSpace(WorkAbility);
}
