using Arbetsvagen.Matching;

namespace Arbetsvagen.Matching.Bench;

/// <summary>
/// Deterministic synthetic data in Sweden's shape: 290 municipalities on a 1,400 × 400 km plane, people and jobs
/// skewed to the big ones (Zipf), travel 10 minutes + 0.9 minutes a km up to 150 km, SSYK groups in families (so the
/// hierarchy matters), skills in taxonomy groups, and levels spread as among participants (many short-educated,
/// many at SFI).
/// </summary>
internal sealed class Generator
{
    public const int Municipalities = 290;
    public const int SkillCount = 6658;  // as many as the web's skills.csv
    public const int SkillGroups = 300;
    public static readonly DateOnly Today = new(2027, 1, 15);

    private readonly Random random;
    private readonly double[] cumulativePopulation;
    private readonly int[] ssykCodes;

    public Generator(int seed)
    {
        random = new Random(seed);
        MunicipalityCodes = [.. Enumerable.Range(0, Municipalities).Select(i => (1000 + (i * 7)).ToString("D4"))];
        var points = Enumerable.Range(0, Municipalities).Select(_ => (X: random.NextDouble() * 400, Y: random.NextDouble() * 1400)).ToArray();
        var travel = new List<(string, string, int)>();
        for (var a = 0; a < Municipalities; a++)
        {
            for (var b = 0; b < Municipalities; b++)
            {
                var km = Math.Sqrt(Math.Pow(points[a].X - points[b].X, 2) + Math.Pow(points[a].Y - points[b].Y, 2));
                if (a != b && km <= 150)
                {
                    travel.Add((MunicipalityCodes[a], MunicipalityCodes[b], (int)(10 + (0.9 * km))));
                }
            }
        }

        Commuting = new CommutingMatrix(MunicipalityCodes, travel);
        var weights = Enumerable.Range(1, Municipalities).Select(rank => 1.0 / Math.Pow(rank, 0.9)).ToArray();
        cumulativePopulation = new double[Municipalities];
        var sum = 0.0;
        for (var i = 0; i < Municipalities; i++)
        {
            sum += weights[i];
            cumulativePopulation[i] = sum;
        }

        for (var i = 0; i < Municipalities; i++)
        {
            cumulativePopulation[i] /= sum;
        }

        // ~400 SSYK-4 groups: 10 major × 4 sub-major × 3 minor × 3–4 unit groups.
        ssykCodes = [.. from major in Enumerable.Range(1, 9) from sub in Enumerable.Range(1, 4) from minor in Enumerable.Range(1, 3)
                        from unit in Enumerable.Range(1, 4) select (major * 1000) + (sub * 100) + (minor * 10) + unit];
        SkillGroupOf = [.. Enumerable.Range(0, SkillCount).Select(_ => random.Next(SkillGroups))];
        Taxonomy = new MatchingTaxonomy
        {
            SkillGroups = Enumerable.Range(0, SkillCount).ToDictionary(SkillId, s => $"g{SkillGroupOf[s]}"),
        };
    }

    public string[] MunicipalityCodes { get; }
    public CommutingMatrix Commuting { get; }
    public MatchingTaxonomy Taxonomy { get; }
    public int[] SkillGroupOf { get; }

    public static string SkillId(int s) => $"s{s:D4}";
    public static string LanguageCode(int l) => $"l{l:D2}";

    public string Municipality()
    {
        var x = random.NextDouble();
        var i = Array.BinarySearch(cumulativePopulation, x);
        return MunicipalityCodes[Math.Min(i < 0 ? ~i : i, Municipalities - 1)];
    }

    private int Ssyk() => ssykCodes[random.Next(ssykCodes.Length)];

    /// <summary>A group near another: same minor group half the time, else anywhere.</summary>
    private int NearSsyk(int code) => random.Next(2) == 0 ? ((code / 10) * 10) + random.Next(1, 5) : Ssyk();

    private T Pick<T>(params (T Value, int Weight)[] choices)
    {
        var x = random.Next(choices.Sum(c => c.Weight));
        foreach (var (value, weight) in choices)
        {
            if (x < weight)
            {
                return value;
            }

            x -= weight;
        }

        return choices[^1].Value;
    }

    public CandidateProfile Candidate(int i)
    {
        var licences = DrivingLicences.None;
        if (random.Next(100) < 55) licences |= DrivingLicences.B;
        if (random.Next(100) < 5) licences |= DrivingLicences.C | DrivingLicences.CE;
        if (random.Next(100) < 3) licences |= DrivingLicences.D;
        if (random.Next(100) < 4) licences |= DrivingLicences.AM;
        var experience = Enumerable.Range(0, Pick((0, 30), (1, 40), (2, 20), (3, 10))).Select(_ => Ssyk()).ToArray();
        return new CandidateProfile
        {
            Key = $"c{i:D7}",
            DateOfBirth = Today.AddDays(-random.Next(16 * 365, 65 * 365)),
            HomeMunicipalityCode = Municipality(),
            Licences = licences,
            SwedishLevel = Pick((SwedishLevel.Unknown, 5), (SwedishLevel.None, 5), (SwedishLevel.SfiA, 8), (SwedishLevel.SfiB, 10), (SwedishLevel.SfiC, 12),
                (SwedishLevel.SfiD, 15), (SwedishLevel.SecondLanguage, 15), (SwedishLevel.Native, 30)),
            EducationLevel = (EducationLevel)Pick((1, 5), (2, 10), (3, 20), (4, 15), (5, 25), (6, 10), (7, 13), (8, 2)),
            EducationField = random.Next(100) < 60 ? $"{random.Next(1, 9)}{random.Next(1, 5)}{random.Next(0, 4)}" : null,
            AfRegistered = random.Next(100) < 70,
            AvailableFrom = random.Next(100) < 20 ? Today.AddDays(random.Next(-30, 120)) : null,
            ExperienceSsyk = experience,
            InterestSsyk = [.. Enumerable.Range(0, Pick((0, 30), (1, 50), (2, 20))).Select(_ => experience.Length > 0 ? NearSsyk(experience[0]) : Ssyk())],
            Skills = [.. Enumerable.Range(0, random.Next(0, 9)).Select(_ => SkillId(random.Next(SkillCount)))],
            Languages = [.. Enumerable.Range(0, Pick((0, 50), (1, 35), (2, 15))).Select(_ => LanguageCode(random.Next(40)))],
            Readiness = random.Next(100) < 80 ? Pick((Readiness.Green, 30), (Readiness.Yellow, 45), (Readiness.Red, 25)) : null,
            Direction = random.Next(100) < 80 ? (Direction)random.Next(5) : null,
            PhysicalCapacity = random.Next(100) < 50 ? (PhysicalDemands)random.Next(3) : null,
        };
    }

    public OpportunityProfile Opportunity(int i)
    {
        var ssyk = Ssyk();
        var criteria = new List<Criterion>();
        if (random.Next(100) < 50) criteria.Add(new(CriterionKind.DrivingLicence, "B", random.Next(100) < 60));
        if (random.Next(100) < 50) criteria.Add(new(CriterionKind.SwedishLevel, Pick(("SfiC", 1), ("SfiD", 2), ("SecondLanguage", 1)), random.Next(100) < 60));
        if (random.Next(100) < 30) criteria.Add(new(CriterionKind.MinimumAge, "18", true));
        if (random.Next(100) < 15) criteria.Add(new(CriterionKind.AfRegistration, "", true));
        criteria.Add(new(CriterionKind.OccupationExperience, ssyk.ToString("D4"), false));
        foreach (var s in Enumerable.Range(0, random.Next(1, 4)))
        {
            criteria.Add(new(CriterionKind.Skill, SkillId(random.Next(SkillCount)), false));
        }

        if (random.Next(100) < 40) criteria.Add(new(CriterionKind.EducationLevel, "UpperSecondary", random.Next(100) < 30));
        if (random.Next(100) < 20) criteria.Add(new(CriterionKind.EducationField, $"{random.Next(1, 9)}{random.Next(1, 5)}{random.Next(0, 4)}", false));
        if (random.Next(100) < 15) criteria.Add(new(CriterionKind.Language, LanguageCode(random.Next(40)), false));
        return new OpportunityProfile
        {
            Key = $"o{i:D6}",
            Kind = (OpportunityKind)random.Next(3),
            MunicipalityCode = Municipality(),
            StartsOn = Today.AddDays(random.Next(14, 90)),
            OccupationSsyk = ssyk,
            MaxCommuteMinutes = Pick((45, 1), (60, 2), (90, 1)),
            Criteria = criteria,
        };
    }

    /// <summary>The single profile of the 20 ms goal: a bus-driver job track in the biggest municipality.</summary>
    public OpportunityProfile BusDriverTrack() => new()
    {
        Key = "jobtrack:bus",
        Kind = OpportunityKind.JobTrack,
        MunicipalityCode = MunicipalityCodes[0],
        StartsOn = Today.AddDays(45),
        OccupationSsyk = 8331,
        MaxCommuteMinutes = 60,
        Criteria =
        [
            new(CriterionKind.DrivingLicence, "B", true),
            new(CriterionKind.SwedishLevel, "SfiC", true),
            new(CriterionKind.MinimumAge, "21", true),
            new(CriterionKind.OccupationExperience, "8331", false),
            new(CriterionKind.OccupationExperience, "8332", false),
            new(CriterionKind.Skill, SkillId(17), false),
            new(CriterionKind.Skill, SkillId(4711), false),
            new(CriterionKind.EducationLevel, "UpperSecondary", false),
            new(CriterionKind.EducationField, "841", false),
            new(CriterionKind.Language, LanguageCode(3), false),
            new(CriterionKind.DrivingLicence, "D", false),
        ],
    };
}
