using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Infrastructure.Disclosure;

namespace Arbetsvagen.Features.Statistics;

/// <summary>A shown cell: its text ("12", "&lt;5", "..", "33,3 %"), its count when published, and — for a register
/// figure a permitted reader may open — the address of the list of people behind it (ids and codes only).</summary>
public sealed record FollowUpCell(string Text, long? Value, string? People = null);

public sealed record FollowUpRow(string Key, string Label, List<FollowUpCell> Cells);

/// <summary>One follow-up table with its definition, period and source, so that every figure can be traced. When the columns
/// are a breakdown crossed with gender, <see cref="Groups"/> names each group of columns (for a two-level heading).</summary>
public sealed record FollowUpTable(string Key, string Title, string Definition, string Period, string Source, List<string> Columns,
    List<FollowUpRow> Rows, string? Note, List<FollowUpColumnGroup>? Groups = null);

/// <summary>A group of adjacent columns under one heading (e.g. "16–19 år" over Kvinnor, Män, Uppgift saknas).</summary>
public sealed record FollowUpColumnGroup(string Label, List<string> Columns);

/// <summary>A column or row of a follow-up table: a stable key (used in drill-down addresses) and its Swedish label.</summary>
public sealed record FollowUpCategory(string Key, string Label);

/// <summary>How the follow-up tables are split: by gender (default), or by age band, home municipality, target group
/// (Arbetsförmedlingen status), activity kind or provider — each of those crossed with gender.</summary>
public enum FollowUpBreakdown
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Kön")] Gender,
    [System.ComponentModel.DataAnnotations.Display(Name = "Åldersgrupp")] AgeBand,
    [System.ComponentModel.DataAnnotations.Display(Name = "Kommun")] Municipality,
    [System.ComponentModel.DataAnnotations.Display(Name = "Målgrupp")] TargetGroup,
    [System.ComponentModel.DataAnnotations.Display(Name = "Insatstyp")] ActivityKind,
    [System.ComponentModel.DataAnnotations.Display(Name = "Anordnare")] Provider,
}

/// <summary>
/// The pieces of the follow-up tables: the categories, the age bands, the quartile rule, and the protection of counts with
/// <see cref="LinkedTables"/> (1–4 hidden as "&lt;5", and partners hidden as ".." so that no hidden count can be worked
/// out from the sums published with it).
/// </summary>
public static class FollowUpTables
{
    public const string Other = "annan";

    /// <summary>The column of people with no plan activity in the period (activity kind and provider breakdowns).</summary>
    public const string NoActivity = "ingen";

    /// <summary>The column of the providers not shown one by one.</summary>
    public const string OtherProviders = "ovriga";

    public const int MaxProviders = 8;

    public static string TargetGroupLabel(string key) => key == Other ? "Annan status eller ej inskriven" : TargetStatuses.Label(Enum.Parse<AfStatus>(key));

    /// <summary>The age bands of issue 11 (age at the end of the period's last year); everyone else is "annan".</summary>
    public static readonly (string Key, int From, int To)[] AgeBands =
        [("16-19", 16, 19), ("20-24", 20, 24), ("25-29", 25, 29), ("30-39", 30, 39), ("40-49", 40, 49), ("50-64", 50, 64)];

    /// <summary>The age band of someone born in <paramref name="birthYear"/> at the end of <paramref name="year"/>.</summary>
    public static string AgeBandOf(int? birthYear, int year) =>
        birthYear is { } born && AgeBands.Where(b => year - born >= b.From && year - born <= b.To).Select(b => b.Key).FirstOrDefault() is { } key ? key : Other;

    public static string GenderKey(Gender gender) => gender switch
    {
        Gender.Woman => "kvinna",
        Gender.Man => "man",
        _ => "okant",
    };

    public static Gender? GenderOf(string key) => TargetStatuses.Genders.Cast<Gender?>().FirstOrDefault(g => GenderKey(g!.Value) == key);

    public static string AgeBandLabel(string key) => key == Other ? "Annan ålder eller uppgift saknas" : key.Replace('-', '–') + " år";

    public static List<FollowUpCategory> Genders() => TargetStatuses.Genders.Select(g => new FollowUpCategory(GenderKey(g), TargetStatuses.Plural(g))).ToList();

    /// <summary>The breakdown's own categories (not crossed with gender); for activity kinds and providers those given.</summary>
    public static List<FollowUpCategory> Bases(FollowUpBreakdown by, IReadOnlyList<string> municipalityCodes, IReadOnlyList<FollowUpCategory>? found = null) => by switch
    {
        FollowUpBreakdown.Gender => [],
        FollowUpBreakdown.AgeBand => [.. AgeBands.Select(b => new FollowUpCategory(b.Key, AgeBandLabel(b.Key))), new(Other, AgeBandLabel(Other))],
        FollowUpBreakdown.Municipality => [.. municipalityCodes.Select(c => new FollowUpCategory(c, ReferenceData.Instance.MunicipalityName(c))), new(Other, "Annan kommun")],
        FollowUpBreakdown.TargetGroup => [.. TargetStatuses.All.Select(s => new FollowUpCategory(s.ToString(), TargetGroupLabel(s.ToString()))), new(Other, TargetGroupLabel(Other))],
        _ => [.. found ?? []],
    };

    /// <summary>The columns of a breakdown: the genders, or each of the breakdown's categories crossed with gender, so that every
    /// table is split by gender (key "kategori.kön", label "Kategori: Kvinnor").</summary>
    public static List<FollowUpCategory> Categories(FollowUpBreakdown by, IReadOnlyList<string> municipalityCodes, IReadOnlyList<FollowUpCategory>? found = null) =>
        by == FollowUpBreakdown.Gender ? Genders() : Cross(Bases(by, municipalityCodes, found));

    public static List<FollowUpCategory> Cross(IEnumerable<FollowUpCategory> bases) =>
        bases.SelectMany(b => Genders().Select(g => new FollowUpCategory($"{b.Key}.{g.Key}", $"{b.Label}: {g.Label}"))).ToList();

    /// <summary>The heading groups of crossed columns (null for the genders alone).</summary>
    public static List<FollowUpColumnGroup>? Groups(IReadOnlyList<FollowUpCategory> columns)
    {
        if (columns.All(c => !c.Key.Contains('.', StringComparison.Ordinal)))
        {
            return null;
        }

        return columns.GroupBy(c => c.Label[..c.Label.LastIndexOf(':')], StringComparer.Ordinal)
            .Select(g => new FollowUpColumnGroup(g.Key, g.Select(c => c.Label[(c.Label.LastIndexOf(':') + 2)..]).ToList())).ToList();
    }

    /// <summary>A crossed key's two parts: the breakdown's category (empty for a gender alone) and the gender key.</summary>
    public static (string Base, string Gender) Split(string key) =>
        key.LastIndexOf('.') is var i and >= 0 ? (key[..i], key[(i + 1)..]) : ("", key);

    /// <summary>
    /// Quartiles by linear interpolation between the closest ranks (R's type 7, Excel's KVARTIL.INK): for the p-quantile
    /// of n sorted values, h = (n − 1)·p and the value lies between x[⌊h⌋] and x[⌊h⌋ + 1].
    /// </summary>
    public static (double Q1, double Median, double Q3)? Quartiles(IReadOnlyList<int> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.OrderBy(v => v).ToArray();
        return (Quantile(sorted, 0.25), Quantile(sorted, 0.5), Quantile(sorted, 0.75));

        static double Quantile(int[] x, double p)
        {
            var h = (x.Length - 1) * p;
            var low = (int)Math.Floor(h);
            var high = Math.Min(low + 1, x.Length - 1);
            return x[low] + ((h - low) * (x[high] - x[low]));
        }
    }

    public const string QuartileRule = "Kvartiler med linjär interpolation mellan närmaste värden (som Excels KVARTIL.INK), avrundade till hela dagar.";

    public static string Days(double days) => Math.Round(days, MidpointRounding.AwayFromZero).ToString("#,0", SwedishCollation.Culture);

    /// <summary>A grid of published cells in a <see cref="LinkedTables"/>: inner cells, and the totals it has.</summary>
    public sealed record Grid(int[,] Cells, int[]? RowTotals, int[]? ColumnTotals, int? Grand);

    /// <summary>Rows × columns with a total per row, per column and overall — or, when the columns overlap (a person counted
    /// under each of their activity kinds) and so do not add up, with column totals only.</summary>
    public static Grid Cross(LinkedTables linked, long[,] counts, bool rowTotals = true)
    {
        if (rowTotals)
        {
            var cross = linked.AddCrossTable(counts);
            return new Grid(cross.Cells, cross.RowTotals, cross.ColumnTotals, cross.Grand);
        }

        var rows = counts.GetLength(0);
        var columns = counts.GetLength(1);
        var cells = new int[rows, columns];
        var totals = new int[columns];
        for (var c = 0; c < columns; c++)
        {
            var column = new int[rows];
            for (var r = 0; r < rows; r++)
            {
                column[r] = cells[r, c] = linked.Add(counts[r, c]);
            }

            totals[c] = linked.Add(column.Sum(i => linked.Values[i]), total: true);
            linked.Sum(totals[c], column);
        }

        return new Grid(cells, null, totals, null);
    }

    /// <summary>Rows × columns with a total per row only (e.g. the stock at each month's end, which does not add up over months),
    /// or no totals at all when the columns overlap.</summary>
    public static Grid RowsOnly(LinkedTables linked, long[,] counts, bool rowTotals = true)
    {
        var rows = counts.GetLength(0);
        var columns = counts.GetLength(1);
        var cells = new int[rows, columns];
        var totals = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            var row = new int[columns];
            for (var c = 0; c < columns; c++)
            {
                row[c] = cells[r, c] = linked.Add(counts[r, c]);
            }

            if (rowTotals)
            {
                totals[r] = linked.Add(row.Sum(i => linked.Values[i]), total: true);
                linked.Sum(totals[r], row);
            }
        }

        return new Grid(cells, rowTotals ? totals : null, null, null);
    }

    public delegate string? PeopleLink(string rowKey, string columnKey);

    /// <summary>The table's rows as shown: each count protected, a "Totalt" column and row where the grid has them.</summary>
    public static List<FollowUpRow> Show(Grid grid, LinkedTables linked, Suppression suppression, IReadOnlyList<FollowUpCategory> rows,
        IReadOnlyList<FollowUpCategory> columns, PeopleLink? people = null)
    {
        var result = new List<FollowUpRow>();
        for (var r = 0; r < rows.Count; r++)
        {
            var cells = new List<FollowUpCell>();
            for (var c = 0; c < columns.Count; c++)
            {
                cells.Add(Cell(grid.Cells[r, c], rows[r].Key, columns[c].Key));
            }

            if (grid.RowTotals is { } totals)
            {
                cells.Add(Cell(totals[r], rows[r].Key, ""));
            }

            result.Add(new FollowUpRow(rows[r].Key, rows[r].Label, cells));
        }

        if (grid.ColumnTotals is { } columnTotals)
        {
            var cells = columns.Select((column, c) => Cell(columnTotals[c], "", column.Key)).ToList();
            if (grid.Grand is { } grand)
            {
                cells.Add(Cell(grand, "", ""));
            }

            result.Add(new FollowUpRow("", "Totalt", cells));
        }

        return result;

        FollowUpCell Cell(int cell, string rowKey, string columnKey)
        {
            var value = linked.Values[cell];
            var hidden = suppression.IsHidden(cell);
            return new FollowUpCell(suppression.Show(cell, value), hidden ? null : value, hidden || value == 0 ? null : people?.Invoke(rowKey, columnKey));
        }
    }

    /// <summary>A share row: part ÷ whole per column, shown only when both counts are published.</summary>
    public static FollowUpRow ShareRow(string label, FollowUpRow part, FollowUpRow whole) =>
        new("andel", label, part.Cells.Zip(whole.Cells, (p, w) => p.Value is { } a && w.Value is { } b
            ? new FollowUpCell(Shares.Show(Shares.Of(a, b)), null)
            : new FollowUpCell("..", null)).ToList());

    public static List<string> Columns(string first, IEnumerable<FollowUpCategory> categories, bool total = true) =>
        [first, .. categories.Select(c => c.Label), .. total ? new[] { "Totalt" } : []];

    public const string Overlapping = "En person med insatser av flera slag (hos flera anordnare) räknas under vart och ett, så kolumnerna summeras inte till ett totalt antal.";

    public const string SmallCounts = "Antal 1–4 visas som ”<5”; ”..” döljs för att en liten cell inte ska kunna räknas fram ur summorna.";
}
