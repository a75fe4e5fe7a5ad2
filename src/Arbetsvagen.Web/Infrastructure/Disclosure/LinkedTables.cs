using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace Arbetsvagen.Infrastructure.Disclosure;

/// <summary>
/// Counts that will be published together — one table or several that share totals — as cells and the sums that bind
/// them ("this total is the sum of those parts"). <see cref="Protect"/> decides which cells to hide: every count of
/// 1 up to the threshold (primary suppression), then enough other cells that no hidden count can be worked out from the
/// published ones (secondary suppression), checked by solving the attacker's bounds (<see cref="AttackerBounds"/>).
/// </summary>
public sealed class LinkedTables
{
    private readonly List<long> values = [];
    private readonly List<bool> isTotal = [];
    private readonly List<(int Total, int[] Parts)> sums = [];

    public IReadOnlyList<long> Values => values;
    public IReadOnlyList<(int Total, int[] Parts)> Sums => sums;

    /// <summary>Adds a published count and answers its cell number.</summary>
    public int Add(long value, bool total = false)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(value), "A count cannot be negative.");
        }

        values.Add(value);
        isTotal.Add(total);
        return values.Count - 1;
    }

    /// <summary>States that one cell is the sum of others (the values must agree).</summary>
    public void Sum(int total, IEnumerable<int> parts)
    {
        var list = parts.ToArray();
        if (list.Sum(p => values[p]) != values[total])
        {
            throw new InvalidOperationException($"Cell {total} ({values[total]}) is not the sum of its parts ({list.Sum(p => values[p])}).");
        }

        isTotal[total] = true;
        sums.Add((total, list));
    }

    /// <summary>A rows × columns table with a total per row, per column and overall; answers its cell numbers.</summary>
    public CrossTable AddCrossTable(long[,] counts)
    {
        var rows = counts.GetLength(0);
        var columns = counts.GetLength(1);
        var cells = new int[rows, columns];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                cells[r, c] = Add(counts[r, c]);
            }
        }

        var rowTotals = new int[rows];
        for (var r = 0; r < rows; r++)
        {
            var row = Enumerable.Range(0, columns).Select(c => cells[r, c]).ToArray();
            rowTotals[r] = Add(row.Sum(i => values[i]), total: true);
            Sum(rowTotals[r], row);
        }

        var columnTotals = new int[columns];
        for (var c = 0; c < columns; c++)
        {
            var column = Enumerable.Range(0, rows).Select(r => cells[r, c]).ToArray();
            columnTotals[c] = Add(column.Sum(i => values[i]), total: true);
            Sum(columnTotals[c], column);
        }

        var grand = Add(rowTotals.Sum(i => values[i]), total: true);
        Sum(grand, rowTotals);
        Sum(grand, columnTotals);
        return new CrossTable(cells, rowTotals, columnTotals, grand);
    }

    /// <summary>States that each cell of <paramref name="total"/> is the sum of the same cell in <paramref name="parts"/>
    /// (e.g. the collaboration's table is the sum of its municipalities' tables).</summary>
    public void SumTables(CrossTable total, IReadOnlyList<CrossTable> parts)
    {
        foreach (var (cell, index) in total.AllCells().Select((c, i) => (c, i)))
        {
            Sum(cell, parts.Select(p => p.AllCells()[index]));
        }
    }

    /// <summary>
    /// Decides what to hide. Primary: every count from 1 up to <paramref name="threshold"/> − 1. Secondary: while a sum has
    /// exactly one hidden cell, hide another of it (the smallest non-zero inner cell, else a total), then solve each hidden
    /// cell's bounds from everything published and hide more beside any cell the bounds pin, until none is pinned. When
    /// nothing visible is left to hide — a few small counts whose small total ("&lt;5") pins them all, like four ones under a
    /// total of four — the largest small total joined to it is shown as ".." instead of "&lt;5" (masked), so its upper bound
    /// is no longer known.
    /// </summary>
    public Suppression Protect(int threshold)
    {
        // The same counts and sums always get the same cells hidden: a page read again (by anyone) is not solved again.
        var key = Key(threshold);
        if (Solved.TryGetValue(key, out Suppression? known))
        {
            return known!;
        }

        var solved = Solve(threshold);
        Solved.Set(key, solved, new MemoryCacheEntryOptions { Size = 1, SlidingExpiration = TimeSpan.FromHours(1) });
        return solved;
    }

    /// <summary>Solved protections by their tables: counts only, never a person; at most a few thousand kept.</summary>
    private static readonly MemoryCache Solved = new(new MemoryCacheOptions { SizeLimit = 2_000 });

    private string Key(int threshold)
    {
        var key = new StringBuilder().Append(threshold).Append(';');
        for (var i = 0; i < values.Count; i++)
        {
            key.Append(values[i]).Append(isTotal[i] ? 't' : ',');
        }

        foreach (var (total, parts) in sums)
        {
            key.Append(';').Append(total).Append('=').AppendJoin('+', parts);
        }

        // Hashed, so that a large set of tables is kept as 32 bytes, not as its text.
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key.ToString())));
    }

    private Suppression Solve(int threshold)
    {
        var hidden = values.Select(v => v > 0 && v < threshold).ToArray();
        var primary = (bool[])hidden.Clone();
        var masked = new bool[values.Count];
        while (true)
        {
            CloseSingleGaps(hidden);
            var pinned = Enumerable.Range(0, values.Count).Where(i => hidden[i])
                .FirstOrDefault(i => AttackerBounds.IsPinned(this, hidden, primary, masked, threshold, i), -1);
            if (pinned < 0)
            {
                return new Suppression(hidden, primary, masked, threshold);
            }

            // Widen the pinned cell's room: hide the smallest visible cell in a sum it takes part in — or, when those are
            // all hidden already, in a sum one step further out, and so on; failing that, mask the nearest small total.
            var partner = Nearest(pinned, i => !hidden[i] && values[i] > 0);
            if (partner >= 0)
            {
                hidden[partner] = true;
                continue;
            }

            var small = Linked(pinned).Where(i => primary[i] && !masked[i])
                .OrderByDescending(i => isTotal[i]).ThenByDescending(i => values[i]).ThenBy(i => i).FirstOrDefault(-1);
            if (small < 0)
            {
                throw new InvalidOperationException($"Cell {pinned} cannot be protected by hiding more.");
            }

            masked[small] = true;
        }
    }

    /// <summary>Every cell joined to <paramref name="from"/> by a chain of sums.</summary>
    private HashSet<int> Linked(int from)
    {
        var reached = new HashSet<int> { from };
        var frontier = new List<int> { from };
        while (frontier.Count > 0)
        {
            frontier = sums.Where(s => frontier.Contains(s.Total) || s.Parts.Any(frontier.Contains))
                .SelectMany(s => s.Parts.Append(s.Total)).Where(reached.Add).ToList();
        }

        return reached;
    }

    /// <summary>The nearest cell (by the sums that link them) that <paramref name="may"/> allows: totals last, small values first.</summary>
    private int Nearest(int from, Func<int, bool> may)
    {
        var reached = new HashSet<int> { from };
        var frontier = new List<int> { from };
        while (frontier.Count > 0)
        {
            var next = sums.Where(s => frontier.Contains(s.Total) || s.Parts.Any(frontier.Contains))
                .SelectMany(s => s.Parts.Append(s.Total)).Where(reached.Add).ToList();
            var visible = next.Where(may).OrderBy(i => isTotal[i]).ThenBy(i => values[i]).ThenBy(i => i).FirstOrDefault(-1);
            if (visible >= 0)
            {
                return visible;
            }

            frontier = next;
        }

        return -1;
    }

    /// <summary>
    /// While some sum has exactly one hidden member, hides another member of such a sum: the one that closes the most of
    /// them at once (so a row total that closes both its row and the column of totals is preferred to two cells), then a
    /// non-zero before a zero, an inner cell before a total, the smaller value first.
    /// </summary>
    private void CloseSingleGaps(bool[] hidden)
    {
        while (true)
        {
            var gaps = sums.Select(s => s.Parts.Append(s.Total).ToArray()).Where(members => members.Count(i => hidden[i]) == 1).ToList();
            if (gaps.Count == 0)
            {
                return;
            }

            var closes = gaps.SelectMany(members => members.Where(i => !hidden[i])).GroupBy(i => i).ToDictionary(g => g.Key, g => g.Count());
            if (closes.Count == 0)
            {
                return;
            }

            var pick = closes.Keys.OrderBy(i => values[i] == 0).ThenByDescending(i => closes[i]).ThenBy(i => isTotal[i]).ThenBy(i => values[i]).ThenBy(i => i).First();
            hidden[pick] = true;
        }
    }
}

/// <summary>The cell numbers of a cross table: inner cells, row totals, column totals and the grand total.</summary>
public sealed record CrossTable(int[,] Cells, int[] RowTotals, int[] ColumnTotals, int Grand)
{
    /// <summary>Every cell in a fixed order: inner row by row, row totals, column totals, grand total.</summary>
    public int[] AllCells() => Cells.Cast<int>().Concat(RowTotals).Concat(ColumnTotals).Append(Grand).ToArray();
}

/// <summary>Which cells are hidden, which are small (1 up to the threshold), which small ones are masked, and how a cell is shown.</summary>
public sealed record Suppression(bool[] Hidden, bool[] Primary, bool[] Masked, int Threshold)
{
    public bool IsHidden(int cell) => Hidden[cell];

    /// <summary>The cells shown as "&lt;5": small and not masked.</summary>
    public bool[] ShownSmall => Primary.Select((p, i) => p && !Masked[i]).ToArray();

    /// <summary>"&lt;5" for a small count, ".." for one hidden to protect another (or a masked small one), else the count
    /// with a space per thousand.</summary>
    public string Show(int cell, long value) =>
        !Hidden[cell] ? value.ToString("#,0", SwedishCollation.Culture) : Primary[cell] && !Masked[cell] ? $"<{Threshold}" : "..";

    public int HiddenCount => Hidden.Count(h => h);
}
