using System.Globalization;
using System.Text;

namespace Arbetsvagen.Infrastructure.Documents;

/// <summary>Wording and names shared by the formats, so a source or a date reads the same in each.</summary>
public static class ReportText
{
    /// <summary>"Arbetsförmedlingen – inskrivna arbetssökande per månad (uppgifter per 2026-11-30)".</summary>
    public static string Source(ReportSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = source.Description.Length > 0 ? $"{source.Name} – {source.Description}" : source.Name;
        return source.AsOf is { } asOf ? $"{text} (uppgifter per {asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)})" : text;
    }

    /// <summary>The time the report was made, in Swedish time: "2026-12-07 09:30".</summary>
    public static string GeneratedAt(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, SwedishTime.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>An HTML id for a key: letters, digits, - and _ kept, anything else becomes -.</summary>
    public static string Anchor(string prefix, string key) => prefix + FileStem(key);

    /// <summary>A file name stem from a key: ASCII letters and digits, - and _; å ä ö become a a o; never empty.</summary>
    internal static string FileStem(string key)
    {
        var stem = new StringBuilder(key.Length);
        foreach (var c in key.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            stem.Append(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? char.ToLowerInvariant(c) : '-');
        }

        var text = stem.ToString().Trim('-');
        return text.Length == 0 ? "tabell" : text;
    }

    /// <summary>
    /// <paramref name="name"/> cut to <paramref name="maxLength"/> and made unique among <paramref name="taken"/>
    /// (whose comparer decides what counts as the same) by a suffix, " (2)", " (3)"… by default; the result is added to it.
    /// </summary>
    internal static string UniqueName(string name, HashSet<string> taken, int maxLength, string suffixFormat = " ({0})")
    {
        var candidate = Cut(name, maxLength);
        for (var n = 2; !taken.Add(candidate); n++)
        {
            var suffix = string.Format(CultureInfo.InvariantCulture, suffixFormat, n);
            candidate = Cut(name, maxLength - suffix.Length).TrimEnd() + suffix;
        }

        return candidate;
    }

    private static string Cut(string text, int maxLength) => text.Length <= maxLength ? text : text[..maxLength];

    /// <summary>The charts drawn from <paramref name="table"/>: every format shows them just before the table.</summary>
    public static IEnumerable<ReportChart> ChartsOf(ReportSection section, ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(table);
        return section.Charts.Where(c => c.TableKey == table.Key);
    }

    /// <summary>Charts whose table is not in their section: shown after the section's tables.</summary>
    public static IEnumerable<ReportChart> LooseCharts(ReportSection section)
    {
        ArgumentNullException.ThrowIfNull(section);
        return section.Charts.Where(c => section.Tables.All(t => t.Key != c.TableKey));
    }

    /// <summary>The title of the table with <paramref name="key"/> anywhere in the report, or null.</summary>
    public static ReportTable? FindTable(ReportDocument document, string key)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.Sections.SelectMany(s => s.Tables).FirstOrDefault(t => t.Key == key);
    }
}
