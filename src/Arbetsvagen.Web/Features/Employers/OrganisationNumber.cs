using System.Globalization;

namespace Arbetsvagen.Features.Employers;

/// <summary>
/// The organisationsnummer rule (Bolagsverket/Skatteverket): ten digits, the last a Luhn check digit, and the third
/// digit at least 2 for a legal person. A sole trader (enskild näringsidkare) has none of its own and uses the owner's
/// personnummer — ten digits shaped as a date of birth, whose third digit (the month's tens) is 0 or 1. Such a
/// number is personal data: <see cref="IsSoleTrader"/> tells the register to mask it in lists and to log reads.
/// </summary>
public sealed record OrganisationNumber(string Value, bool IsSoleTrader)
{
    public const string Example = "556677-8899";

    /// <summary>Reads "5566778899" or "556677-8899" (a sole trader also as ÅÅÅÅMMDD-NNNN); null with a Swedish message when it is not valid.</summary>
    public static OrganisationNumber? Parse(string? input, out string? error)
    {
        var text = input?.Trim() ?? "";
        error = null;
        if (text.Length == 0)
        {
            error = $"Ange organisationsnummer, till exempel {Example}.";
            return null;
        }

        var digits = text.Length is 11 or 13 && text[^5] == '-' ? text.Remove(text.Length - 5, 1) : text;
        // A sole trader's personnummer may come with its century (12 digits); the register keeps ten, as Bolagsverket does.
        if (digits.Length == 12 && digits.All(char.IsAsciiDigit) && digits[..2] is "19" or "20")
        {
            digits = digits[2..];
        }

        if (digits.Length != 10 || !digits.All(char.IsAsciiDigit))
        {
            error = $"Organisationsnumret ska ha tio siffror, till exempel {Example} (nu \"{text}\").";
            return null;
        }

        if (CheckDigit(digits[..9]) != digits[9] - '0')
        {
            error = "Kontrollsiffran i organisationsnumret stämmer inte. Kontrollera numret.";
            return null;
        }

        if (digits[2] >= '2')
        {
            return new OrganisationNumber(digits, IsSoleTrader: false);
        }

        // Third digit 0 or 1: only a personnummer (or samordningsnummer) of a sole trader looks like this.
        var month = int.Parse(digits[2..4], CultureInfo.InvariantCulture);
        var day = int.Parse(digits[4..6], CultureInfo.InvariantCulture);
        day = day > 60 ? day - 60 : day;
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(2000, month))
        {
            error = "Organisationsnumrets tredje siffra ska vara 2 eller högre. Ett nummer som börjar som ett personnummer gäller bara enskild firma och måste vara ett giltigt datum.";
            return null;
        }

        return new OrganisationNumber(digits, IsSoleTrader: true);
    }

    /// <summary>The Luhn check digit of the first nine digits (the same rule as the personnummer's).</summary>
    public static int CheckDigit(string nineDigits)
    {
        var sum = 0;
        for (var i = 0; i < nineDigits.Length; i++)
        {
            var product = (nineDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product > 9 ? product - 9 : product;
        }

        return (10 - sum % 10) % 10;
    }

    /// <summary>"556677-8899", as it is written.</summary>
    public static string Format(string tenDigits) => tenDigits.Length == 10 ? $"{tenDigits[..6]}-{tenDigits[6..]}" : tenDigits;

    /// <summary>In lists: a sole trader's number shows only its date part, since it is a personnummer.</summary>
    /// <summary>Whether ten digits are shaped as a personnummer (third digit 0 or 1), i.e. a sole trader's: personal data.</summary>
    public static bool IsPersonShaped(string tenDigits) => tenDigits.Length == 10 && tenDigits[2] < '2';

    public static string Masked(string tenDigits, bool soleTrader) => soleTrader && tenDigits.Length == 10 ? $"{tenDigits[..6]}-****" : Format(tenDigits);
}
