using System.Globalization;

namespace Arbetsvagen.Matching;

/// <summary>
/// Writes one match's explanation in plain Swedish from the same similarities the scan used: per criterion what was
/// required, what the person has and the points it gave; and the gaps with the activities that would close them.
/// Built only for the top N, so it may allocate.
/// </summary>
internal sealed class Explainer(CandidateIndex index, CompiledOpportunity q, CandidateRow row, int[] pool, List<int> groupOf,
    CandidateProfile person, int minutes)
{
    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");
    private readonly MatchingTaxonomy names = index.Taxonomy;
    private readonly List<CriterionResult> profileSide = [];
    private readonly List<CriterionResult> personSide = [];
    private readonly List<Gap> gaps = [];

    public MatchExplanation Build(int profileFit, int personFit, out bool eligible)
    {
        var commute = Similarity.Commute(minutes, q.MaxMinutes);
        eligible = true;
        eligible &= Availability();
        eligible &= Commuting(commute);
        foreach (var c in q.MustHaves)
        {
            eligible &= Listed(c);
        }

        foreach (var c in q.Merits)
        {
            Listed(c);
        }

        if (q.OpportunitySsyk >= 0)
        {
            var interest = Similarity.BestSsyk(pool.AsSpan(row.InterestStart, row.InterestCount), q.OpportunitySsyk);
            AddGeneral(Category.OccupationInterest, "Yrkesintresse", names.Ssyk(q.OpportunitySsyk), InterestHas(interest), interest);
        }

        var readiness = Similarity.Readiness(row.Readiness);
        AddGeneral(Category.Readiness, "Färgkategori", "Grön ger full poäng, gul halv",
            person.Readiness is { } r ? Labels.Of(r) : "inget gemensamt ställningstagande", readiness);
        if (readiness < Similarity.Full && person.Readiness is { } notGreen)
        {
            gaps.Add(new Gap("Färgkategori", false, $"färgkategori {Labels.Of(notGreen).Split(' ')[0].ToLower(Swedish)}",
                [Activity(ActivityKind.Coaching), Activity(ActivityKind.WorkTraining)], Lost(Category.Readiness, readiness)));
        }

        var direction = Similarity.Direction(row.Direction, q.Source.Kind);
        var directionHas = person.Direction is { } d ? Labels.Of(d) : "inget gemensamt ställningstagande";
        AddGeneral(Category.Direction, "Riktning", $"passar ett {Labels.Of(q.Source.Kind)}", directionHas, direction);

        var w = q.Weights;
        var personMax = (decimal)q.PersonWeightSum;
        AddPersonSide("Riktning", $"{Labels.Of(q.Source.Kind)}", directionHas, direction, w.PersonDirection, personMax);
        if (q.OpportunitySsyk >= 0)
        {
            var interest = Similarity.BestSsyk(pool.AsSpan(row.InterestStart, row.InterestCount), q.OpportunitySsyk);
            AddPersonSide("Yrkesintresse", names.Ssyk(q.OpportunitySsyk), InterestHas(interest), interest, w.PersonInterest, personMax);
        }

        AddPersonSide("Pendling", $"arbetsplats i {names.Municipality(q.Source.MunicipalityCode)}", CommuteHas(), commute, w.PersonCommuting, personMax);

        var ordered = gaps.OrderByDescending(g => g.Blocks).ThenByDescending(g => g.PointsLost).ToList();
        var sides = w.ProfileSide + w.PersonSide;
        var score = ((w.ProfileSide * profileFit) + (w.PersonSide * personFit)) / sides;
        var summary = eligible
            ? $"Matchning {Percent(score)}: kravprofilen {Percent(profileFit)}, personens riktning och intressen {Percent(personFit)}."
            : $"Uppfyller inte alla skallkrav ({ordered.Count(g => g.Blocks)} saknas). Kravprofilen {Percent(profileFit)}, personens riktning och intressen {Percent(personFit)}.";
        return new MatchExplanation(profileSide, personSide, ordered, summary);
    }

    private static string Percent(int perMille) => $"{(perMille / 10m).ToString("0.#", Swedish)} %";

    private static string Points(decimal p) => p.ToString("0.#", Swedish);

    private bool Availability()
    {
        var met = row.AvailableDay <= q.StartDay;
        var has = person.AvailableFrom is { } from ? $"från {from:yyyy-MM-dd}" : "nu";
        Add("Tillgänglig från startdatum", q.Source.StartsOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), has, mustHave: true, met, 0, 0);
        if (!met)
        {
            gaps.Add(new Gap("Tillgänglig från startdatum", true, $"tillgänglig först {person.AvailableFrom:yyyy-MM-dd}, start {q.Source.StartsOn:yyyy-MM-dd}", [], 0));
        }

        return met;
    }

    private bool Commuting(int similarity)
    {
        var met = minutes <= q.MaxMinutes;
        var max = MaxPoints(Category.Commuting, 1);
        var required = $"högst {q.MaxMinutes} minuter till {names.Municipality(q.Source.MunicipalityCode)}";
        Add("Pendling", required, CommuteHas(), mustHave: true, met, met ? max * similarity / Similarity.Full : 0, max);
        if (!met)
        {
            gaps.Add(new Gap("Pendling", true, minutes == CommutingMatrix.Unreachable
                ? $"ingen känd pendlingsväg från {HomeName()} till {names.Municipality(q.Source.MunicipalityCode)}"
                : $"bor i {HomeName()}, {minutes} minuter från arbetsplatsen (högst {q.MaxMinutes})", [], 0));
        }

        return met;
    }

    private string HomeName() => person.HomeMunicipalityCode.Length == 0 ? "okänd kommun" : names.Municipality(person.HomeMunicipalityCode);

    private string CommuteHas() => minutes == CommutingMatrix.Unreachable
        ? $"bor i {HomeName()}, ingen känd restid"
        : $"bor i {HomeName()}, {minutes} minuter";

    private string InterestHas(int similarity)
    {
        if (person.InterestSsyk.Count == 0)
        {
            return "inga yrkesintressen registrerade";
        }

        var best = person.InterestSsyk.OrderByDescending(g => Similarity.Ssyk(g, q.OpportunitySsyk)).ThenBy(g => g).First();
        return $"{names.Ssyk(best)}{SsykNearness(similarity)}";
    }

    private static string SsykNearness(int similarity) => similarity switch
    {
        Similarity.Full => "",
        750 => " (närliggande: samma yrkesgrupp på 3-siffernivå)",
        500 => " (samma yrkesområde på 2-siffernivå)",
        250 => " (samma yrkesområde på 1-siffernivå)",
        _ => " (annat yrkesområde)",
    };

    /// <summary>A criterion of the profile; returns whether it is met (fully, for a must-have).</summary>
    private bool Listed(CompiledCriterion c)
    {
        var similarity = q.Score(row, pool, groupOf, c);
        var kind = c.Source.Kind;
        var mustHave = c.Source.MustHave;
        var met = similarity == Similarity.Full;
        var n = q.CountByCategory[(int)c.Category];
        var max = mustHave ? 0 : MaxPoints(c.Category, n);
        var points = max * similarity / Similarity.Full;
        var (required, has) = Describe(c, similarity);
        Add(Labels.Of(kind), required, has, mustHave, met, points, max);
        if (!met)
        {
            var (problem, activities) = GapOf(c);
            gaps.Add(new Gap(Labels.Of(kind), mustHave, problem, activities, max - points));
        }

        return met;
    }

    private decimal MaxPoints(Category category, int n) => n == 0 ? 0 : (decimal)q.WeightByCategory[(int)category] / n;

    private decimal Lost(Category category, int similarity) => MaxPoints(category, 1) * (Similarity.Full - similarity) / Similarity.Full;

    private (string Required, string Has) Describe(CompiledCriterion c, int similarity)
    {
        var v = c.Source.Value.Trim();
        switch (c.Source.Kind)
        {
            case CriterionKind.OccupationExperience:
                var group = int.Parse(v, CultureInfo.InvariantCulture);
                var best = person.ExperienceSsyk.OrderByDescending(g => Similarity.Ssyk(g, group)).ThenBy(g => g).Cast<int?>().FirstOrDefault();
                return (names.Ssyk(group), best is { } b && similarity > 0 ? $"{names.Ssyk(b)}{SsykNearness(similarity)}"
                    : person.ExperienceSsyk.Count == 0 ? "ingen registrerad yrkeserfarenhet" : $"erfarenhet av {string.Join(", ", person.ExperienceSsyk.Order().Select(names.Ssyk))}");
            case CriterionKind.Skill:
                var related = similarity == 500 && names.SkillGroups.TryGetValue(v, out var g)
                    ? person.Skills.Where(s => names.SkillGroups.GetValueOrDefault(s) == g).Order(StringComparer.Ordinal).FirstOrDefault()
                    : null;
                return (names.Skill(v), similarity == Similarity.Full ? "har kompetensen"
                    : related is not null ? $"har närliggande kompetens: {names.Skill(related)}" : "saknar kompetensen");
            case CriterionKind.SwedishLevel:
                return ($"{Labels.Of(Enum.Parse<SwedishLevel>(v))} eller högre", Labels.Of(person.SwedishLevel));
            case CriterionKind.DrivingLicence:
                return (Labels.Of((DrivingLicences)c.Value), Labels.List(person.Licences));
            case CriterionKind.EducationLevel:
                return ($"{Labels.Of(Enum.Parse<EducationLevel>(v))} eller högre", Labels.Of(person.EducationLevel));
            case CriterionKind.MinimumAge:
                return ($"{v} år", person.DateOfBirth is { } born ? $"{AgeOn(born, q.Source.StartsOn)} år på startdatum" : "födelsedatum okänt");
            case CriterionKind.PhysicalDemands:
                return (Labels.Of(Enum.Parse<PhysicalDemands>(v)), person.PhysicalCapacity is { } p ? $"klarar {Labels.Of(p).ToLower(Swedish)}" : "inte bedömd");
            case CriterionKind.AfRegistration:
                return ("Ja", person.AfRegistered ? "Inskriven" : "Ej inskriven");
            case CriterionKind.EducationField:
                return (names.EducationField(v), person.EducationField is { } f ? names.EducationField(f) : "okänd");
            default:
                return (names.Language(v), person.Languages.Count == 0 ? "inga andra språk registrerade" : string.Join(", ", person.Languages.Select(names.Language)));
        }
    }

    private (string Problem, IReadOnlyList<ClosingActivity> Activities) GapOf(CompiledCriterion c)
    {
        var v = c.Source.Value.Trim();
        switch (c.Source.Kind)
        {
            case CriterionKind.OccupationExperience:
                return ($"saknar erfarenhet av {names.Ssyk(int.Parse(v, CultureInfo.InvariantCulture))}",
                    [Activity(ActivityKind.Placement), Activity(ActivityKind.WorkTraining), Activity(ActivityKind.VocationalTraining)]);
            case CriterionKind.Skill:
                return ($"saknar kompetensen {names.Skill(v)}", [Activity(ActivityKind.VocationalTraining), Activity(ActivityKind.Placement)]);
            case CriterionKind.SwedishLevel:
                var required = Enum.Parse<SwedishLevel>(v);
                var problem = $"svenska på nivå {Labels.Of(required)} krävs (har {Labels.Of(person.SwedishLevel)})";
                // SFI reaches course D; beyond it Swedish as a second language is a Komvux course.
                return person.SwedishLevel >= SwedishLevel.SfiD
                    ? (problem, [Activity(ActivityKind.KomvuxCourse)])
                    : (problem, [Activity(ActivityKind.SfiCombination), Activity(ActivityKind.Sfi)]);
            case CriterionKind.DrivingLicence:
                var licence = (DrivingLicences)c.Value;
                // Heavy categories are trained as a driver's vocational course; the rest at a driving school.
                const DrivingLicences Heavy = DrivingLicences.C1 | DrivingLicences.C1E | DrivingLicences.C | DrivingLicences.CE
                    | DrivingLicences.D1 | DrivingLicences.D1E | DrivingLicences.D | DrivingLicences.DE;
                return ($"saknar {Labels.Of(licence)}-körkort", (licence & Heavy) != 0
                    ? [Activity(ActivityKind.Aub), Activity(ActivityKind.VocationalTraining)]
                    : [new ClosingActivity(ActivityKind.Other, "körkortsutbildning")]);
            case CriterionKind.EducationLevel:
                var level = Enum.Parse<EducationLevel>(v);
                return ($"utbildningsnivå {Labels.Of(level).ToLower(Swedish)} krävs (har {Labels.Of(person.EducationLevel).ToLower(Swedish)})",
                    level <= EducationLevel.UpperSecondary ? [Activity(ActivityKind.KomvuxCourse)] : [Activity(ActivityKind.VocationalTraining)]);
            case CriterionKind.MinimumAge:
                var age = int.Parse(v, CultureInfo.InvariantCulture);
                return (person.DateOfBirth is { } born
                    ? $"under {age} år på startdatum (fyller {age} den {born.AddYears(age):yyyy-MM-dd})"
                    : $"födelsedatum okänt, {age} år krävs", []);
            case CriterionKind.PhysicalDemands:
                return (person.PhysicalCapacity is null
                    ? $"fysisk förmåga inte bedömd ({Labels.Of(Enum.Parse<PhysicalDemands>(v)).ToLower(Swedish)} krav)"
                    : $"klarar inte {Labels.Of(Enum.Parse<PhysicalDemands>(v)).ToLower(Swedish)} fysiska krav", [Activity(ActivityKind.WorkTraining)]);
            case CriterionKind.AfRegistration:
                return ("inte inskriven på Arbetsförmedlingen", [new ClosingActivity(ActivityKind.Other, "inskrivning på Arbetsförmedlingen")]);
            case CriterionKind.EducationField:
                return ($"saknar utbildning inom {names.EducationField(v)}", [Activity(ActivityKind.VocationalTraining), Activity(ActivityKind.Aub)]);
            default:
                return ($"talar inte {names.Language(v)}", []);
        }
    }

    /// <summary>An activity as the gap names it: the catalogue's label, lower case unless it is an abbreviation ("SFI").</summary>
    private static ClosingActivity Activity(ActivityKind kind)
    {
        var label = Labels.Of(kind);
        return new ClosingActivity(kind, label.Length > 1 && char.IsLower(label[1]) ? char.ToLower(label[0], Swedish) + label[1..] : label);
    }

    private static int AgeOn(DateOnly born, DateOnly day)
    {
        var age = day.Year - born.Year;
        return born.AddYears(age) > day ? age - 1 : age;
    }

    private void AddGeneral(Category category, string label, string required, string has, int similarity)
    {
        var max = MaxPoints(category, 1);
        Add(label, required, has, mustHave: false, similarity == Similarity.Full, max * similarity / Similarity.Full, max);
    }

    private void Add(string criterion, string required, string has, bool mustHave, bool met, decimal points, decimal max) =>
        profileSide.Add(new CriterionResult(criterion, required, has, mustHave, met, points, max, Text(criterion, required, has, mustHave, met, points, max)));

    private void AddPersonSide(string criterion, string opportunity, string has, int similarity, int weight, decimal max)
    {
        decimal points = weight * similarity / (decimal)Similarity.Full;
        personSide.Add(new CriterionResult(criterion, opportunity, has, false, similarity == Similarity.Full, points, weight,
            $"{criterion}: {opportunity}. Personen: {has}. {Points(points)} av {Points(weight)} poäng (av {Points(max)} för personens sida)."));
    }

    private static string Text(string criterion, string required, string has, bool mustHave, bool met, decimal points, decimal max)
    {
        var kind = mustHave ? "skallkrav" : "meriterande";
        var verdict = mustHave
            ? met ? "Uppfyllt." : "Inte uppfyllt – spärrar matchningen."
            : met ? "Uppfyllt." : points > 0 ? "Delvis uppfyllt." : "Inte uppfyllt.";
        var pointsText = max > 0 ? $" {Points(points)} av {Points(max)} poäng." : "";
        return $"{criterion} ({kind}): {required}. Har: {has}. {verdict}{pointsText}";
    }
}
