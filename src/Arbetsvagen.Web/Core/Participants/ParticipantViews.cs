using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Core.Participants;

/// <summary>
/// A participant as the API returns it. Fields outside what the user's consent or role covers are null and
/// left out of the JSON altogether.
/// </summary>
public sealed class ParticipantDto : ParticipantFields
{
    public Guid Id { get; init; }
    public string IdentityKind { get; init; } = "";
    public string PersonalIdentityNumber { get; init; } = "";
    public string FirstName { get; init; } = "";
    public string LastName { get; init; } = "";
    public string HomeMunicipalityCode { get; init; } = "";
    public string HomeMunicipalityName { get; init; } = "";
    public string Gender { get; init; } = "";
    public DateOnly? DateOfBirth { get; init; }
    public Guid OwnerOrganisationId { get; init; }
    public bool SharedByConsent { get; init; }
    public List<string> VisibleCategories { get; init; } = [];
    public bool? ShortEducated { get; init; }
    public bool? InterpreterNeeded { get; init; }
    public bool? EducationDuty { get; init; }
    public DateTime UpdatedAt { get; init; }

    public static ParticipantDto From(ParticipantGrant grant, bool maySeeSensitive)
    {
        var p = grant.Participant;
        var background = grant.Covers(DataCategories.Background);
        var sensitive = maySeeSensitive && grant.Covers(DataCategories.Health);
        var dto = new ParticipantDto
        {
            Id = p.Id,
            IdentityKind = EnumText.ApiName(p.IdentityKind),
            PersonalIdentityNumber = p.IdentityNumber,
            FirstName = p.FirstName,
            LastName = p.LastName,
            HomeMunicipalityCode = p.HomeMunicipalityCode,
            HomeMunicipalityName = ReferenceData.Instance.MunicipalityName(p.HomeMunicipalityCode),
            Gender = EnumText.ApiName(p.Gender),
            DateOfBirth = p.DateOfBirth,
            OwnerOrganisationId = p.OwnerOrganisationId,
            SharedByConsent = !grant.OwnCase,
            VisibleCategories = EnumText.FlagNames(grant.Categories),
            ShortEducated = background ? p.IsShortEducated : null,
            InterpreterNeeded = background ? p.InterpreterNeeded : null,
            EducationDuty = background ? p.EducationDuty : null,
            UpdatedAt = p.UpdatedAt,
        };
        dto.Fill(p, background, sensitive);
        return dto;
    }
}

public sealed record ParticipantListItem(Guid Id, string PersonalIdentityNumber, string FirstName, string LastName,
    string Gender, string HomeMunicipalityCode, Guid OwnerOrganisationId, bool SharedByConsent, DateTime UpdatedAt);

public sealed record Paged<T>(List<T> Items, int Page, int PageSize, int TotalCount);
