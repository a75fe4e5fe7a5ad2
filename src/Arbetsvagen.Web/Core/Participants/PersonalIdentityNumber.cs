using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Arbetsvagen.Core.Participants;

public enum IdentityNumberKind { Personnummer, Samordningsnummer }

/// <summary>
/// A validated Swedish personnummer or samordningsnummer, always stored in the 12-digit form.
/// </summary>
public sealed record PersonalIdentityNumber
{
    private const string FormatError = "Personnumret har fel format. Använd ÅÅÅÅMMDD-NNNN.";
    private const string DateError = "Datumet i personnumret finns inte.";
    private const string CheckDigitError = "Kontrollsiffran stämmer inte.";

    // Catches typos such as 1090 for 1990; nobody alive or on record was born earlier.
    private const int EarliestYear = 1800;

    private PersonalIdentityNumber(string value, IdentityNumberKind kind, DateOnly dateOfBirth, bool isDateOfBirthComplete)
    {
        Value = value;
        Kind = kind;
        DateOfBirth = dateOfBirth;
        IsDateOfBirthComplete = isDateOfBirthComplete;
    }

    /// <summary>Twelve digits without separator, e.g. "199001011234".</summary>
    public string Value { get; }

    public IdentityNumberKind Kind { get; }

    /// <summary>
    /// The birth date (for a samordningsnummer the day minus 60). When <see cref="IsDateOfBirthComplete"/>
    /// is false the month and/or day is unknown and has been set to 1.
    /// </summary>
    public DateOnly DateOfBirth { get; }

    /// <summary>
    /// False only for samordningsnummer issued with an unknown birth month ("00") or day ("60"),
    /// which Skatteverket does issue.
    /// </summary>
    public bool IsDateOfBirthComplete { get; }

    public bool IsMale => (Value[10] - '0') % 2 == 1;

    public static bool TryParse(
        string? input,
        DateOnly today,
        [NotNullWhen(true)] out PersonalIdentityNumber? result,
        [NotNullWhen(false)] out string? error)
    {
        result = null;
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            error = "Ange ett personnummer.";
            return false;
        }

        char? separator = null;
        var digits = text;
        if (text.Length is 11 or 13 && text[^5] is '-' or '+')
        {
            separator = text[^5];
            digits = text.Remove(text.Length - 5, 1);
        }

        if (digits.Length is not (10 or 12) || !digits.All(char.IsAsciiDigit))
        {
            error = FormatError;
            return false;
        }

        var tenDigits = digits[^10..];
        var month = Number(tenDigits, 2);
        var day = Number(tenDigits, 4);
        var kind = day >= 60 ? IdentityNumberKind.Samordningsnummer : IdentityNumberKind.Personnummer;
        if (kind == IdentityNumberKind.Samordningsnummer)
        {
            day -= 60;
        }

        // In the 12-digit form the century is explicit, so any separator is only decoration.
        var year = digits.Length == 12
            ? int.Parse(digits.AsSpan(0, 4), CultureInfo.InvariantCulture)
            : ResolveYear(Number(tenDigits, 0), month, day, separator, today);

        // Samordningsnummer are issued with an unknown birth month ("00") or day ("60"); personnummer never.
        var isComplete = month != 0 && day != 0;
        if (year < EarliestYear || month > 12 || (!isComplete && kind == IdentityNumberKind.Personnummer)
            || day > (month == 0 ? 31 : DateTime.DaysInMonth(year, month)))
        {
            error = DateError;
            return false;
        }

        // Skatteverket issues födelsenummer 001–999 only.
        if (tenDigits[6..9] == "000")
        {
            error = "Födelsenumret (de tre siffrorna efter datumet) kan inte vara 000.";
            return false;
        }

        if (CheckDigit(tenDigits) != tenDigits[9] - '0')
        {
            error = CheckDigitError;
            return false;
        }

        var dateOfBirth = new DateOnly(year, Math.Max(month, 1), Math.Max(day, 1));
        if (dateOfBirth > today)
        {
            error = "Födelsedatumet i personnumret ligger i framtiden.";
            return false;
        }

        result = new PersonalIdentityNumber(
            year.ToString("D4", CultureInfo.InvariantCulture) + tenDigits[2..], kind, dateOfBirth, isComplete);
        error = null;
        return true;
    }

    public static PersonalIdentityNumber Parse(string input, DateOnly today) =>
        TryParse(input, today, out var result, out var error) ? result : throw new FormatException(error);

    public string ToDisplayString() => $"{Value[..8]}-{Value[8..]}";

    public override string ToString() => ToDisplayString();

    private static int Number(string digits, int start) =>
        int.Parse(digits.AsSpan(start, 2), CultureInfo.InvariantCulture);

    // Ten-digit forms omit the century. '+' is written from the calendar year a person turns 100,
    // otherwise the most recent century in which the birth date is not in the future is meant.
    private static int ResolveYear(int twoDigitYear, int month, int day, char? separator, DateOnly today)
    {
        var latestYear = separator == '+' ? today.Year - 100 : today.Year;
        var year = latestYear - (latestYear - twoDigitYear) % 100;
        if (separator != '+' && year == today.Year && month * 100 + day > today.Month * 100 + today.Day)
        {
            year -= 100;
        }

        return year;
    }

    // Luhn over the first nine digits with weights 2,1,2,1…; products above 9 contribute their digit sum.
    private static int CheckDigit(string tenDigits)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var product = (tenDigits[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += product / 10 + product % 10;
        }

        return (10 - sum % 10) % 10;
    }
}
