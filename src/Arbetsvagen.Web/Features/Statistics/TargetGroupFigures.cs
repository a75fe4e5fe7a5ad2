using System.Globalization;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Statistics;

/// <summary>The four Arbetsförmedlingen statuses seed 002's target-group statistics are counted in.</summary>
public static class TargetStatuses
{
    public static readonly AfStatus[] All =
        [AfStatus.EstablishmentProgramme, AfStatus.JobAndDevelopmentGuarantee, AfStatus.YouthJobGuarantee, AfStatus.OpenlyUnemployed];

    public static readonly Gender[] Genders = [Gender.Woman, Gender.Man, Gender.Unknown];

    /// <summary>Kortutbildad: at most primary school (förgymnasial), as a query the database runs.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Participant, bool>> ShortEducated =
        p => p.EducationLevel == EducationLevel.None || p.EducationLevel == EducationLevel.PrimaryShort || p.EducationLevel == EducationLevel.Primary;

    /// <summary>The status as the tables and the import file name it ("Öppet arbetslösa", as in seed 002).</summary>
    public static string Label(AfStatus status) => status == AfStatus.OpenlyUnemployed ? "Öppet arbetslösa" : EnumText.Label(status);

    /// <summary>The gender as the tables head it: "Kvinnor", "Män", "Uppgift saknas".</summary>
    public static string Plural(Gender gender) => gender switch
    {
        Gender.Woman => "Kvinnor",
        Gender.Man => "Män",
        _ => "Uppgift saknas",
    };
}

/// <summary>What is counted per status and gender; <see cref="Registered"/> is the base of every share.</summary>
public enum Measure
{
    [System.ComponentModel.DataAnnotations.Display(Name = "Inskrivna")] Registered,
    [System.ComponentModel.DataAnnotations.Display(Name = "Kortutbildade")] ShortEducated,
    [System.ComponentModel.DataAnnotations.Display(Name = "Utbildningsplikt")] EducationDuty,
    [System.ComponentModel.DataAnnotations.Display(Name = "Registrerad funktionsnedsättning")] Disability,
    [System.ComponentModel.DataAnnotations.Display(Name = "Försörjningsstöd")] SocialAssistance,
}

/// <summary>
/// Shares, with the one rounding rule every figure uses: per cent with one decimal, halves rounded away from zero
/// ("12,25" → "12,3 %"); no share when the base is zero.
/// </summary>
public static class Shares
{
    public const string Rule = "Andelar räknas om från antalen och avrundas till en decimal, där 0,05 avrundas uppåt.";

    public static decimal? Of(long part, long whole) =>
        whole <= 0 ? null : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);

    public static string Show(decimal? share) => share is { } s ? s.ToString("0.0", SwedishCollation.Culture) + " %" : "–";

    /// <summary>True when a stated share is what the counts give under the rule (a stated value with more decimals is rounded first).</summary>
    public static bool Agrees(decimal stated, long part, long whole) =>
        Of(part, whole) is { } computed && Math.Round(stated, 1, MidpointRounding.AwayFromZero) == computed;
}

/// <summary>One municipality's counts for a month from one source: per status and gender, and per gender for the whole municipality.</summary>
public sealed class MunicipalityFigures(string municipalityCode)
{
    public string MunicipalityCode { get; } = municipalityCode;

    /// <summary>(status, gender, measure) → count; a missing key means the source does not state it.</summary>
    public Dictionary<(AfStatus Status, Gender Gender, Measure Measure), long> Counts { get; } = [];

    /// <summary>Social assistance (all recipients, not only the unemployed) and population per gender; import only.</summary>
    public Dictionary<Gender, long> SocialAssistanceAll { get; } = [];

    public Dictionary<Gender, long> Population { get; } = [];

    public long? Get(AfStatus status, Gender gender, Measure measure) => Counts.TryGetValue((status, gender, measure), out var v) ? v : null;

    public long Sum(Measure measure, AfStatus? status = null, Gender? gender = null) =>
        Counts.Where(c => c.Key.Measure == measure && (status is null || c.Key.Status == status) && (gender is null || c.Key.Gender == gender)).Sum(c => c.Value);

    public bool States(Measure measure) => Counts.Keys.Any(k => k.Measure == measure);

    /// <summary>A municipality whose every status and gender is 0 for the given measures.</summary>
    public static MunicipalityFigures Zero(string municipalityCode, IEnumerable<Measure> measures)
    {
        var figures = new MunicipalityFigures(municipalityCode);
        foreach (var measure in measures)
        {
            foreach (var status in TargetStatuses.All)
            {
                foreach (var gender in TargetStatuses.Genders)
                {
                    figures.Add(status, gender, measure, 0);
                }
            }
        }

        return figures;
    }

    public void Add(AfStatus status, Gender gender, Measure measure, long count) =>
        Counts[(status, gender, measure)] = Counts.GetValueOrDefault((status, gender, measure)) + count;

    /// <summary>The collaboration's figures: the sum of its municipalities'.</summary>
    public static MunicipalityFigures Total(string label, IReadOnlyList<MunicipalityFigures> parts)
    {
        var total = new MunicipalityFigures(label);
        foreach (var part in parts)
        {
            foreach (var ((status, gender, measure), count) in part.Counts)
            {
                total.Add(status, gender, measure, count);
            }

        }

        // Population and assistance in all only when every municipality states them: a partial sum is not the collaboration's.
        foreach (var (all, pick) in new (Dictionary<Gender, long>, Func<MunicipalityFigures, Dictionary<Gender, long>>)[]
                 { (total.SocialAssistanceAll, p => p.SocialAssistanceAll), (total.Population, p => p.Population) })
        {
            if (parts.All(p => pick(p).Count > 0))
            {
                foreach (var gender in TargetStatuses.Genders)
                {
                    all[gender] = parts.Sum(p => pick(p).GetValueOrDefault(gender));
                }
            }
        }

        return total;
    }

    public static string Count(long value) => value.ToString("#,0", SwedishCollation.Culture);

    public static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
