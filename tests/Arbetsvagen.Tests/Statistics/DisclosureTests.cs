using Arbetsvagen.Infrastructure.Disclosure;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;

namespace Arbetsvagen.Tests.Statistics;

/// <summary>
/// Small-count protection with secondary suppression (issue 11 §4), tested the way statistical offices audit it: for
/// every hidden cell, what an attacker who reads all published cells and sums can prove. The product's own linear
/// program is checked against an independent brute-force enumeration of every whole-number table consistent with what
/// is published, for hundreds of random tables.
/// </summary>
public sealed class DisclosureTests
{
    private const int Threshold = 5;

    [Fact]
    public void A_table_without_small_counts_hides_nothing_and_shows_thousands_with_a_space()
    {
        var tables = new LinkedTables();
        var t = tables.AddCrossTable(new long[,] { { 12, 1200 }, { 0, 7 } });
        var s = tables.Protect(Threshold);

        Assert.Equal(0, s.HiddenCount);
        Assert.Equal("1\u00a0200", s.Show(t.Cells[0, 1], 1200));
    }

    [Fact]
    public void The_same_counts_and_sums_are_solved_once_and_any_other_count_is_solved_anew()
    {
        static Suppression Solve(long corner)
        {
            var tables = new LinkedTables();
            tables.AddCrossTable(new long[,] { { 3, 40, 17 }, { 25, corner, 9 }, { 11, 8, 2 } });
            return tables.Protect(Threshold);
        }

        var first = Solve(30);
        Assert.Same(first, Solve(30));
        var other = Solve(31);
        Assert.NotSame(first, other);
        Assert.Equal(first.Hidden, other.Hidden); // the same pattern here, but solved for its own counts
        Assert.NotSame(first, Solve(4)); // and a new small count changes what is hidden
        Assert.NotEqual(first.Hidden, Solve(4).Hidden);
    }

    [Fact]
    public void Hiding_only_the_small_count_lets_the_row_total_give_it_away()
    {
        // The naive rule: hide 3, publish the rest. Row total 15 − 12 = 3.
        var tables = new LinkedTables();
        var t = tables.AddCrossTable(new long[,] { { 3, 12 }, { 20, 30 } });
        var naive = new bool[tables.Values.Count];
        naive[t.Cells[0, 0]] = true;
        var primary = (bool[])naive.Clone();

        Assert.Equal((3.0, 3.0), AttackerBounds.Of(tables, naive, primary, Threshold, t.Cells[0, 0]));
        Assert.True(AttackerBounds.IsPinned(tables, naive, primary, new bool[primary.Length], Threshold, t.Cells[0, 0]));

        var s = tables.Protect(Threshold);
        Assert.True(s.IsHidden(t.Cells[0, 0]));
        Assert.Equal("<5", s.Show(t.Cells[0, 0], 3));
        Assert.True(s.HiddenCount >= 4, "a hidden cell in a 2 × 2 table needs a rectangle of four");
        foreach (var cell in Enumerable.Range(0, tables.Values.Count).Where(s.IsHidden))
        {
            Assert.False(AttackerBounds.IsPinned(tables, s.Hidden, s.Primary, s.Masked, Threshold, cell));
        }

        Assert.Equal("..", s.Show(t.Cells[1, 1], 30));
    }

    [Fact]
    public void Four_ones_under_a_total_of_four_are_protected_by_showing_the_total_as_dots_not_as_less_than_five()
    {
        // Every cell and total is small, so nothing visible is left to hide; yet "<5" on the grand total says the four
        // cells sum to at most 4, and each is at least 1 — so each is exactly 1. The grand total must not say "<5".
        var tables = new LinkedTables();
        var t = tables.AddCrossTable(new long[,] { { 1, 1 }, { 1, 1 } });
        var everything = Enumerable.Repeat(true, tables.Values.Count).ToArray();
        Assert.True(AttackerBounds.IsPinned(tables, everything, everything, new bool[everything.Length], Threshold, t.Cells[0, 0]));

        var s = tables.Protect(Threshold);

        Assert.Equal("..", s.Show(t.Grand, 4));
        Assert.Equal("<5", s.Show(t.Cells[0, 0], 1));
        foreach (var cell in Enumerable.Range(0, tables.Values.Count).Where(s.IsHidden))
        {
            Assert.False(AttackerBounds.IsPinned(tables, s.Hidden, s.Primary, s.Masked, Threshold, cell));
            var (low, high) = AttackerBounds.Of(tables, s.Hidden, s.ShownSmall, Threshold, cell);
            Assert.True(high - low >= 1, $"cell {cell} is pinned to [{low}, {high}]");
        }
    }

    [Fact]
    public void A_municipality_cell_cannot_be_recovered_from_the_collaborations_table_published_beside_it()
    {
        // Two municipalities and their sum. In Täby nothing is small; in Vaxholm one cell is 2. Without linking the
        // tables, hiding a rectangle inside Vaxholm's table leaves the collaboration's cell minus Täby's = Vaxholm's.
        var tables = new LinkedTables();
        long[,] taby = { { 40, 35, 22 }, { 18, 51, 9 } };
        long[,] vaxholm = { { 2, 11, 6 }, { 8, 14, 7 } };
        var a = tables.AddCrossTable(taby);
        var b = tables.AddCrossTable(vaxholm);
        var sum = tables.AddCrossTable(Add(taby, vaxholm));
        tables.SumTables(sum, [a, b]);

        var s = tables.Protect(Threshold);

        Assert.True(s.IsHidden(b.Cells[0, 0]));
        Assert.True(s.IsHidden(sum.Cells[0, 0]) || s.IsHidden(a.Cells[0, 0]), "the same cell of another table must hide too");
        foreach (var cell in Enumerable.Range(0, tables.Values.Count).Where(s.IsHidden))
        {
            var (low, high) = AttackerBounds.Of(tables, s.Hidden, s.ShownSmall, Threshold, cell);
            Assert.True(high - low >= 1, $"cell {cell} ({tables.Values[cell]}) is pinned to [{low}, {high}]");
        }
    }

    [Fact]
    public void Random_tables_audited_by_brute_force_leave_every_hidden_cell_at_least_two_possible_values()
    {
        // No database is involved: the enumeration (about 15 s) runs in the SQLite pass only.
        Assert.SkipWhen(TestDatabase.CurrentProvider == DatabaseProvider.Postgres, "database-independent; runs in the SQLite pass");
        var random = new Random(20261207);
        var audited = 0;
        for (var round = 0; round < 200; round++)
        {
            var rows = random.Next(2, 4);
            var columns = random.Next(2, 4);
            var counts = new long[rows, columns];
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    // Mostly small numbers and zeros: the hard cases.
                    counts[r, c] = random.Next(4) == 0 ? 0 : random.Next(1, 12);
                }
            }

            var tables = new LinkedTables();
            var t = tables.AddCrossTable(counts);
            var s = tables.Protect(Threshold);

            // Every 1–4 is hidden and shown as "<5".
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    Assert.Equal(counts[r, c] is > 0 and < Threshold, s.Primary[t.Cells[r, c]]);
                    Assert.True(!s.Primary[t.Cells[r, c]] || s.IsHidden(t.Cells[r, c]));
                }
            }

            var possible = BruteForce(tables, t, s, counts);
            foreach (var cell in Enumerable.Range(0, tables.Values.Count).Where(s.IsHidden))
            {
                Assert.True(possible[cell].Count >= 2,
                    $"round {round}: cell {cell} (true {tables.Values[cell]}) can only be {string.Join(",", possible[cell])}");
                Assert.Contains(tables.Values[cell], possible[cell]);

                // The product's linear program is a relaxation of the same knowledge: its interval holds every value found.
                var (low, high) = AttackerBounds.Of(tables, s.Hidden, s.ShownSmall, Threshold, cell);
                Assert.True(low <= possible[cell].Min() + 1e-6 && high >= possible[cell].Max() - 1e-6,
                    $"round {round}: cell {cell}: [{low}, {high}] against {string.Join(",", possible[cell])}");
                audited++;
            }
        }

        Assert.True(audited > 200, $"only {audited} hidden cells were audited");
    }

    [Fact]
    public void The_linear_program_finds_the_exact_interval_of_a_textbook_table()
    {
        // Hidden rectangle {a, b; c, d} with row sums 10 and 9, column sums 7 and 12: a ∈ [0, 7], as worked by hand.
        var tables = new LinkedTables();
        var t = tables.AddCrossTable(new long[,] { { 5, 5, 20 }, { 2, 7, 20 } });
        var hidden = new bool[tables.Values.Count];
        foreach (var cell in new[] { t.Cells[0, 0], t.Cells[0, 1], t.Cells[1, 0], t.Cells[1, 1] })
        {
            hidden[cell] = true;
        }

        var none = new bool[tables.Values.Count];
        Assert.Equal((0.0, 7.0), AttackerBounds.Of(tables, hidden, none, Threshold, t.Cells[0, 0]));
        Assert.Equal((3.0, 10.0), AttackerBounds.Of(tables, hidden, none, Threshold, t.Cells[0, 1]));
    }

    private static long[,] Add(long[,] x, long[,] y)
    {
        var sum = new long[x.GetLength(0), x.GetLength(1)];
        for (var r = 0; r < x.GetLength(0); r++)
        {
            for (var c = 0; c < x.GetLength(1); c++)
            {
                sum[r, c] = x[r, c] + y[r, c];
            }
        }

        return sum;
    }

    /// <summary>
    /// Every whole-number table consistent with the published cells and with what the symbols say ("&lt;5" is 1–4; ".." is
    /// 0 or at least 5 — or anything once a small total has been masked), free inner cells tried from 0 up to what a published total leaves (at most 30 when the grand
    /// total is hidden), and for each cell the values it takes across them.
    /// </summary>
    private static Dictionary<int, HashSet<long>> BruteForce(LinkedTables tables, CrossTable t, Suppression s, long[,] truth)
    {
        var rows = truth.GetLength(0);
        var columns = truth.GetLength(1);
        var possible = Enumerable.Range(0, tables.Values.Count).ToDictionary(i => i, _ => new HashSet<long>());
        var candidate = new long[rows, columns];
        var rowSum = new long[rows];
        var columnSum = new long[columns];
        var cap = s.IsHidden(t.Grand) ? 30 : tables.Values[t.Grand];

        bool Allowed(int cell, long value) =>
            !s.IsHidden(cell) ? value == tables.Values[cell]
            : s.Primary[cell] && !s.Masked[cell] ? value is > 0 and < Threshold
            : value == 0 || value >= Threshold || s.Masked.Any(m => m);

        void Record()
        {
            long grand = 0;
            for (var c = 0; c < columns; c++)
            {
                if (!Allowed(t.ColumnTotals[c], columnSum[c]))
                {
                    return;
                }

                grand += columnSum[c];
            }

            if (!Allowed(t.Grand, grand))
            {
                return;
            }

            for (var r = 0; r < rows; r++)
            {
                possible[t.RowTotals[r]].Add(rowSum[r]);
                for (var c = 0; c < columns; c++)
                {
                    possible[t.Cells[r, c]].Add(candidate[r, c]);
                }
            }

            for (var c = 0; c < columns; c++)
            {
                possible[t.ColumnTotals[c]].Add(columnSum[c]);
            }

            possible[t.Grand].Add(grand);
        }

        void Fill(int index)
        {
            if (index == rows * columns)
            {
                Record();
                return;
            }

            var row = index / columns;
            var column = index % columns;
            var cell = t.Cells[row, column];
            var rowTotal = s.IsHidden(t.RowTotals[row]) ? (long?)null : tables.Values[t.RowTotals[row]];
            var columnTotal = s.IsHidden(t.ColumnTotals[column]) ? (long?)null : tables.Values[t.ColumnTotals[column]];
            long from = 0, to = Math.Min(cap, Math.Min(rowTotal - rowSum[row] ?? long.MaxValue, columnTotal - columnSum[column] ?? long.MaxValue));
            if (!s.IsHidden(cell))
            {
                from = to = tables.Values[cell];
            }
            else if (column == columns - 1 && rowTotal is { } rt)
            {
                from = to = rt - rowSum[row]; // the last cell of a row with a published total is fixed by it
            }
            else if (row == rows - 1 && columnTotal is { } ct)
            {
                from = to = ct - columnSum[column];
            }

            for (var v = from; v <= to; v++)
            {
                if (!Allowed(cell, v))
                {
                    continue;
                }

                candidate[row, column] = v;
                rowSum[row] += v;
                columnSum[column] += v;
                if (column < columns - 1 || Allowed(t.RowTotals[row], rowSum[row]))
                {
                    Fill(index + 1);
                }

                rowSum[row] -= v;
                columnSum[column] -= v;
            }
        }

        Fill(0);
        return possible;
    }
}
