using System.Net;
using System.Net.Http.Json;
using AngleSharp.Html.Parser;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;

namespace Arbetsvagen.Tests.Api;

/// <summary>
/// Lists are in Swedish order (Å, Ä, Ö after Z; lower case beside upper case) in memory and in the database, on both
/// providers. Byte order would put "Berg" before "af Ugglas" and "Ärlig" before "Åberg"; invariant order would put
/// "Åberg" among the A's.
/// </summary>
public sealed class SwedishOrderTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] SwedishOrder = ["af Ugglas", "Berg", "Zetterlund", "Åberg", "Ärlig", "Öst"];

    [Fact]
    public void The_comparer_sorts_swedish()
    {
        var shuffled = SwedishOrder.Reverse().Concat(["aa", "Ab"]).ToList();

        var sorted = shuffled.Order(SwedishCollation.Comparer).ToList();

        Assert.Equal(["aa", "Ab", .. SwedishOrder], sorted);
    }

    [Fact]
    public async Task The_participant_list_is_in_swedish_order()
    {
        var firstName = TestPeople.UniqueLastName("Sortera");
        foreach (var lastName in SwedishOrder.Reverse())
        {
            await app.CreateParticipantAsync("soc.taby", p =>
            {
                p["firstName"] = firstName;
                p["lastName"] = lastName;
            });
        }

        var client = await app.ClientFor("soc.taby");
        var page = await client.GetAsync($"/api/v1/participants?search={firstName.ToLowerInvariant()}").JsonAsync(HttpStatusCode.OK);

        Assert.Equal(SwedishOrder, page["items"]!.AsArray().Select(i => (string)i!["lastName"]!));
    }

    [Fact]
    public async Task The_organisation_list_is_in_swedish_order()
    {
        var admin = await app.ClientFor("admin.taby");
        var stem = TestPeople.UniqueLastName("Sortering");
        foreach (var name in SwedishOrder.Reverse())
        {
            await admin.PostAsJsonAsync("/api/v1/organisations", new { name = $"{name} {stem}", kind = "other" }).ShouldBe(HttpStatusCode.Created);
        }

        var names = (await admin.GetAsync("/api/v1/organisations").JsonArrayAsync(HttpStatusCode.OK)).Select(o => (string)o!["name"]!).ToList();

        Assert.Equal(SwedishOrder.Select(n => $"{n} {stem}"), names.Where(n => n.EndsWith(stem, StringComparison.Ordinal)));
        Assert.Equal(names.Order(SwedishCollation.Comparer), names);
    }

    [Fact]
    public async Task The_municipality_picker_of_the_participant_form_is_in_swedish_order()
    {
        var html = await (await app.PagesClientFor("soc.taby")).GetStringAsync("/Participants/Create");
        var document = new HtmlParser().ParseDocument(html);
        var municipalities = document.QuerySelectorAll("select[name$='HomeMunicipalityCode'] option")
            .Select(o => o.TextContent.Trim()).Where(t => t.Length > 0 && !t.StartsWith("Välj", StringComparison.Ordinal)).ToList();

        Assert.Contains("Åmål (1492)", municipalities);
        Assert.Equal(municipalities.Order(SwedishCollation.Comparer), municipalities);
    }
}
