using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Arbetsvagen.Infrastructure.Documents;

/// <summary>
/// A report's tables as CSV the way Excel opens it in a Swedish locale: UTF-8 with a byte-order mark, ";" between
/// fields, decimal comma, CRLF line ends, fields quoted by RFC 4180 (a field with ; " CR or LF is quoted and its quotes
/// doubled). A number is written from <see cref="ReportCell.Value"/> without thousands separators (so it is read as a
/// number); any other cell as its text. A text that Excel would take for a formula (= + @ or a - that does not start a
/// number) gets a leading apostrophe.
/// </summary>
public static class ReportCsv
{
    private const char Separator = ';';

    /// <summary>The table's header row and rows, beginning with the byte-order mark U+FEFF.</summary>
    public static string Table(ReportTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var csv = new StringBuilder("\uFEFF");
        AppendRow(csv, table.Columns.Select(Text));
        foreach (var row in table.Rows)
        {
            AppendRow(csv, row.Select(Field));
        }

        return csv.ToString();
    }

    /// <summary>The table as UTF-8 bytes, beginning with the byte-order mark.</summary>
    public static byte[] TableBytes(ReportTable table) => Encoding.UTF8.GetBytes(Table(table));

    /// <summary>
    /// A zip with one CSV per table (named by the table's key, in the report's order) and om-rapporten.txt: title,
    /// sender, period, sources and which file holds which table. Entry times are the report's GeneratedAt, so the same
    /// report gives the same bytes.
    /// </summary>
    public static byte[] Zip(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var buffer = new MemoryStream();
        var stamp = document.GeneratedAt < new DateTimeOffset(1980, 1, 2, 0, 0, 0, TimeSpan.Zero) ? new DateTimeOffset(1980, 1, 2, 0, 0, 0, TimeSpan.Zero) : document.GeneratedAt;
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "om-rapporten.txt" };
            var about = new StringBuilder("\uFEFF");
            about.Append(document.Title).Append("\r\n");
            if (document.Subtitle is { Length: > 0 } subtitle)
            {
                about.Append(subtitle).Append("\r\n");
            }

            about.Append("Avsändare: ").Append(document.Sender).Append("\r\n")
                .Append("Period: ").Append(document.Period).Append("\r\n")
                .Append("Framtagen: ").Append(ReportText.GeneratedAt(document.GeneratedAt)).Append("\r\n");
            if (document.Notice is { Length: > 0 } notice)
            {
                about.Append("\r\n").Append(notice).Append("\r\n");
            }

            about.Append("\r\nKällor:\r\n");
            foreach (var source in document.Sources)
            {
                about.Append("- ").Append(ReportText.Source(source)).Append("\r\n");
            }

            about.Append("\r\nTabeller (semikolonseparerade, decimalkomma, UTF-8):\r\n");
            foreach (var table in document.Sections.SelectMany(s => s.Tables))
            {
                var name = ReportText.UniqueName(ReportText.FileStem(table.Key), names, 80, "-{0}") + ".csv";
                Add(zip, name, TableBytes(table), stamp);
                about.Append("- ").Append(name).Append(": ").Append(table.Title).Append("\r\n");
            }

            Add(zip, "om-rapporten.txt", Encoding.UTF8.GetBytes(about.ToString()), stamp);
        }

        return buffer.ToArray();
    }

    private static void Add(ZipArchive zip, string name, byte[] content, DateTimeOffset stamp)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = stamp;
        using var stream = entry.Open();
        stream.Write(content);
    }

    private static void AppendRow(StringBuilder csv, IEnumerable<string> fields)
    {
        var first = true;
        foreach (var field in fields)
        {
            if (!first)
            {
                csv.Append(Separator);
            }

            first = false;
            if (field.AsSpan().IndexOfAny(";\"\r\n") >= 0)
            {
                csv.Append('"').Append(field.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
            }
            else
            {
                csv.Append(field);
            }
        }

        csv.Append("\r\n");
    }

    private static string Field(ReportCell cell) =>
        cell.Value is double value && double.IsFinite(value) ? Number(value) : Text(cell.Text);

    /// <summary>A number with decimal comma and no group separator or exponent ("1234,5", "-3").</summary>
    internal static string Number(double value) =>
        value.ToString("0.##########", CultureInfo.InvariantCulture).Replace('.', ',');

    private static string Text(string text)
    {
        if (text.Length == 0)
        {
            return text;
        }

        var formulaLike = text[0] is '=' or '+' or '@' or '\t' or '\r'
            || (text[0] == '-' && text.Length > 1 && !double.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        return formulaLike ? "'" + text : text;
    }
}
