using System.Globalization;
using System.Text;

namespace Arbetsvagen.Infrastructure;

/// <summary>
/// A minimal PDF writer for plain documents of headings and paragraphs on A4 (ADR 0008). It uses the standard
/// Helvetica fonts every PDF reader has, with WinAnsi encoding, which covers Swedish (å, ä, ö, é); nothing is
/// embedded. Lines are wrapped with Helvetica's published character widths.
/// </summary>
public sealed class TextPdf
{
    private const double PageWidth = 595.28, PageHeight = 841.89, Margin = 56.7; // A4, 2 cm margins
    private readonly List<StringBuilder> pages = [];
    private StringBuilder? page;
    private double y;

    public string Title { get; init; } = "";

    public TextPdf Text(string text, double size, bool bold = false)
    {
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            foreach (var line in Wrap(paragraph, size, bold))
            {
                var height = size * 1.3;
                if (page is null || y - height < Margin)
                {
                    NewPage();
                }

                y -= height;
                page!.Append(CultureInfo.InvariantCulture, $"BT /{(bold ? "F2" : "F1")} {size:0.##} Tf {Margin:0.##} {y + size * 0.3:0.##} Td ({Escape(line)}) Tj ET\n");
            }
        }

        return this;
    }

    public TextPdf Space(double points)
    {
        y -= points;
        return this;
    }

    public byte[] ToBytes()
    {
        if (page is null)
        {
            NewPage();
        }

        // Objects: 1 catalog, 2 page tree, 3–4 fonts, 5 info, then a page and its content stream per page.
        var objects = new List<byte[]>();
        var kids = string.Join(" ", pages.Select((_, i) => $"{6 + 2 * i} 0 R"));
        objects.Add(Latin("<< /Type /Catalog /Pages 2 0 R >>"));
        objects.Add(Latin($"<< /Type /Pages /Kids [{kids}] /Count {pages.Count} >>"));
        objects.Add(Latin("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"));
        objects.Add(Latin("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>"));
        objects.Add(Latin($"<< /Title ({Escape(Title)}) /Producer (Arbetsvagen) >>"));
        for (var i = 0; i < pages.Count; i++)
        {
            var content = Latin(pages[i].ToString());
            objects.Add(Latin(string.Create(CultureInfo.InvariantCulture,
                $"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {PageWidth} {PageHeight}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents {7 + 2 * i} 0 R >>")));
            objects.Add([.. Latin($"<< /Length {content.Length} >>\nstream\n"), .. content, .. Latin("\nendstream")]);
        }

        using var pdf = new MemoryStream();
        pdf.Write(Latin("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n"));
        var offsets = new List<long>();
        for (var i = 0; i < objects.Count; i++)
        {
            offsets.Add(pdf.Position);
            pdf.Write(Latin($"{i + 1} 0 obj\n"));
            pdf.Write(objects[i]);
            pdf.Write(Latin("\nendobj\n"));
        }

        var xref = pdf.Position;
        var table = new StringBuilder($"xref\n0 {objects.Count + 1}\n0000000000 65535 f \n");
        offsets.ForEach(o => table.Append(CultureInfo.InvariantCulture, $"{o:D10} 00000 n \n"));
        table.Append(CultureInfo.InvariantCulture, $"trailer\n<< /Size {objects.Count + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        pdf.Write(Latin(table.ToString()));
        return pdf.ToArray();
    }

    private void NewPage()
    {
        page = new StringBuilder();
        pages.Add(page);
        y = PageHeight - Margin;
    }

    private static IEnumerable<string> Wrap(string paragraph, double size, bool bold)
    {
        var width = PageWidth - 2 * Margin;
        var line = "";
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : $"{line} {word}";
            if (line.Length > 0 && Width(candidate, size, bold) > width)
            {
                yield return line;
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        yield return line;
    }

    // Helvetica advance widths (1/1000 em) for ' ' to '~'; bold is about 6 % wider, accented letters as their base letter.
    private static readonly short[] Widths =
    [
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556,
        278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667,
        611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,
        556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
    ];

    private static double Width(string text, double size, bool bold) => text.Sum(c =>
    {
        var basic = c.ToString().Normalize(NormalizationForm.FormD)[0];
        return basic is >= ' ' and <= '~' ? Widths[basic - ' '] : 600;
    }) * size / 1000 * (bold ? 1.06 : 1);

    /// <summary>WinAnsi bytes: Latin-1 for most characters, the typographic marks at their WinAnsi places, '?' otherwise.</summary>
    private static byte[] Latin(string text) => text.Select(c => c switch
    {
        < (char)0x80 or (>= (char)0xA0 and <= (char)0xFF) => (byte)c,
        '\u2013' => (byte)0x96,
        '\u2014' => (byte)0x97,
        '\u2018' => (byte)0x91,
        '\u2019' => (byte)0x92,
        '\u201C' => (byte)0x93,
        '\u201D' => (byte)0x94,
        '\u2022' => (byte)0x95,
        '\u20AC' => (byte)0x80,
        _ => (byte)'?',
    }).ToArray();

    private static string Escape(string text) => text
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace("(", "\\(", StringComparison.Ordinal).Replace(")", "\\)", StringComparison.Ordinal);
}
