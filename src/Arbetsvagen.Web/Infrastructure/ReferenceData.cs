using System.Globalization;
using System.Reflection;

namespace Arbetsvagen.Infrastructure;

public sealed record Municipality(string Code, string Name, string CountyName);
public sealed record Occupation(string ConceptId, string Name, string Ssyk4);

/// <summary>Public reference data shipped inside the assembly (see ReferenceData/SOURCES.md).</summary>
public sealed class ReferenceData
{
    /// <summary>
    /// The licence categories in the order of the driving licence itself (Transportstyrelsen), which is how people
    /// read them; the JobTech file lists them by its own legacy id. Categories not named here follow, in file order.
    /// </summary>
    private static readonly string[] LicenceOrder =
        ["AM", "A1", "A2", "A", "B", "Utökad B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE"];

    public static readonly ReferenceData Instance = new();

    private ReferenceData()
    {
        Municipalities = ReadCsv("municipalities.csv").Select(r => new Municipality(r[0], r[1], r[3]))
            .ToDictionary(m => m.Code);
        MunicipalitiesByName = Municipalities.Values.OrderBy(m => m.Name, SwedishCollation.Comparer).ToList();
        Occupations = ReadCsv("occupations.csv").Select(r => new Occupation(r[0], r[1], r[2])).ToDictionary(o => o.ConceptId);
        OccupationSearch = new OccupationSearch(Occupations.Values);
        DrivingLicences = InLicenceOrder(ReadCsv("driving-licences.csv").Select(r => r[1])).ToList();
    }

    public IReadOnlyDictionary<string, Municipality> Municipalities { get; }
    /// <summary>The municipalities in Swedish order of their names, as lists show them.</summary>
    public IReadOnlyList<Municipality> MunicipalitiesByName { get; }
    public IReadOnlyDictionary<string, Occupation> Occupations { get; }
    public OccupationSearch OccupationSearch { get; }
    /// <summary>The licence categories in the licence's own order (AM, A1, A2, A, B, …).</summary>
    public IReadOnlyList<string> DrivingLicences { get; }

    /// <summary>Licence categories in the licence's own order, e.g. for a participant's stored list.</summary>
    public static IEnumerable<string> InLicenceOrder(IEnumerable<string> licences) =>
        licences.Select((licence, i) => (licence, i))
            .OrderBy(x => Array.IndexOf(LicenceOrder, x.licence) is var at and >= 0 ? at : LicenceOrder.Length + x.i)
            .Select(x => x.licence);

    public string MunicipalityName(string? code) =>
        code is not null && Municipalities.TryGetValue(code, out var m) ? m.Name : code ?? "";

    public static IEnumerable<string> ReadLines(string fileName)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("ReferenceData." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                yield return line;
            }
        }
    }

    // The shipped files have no quoted commas except occupation names, which are quoted by the generator.
    public static IEnumerable<string[]> ReadCsv(string fileName) => ReadLines(fileName).Skip(1).Select(SplitCsvLine);

    private static string[] SplitCsvLine(string line)
    {
        var fields = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"')
            {
                current.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        fields.Add(current.ToString());
        return [.. fields];
    }
}
