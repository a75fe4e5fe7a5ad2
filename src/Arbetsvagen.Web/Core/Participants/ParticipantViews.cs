using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Core.Participants;

/// <summary>
/// A participant as the API returns it. Fields outside what the user's consent or role covers are null and
/// left out of the JSON altogether.
/// </summary>
public sealed record ParticipantDto
{
    public Guid Id { get; init; }
    public string IdentityKind { get; init; } = "";
    public string PersonalIdentityNumber { get; init; } = "";
    public string FirstName { get; init; } = "";
    public string LastName { get; init; } = "";
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public string? StreetAddress { get; init; }
    public string? PostalCode { get; init; }
    public string? City { get; init; }
    public string HomeMunicipalityCode { get; init; } = "";
    public string HomeMunicipalityName { get; init; } = "";
    public string Gender { get; init; } = "";
    public DateOnly? DateOfBirth { get; init; }
    public Guid OwnerOrganisationId { get; init; }
    public bool SharedByConsent { get; init; }
    public List<string> VisibleCategories { get; init; } = [];
    public string? EducationLevel { get; init; }
    public bool? ShortEducated { get; init; }
    public string? SwedishLevel { get; init; }
    public bool? InterpreterNeeded { get; init; }
    public string? InterpreterLanguage { get; init; }
    public List<string>? DrivingLicences { get; init; }
    public string? AfStatus { get; init; }
    public bool? EducationDuty { get; init; }
    public string? IncomeSource { get; init; }
    public List<string>? TargetGroups { get; init; }
    public List<string>? OccupationsOfExperience { get; init; }
    public List<string>? OccupationsOfInterest { get; init; }
    public bool? HasRegisteredDisability { get; init; }
    public string? DisabilityDescription { get; init; }
    public string? HealthLimitations { get; init; }
    public string? WorkAbility { get; init; }
    public DateTime UpdatedAt { get; init; }

    public static ParticipantDto From(ParticipantGrant grant, bool maySeeSensitive)
    {
        var p = grant.Participant;
        var background = grant.Covers(DataCategories.Background);
        var sensitive = maySeeSensitive && grant.Covers(DataCategories.Health);
        return new ParticipantDto
        {
            Id = p.Id,
            IdentityKind = EnumText.ApiName(p.IdentityKind),
            PersonalIdentityNumber = p.IdentityNumber,
            FirstName = p.FirstName,
            LastName = p.LastName,
            Email = p.Email,
            Phone = p.Phone,
            StreetAddress = p.StreetAddress,
            PostalCode = p.PostalCode,
            City = p.City,
            HomeMunicipalityCode = p.HomeMunicipalityCode,
            HomeMunicipalityName = ReferenceData.Instance.MunicipalityName(p.HomeMunicipalityCode),
            Gender = EnumText.ApiName(p.Gender),
            DateOfBirth = p.DateOfBirth,
            OwnerOrganisationId = p.OwnerOrganisationId,
            SharedByConsent = !grant.OwnCase,
            VisibleCategories = EnumText.FlagNames(grant.Categories),
            EducationLevel = background ? EnumText.ApiName(p.EducationLevel) : null,
            ShortEducated = background ? p.IsShortEducated : null,
            SwedishLevel = background ? EnumText.ApiName(p.SwedishLevel) : null,
            InterpreterNeeded = background ? p.InterpreterNeeded : null,
            InterpreterLanguage = background ? p.InterpreterLanguage : null,
            DrivingLicences = background ? ReferenceData.InLicenceOrder(p.DrivingLicences.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList() : null,
            AfStatus = background ? EnumText.ApiName(p.AfStatus) : null,
            EducationDuty = background ? p.EducationDuty : null,
            IncomeSource = background ? EnumText.ApiName(p.IncomeSource) : null,
            TargetGroups = background ? EnumText.FlagNames(p.TargetGroups) : null,
            OccupationsOfExperience = background ? p.Occupations.Where(o => o.Relation == OccupationRelation.Experience).Select(o => o.ConceptId).ToList() : null,
            OccupationsOfInterest = background ? p.Occupations.Where(o => o.Relation == OccupationRelation.Interest).Select(o => o.ConceptId).ToList() : null,
            HasRegisteredDisability = sensitive ? p.Sensitive?.HasRegisteredDisability ?? false : null,
            DisabilityDescription = sensitive ? p.Sensitive?.DisabilityDescription : null,
            HealthLimitations = sensitive ? p.Sensitive?.HealthLimitations : null,
            WorkAbility = sensitive ? p.Sensitive?.WorkAbility : null,
            UpdatedAt = p.UpdatedAt,
        };
    }
}

public sealed record ParticipantListItem(Guid Id, string PersonalIdentityNumber, string FirstName, string LastName,
    string Gender, string HomeMunicipalityCode, Guid OwnerOrganisationId, bool SharedByConsent, DateTime UpdatedAt);

public sealed record Paged<T>(List<T> Items, int Page, int PageSize, int TotalCount);
