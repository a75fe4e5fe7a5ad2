using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Arbetsvagen.Infrastructure.Documents;

/// <summary>
/// A report as an Excel workbook (xlsx) with the Open XML SDK (ADR 0021): the sheet "Om rapporten" (title, sender,
/// period, sources, notice and a list of the tables), then one sheet per table named after its title (cut to Excel's
/// 31 characters, made unique). A cell with a <see cref="ReportCell.Value"/> is a number, displayed with as many
/// decimals as its text shows (and " %" when the text ends with %); any other cell, "&lt;5" included, is text.
/// </summary>
public static class ReportWorkbook
{
    public const string AboutSheet = "Om rapporten";

    // Cell formats in the style sheet below: 0 normal, 1 header, 2 title, 3 wrapped text; number formats follow.
    private const uint Header = 1, TitleStyle = 2, Wrapped = 3;

    public static byte[] Render(ReportDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var buffer = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            package.PackageProperties.Title = Clean(document.Title);
            package.PackageProperties.Creator = Clean(document.Sender);
            package.PackageProperties.Created = document.GeneratedAt.UtcDateTime;

            var workbookPart = package.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());
            var styles = new Styles();

            var tables = document.Sections.SelectMany(s => s.Tables.Select(t => (Section: s, Table: t))).ToList();
            var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { AboutSheet, "History" };
            var names = tables.Select(t => ReportText.UniqueName(SheetName(t.Table.Title), taken, 31)).ToList();

            AddSheet(workbookPart, sheets, AboutSheet, About(document, tables.Select((t, i) => (names[i], t.Table.Title, t.Section.Heading))), [34, 60, 24]);
            for (var i = 0; i < tables.Count; i++)
            {
                var (rows, widths) = TableRows(tables[i].Table, styles);
                AddSheet(workbookPart, sheets, names[i], rows, widths, frozenRows: 2);
            }

            var stylesPart = workbookPart.AddNewPart<WorkbookStylesPart>();
            stylesPart.Stylesheet = styles.Build();
        }

        return buffer.ToArray();
    }

    /// <summary>A valid sheet name from a title: no : \ / ? * [ ], no apostrophe at either end, not empty.</summary>
    internal static string SheetName(string title)
    {
        var name = new StringBuilder(title.Length);
        foreach (var c in Clean(title))
        {
            name.Append(c is ':' or '\\' or '/' or '?' or '*' or '[' or ']' || char.IsControl(c) ? '-' : c);
        }

        var text = name.ToString().Trim().Trim('\'').Trim();
        return text.Length == 0 ? "Tabell" : text.Length > 31 ? text[..31].TrimEnd() : text;
    }

    private static List<Row> About(ReportDocument document, IEnumerable<(string Sheet, string Title, string Section)> tables)
    {
        var rows = new List<Row> { Line(TextCell(document.Title, TitleStyle)) };
        if (document.Subtitle is { Length: > 0 } subtitle)
        {
            rows.Add(Line(TextCell(subtitle)));
        }

        rows.Add(Line());
        rows.Add(Line(TextCell("Avsändare", Header), TextCell(document.Sender)));
        rows.Add(Line(TextCell("Period", Header), TextCell(document.Period)));
        rows.Add(Line(TextCell("Framtagen", Header), TextCell(ReportText.GeneratedAt(document.GeneratedAt))));
        if (document.Notice is { Length: > 0 } notice)
        {
            rows.Add(Line());
            rows.Add(Line(TextCell("Att tänka på", Header), TextCell(notice, Wrapped)));
        }

        rows.Add(Line());
        rows.Add(Line(TextCell("Källa", Header), TextCell("Beskrivning", Header), TextCell("Uppgifter per", Header)));
        foreach (var source in document.Sources)
        {
            rows.Add(Line(TextCell(source.Name), TextCell(source.Description, Wrapped),
                TextCell(source.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "")));
        }

        rows.Add(Line());
        rows.Add(Line(TextCell("Blad", Header), TextCell("Tabell", Header), TextCell("Avsnitt", Header)));
        foreach (var (sheet, title, section) in tables)
        {
            rows.Add(Line(TextCell(sheet), TextCell(title, Wrapped), TextCell(section, Wrapped)));
        }

        return rows;
    }

    private static (List<Row> Rows, double[] Widths) TableRows(ReportTable table, Styles styles)
    {
        var columns = Math.Max(table.Columns.Count, table.Rows.Select(r => r.Count).DefaultIfEmpty(0).Max());
        var widths = new double[Math.Max(1, columns)];
        void Measure(int column, string text) => widths[column] = Math.Max(widths[column], Math.Min(60, text.Length + 2));

        var rows = new List<Row> { Line(TextCell(table.Title, TitleStyle)) };
        rows.Add(Line(table.Columns.Select((c, i) =>
        {
            Measure(i, c);
            return TextCell(c, Header);
        }).ToArray()));
        foreach (var row in table.Rows)
        {
            rows.Add(Line(row.Select((cell, i) =>
            {
                Measure(i, cell.Text);
                return cell.Value is double value && double.IsFinite(value) && i > 0
                    ? new Cell { CellValue = new CellValue(value), StyleIndex = styles.NumberFormat(cell.Text) }
                    : TextCell(cell.Text, i == 0 ? Header : 0);
            }).ToArray()));
        }

        if (table.Note is { Length: > 0 } note)
        {
            rows.Add(Line());
            rows.Add(Line(TextCell(note)));
        }

        return (rows, widths);
    }

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, string name, List<Row> rows, double[] widths, int frozenRows = 0)
    {
        var part = workbookPart.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r];
            row.RowIndex = (uint)(r + 1);
            var c = 0;
            foreach (var cell in row.Elements<Cell>())
            {
                cell.CellReference = Column(c++) + (r + 1).ToString(CultureInfo.InvariantCulture);
            }

            data.Append(row);
        }

        var worksheet = new Worksheet();
        if (frozenRows > 0)
        {
            worksheet.Append(new SheetViews(new SheetView(new Pane
            {
                VerticalSplit = frozenRows,
                TopLeftCell = $"A{frozenRows + 1}",
                ActivePane = PaneValues.BottomLeft,
                State = PaneStateValues.Frozen,
            }) { WorkbookViewId = 0 }));
        }

        worksheet.Append(new Columns(widths.Select((w, i) => new Column
        {
            Min = (uint)(i + 1), Max = (uint)(i + 1), Width = Math.Max(10, w), CustomWidth = true,
        })));
        worksheet.Append(data);
        part.Worksheet = worksheet;
        sheets.Append(new Sheet
        {
            Id = workbookPart.GetIdOfPart(part),
            SheetId = (uint)(sheets.Count() + 1),
            Name = name,
        });
    }

    private static Row Line(params Cell[] cells) => new(cells);

    private static Cell TextCell(string text, uint style = 0) => new()
    {
        DataType = CellValues.InlineString,
        InlineString = new InlineString(new Text(Clean(text)) { Space = SpaceProcessingModeValues.Preserve }),
        StyleIndex = style == 0 ? null : style,
    };

    /// <summary>"A", "B", … "Z", "AA" for a zero-based column.</summary>
    private static string Column(int index)
    {
        var name = "";
        for (index++; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + (index - 1) % 26) + name;
        }

        return name;
    }

    /// <summary>Drops the control characters XML cannot hold (tab and line breaks stay).</summary>
    private static string Clean(string text) =>
        text.Any(c => char.IsControl(c) && c is not '\t' and not '\n' and not '\r')
            ? new string(text.Where(c => !char.IsControl(c) || c is '\t' or '\n' or '\r').ToArray())
            : text;

    /// <summary>The style sheet, with one cell format per number format the tables need.</summary>
    private sealed class Styles
    {
        private readonly Dictionary<string, uint> formats = new(StringComparer.Ordinal);

        /// <summary>The cell format for a number shown as <paramref name="text"/>: "1 234" → #,##0; "12,5 %" → #,##0.0" %".</summary>
        public uint NumberFormat(string text)
        {
            var trimmed = text.Trim();
            var percent = trimmed.EndsWith('%');
            var comma = trimmed.LastIndexOf(',');
            var decimals = 0;
            if (comma >= 0)
            {
                while (comma + 1 + decimals < trimmed.Length && char.IsAsciiDigit(trimmed[comma + 1 + decimals]))
                {
                    decimals++;
                }
            }

            var code = "#,##0" + (decimals > 0 ? "." + new string('0', decimals) : "") + (percent ? "\" %\"" : "");
            if (!formats.TryGetValue(code, out var style))
            {
                style = (uint)(4 + formats.Count);
                formats[code] = style;
            }

            return style;
        }

        public Stylesheet Build()
        {
            var numberingFormats = new NumberingFormats(formats.Select(f => new NumberingFormat
            {
                NumberFormatId = 160 + (f.Value - 4), FormatCode = f.Key,
            }));
            var cellFormats = new CellFormats(
                new CellFormat(),
                new CellFormat { FontId = 1, FillId = 2, ApplyFont = true, ApplyFill = true },
                new CellFormat { FontId = 2, ApplyFont = true },
                new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true });
            foreach (var (_, style) in formats.OrderBy(f => f.Value))
            {
                cellFormats.Append(new CellFormat { NumberFormatId = 160 + (style - 4), ApplyNumberFormat = true });
            }

            var stylesheet = new Stylesheet();
            if (formats.Count > 0)
            {
                stylesheet.Append(numberingFormats);
            }

            stylesheet.Append(
                new Fonts(
                    new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                    new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                    new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" })),
                new Fills(
                    new Fill(new PatternFill { PatternType = PatternValues.None }),
                    new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                    new Fill(new PatternFill(new ForegroundColor { Rgb = "FFEEF1F4" }) { PatternType = PatternValues.Solid })),
                new Borders(new Border()),
                new CellStyleFormats(new CellFormat()),
                cellFormats);
            return stylesheet;
        }
    }
}
