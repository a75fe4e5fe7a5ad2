using System.Globalization;

namespace Arbetsvagen.BrowserTests.Infrastructure;

/// <summary>
/// Identity numbers and names for participants the browser tests register. Numbers come only from
/// Skatteverket's official test personnummer, people aged 20–60, taken from the young end of that range:
/// the demo seed uses the oldest working-age numbers (about 65), so the two never meet.
/// </summary>
public sealed class TestPeople
{
    private static readonly Lazy<string[]> WorkingAge = new(Load);
    private int next = Random.Shared.Next(0, 500);

    /// <summary>A fresh official test personnummer as ÅÅÅÅMMDD-NNNN.</summary>
    public string NextPersonnummer()
    {
        var numbers = WorkingAge.Value;
        var n = numbers[numbers.Length - 1 - (Interlocked.Increment(ref next) % Math.Min(2000, numbers.Length))];
        return n[..8] + "-" + n[8..];
    }

    /// <summary>A letters-only surname no other test uses, so a name search finds exactly what the test made.</summary>
    public static string UniqueLastName(string stem = "Provsson")
    {
        var letters = Guid.NewGuid().ToByteArray().Take(8).Select(b => (char)('a' + (b % 26)));
        return stem + new string(letters.ToArray());
    }

    private static string[] Load()
    {
        var today = Arbetsvagen.Infrastructure.SwedishTime.Today(DateTime.UtcNow);
        var path = Path.Combine(AppContext.BaseDirectory, "TestData", "skatteverket-test-personnummer.txt");
        return File.ReadLines(path)
            .Select(line => line.Trim())
            .Where(line => line.Length == 12 && line.All(char.IsAsciiDigit))
            .Where(line =>
            {
                var born = DateOnly.ParseExact(line[..8], "yyyyMMdd", CultureInfo.InvariantCulture);
                return born >= today.AddYears(-60) && born <= today.AddYears(-20);
            })
            .OrderBy(line => line, StringComparer.Ordinal)
            .ToArray();
    }
}
