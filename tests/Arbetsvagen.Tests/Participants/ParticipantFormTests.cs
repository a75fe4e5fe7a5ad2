using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Arbetsvagen.Tests.Participants;

/// <summary>
/// The participant form as a browser without JavaScript sees it: its size, the order of its lists, postcodes, and
/// occupations typed in part and resolved by the server.
/// </summary>
public sealed class ParticipantFormTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] OfficialLicenceOrder =
        ["AM", "A1", "A2", "A", "B", "Utökad B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE"];

    private async Task<(FormSession Session, IHtmlDocument Page)> CreateFormAsync()
    {
        var session = await FormSession.SignInAsync(app, "soc.taby");
        return (session, await session.GetAsync("/Participants/Create"));
    }

    private static Dictionary<string, string[]> NewParticipant(string lastName) => new()
    {
        ["Input.PersonalIdentityNumber"] = [TestPeople.Dashed(TestPeople.NextPersonnummer())],
        ["Input.FirstName"] = ["Testa"],
        ["Input.LastName"] = [lastName],
        ["Input.HomeMunicipalityCode"] = ["0160"],
    };

    private async Task<JsonNodeReader> StoredAsync(HttpResponseMessage created)
    {
        await created.ShouldBe(HttpStatusCode.Redirect);
        var id = created.Headers.Location!.OriginalString.Split('/')[^1];
        var api = await app.ClientFor("soc.taby");
        return new JsonNodeReader(await api.GetAsync($"/api/v1/participants/{id}").JsonAsync(HttpStatusCode.OK));
    }

    private sealed record JsonNodeReader(System.Text.Json.Nodes.JsonObject Json)
    {
        public string? Text(string field) => (string?)Json[field];
        public string[] List(string field) => Json[field]?.AsArray().Select(n => (string)n!).ToArray() ?? [];
    }

    [Fact]
    public async Task The_create_page_no_longer_carries_the_occupation_list()
    {
        var session = await FormSession.SignInAsync(app, "soc.taby");
        var response = await session.Client.GetAsync("/Participants/Create").ShouldBe(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        // About 40 KB is the form with its 290 municipalities and the menu; the 2,700 occupation names alone were 198 KB.
        Assert.True(bytes.Length < 50_000, $"The create page is {bytes.Length:N0} bytes; it should stay under 50 KB.");

        var page = await FormSession.ParseAsync(response);
        Assert.Null(page.QuerySelector("datalist"));
        Assert.Equal(6, page.QuerySelectorAll("input[data-occupation-search]").Length);
        Assert.Single(page.QuerySelectorAll("script[src*='occupation-picker.js']"));
        // Each field has its own label; the first one carries the id the error summary links to.
        foreach (var (id, label) in new[] { ("Input_OccupationsOfExperience", "Erfarenhet 1"), ("InterestNames-2", "Intresse 3") })
        {
            Assert.Equal(label, FormSession.Text(page.QuerySelector($"label[for='{id}']")));
        }
    }

    [Fact]
    public async Task Municipalities_are_in_Swedish_order_with_Å_Ä_Ö_after_Z()
    {
        var (_, page) = await CreateFormAsync();
        var names = page.QuerySelectorAll("#Input_HomeMunicipalityCode option").Skip(1)
            .Select(o => o.TextContent[..o.TextContent.LastIndexOf(" (", StringComparison.Ordinal)]).ToList();
        Assert.Equal(290, names.Count);
        Assert.Equal("Ale", names[0]);
        Assert.Equal("Övertorneå", names[^1]);
        var firstAfterZ = names.FindIndex(n => n[0] is 'Å' or 'Ä' or 'Ö');
        Assert.Equal("Ystad", names[firstAfterZ - 1]);
        Assert.All(names.Skip(firstAfterZ), n => Assert.Contains(n[0], "ÅÄÖ"));
        Assert.True(names.IndexOf("Åmål") < names.IndexOf("Älmhult") && names.IndexOf("Älmhult") < names.IndexOf("Örebro"));
    }

    [Fact]
    public async Task Driving_licences_are_in_the_licence_s_own_order_in_the_form_and_when_stored()
    {
        var (session, page) = await CreateFormAsync();
        var offered = page.QuerySelectorAll("input[name='Input.DrivingLicences']").Cast<IHtmlInputElement>().Select(i => i.Value).ToArray();
        Assert.Equal(OfficialLicenceOrder, offered);
        Assert.Equal(OfficialLicenceOrder, ReferenceData.Instance.DrivingLicences);

        var form = NewParticipant(TestPeople.UniqueLastName());
        form["Input.DrivingLicences"] = ["CE", "B", "A1", "BE", "C"];
        var stored = await StoredAsync(await session.SubmitAsync("/Participants/Create", page, form));
        Assert.Equal(["A1", "B", "BE", "C", "CE"], stored.List("drivingLicences"));
        Assert.Equal(["A1", "B", "BE", "C"], ReferenceData.InLicenceOrder(["C", "BE", "B", "A1"]));
    }

    [Theory]
    [InlineData("18370")]
    [InlineData("183 70")]
    [InlineData(" 183  70 ")]
    public async Task A_postcode_is_stored_and_shown_as_the_post_writes_it(string typed)
    {
        var (session, page) = await CreateFormAsync();
        var form = NewParticipant(TestPeople.UniqueLastName());
        form["Input.PostalCode"] = [typed];
        var created = await session.SubmitAsync("/Participants/Create", page, form);
        Assert.Equal("183 70", (await StoredAsync(created)).Text("postalCode"));

        var edit = await session.GetAsync(created.Headers.Location!.OriginalString.Replace("/Details/", "/Edit/", StringComparison.Ordinal));
        Assert.Equal("183 70", edit.QuerySelector<IHtmlInputElement>("#Input_PostalCode")!.Value);
    }

    [Fact]
    public async Task Migration_0011_gives_stored_five_digit_postcodes_their_space()
    {
        var spaced = await app.CreateParticipantAsync();
        var other = await app.CreateParticipantAsync();
        var script = SchemaMigrator.Scripts(app.TestDb.Provider).Single(s => s.Name.StartsWith("0011_postal_code_", StringComparison.Ordinal));
        var stored = await app.WithDbAsync(async db =>
        {
            // As the form stored them before: the digits as typed, and a value the old form let through.
            await db.Participants.Where(p => p.Id == spaced.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.PostalCode, "18370"));
            await db.Participants.Where(p => p.Id == other.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.PostalCode, "183 70"));
            await db.Database.ExecuteSqlRawAsync(script.Sql);
            return await db.Participants.AsNoTracking().Where(p => p.Id == spaced.Id || p.Id == other.Id).Select(p => p.PostalCode).ToListAsync();
        });
        Assert.Equal(["183 70", "183 70"], stored);
    }

    [Theory]
    [InlineData("1837")]
    [InlineData("183 700")]
    [InlineData("01234")]
    [InlineData("183-70")]
    public async Task An_invalid_postcode_gets_a_message_at_its_field(string typed)
    {
        var (session, page) = await CreateFormAsync();
        var form = NewParticipant(TestPeople.UniqueLastName());
        form["Input.PostalCode"] = [typed];
        var again = await FormSession.ParseAsync(await session.SubmitAsync("/Participants/Create", page, form).ShouldBe(HttpStatusCode.OK));
        Assert.StartsWith("Postnumret ska vara fem siffror", FormSession.Text(again.QuerySelector("#Input_PostalCode-error")));
        Assert.Equal("true", again.QuerySelector("#Input_PostalCode")!.GetAttribute("aria-invalid"));

        var api = await app.ClientFor("soc.taby");
        var body = AppFactory.ParticipantBody(TestPeople.NextPersonnummer(), "Testa", TestPeople.UniqueLastName());
        body["postalCode"] = typed;
        var problem = await api.PostAsJsonAsync("/api/v1/participants", body).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("183 70", Assert.Single(problem.FieldErrors("postalCode")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_JavaScript_a_part_of_a_name_comes_back_as_choices_at_the_field_and_a_choice_is_saved()
    {
        var (session, page) = await CreateFormAsync();
        var form = NewParticipant(TestPeople.UniqueLastName());
        form["ExperienceNames[0]"] = ["sjuksköt"];
        form["InterestNames[0]"] = ["barnskötare"]; // an exact name in other case is simply taken
        var again = await FormSession.ParseAsync(await session.SubmitAsync("/Participants/Create", page, form).ShouldBe(HttpStatusCode.OK));

        var field = again.QuerySelector<IHtmlInputElement>("#Input_OccupationsOfExperience")!;
        Assert.Equal("sjuksköt", field.Value);
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Contains("Input_OccupationsOfExperience-error", field.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.NotNull(again.QuerySelector("#Input_OccupationsOfExperience-error"));
        Assert.Null(again.QuerySelector<IHtmlInputElement>("#Input_OccupationsOfInterest")!.GetAttribute("aria-invalid"));

        var choices = field.ParentElement!.QuerySelector("fieldset.occupation-choices")!;
        Assert.Equal("Erfarenhet 1: välj yrke", FormSession.Text(choices.QuerySelector("legend")));
        Assert.Contains("yrken matchar \"sjuksköt\"", FormSession.Text(choices.QuerySelector(".hint")), StringComparison.Ordinal);
        Assert.Contains("Input_OccupationsOfExperience-choices", field.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        var radios = choices.QuerySelectorAll("input[type=radio]").Cast<IHtmlInputElement>().ToList();
        Assert.All(radios, r => Assert.Equal("ExperienceNames[0]", r.Name));
        var offered = radios.Select(r => r.Value).ToList();
        Assert.Equal(["Sjuksköterska, grundutbildad", "Sjuksköterskestuderande"], offered.Take(2));
        Assert.Contains("Medicinskt ansvarig sjuksköterska", offered);
        Assert.Equal(offered.Select(o => FormSession.Text(again.QuerySelector($"label[for='{radios[offered.IndexOf(o)].Id}']"))), offered);

        // The browser sends the chosen radio first and the text after it, under the same name: the choice counts.
        form["ExperienceNames[0]"] = ["Sjuksköterska, grundutbildad", "sjuksköt"];
        var stored = await StoredAsync(await session.SubmitAsync("/Participants/Create", again, form));
        Assert.Equal(["bXNH_MNX_dUR"], stored.List("occupationsOfExperience"));
        Assert.Equal(["rM7G_ge7_XhP"], stored.List("occupationsOfInterest"));
    }

    [Fact]
    public async Task A_name_that_matches_nothing_gets_its_message_and_no_choices()
    {
        var (session, page) = await CreateFormAsync();
        var form = NewParticipant(TestPeople.UniqueLastName());
        form["InterestNames[1]"] = ["Drömyrke som inte finns"];
        var again = await FormSession.ParseAsync(await session.SubmitAsync("/Participants/Create", page, form).ShouldBe(HttpStatusCode.OK));
        Assert.Contains("finns inte i yrkeslistan", FormSession.Text(again.QuerySelector("#Input_OccupationsOfInterest-error")), StringComparison.Ordinal);
        Assert.Equal("true", again.QuerySelector("#InterestNames-1")!.GetAttribute("aria-invalid"));
        Assert.Null(again.QuerySelector("fieldset.occupation-choices"));
    }

    [Fact]
    public async Task Messages_about_the_participant_s_fields_name_values_by_their_Swedish_labels()
    {
        var api = await app.ClientFor("soc.taby");
        var body = AppFactory.ParticipantBody(TestPeople.NextPersonnummer(), "Testa", TestPeople.UniqueLastName());
        body["gender"] = "okänt-kön";
        body["swedishLevel"] = "flytande-ish";
        var problem = await api.PostAsJsonAsync("/api/v1/participants", body).ProblemAsync(HttpStatusCode.BadRequest);
        var gender = Assert.Single(problem.FieldErrors("gender"));
        Assert.StartsWith("Kön har ett okänt värde. Välj en av: ", gender, StringComparison.Ordinal);
        Assert.Contains("Kvinna", gender, StringComparison.Ordinal);
        Assert.DoesNotContain("woman", gender, StringComparison.Ordinal);
        Assert.DoesNotContain("sfiA", Assert.Single(problem.FieldErrors("swedishLevel")), StringComparison.Ordinal);

        var without = AppFactory.ParticipantBody(TestPeople.NextPersonnummer(), "Testa", TestPeople.UniqueLastName());
        without.Remove("personalIdentityNumber");
        without["withoutIdentityNumber"] = true;
        without["dateOfBirth"] = "1990-13-01";
        var date = await api.PostAsJsonAsync("/api/v1/participants", without).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["Födelsedatum ska skrivas ÅÅÅÅ-MM-DD."], date.FieldErrors("dateOfBirth"));
    }
}
