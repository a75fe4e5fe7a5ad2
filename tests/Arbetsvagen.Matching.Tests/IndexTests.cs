using static Arbetsvagen.Matching.Tests.World;

namespace Arbetsvagen.Matching.Tests;

public class IndexTests
{
    private static IReadOnlyList<string> Ranked(CandidateIndex index) =>
        [.. Matcher.RankCandidates(index, BusDriverTrack(), MatchingWeights.Default, 100).Results.Select(r => r.CandidateKey)];

    [Fact]
    public void Added_candidates_are_ranked_and_counted()
    {
        using var index = Index(Driver("p1"));
        index.Upsert(Driver("p2"));
        Assert.Equal(2, index.Count);
        Assert.Equal(["p1", "p2"], Ranked(index));
        Assert.Equal("p2", index.Get("p2")!.Key);
    }

    [Fact]
    public void An_update_replaces_the_candidate_and_is_seen_by_the_next_ranking()
    {
        using var index = Index(Driver("p1"), Driver("p2"));
        index.Upsert(Driver("p1") with { Licences = DrivingLicences.B });
        Assert.Equal(["p2"], Ranked(index));
        Assert.Equal(2, index.Count);

        index.Upsert(Driver("p1") with { ExperienceSsyk = [8331, 8332, 8333, 8334], Skills = ["skill-a", "skill-b", "skill-c"] });
        var top = Matcher.RankCandidates(index, BusDriverTrack(), MatchingWeights.Default, 1).Results.Single();
        Assert.Equal("p1", top.CandidateKey);
        Assert.Equal("har kompetensen", top.Explanation.ProfileSide.Single(c => c.Criterion == "Kompetens").Has);
    }

    [Fact]
    public void A_ranking_limited_to_some_keys_leaves_out_the_others_before_the_top_is_taken()
    {
        using var index = Index(Driver("p1"), Driver("p2"), Driver("p3"));
        var limited = Matcher.RankCandidates(index, BusDriverTrack(), MatchingWeights.Default, 1, only: key => key is "p2" or "p3");
        Assert.Equal("p2", limited.Results.Single().CandidateKey);
        Assert.Equal(2, limited.EligibleCount);
        Assert.Equal(3, Matcher.RankCandidates(index, BusDriverTrack(), MatchingWeights.Default, 1).EligibleCount);
    }

    [Fact]
    public void Moving_home_moves_the_candidate_in_and_out_of_the_commuting_set()
    {
        using var index = Index(Driver("p1"), Driver("p2"), Driver("p3"));
        index.Upsert(Driver("p2") with { HomeMunicipalityCode = Umea });
        Assert.Equal(["p1", "p3"], Ranked(index));
        index.Upsert(Driver("p1") with { HomeMunicipalityCode = Vaxholm }); // 40 minutes: still in, lower
        index.Upsert(Driver("p2") with { HomeMunicipalityCode = Stockholm }); // back, and closest
        Assert.Equal(["p2", "p3", "p1"], Ranked(index));
        index.Upsert(Driver("p9") with { HomeMunicipalityCode = "9999" }); // unknown municipality: never in a commuting set
        Assert.Equal(["p2", "p3", "p1"], Ranked(index));
        Assert.True(index.Remove("p9"));
        Assert.True(index.Remove("p3"));
        Assert.Equal(["p2", "p1"], Ranked(index));
    }

    [Fact]
    public void Loading_many_at_once_ranks_as_adding_them_one_by_one()
    {
        var people = Enumerable.Range(0, 50).Select(i => Driver($"p{i:D2}") with
        {
            HomeMunicipalityCode = new[] { Stockholm, Taby, Vaxholm, Norrtalje }[i % 4], ExperienceSsyk = [8300 + (i % 40)],
        }).ToList();
        using var one = Index([.. people]);
        using var many = Index();
        many.UpsertMany(people);
        Assert.Equal(Ranked(one), Ranked(many));
    }

    [Fact]
    public void A_removed_candidate_is_gone_and_its_slot_is_reused()
    {
        using var index = Index(Driver("p1"), Driver("p2"), Driver("p3"));
        Assert.True(index.Remove("p2"));
        Assert.False(index.Remove("p2"));
        Assert.Null(index.Get("p2"));
        Assert.Equal(["p1", "p3"], Ranked(index));
        index.Upsert(Driver("p4") with { Skills = ["skill-a"] });
        Assert.Equal(["p4", "p1", "p3"], Ranked(index));
        Assert.Equal(3, index.Count);
    }

    [Fact]
    public void Many_updates_that_grow_the_lists_keep_every_candidate_right_through_compaction()
    {
        using var index = Index();
        for (var round = 0; round < 30; round++)
        {
            for (var i = 0; i < 200; i++)
            {
                // Lists grow each round, so each update moves the candidate's lists and leaves garbage to compact.
                index.Upsert(Driver($"p{i:D3}") with { ExperienceSsyk = [.. Enumerable.Range(0, (round % 6) + 1).Select(k => 8400 + k)], InterestSsyk = [8331] });
            }
        }

        index.Upsert(Driver("p007") with { ExperienceSsyk = [8331] });
        var results = Matcher.RankCandidates(index, BusDriverTrack(), MatchingWeights.Default, 200).Results;
        Assert.Equal(200, results.Count);
        Assert.Equal("p007", results[0].CandidateKey);
        // Everyone else: 84xx for 8331 = same major group, 250.
        Assert.All(results.Skip(1), r => Assert.Equal("8400", r.Explanation.ProfileSide.Single(c => c.Criterion == "Yrkeserfarenhet").Has[..4]));
    }
}
