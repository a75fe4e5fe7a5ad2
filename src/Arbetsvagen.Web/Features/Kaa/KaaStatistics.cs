using System.Globalization;
using Arbetsvagen.Core.Participants;

namespace Arbetsvagen.Features.Kaa;

/// <summary>One young person in KAA during the term, reduced to what the statistics count.</summary>
public sealed record KaaStatisticsRow(string MunicipalityCode, Gender Gender, int Age, bool Reached, bool WithMeasure, KaaOccupation Occupation,
    bool BackToStudies);

/// <summary>A count as a reader may see it: the number, or null when it is 1–4 and suppressed.</summary>
public sealed record ShownCount(int? Value)
{
    public bool Suppressed => Value is null;
    public string Text(int threshold) => Value?.ToString(CultureInfo.InvariantCulture) ?? $"<{threshold}";
}

/// <summary>The figures of one group (a municipality, a gender, an age…): counts and shares of those in KAA.</summary>
public sealed record KaaFigures(ShownCount InKaa, ShownCount Reached, int? ReachedPercent, ShownCount WithMeasure, int? WithMeasurePercent,
    ShownCount BackToStudies, Dictionary<KaaOccupation, ShownCount> Occupations)
{
    public static KaaFigures Of(IReadOnlyCollection<KaaStatisticsRow> rows, int? suppressBelow)
    {
        ShownCount Show(int n) => new(suppressBelow is { } t && n is > 0 && n < t ? null : n);
        var total = rows.Count;
        var reached = rows.Count(r => r.Reached);
        var measured = rows.Count(r => r.WithMeasure);
        var shownTotal = Show(total);
        int? Percent(int part) => shownTotal.Suppressed || total == 0 ? null : (int)Math.Round(part * 100.0 / total, MidpointRounding.AwayFromZero);
        return new KaaFigures(shownTotal, Show(reached), Percent(reached), Show(measured), Percent(measured), Show(rows.Count(r => r.BackToStudies)),
            Enum.GetValues<KaaOccupation>().ToDictionary(o => o, o => Show(rows.Count(r => r.Occupation == o))));
    }

    /// <summary>
    /// These figures with each count hidden where one of its parts is (ADR 0011): a total shown beside all but one part
    /// would give the hidden one away by subtraction. A share goes with its count.
    /// </summary>
    public KaaFigures HiddenWhere(IReadOnlyCollection<KaaFigures> parts)
    {
        static ShownCount Hide(ShownCount c, bool hide) => hide ? new ShownCount(null) : c;
        var inKaa = parts.Any(p => p.InKaa.Suppressed);
        var reached = parts.Any(p => p.Reached.Suppressed);
        var measure = parts.Any(p => p.WithMeasure.Suppressed);
        return this with
        {
            InKaa = Hide(InKaa, inKaa),
            Reached = Hide(Reached, reached),
            ReachedPercent = inKaa || reached ? null : ReachedPercent,
            WithMeasure = Hide(WithMeasure, measure),
            WithMeasurePercent = inKaa || measure ? null : WithMeasurePercent,
            BackToStudies = Hide(BackToStudies, parts.Any(p => p.BackToStudies.Suppressed)),
        };
    }
}

public sealed record KaaMunicipalityFigures(string MunicipalityCode, bool Exact, KaaFigures All, Dictionary<Gender, KaaFigures> ByGender,
    Dictionary<int, KaaFigures> ByAge);

/// <summary>
/// KAA figures for a term per municipality, by gender and age, and for the collaboration as a whole. The reader's own
/// municipality is exact; the others' counts of 1 up to the threshold are suppressed, and so is every total that would
/// give a suppressed count away by subtraction, with its share (ADR 0011, 0017).
/// </summary>
public sealed record KaaStatistics(string Term, DateOnly From, DateOnly To, int SuppressBelow, List<KaaMunicipalityFigures> Municipalities,
    KaaFigures Collaboration, Dictionary<Gender, KaaFigures> CollaborationByGender)
{
    public static readonly int[] Ages = [16, 17, 18, 19, 20];

    public static KaaStatistics Of(string term, DateOnly from, DateOnly to, IReadOnlyCollection<KaaStatisticsRow> rows, IEnumerable<string> municipalityCodes,
        string? exactFor, int suppressBelow)
    {
        var municipalities = municipalityCodes.Distinct().OrderBy(c => Infrastructure.ReferenceData.Instance.MunicipalityName(c) ?? c, Infrastructure.SwedishCollation.Comparer)
            .Select(code =>
            {
                var mine = rows.Where(r => r.MunicipalityCode == code).ToList();
                int? threshold = code == exactFor ? null : suppressBelow;
                var byGender = Enum.GetValues<Gender>().ToDictionary(g => g, g => KaaFigures.Of(mine.Where(r => r.Gender == g).ToList(), threshold));
                var byAge = Ages.ToDictionary(a => a, a => KaaFigures.Of(mine.Where(r => r.Age == a).ToList(), threshold));
                return new KaaMunicipalityFigures(code, threshold is null,
                    KaaFigures.Of(mine, threshold).HiddenWhere([.. byGender.Values, .. byAge.Values]), byGender, byAge);
            }).ToList();
        var collaborationRows = rows.Where(r => municipalities.Any(m => m.MunicipalityCode == r.MunicipalityCode)).ToList();
        // The collaboration's figures would give away a municipality's hidden count (its total less the others'): hidden with it.
        var collaborationByGender = Enum.GetValues<Gender>().ToDictionary(g => g, g =>
            KaaFigures.Of(collaborationRows.Where(r => r.Gender == g).ToList(), suppressBelow).HiddenWhere(municipalities.Select(m => m.ByGender[g]).ToList()));
        return new KaaStatistics(term, from, to, suppressBelow, municipalities,
            KaaFigures.Of(collaborationRows, suppressBelow).HiddenWhere([.. municipalities.Select(m => m.All), .. collaborationByGender.Values]), collaborationByGender);
    }
}
