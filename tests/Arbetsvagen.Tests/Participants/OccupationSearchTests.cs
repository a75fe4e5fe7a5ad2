using System.Net;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;

namespace Arbetsvagen.Tests.Participants;

/// <summary>The occupation search itself, and the two ways to reach it over HTTP (the pages' cookie, the API's token).</summary>
public sealed class OccupationSearchTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static OccupationSearch Search => ReferenceData.Instance.OccupationSearch;

    private static List<string> Names(string text) => Search.Matches(text).Select(o => o.Name).ToList();

    [Fact]
    public void Names_that_start_with_the_text_come_first_then_a_word_that_does_then_the_text_inside_each_in_Swedish_order()
    {
        var names = Names("sjuksköt");
        Assert.Equal(["Sjuksköterska, grundutbildad", "Sjuksköterskestuderande", "Medicinskt ansvarig sjuksköterska", "Akutsjuksköterska"], names.Take(4));
        var inside = names.Skip(3).ToList();
        Assert.Contains("Barnsjuksköterska", inside);
        Assert.Equal(inside.Order(SwedishCollation.Comparer), inside);
        // Two letters match at the start of words only.
        Assert.All(Names("sj"), n => Assert.Matches("(^|[^\\p{L}])[Ss]j", n));

        var a = Names("a");
        var firstÅ = a.FindIndex(n => n[0] is 'Å' or 'Ä' or 'Ö');
        Assert.True(firstÅ > 0, "Names with Å, Ä or Ö match 'a' without accents");
        Assert.All(a.Take(firstÅ), n => Assert.Equal('A', char.ToUpperInvariant(n[0])));
        Assert.Equal(a.Take(firstÅ).Order(SwedishCollation.Comparer), a.Take(firstÅ));
        Assert.True(SwedishCollation.Comparer.Compare("Åmål", "Zinkgruvan") > 0);
        Assert.True(SwedishCollation.Comparer.Compare("Älmhult", "Åmål") > 0);
    }

    [Theory]
    [InlineData("LÄKARE", "Läkare")]
    [InlineData("lakare", "Läkare")]
    [InlineData("  barnskötare ", "Barnskötare")]
    [InlineData("lagerarbetare/terminal", "Lagerarbetare/Terminalarbetare")]
    [InlineData("sjuksköterska grund", "Sjuksköterska, grundutbildad")]
    [InlineData("grund sjuksköterska", "Sjuksköterska, grundutbildad")]
    public void A_text_that_names_one_occupation_resolves_to_it(string typed, string name)
    {
        var one = Assert.IsType<OccupationResolution.One>(Search.Resolve(typed));
        Assert.Equal(name, one.Occupation.Name);
    }

    [Fact]
    public void An_exact_name_wins_over_longer_names_that_start_with_it_and_other_texts_are_several_or_none()
    {
        // "Läkare" is the start of many names, but it is one occupation's whole name.
        Assert.True(Search.Matches("läkare").Count > 1);
        Assert.Equal("9K3i_XD4_Kyy", Assert.IsType<OccupationResolution.One>(Search.Resolve("läkare")).Occupation.ConceptId);
        Assert.True(Assert.IsType<OccupationResolution.Several>(Search.Resolve("sjuk")).Matches.Count > OccupationSearch.MaxResults);
        Assert.IsType<OccupationResolution.None>(Search.Resolve("Drömyrke som inte finns"));
        Assert.IsType<OccupationResolution.None>(Search.Resolve("  "));
        Assert.True(Search.IsExactName("barnskötare"));
        Assert.False(Search.IsExactName("barnskotare"));
    }

    [Fact]
    public void Typed_names_become_concept_ids_or_one_message_naming_the_field()
    {
        Assert.Equal(["rM7G_ge7_XhP", "9K3i_XD4_Kyy"], Search.ConceptIds(["Barnskötare", "", null, "lakare"], "Erfarenhet", out var none));
        Assert.Null(none);

        var ids = Search.ConceptIds(["Barnskötare", "sjuk", "Drömyrke"], "Intresse", out var error);
        Assert.Equal(["rM7G_ge7_XhP"], ids);
        Assert.Matches("^Intresse: [0-9]+ yrken matchar \"sjuk\". Välj ett av förslagen.$", error);
        Search.ConceptIds(["Drömyrke"], "Erfarenhet", out error);
        Assert.StartsWith("Erfarenhet: yrket \"Drömyrke\" finns inte i yrkeslistan.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pages_ask_with_their_cookie_and_get_at_most_20_matches_as_concept_id_and_name()
    {
        var session = await FormSession.SignInAsync(app, "jobb.taby");
        var list = await session.Client.GetAsync("/Occupations/Search?q=sjuk").JsonArrayAsync(HttpStatusCode.OK);
        Assert.Equal(OccupationSearch.MaxResults, list.Count);
        Assert.Equal(Search.Find("sjuk").Select(o => o.ConceptId), list.Select(o => (string)o!["conceptId"]!));
        Assert.Equal("Sjukhusdirektör", (string)list[0]!["name"]!);

        var two = await session.Client.GetAsync("/Occupations/Search?q=" + Uri.EscapeDataString("TERMINALARB")).JsonArrayAsync(HttpStatusCode.OK);
        Assert.Equal(["Lagerarbetare/Terminalarbetare", "Postterminalarbetare"], two.Select(o => (string)o!["name"]!));
        Assert.Empty(await session.Client.GetAsync("/Occupations/Search?q=").JsonArrayAsync(HttpStatusCode.OK));
        var tooLong = await session.Client.GetAsync("/Occupations/Search?q=" + new string('a', 101)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Söktexten är för lång: högst 100 tecken, nu 101."], tooLong.FieldErrors("search"));

        // Not signed in: the page answer (to the login page), no list.
        var anonymous = await app.Anonymous().GetAsync("/Occupations/Search?q=sjuk");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/Account/Login", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_API_searches_with_a_bearer_token()
    {
        var api = await app.ClientFor("jobb.taby");
        var list = await api.GetAsync("/api/v1/occupations?search=" + Uri.EscapeDataString("Läkare")).JsonArrayAsync(HttpStatusCode.OK);
        Assert.Equal("Läkare", (string)list[0]!["name"]!);
        Assert.Equal("9K3i_XD4_Kyy", (string)list[0]!["conceptId"]!);
        await app.Anonymous().GetAsync("/api/v1/occupations?search=sjuk").ShouldBe(HttpStatusCode.Unauthorized);
    }
}
