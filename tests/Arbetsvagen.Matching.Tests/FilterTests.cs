using static Arbetsvagen.Matching.Tests.World;

namespace Arbetsvagen.Matching.Tests;

public class FilterTests
{
    private static IReadOnlyList<string> Ranked(CandidateIndex index, OpportunityProfile profile) =>
        [.. Matcher.RankCandidates(index, profile, MatchingWeights.Default, 100).Results.Select(r => r.CandidateKey)];

    [Fact]
    public void Every_must_have_keeps_out_those_who_do_not_meet_it()
    {
        using var index = Index(
            Driver("ok"),
            Driver("no-d") with { Licences = DrivingLicences.B },
            Driver("sfi-b") with { SwedishLevel = SwedishLevel.SfiB },
            Driver("unknown-swedish") with { SwedishLevel = SwedishLevel.Unknown },
            Driver("norrtalje") with { HomeMunicipalityCode = Norrtalje },   // 70 minutes
            Driver("umea") with { HomeMunicipalityCode = Umea },             // no known way
            Driver("unknown-home") with { HomeMunicipalityCode = "9999" },
            Driver("later") with { AvailableFrom = Start.AddDays(1) },
            Driver("on-start") with { AvailableFrom = Start });
        Assert.Equal(["ok", "on-start"], Ranked(index, BusDriverTrack()).Order(StringComparer.Ordinal));
        Assert.Equal(2, Matcher.RankCandidates(index, BusDriverTrack(), MatchingWeights.Default, 1).EligibleCount);
    }

    [Fact]
    public void Minimum_age_counts_on_the_start_date()
    {
        using var index = Index(
            Driver("eighteen-on-start") with { DateOfBirth = Start.AddYears(-18) },
            Driver("one-day-short") with { DateOfBirth = Start.AddYears(-18).AddDays(1) },
            Driver("unknown") with { DateOfBirth = null });
        var profile = BusDriverTrack(new Criterion(CriterionKind.MinimumAge, "18", MustHave: true));
        Assert.Equal(["eighteen-on-start"], Ranked(index, profile));
    }

    [Fact]
    public void Af_registration_physical_demands_and_list_must_haves_filter()
    {
        using var index = Index(
            Driver("all") with { AfRegistered = true, PhysicalCapacity = PhysicalDemands.High, ExperienceSsyk = [8331], Skills = ["skill-a"], Languages = ["en"], EducationField = "841" },
            Driver("not-af") with { PhysicalCapacity = PhysicalDemands.High, ExperienceSsyk = [8331], Skills = ["skill-a"], Languages = ["en"], EducationField = "841" },
            Driver("low") with { AfRegistered = true, PhysicalCapacity = PhysicalDemands.Low, ExperienceSsyk = [8331], Skills = ["skill-a"], Languages = ["en"], EducationField = "841" },
            Driver("near-job") with { AfRegistered = true, PhysicalCapacity = PhysicalDemands.High, Skills = ["skill-a"], Languages = ["en"], EducationField = "841" },
            Driver("near-skill") with { AfRegistered = true, PhysicalCapacity = PhysicalDemands.High, ExperienceSsyk = [8331], Languages = ["en"], EducationField = "841" },
            Driver("no-english") with { AfRegistered = true, PhysicalCapacity = PhysicalDemands.High, ExperienceSsyk = [8331], Skills = ["skill-a"], EducationField = "841" },
            Driver("near-field") with { AfRegistered = true, PhysicalCapacity = PhysicalDemands.High, ExperienceSsyk = [8331], Skills = ["skill-a"], Languages = ["en"], EducationField = "842" });
        var profile = BusDriverTrack(
            new Criterion(CriterionKind.AfRegistration, "", true),
            new Criterion(CriterionKind.PhysicalDemands, "Moderate", true),
            new Criterion(CriterionKind.OccupationExperience, "8331", true),
            new Criterion(CriterionKind.Skill, "skill-a", true),
            new Criterion(CriterionKind.Language, "en", true),
            new Criterion(CriterionKind.EducationField, "841", true));
        Assert.Equal(["all"], Ranked(index, profile));
    }

    [Fact]
    public void The_fast_filter_and_scores_agree_with_the_explanation_for_every_candidate()
    {
        // Random people against a profile with every kind of criterion: the scan's folded thresholds and the
        // explanation's criterion-by-criterion tests must agree on who is eligible and on every score.
        var random = new Random(7);
        string[] homes = [Stockholm, Taby, Vaxholm, Norrtalje, Umea];
        using var index = Index();
        for (var i = 0; i < 2000; i++)
        {
            index.Upsert(new CandidateProfile
            {
                Key = $"p{i:D4}",
                DateOfBirth = Start.AddDays(-random.Next(15 * 365, 60 * 365)),
                HomeMunicipalityCode = homes[random.Next(homes.Length)],
                Licences = (DrivingLicences)random.Next(0, 1 << 15),
                SwedishLevel = (SwedishLevel)random.Next(0, 8),
                EducationLevel = (EducationLevel)random.Next(0, 9),
                EducationField = random.Next(3) == 0 ? null : $"8{random.Next(3, 5)}{random.Next(0, 3)}",
                AfRegistered = random.Next(2) == 0,
                AvailableFrom = random.Next(3) == 0 ? Start.AddDays(random.Next(-30, 30)) : null,
                ExperienceSsyk = [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => 8300 + random.Next(0, 50))],
                InterestSsyk = [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => 8300 + random.Next(0, 50))],
                Skills = [.. Enumerable.Range(0, random.Next(0, 3)).Select(_ => $"skill-{(char)('a' + random.Next(0, 3))}")],
                Languages = random.Next(2) == 0 ? ["en"] : [],
                Readiness = random.Next(4) == 0 ? null : (Readiness)random.Next(0, 3),
                Direction = random.Next(4) == 0 ? null : (Direction)random.Next(0, 5),
                PhysicalCapacity = random.Next(4) == 0 ? null : (PhysicalDemands)random.Next(0, 3),
            });
        }

        var profile = BusDriverTrack(
            new Criterion(CriterionKind.MinimumAge, "20", true),
            new Criterion(CriterionKind.PhysicalDemands, "Low", true),
            new Criterion(CriterionKind.EducationField, "841", false),
            new Criterion(CriterionKind.Language, "en", false),
            new Criterion(CriterionKind.AfRegistration, "", false));
        var ranking = Matcher.RankCandidates(index, profile, MatchingWeights.Default, 2000);
        var explained = Enumerable.Range(0, 2000).Select(i => Matcher.Explain(index, $"p{i:D4}", profile, MatchingWeights.Default)).ToList();
        Assert.Equal(explained.Count(e => e.Eligible), ranking.EligibleCount);
        Assert.True(ranking.EligibleCount > 10, "the generated people should not all be filtered out");
        var expected = explained.Where(e => e.Eligible).OrderByDescending(e => e.RankValue).ThenBy(e => e.CandidateKey, StringComparer.Ordinal)
            .Select(e => (e.CandidateKey, e.Score, e.ProfileFit, e.PersonFit));
        Assert.Equal(expected, ranking.Results.Select(e => (e.CandidateKey, e.Score, e.ProfileFit, e.PersonFit)));
    }
}
