using static Arbetsvagen.Matching.Tests.World;

namespace Arbetsvagen.Matching.Tests;

public class ScoringTests
{
    [Theory]
    [InlineData(8331, 8331, 1000)]
    [InlineData(8331, 8332, 750)]
    [InlineData(8331, 8341, 500)]
    [InlineData(8331, 8211, 250)]
    [InlineData(8331, 5120, 0)]
    [InlineData(110, 210, 250)] // "0110" and "0210": the same major group 0 (armed forces), different sub-major groups
    public void Occupations_are_as_similar_as_the_SSYK_level_they_share(int a, int b, int expected) =>
        Assert.Equal(expected, Similarity.Ssyk(a, b));

    [Theory]
    [InlineData(0, 60, 1000)]
    [InlineData(25, 60, 583)]
    [InlineData(60, 60, 0)]
    [InlineData(61, 60, 0)]
    public void Commuting_scores_fall_linearly_to_the_limit(int minutes, int max, int expected) =>
        Assert.Equal(expected, Similarity.Commute(minutes, max));

    [Theory]
    [InlineData("841", "841", 1000)]
    [InlineData("842", "841", 600)]
    [InlineData("811", "841", 300)]
    [InlineData("211", "841", 0)]
    public void Education_fields_are_as_similar_as_the_SUN_level_they_share(string has, string required, int expected) =>
        Assert.Equal(expected, Similarity.EducationField(CandidateIndex.ParseField(has), CandidateIndex.ParseField(required)));

    /// <summary>
    /// By hand, default weights. Categories present: experience 30, skills 20, education level 10, interest 10,
    /// readiness 10, direction 5, commuting 10 = 95. Similarities: 8332 for 8331 = 750; skill-b in skill-a's group = 500;
    /// primary for upper secondary = 0; interest 8331 = 1000; yellow = 500; job track for a job track = 1000;
    /// 25 of 60 minutes = (60−25)×1000/60 = 583.
    /// Profile: (30×750 + 20×500 + 0 + 10×1000 + 10×500 + 5×1000 + 10×583) / 95 = 58330 / 95 = 614.
    /// Person: (40×1000 + 40×1000 + 20×583) / 100 = 91660 / 100 = 916.
    /// Score: (70×614 + 30×916) / 100 = 70460 / 100 = 704.
    /// </summary>
    [Fact]
    public void A_candidate_scores_what_the_formula_gives_by_hand()
    {
        using var index = Index(Driver("p1"));
        var result = Assert.Single(Matcher.RankCandidates(index, BusDriverTrack(), MatchingWeights.Default, 10).Results);
        Assert.Equal(614, result.ProfileFit);
        Assert.Equal(916, result.PersonFit);
        Assert.Equal(704, result.Score);
        Assert.True(result.Eligible);

        var rows = result.Explanation.ProfileSide.ToDictionary(c => c.Criterion);
        Assert.Equal(22.5m, rows["Yrkeserfarenhet"].Points);
        Assert.Equal(30m, rows["Yrkeserfarenhet"].MaxPoints);
        Assert.Equal(10m, rows["Kompetens"].Points);
        Assert.Equal(0m, rows["Utbildningsnivå"].Points);
        Assert.Equal(5m, rows["Färgkategori"].Points);
        Assert.Equal(5.83m, rows["Pendling"].Points);
        Assert.Equal(0m, rows["Körkort"].Points); // a must-have gives no points: everyone in the list meets it
        Assert.True(rows["Körkort"].Met);
    }

    [Fact]
    public void Several_merits_of_one_kind_share_its_weight()
    {
        // Two skill merits: skill-a (group: 500) and skill-c (none: 0) → skills category (500 + 0) / 2 = 250.
        var profile = BusDriverTrack(new Criterion(CriterionKind.Skill, "skill-c", MustHave: false));
        using var index = Index(Driver("p1"));
        var result = Assert.Single(Matcher.RankCandidates(index, profile, MatchingWeights.Default, 10).Results);
        var skills = result.Explanation.ProfileSide.Where(c => c.Criterion == "Kompetens").ToList();
        Assert.Equal([5m, 0m], skills.Select(s => s.Points));
        Assert.All(skills, s => Assert.Equal(10m, s.MaxPoints));
        // (30×750 + 20×250 + 0 + 10000 + 5000 + 5000 + 5830) / 95 = 53330 / 95 = 561
        Assert.Equal(561, result.ProfileFit);
    }

    [Fact]
    public void Education_field_and_languages_score_as_merits()
    {
        var profile = BusDriverTrack(new Criterion(CriterionKind.EducationField, "841", false), new Criterion(CriterionKind.Language, "ar", false));
        using var index = Index(Driver("p1") with { EducationField = "842", Languages = ["ar"] });
        var rows = Assert.Single(Matcher.RankCandidates(index, profile, MatchingWeights.Default, 10).Results).Explanation.ProfileSide
            .ToDictionary(c => c.Criterion);
        Assert.Equal(6m, rows["Utbildningsinriktning"].Points);
        Assert.Equal(5m, rows["Språk"].Points);
        Assert.True(rows["Språk"].Met);
    }

    [Fact]
    public void Readiness_direction_and_interest_count_for_the_person_side()
    {
        using var index = Index(
            Driver("green") with { Readiness = Readiness.Green },
            Driver("red") with { Readiness = Readiness.Red },
            Driver("studies") with { Direction = Direction.Studies },
            Driver("no-position") with { Readiness = null, Direction = null });
        var results = Matcher.RankCandidates(index, BusDriverTrack(), MatchingWeights.Default, 10).Results.ToDictionary(r => r.CandidateKey);
        Assert.True(results["green"].ProfileFit > results["red"].ProfileFit);
        Assert.Equal(916, results["green"].PersonFit);
        // Studies for a job track: 500. (40×500 + 40×1000 + 20×583) / 100 = 71660 / 100 = 716.
        Assert.Equal(716, results["studies"].PersonFit);
        // No joint position: direction 0. (0 + 40000 + 11660) / 100 = 516.
        Assert.Equal(516, results["no-position"].PersonFit);
    }
}
