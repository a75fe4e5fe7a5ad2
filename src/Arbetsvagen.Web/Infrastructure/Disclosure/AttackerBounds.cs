namespace Arbetsvagen.Infrastructure.Disclosure;

/// <summary>
/// What someone who reads every published cell and knows every sum can work out about a hidden cell: its lowest and
/// highest possible value, found by linear programming over the hidden cells (the audit statistical offices run, as in
/// τ-ARGUS and sdcTable). A cell shown as "&lt;5" is known to lie in 1–4; any other hidden cell (".."), only to be ≥ 0.
/// </summary>
public static class AttackerBounds
{
    /// <summary>
    /// True unless the cell provably has another possible value. The attacker's own knowledge is not convex (a ".." cell
    /// is 0 or at least the threshold), so a wide interval from <see cref="Of"/> is not enough; instead each hidden cell is
    /// held to a range inside what the symbols allow — "&lt;5" to 1–4, a ".." cell holding a zero to 0, a masked small one
    /// to at least 1, any other to at least the threshold — and the cell must still be able to move by a whole unit. For tables with margins these
    /// bounds make every corner of the solution space whole numbers, so the other value is a real table.
    /// </summary>
    public static bool IsPinned(LinkedTables tables, bool[] hidden, bool[] primary, bool[] masked, int threshold, int cell)
    {
        var (low, high) = Solve(tables, hidden, cell,
            c => primary[c] ? 1 : tables.Values[c] >= threshold ? threshold : 0,
            c => primary[c] ? masked[c] ? null : threshold - 1 : tables.Values[c] == 0 ? 0 : null);
        return high - low < 1 - 1e-7;
    }

    /// <summary>The interval the attacker can prove for <paramref name="cell"/> by linear programming (high may be +∞);
    /// <paramref name="shownSmall"/> marks the cells shown as "&lt;5".</summary>
    public static (double Low, double High) Of(LinkedTables tables, bool[] hidden, bool[] shownSmall, int threshold, int cell) =>
        Solve(tables, hidden, cell, c => shownSmall[c] ? 1 : 0, c => shownSmall[c] ? threshold - 1 : null);

    private static (double Low, double High) Solve(LinkedTables tables, bool[] hidden, int cell, Func<int, long> lower, Func<int, long?> upper)
    {
        if (!hidden[cell])
        {
            return (tables.Values[cell], tables.Values[cell]);
        }

        // Variables: the hidden cells, shifted so each lower bound is 0; then one slack per finite upper bound.
        var variables = Enumerable.Range(0, hidden.Length).Where(i => hidden[i]).ToArray();
        var column = variables.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i);
        var bounded = variables.Where(v => upper(v) is not null).ToArray();

        var rows = new List<(double[] A, double B)>();
        var n = variables.Length + bounded.Length;
        foreach (var (total, parts) in tables.Sums)
        {
            var a = new double[n];
            double b = 0;
            var any = false;
            foreach (var (c, sign) in parts.Select(p => (p, 1.0)).Append((total, -1.0)))
            {
                if (hidden[c])
                {
                    a[column[c]] += sign;
                    b -= sign * lower(c);
                    any = true;
                }
                else
                {
                    b -= sign * tables.Values[c];
                }
            }

            if (any)
            {
                rows.Add((a, b));
            }
        }

        var slack = variables.Length;
        foreach (var v in bounded)
        {
            var a = new double[n];
            a[column[v]] = 1;
            a[slack++] = 1;
            rows.Add((a, upper(v)!.Value - lower(v)));
        }

        var objective = new double[n];
        objective[column[cell]] = 1;
        var min = Simplex.Minimise(rows, objective) ?? 0;
        objective[column[cell]] = -1;
        var max = Simplex.Minimise(rows, objective) is { } m ? -m : double.PositiveInfinity;
        return (lower(cell) + min, lower(cell) + max);
    }
}

/// <summary>A small dense two-phase simplex (Bland's rule) for min c·x subject to A x = b, x ≥ 0.</summary>
internal static class Simplex
{
    private const double Eps = 1e-9;

    /// <summary>The minimum, or null when unbounded below. The system must be feasible (it is: the true counts solve it).</summary>
    public static double? Minimise(List<(double[] A, double B)> rows, double[] cost)
    {
        var m = rows.Count;
        var n = cost.Length;
        if (m == 0)
        {
            return cost.Any(c => c < -Eps) ? null : 0;
        }

        // Tableau: m constraint rows + 1 objective row; columns: n variables, m artificials, right-hand side.
        var width = n + m + 1;
        var t = new double[m + 1, width];
        var basis = new int[m];
        for (var i = 0; i < m; i++)
        {
            var sign = rows[i].B < 0 ? -1 : 1;
            for (var j = 0; j < n; j++)
            {
                t[i, j] = sign * rows[i].A[j];
            }

            t[i, n + i] = 1;
            t[i, width - 1] = sign * rows[i].B;
            basis[i] = n + i;
        }

        // Phase 1: minimise the artificials' sum.
        for (var j = 0; j < width; j++)
        {
            if (j >= n && j < n + m)
            {
                continue;
            }

            double sum = 0;
            for (var i = 0; i < m; i++)
            {
                sum += t[i, j];
            }

            t[m, j] = -sum;
        }

        if (!Run(t, basis, m, n + m))
        {
            throw new InvalidOperationException("Phase 1 cannot be unbounded.");
        }

        if (-t[m, width - 1] > 1e-6)
        {
            throw new InvalidOperationException("The published figures contradict each other.");
        }

        // Drive artificials out of the basis where a real column can replace them (else the row is redundant).
        for (var i = 0; i < m; i++)
        {
            if (basis[i] < n)
            {
                continue;
            }

            for (var j = 0; j < n; j++)
            {
                if (Math.Abs(t[i, j]) > Eps)
                {
                    Pivot(t, basis, i, j);
                    break;
                }
            }
        }

        // Phase 2: the real objective's reduced costs.
        for (var j = 0; j < width; j++)
        {
            double value = j < n ? cost[j] : 0;
            for (var i = 0; i < m; i++)
            {
                if (basis[i] < n)
                {
                    value -= cost[basis[i]] * t[i, j];
                }
            }

            t[m, j] = j < n || j == width - 1 ? value : 0;
        }

        return Run(t, basis, m, n) ? -t[m, width - 1] : null;
    }

    /// <summary>Pivots until optimal (true) or unbounded (false); only the first <paramref name="columns"/> may enter.</summary>
    private static bool Run(double[,] t, int[] basis, int m, int columns)
    {
        var width = t.GetLength(1);
        while (true)
        {
            var enter = -1;
            for (var j = 0; j < columns; j++)
            {
                if (t[m, j] < -Eps)
                {
                    enter = j;
                    break;
                }
            }

            if (enter < 0)
            {
                return true;
            }

            var leave = -1;
            var best = double.PositiveInfinity;
            for (var i = 0; i < m; i++)
            {
                if (t[i, enter] > Eps)
                {
                    var ratio = t[i, width - 1] / t[i, enter];
                    if (ratio < best - Eps || (Math.Abs(ratio - best) <= Eps && basis[i] < basis[leave]))
                    {
                        best = ratio;
                        leave = i;
                    }
                }
            }

            if (leave < 0)
            {
                return false;
            }

            Pivot(t, basis, leave, enter);
        }
    }

    private static void Pivot(double[,] t, int[] basis, int row, int column)
    {
        var height = t.GetLength(0);
        var width = t.GetLength(1);
        var p = t[row, column];
        for (var j = 0; j < width; j++)
        {
            t[row, j] /= p;
        }

        for (var i = 0; i < height; i++)
        {
            if (i == row || Math.Abs(t[i, column]) <= Eps)
            {
                continue;
            }

            var f = t[i, column];
            for (var j = 0; j < width; j++)
            {
                t[i, j] -= f * t[row, j];
            }
        }

        basis[row] = column;
    }
}
