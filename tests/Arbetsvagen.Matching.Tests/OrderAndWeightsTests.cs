using static Arbetsvagen.Matching.Tests.World;

namespace Arbetsvagen.Matching.Tests;

public class OrderAndWeightsTests
{
    [Fact]
    public void Equal_scores_are_ordered_by_candidate_key_whatever_the_order_of_insertion()
    {
        string[] keys = ["p-b", "p-c", "p-a", "p-e", "p-d"];
        foreach (var order in new[] { keys, keys.Reverse().ToArray(), keys.Order(StringComparer.Ordinal).ToArray() })
        {
            using var index = Index([.. order.Select(Driver)]);
            var ranked = Matcher.RankCandidates(index, BusDriverTrack(), MatchingWeights.Default, 3).Results.Select(r => r.CandidateKey);
            Assert.Equal(["p-a", "p-b", "p-c"], ranked);
        }
    }

    [Fact]
    public void The_same_input_gives_the_same_ranking_and_explanations()
    {
        using var index = Index([.. Enumerable.Range(0, 300).Select(i => Driver($"p{i % 17}-{i}") with
        {
            ExperienceSsyk = [8300 + (i % 40)], Readiness = (Readiness)(i % 3), HomeMunicipalityCode = i % 2 == 0 ? Taby : Vaxholm,
        })]);
        var first = Matcher.RankCandidates(index, BusDriverTrack(), MatchingWeights.Default, 50);
        var second = Matcher.RankCandidates(index, BusDriverTrack(), MatchingWeights.Default, 50);
        Assert.Equal(first.Results.Select(r => (r.CandidateKey, r.Score)), second.Results.Select(r => (r.CandidateKey, r.Score)));
        Assert.Equal(first.Results.Select(r => r.Explanation.Summary), second.Results.Select(r => r.Explanation.Summary));
        Assert.True(first.Results.Zip(first.Results.Skip(1)).All(p => p.First.Score >= p.Second.Score));
    }

    [Fact]
    public void Weights_change_the_order_as_expected()
    {
        var experienced = Driver("experienced") with { ExperienceSsyk = [8331], Skills = [] };
        var skilled = Driver("skilled") with { ExperienceSsyk = [], Skills = ["skill-a"] };
        using var index = Index(experienced, skilled);
        var byDefault = Matcher.RankCandidates(index, BusDriverTrack(), MatchingWeights.Default, 2).Results.Select(r => r.CandidateKey);
        Assert.Equal(["experienced", "skilled"], byDefault);

        var skillsFirst = MatchingWeights.Default with { OccupationExperience = 5, Skills = 60 };
        Assert.Equal(["skilled", "experienced"], Matcher.RankCandidates(index, BusDriverTrack(), skillsFirst, 2).Results.Select(r => r.CandidateKey));
    }

    [Fact]
    public void The_person_side_weight_can_outweigh_the_profile()
    {
        var fits = Driver("fits-profile") with { ExperienceSsyk = [8331], Direction = Direction.Studies };
        var wants = Driver("wants-it") with { ExperienceSsyk = [], Direction = Direction.JobTrack };
        using var index = Index(fits, wants);
        Assert.Equal("fits-profile", Matcher.RankCandidates(index, BusDriverTrack(), MatchingWeights.Default with { PersonSide = 0 }, 1).Results[0].CandidateKey);
        Assert.Equal("wants-it", Matcher.RankCandidates(index, BusDriverTrack(), MatchingWeights.Default with { ProfileSide = 0 }, 1).Results[0].CandidateKey);
    }

    [Fact]
    public void Negative_weights_are_rejected_naming_the_field_in_Swedish()
    {
        var errors = (MatchingWeights.Default with { Skills = -1, Commuting = -5 }).Validate();
        Assert.Equal(["Vikten för kompetenser får inte vara negativ."], errors["skills"]);
        Assert.Equal(["Vikten för pendling får inte vara negativ."], errors["commuting"]);
    }

    [Fact]
    public void All_zero_weights_are_rejected()
    {
        var zero = new MatchingWeights
        {
            OccupationExperience = 0, Skills = 0, SwedishLevel = 0, DrivingLicence = 0, EducationLevel = 0, EducationField = 0, Languages = 0,
            OtherMerits = 0, OccupationInterest = 0, Readiness = 0, Direction = 0, Commuting = 0,
            PersonDirection = 0, PersonInterest = 0, PersonCommuting = 0, ProfileSide = 0, PersonSide = 0,
        };
        var errors = zero.Validate();
        Assert.Contains("yrkeserfarenhet", errors["occupationExperience"].Single());
        Assert.Contains("personens sida", errors["personDirection"].Single());
        Assert.Contains("Kravprofilens sida och personens sida", errors["profileSide"].Single());
        using var index = Index(Driver("p1"));
        var thrown = Assert.Throws<MatchingInputException>(() => Matcher.RankCandidates(index, BusDriverTrack(), zero, 10));
        Assert.Equal(3, thrown.Errors.Count);
        Assert.Empty(MatchingWeights.Default.Validate());
    }

    [Fact]
    public void A_bad_profile_is_rejected_naming_the_criterion()
    {
        using var index = Index(Driver("p1"));
        var empty = BusDriverTrack() with { Criteria = [] };
        var e1 = Assert.Throws<MatchingInputException>(() => Matcher.RankCandidates(index, empty, MatchingWeights.Default, 10));
        Assert.StartsWith("Kravprofilen har inga kriterier", e1.Errors["criteria"].Single());

        var bad = BusDriverTrack() with
        {
            MunicipalityCode = "0000",
            Criteria = [new(CriterionKind.OccupationExperience, "833", true), new(CriterionKind.SwedishLevel, "Flytande", true), new(CriterionKind.DrivingLicence, "X", false)],
        };
        var e2 = Assert.Throws<MatchingInputException>(() => Matcher.RankCandidates(index, bad, MatchingWeights.Default, 10));
        Assert.Equal("Yrkeserfarenhet: \"833\" är ingen SSYK-yrkesgrupp (fyra siffror).", e2.Errors["criteria[0].value"].Single());
        Assert.Equal("Svenska: \"Flytande\" är ingen känd nivå.", e2.Errors["criteria[1].value"].Single());
        Assert.Equal("Körkort: \"X\" är ingen körkortsbehörighet.", e2.Errors["criteria[2].value"].Single());
        Assert.Equal("Kommunkoden 0000 finns inte i pendlingstabellen.", e2.Errors["municipalityCode"].Single());
    }

    [Fact]
    public void A_persons_opportunities_come_eligible_first_then_blocked_with_their_gaps()
    {
        var person = Driver("p1");
        var track = BusDriverTrack();
        var placement = BusDriverTrack() with { Key = "placement:kitchen", Kind = OpportunityKind.Placement, OccupationSsyk = 5120,
            Criteria = [new(CriterionKind.OccupationExperience, "5120", false)] };
        var needsC = BusDriverTrack() with { Key = "ad:truck", Kind = OpportunityKind.JobAd,
            Criteria = [new(CriterionKind.DrivingLicence, "C", true)] };
        var ranked = Matcher.RankOpportunities(person, [needsC, placement, track], MatchingWeights.Default, Commuting(), Taxonomy(), 10, includeBlocked: true);
        Assert.Equal(["jobtrack:bus", "placement:kitchen", "ad:truck"], ranked.Select(r => r.OpportunityKey));
        Assert.False(ranked[2].Eligible);
        Assert.Contains("saknar C-körkort → arbetsmarknadsutbildning (AUB), yrkesutbildning", ranked[2].Explanation.Gaps.Select(g => g.Text));
        var eligibleOnly = Matcher.RankOpportunities(person, [needsC, placement, track], MatchingWeights.Default, Commuting(), Taxonomy(), 10, includeBlocked: false);
        Assert.Equal(2, eligibleOnly.Count);
    }

    [Fact]
    public void A_persons_list_agrees_with_explaining_each_opportunity_alone()
    {
        var random = new Random(11);
        string[] places = [Stockholm, Taby, Vaxholm, Norrtalje, Umea];
        string[] licences = ["B", "C", "D"];
        string[] levels = ["SfiB", "SfiD", "SecondLanguage"];
        var opportunities = Enumerable.Range(0, 200).Select(i => BusDriverTrack() with
        {
            Key = $"o{i:D3}",
            Kind = (OpportunityKind)(i % 3),
            MunicipalityCode = places[random.Next(places.Length)],
            OccupationSsyk = 8300 + random.Next(0, 60),
            MaxCommuteMinutes = random.Next(20, 90),
            Criteria =
            [
                new(CriterionKind.DrivingLicence, licences[random.Next(3)], random.Next(2) == 0),
                new(CriterionKind.SwedishLevel, levels[random.Next(3)], random.Next(2) == 0),
                new(CriterionKind.OccupationExperience, (8300 + random.Next(0, 60)).ToString(System.Globalization.CultureInfo.InvariantCulture), random.Next(4) == 0),
                new(CriterionKind.Skill, $"skill-{(char)('a' + random.Next(3))}", false),
            ],
        }).ToList();
        var person = Driver("p1") with { ExperienceSsyk = [8331, 8342], Licences = DrivingLicences.B | DrivingLicences.C };
        using var index = Index(person);
        var expected = opportunities.Select(o => Matcher.Explain(index, "p1", o, MatchingWeights.Default))
            .OrderByDescending(r => r.Eligible).ThenByDescending(r => r.RankValue).ThenBy(r => r.OpportunityKey, StringComparer.Ordinal)
            .Select(r => (r.OpportunityKey, r.Eligible, r.Score)).ToList();
        var ranked = Matcher.RankOpportunities(person, opportunities, MatchingWeights.Default, Commuting(), Taxonomy(), 200, includeBlocked: true);
        Assert.Equal(expected, ranked.Select(r => (r.OpportunityKey, r.Eligible, r.Score)));
        Assert.Contains(ranked, r => r.Eligible);
        Assert.Contains(ranked, r => !r.Eligible);
    }
}
