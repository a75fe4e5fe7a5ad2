using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Tests.Participants;

public sealed class ParticipantsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] SensitiveFields = ["hasRegisteredDisability", "disabilityDescription", "healthLimitations", "workAbility"];

    // ------------------------------------------------------------------ create

    [Fact]
    public async Task Create_answers_201_with_location_and_id_and_stores_twelve_digits()
    {
        var number = TestPeople.NextPersonnummer();
        var client = await app.ClientFor("soc.taby");

        var response = await client.PostAsJsonAsync("/api/v1/participants", AppFactory.ParticipantBody(number, "Anna", "Andersson"))
            .ShouldBe(HttpStatusCode.Created);

        var id = (await response.JsonAsync()).Id();
        Assert.Equal($"/api/v1/participants/{id}", response.Headers.Location?.OriginalString);
        var participant = await client.GetAsync(response.Headers.Location).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(number, (string?)participant["personalIdentityNumber"]);
        Assert.Equal("personnummer", (string?)participant["identityKind"]);
        Assert.Equal("Anna", (string?)participant["firstName"]);
        Assert.Equal("0160", (string?)participant["homeMunicipalityCode"]);
        Assert.Equal($"{number[..4]}-{number[4..6]}-{number[6..8]}", (string?)participant["dateOfBirth"]);
    }

    [Fact]
    public async Task Ten_digit_form_is_accepted_and_stored_as_twelve_digits()
    {
        var number = TestPeople.NextPersonnummer();
        var client = await app.ClientFor("soc.taby");
        var body = AppFactory.ParticipantBody(number, "Bo", TestPeople.UniqueLastName());
        body["personalIdentityNumber"] = number[2..8] + "-" + number[8..];

        var id = (await client.PostAsJsonAsync("/api/v1/participants", body).JsonAsync(HttpStatusCode.Created)).Id();

        var participant = await client.GetAsync($"/api/v1/participants/{id}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(number, (string?)participant["personalIdentityNumber"]);
    }

    [Theory]
    [InlineData("wrong-check-digit", "Kontrollsiffran stämmer inte.")]
    [InlineData("19900101-12", "Personnumret har fel format. Använd ÅÅÅÅMMDD-NNNN.")]
    [InlineData("19901301-1234", "Datumet i personnumret finns inte.")]
    public async Task Invalid_identity_number_is_400_under_personalIdentityNumber_in_swedish(string input, string message)
    {
        if (input == "wrong-check-digit")
        {
            var valid = TestPeople.NextPersonnummer();
            input = TestPeople.Dashed(valid[..11] + (char)('0' + ((valid[11] - '0' + 1) % 10)));
        }

        var client = await app.ClientFor("soc.taby");
        var body = AppFactory.ParticipantBody("000000000000", "Cia", TestPeople.UniqueLastName());
        body["personalIdentityNumber"] = input;

        var problem = await client.PostAsJsonAsync("/api/v1/participants", body).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal([message], problem.FieldErrors("personalIdentityNumber"));
    }

    [Fact]
    public async Task Unknown_municipality_is_400_under_homeMunicipalityCode()
    {
        var client = await app.ClientFor("soc.taby");
        var body = AppFactory.ParticipantBody(TestPeople.NextPersonnummer(), "Dan", TestPeople.UniqueLastName());
        body["homeMunicipalityCode"] = "9999";

        var problem = await client.PostAsJsonAsync("/api/v1/participants", body).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("homeMunicipalityCode"));
        Assert.Empty(problem.FieldErrors("personalIdentityNumber"));
    }

    [Fact]
    public async Task Same_number_twice_in_one_organisation_is_409_pointing_at_the_existing_record()
    {
        var first = await app.CreateParticipantAsync("soc.taby");
        var client = await app.ClientFor("soc.taby");
        // Another written form of the same number is the same person.
        var again = AppFactory.ParticipantBody(first.Number, "Annan", "Stavning");
        again["personalIdentityNumber"] = first.Number;

        var problem = await client.PostAsJsonAsync("/api/v1/participants", again).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(first.Id, Guid.Parse((string)problem["existingParticipantId"]!));
    }

    [Theory]
    [InlineData("soc.vaxholm")]
    [InlineData("jobb.taby")] // the same municipality, but the job centre is its own secrecy boundary
    public async Task Same_number_in_another_organisation_is_allowed(string otherUser)
    {
        var first = await app.CreateParticipantAsync("soc.taby");
        var other = await app.ClientFor(otherUser);

        var created = await other.PostAsJsonAsync("/api/v1/participants", AppFactory.ParticipantBody(first.Number, "Eva", first.LastName))
            .JsonAsync(HttpStatusCode.Created);

        Assert.NotEqual(first.Id, created.Id());
    }

    [Fact]
    public async Task Samordningsnummer_is_accepted_and_recognised()
    {
        var number = TestPeople.NextSamordningsnummer();
        var client = await app.ClientFor("soc.taby");

        var id = (await client.PostAsJsonAsync("/api/v1/participants", AppFactory.ParticipantBody(number, "Sam", TestPeople.UniqueLastName()))
            .JsonAsync(HttpStatusCode.Created)).Id();

        var participant = await client.GetAsync($"/api/v1/participants/{id}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal("samordningsnummer", (string?)participant["identityKind"]);
        Assert.Equal(number, (string?)participant["personalIdentityNumber"]);
        var day = int.Parse(number[6..8], System.Globalization.CultureInfo.InvariantCulture) - 60;
        Assert.Equal($"{number[..4]}-{number[4..6]}-{day:D2}", (string?)participant["dateOfBirth"]);
    }

    [Fact]
    public async Task Person_without_a_swedish_number_gets_a_temporary_reference_that_search_finds()
    {
        var client = await app.ClientFor("soc.taby");
        var body = AppFactory.ParticipantBody("000000000000", "Tove", TestPeople.UniqueLastName());
        body.Remove("personalIdentityNumber");
        body["withoutIdentityNumber"] = true;
        body["dateOfBirth"] = "1990-05-17";

        var id = (await client.PostAsJsonAsync("/api/v1/participants", body).JsonAsync(HttpStatusCode.Created)).Id();

        var participant = await client.GetAsync($"/api/v1/participants/{id}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal("temporaryReference", (string?)participant["identityKind"]);
        Assert.Equal("1990-05-17", (string?)participant["dateOfBirth"]);
        var reference = (string)participant["personalIdentityNumber"]!;
        Assert.StartsWith("TF", reference, StringComparison.Ordinal);
        var page = await client.GetAsync($"/api/v1/participants?search={reference.ToLowerInvariant()}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal([id], Ids(page));
    }

    [Fact]
    public async Task Missing_identity_number_and_names_are_400_naming_each_field()
    {
        var client = await app.ClientFor("soc.taby");

        var problem = await client.PostAsJsonAsync("/api/v1/participants", new { homeMunicipalityCode = "0160" }).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("personalIdentityNumber"));
        Assert.NotEmpty(problem.FieldErrors("firstName"));
        Assert.NotEmpty(problem.FieldErrors("lastName"));
    }

    [Fact]
    public async Task Roles_without_cases_cannot_register_participants()
    {
        var analyst = await app.ClientFor("analytiker");

        await analyst.PostAsJsonAsync("/api/v1/participants", AppFactory.ParticipantBody(TestPeople.NextPersonnummer(), "Fia", "Fors"))
            .ProblemAsync(HttpStatusCode.Forbidden);
    }

    // ------------------------------------------------------------------ search

    [Fact]
    public async Task Search_by_name_returns_only_visible_participants_and_logs_the_ids_returned()
    {
        var mine = await app.CreateParticipantAsync("soc.taby");
        var theirs = await app.CreateParticipantAsync("soc.vaxholm", p => p["lastName"] = mine.LastName);
        var client = await app.ClientFor("soc.taby");

        var page = await client.GetAsync($"/api/v1/participants?search={mine.LastName.ToLowerInvariant()}").JsonAsync(HttpStatusCode.OK);

        Assert.Equal([mine.Id], Ids(page));
        Assert.Equal(1, (int)page["totalCount"]!);
        var searches = await app.AccessLogAsync(a => a.Action == AccessAction.Search && a.UserName == "soc.taby"
            && a.ResultIds != null && a.ResultIds.Contains(mine.Id.ToString()));
        var entry = Assert.Single(searches);
        Assert.Equal(mine.Id.ToString(), entry.ResultIds);
        Assert.DoesNotContain(theirs.Id.ToString(), entry.ResultIds!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Search_by_first_and_last_name_matches_every_word()
    {
        var anna = await app.CreateParticipantAsync("soc.taby", p => p["firstName"] = "Annika");
        await app.CreateParticipantAsync("soc.taby", p => { p["firstName"] = "Berit"; p["lastName"] = anna.LastName; });
        var client = await app.ClientFor("soc.taby");

        var page = await client.GetAsync($"/api/v1/participants?search=annika%20{anna.LastName}").JsonAsync(HttpStatusCode.OK);

        Assert.Equal([anna.Id], Ids(page));
    }

    [Theory]
    [InlineData("dashed")]
    [InlineData("twelve")]
    [InlineData("ten")]
    public async Task Search_by_personnummer_finds_only_the_callers_own_record(string form)
    {
        var mine = await app.CreateParticipantAsync("soc.taby");
        var theirs = await app.CreateParticipantAsync("soc.vaxholm", p => p["personalIdentityNumber"] = TestPeople.Dashed(mine.Number));
        var search = form switch
        {
            "dashed" => TestPeople.Dashed(mine.Number),
            "twelve" => mine.Number,
            _ => mine.Number[2..8] + "-" + mine.Number[8..],
        };

        var taby = await (await app.ClientFor("soc.taby")).GetAsync($"/api/v1/participants?search={Uri.EscapeDataString(search)}").JsonAsync(HttpStatusCode.OK);
        var vaxholm = await (await app.ClientFor("soc.vaxholm")).GetAsync($"/api/v1/participants?search={Uri.EscapeDataString(search)}").JsonAsync(HttpStatusCode.OK);

        Assert.Equal([mine.Id], Ids(taby));
        Assert.Equal([theirs.Id], Ids(vaxholm));
    }

    [Fact]
    public async Task Roles_that_never_see_a_person_find_nobody()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");

        foreach (var user in new[] { "analytiker", "admin.taby", "samordnare.nordost" })
        {
            var page = await (await app.ClientFor(user)).GetAsync($"/api/v1/participants?search={participant.LastName}").JsonAsync(HttpStatusCode.OK);
            Assert.Empty(Ids(page));
            Assert.Equal(0, (int)page["totalCount"]!);
        }
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    public async Task Paging_outside_the_limits_is_400_naming_the_parameter(string query, string field)
    {
        var client = await app.ClientFor("soc.taby");

        var problem = await client.GetAsync($"/api/v1/participants?{query}").ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors(field));
    }

    [Fact]
    public async Task A_page_far_beyond_the_end_is_empty_not_an_error()
    {
        var client = await app.ClientFor("soc.taby");

        var page = await client.GetAsync($"/api/v1/participants?page={int.MaxValue}&pageSize=100").JsonAsync(HttpStatusCode.OK);

        Assert.Empty(Ids(page));
    }

    [Theory]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("a%b")]
    public async Task Wildcard_characters_in_a_search_are_plain_text(string search)
    {
        var client = await app.ClientFor("soc.taby");

        var page = await client.GetAsync($"/api/v1/participants?search={Uri.EscapeDataString(search)}").JsonAsync(HttpStatusCode.OK);

        Assert.Equal(0, (int)page["totalCount"]!);
    }

    [Fact]
    public async Task Name_search_ignores_case_including_swedish_letters()
    {
        var participant = await app.CreateParticipantAsync("soc.taby", p => p["lastName"] = TestPeople.UniqueLastName("Öberg-Åström"));
        var client = await app.ClientFor("soc.taby");

        var page = await client.GetAsync($"/api/v1/participants?search={Uri.EscapeDataString(participant.LastName.ToUpperInvariant())}").JsonAsync(HttpStatusCode.OK);

        Assert.Equal([participant.Id], Ids(page));
    }

    [Fact]
    public async Task Too_long_search_text_is_400()
    {
        var client = await app.ClientFor("soc.taby");

        var problem = await client.GetAsync($"/api/v1/participants?search={new string('a', 201)}").ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("search"));
    }

    [Fact]
    public async Task Pages_split_the_matches_without_overlap()
    {
        var first = await app.CreateParticipantAsync("soc.taby");
        var second = await app.CreateParticipantAsync("soc.taby", p => p["lastName"] = first.LastName);
        var third = await app.CreateParticipantAsync("soc.taby", p => p["lastName"] = first.LastName);
        var client = await app.ClientFor("soc.taby");

        var page1 = await client.GetAsync($"/api/v1/participants?search={first.LastName}&page=1&pageSize=2").JsonAsync(HttpStatusCode.OK);
        var page2 = await client.GetAsync($"/api/v1/participants?search={first.LastName}&page=2&pageSize=2").JsonAsync(HttpStatusCode.OK);

        Assert.Equal(3, (int)page1["totalCount"]!);
        Assert.Equal(2, Ids(page1).Count);
        Assert.Single(Ids(page2));
        Assert.Equal(new[] { first.Id, second.Id, third.Id }.Order(), Ids(page1).Concat(Ids(page2)).Order());
    }

    [Fact]
    public async Task Own_and_shared_participants_are_paged_together_in_name_order()
    {
        var lastName = TestPeople.UniqueLastName("Lindqvist");
        var anna = await app.CreateParticipantAsync("soc.taby", p => { p["lastName"] = lastName; p["firstName"] = "Anna"; });
        var bertil = await app.CreateParticipantAsync("soc.vaxholm", p => { p["lastName"] = lastName; p["firstName"] = "Bertil"; });
        var cecilia = await app.CreateParticipantAsync("soc.taby", p => { p["lastName"] = lastName; p["firstName"] = "Cecilia"; });
        var david = await app.CreateParticipantAsync("soc.vaxholm", p => { p["lastName"] = lastName; p["firstName"] = "David"; });
        foreach (var shared in new[] { bertil, david })
        {
            await app.GiveConsentAsync(shared.Id, ["Täby kommun – Socialtjänsten, försörjningsstöd"], ["identity"], byUser: "soc.vaxholm");
        }

        var client = await app.ClientFor("soc.taby");
        var pages = new List<JsonObject>();
        for (var page = 1; page <= 5; page++)
        {
            pages.Add(await client.GetAsync($"/api/v1/participants?search={lastName}&page={page}&pageSize=1").JsonAsync(HttpStatusCode.OK));
        }

        Assert.All(pages, p => Assert.Equal(4, (int)p["totalCount"]!));
        Assert.Equal([anna.Id, bertil.Id, cecilia.Id, david.Id], pages.Take(4).Select(p => Assert.Single(Ids(p))));
        Assert.Empty(Ids(pages[4]));
    }

    [Fact]
    public async Task Search_also_answers_to_post_so_the_text_stays_out_of_urls()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var client = await app.ClientFor("soc.taby");

        var page = await client.PostAsJsonAsync("/api/v1/participants/search", new { search = TestPeople.Dashed(participant.Number) })
            .JsonAsync(HttpStatusCode.OK);

        Assert.Equal([participant.Id], Ids(page));
    }

    // ------------------------------------------------------------------ update

    [Fact]
    public async Task Put_updates_the_participant_and_logs_one_update()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var client = await app.ClientFor("soc.taby");
        var body = AppFactory.ParticipantBody(participant.Number, "Ändrad", participant.LastName);
        body["city"] = "Täby";
        body["educationLevel"] = "primary";
        body["targetGroups"] = new JsonArray("longTermUnemployed");

        var updated = await client.PutAsJsonAsync($"/api/v1/participants/{participant.Id}", body).JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Ändrad", (string?)updated["firstName"]);
        Assert.Equal("Täby", (string?)updated["city"]);
        Assert.True((bool)updated["shortEducated"]!);
        Assert.Equal(["longTermUnemployed"], updated["targetGroups"]!.AsArray().Select(g => (string?)g));
        var again = await client.GetAsync($"/api/v1/participants/{participant.Id}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Ändrad", (string?)again["firstName"]);
        Assert.Single(await app.AccessLogForAsync(participant.Id, AccessAction.Update, "soc.taby"));
    }

    [Fact]
    public async Task Put_replaces_occupations_and_driving_licences()
    {
        var participant = await app.CreateParticipantAsync("soc.taby", p =>
        {
            p["occupationsOfExperience"] = new JsonArray("Nf55_bBW_JXz");
            p["occupationsOfInterest"] = new JsonArray("4h8W_71M_HXk");
            p["drivingLicences"] = new JsonArray("B");
        });
        var client = await app.ClientFor("soc.taby");
        var body = AppFactory.ParticipantBody(participant.Number, participant.FirstName, participant.LastName);
        body["occupationsOfExperience"] = new JsonArray("Nf55_bBW_JXz", "xhjJ_p62_8Gs");
        body["occupationsOfInterest"] = new JsonArray();
        body["drivingLicences"] = new JsonArray("A1", "B");

        await client.PutAsJsonAsync($"/api/v1/participants/{participant.Id}", body).ShouldBe(HttpStatusCode.OK);

        var stored = await client.GetAsync($"/api/v1/participants/{participant.Id}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Nf55_bBW_JXz", "xhjJ_p62_8Gs"], stored["occupationsOfExperience"]!.AsArray().Select(o => (string)o!).Order());
        Assert.Empty(stored["occupationsOfInterest"]!.AsArray());
        Assert.Equal(["A1", "B"], stored["drivingLicences"]!.AsArray().Select(o => (string)o!));
    }

    [Fact]
    public async Task Unknown_occupation_or_licence_is_400_naming_the_field()
    {
        var client = await app.ClientFor("soc.taby");
        var body = AppFactory.ParticipantBody(TestPeople.NextPersonnummer(), "Ulla", TestPeople.UniqueLastName());
        body["occupationsOfInterest"] = new JsonArray("inte-ett-id");
        body["drivingLicences"] = new JsonArray("Z9");

        var problem = await client.PostAsJsonAsync("/api/v1/participants", body).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("occupationsOfInterest"));
        Assert.NotEmpty(problem.FieldErrors("drivingLicences"));
    }

    [Fact]
    public async Task Recipient_of_a_consent_may_read_but_not_update()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        await app.GiveConsentAsync(participant.Id, ["Arbetsförmedlingen Nordöstra Stockholm"], ["identity", "background"]);
        var af = await app.ClientFor("af.nordost");

        await af.PutAsJsonAsync($"/api/v1/participants/{participant.Id}", AppFactory.ParticipantBody(participant.Number, "Ändrad", participant.LastName))
            .ProblemAsync(HttpStatusCode.Forbidden);

        var stored = await af.GetAsync($"/api/v1/participants/{participant.Id}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(participant.FirstName, (string?)stored["firstName"]);
        Assert.Single(await app.AccessLogForAsync(participant.Id, AccessAction.Denied, "af.nordost"));
        Assert.Empty(await app.AccessLogForAsync(participant.Id, AccessAction.Update));
    }

    [Fact]
    public async Task Put_cannot_change_the_identity_number()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var client = await app.ClientFor("soc.taby");
        var body = AppFactory.ParticipantBody(TestPeople.NextPersonnummer(), "Greta", participant.LastName);

        var problem = await client.PutAsJsonAsync($"/api/v1/participants/{participant.Id}", body).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("personalIdentityNumber"));
        Assert.Empty(await app.AccessLogForAsync(participant.Id, AccessAction.Update));
    }

    [Fact]
    public async Task Put_with_invalid_fields_is_400_and_changes_nothing()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var client = await app.ClientFor("soc.taby");
        var body = AppFactory.ParticipantBody(participant.Number, "", participant.LastName);
        body["gender"] = "okänt-värde";

        var problem = await client.PutAsJsonAsync($"/api/v1/participants/{participant.Id}", body).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("firstName"));
        Assert.NotEmpty(problem.FieldErrors("gender"));
        var unchanged = await client.GetAsync($"/api/v1/participants/{participant.Id}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(participant.FirstName, (string?)unchanged["firstName"]);
    }

    // ------------------------------------------------------------------ sensitive data

    [Fact]
    public async Task Case_holder_with_a_social_secretary_role_sees_the_sensitive_fields()
    {
        var participant = await app.CreateParticipantAsync("soc.taby", WithSensitiveData);

        var body = await (await app.ClientFor("soc.taby")).GetAsync($"/api/v1/participants/{participant.Id}").JsonAsync(HttpStatusCode.OK);

        Assert.True((bool)body["hasRegisteredDisability"]!);
        Assert.Equal("Nedsatt hörsel (test).", (string?)body["disabilityDescription"]);
        Assert.Equal("Tål inte buller (test).", (string?)body["healthLimitations"]);
        Assert.Equal("Heltid med hörselskydd (test).", (string?)body["workAbility"]);
    }

    [Fact]
    public async Task Career_counsellor_does_not_see_sensitive_fields_even_through_a_consent_covering_health()
    {
        var participant = await app.CreateParticipantAsync("soc.taby", WithSensitiveData);
        await app.GiveConsentAsync(participant.Id, ["Kunskapscentrum Nordost"], ["identity", "background", "health"]);

        var body = await (await app.ClientFor("syv.kcno")).GetAsync($"/api/v1/participants/{participant.Id}").JsonAsync(HttpStatusCode.OK);

        Assert.Contains("health", body["visibleCategories"]!.AsArray().Select(c => (string?)c));
        AssertNoSensitiveKeys(body);
    }

    [Fact]
    public async Task Employment_officer_does_not_see_sensitive_fields_when_the_consent_leaves_out_health()
    {
        var participant = await app.CreateParticipantAsync("soc.taby", WithSensitiveData);
        await app.GiveConsentAsync(participant.Id, ["Arbetsförmedlingen Nordöstra Stockholm"], ["identity", "background"]);

        var body = await (await app.ClientFor("af.nordost")).GetAsync($"/api/v1/participants/{participant.Id}").JsonAsync(HttpStatusCode.OK);

        Assert.Equal(participant.LastName, (string?)body["lastName"]);
        Assert.True((bool)body["sharedByConsent"]!);
        AssertNoSensitiveKeys(body);
    }

    [Fact]
    public async Task Employment_officer_sees_sensitive_fields_when_the_consent_covers_health()
    {
        var participant = await app.CreateParticipantAsync("soc.taby", WithSensitiveData);
        await app.GiveConsentAsync(participant.Id, ["Arbetsförmedlingen Nordöstra Stockholm"], ["identity", "health"]);

        var body = await (await app.ClientFor("af.nordost")).GetAsync($"/api/v1/participants/{participant.Id}").JsonAsync(HttpStatusCode.OK);

        Assert.Equal("Tål inte buller (test).", (string?)body["healthLimitations"]);
    }

    [Fact]
    public async Task Kaa_officer_neither_stores_nor_sees_sensitive_fields_on_an_own_case()
    {
        var participant = await app.CreateParticipantAsync("kaa.norrtalje", WithSensitiveData);

        var body = await (await app.ClientFor("kaa.norrtalje")).GetAsync($"/api/v1/participants/{participant.Id}").JsonAsync(HttpStatusCode.OK);

        AssertNoSensitiveKeys(body);
        var stored = await app.WithDbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(
            db.ParticipantSensitiveData, s => s.ParticipantId == participant.Id));
        Assert.False(stored);
    }

    [Fact]
    public async Task Search_results_never_carry_sensitive_fields()
    {
        var participant = await app.CreateParticipantAsync("soc.taby", WithSensitiveData);

        var page = await (await app.ClientFor("soc.taby")).GetAsync($"/api/v1/participants?search={participant.LastName}").JsonAsync(HttpStatusCode.OK);

        AssertNoSensitiveKeys(Assert.Single(page["items"]!.AsArray())!.AsObject());
    }

    private static void WithSensitiveData(JsonObject body)
    {
        body["hasRegisteredDisability"] = true;
        body["disabilityDescription"] = "Nedsatt hörsel (test).";
        body["healthLimitations"] = "Tål inte buller (test).";
        body["workAbility"] = "Heltid med hörselskydd (test).";
    }

    private static void AssertNoSensitiveKeys(JsonObject body)
    {
        foreach (var field in SensitiveFields)
        {
            Assert.False(body.ContainsKey(field), $"'{field}' must not be in the response: {body.ToJsonString()}");
        }
    }

    private static List<Guid> Ids(JsonObject page) => page["items"]!.AsArray().Select(i => i.Id()).ToList();

    // ------------------------------------------------------------------ the OpenAPI document

    [Fact]
    public async Task The_openapi_document_states_a_summary_and_the_answers_of_every_participant_operation()
    {
        var document = await app.Anonymous().GetAsync("/openapi/v1.json").JsonAsync(HttpStatusCode.OK);
        var paths = document["paths"]!.AsObject();
        var operations = new[] { "/api/v1/participants", "/api/v1/participants/search", "/api/v1/participants/{id}" }
            .SelectMany(p => paths[p]!.AsObject().Where(o => o.Key != "parameters").Select(o => (Path: p, Method: o.Key, Operation: o.Value!))).ToList();
        Assert.Equal(6, operations.Count);
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace((string?)o.Operation["summary"]), $"{o.Method} {o.Path} has no summary"));

        string[] Statuses(string path, string method) => paths[path]![method]!["responses"]!.AsObject().Select(r => r.Key).ToArray();
        Assert.Contains("400", Statuses("/api/v1/participants", "get"));
        Assert.Contains("409", Statuses("/api/v1/participants", "post"));
        Assert.Contains("404", Statuses("/api/v1/participants/{id}", "get"));
        Assert.Contains("404", Statuses("/api/v1/participants/{id}", "put"));
        var delete = paths["/api/v1/participants/{id}"]!["delete"]!;
        Assert.Equal(["405"], delete["responses"]!.AsObject().Where(r => r.Key.StartsWith('2') || r.Key == "405").Select(r => r.Key));
        var parameters = (delete["parameters"] ?? paths["/api/v1/participants/{id}"]!["parameters"])!.AsArray();
        Assert.Contains(parameters, p => (string?)p!["name"] == "id" && (string?)p["in"] == "path");
    }

    [Fact]
    public async Task Delete_is_refused_with_405_naming_the_address()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");

        var problem = await (await app.ClientFor("soc.taby")).DeleteAsync($"/api/v1/participants/{participant.Id}").ProblemAsync(HttpStatusCode.MethodNotAllowed);

        Assert.Contains(participant.Id.ToString(), (string?)problem["detail"], StringComparison.Ordinal);
        await (await app.ClientFor("soc.taby")).GetAsync($"/api/v1/participants/{participant.Id}").ShouldBe(HttpStatusCode.OK);
    }
}
