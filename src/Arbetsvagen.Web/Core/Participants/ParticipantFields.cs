using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Core.Participants;

/// <summary>
/// The fields of a participant's record that the form and the API send (<see cref="ParticipantInput"/>) and the API
/// answers (<see cref="ParticipantDto"/>) alike, under the same names and with enum values as their API names, so
/// that the list is written once. What differs (identity, and the two yes/no answers a form always sends) stays
/// with each.
/// </summary>
public abstract class ParticipantFields
{
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? StreetAddress { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? EducationLevel { get; set; }
    public string? SwedishLevel { get; set; }
    public string? InterpreterLanguage { get; set; }
    public List<string>? DrivingLicences { get; set; }
    public string? AfStatus { get; set; }
    public string? IncomeSource { get; set; }
    public List<string>? TargetGroups { get; set; }
    public List<string>? OccupationsOfExperience { get; set; }
    public List<string>? OccupationsOfInterest { get; set; }
    public bool? HasRegisteredDisability { get; set; }
    public string? DisabilityDescription { get; set; }
    public string? HealthLimitations { get; set; }
    public string? WorkAbility { get; set; }

    /// <summary>Copies the record's values: contact details always, background and health only where allowed (else left null).</summary>
    protected void Fill(Participant p, bool background, bool sensitive)
    {
        Email = p.Email;
        Phone = p.Phone;
        StreetAddress = p.StreetAddress;
        PostalCode = p.PostalCode;
        City = p.City;
        if (background)
        {
            EducationLevel = EnumText.ApiName(p.EducationLevel);
            SwedishLevel = EnumText.ApiName(p.SwedishLevel);
            InterpreterLanguage = p.InterpreterLanguage;
            DrivingLicences = ReferenceData.InLicenceOrder(p.DrivingLicences.Split(',', StringSplitOptions.RemoveEmptyEntries)).ToList();
            AfStatus = EnumText.ApiName(p.AfStatus);
            IncomeSource = EnumText.ApiName(p.IncomeSource);
            TargetGroups = EnumText.FlagNames(p.TargetGroups);
            OccupationsOfExperience = p.Occupations.Where(o => o.Relation == OccupationRelation.Experience).Select(o => o.ConceptId).ToList();
            OccupationsOfInterest = p.Occupations.Where(o => o.Relation == OccupationRelation.Interest).Select(o => o.ConceptId).ToList();
        }

        if (sensitive)
        {
            HasRegisteredDisability = p.Sensitive?.HasRegisteredDisability ?? false;
            DisabilityDescription = p.Sensitive?.DisabilityDescription;
            HealthLimitations = p.Sensitive?.HealthLimitations;
            WorkAbility = p.Sensitive?.WorkAbility;
        }
    }
}
