using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Statistics;

/// <summary>A figure that disagrees with another: both values, where each comes from, and the difference.</summary>
public sealed record Contradiction(string Kind, string Where, long? FirstValue, string FirstSource, long? SecondValue, string SecondSource, string Difference);

/// <summary>
/// The consistency checks run before anything is published (issue 11 §1): totals equal the sum of their parts, a stated
/// share equals the share recomputed from its counts under <see cref="Shares.Rule"/>, a part is never more than its
/// whole (the same people counted in two tables), and counts are whole and non-negative (the import refuses anything
/// else, so only a stated figure that passed can be checked here).
/// </summary>
public static class TargetGroupChecks
{
    public const string SumKind = "Summa";
    public const string ShareKind = "Andel";
    public const string PartKind = "Delmängd";

    /// <summary>Checks one municipality's figures, and the lines of the file they came from when imported.</summary>
    public static List<Contradiction> Run(string where, MunicipalityFigures f, IReadOnlyList<ImportedLine>? lines, string source)
    {
        var found = new List<Contradiction>();
        foreach (var status in TargetStatuses.All)
        {
            foreach (var gender in TargetStatuses.Genders)
            {
                var registered = f.Get(status, gender, Measure.Registered);
                var at = $"{where}, {TargetStatuses.Label(status)}, {TargetStatuses.Plural(gender).ToLower(SwedishCollation.Culture)}";
                foreach (var part in new[] { Measure.ShortEducated, Measure.Disability, Measure.SocialAssistance })
                {
                    Part(found, at, f.Get(status, gender, part), EnumText.Label(part), registered, EnumText.Label(Measure.Registered), source);
                }

                if (status == AfStatus.EstablishmentProgramme)
                {
                    Part(found, at, f.Get(status, gender, Measure.EducationDuty), EnumText.Label(Measure.EducationDuty),
                        f.Get(status, gender, Measure.ShortEducated), EnumText.Label(Measure.ShortEducated), source);
                }
            }
        }

        foreach (var gender in TargetStatuses.Genders)
        {
            var at = $"{where}, {TargetStatuses.Plural(gender).ToLower(SwedishCollation.Culture)}";
            if (f.SocialAssistanceAll.TryGetValue(gender, out var all) && f.States(Measure.SocialAssistance))
            {
                Part(found, at, f.Sum(Measure.SocialAssistance, gender: gender), "försörjningsstöd bland inskrivna", all, "försörjningsstöd i hela kommunen", source);
            }

            if (f.Population.TryGetValue(gender, out var population))
            {
                Part(found, at, f.Sum(Measure.Registered, gender: gender), "inskrivna", population, "befolkning", source);
            }
        }

        if (lines is not null)
        {
            StatedTotals(found, where, lines, source);
        }

        return found;
    }

    private static void Part(List<Contradiction> found, string at, long? part, string partName, long? whole, string wholeName, string source)
    {
        if (part is { } p && whole is { } w && p > w)
        {
            found.Add(new Contradiction(PartKind, $"{at}: {partName} är fler än {wholeName}", p, $"{partName} ({source})", w, $"{wholeName} ({source})",
                $"{p - w} för många"));
        }
    }

    /// <summary>A file's "Totalt" and "Alla" lines against the lines they sum, and its stated shares against its counts.</summary>
    private static void StatedTotals(List<Contradiction> found, string where, IReadOnlyList<ImportedLine> lines, string source)
    {
        var measures = Enum.GetValues<Measure>();
        foreach (var total in lines.Where(l => l.Status is not null && l.Gender is null))
        {
            var parts = lines.Where(l => l.Status == total.Status && l.Gender is not null).ToList();
            foreach (var measure in measures)
            {
                if (total.Of(measure) is { } stated && parts.Count > 0 && parts.All(p => p.Of(measure) is not null))
                {
                    Compare(found, $"{where}, {TargetStatuses.Label(total.Status!.Value)}, totalt: {EnumText.Label(measure).ToLower(SwedishCollation.Culture)}",
                        stated, $"rad {total.Line}", parts.Sum(p => p.Of(measure)!.Value), $"summan av raderna {string.Join(", ", parts.Select(p => p.Line))}", source);
                }
            }
        }

        foreach (var total in lines.Where(l => l.Status is null))
        {
            var parts = lines.Where(l => l.Status is not null && (total.Gender is null ? l.Gender is not null : l.Gender == total.Gender)).ToList();
            foreach (var measure in measures)
            {
                if (total.Of(measure) is { } stated && parts.Count > 0 && parts.All(p => p.Of(measure) is not null) && measure != Measure.SocialAssistance)
                {
                    var gender = total.Gender is { } g ? TargetStatuses.Plural(g).ToLower(SwedishCollation.Culture) : "totalt";
                    Compare(found, $"{where}, alla statusar, {gender}: {EnumText.Label(measure).ToLower(SwedishCollation.Culture)}",
                        stated, $"rad {total.Line}", parts.Sum(p => p.Of(measure)!.Value), $"summan av raderna {string.Join(", ", parts.Select(p => p.Line))}", source);
                }
            }
        }

        foreach (var line in lines.Where(l => l.Status is not null && l.Registered is not null))
        {
            var at = $"{where}, {TargetStatuses.Label(line.Status!.Value)}, {(line.Gender is { } g ? TargetStatuses.Plural(g).ToLower(SwedishCollation.Culture) : "totalt")}";
            Share(found, at, "andel kortutbildade", line.ShortEducatedShare, line.ShortEducated, line.Registered!.Value, line.Line, source);
            Share(found, at, "andel funktionsnedsättning", line.DisabilityShare, line.Disability, line.Registered!.Value, line.Line, source);
            Share(found, at, "andel försörjningsstöd", line.SocialAssistanceShare, line.SocialAssistance, line.Registered!.Value, line.Line, source);
        }
    }

    private static void Compare(List<Contradiction> found, string at, long stated, string statedWhere, long sum, string sumWhere, string source)
    {
        if (stated != sum)
        {
            found.Add(new Contradiction(SumKind, $"{at}: totalen är inte summan av delarna", stated, $"{source}, {statedWhere}", sum, $"{source}, {sumWhere}",
                $"{Math.Abs(stated - sum)} {(stated > sum ? "fler" : "färre")} i totalen"));
        }
    }

    private static void Share(List<Contradiction> found, string at, string name, decimal? stated, long? part, long whole, int line, string source)
    {
        if (stated is not { } s)
        {
            return;
        }

        var computed = part is { } p ? Shares.Of(p, whole) : null;
        if (part is null || !Shares.Agrees(s, part.Value, whole))
        {
            found.Add(new Contradiction(ShareKind, $"{at}: {name} {Shares.Show(s)} stämmer inte med antalen", null, $"{source}, rad {line}: {Shares.Show(s)}",
                null, part is null ? "antalet saknas" : $"{part} av {whole} = {Shares.Show(computed)}",
                computed is { } c ? $"{Math.Abs(s - c).ToString("0.0", SwedishCollation.Culture)} procentenheter" : "kan inte räknas om"));
        }
    }
}
