using System.Runtime.InteropServices;

namespace Arbetsvagen.Matching;

/// <summary>
/// Ranks candidates for an opportunity and opportunities for a person. The scan runs the hard filter first (it visits
/// only the home municipalities in the commuting set, then tests the folded thresholds on each packed row), scores
/// the survivors in integers, keeps the best N in a bounded heap, and builds explanations only for those N.
/// Order: score descending, then candidate key ascending (ordinal) — the same for the same input, always.
/// </summary>
public static class Matcher
{
    /// <summary>
    /// The best <paramref name="top"/> candidates for the opportunity. With <paramref name="only"/>, candidates whose key it
    /// refuses are left out before scoring (e.g. people outside the collaboration, or those a reader may not see). It is
    /// asked only for candidates who pass the hard filter.
    /// </summary>
    public static CandidateRanking RankCandidates(CandidateIndex index, OpportunityProfile opportunity, MatchingWeights weights, int top,
        Func<string, bool>? only = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(top);
        return index.Read(snapshot =>
        {
            var q = CompiledOpportunity.Compile(opportunity, weights, index);
            var heap = new TopHeap(top, snapshot.Profiles);
            var eligible = Scan(snapshot, q, heap, only);
            var results = heap.Sorted().Select(e => Explain(snapshot, e.Slot, q)).ToList();
            return new CandidateRanking(results, eligible, snapshot.Index.CountUnlocked);
        });
    }

    /// <summary>
    /// A person's opportunities, best first: eligible ones by score, then (when <paramref name="includeBlocked"/>)
    /// the blocked ones, whose gaps say what stands in the way. Ties by opportunity key.
    /// </summary>
    public static IReadOnlyList<MatchResult> RankOpportunities(CandidateProfile candidate, IEnumerable<OpportunityProfile> opportunities,
        MatchingWeights weights, CommutingMatrix commuting, MatchingTaxonomy? taxonomy, int top, bool includeBlocked)
    {
        ArgumentNullException.ThrowIfNull(opportunities);
        using var one = new CandidateIndex(commuting, taxonomy);
        one.Upsert(candidate);
        return one.Read(snapshot =>
        {
            // Score every opportunity, then write explanations for the top N only.
            var scored = opportunities.Select(o => CompiledOpportunity.Compile(o, weights, one))
                .Select(q => (Query: q, Result: Evaluate(snapshot, 0, q)))
                .Where(e => includeBlocked || e.Result.Eligible)
                .OrderByDescending(e => e.Result.Eligible).ThenByDescending(e => e.Result.Rank)
                .ThenBy(e => e.Query.Source.Key, StringComparer.Ordinal)
                .Take(top);
            return scored.Select(e => Explain(snapshot, 0, e.Query)).ToList();
        });
    }

    /// <summary>Whether one candidate meets every must-have, and the rank value, without an explanation.</summary>
    private static (bool Eligible, long Rank) Evaluate(CandidateIndex.Snapshot s, int slot, CompiledOpportunity q)
    {
        ref readonly var row = ref s.Rows[slot];
        var home = s.Municipality[slot];
        var commute = (uint)home < (uint)q.CommuteByHome.Length ? q.CommuteByHome[home] : -1;
        var eligible = commute >= 0 && PassesRow(q, row) && ListMustHavesMet(q, row, s.Pool, s.SkillGroupOf);
        Span<int> sums = stackalloc int[CompiledOpportunity.CategoryCount];
        var (profile, person) = Fit(q, row, s.Pool, s.SkillGroupOf, Math.Max(commute, 0), sums);
        return (eligible, RankValue(q, profile, person));
    }

    /// <summary>The must-haves folded into the row's thresholds: licences, levels, age, availability, AF, physical.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static bool PassesRow(CompiledOpportunity q, in CandidateRow row) =>
        (row.Licences & q.LicenceMask) == q.LicenceMask && row.Swedish >= q.MinSwedish && row.Education >= q.MinEducation
        && row.BirthDay <= q.BirthCutoff && row.AvailableDay <= q.StartDay
        && (!q.RequireAf || (row.Flags & CandidateRow.AfRegisteredFlag) != 0)
        && (q.MinPhysical < 0 || (row.Physical != CandidateRow.NoValue && row.Physical >= q.MinPhysical));

    /// <summary>One person against one opportunity, eligible or not, with the full explanation.</summary>
    public static MatchResult Explain(CandidateIndex index, string candidateKey, OpportunityProfile opportunity, MatchingWeights weights)
    {
        ArgumentNullException.ThrowIfNull(index);
        return index.Read(snapshot =>
        {
            var slot = snapshot.Index.SlotOf(candidateKey)
                ?? throw new MatchingInputException("Okänd kandidat.", new Dictionary<string, string[]> { ["candidateKey"] = ["Kandidaten finns inte i matchningsindexet."] });
            return Explain(snapshot, slot, CompiledOpportunity.Compile(opportunity, weights, index));
        });
    }

    /// <summary>The scan: returns how many passed the hard filter; the best are left in <paramref name="heap"/>.</summary>
    private static int Scan(CandidateIndex.Snapshot s, CompiledOpportunity q, TopHeap heap, Func<string, bool>? only)
    {
        var profiles = s.Profiles;
        var rows = s.Rows;
        var pool = s.Pool;
        var groupOf = s.SkillGroupOf;
        var commuteByHome = q.CommuteByHome;
        var hasListMustHaves = q.ListMustHaves.Length > 0;
        var eligible = 0;
        Span<int> sums = stackalloc int[CompiledOpportunity.CategoryCount];
        var slotsByHome = s.SlotsByHome;
        for (var home = 0; home < commuteByHome.Length; home++)
        {
            // Only the municipalities in the commuting set; the others' candidates are never read.
            var commute = commuteByHome[home];
            if (commute < 0)
            {
                continue;
            }

            foreach (var slot in CollectionsMarshal.AsSpan(slotsByHome[home]))
            {
                ref readonly var row = ref rows[slot];
                if (!PassesRow(q, row))
                {
                    continue;
                }

                if (hasListMustHaves && !ListMustHavesMet(q, row, pool, groupOf))
                {
                    continue;
                }

                if (only is not null && !only(profiles[slot]!.Key))
                {
                    continue;
                }

                eligible++;
                var (profile, person) = Fit(q, row, pool, groupOf, commute, sums);
                heap.Offer(RankValue(q, profile, person), slot);
            }
        }

        return eligible;
    }

    private static bool ListMustHavesMet(CompiledOpportunity q, in CandidateRow row, int[] pool, List<int> groupOf)
    {
        foreach (ref readonly var c in q.ListMustHaves.AsSpan())
        {
            if (q.Score(row, pool, groupOf, c) < Similarity.Full)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Both sides in per mille. Profile side: Σ over categories present of weight × (Σ similarity / criteria in it),
    /// divided by Σ weight. Person side: the same over direction, interest and commuting. Integer division throughout.
    /// <paramref name="commute"/> is the commuting similarity (0–1000).
    /// </summary>
    private static (int Profile, int Person) Fit(CompiledOpportunity q, in CandidateRow row, int[] pool, List<int> groupOf, int commute, Span<int> sums)
    {
        sums.Clear();
        foreach (ref readonly var c in q.Merits.AsSpan())
        {
            sums[(int)c.Category] += q.Score(row, pool, groupOf, c);
        }

        var direction = q.DirectionByByte[row.Direction];
        var interest = q.OpportunitySsyk >= 0 ? Similarity.BestSsyk(pool.AsSpan(row.InterestStart, row.InterestCount), q.OpportunitySsyk) : 0;
        sums[(int)Category.Readiness] = q.ReadinessByByte[row.Readiness];
        sums[(int)Category.Direction] = direction;
        sums[(int)Category.Commuting] = commute;
        sums[(int)Category.OccupationInterest] = interest;

        // Ints suffice: at most 12 categories × weight 1000 × similarity 1000. Most categories hold one criterion, and
        // skipping their division is a measurable part of the scan.
        var raw = 0;
        foreach (var (category, weight, n) in q.Present)
        {
            var sum = sums[category];
            raw += weight * (n == 1 ? sum : sum / n);
        }

        var profile = q.ProfileWeightSum > 0 ? raw / q.ProfileWeightSum : 0;
        var personRaw = (q.PersonDirectionWeight * direction) + (q.PersonCommutingWeight * commute) + (q.PersonInterestWeight * interest);
        var person = q.PersonWeightSum > 0 ? personRaw / q.PersonWeightSum : 0;
        return (profile, person);
    }

    private static long RankValue(CompiledOpportunity q, int profile, int person) =>
        ((long)q.Weights.ProfileSide * profile) + ((long)q.Weights.PersonSide * person);

    private static MatchResult Explain(CandidateIndex.Snapshot s, int slot, CompiledOpportunity q)
    {
        ref readonly var row = ref s.Rows[slot];
        var home = s.Municipality[slot];
        int minutes = (uint)home < (uint)q.MinutesByHome.Length ? q.MinutesByHome[home] : CommutingMatrix.Unreachable;
        Span<int> sums = stackalloc int[CompiledOpportunity.CategoryCount];
        var (profile, person) = Fit(q, row, s.Pool, s.SkillGroupOf, Similarity.Commute(minutes, q.MaxMinutes), sums);
        var text = new Explainer(s.Index, q, row, s.Pool, s.SkillGroupOf, s.Profiles[slot]!, minutes);
        var explanation = text.Build(profile, person, out var eligible);
        var rank = RankValue(q, profile, person);
        var sidesWeight = q.Weights.ProfileSide + q.Weights.PersonSide;
        return new MatchResult(s.Profiles[slot]!.Key, q.Source.Key, eligible, (int)(rank / sidesWeight), profile, person, explanation)
        {
            RankValue = rank,
        };
    }

    /// <summary>
    /// The best N seen so far: a min-heap whose root is the worst kept (lowest value; among equals the greatest key),
    /// so a newcomer is compared with one element and most are turned away without touching the heap.
    /// </summary>
    internal sealed class TopHeap(int capacity, CandidateProfile?[] profiles)
    {
        private readonly long[] values = new long[capacity];
        private readonly int[] slots = new int[capacity];
        private int count;

        public void Offer(long value, int slot)
        {
            if (count < capacity)
            {
                values[count] = value;
                slots[count] = slot;
                Up(count++);
            }
            else if (Worse(values[0], slots[0], value, slot))
            {
                values[0] = value;
                slots[0] = slot;
                Down(0);
            }
        }

        public IEnumerable<(long Value, int Slot)> Sorted() =>
            Enumerable.Range(0, count).Select(i => (values[i], slots[i]))
                .OrderByDescending(e => e.Item1).ThenBy(e => profiles[e.Item2]!.Key, StringComparer.Ordinal);

        /// <summary>True when (a) ranks below (b).</summary>
        private bool Worse(long va, int sa, long vb, int sb) =>
            va != vb ? va < vb : string.CompareOrdinal(profiles[sa]!.Key, profiles[sb]!.Key) > 0;

        private void Up(int i)
        {
            while (i > 0)
            {
                var parent = (i - 1) / 2;
                if (!Worse(values[i], slots[i], values[parent], slots[parent]))
                {
                    return;
                }

                Swap(i, parent);
                i = parent;
            }
        }

        private void Down(int i)
        {
            while (true)
            {
                var worst = i;
                var l = (2 * i) + 1;
                var r = l + 1;
                if (l < count && Worse(values[l], slots[l], values[worst], slots[worst]))
                {
                    worst = l;
                }

                if (r < count && Worse(values[r], slots[r], values[worst], slots[worst]))
                {
                    worst = r;
                }

                if (worst == i)
                {
                    return;
                }

                Swap(i, worst);
                i = worst;
            }
        }

        private void Swap(int a, int b)
        {
            (values[a], values[b]) = (values[b], values[a]);
            (slots[a], slots[b]) = (slots[b], slots[a]);
        }
    }
}
