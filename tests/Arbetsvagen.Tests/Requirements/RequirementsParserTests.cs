using Arbetsvagen.Features.Requirements;
using Xunit;

namespace Arbetsvagen.Tests.Requirements;

/// <summary>The one parser of a requirement profile: every kind read into its stored value, every bad value named by row and kind.</summary>
public sealed class RequirementsParserTests
{
    private static (List<Requirement> Parsed, Dictionary<string, string[]> Errors) Parse(params (string? Kind, string? Value, bool MustHave)[] rows)
    {
        var input = new RequirementsInput(rows.Select(r => new RequirementInput { Kind = r.Kind, Value = r.Value, MustHave = r.MustHave }));
        var errors = new Dictionary<string, string[]>();
        return (input.Parse(errors, "requirements"), errors);
    }

    [Fact]
    public void Every_kind_is_read_into_its_stored_value_by_id_name_or_swedish_label()
    {
        var (parsed, errors) = Parse(
            ("occupationExperience", "8331", true),
            ("Yrkeserfarenhet", "undersköterskor, hemtjänst, hemsjukvård, äldreboende och habilitering", false),
            ("skill", "Kylteknik", false),
            ("skill", "11rR_H3J_EQQ", true),
            ("swedishLevel", "SFI kurs D", true),
            ("educationLevel", "upperSecondary", false),
            ("drivingLicence", "d", true),
            ("minimumAge", "18", true),
            ("physicalDemands", "Höga", true),
            ("afRegistration", "", true),
            ("", "", true));

        Assert.Empty(errors);
        Assert.Equal(
            ["OccupationExperience=8331!", "OccupationExperience=5321", "Skill=11L4_Q2Z_8tM", "Skill=11rR_H3J_EQQ!", "SwedishLevel=SfiD!",
                "EducationLevel=UpperSecondary", "DrivingLicence=D!", "MinimumAge=18!", "PhysicalDemands=High!", "AfRegistration=!"],
            parsed.Select(r => $"{r.Kind}={r.Value}{(r.MustHave ? "!" : "")}"));
        Assert.Equal("Svenska: SFI kurs D eller högre", parsed[4].Text);
        Assert.Equal("Yrkeserfarenhet: 8331 Buss- och spårvagnsförare", parsed[0].Text);
        Assert.Equal("Skallkrav", parsed[0].WeightLabel);
        Assert.Equal("Meriterande", parsed[1].WeightLabel);
        Assert.Equal(
            new RequirementDto("swedishLevel", "sfiD", true, "Svenska: SFI kurs D eller högre"), RequirementDto.From(parsed[4]));
    }

    [Fact]
    public void Bad_values_are_named_by_row_and_kind_and_nothing_of_them_is_kept()
    {
        var (parsed, errors) = Parse(
            ("occupationExperience", "9999", true),
            ("skill", "xq_no_such_skill", true),
            ("swedishLevel", "Okänd", true),
            ("educationLevel", "doktor", true),
            ("drivingLicence", "Q", true),
            ("minimumAge", "12", true),
            ("physicalDemands", "", true),
            ("hair colour", "red", true),
            ("skill", "svets", false));

        Assert.Empty(parsed);
        Assert.Equal("Yrkeserfarenhet (krav 1): yrkesgrupp (SSYK) \"9999\" finns inte i taxonomin. Ange en fyrsiffrig SSYK-kod eller början av yrkesgruppens namn.",
            errors["requirements[0].value"].Single());
        Assert.StartsWith("Kompetens (krav 2): kompetens \"xq_no_such_skill\" finns inte i taxonomin.", errors["requirements[1].value"].Single());
        Assert.StartsWith("Svenska (krav 3): okänd nivå \"Okänd\". Välj en av: Ingen svenska, SFI kurs A", errors["requirements[2].value"].Single());
        Assert.StartsWith("Utbildningsnivå (krav 4): okänd nivå", errors["requirements[3].value"].Single());
        Assert.StartsWith("Körkort (krav 5): körkortsbehörigheten \"Q\" finns inte.", errors["requirements[4].value"].Single());
        Assert.Equal("Lägsta ålder (krav 6): ange åldern i hela år, mellan 15 och 70.", errors["requirements[5].value"].Single());
        Assert.StartsWith("Fysiska krav (krav 7): ange ett värde (Låga, Måttliga, Höga).", errors["requirements[6].value"].Single());
        Assert.StartsWith("Krav 8: välj vad kravet gäller. Välj en av: Yrkeserfarenhet, Kompetens", errors["requirements[7].kind"].Single());
        Assert.Matches(@"^Kompetens \(krav 9\): \d+ träffar på ""svets"" \(.+\)\. Skriv hela namnet på en av dem\.$", errors["requirements[8].value"].Single());
        Assert.DoesNotContain(errors.Values.SelectMany(m => m), m => m.Contains("SfiD", StringComparison.Ordinal) || m.Contains("UpperSecondary", StringComparison.Ordinal));
    }

    [Fact]
    public void A_criterion_is_held_once_and_single_valued_kinds_once()
    {
        var (parsed, errors) = Parse(("drivingLicence", "C", true), ("drivingLicence", "c", false), ("minimumAge", "18", true), ("minimumAge", "20", false),
            ("skill", new string('x', 201), true));

        Assert.Equal(2, parsed.Count);
        Assert.Equal("Körkort (krav 2): samma krav finns redan i profilen.", errors["requirements[1].value"].Single());
        Assert.Equal("Lägsta ålder (krav 4): lägsta ålder kan bara anges en gång i en kravprofil.", errors["requirements[3].kind"].Single());
        Assert.Equal("Kompetens (krav 5): värdet är för långt, högst 200 tecken, nu 201.", errors["requirements[4].value"].Single());
    }

    [Fact]
    public void Too_many_criteria_are_refused_as_a_whole()
    {
        var input = new RequirementsInput(Enumerable.Range(0, 31).Select(_ => new RequirementInput { Kind = "afRegistration" }));
        var errors = new Dictionary<string, string[]>();
        Assert.Empty(input.Parse(errors, "requirements"));
        Assert.Equal("En kravprofil kan ha högst 30 krav.", errors["requirements"].Single());
    }

    [Fact]
    public void A_stored_profile_comes_back_to_the_form_in_words_and_parses_to_the_same()
    {
        var (parsed, _) = Parse(("swedishLevel", "sfiD", true), ("skill", "11L4_Q2Z_8tM", false), ("physicalDemands", "high", true));
        var form = RequirementsInput.From(parsed);
        Assert.Equal(["SFI kurs D", "Kylteknik", "Höga"], form.Select(r => r.Value));
        var errors = new Dictionary<string, string[]>();
        Assert.Equal(parsed.Select(r => r.Text), form.WithBlankRows(2).Parse(errors, "requirements").Select(r => r.Text));
        Assert.Equal(5, form.Count);
    }
}
