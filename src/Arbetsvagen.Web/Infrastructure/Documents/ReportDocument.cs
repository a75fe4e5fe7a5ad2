using System.Text.Json;
using System.Text.Json.Serialization;

namespace Arbetsvagen.Infrastructure.Documents;

// A report as data, independent of its formats (ADR 0021): the statistics build one, a published report is frozen as
// its JSON (ReportJson) and rendered again later as a web page (_ReportDocument.cshtml), PDF (ReportPdf), Excel
// workbook (ReportWorkbook) or CSV files (ReportCsv). Texts are final: every renderer shows them as they are.

/// <summary>A whole report: title page facts, then its sections in order.</summary>
/// <param name="Sender">Who stands behind the report ("Samordningsförbundet Nordost"), printed on every format.</param>
/// <param name="Period">The period in words as shown ("januari–juni 2026").</param>
/// <param name="Notice">A note for the reader shown with the title (e.g. how small counts are suppressed); null for none.</param>
public sealed record ReportDocument(
    string Title,
    string Sender,
    string? Subtitle,
    DateTimeOffset GeneratedAt,
    string Period,
    IReadOnlyList<ReportSource> Sources,
    IReadOnlyList<ReportSection> Sections,
    string? Notice);

/// <summary>A data source ("Arbetsförmedlingen, inskrivna per månad"), with the date its data are from.</summary>
public sealed record ReportSource(string Name, string Description, DateOnly? AsOf);

/// <summary>A section of the report; <paramref name="Key"/> is unique in the document and used in anchors and file names.</summary>
/// <param name="Commentary">The editable text of the section; paragraphs separated by a blank line.</param>
public sealed record ReportSection(
    string Key,
    string Heading,
    string? Commentary,
    IReadOnlyList<ReportTable> Tables,
    IReadOnlyList<ReportChart> Charts);

/// <summary>
/// A table: <paramref name="Columns"/> are the header texts, the first of them heads the row labels; each row has one
/// cell per column, the first cell its label. <paramref name="Key"/> is unique in the document (charts point at it).
/// </summary>
public sealed record ReportTable(
    string Key,
    string Title,
    IReadOnlyList<string> Columns,
    IReadOnlyList<IReadOnlyList<ReportCell>> Rows,
    string? Note);

/// <summary>
/// One cell. <paramref name="Text"/> is what is shown ("1 234", "12,5 %", "&lt;5"); <paramref name="Value"/> is the same
/// number as shown (12.5 for "12,5 %", already rounded by the statistics' rounding rule), which spreadsheets and CSV
/// get as a number; null for a label, a suppressed count or any other text.
/// </summary>
public sealed record ReportCell(string Text, double? Value)
{
    /// <summary>A text cell (a row label, a suppressed count shown as "&lt;5").</summary>
    public static ReportCell Label(string text) => new(text, null);

    /// <summary>A number shown as <paramref name="text"/>.</summary>
    public static ReportCell Number(string text, double value) => new(text, value);
}

[JsonConverter(typeof(JsonStringEnumConverter<ReportChartKind>))]
public enum ReportChartKind
{
    /// <summary>One bar per category (a single series).</summary>
    Bar,

    /// <summary>Bars per category side by side, one per series (kvinnor/män).</summary>
    GroupedBar,

    /// <summary>A line per series over the categories (months).</summary>
    Line,
}

/// <summary>
/// A chart drawn from a table's figures. <paramref name="TextAlternative"/> says in words what the chart shows (its
/// alt text); <paramref name="TableKey"/> names the table with the same figures, which every format also shows.
/// </summary>
public sealed record ReportChart(
    string Key,
    string Title,
    ReportChartKind Kind,
    IReadOnlyList<string> Categories,
    IReadOnlyList<ReportSeries> Series,
    string TextAlternative,
    string TableKey,
    string? ValueAxisLabel);

/// <summary>One series of a chart: a value per category, null where there is none to draw (suppressed, missing).</summary>
public sealed record ReportSeries(string Name, IReadOnlyList<double?> Values);

/// <summary>
/// The frozen form of a report: System.Text.Json with fixed options, so a published report reads back exactly as
/// written (doubles and the offset of <see cref="ReportDocument.GeneratedAt"/> included) and a missing or null
/// required member is an error, not a silently empty list.
/// </summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(ReportDocument document) => JsonSerializer.Serialize(document, Options);

    /// <exception cref="JsonException">The text is not a whole report.</exception>
    public static ReportDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<ReportDocument>(json, Options) ?? throw new JsonException("Rapporten saknas (null).");
}
