using System.Globalization;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.Statistics;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Infrastructure.Disclosure;
using Arbetsvagen.Infrastructure.Documents;

namespace Arbetsvagen.Features.RegionalReport;

/// <summary>
/// Turns counts into report tables and charts. New counts of people (case outcomes, job-track candidates, young people)
/// are protected like the target-group tables: every municipality's row × kön table and the collaboration's sum of them
/// are one set of <see cref="LinkedTables"/>, so a count of 1–4 is "&lt;5" and no hidden cell can be worked out from a
/// total or from another municipality's page. Tables that already come protected (<see cref="StatTable"/>) keep their texts.
/// </summary>
public static class ReportTables
{
    public static readonly Gender[] Genders = TargetStatuses.Genders;

    public static string Count(long value) => value.ToString("#,0", SwedishCollation.Culture);

    /// <summary>A shown text as a cell: a number ("1 234", "12,5 %") keeps its value, anything else ("&lt;5", "..", "–") is text.</summary>
    public static ReportCell Cell(string text)
    {
        var plain = text.Replace("%", "", StringComparison.Ordinal).Replace('\u00a0', ' ').Replace('\u202f', ' ').Replace(" ", "", StringComparison.Ordinal).Trim();
        return plain.Length > 0 && plain.All(c => char.IsDigit(c) || c is ',' or '-') && plain != "-"
               && double.TryParse(plain, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, SwedishCollation.Culture, out var v)
            ? ReportCell.Number(text, v)
            : ReportCell.Label(text);
    }

    public static ReportTable FromStat(StatTable table, string key, string? title = null) => new(key, title ?? table.Title, table.Columns,
        table.Rows.Select(r => (IReadOnlyList<ReportCell>)[ReportCell.Label(r.Label), .. r.Cells.Select(Cell)]).ToList(), table.Note);

    /// <summary>
    /// Protects row × kön counts of each municipality and their sum together and answers a table per municipality (in the
    /// order given) and last the collaboration's, each with a total row and column.
    /// </summary>
    public static List<ReportTable> Protected(string key, string title, string rowHeader, IReadOnlyList<string> rowLabels,
        IReadOnlyList<(string Key, long[,] Counts)> municipalities, string totalKey, int threshold, string? note)
    {
        var rows = rowLabels.Count;
        var total = new long[rows, Genders.Length];
        foreach (var (_, counts) in municipalities)
        {
            for (var r = 0; r < rows; r++)
            {
                for (var g = 0; g < Genders.Length; g++)
                {
                    total[r, g] += counts[r, g];
                }
            }
        }

        var linked = new LinkedTables();
        var crosses = municipalities.Select(m => linked.AddCrossTable(m.Counts)).ToList();
        var sum = linked.AddCrossTable(total);
        if (municipalities.Count > 0)
        {
            linked.SumTables(sum, crosses);
        }

        crosses.Add(sum);
        var suppression = linked.Protect(threshold);
        var keys = municipalities.Select(m => m.Key).Append(totalKey).ToList();
        List<string> columns = [rowHeader, .. Genders.Select(TargetStatuses.Plural), "Totalt"];
        return crosses.Select((cross, i) =>
        {
            var tableRows = new List<IReadOnlyList<ReportCell>>();
            for (var r = 0; r <= rows; r++)
            {
                var cells = new List<ReportCell> { ReportCell.Label(r < rows ? rowLabels[r] : "Totalt") };
                for (var c = 0; c <= Genders.Length; c++)
                {
                    var cell = r < rows
                        ? c < Genders.Length ? cross.Cells[r, c] : cross.RowTotals[r]
                        : c < Genders.Length ? cross.ColumnTotals[c] : cross.Grand;
                    var value = linked.Values[cell];
                    cells.Add(suppression.IsHidden(cell) ? ReportCell.Label(suppression.Show(cell, value)) : ReportCell.Number(Count(value), value));
                }

                tableRows.Add(cells);
            }

            return new ReportTable($"{keys[i]}-{key}", title, columns, tableRows, note);
        }).ToList();
    }

    /// <summary>A grouped bar chart of a table's kvinnor and män per row (the total row left out), with its text alternative.</summary>
    public static ReportChart GenderChart(ReportTable table, string title, string valueAxis)
    {
        var rows = table.Rows.Where(r => r[0].Text != "Totalt").ToList();
        var women = table.Columns.ToList().IndexOf(TargetStatuses.Plural(Gender.Woman));
        var men = table.Columns.ToList().IndexOf(TargetStatuses.Plural(Gender.Man));
        var categories = rows.Select(r => r[0].Text).ToList();
        var series = new List<ReportSeries>
        {
            new("Kvinnor", rows.Select(r => r[women].Value).ToList()),
            new("Män", rows.Select(r => r[men].Value).ToList()),
        };
        var words = string.Join("; ", rows.Select(r => $"{r[0].Text}: kvinnor {r[women].Text}, män {r[men].Text}"));
        var text = $"Stapeldiagram: {title}, kvinnor och män sida vid sida. {words}." +
                   (rows.Any(r => r[women].Value is null || r[men].Value is null) ? " Dolda antal (<5 eller ..) ritas inte." : "");
        return new ReportChart($"{table.Key}-diagram", title, ReportChartKind.GroupedBar, categories, series, text, table.Key, valueAxis);
    }

    /// <summary>A bar chart of one column of a table (e.g. jobs per occupation field), with its text alternative.</summary>
    public static ReportChart BarChart(ReportTable table, int column, string title, string valueAxis, int take)
    {
        var rows = table.Rows.Where(r => r[0].Text != "Totalt").Take(take).ToList();
        var words = string.Join("; ", rows.Select(r => $"{r[0].Text}: {r[column].Text}"));
        return new ReportChart($"{table.Key}-diagram", title, ReportChartKind.Bar, rows.Select(r => r[0].Text).ToList(),
            [new ReportSeries(table.Columns[column], rows.Select(r => r[column].Value).ToList())],
            $"Stapeldiagram: {title}. {(words.Length > 0 ? words : "Inga värden")}.", table.Key, valueAxis);
    }
}
