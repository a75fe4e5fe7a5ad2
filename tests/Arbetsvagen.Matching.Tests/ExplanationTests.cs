using static Arbetsvagen.Matching.Tests.World;

namespace Arbetsvagen.Matching.Tests;

public class ExplanationTests
{
    private static MatchResult Explain(CandidateProfile person, OpportunityProfile profile)
    {
        using var index = Index(person);
        return Matcher.Explain(index, person.Key, profile, MatchingWeights.Default);
    }

    [Fact]
    public void Each_criterion_says_what_was_required_what_the_person_has_and_the_points()
    {
        var result = Explain(Driver("p1"), BusDriverTrack());
        var texts = result.Explanation.ProfileSide.Select(c => c.Text).ToList();
        Assert.Contains("Körkort (skallkrav): D. Har: B, D. Uppfyllt.", texts);
        Assert.Contains("Svenska (skallkrav): SFI kurs C eller högre. Har: SFI kurs D. Uppfyllt.", texts);
        Assert.Contains("Yrkeserfarenhet (meriterande): 8331 Buss- och spårvagnsförare. Har: 8332 Lastbilsförare m.fl. "
            + "(närliggande: samma yrkesgrupp på 3-siffernivå). Delvis uppfyllt. 22,5 av 30 poäng.", texts);
        Assert.Contains("Kompetens (meriterande): Kollektivtrafik. Har: har närliggande kompetens: Persontransport. Delvis uppfyllt. 10 av 20 poäng.", texts);
        Assert.Contains("Utbildningsnivå (meriterande): Gymnasial, fullföljd eller högre. Har: Förgymnasial, 9 (10) år. Inte uppfyllt. 0 av 10 poäng.", texts);
        Assert.Contains("Pendling (skallkrav): högst 60 minuter till Stockholm. Har: bor i Täby, 25 minuter. Uppfyllt. 5,8 av 10 poäng.", texts);
        Assert.Contains("Tillgänglig från startdatum (skallkrav): 2027-02-01. Har: nu. Uppfyllt.", texts);
        Assert.Equal("Matchning 70,4 %: kravprofilen 61,4 %, personens riktning och intressen 91,6 %.", result.Explanation.Summary);
        Assert.Contains(result.Explanation.PersonSide, c => c.Text == "Riktning: lokalt jobbspår. Personen: Lokalt jobbspår. 40 av 40 poäng (av 100 för personens sida).");
    }

    [Fact]
    public void A_missing_licence_blocks_and_names_driving_school()
    {
        var result = Explain(Driver("p1") with { Licences = DrivingLicences.None },
            BusDriverTrack(new Criterion(CriterionKind.DrivingLicence, "B", MustHave: true)));
        Assert.False(result.Eligible);
        var texts = result.Explanation.Gaps.Where(g => g.Blocks).Select(g => g.Text).ToList();
        Assert.Contains("saknar B-körkort → körkortsutbildning", texts);
        Assert.Contains("saknar D-körkort → arbetsmarknadsutbildning (AUB), yrkesutbildning", texts);
        Assert.Equal(ActivityKind.Other, result.Explanation.Gaps.Single(g => g.Problem == "saknar B-körkort").Activities.Single().Kind);
        Assert.StartsWith("Uppfyller inte alla skallkrav (2 saknas).", result.Explanation.Summary);
        Assert.Contains("Körkort (skallkrav): B. Har: inget körkort. Inte uppfyllt – spärrar matchningen.", result.Explanation.ProfileSide.Select(c => c.Text));
    }

    [Fact]
    public void Too_little_Swedish_names_SFI_and_beyond_SFI_Komvux()
    {
        var low = Explain(Driver("p1") with { SwedishLevel = SwedishLevel.SfiB }, BusDriverTrack());
        var gap = Assert.Single(low.Explanation.Gaps, g => g.Blocks);
        Assert.Equal("svenska på nivå SFI kurs C krävs (har SFI kurs B) → SFI-kombination, SFI", gap.Text);
        Assert.Equal([ActivityKind.SfiCombination, ActivityKind.Sfi], gap.Activities.Select(a => a.Kind));

        var profile = BusDriverTrack(new Criterion(CriterionKind.SwedishLevel, "SecondLanguage", MustHave: true));
        var high = Explain(Driver("p1"), profile);
        Assert.Contains("svenska på nivå Svenska som andraspråk krävs (har SFI kurs D) → komvux-kurs", high.Explanation.Gaps.Select(g => g.Text));
    }

    [Fact]
    public void Merit_gaps_lower_the_match_and_come_after_blocking_ones_largest_loss_first()
    {
        var result = Explain(Driver("p1") with { SwedishLevel = SwedishLevel.SfiA }, BusDriverTrack());
        var gaps = result.Explanation.Gaps.Select(g => (g.Blocks, g.Text)).ToList();
        Assert.Equal(
        [
            (true, "svenska på nivå SFI kurs C krävs (har SFI kurs A) → SFI-kombination, SFI"),
            (false, "saknar kompetensen Kollektivtrafik → yrkesutbildning, praktik"),
            (false, "utbildningsnivå gymnasial, fullföljd krävs (har förgymnasial, 9 (10) år) → komvux-kurs"),
            (false, "saknar erfarenhet av 8331 Buss- och spårvagnsförare → praktik, arbetsträning, yrkesutbildning"),
            (false, "färgkategori gul → coachning, arbetsträning"),
        ], gaps);
    }

    [Fact]
    public void Gaps_that_no_activity_closes_say_so()
    {
        var profile = BusDriverTrack(new Criterion(CriterionKind.MinimumAge, "40", true), new Criterion(CriterionKind.Language, "ar", false));
        var result = Explain(Driver("p1") with { HomeMunicipalityCode = Norrtalje, AvailableFrom = new DateOnly(2027, 3, 1) }, profile);
        var texts = result.Explanation.Gaps.Select(g => g.Text).ToList();
        Assert.Contains("under 40 år på startdatum (fyller 40 den 2030-05-01) (ingen insats i katalogen stänger gapet)", texts);
        Assert.Contains("bor i Norrtälje, 70 minuter från arbetsplatsen (högst 60) (ingen insats i katalogen stänger gapet)", texts);
        Assert.Contains("tillgänglig först 2027-03-01, start 2027-02-01 (ingen insats i katalogen stänger gapet)", texts);
        Assert.Contains("talar inte arabiska (ingen insats i katalogen stänger gapet)", texts);
    }

    [Fact]
    public void Af_registration_and_physical_demands_have_their_own_gaps()
    {
        var profile = BusDriverTrack(new Criterion(CriterionKind.AfRegistration, "", true), new Criterion(CriterionKind.PhysicalDemands, "High", true));
        var texts = Explain(Driver("p1"), profile).Explanation.Gaps.Select(g => g.Text).ToList();
        Assert.Contains("inte inskriven på Arbetsförmedlingen → inskrivning på Arbetsförmedlingen", texts);
        Assert.Contains("fysisk förmåga inte bedömd (höga krav) → arbetsträning", texts);
    }

    [Fact]
    public void No_text_shows_an_identifier_from_the_code()
    {
        var profile = BusDriverTrack(
            new Criterion(CriterionKind.AfRegistration, "", true), new Criterion(CriterionKind.PhysicalDemands, "High", false),
            new Criterion(CriterionKind.EducationField, "841", false), new Criterion(CriterionKind.MinimumAge, "18", false),
            new Criterion(CriterionKind.Language, "en", false));
        var result = Explain(Driver("p1") with { SwedishLevel = SwedishLevel.SecondLanguage, Readiness = Readiness.Red }, profile);
        var all = result.Explanation.ProfileSide.Concat(result.Explanation.PersonSide).SelectMany(c => new[] { c.Text, c.Criterion, c.Required, c.Has })
            .Concat(result.Explanation.Gaps.SelectMany(g => new[] { g.Text, g.Criterion })).Append(result.Explanation.Summary).ToList();
        string[] identifiers = [.. Enum.GetNames<CriterionKind>(), .. Enum.GetNames<SwedishLevel>().Where(n => n.Length > 3),
            .. Enum.GetNames<EducationLevel>(), .. Enum.GetNames<ActivityKind>().Where(n => n.Length > 3), .. Enum.GetNames<Readiness>(),
            .. Enum.GetNames<Direction>(), .. Enum.GetNames<PhysicalDemands>(), "JobTrack"];
        foreach (var text in all)
        {
            Assert.DoesNotContain(identifiers, id => text.Contains(id, StringComparison.Ordinal));
        }
    }
}
