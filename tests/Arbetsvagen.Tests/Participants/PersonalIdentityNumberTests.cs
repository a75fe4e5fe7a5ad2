using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Arbetsvagen.Core.Participants;
using Xunit;

namespace Arbetsvagen.Tests.Participants;

public sealed class PersonalIdentityNumberTests
{
    // Fixed so that century resolution and the future check do not depend on when the tests run.
    private static readonly DateOnly Today = new(2026, 11, 22);

    private const string FormatError = "Personnumret har fel format. Använd ÅÅÅÅMMDD-NNNN.";
    private const string DateError = "Datumet i personnumret finns inte.";
    private const string CheckDigitError = "Kontrollsiffran stämmer inte.";

    // ---- personnummer/meta vectors ----

    public static TheoryData<string, string, string, bool, string, bool> Vectors()
    {
        var data = new TheoryData<string, string, string, bool, string, bool>();
        foreach (var vector in ReadVectors("personnummer-test-vectors.json"))
        {
            foreach (var (format, input) in vector.Forms())
            {
                var expectedValue = vector.LongFormat;

                // short_format has no separator, so for anyone aged 100+ (separated_format uses '+')
                // "0905271474" is indistinguishable from a child born in 2009. The vector still says
                // valid (date and check digit are fine), but no parser can recover 1909 from it; we
                // read it as the most recent century, and say so here rather than skip the case.
                if (format == "short_format" && vector.SeparatedFormat.Contains('+', StringComparison.Ordinal))
                {
                    var year = int.Parse(vector.LongFormat[..4], CultureInfo.InvariantCulture) + 100;
                    expectedValue = year.ToString(CultureInfo.InvariantCulture) + vector.LongFormat[4..];
                }

                data.Add(vector.Type, format, input, vector.Valid, expectedValue, vector.IsMale);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Vector_parses_exactly_when_valid(
        string type, string format, string input, bool valid, string expectedValue, bool isMale)
    {
        var parsed = PersonalIdentityNumber.TryParse(input, Today, out var number, out var error);

        Assert.True(parsed == valid, $"{format} '{input}': expected valid={valid}, got error '{error}'");
        if (!valid)
        {
            Assert.Null(number);
            Assert.False(string.IsNullOrWhiteSpace(error));
            return;
        }

        Assert.NotNull(number);
        Assert.Null(error);
        Assert.Equal(expectedValue, number.Value);
        Assert.Equal(isMale, number.IsMale);
        var expectedKind = type switch
        {
            "ssn" => IdentityNumberKind.Personnummer,
            "con" => IdentityNumberKind.Samordningsnummer,
            _ => throw new InvalidOperationException($"Unknown vector type '{type}'."),
        };
        Assert.Equal(expectedKind, number.Kind);
    }

    public static TheoryData<string, string> InterimVectors()
    {
        var data = new TheoryData<string, string>();
        foreach (var vector in ReadVectors("personnummer-interim-test-vectors.json"))
        {
            foreach (var (format, input) in vector.Forms())
            {
                data.Add(format, input);
            }
        }

        return data;
    }

    // Interim numbers (a letter in the serial part) are not identity numbers we accept, whatever the
    // vector's own "valid" says about them as interim numbers.
    [Theory]
    [MemberData(nameof(InterimVectors))]
    public void Interim_number_is_rejected(string format, string input)
    {
        Assert.False(PersonalIdentityNumber.TryParse(input, Today, out var number, out var error), format);
        Assert.Null(number);
        Assert.Equal(FormatError, error);
    }

    // ---- Skatteverket's official test numbers ----

    [Theory]
    [InlineData("skatteverket-test-personnummer.txt", IdentityNumberKind.Personnummer, 21_728)]
    [InlineData("skatteverket-test-samordningsnummer.txt", IdentityNumberKind.Samordningsnummer, 2_240)]
    public void Every_Skatteverket_test_number_is_valid_and_round_trips(
        string file, IdentityNumberKind kind, int expectedCount)
    {
        var lines = File.ReadAllLines(DataPath(file)).Where(line => line.Length > 0).ToList();
        Assert.Equal(expectedCount, lines.Count);

        var failures = new List<string>();
        foreach (var line in lines)
        {
            if (!PersonalIdentityNumber.TryParse(line, Today, out var number, out var error))
            {
                failures.Add($"{line}: {error}");
                continue;
            }

            var separator = Today.Year - number.DateOfBirth.Year >= 100 ? '+' : '-';
            var tenDigitForm = $"{line[2..8]}{separator}{line[8..]}";
            if (number.Kind != kind
                || number.Value != line
                || number.ToDisplayString() != $"{line[..8]}-{line[8..]}"
                || number.DateOfBirth != ExpectedDateOfBirth(line, out var complete)
                || number.IsDateOfBirthComplete != complete
                || PersonalIdentityNumber.Parse(number.ToDisplayString(), Today) != number
                || PersonalIdentityNumber.Parse(tenDigitForm, Today) != number)
            {
                failures.Add(line);
            }
        }

        Assert.Empty(failures);
    }

    // ---- explicit cases (numbers taken from Skatteverket's test list) ----

    [Theory]
    [InlineData("  19261223-9232  ")]
    [InlineData("\t261223+9232\n")]
    [InlineData(" 192612239232")]
    public void Surrounding_whitespace_is_ignored(string input)
    {
        Assert.Equal("192612239232", PersonalIdentityNumber.Parse(input, Today).Value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1926-12-23")]
    [InlineData("19261223-923")]
    [InlineData("1926122392321")]
    [InlineData("261223 9232")]
    [InlineData("261223--9232")]
    [InlineData("2612-239232")]
    [InlineData("19261223_9232")]
    [InlineData("+2612239232")]
    [InlineData("2612239232-")]
    [InlineData("-612239232")]
    [InlineData("１９２６１２２３９２３２")]
    public void Garbage_is_rejected_with_format_error(string input)
    {
        Assert.False(PersonalIdentityNumber.TryParse(input, Today, out _, out var error));
        Assert.Equal(FormatError, error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_input_is_rejected(string? input)
    {
        Assert.False(PersonalIdentityNumber.TryParse(input, Today, out var number, out var error));
        Assert.Null(number);
        Assert.Equal("Ange ett personnummer.", error);
    }

    [Theory]
    [InlineData("19261223-9233")]
    [InlineData("2612239231")]
    [InlineData("191500722391")]
    public void Wrong_check_digit_is_rejected(string input)
    {
        Assert.False(PersonalIdentityNumber.TryParse(input, Today, out _, out var error));
        Assert.Equal(CheckDigitError, error);
    }

    [Theory]
    [InlineData("19900230-2385")] // 30 February
    [InlineData("19010229-2385")] // not a leap year
    [InlineData("000229+2399")] // '+' means 1900, which was not a leap year
    [InlineData("19901301-2385")] // month 13
    [InlineData("19900100-2385")] // day 0
    [InlineData("19900012-2385")] // month 00 is only allowed in samordningsnummer
    [InlineData("19900192-2385")] // samordningsnummer day 32
    [InlineData("10900101-9802")] // typo for 1990: no one on record was born that early
    public void Impossible_date_is_rejected(string input)
    {
        Assert.False(PersonalIdentityNumber.TryParse(input, Today, out _, out var error));
        Assert.Equal(DateError, error);
    }

    [Fact]
    public void Serial_number_000_is_rejected_even_with_a_matching_check_digit()
    {
        // 0009 satisfies Luhn, but födelsenummer 000 is never issued.
        Assert.False(PersonalIdentityNumber.TryParse("19261223-0009", Today, out _, out var error));
        Assert.Equal("Födelsenumret (de tre siffrorna efter datumet) kan inte vara 000.", error);
    }

    [Fact]
    public void Leap_day_in_a_leap_year_is_accepted()
    {
        Assert.Equal(new DateOnly(2000, 2, 29), PersonalIdentityNumber.Parse("000229-2399", Today).DateOfBirth);
    }

    [Fact]
    public void Birth_date_in_the_future_is_rejected()
    {
        var today = new DateOnly(2023, 6, 15);

        Assert.False(PersonalIdentityNumber.TryParse("20230616-2385", today, out _, out var error));
        Assert.Equal("Födelsedatumet i personnumret ligger i framtiden.", error);
        Assert.True(PersonalIdentityNumber.TryParse("20230615-2394", today, out _, out _));
    }

    [Theory]
    [InlineData("9001019802", "2026-11-22", "199001019802")] // the list means 1890, but a bare 10-digit form can't say so
    [InlineData("900101-9802", "2026-11-22", "199001019802")]
    [InlineData("900101+9802", "2026-11-22", "189001019802")] // '+' means 100 years or more
    [InlineData("261223-9232", "2026-11-22", "192612239232")] // 2026-12-23 has not happened yet
    [InlineData("2612239232", "2026-11-22", "192612239232")]
    [InlineData("261223+9232", "2026-11-22", "192612239232")] // '+' from the calendar year of turning 100
    [InlineData("270108+9167", "2026-11-22", "182701089167")] // 1927 is not 100 until next year
    [InlineData("270108+9167", "2027-01-01", "192701089167")] // …and then it is, before the birthday
    [InlineData("230615-2394", "2023-06-15", "202306152394")] // born today
    [InlineData("230616-2385", "2023-06-15", "192306162385")] // tomorrow, so a century earlier
    [InlineData("230615+2394", "2023-06-15", "192306152394")]
    [InlineData("18900101+9802", "2026-11-22", "189001019802")] // 12 digits: the separator is decoration
    [InlineData("19261223-9232", "2026-11-22", "192612239232")]
    public void Century_comes_from_separator_and_today(string input, string today, string expectedValue)
    {
        var number = PersonalIdentityNumber.Parse(input, DateOnly.Parse(today, CultureInfo.InvariantCulture));

        Assert.Equal(expectedValue, number.Value);
    }

    [Theory]
    [InlineData("191401682396", "1914-01-08", true)]
    [InlineData("191500722390", "1915-01-12", false)] // month unknown ("00")
    [InlineData("191711602399", "1917-11-01", false)] // day unknown ("60")
    [InlineData("193100602394", "1931-01-01", false)] // both unknown
    public void Samordningsnummer_day_is_minus_60_and_may_be_incomplete(string input, string dateOfBirth, bool complete)
    {
        var number = PersonalIdentityNumber.Parse(input, Today);

        Assert.Equal(IdentityNumberKind.Samordningsnummer, number.Kind);
        Assert.Equal(DateOnly.Parse(dateOfBirth, CultureInfo.InvariantCulture), number.DateOfBirth);
        Assert.Equal(complete, number.IsDateOfBirthComplete);
        Assert.Equal(input, number.Value);
    }

    [Theory]
    [InlineData("19261223-9232", true)] // serial 923: 3 is odd
    [InlineData("19261204-9029", false)] // serial 902: 2 is even
    public void Sex_comes_from_the_ninth_digit(string input, bool isMale)
    {
        Assert.Equal(isMale, PersonalIdentityNumber.Parse(input, Today).IsMale);
    }

    [Fact]
    public void Written_forms_of_the_same_number_are_equal_and_display_in_long_form()
    {
        var number = PersonalIdentityNumber.Parse("261223+9232", Today);

        Assert.Equal(PersonalIdentityNumber.Parse("192612239232", Today), number);
        Assert.Equal(IdentityNumberKind.Personnummer, number.Kind);
        Assert.Equal(new DateOnly(1926, 12, 23), number.DateOfBirth);
        Assert.True(number.IsDateOfBirthComplete);
        Assert.Equal("19261223-9232", number.ToDisplayString());
        Assert.Equal("19261223-9232", number.ToString());
    }

    [Fact]
    public void Parse_throws_FormatException_with_the_Swedish_message()
    {
        var exception = Assert.Throws<FormatException>(() => PersonalIdentityNumber.Parse("19261223-9233", Today));

        Assert.Equal(CheckDigitError, exception.Message);
    }

    // ---- helpers ----

    private static DateOnly ExpectedDateOfBirth(string twelveDigits, out bool complete)
    {
        var year = int.Parse(twelveDigits[..4], CultureInfo.InvariantCulture);
        var month = int.Parse(twelveDigits[4..6], CultureInfo.InvariantCulture);
        var day = int.Parse(twelveDigits[6..8], CultureInfo.InvariantCulture) % 60;
        complete = month != 0 && day != 0;
        return new DateOnly(year, Math.Max(month, 1), Math.Max(day, 1));
    }

    private static string DataPath(string file) => Path.Combine(AppContext.BaseDirectory, "TestData", "identity", file);

    private static List<Vector> ReadVectors(string file) =>
        JsonSerializer.Deserialize<List<Vector>>(File.ReadAllText(DataPath(file)))
        ?? throw new InvalidOperationException($"{file} is empty.");

    private sealed record Vector(
        [property: JsonPropertyName("long_format")] string LongFormat,
        [property: JsonPropertyName("short_format")] string ShortFormat,
        [property: JsonPropertyName("separated_format")] string SeparatedFormat,
        [property: JsonPropertyName("separated_long")] string SeparatedLong,
        [property: JsonPropertyName("valid")] bool Valid,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("isMale")] bool IsMale)
    {
        public IEnumerable<(string Format, string Input)> Forms() =>
        [
            ("long_format", LongFormat),
            ("short_format", ShortFormat),
            ("separated_format", SeparatedFormat),
            ("separated_long", SeparatedLong),
        ];
    }
}
