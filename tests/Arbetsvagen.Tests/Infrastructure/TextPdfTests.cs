using System.Text;
using System.Text.RegularExpressions;
using Arbetsvagen.Infrastructure;
using Xunit;

namespace Arbetsvagen.Tests.Infrastructure;

public sealed class TextPdfTests
{
    private static string Latin1(byte[] bytes) => Encoding.Latin1.GetString(bytes);

    [Fact]
    public void The_cross_reference_table_points_at_every_object_and_startxref_at_the_table()
    {
        var pdf = Latin1(new TextPdf { Title = "Din plan" }.Text("Din plan", 24, bold: true).Text("Målet är ett arbete (heltid).", 13).ToBytes());

        Assert.StartsWith("%PDF-1.4", pdf, StringComparison.Ordinal);
        Assert.EndsWith("%%EOF\n", pdf, StringComparison.Ordinal);
        var startxref = long.Parse(Regex.Match(pdf, @"startxref\n(\d+)\n").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.StartsWith("xref", pdf[(int)startxref..], StringComparison.Ordinal);
        var offsets = Regex.Matches(pdf[(int)startxref..], @"(\d{10}) 00000 n").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(7, offsets.Count); // catalog, pages, two fonts, info, one page, its content
        for (var i = 0; i < offsets.Count; i++)
        {
            Assert.StartsWith($"{i + 1} 0 obj", pdf[offsets[i]..], StringComparison.Ordinal);
        }

        var length = int.Parse(Regex.Match(pdf, @"/Length (\d+) >>\nstream\n").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var streamStart = pdf.IndexOf("stream\n", StringComparison.Ordinal) + "stream\n".Length;
        Assert.Equal("\nendstream", pdf.Substring(streamStart + length, "\nendstream".Length));
    }

    [Fact]
    public void Swedish_letters_are_written_in_winansi_and_parentheses_are_escaped()
    {
        var bytes = new TextPdf().Text("Målet: (åäö ÅÄÖ)", 12).ToBytes();
        var pdf = Latin1(bytes);
        Assert.Contains("(M\u00e5let: \\(\u00e5\u00e4\u00f6 \u00c5\u00c4\u00d6\\)) Tj", pdf, StringComparison.Ordinal);
        Assert.Contains("/Encoding /WinAnsiEncoding", pdf, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_text_wraps_within_the_margins_and_flows_onto_new_pages()
    {
        var paragraph = string.Join(' ', Enumerable.Repeat("arbetsträning", 2000));
        var pdf = Latin1(new TextPdf().Text(paragraph, 13).ToBytes());

        Assert.Matches(@"/Count [2-9]", pdf);
        var lines = Regex.Matches(pdf, @"\(([^)]*)\) Tj").Select(m => m.Groups[1].Value).ToList();
        Assert.True(lines.Count > 50);
        // At 13 pt, 481 pt of line width holds at most about 5 words of "arbetsträning" (~80 pt each).
        Assert.All(lines, l => Assert.InRange(l.Split(' ').Length, 1, 6));
    }
}
