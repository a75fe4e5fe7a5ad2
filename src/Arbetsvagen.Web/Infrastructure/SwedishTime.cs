namespace Arbetsvagen.Infrastructure;

/// <summary>
/// Dates the users mean are Swedish calendar dates: a consent "valid until 30 June" ends at midnight in
/// Stockholm, not at midnight UTC.
/// </summary>
public static class SwedishTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm");

    public static DateOnly Today(DateTime utcNow) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), Zone));

    public static DateOnly Today(TimeProvider clock) => Today(clock.GetUtcNow().UtcDateTime);

    /// <summary>The UTC instant at which <paramref name="day"/> starts in Sweden.</summary>
    public static DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), Zone);
}
