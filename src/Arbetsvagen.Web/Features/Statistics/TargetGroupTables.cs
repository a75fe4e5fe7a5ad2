using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Infrastructure.Disclosure;

namespace Arbetsvagen.Features.Statistics;

public sealed record StatRow(string Label, List<string> Cells);

/// <summary>A table as shown and published: every value already a text (counts protected, shares recomputed). The first
/// column heads the row labels.</summary>
public sealed record StatTable(string Key, string Title, List<string> Columns, List<StatRow> Rows, string? Note);

/// <summary>The tables of one municipality, or of the whole collaboration.</summary>
public sealed record ScopeTables(string Code, string Name, List<StatTable> Tables);

/// <summary>
/// Builds the target-group tables of every municipality and of the collaboration from one source, protected together:
/// each measure's status × kön tables of all municipalities and their sum are one set of linked tables, so a cell hidden
/// in one cannot be recovered from another (<see cref="LinkedTables"/>). Every table has kvinnor, män and uppgift saknas.
/// </summary>
public static class TargetGroupTables
{
    private static readonly string[] GenderColumns = [.. TargetStatuses.Genders.Select(TargetStatuses.Plural), "Totalt"];

    public static List<ScopeTables> Build(IReadOnlyList<MunicipalityFigures> municipalities, MunicipalityFigures total, string totalName, int threshold)
    {
        var scopes = municipalities.Append(total).ToList();
        var tables = scopes.Select(_ => new List<StatTable>()).ToList();

        // Registered first: its protection decides whether a share's base may be shown.
        var registered = Protect(scopes, Measure.Registered, TargetStatuses.All, threshold);
        for (var i = 0; i < scopes.Count; i++)
        {
            tables[i].Add(CountTable("inskrivna", "Inskrivna per status och kön", registered[i], TargetStatuses.All, null, null));
        }

        foreach (var (measure, key, title) in new[]
        {
            (Measure.ShortEducated, "kortutbildade", "Kortutbildade (förgymnasial utbildning) per status och kön"),
            (Measure.Disability, "funktionsnedsattning", "Registrerad funktionsnedsättning per status och kön"),
            (Measure.SocialAssistance, "forsorjningsstod", "Försörjningsstöd bland de inskrivna per status och kön"),
        })
        {
            if (!scopes.All(s => s.States(measure)))
            {
                continue;
            }

            var counts = Protect(scopes, measure, TargetStatuses.All, threshold);
            for (var i = 0; i < scopes.Count; i++)
            {
                tables[i].Add(CountTable(key, title, counts[i], TargetStatuses.All, registered[i], "Andel av de inskrivna"));
            }
        }

        if (scopes.All(s => s.States(Measure.EducationDuty) && s.States(Measure.ShortEducated)))
        {
            AfStatus[] establishment = [AfStatus.EstablishmentProgramme];
            var duty = Protect(scopes, Measure.EducationDuty, establishment, threshold);
            var shortEducated = Protect(scopes, Measure.ShortEducated, establishment, threshold);
            for (var i = 0; i < scopes.Count; i++)
            {
                tables[i].Add(CountTable("utbildningsplikt", "Utbildningsplikt i etableringsprogrammet", duty[i], establishment, shortEducated[i],
                    "Andel av de kortutbildade i programmet"));
            }
        }

        if (scopes.Any(s => s.Population.Count > 0 || s.SocialAssistanceAll.Count > 0))
        {
            var population = ProtectGenders(scopes, s => s.Population, threshold);
            var assistance = ProtectGenders(scopes, s => s.SocialAssistanceAll, threshold);
            for (var i = 0; i < scopes.Count; i++)
            {
                var rows = new List<StatRow> { new("Befolkning", population[i]), new("Försörjningsstöd, hela kommunen", assistance[i]) };
                tables[i].Add(new StatTable("befolkning", "Befolkning och försörjningsstöd per kön", ["Mått", .. GenderColumns], rows, null));
            }
        }

        return scopes.Select((s, i) => new ScopeTables(s.MunicipalityCode, i == scopes.Count - 1 ? totalName : ReferenceData.Instance.MunicipalityName(s.MunicipalityCode), tables[i])).ToList();
    }

    /// <summary>A measure's protected status × kön counts per scope: [scope][status row, gender column incl. totals].</summary>
    private sealed record Protected(long?[,] Values, string[,] Shown);

    private static List<Protected> Protect(List<MunicipalityFigures> scopes, Measure measure, AfStatus[] statuses, int threshold)
    {
        var linked = new LinkedTables();
        var crosses = new List<CrossTable>();
        var counts = new List<long[,]>();
        foreach (var scope in scopes)
        {
            var c = new long[statuses.Length, TargetStatuses.Genders.Length];
            for (var r = 0; r < statuses.Length; r++)
            {
                for (var g = 0; g < TargetStatuses.Genders.Length; g++)
                {
                    c[r, g] = scope.Get(statuses[r], TargetStatuses.Genders[g], measure) ?? 0;
                }
            }

            counts.Add(c);
        }

        crosses.AddRange(counts.Take(counts.Count - 1).Select(linked.AddCrossTable));
        var total = linked.AddCrossTable(counts[^1]);
        linked.SumTables(total, crosses);
        crosses.Add(total);
        var suppression = linked.Protect(threshold);

        return crosses.Select(cross =>
        {
            var rows = statuses.Length + 1;
            var columns = TargetStatuses.Genders.Length + 1;
            var values = new long?[rows, columns];
            var shown = new string[rows, columns];
            for (var r = 0; r < rows; r++)
            {
                for (var c = 0; c < columns; c++)
                {
                    var cell = r < statuses.Length
                        ? c < columns - 1 ? cross.Cells[r, c] : cross.RowTotals[r]
                        : c < columns - 1 ? cross.ColumnTotals[c] : cross.Grand;
                    var value = linked.Values[cell];
                    values[r, c] = suppression.IsHidden(cell) ? null : value;
                    shown[r, c] = suppression.Show(cell, value);
                }
            }

            return new Protected(values, shown);
        }).ToList();
    }

    private static List<List<string>> ProtectGenders(List<MunicipalityFigures> scopes, Func<MunicipalityFigures, Dictionary<Gender, long>> pick, int threshold)
    {
        var linked = new LinkedTables();
        var crosses = scopes.Take(scopes.Count - 1)
            .Select(s => linked.AddCrossTable(Row(pick(s)))).ToList();
        var total = linked.AddCrossTable(Row(pick(scopes[^1])));
        if (pick(scopes[^1]).Count > 0)
        {
            linked.SumTables(total, crosses);
        }

        crosses.Add(total);
        var suppression = linked.Protect(threshold);
        return crosses.Select(cross => cross.ColumnTotals.Append(cross.Grand)
            .Select(cell => pick(scopes[crosses.IndexOf(cross)]).Count == 0 ? "–" : suppression.Show(cell, linked.Values[cell])).ToList()).ToList();

        static long[,] Row(Dictionary<Gender, long> values)
        {
            var row = new long[1, TargetStatuses.Genders.Length];
            for (var g = 0; g < TargetStatuses.Genders.Length; g++)
            {
                row[0, g] = values.GetValueOrDefault(TargetStatuses.Genders[g]);
            }

            return row;
        }
    }

    private static StatTable CountTable(string key, string title, Protected counts, AfStatus[] statuses, Protected? shareBase, string? shareTitle)
    {
        var columns = new List<string> { "Status" };
        columns.AddRange(GenderColumns);
        if (shareBase is not null)
        {
            columns.AddRange(TargetStatuses.Genders.Select(g => $"{shareTitle}, {TargetStatuses.Plural(g).ToLower(SwedishCollation.Culture)}"));
            columns.Add($"{shareTitle}, totalt");
        }

        var rows = new List<StatRow>();
        for (var r = 0; r <= statuses.Length; r++)
        {
            var cells = new List<string>();
            for (var c = 0; c <= TargetStatuses.Genders.Length; c++)
            {
                cells.Add(counts.Shown[r, c]);
            }

            if (shareBase is not null)
            {
                for (var c = 0; c <= TargetStatuses.Genders.Length; c++)
                {
                    cells.Add(counts.Values[r, c] is { } part && shareBase.Values[r, c] is { } whole ? Shares.Show(Shares.Of(part, whole)) : "..");
                }
            }

            rows.Add(new StatRow(r < statuses.Length ? TargetStatuses.Label(statuses[r]) : "Totalt", cells));
        }

        return new StatTable(key, title, columns, rows,
            shareBase is null ? null : $"{Shares.Rule} En andel visas inte (..) när antalet eller basen är dold.");
    }
}
