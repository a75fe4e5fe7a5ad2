using System.Globalization;

namespace Arbetsvagen.Tests.Infrastructure;

/// <summary>
/// Identity numbers and names for test participants. Numbers come only from Skatteverket's official test
/// personnummer and samordningsnummer (TestData/identity), people aged 20–60; a process-wide counter that starts at a random
/// point hands out each number once, so tests sharing a database never collide with each other. The demo
/// seeding uses the oldest working-age numbers (about 65 years old), which are outside this range.
/// Compiled into the browser tests too (linked).
/// </summary>
public static class TestPeople
{
    private static readonly Lazy<string[]> WorkingAge = new(() => Load("skatteverket-test-personnummer.txt", dayOffset: 0));
    private static readonly Lazy<string[]> WorkingAgeCoordination = new(() => Load("skatteverket-test-samordningsnummer.txt", dayOffset: 60));
    private static int next = Random.Shared.Next(0, 4000);
    private static int nextCoordination = Random.Shared.Next(0, 400);

    /// <summary>A fresh official test personnummer, 12 digits.</summary>
    public static string NextPersonnummer()
    {
        var numbers = WorkingAge.Value;
        return numbers[Interlocked.Increment(ref next) % numbers.Length];
    }

    /// <summary>A fresh official test samordningsnummer (birth day + 60) with a complete birth date, 12 digits.</summary>
    public static string NextSamordningsnummer()
    {
        var numbers = WorkingAgeCoordination.Value;
        return numbers[Interlocked.Increment(ref nextCoordination) % numbers.Length];
    }

    /// <summary>The common written form ÅÅÅÅMMDD-NNNN.</summary>
    public static string Dashed(string twelveDigits) => twelveDigits[..8] + "-" + twelveDigits[8..];

    /// <summary>A letters-only surname no other test uses, so that a name search finds exactly what the test made.</summary>
    public static string UniqueLastName(string stem = "Provsson")
    {
        var letters = Guid.NewGuid().ToByteArray().Take(8).Select(b => (char)('a' + (b % 26)));
        return stem + new string(letters.ToArray());
    }

    private static string[] Load(string file, int dayOffset)
    {
        var today = Arbetsvagen.Infrastructure.SwedishTime.Today(DateTime.UtcNow);
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "identity", file);
        return File.ReadLines(path)
            .Select(line => line.Trim())
            .Where(line => line.Length == 12 && line.All(char.IsAsciiDigit))
            .Where(line =>
            {
                var date = line[..6] + (int.Parse(line[6..8], CultureInfo.InvariantCulture) - dayOffset).ToString("D2", CultureInfo.InvariantCulture);
                return DateOnly.TryParseExact(date, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born)
                    && born >= today.AddYears(-60) && born <= today.AddYears(-20);
            })
            .ToArray();
    }
}
