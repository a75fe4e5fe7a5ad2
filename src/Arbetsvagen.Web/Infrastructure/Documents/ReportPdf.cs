using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Arbetsvagen.Infrastructure.Documents;

/// <summary>
/// A report as a PDF for board papers, with PDFsharp 6.2.4 (MIT; ADR 0021) and the embedded Liberation Sans (Unicode
/// text with a ToUnicode map, so it can be searched and copied). A4: a title page (title, sender, period, time, notice,
/// sources with their dates, contents), then each section on a new page: heading, commentary, and per table first its
/// charts (images, with the text alternative below) and then the table (header row repeated after a page break, numbers
/// right-aligned). A footer with title, sender and "Sida N av M" on every page; a bookmark per section.
/// </summary>
public static class ReportPdf
{
    private const double PageWidth = 595.28, PageHeight = 841.89, Margin = 56.7, FooterSpace = 28;
    private const double ContentWidth = PageWidth - 2 * Margin, Bottom = PageHeight - Margin - FooterSpace;
    private const double CellPadding = 4;

    private static readonly XPdfFontOptions Unicode = new(PdfFontEncoding.Unicode);
    private static readonly XColor Muted = XColor.FromArgb(0x4A, 0x55, 0x60);
    private static readonly XColor HeaderFill = XColor.FromArgb(0xEE, 0xF1, 0xF4);
    private static readonly XColor Rule = XColor.FromArgb(0xC5, 0xCB, 0xD1);

    public static byte[] Render(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        DocumentFonts.EnsureRegistered();
        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        pdf.Info.Author = document.Sender;
        pdf.Info.Subject = document.Period;
        pdf.Info.CreationDate = document.GeneratedAt.UtcDateTime;
        pdf.Language = "sv-SE";
        pdf.Options.CompressContentStreams = true;

        var writer = new Writer(pdf);
        TitlePage(writer, document);
        foreach (var section in document.Sections)
        {
            Section(writer, document, section);
        }

        writer.Footers(document);
        using var buffer = new MemoryStream();
        pdf.Save(buffer, false);
        return buffer.ToArray();
    }

    private static void TitlePage(Writer w, ReportDocument document)
    {
        w.NewPage();
        w.Y += 90;
        w.Paragraph(document.Title, w.Font(24, bold: true), spaceAfter: 8);
        if (document.Subtitle is { Length: > 0 } subtitle)
        {
            w.Paragraph(subtitle, w.Font(14), spaceAfter: 6);
        }

        w.Y += 24;
        var label = w.Font(11, bold: true);
        var text = w.Font(11);
        w.Pair("Avsändare", document.Sender, label, text);
        w.Pair("Period", document.Period, label, text);
        w.Pair("Framtagen", ReportText.GeneratedAt(document.GeneratedAt), label, text);
        if (document.Notice is { Length: > 0 } notice)
        {
            w.Y += 12;
            w.Paragraph(notice, w.Font(10), spaceAfter: 4);
        }

        if (document.Sources.Count > 0)
        {
            w.Y += 16;
            w.Paragraph("Källor", w.Font(13, bold: true), spaceAfter: 4, keepWithNext: 30);
            foreach (var source in document.Sources)
            {
                w.Paragraph("• " + ReportText.Source(source), w.Font(10), spaceAfter: 3, indent: 8);
            }
        }

        if (document.Sections.Count > 0)
        {
            w.Y += 16;
            w.Paragraph("Innehåll", w.Font(13, bold: true), spaceAfter: 4, keepWithNext: 30);
            foreach (var section in document.Sections)
            {
                w.Paragraph("• " + section.Heading, w.Font(10), spaceAfter: 3, indent: 8);
            }
        }
    }

    private static void Section(Writer w, ReportDocument document, ReportSection section)
    {
        w.NewPage();
        w.Pdf.Outlines.Add(section.Heading, w.Page, true);
        w.Paragraph(section.Heading, w.Font(17, bold: true), spaceAfter: 8);
        if (section.Commentary is { Length: > 0 } commentary)
        {
            foreach (var paragraph in commentary.Replace("\r", "", StringComparison.Ordinal).Split("\n\n"))
            {
                if (paragraph.Trim().Length > 0)
                {
                    w.Paragraph(paragraph.Trim(), w.Font(10.5), spaceAfter: 6);
                }
            }
        }

        foreach (var table in section.Tables)
        {
            foreach (var chart in ReportText.ChartsOf(section, table))
            {
                Chart(w, chart, table);
            }

            Table(w, table);
        }

        foreach (var chart in ReportText.LooseCharts(section))
        {
            Chart(w, chart, ReportText.FindTable(document, chart.TableKey));
        }
    }

    private static void Chart(Writer w, ReportChart chart, ReportTable? table)
    {
        const double imageHeight = ContentWidth * ReportCharts.DefaultHeight / ReportCharts.DefaultWidth;
        var titleFont = w.Font(11, bold: true);
        var small = w.Font(9);
        var caption = $"Diagrammet visar: {chart.TextAlternative}" + (table is null ? "" : $" Siffrorna finns i tabellen ”{table.Title}”.");
        var needed = w.Height(chart.Title, titleFont, ContentWidth) + 6 + imageHeight + 6 + w.Height(caption, small, ContentWidth);
        w.Y += 6;
        w.EnsureSpace(Math.Min(needed, Bottom - Margin));
        w.Paragraph(chart.Title, titleFont, spaceAfter: 6);

        // Twice the pixels of the web chart (about 200 dpi at this width); BMP rather than PNG, see ReportCharts.Bmp.
        var bitmap = ReportCharts.Bmp(chart, ReportCharts.DefaultWidth * 2, ReportCharts.DefaultHeight * 2, 2);
        using (var stream = new MemoryStream(bitmap))
        using (var image = XImage.FromStream(stream))
        {
            w.Graphics.DrawImage(image, Margin, w.Y, ContentWidth, imageHeight);
        }

        w.Y += imageHeight + 6;
        w.Paragraph(caption, small, spaceAfter: 10, color: Muted);
    }

    private static void Table(Writer w, ReportTable table)
    {
        var columns = Math.Max(1, Math.Max(table.Columns.Count, table.Rows.Select(r => r.Count).DefaultIfEmpty(0).Max()));
        var header = Enumerable.Range(0, columns).Select(i => i < table.Columns.Count ? table.Columns[i] : "").ToArray();
        var rows = table.Rows.Select(r => Enumerable.Range(0, columns).Select(i => i < r.Count ? r[i].Text : "").ToArray()).ToList();

        // The largest type (9 pt, then 8, then 7) whose natural column widths fit; else 7 pt with the columns shrunk.
        double size = 9;
        double[] widths = [];
        foreach (var candidate in new[] { 9.0, 8.0, 7.0 })
        {
            size = candidate;
            widths = ColumnWidths(w, header, rows, candidate);
            if (widths.Sum() <= ContentWidth)
            {
                break;
            }
        }

        Fit(widths);
        var font = w.Font(size);
        var bold = w.Font(size, bold: true);
        var titleFont = w.Font(11, bold: true);

        var headerHeight = RowHeight(w, header, bold, widths);
        var firstRow = rows.Count > 0 ? RowHeight(w, rows[0], font, widths) : 0;
        w.Y += 4;
        w.EnsureSpace(w.Height(table.Title, titleFont, ContentWidth) + 4 + headerHeight + firstRow);
        w.Paragraph(table.Title, titleFont, spaceAfter: 4);
        DrawRow(w, header, bold, widths, headerHeight, isHeader: true);
        foreach (var row in rows)
        {
            var height = RowHeight(w, row, font, widths);
            if (w.Y + height > Bottom)
            {
                w.NewPage();
                w.Paragraph($"{table.Title} (forts.)", titleFont, spaceAfter: 4);
                DrawRow(w, header, bold, widths, headerHeight, isHeader: true);
            }

            DrawRow(w, row, font, widths, height, isHeader: false);
        }

        w.Y += 4;
        if (table.Note is { Length: > 0 } note)
        {
            w.Paragraph(note, w.Font(8.5), spaceAfter: 4, color: Muted);
        }

        w.Y += 8;
    }

    /// <summary>
    /// Each column as wide as its widest cell and its header on one line; when that is too wide for the page, headers
    /// wrap between words (a cell keeps its line as long as the page allows).
    /// </summary>
    private static double[] ColumnWidths(Writer w, string[] header, List<string[]> rows, double size)
    {
        var font = w.Font(size);
        var bold = w.Font(size, bold: true);
        var cells = Enumerable.Range(0, header.Length).Select(i => rows.Select(r => w.Measure(r[i], font)).DefaultIfEmpty(0).Max()).ToArray();
        var wide = header.Select((h, i) => Math.Max(w.Measure(h, bold), cells[i]) + 2 * CellPadding).ToArray();
        if (wide.Sum() <= ContentWidth)
        {
            return wide;
        }

        return header.Select((h, i) =>
        {
            var longestWord = h.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(word => w.Measure(word, bold)).DefaultIfEmpty(0).Max();
            return Math.Max(Math.Max(longestWord, Math.Min(w.Measure(h, bold), Math.Max(cells[i], 60))), cells[i]) + 2 * CellPadding;
        }).ToArray();
    }

    /// <summary>Stretches the first (label) column to fill the width, or shrinks the widest columns until all fit.</summary>
    private static void Fit(double[] widths)
    {
        var total = widths.Sum();
        if (total <= ContentWidth)
        {
            widths[0] += ContentWidth - total;
            return;
        }

        var scale = ContentWidth / total;
        for (var i = 0; i < widths.Length; i++)
        {
            widths[i] *= scale;
        }
    }

    private static double RowHeight(Writer w, string[] cells, XFont font, double[] widths)
    {
        var lines = cells.Select((text, i) => w.Wrap(text, font, widths[i] - 2 * CellPadding).Count).DefaultIfEmpty(1).Max();
        return Math.Max(1, lines) * font.GetHeight() + 2 * CellPadding;
    }

    private static void DrawRow(Writer w, string[] cells, XFont font, double[] widths, double height, bool isHeader)
    {
        var g = w.Graphics;
        if (isHeader)
        {
            g.DrawRectangle(new XSolidBrush(HeaderFill), Margin, w.Y, ContentWidth, height);
        }

        var x = Margin;
        for (var i = 0; i < cells.Length; i++)
        {
            var lineY = w.Y + CellPadding;
            var label = i == 0;
            foreach (var line in w.Wrap(cells[i], font, widths[i] - 2 * CellPadding))
            {
                if (label)
                {
                    g.DrawString(line, font, XBrushes.Black, x + CellPadding, lineY, XStringFormats.TopLeft);
                }
                else
                {
                    g.DrawString(line, font, XBrushes.Black, x + widths[i] - CellPadding - w.Measure(line, font), lineY, XStringFormats.TopLeft);
                }

                lineY += font.GetHeight();
            }

            x += widths[i];
        }

        w.Y += height;
        g.DrawLine(new XPen(isHeader ? XColors.Black : Rule, isHeader ? 0.8 : 0.4), Margin, w.Y, Margin + ContentWidth, w.Y);
    }

    /// <summary>The page being written, the position on it, and text measured and wrapped in the report's font.</summary>
    private sealed class Writer(PdfDocument pdf)
    {
        private readonly Dictionary<(double, bool), XFont> fonts = [];
        private XGraphics? graphics;

        public PdfDocument Pdf { get; } = pdf;
        public PdfPage Page { get; private set; } = null!;
        public XGraphics Graphics => graphics!;
        public double Y { get; set; }

        public XFont Font(double size, bool bold = false)
        {
            if (!fonts.TryGetValue((size, bold), out var font))
            {
                font = new XFont(DocumentFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, Unicode);
                fonts[(size, bold)] = font;
            }

            return font;
        }

        public void NewPage()
        {
            graphics?.Dispose();
            Page = Pdf.AddPage();
            Page.Size = PageSize.A4;
            graphics = XGraphics.FromPdfPage(Page);
            Y = Margin;
        }

        /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one.</summary>
        public void EnsureSpace(double height)
        {
            if (Y + height > Bottom && Y > Margin + 1)
            {
                NewPage();
            }
        }

        public double Measure(string text, XFont font) => text.Length == 0 ? 0 : Graphics.MeasureString(text, font).Width;

        public double Height(string text, XFont font, double width) => Wrap(text, font, width).Count * font.GetHeight();

        public void Paragraph(string text, XFont font, double spaceAfter, double indent = 0, double keepWithNext = 0, XColor? color = null)
        {
            var lines = Wrap(text, font, ContentWidth - indent);
            EnsureSpace(Math.Min(lines.Count, 2) * font.GetHeight() + keepWithNext);
            var brush = color is { } c ? new XSolidBrush(c) : XBrushes.Black;
            foreach (var line in lines)
            {
                if (Y + font.GetHeight() > Bottom)
                {
                    NewPage();
                }

                Graphics.DrawString(line, font, brush, Margin + indent, Y, XStringFormats.TopLeft);
                Y += font.GetHeight();
            }

            Y += spaceAfter;
        }

        /// <summary>"Avsändare" in bold and its value beside it.</summary>
        public void Pair(string label, string value, XFont labelFont, XFont valueFont)
        {
            const double labelWidth = 90;
            var lines = Wrap(value, valueFont, ContentWidth - labelWidth);
            EnsureSpace(lines.Count * valueFont.GetHeight());
            Graphics.DrawString(label, labelFont, XBrushes.Black, Margin, Y, XStringFormats.TopLeft);
            foreach (var line in lines)
            {
                Graphics.DrawString(line, valueFont, XBrushes.Black, Margin + labelWidth, Y, XStringFormats.TopLeft);
                Y += valueFont.GetHeight();
            }

            Y += 4;
        }

        /// <summary>Lines of at most <paramref name="width"/>: broken between words, a word too long for a line between letters.</summary>
        public List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
            {
                var line = "";
                foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    var candidate = line.Length == 0 ? word : line + " " + word;
                    if (Measure(candidate, font) <= width)
                    {
                        line = candidate;
                        continue;
                    }

                    if (line.Length > 0)
                    {
                        lines.Add(line);
                    }

                    line = word;
                    while (line.Length > 1 && Measure(line, font) > width)
                    {
                        var fit = line.Length - 1;
                        while (fit > 1 && Measure(line[..fit], font) > width)
                        {
                            fit--;
                        }

                        lines.Add(line[..fit]);
                        line = line[fit..];
                    }
                }

                lines.Add(line);
            }

            return lines;
        }

        public void Footers(ReportDocument document)
        {
            graphics?.Dispose();
            graphics = null;
            var font = Font(8);
            var brush = new XSolidBrush(Muted);
            var left = $"{document.Title} · {document.Sender}";
            for (var i = 0; i < Pdf.PageCount; i++)
            {
                using var g = XGraphics.FromPdfPage(Pdf.Pages[i], XGraphicsPdfPageOptions.Append);
                var number = $"Sida {i + 1} av {Pdf.PageCount}";
                var numberWidth = g.MeasureString(number, font).Width;
                var y = PageHeight - Margin - font.GetHeight() + 8;
                while (left.Length > 1 && g.MeasureString(left, font).Width > ContentWidth - numberWidth - 20)
                {
                    left = left[..^2] + "…";
                }

                g.DrawString(left, font, brush, Margin, y, XStringFormats.TopLeft);
                g.DrawString(number, font, brush, PageWidth - Margin - numberWidth, y, XStringFormats.TopLeft);
            }
        }
    }
}
