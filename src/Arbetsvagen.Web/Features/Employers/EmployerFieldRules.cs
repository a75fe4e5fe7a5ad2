using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Employers;

public sealed record WorkplaceValues(string Name, string StreetAddress, string PostalCode, string City, string MunicipalityCode, string? TransportNote);
public sealed record ContactValues(string Name, string? Role, string? Phone, string? Email);

/// <summary>
/// How the register reads its fields, shared by the staff's use cases and the public form: each collects a Swedish
/// message per bad field (naming it) instead of stopping at the first.
/// </summary>
public static class EmployerFieldRules
{
    /// <summary>A workplace's fields; with a <paramref name="prefix"/> ("workplace") the keys read "workplaceName", and so on.</summary>
    public static WorkplaceValues WorkplaceFields(WorkplaceInput input, Dictionary<string, string[]> errors, string prefix)
    {
        string Key(string field) => prefix.Length == 0 ? field : prefix + char.ToUpperInvariant(field[0]) + field[1..];

        var name = Input.Text(errors, Key("name"), input.Name, "arbetsställets namn", Employer.MaxName);
        var street = Input.Text(errors, Key("streetAddress"), input.StreetAddress, "gatuadress", 200);
        var postal = ParticipantInput.PostalCodeText(input.PostalCode);
        if (postal is null)
        {
            errors[Key("postalCode")] = [$"Postnumret ska vara fem siffror som inte börjar med 0, till exempel 183 70 (nu \"{input.PostalCode?.Trim()}\")."];
        }

        var city = Input.Text(errors, Key("city"), input.City, "postort", 100);
        var municipality = Municipality(input.MunicipalityCode, errors, required: true, Key("municipalityCode"));
        var transport = Input.Text(errors, Key("transportNote"), input.TransportNote, "beskrivningen av kollektivtrafiken", 1000, required: false);
        return new WorkplaceValues(name ?? "", street ?? "", postal ?? "", city ?? "", municipality ?? "", transport);
    }

    public static ContactValues ContactFields(ContactInput input, Dictionary<string, string[]> errors, string nameField = "name")
    {
        var name = Input.Text(errors, nameField, input.Name, "kontaktpersonens namn", ContactPerson.MaxName);
        var role = Input.Text(errors, "role", input.Role, "kontaktpersonens roll", ContactPerson.MaxRole, required: false);
        var phone = Input.Text(errors, "phone", input.Phone, "telefonnumret", ContactPerson.MaxPhone, required: false);
        if (phone is not null && (!phone.All(c => char.IsAsciiDigit(c) || c is ' ' or '-' or '+' or '(' or ')') || phone.Count(char.IsAsciiDigit) < 6))
        {
            errors["phone"] = ["Telefonnumret får bara innehålla siffror, mellanslag, bindestreck och +, till exempel 08-123 456 78."];
        }

        var email = Input.Text(errors, "email", input.Email, "e-postadressen", ContactPerson.MaxEmail, required: false);
        if (email is not null && (email.Count(c => c == '@') != 1 || email.StartsWith('@') || !email[(email.IndexOf('@') + 1)..].Contains('.')
                || email.Any(char.IsWhiteSpace)))
        {
            errors["email"] = ["E-postadressen ska skrivas som namn@exempel.se."];
        }

        return new ContactValues(name ?? "", role, phone, email);
    }

    public static string? Municipality(string? code, Dictionary<string, string[]> errors, bool required, string field = "municipalityCode")
    {
        var text = code?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            if (required)
            {
                errors[field] = ["Välj kommun."];
            }

            return null;
        }

        if (!ReferenceData.Instance.Municipalities.ContainsKey(text))
        {
            errors[field] = [$"Kommunkoden finns inte: välj en kommun ur listan (nu \"{text}\")."];
            return null;
        }

        return text;
    }

    public static Occupation? OccupationOf(NeedInput input, Dictionary<string, string[]> errors)
    {
        var id = input.OccupationConceptId?.Trim();
        if (!string.IsNullOrEmpty(id))
        {
            if (ReferenceData.Instance.Occupations.TryGetValue(id, out var byId))
            {
                return byId;
            }

            errors["occupationConceptId"] = [$"Yrket finns inte i JobTechs yrkestaxonomi (begrepps-id \"{id}\")."];
            return null;
        }

        if (string.IsNullOrWhiteSpace(input.OccupationName))
        {
            errors["occupationConceptId"] = ["Ange yrke."];
            return null;
        }

        if (ReferenceData.Instance.OccupationSearch.Resolve(input.OccupationName) is OccupationResolution.One one)
        {
            return one.Occupation;
        }

        errors["occupationConceptId"] = [$"Yrket \"{input.OccupationName.Trim()}\" är inte ett yrke i taxonomin. Välj ett av förslagen eller skriv mer av namnet."];
        return null;
    }

    public static int People(int? people, Dictionary<string, string[]> errors)
    {
        if (people is not { } p || p < 1 || p > CompetenceNeed.MaxPeople)
        {
            errors["numberOfPeople"] = [$"Antal personer ska vara ett heltal från 1 till {CompetenceNeed.MaxPeople}."];
            return 0;
        }

        return p;
    }
}
