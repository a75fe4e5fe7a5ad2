using Arbetsvagen.Core.Consents;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;
using Xunit;

namespace Arbetsvagen.Tests.Consents;

public class ConsentRulesTests
{
    private static Consent Give(DateOnly validUntil, DateTime givenAt) =>
        Consent.Give(Guid.NewGuid(), Guid.NewGuid(), [Guid.NewGuid()], DataCategories.Identity, "Samverkan", givenAt,
            ConsentForm.Written, Guid.NewGuid(), validUntil, givenAt);

    [Fact]
    public void A_consent_ends_at_midnight_in_Sweden_not_at_midnight_UTC()
    {
        var consent = Give(new DateOnly(2026, 6, 30), new DateTime(2026, 1, 1, 9, 0, 0, DateTimeKind.Utc));

        Assert.True(consent.IsActive(new DateTime(2026, 6, 30, 21, 59, 0, DateTimeKind.Utc)));  // 23:59 in Stockholm (CEST)
        Assert.False(consent.IsActive(new DateTime(2026, 6, 30, 22, 0, 0, DateTimeKind.Utc)));  // 00:00 on 1 July in Stockholm
    }

    [Fact]
    public void A_consent_is_not_active_before_it_was_given_nor_after_withdrawal()
    {
        var givenAt = new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc);
        var consent = Give(new DateOnly(2026, 12, 31), givenAt);

        Assert.False(consent.IsActive(givenAt.AddMinutes(-1)));
        Assert.True(consent.IsActive(givenAt.AddDays(1)));
        consent.Withdraw(Guid.NewGuid(), givenAt.AddDays(2));
        Assert.False(consent.IsActive(givenAt.AddDays(3)));
        Assert.Throws<ConflictException>(() => consent.Withdraw(Guid.NewGuid(), givenAt.AddDays(4)));
    }

    [Theory]
    [InlineData("2026-01-15T23:30:00Z", "2026-01-16")] // winter, UTC+1
    [InlineData("2026-07-15T22:30:00Z", "2026-07-16")] // summer, UTC+2
    [InlineData("2026-07-15T21:30:00Z", "2026-07-15")]
    public void Today_is_the_Swedish_calendar_date(string utc, string expected)
    {
        var now = DateTime.Parse(utc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal);
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), SwedishTime.Today(now));
    }
}
