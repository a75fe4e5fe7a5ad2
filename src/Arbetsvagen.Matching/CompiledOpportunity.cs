using System.Globalization;

namespace Arbetsvagen.Matching;

/// <summary>The categories points are counted in; each has one weight (see <see cref="MatchingWeights"/>).</summary>
internal enum Category : byte
{
    OccupationExperience, Skills, SwedishLevel, DrivingLicence, EducationLevel, EducationField, Languages, OtherMerits,
    OccupationInterest, Readiness, Direction, Commuting,
}

/// <summary>
/// One criterion with its value parsed to what the rows hold; the kind copied in so the scan reads no other object.
/// For a minimum age, <see cref="Value"/> is the last birth day (DayNumber) that meets it.
/// </summary>
internal readonly record struct CompiledCriterion(Criterion Source, CriterionKind Kind, Category Category, int Value, int Group);

/// <summary>
/// An opportunity made ready for a scan over one index: values parsed and interned, the scalar must-haves folded
/// into thresholds (a licence mask, lowest levels, a birth-day cutoff), the commuting set as a minutes column by
/// home municipality, the merit criteria with their category's weight and count.
/// </summary>
internal sealed class CompiledOpportunity
{
    public const int CategoryCount = 12;

    private CompiledOpportunity(OpportunityProfile source, MatchingWeights weights) => (Source, Weights) = (source, weights);

    public OpportunityProfile Source { get; }
    public MatchingWeights Weights { get; }
    public ushort[] MinutesByHome { get; private set; } = [];
    public int MaxMinutes { get; private set; }
    public int StartDay { get; private set; }
    public ushort LicenceMask { get; private set; }
    public byte MinSwedish { get; private set; }
    public byte MinEducation { get; private set; }
    public int BirthCutoff { get; private set; } = int.MaxValue;
    public bool RequireAf { get; private set; }
    public int MinPhysical { get; private set; } = -1;
    /// <summary>Must-haves that need the candidate's lists (experience, skill, language, field): exact match.</summary>
    public CompiledCriterion[] ListMustHaves { get; private set; } = [];
    /// <summary>Every must-have, for explanations.</summary>
    public CompiledCriterion[] MustHaves { get; private set; } = [];
    public CompiledCriterion[] Merits { get; private set; } = [];
    /// <summary>Per category: how many merit criteria it has (the always-counted ones: 1 when present).</summary>
    public int[] CountByCategory { get; } = new int[CategoryCount];
    public int[] WeightByCategory { get; } = new int[CategoryCount];
    /// <summary>Σ weight over the categories present: the profile side's denominator.</summary>
    public int ProfileWeightSum { get; private set; }
    public int PersonWeightSum { get; private set; }
    public int PersonDirectionWeight { get; private set; }
    public int PersonCommutingWeight { get; private set; }
    /// <summary>0 when the opportunity names no occupation.</summary>
    public int PersonInterestWeight { get; private set; }
    public int OpportunitySsyk { get; private set; } = -1;

    // Lookups made once per query so the scan divides and branches less per candidate.
    /// <summary>By home municipality number: the commuting similarity, or -1 outside the commuting set.</summary>
    public int[] CommuteByHome { get; private set; } = [];
    /// <summary>By the row's direction byte (255 = none): the direction similarity for this kind of opportunity.</summary>
    public int[] DirectionByByte { get; } = new int[256];
    /// <summary>By the row's readiness byte (255 = none).</summary>
    public int[] ReadinessByByte { get; } = new int[256];
    /// <summary>The categories present, as (category, weight, count), so the sum skips the absent ones.</summary>
    public (int Category, int Weight, int Count)[] Present { get; private set; } = [];

    public static IReadOnlyDictionary<string, string[]> Validate(OpportunityProfile profile, CommutingMatrix commuting)
    {
        var errors = new Dictionary<string, string[]>();
        if (commuting.NumberOf(profile.MunicipalityCode) < 0)
        {
            errors["municipalityCode"] = [$"Kommunkoden {profile.MunicipalityCode} finns inte i pendlingstabellen."];
        }

        if (profile.MaxCommuteMinutes < 0)
        {
            errors["maxCommuteMinutes"] = ["Längsta restid får inte vara negativ."];
        }

        if (profile.OccupationSsyk is { } ssyk && (ssyk < 0 || ssyk > 9999))
        {
            errors["occupationSsyk"] = [$"{ssyk} är ingen SSYK-yrkesgrupp (fyra siffror)."];
        }

        if (profile.Criteria.Count == 0)
        {
            errors["criteria"] = ["Kravprofilen har inga kriterier: lägg till minst ett skallkrav eller meriterande krav."];
        }

        for (var i = 0; i < profile.Criteria.Count; i++)
        {
            if (Problem(profile.Criteria[i]) is { } problem)
            {
                errors[$"criteria[{i}].value"] = [problem];
            }
        }

        return errors;
    }

    /// <summary>What is wrong with a criterion's value, in Swedish, or null.</summary>
    private static string? Problem(Criterion c)
    {
        var label = Labels.Of(c.Kind);
        var v = c.Value.Trim();
        return c.Kind switch
        {
            CriterionKind.OccupationExperience when !IsSsyk(v) => $"{label}: \"{c.Value}\" är ingen SSYK-yrkesgrupp (fyra siffror).",
            CriterionKind.Skill when v.Length == 0 => $"{label}: ange kompetensens begrepps-id.",
            CriterionKind.SwedishLevel when !Enum.TryParse<SwedishLevel>(v, out var s) || !Enum.IsDefined(s) || s == SwedishLevel.Unknown || int.TryParse(v, out _)
                => $"{label}: \"{c.Value}\" är ingen känd nivå.",
            CriterionKind.EducationLevel when !Enum.TryParse<EducationLevel>(v, out var e) || !Enum.IsDefined(e) || e == EducationLevel.Unknown || int.TryParse(v, out _)
                => $"{label}: \"{c.Value}\" är ingen känd nivå.",
            CriterionKind.DrivingLicence when !DrivingLicenceText.TryParseOne(v, out _) => $"{label}: \"{c.Value}\" är ingen körkortsbehörighet.",
            CriterionKind.MinimumAge when !int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var age) || age > 100
                => $"{label}: \"{c.Value}\" är ingen ålder i hela år.",
            CriterionKind.PhysicalDemands when !Enum.TryParse<PhysicalDemands>(v, out var p) || !Enum.IsDefined(p) || int.TryParse(v, out _)
                => $"{label}: \"{c.Value}\" är ingen känd nivå.",
            CriterionKind.EducationField when CandidateIndex.ParseField(v) < 0 => $"{label}: \"{c.Value}\" är ingen SUN 2020-inriktning (tre siffror).",
            CriterionKind.Language when v.Length == 0 => $"{label}: ange språkets kod.",
            _ => null,
        };
    }

    private static bool IsSsyk(string v) => v.Length == 4 && v.All(char.IsAsciiDigit);

    /// <summary>Compiles the profile for a scan of <paramref name="index"/>; throws <see cref="MatchingInputException"/> on bad input.</summary>
    public static CompiledOpportunity Compile(OpportunityProfile profile, MatchingWeights weights, CandidateIndex index)
    {
        weights.EnsureValid();
        var errors = Validate(profile, index.Commuting);
        if (errors.Count > 0)
        {
            throw new MatchingInputException("Ogiltig kravprofil.", errors);
        }

        var q = new CompiledOpportunity(profile, weights)
        {
            MinutesByHome = index.Commuting.MinutesTo(index.Commuting.NumberOf(profile.MunicipalityCode)),
            MaxMinutes = profile.MaxCommuteMinutes,
            StartDay = profile.StartsOn.DayNumber,
            OpportunitySsyk = profile.OccupationSsyk ?? -1,
        };

        var must = new List<CompiledCriterion>();
        var merits = new List<CompiledCriterion>();
        // Each criterion once, whatever the web stored twice; a must-have and a merit of the same value: the must-have.
        foreach (var c in profile.Criteria.OrderByDescending(c => c.MustHave).DistinctBy(c => (c.Kind, c.Value.Trim())))
        {
            var compiled = q.CompileOne(c, index);
            if (c.MustHave)
            {
                must.Add(compiled);
                q.FoldMustHave(compiled);
            }
            else
            {
                merits.Add(compiled);
            }
        }

        q.MustHaves = [.. must];
        q.ListMustHaves = [.. must.Where(c => c.Kind is CriterionKind.OccupationExperience or CriterionKind.Skill
            or CriterionKind.Language or CriterionKind.EducationField)];
        q.Merits = [.. merits];
        foreach (var m in merits)
        {
            q.CountByCategory[(int)m.Category]++;
        }

        // Always counted on the profile side.
        q.CountByCategory[(int)Category.Readiness] = 1;
        q.CountByCategory[(int)Category.Direction] = 1;
        q.CountByCategory[(int)Category.Commuting] = 1;
        if (q.OpportunitySsyk >= 0)
        {
            q.CountByCategory[(int)Category.OccupationInterest] = 1;
        }

        int[] w = [weights.OccupationExperience, weights.Skills, weights.SwedishLevel, weights.DrivingLicence, weights.EducationLevel,
            weights.EducationField, weights.Languages, weights.OtherMerits, weights.OccupationInterest, weights.Readiness, weights.Direction,
            weights.Commuting];
        for (var c = 0; c < CategoryCount; c++)
        {
            q.WeightByCategory[c] = q.CountByCategory[c] > 0 ? w[c] : 0;
            q.ProfileWeightSum += q.WeightByCategory[c];
        }

        q.CommuteByHome = [.. q.MinutesByHome.Select(m => m <= q.MaxMinutes ? Similarity.Commute(m, q.MaxMinutes) : -1)];
        for (var b = 0; b < 256; b++)
        {
            q.DirectionByByte[b] = Similarity.Direction((byte)b, profile.Kind);
            q.ReadinessByByte[b] = Similarity.Readiness((byte)b);
        }

        q.Present = [.. Enumerable.Range(0, CategoryCount).Where(c => q.CountByCategory[c] > 0).Select(c => (c, q.WeightByCategory[c], q.CountByCategory[c]))];
        q.PersonDirectionWeight = weights.PersonDirection;
        q.PersonCommutingWeight = weights.PersonCommuting;
        q.PersonInterestWeight = q.OpportunitySsyk >= 0 ? weights.PersonInterest : 0;
        q.PersonWeightSum = q.PersonDirectionWeight + q.PersonCommutingWeight + q.PersonInterestWeight;
        return q;
    }

    private CompiledCriterion CompileOne(Criterion c, CandidateIndex index)
    {
        var v = c.Value.Trim();
        return c.Kind switch
        {
            CriterionKind.OccupationExperience => new(c, c.Kind, Category.OccupationExperience, int.Parse(v, CultureInfo.InvariantCulture), -1),
            CriterionKind.Skill => new(c, c.Kind, Category.Skills, index.SkillId(v), index.SkillGroupIdOf(v)),
            CriterionKind.SwedishLevel => new(c, c.Kind, Category.SwedishLevel, (int)Enum.Parse<SwedishLevel>(v), -1),
            CriterionKind.DrivingLicence => new(c, c.Kind, Category.DrivingLicence, DrivingLicenceText.TryParseOne(v, out var l) ? (int)l : 0, -1),
            CriterionKind.EducationLevel => new(c, c.Kind, Category.EducationLevel, (int)Enum.Parse<EducationLevel>(v), -1),
            CriterionKind.MinimumAge => new(c, c.Kind, Category.OtherMerits, BirthCutoffFor(int.Parse(v, CultureInfo.InvariantCulture)), -1),
            CriterionKind.PhysicalDemands => new(c, c.Kind, Category.OtherMerits, (int)Enum.Parse<PhysicalDemands>(v), -1),
            CriterionKind.AfRegistration => new(c, c.Kind, Category.OtherMerits, 0, -1),
            CriterionKind.EducationField => new(c, c.Kind, Category.EducationField, CandidateIndex.ParseField(v), -1),
            _ => new(c, c.Kind, Category.Languages, index.LanguageId(v), -1),
        };
    }

    private void FoldMustHave(CompiledCriterion c)
    {
        switch (c.Kind)
        {
            case CriterionKind.DrivingLicence:
                LicenceMask |= (ushort)c.Value;
                break;
            case CriterionKind.SwedishLevel:
                MinSwedish = Math.Max(MinSwedish, (byte)c.Value);
                break;
            case CriterionKind.EducationLevel:
                MinEducation = Math.Max(MinEducation, (byte)c.Value);
                break;
            case CriterionKind.MinimumAge:
                BirthCutoff = Math.Min(BirthCutoff, c.Value);
                break;
            case CriterionKind.PhysicalDemands:
                MinPhysical = Math.Max(MinPhysical, c.Value);
                break;
            case CriterionKind.AfRegistration:
                RequireAf = true;
                break;
        }
    }

    /// <summary>The last birth day (DayNumber) of someone who is <paramref name="age"/> on the start date.</summary>
    public int BirthCutoffFor(int age) => Source.StartsOn.AddYears(-age).DayNumber;

    /// <summary>
    /// The similarity (0–1000) of one criterion for one candidate. The scan's folded thresholds are a faster form
    /// of the same tests for must-haves; a test checks that the two agree.
    /// </summary>
    public int Score(in CandidateRow row, int[] pool, List<int> skillGroupOf, in CompiledCriterion c)
    {
        return c.Kind switch
        {
            CriterionKind.OccupationExperience => Similarity.BestSsyk(pool.AsSpan(row.ListStart, row.ExperienceCount), c.Value),
            CriterionKind.Skill => c.Value < 0 && c.Group < 0 ? 0 : Similarity.Skill(pool.AsSpan(row.SkillStart, row.SkillCount), c.Value, c.Group, skillGroupOf),
            CriterionKind.SwedishLevel => Similarity.AtLeast(row.Swedish, c.Value),
            CriterionKind.DrivingLicence => (row.Licences & c.Value) == c.Value ? Similarity.Full : 0,
            CriterionKind.EducationLevel => Similarity.AtLeast(row.Education, c.Value),
            CriterionKind.MinimumAge => row.BirthDay <= c.Value ? Similarity.Full : 0,
            CriterionKind.PhysicalDemands => row.Physical != CandidateRow.NoValue && row.Physical >= c.Value ? Similarity.Full : 0,
            CriterionKind.AfRegistration => (row.Flags & CandidateRow.AfRegisteredFlag) != 0 ? Similarity.Full : 0,
            CriterionKind.EducationField => Similarity.EducationField(row.EducationField, (short)c.Value),
            _ => Similarity.Contains(pool.AsSpan(row.LanguageStart, row.LanguageCount), c.Value),
        };
    }
}
