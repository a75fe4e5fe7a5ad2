using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Core.Participants;

/// <summary>
/// A participant as the API and the forms send it. Enum values arrive as text so that a wrong value gets a
/// Swedish message naming the field instead of a deserialisation error.
/// </summary>
public sealed class ParticipantInput : ParticipantFields
{
    public string? PersonalIdentityNumber { get; set; }
    /// <summary>The person has no Swedish number: a temporary reference is created.</summary>
    public bool WithoutIdentityNumber { get; set; }
    public string? DateOfBirth { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public string? HomeMunicipalityCode { get; set; }
    public string? Gender { get; set; }
    public bool InterpreterNeeded { get; set; }
    public bool EducationDuty { get; set; }

    /// <summary>The parsed, valid values; only set when <see cref="Validate"/> found no errors.</summary>
    public sealed record Parsed(PersonalIdentityNumber? Number, DateOnly? DateOfBirth, Gender Gender, EducationLevel EducationLevel,
        SwedishLevel SwedishLevel, AfStatus AfStatus, IncomeSource IncomeSource, TargetGroups TargetGroups, string DrivingLicences);

    public Dictionary<string, string[]> Validate(DateOnly today, bool isNew, out Parsed? parsed)
    {
        var errors = new Dictionary<string, string[]>();
        void Error(string field, string message) => errors[field] = [message];
        var reference = ReferenceData.Instance;

        PersonalIdentityNumber? number = null;
        DateOnly? dateOfBirth = null;
        if (isNew && !WithoutIdentityNumber)
        {
            if (string.IsNullOrWhiteSpace(PersonalIdentityNumber))
            {
                Error("personalIdentityNumber", "Ange personnummer eller samordningsnummer, eller markera att personen saknar svenskt nummer.");
            }
            else if (!Participants.PersonalIdentityNumber.TryParse(PersonalIdentityNumber, today, out number, out var error))
            {
                Error("personalIdentityNumber", error);
            }
            else
            {
                dateOfBirth = number.IsDateOfBirthComplete ? number.DateOfBirth : null;
            }
        }

        if (isNew && WithoutIdentityNumber && Input.Date(errors, "dateOfBirth", DateOfBirth, "födelsedatum", required: false) is { } born)
        {
            if (born > today || born < today.AddYears(-120))
            {
                Error("dateOfBirth", "Födelsedatum får inte ligga i framtiden eller mer än 120 år bakåt.");
            }
            else
            {
                dateOfBirth = born;
            }
        }

        Required("firstName", FirstName, "Förnamn", 100);
        Required("lastName", LastName, "Efternamn", 100);
        Optional("email", Email, "E-post", 200);
        if (!string.IsNullOrWhiteSpace(Email) && !System.Net.Mail.MailAddress.TryCreate(Email.Trim(), out _))
        {
            Error("email", "E-postadressen är inte giltig.");
        }

        Optional("phone", Phone, "Telefon", 40);
        if (!string.IsNullOrWhiteSpace(Phone) && !Phone.All(c => char.IsDigit(c) || c is ' ' or '-' or '+' or '(' or ')'))
        {
            Error("phone", "Telefonnumret får bara innehålla siffror, mellanslag, bindestreck och +.");
        }

        Optional("streetAddress", StreetAddress, "Adress", 200);
        Optional("city", City, "Ort", 100);
        if (!string.IsNullOrWhiteSpace(PostalCode) && PostalCodeText(PostalCode) is null)
        {
            Error("postalCode", $"Postnumret ska vara fem siffror som inte börjar med 0, till exempel 183 70 (nu \"{PostalCode.Trim()}\").");
        }

        if (string.IsNullOrWhiteSpace(HomeMunicipalityCode))
        {
            Error("homeMunicipalityCode", "Ange hemkommun.");
        }
        else if (!reference.Municipalities.ContainsKey(HomeMunicipalityCode.Trim()))
        {
            Error("homeMunicipalityCode", "Hemkommunen finns inte i listan över Sveriges kommuner (fyrsiffrig kommunkod).");
        }

        var gender = Enum<Gender>("gender", Gender, "Kön", Participants.Gender.Unknown);
        var education = Enum<EducationLevel>("educationLevel", EducationLevel, "Utbildningsnivå", Participants.EducationLevel.Unknown);
        var swedish = Enum<SwedishLevel>("swedishLevel", SwedishLevel, "Svenskanivå", Participants.SwedishLevel.Unknown);
        var afStatus = Enum<AfStatus>("afStatus", AfStatus, "Status hos Arbetsförmedlingen", Participants.AfStatus.NotRegistered);
        var income = Enum<IncomeSource>("incomeSource", IncomeSource, "Försörjning", Participants.IncomeSource.None);
        Optional("interpreterLanguage", InterpreterLanguage, "Tolkspråk", 100);

        var groups = Participants.TargetGroups.None;
        foreach (var text in TargetGroups ?? [])
        {
            if (EnumText.TryParse<TargetGroups>(text, out var group))
            {
                groups |= group;
            }
            else
            {
                Error("targetGroups", $"Okänd målgrupp: {text}.");
            }
        }

        var licences = (DrivingLicences ?? []).Select(l => l.Trim()).Where(l => l.Length > 0).Distinct().ToList();
        var unknownLicence = licences.FirstOrDefault(l => !reference.DrivingLicences.Contains(l));
        if (unknownLicence is not null)
        {
            Error("drivingLicences", $"Okänd körkortsbehörighet: {unknownLicence}.");
        }

        foreach (var (field, list) in new[] { ("occupationsOfExperience", OccupationsOfExperience), ("occupationsOfInterest", OccupationsOfInterest) })
        {
            var unknown = (list ?? []).FirstOrDefault(id => !reference.Occupations.ContainsKey(id));
            if (unknown is not null)
            {
                Error(field, $"Okänd yrkesbenämning: {unknown}. Använd JobTechs begrepps-id.");
            }
        }

        Optional("disabilityDescription", DisabilityDescription, "Beskrivning av funktionsnedsättning", 2000);
        Optional("healthLimitations", HealthLimitations, "Hälsa och begränsningar", 4000);
        Optional("workAbility", WorkAbility, "Arbetsförmåga", 4000);

        parsed = errors.Count == 0
            ? new Parsed(number, dateOfBirth, gender, education, swedish, afStatus, income, groups,
                string.Join(',', reference.DrivingLicences.Where(licences.Contains)))
            : null;
        return errors;

        void Required(string field, string? value, string label, int max)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Error(field, $"{label} måste anges.");
            }
            else
            {
                Optional(field, value, label, max);
            }
        }

        void Optional(string field, string? value, string label, int max)
        {
            if (value is not null && value.Trim().Length > max)
            {
                Error(field, $"{label} får vara högst {max} tecken.");
            }
        }

        T Enum<T>(string field, string? value, string label, T fallback) where T : struct, Enum
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return fallback;
            }

            // The message names the allowed values by their Swedish labels, as the form shows them.
            return Input.Enum<T>(errors, field, value, $"{label} har ett okänt värde");
        }
    }

    /// <summary>Copies the editable fields onto the participant; sensitive ones only when the caller may write them.</summary>
    public void ApplyTo(Participant p, Parsed parsed, bool maySetSensitive)
    {
        p.Rename(FirstName!, LastName!);
        p.Email = Clean(Email);
        p.Phone = Clean(Phone);
        p.StreetAddress = Clean(StreetAddress);
        p.PostalCode = PostalCodeText(PostalCode);
        p.City = Clean(City);
        p.HomeMunicipalityCode = HomeMunicipalityCode!.Trim();
        p.Gender = parsed.Gender;
        p.EducationLevel = parsed.EducationLevel;
        p.SwedishLevel = parsed.SwedishLevel;
        p.InterpreterNeeded = InterpreterNeeded;
        p.InterpreterLanguage = InterpreterNeeded ? Clean(InterpreterLanguage) : null;
        p.DrivingLicences = parsed.DrivingLicences;
        p.AfStatus = parsed.AfStatus;
        p.EducationDuty = EducationDuty;
        p.IncomeSource = parsed.IncomeSource;
        p.TargetGroups = parsed.TargetGroups;
        p.SetOccupations((OccupationsOfExperience ?? []).Select(id => (OccupationRelation.Experience, id))
            .Concat((OccupationsOfInterest ?? []).Select(id => (OccupationRelation.Interest, id))));
        if (maySetSensitive)
        {
            var s = p.SensitiveData();
            s.HasRegisteredDisability = HasRegisteredDisability ?? false;
            s.DisabilityDescription = Clean(DisabilityDescription);
            s.HealthLimitations = Clean(HealthLimitations);
            s.WorkAbility = Clean(WorkAbility);
        }
    }

    public static ParticipantInput From(Participant p, bool withSensitive)
    {
        var input = new ParticipantInput
        {
            PersonalIdentityNumber = p.IdentityNumber,
            FirstName = p.FirstName,
            LastName = p.LastName,
            HomeMunicipalityCode = p.HomeMunicipalityCode,
            Gender = EnumText.ApiName(p.Gender),
            InterpreterNeeded = p.InterpreterNeeded,
            EducationDuty = p.EducationDuty,
        };
        input.Fill(p, background: true, sensitive: withSensitive);
        return input;
    }

    /// <summary>
    /// A Swedish postcode as the post writes it, "183 70", from "18370" or "183 70"; null when blank or not a postcode
    /// (five digits, the first not 0).
    /// </summary>
    public static string? PostalCodeText(string? text)
    {
        var digits = string.Concat((text ?? "").Where(c => !char.IsWhiteSpace(c)));
        return digits.Length == 5 && digits.All(char.IsAsciiDigit) && digits[0] != '0' ? $"{digits[..3]} {digits[3..]}" : null;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
