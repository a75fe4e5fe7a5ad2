using System.Globalization;
using Arbetsvagen.Infrastructure.Documents;

namespace Arbetsvagen.Tests.Infrastructure;

/// <summary>
/// Report documents for tests: a small one with every kind of content (Swedish letters, a suppressed "&lt;5", a
/// field that CSV must quote, a line chart with a gap) and a large one of any size for the formats' speed.
/// Reusable by the statistics tests: <c>ReportSamples.Table(...)</c> builds a table from plain values.
/// </summary>
public static class ReportSamples
{
    public static readonly DateTimeOffset GeneratedAt = new(2026, 12, 7, 9, 30, 15, 123, TimeSpan.FromHours(1));
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    public static ReportDocument Small() => new(
        Title: "Läget i länet",
        Sender: "Samordningsförbundet Nordost",
        Subtitle: "Arbetsmarknad och målgrupper",
        GeneratedAt: GeneratedAt,
        Period: "januari–juni 2026",
        Sources:
        [
            new ReportSource("Arbetsförmedlingen", "inskrivna arbetssökande per månad", new DateOnly(2026, 11, 30)),
            new ReportSource("Arbetsvägens register", "insatser och utfall", null),
        ],
        Sections:
        [
            new ReportSection("malgrupper", "Arbetsmarknad och målgrupper",
                "Antalet inskrivna minskade under perioden.\n\nSmå tal (1–4) visas som <5. Åtgärder följs upp månadsvis.",
                [
                    new ReportTable("status-kon", "Inskrivna per status och kön", ["Status", "Kvinnor", "Män", "Andel kvinnor"],
                    [
                        [ReportCell.Label("Etableringsprogrammet"), ReportCell.Number("1 234", 1234), ReportCell.Number("987", 987), ReportCell.Number("55,6 %", 55.6)],
                        [ReportCell.Label("Jobbgarantin för ungdomar"), ReportCell.Label("<5"), ReportCell.Number("12", 12), ReportCell.Label("–")],
                        [ReportCell.Label("Öppet arbetslösa; \"övriga\""), ReportCell.Number("0,5", 0.1 + 0.2 + 0.2), ReportCell.Number("-3", -3), ReportCell.Number("12,5 %", 12.5)],
                    ], "Källa: Arbetsförmedlingen. Ålder 16–64 år."),
                ],
                [
                    new ReportChart("status-kon-diagram", "Inskrivna per status, kvinnor och män", ReportChartKind.GroupedBar,
                        ["Etableringsprogrammet", "Jobbgarantin för ungdomar", "Öppet arbetslösa"],
                        [new ReportSeries("Kvinnor", [1234, null, 0.5]), new ReportSeries("Män", [987, 12, -3])],
                        "Flest inskrivna finns i etableringsprogrammet, 1 234 kvinnor och 987 män.", "status-kon", "Antal personer"),
                ]),
            new ReportSection("utveckling", "Utveckling över tid", null,
                [
                    new ReportTable("manad", "Inskrivna per månad", ["Månad", "Täby", "Vaxholm", "Österåker"],
                        Enumerable.Range(1, 6).Select(m => (IReadOnlyList<ReportCell>)
                        [
                            ReportCell.Label($"2026-{m:00}"), ReportCell.Number((100 + m).ToString(Swedish), 100 + m),
                            m == 3 ? ReportCell.Label("<5") : ReportCell.Number((20 + m).ToString(Swedish), 20 + m),
                            ReportCell.Number((60 - m).ToString(Swedish), 60 - m),
                        ]).ToList(), null),
                ],
                [
                    new ReportChart("manad-linje", "Inskrivna per månad och kommun", ReportChartKind.Line,
                        ["jan", "feb", "mar", "apr", "maj", "jun"],
                        [
                            new ReportSeries("Täby", [101, 102, 103, 104, 105, 106]),
                            new ReportSeries("Vaxholm", [21, 22, null, 24, 25, 26]),
                            new ReportSeries("Österåker", [59, 58, 57, 56, 55, 54]),
                        ],
                        "Täby ökar svagt, Österåker minskar; Vaxholms värde för mars är dolt.", "manad", "Antal"),
                    new ReportChart("kommuner-stapel", "Inskrivna i juni per kommun", ReportChartKind.Bar,
                        ["Täby", "Vaxholm", "Österåker"], [new ReportSeries("Juni", [106, 26, 54])],
                        "Täby har flest inskrivna i juni.", "manad", null),
                ]),
        ],
        Notice: "Uppgifter om 1–4 personer visas som <5 för att skydda enskilda.");

    /// <summary>
    /// A report of <paramref name="sections"/> sections sharing <paramref name="tables"/> tables of
    /// <paramref name="rows"/> rows (a label and six figures each) and <paramref name="charts"/> charts.
    /// </summary>
    public static ReportDocument Large(int sections = 12, int tables = 60, int rows = 30, int charts = 24)
    {
        var municipalities = new[] { "Danderyd", "Lidingö", "Norrtälje", "Sollentuna", "Täby", "Upplands Väsby", "Vallentuna", "Vaxholm", "Österåker" };
        var columns = new[] { "Grupp", "Kvinnor", "Män", "Uppgift saknas", "Totalt", "Andel kvinnor", "16–24 år" };
        var allTables = Enumerable.Range(0, tables).Select(t => Table($"tabell-{t + 1}", $"Tabell {t + 1}: inskrivna per grupp, {municipalities[t % municipalities.Length]}",
            columns, Enumerable.Range(0, rows).Select(r =>
            {
                var women = (t * 7 + r * 13) % 400;
                var men = (t * 11 + r * 5) % 380;
                var unknown = r % 9 == 0 ? 3 : (r * 3) % 20;
                return ($"Grupp {r + 1} – {municipalities[r % municipalities.Length]}",
                    new double?[] { women, men, unknown, women + men + unknown, Math.Round(100.0 * women / Math.Max(1, women + men + unknown), 1), (women + men) / 3 });
            }).ToList())).ToList();
        var allCharts = Enumerable.Range(0, charts).Select(c =>
        {
            var table = allTables[c * tables / Math.Max(1, charts)];
            var first = table.Rows.Take(8).ToList();
            return new ReportChart($"diagram-{c + 1}", $"Diagram {c + 1}: {table.Title}", (ReportChartKind)(c % 3),
                first.Select(r => r[0].Text).ToList(),
                [new ReportSeries("Kvinnor", first.Select(r => r[1].Value).ToList()), new ReportSeries("Män", first.Select(r => r[2].Value).ToList())],
                $"Diagrammet visar kvinnor och män i de åtta första grupperna av {table.Title.ToLowerInvariant()}.", table.Key, "Antal");
        }).ToList();
        return new ReportDocument("Läget i länet – stor rapport", "Samordningsförbundet Nordost", "Prestandaprov", GeneratedAt, "2026",
            [new ReportSource("Arbetsförmedlingen", "inskrivna per månad", new DateOnly(2026, 11, 30))],
            Enumerable.Range(0, sections).Select(s => new ReportSection($"avsnitt-{s + 1}", $"Avsnitt {s + 1}",
                string.Join("\n\n", Enumerable.Repeat("Kommentar till avsnittet med åäö, skriven av analytikern. Den är lite längre så att den bryts över flera rader i PDF:en.", 3)),
                allTables.Where((_, t) => t * sections / Math.Max(1, tables) == s).ToList(),
                allCharts.Where(c => allTables.FindIndex(t => t.Key == c.TableKey) * sections / Math.Max(1, tables) == s).ToList())).ToList(),
            "Uppgifter om 1–4 personer visas som <5.");
    }

    /// <summary>
    /// A table from plain figures: whole numbers shown "1 234", others with one decimal ("55,6"), values 1–4 suppressed
    /// as "&lt;5" (text, no value), null as "–".
    /// </summary>
    public static ReportTable Table(string key, string title, IReadOnlyList<string> columns, IReadOnlyList<(string Label, double?[] Values)> rows, string? note = null) =>
        new(key, title, columns, rows.Select(r => (IReadOnlyList<ReportCell>)[ReportCell.Label(r.Label), .. r.Values.Select(Cell)]).ToList(), note);

    private static ReportCell Cell(double? value) => value switch
    {
        null => ReportCell.Label("–"),
        >= 1 and <= 4 when Math.Abs(value.Value - Math.Round(value.Value)) < 1e-9 => ReportCell.Label("<5"),
        var v when Math.Abs(v.Value - Math.Round(v.Value)) < 1e-9 => ReportCell.Number(v.Value.ToString("#,##0", Swedish), v.Value),
        var v => ReportCell.Number(v.Value.ToString("#,##0.0", Swedish), v.Value),
    };
}
