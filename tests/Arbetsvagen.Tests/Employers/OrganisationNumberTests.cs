using System.Globalization;
using Arbetsvagen.Features.Employers;
using Xunit;

namespace Arbetsvagen.Tests.Employers;

/// <summary>The organisationsnummer rule, with numbers shaped like real ones whose check digit the test computes itself.</summary>
public sealed class OrganisationNumberTests
{
    /// <summary>The Luhn digit, written out independently of the code under test: doubled digits at even positions, their digit sum.</summary>
    private static string WithCheckDigit(string nine)
    {
        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var d = (nine[i] - '0') * (i % 2 == 0 ? 2 : 1);
            sum += d / 10 + d % 10;
        }

        return nine + ((10 - sum % 10) % 10).ToString(CultureInfo.InvariantCulture);
    }

    [Theory]
    [InlineData("556677889")] // aktiebolag (55…)
    [InlineData("802001234")] // ideell förening (80…)
    [InlineData("212000013")] // kommun (21…)
    [InlineData("969612345")] // handelsbolag (96…)
    public void A_legal_persons_number_with_its_check_digit_is_accepted_with_or_without_hyphen(string nine)
    {
        var ten = WithCheckDigit(nine);

        var plain = OrganisationNumber.Parse(ten, out var error);
        var dashed = OrganisationNumber.Parse($"{ten[..6]}-{ten[6..]}", out var dashedError);

        Assert.Null(error);
        Assert.Null(dashedError);
        Assert.Equal(ten, plain!.Value);
        Assert.Equal(ten, dashed!.Value);
        Assert.False(plain.IsSoleTrader);
        Assert.Equal($"{ten[..6]}-{ten[6..]}", OrganisationNumber.Format(ten));
    }

    [Fact]
    public void A_wrong_check_digit_is_refused()
    {
        var ten = WithCheckDigit("556677889");
        var wrong = ten[..9] + (((ten[9] - '0') + 1) % 10).ToString(CultureInfo.InvariantCulture);

        Assert.Null(OrganisationNumber.Parse(wrong, out var error));
        Assert.Contains("Kontrollsiffran", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("55667788")]
    [InlineData("55667788991")]
    [InlineData("556677-88x9")]
    public void Anything_but_ten_digits_is_refused_with_a_message_naming_the_organisationsnummer(string input)
    {
        Assert.Null(OrganisationNumber.Parse(input, out var error));
        Assert.Contains("rganisationsnum", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_personnummer_shaped_number_is_a_sole_trader_and_is_masked_in_lists()
    {
        // One of Skatteverket's test personnummer (19680524-9288), written as ten digits, with and without the century.
        var parsed = OrganisationNumber.Parse("680524-9288", out var error);
        var withCentury = OrganisationNumber.Parse("19680524-9288", out var centuryError);

        Assert.Null(error);
        Assert.Null(centuryError);
        Assert.True(parsed!.IsSoleTrader);
        Assert.Equal("6805249288", withCentury!.Value);
        Assert.Equal("680524-****", OrganisationNumber.Masked(parsed.Value, soleTrader: true));
        Assert.Equal("680524-9288", OrganisationNumber.Masked(parsed.Value, soleTrader: false));
    }

    [Fact]
    public void A_third_digit_below_two_that_is_no_date_is_refused()
    {
        // Month 13 cannot be a personnummer, and a legal person's third digit is at least 2.
        var ten = WithCheckDigit("551300123");

        Assert.Null(OrganisationNumber.Parse(ten, out var error));
        Assert.Contains("tredje siffra", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sni_groups_find_their_section_and_unknown_codes_are_none()
    {
        Assert.Equal("H", Sni.Group("493")!.Section.Letter);
        Assert.Equal("Annan landtransport, passagerartrafik", Sni.Group("493")!.Name);
        Assert.Equal("Q", Sni.Group("873")!.Section.Letter);
        Assert.Equal(21, Sni.Sections.Count);
        Assert.Null(Sni.Group("040")); // division 04 belongs to no section
        Assert.Null(Sni.Group("49"));
    }
}
