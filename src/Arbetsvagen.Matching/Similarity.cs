namespace Arbetsvagen.Matching;

/// <summary>
/// The similarity of one criterion, in per mille (0–1000), computed the same way by the scan and by the
/// explanation so the two can never disagree. Integers throughout: identical input gives identical scores on any
/// machine, and the SQL baseline can compute the same numbers.
/// </summary>
internal static class Similarity
{
    public const int Full = 1000;

    /// <summary>SSYK 2012: same unit group (4 digits) 1000, same minor group (3) 750, sub-major (2) 500, major (1) 250.</summary>
    public static int Ssyk(int a, int b) =>
        a == b ? Full : a / 10 == b / 10 ? 750 : a / 100 == b / 100 ? 500 : a / 1000 == b / 1000 ? 250 : 0;

    /// <summary>The best <see cref="Ssyk"/> of a list of groups against one.</summary>
    public static int BestSsyk(ReadOnlySpan<int> groups, int target)
    {
        var best = 0;
        foreach (var g in groups)
        {
            var s = Ssyk(g, target);
            if (s > best)
            {
                best = s;
            }
        }

        return best;
    }

    /// <summary>A skill held 1000; another skill of the same taxonomy group 500.</summary>
    public static int Skill(ReadOnlySpan<int> skills, int skill, int group, List<int> groupOf)
    {
        var best = 0;
        foreach (var s in skills)
        {
            if (s == skill)
            {
                return Full;
            }

            if (group >= 0 && groupOf[s] == group)
            {
                best = 500;
            }
        }

        return best;
    }

    /// <summary>SUN 2020 field, three digits: the same 1000, same narrow field (2 digits) 600, same broad field (1) 300.</summary>
    public static int EducationField(short has, short required) =>
        has < 0 ? 0 : has == required ? Full : has / 10 == required / 10 ? 600 : has / 100 == required / 100 ? 300 : 0;

    public static int Contains(ReadOnlySpan<int> list, int value) => value >= 0 && list.Contains(value) ? Full : 0;

    public static int AtLeast(int has, int required) => has >= required ? Full : 0;

    /// <summary>Green 1000, yellow 500, red or no joint position 0.</summary>
    public static int Readiness(byte readiness) => readiness switch
    {
        (byte)Matching.Readiness.Green => Full,
        (byte)Matching.Readiness.Yellow => 500,
        _ => 0,
    };

    // Rows: the person's direction; columns: job track, placement, job ad. The direction agreed in the joint position
    // says which kind of opportunity is the next step; the others are partly right.
    private static readonly int[,] DirectionFit =
    {
        /* JobTrack    */ { 1000, 500, 500 },
        /* Employment  */ { 750, 250, 1000 },
        /* Studies     */ { 500, 250, 0 },
        /* Preparatory */ { 250, 1000, 0 },
        /* Other       */ { 250, 250, 250 },
    };

    /// <summary>How well an opportunity kind fits the person's direction; 0 without a joint position.</summary>
    public static int Direction(byte direction, OpportunityKind kind) =>
        direction < DirectionFit.GetLength(0) ? DirectionFit[direction, (int)kind] : 0;

    /// <summary>Within the commuting set, linearly less the longer the trip: 0 minutes 1000, the limit 0.</summary>
    public static int Commute(int minutes, int max) =>
        minutes > max ? 0 : max == 0 ? Full : (max - minutes) * Full / max;
}
