using System.Globalization;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Employers;

public sealed record SniSection(string Letter, string Name, int FirstDivision, int LastDivision);

public sealed record SniGroup(string Code, string Name, SniSection Section);

/// <summary>
/// SNI 2007 (ReferenceData/sni-2007.csv, see its SOURCES.md): every section, and the groups the file names. A group
/// is three digits; its first two are the division, which places it in a section. A valid group the file does not
/// name is accepted and shown by its code, so that the register never refuses a real employer's industry.
/// </summary>
public static class Sni
{
    private static readonly Lazy<(List<SniSection> Sections, Dictionary<string, string> Groups)> Data = new(Load);

    public static IReadOnlyList<SniSection> Sections => Data.Value.Sections;

    /// <summary>The named groups in code order, for the form's list.</summary>
    public static IReadOnlyList<SniGroup> NamedGroups => Data.Value.Groups.OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => Group(g.Key)!).ToList();

    /// <summary>The group with its section, or null when the code is not three digits in a section's divisions.</summary>
    public static SniGroup? Group(string? code)
    {
        if (code is not { Length: 3 } || !code.All(char.IsAsciiDigit))
        {
            return null;
        }

        var division = int.Parse(code[..2], CultureInfo.InvariantCulture);
        var section = Sections.FirstOrDefault(s => division >= s.FirstDivision && division <= s.LastDivision);
        return section is null ? null : new SniGroup(code, Data.Value.Groups.GetValueOrDefault(code, $"Grupp {code}"), section);
    }

    /// <summary>"H Transport och magasinering – 493 Annan landtransport, passagerartrafik".</summary>
    public static string Describe(string? code) => Group(code) is { } g ? $"{g.Section.Letter} {g.Section.Name} – {g.Code} {g.Name}" : code ?? "";

    private static (List<SniSection>, Dictionary<string, string>) Load()
    {
        var sections = new List<SniSection>();
        var groups = new Dictionary<string, string>();
        foreach (var line in ReferenceData.ReadLines("sni-2007.csv").Skip(1))
        {
            var fields = line.Split(';', 3);
            if (fields[1].Length > 0)
            {
                var range = fields[1].Split('-');
                sections.Add(new SniSection(fields[0], fields[2], int.Parse(range[0], CultureInfo.InvariantCulture), int.Parse(range[1], CultureInfo.InvariantCulture)));
            }
            else
            {
                groups[fields[0]] = fields[2];
            }
        }

        return (sections, groups);
    }
}
