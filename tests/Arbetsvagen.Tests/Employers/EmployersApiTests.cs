using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Arbetsvagen.Tests.Placements;
using Xunit;

namespace Arbetsvagen.Tests.Employers;

public sealed class EmployersApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Day(int fromToday) =>
        SwedishTime.Today(DateTime.UtcNow).AddDays(fromToday).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task A_registered_number_answers_409_pointing_to_the_existing_employer()
    {
        var jobb = await app.ClientFor("jobb.taby");
        var number = EmployerTestData.NextNumber();
        var created = await jobb.PostAsJsonAsync("/api/v1/employers", EmployerTestData.Body(number)).JsonAsync(HttpStatusCode.Created);
        Assert.Equal($"{number[..6]}-{number[6..]}", (string?)created["organisationNumber"]);
        Assert.Equal("H", (string?)created["sniSection"]);

        // The same number again, written with a hyphen, by another organisation of the collaboration.
        var af = await app.ClientFor("af.nordost");
        var problem = await af.PostAsJsonAsync("/api/v1/employers", EmployerTestData.Body($"{number[..6]}-{number[6..]}", "Dubbletten AB"))
            .ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(created.Id().ToString(), (string?)problem["existingEmployerId"]);
        Assert.Equal($"/api/v1/employers/{created.Id()}", (string?)problem["existing"]);
        Assert.Contains((string)created["name"]!, (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_names_each_field_in_swedish_and_saves_nothing()
    {
        var jobb = await app.ClientFor("jobb.taby");
        var number = EmployerTestData.NextNumber();
        var body = EmployerTestData.Body(number[..9] + ((number[9] - '0' + 1) % 10).ToString(CultureInfo.InvariantCulture), "");
        body["sniGroup"] = "04";
        body["size"] = "jättestor";
        body["workplaces"]![0]!["postalCode"] = "0123";
        body["workplaces"]![0]!["municipalityCode"] = "9999";

        var problem = await jobb.PostAsJsonAsync("/api/v1/employers", body).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("Kontrollsiffran", problem.FieldErrors("organisationNumber").Single(), StringComparison.Ordinal);
        Assert.Equal("Ange arbetsgivarens namn.", problem.FieldErrors("name").Single());
        Assert.Contains("SNI 2007-grupp", problem.FieldErrors("sniGroup").Single(), StringComparison.Ordinal);
        Assert.Contains("250 anställda eller fler", problem.FieldErrors("size").Single(), StringComparison.Ordinal);
        Assert.Contains("183 70", problem.FieldErrors("workplacePostalCode").Single(), StringComparison.Ordinal);
        Assert.Contains("Kommunkoden finns inte", problem.FieldErrors("workplaceMunicipalityCode").Single(), StringComparison.Ordinal);

        var tooLong = EmployerTestData.Body(number, new string('x', 201));
        var longProblem = await jobb.PostAsJsonAsync("/api/v1/employers", tooLong).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("högst 200 tecken", longProblem.FieldErrors("name").Single(), StringComparison.Ordinal);
        var found = await jobb.GetAsync($"/api/v1/employers?search={number}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, (int)found["totalCount"]!);
    }

    [Fact]
    public async Task Roles_that_do_not_work_with_employers_read_but_do_not_change_and_analysts_see_no_contacts()
    {
        var id = await app.CreateEmployerAsync();
        var soc = await app.ClientFor("soc.taby");
        var analyst = await app.ClientFor("analytiker");

        await soc.GetAsync($"/api/v1/employers/{id}").ShouldBe(HttpStatusCode.OK);
        await soc.GetAsync($"/api/v1/employers/{id}/contacts").ShouldBe(HttpStatusCode.OK);
        await soc.PostAsJsonAsync($"/api/v1/employers/{id}/contacts", new { name = "Nils Nilsson" }).ProblemAsync(HttpStatusCode.Forbidden);
        await soc.PostAsJsonAsync("/api/v1/employers", EmployerTestData.Body(EmployerTestData.NextNumber())).ProblemAsync(HttpStatusCode.Forbidden);
        await analyst.GetAsync($"/api/v1/employers/{id}").ShouldBe(HttpStatusCode.OK);
        await analyst.GetAsync($"/api/v1/employers/{id}/contacts").ProblemAsync(HttpStatusCode.Forbidden);
        await analyst.GetAsync($"/api/v1/employers/{id}/contact-log").ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Every_read_and_change_of_contact_persons_is_in_the_access_log()
    {
        var id = await app.CreateEmployerAsync();
        var jobb = await app.ClientFor("jobb.taby");
        var af = await app.ClientFor("af.nordost");

        var contact = await jobb.PostAsJsonAsync($"/api/v1/employers/{id}/contacts",
            new { name = "Maja Provsson", role = "Rekryterare", phone = "08-123 456 78", email = "maja@prov.example" }).JsonAsync(HttpStatusCode.Created);
        await jobb.PutAsJsonAsync($"/api/v1/employers/{id}/contacts/{contact.Id()}",
            new { name = "Maja Provsson", role = "HR-chef", phone = "08-123 456 78", email = "maja@prov.example" }).ShouldBe(HttpStatusCode.OK);
        var list = await af.GetAsync($"/api/v1/employers/{id}/contacts").JsonArrayAsync(HttpStatusCode.OK);
        await af.GetAsync($"/api/v1/employers/{id}").ShouldBe(HttpStatusCode.OK);

        Assert.Equal("HR-chef", (string?)list.Single()!["role"]);
        var rows = await app.AccessLogAsync(a => a.EntityType == "EmployerContact" && (a.EntityId == id.ToString() || a.EntityId == contact.Id().ToString()));
        Assert.Contains(rows, r => r.Action == AccessAction.Create && r.UserName == "jobb.taby");
        Assert.Contains(rows, r => r.Action == AccessAction.Update && r.UserName == "jobb.taby" && r.EntityId == contact.Id().ToString());
        // The contacts list is a read of them; the employer's own read returns no contact and so logs none.
        Assert.Equal(1, rows.Count(r => r.Action == AccessAction.Read && r.UserName == "af.nordost" && r.ResultIds == contact.Id().ToString()));
        // No personal data in the log row itself.
        Assert.DoesNotContain(rows, r => (r.Purpose ?? "").Contains("Maja", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_contact_or_contact_log_entry_names_its_fields_and_saves_nothing()
    {
        var id = await app.CreateEmployerAsync();
        var jobb = await app.ClientFor("jobb.taby");

        var contact = await jobb.PostAsJsonAsync($"/api/v1/employers/{id}/contacts", new { name = "", phone = "ring mig", email = "inte-en-adress" })
            .ProblemAsync(HttpStatusCode.BadRequest);
        var entry = await jobb.PostAsJsonAsync($"/api/v1/employers/{id}/contact-log",
            new { kind = "brevduva", occurredOn = Day(-1), notes = "", followUpOn = Day(-3) }).ProblemAsync(HttpStatusCode.BadRequest);
        var order = await jobb.PostAsJsonAsync($"/api/v1/employers/{id}/contact-log",
            new { kind = "phoneCall", occurredOn = Day(-1), notes = "Samtal.", followUpOn = Day(-3) }).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("Ange kontaktpersonens namn.", contact.FieldErrors("name").Single());
        Assert.Contains("Telefonnumret", contact.FieldErrors("phone").Single(), StringComparison.Ordinal);
        Assert.Contains("E-postadressen", contact.FieldErrors("email").Single(), StringComparison.Ordinal);
        Assert.Contains("Företagsbesök", entry.FieldErrors("kind").Single(), StringComparison.Ordinal);
        Assert.Equal("Ange vad som sades.", entry.FieldErrors("notes").Single());
        Assert.Contains("före kontakten", order.FieldErrors("followUpOn").Single(), StringComparison.Ordinal);
        Assert.Empty(await jobb.GetAsync($"/api/v1/employers/{id}/contacts").JsonArrayAsync(HttpStatusCode.OK));
        Assert.Empty(await jobb.GetAsync($"/api/v1/employers/{id}/contact-log").JsonArrayAsync(HttpStatusCode.OK));
    }

    [Fact]
    public async Task A_follow_up_due_is_on_the_owners_work_list_until_it_is_done()
    {
        var name = TestPeople.UniqueLastName("Uppföljaren ") + " AB";
        var id = await app.CreateEmployerAsync("jobb.taby", name);
        var jobb = await app.ClientFor("jobb.taby");
        var vaxholm = await app.ClientFor("jobb.vaxholm");
        var entry = await jobb.PostAsJsonAsync($"/api/v1/employers/{id}/contact-log",
            new { kind = "companyVisit", occurredOn = Day(-2), notes = "Besök, de återkommer om praktik.", followUpOn = Day(3) }).JsonAsync(HttpStatusCode.Created);

        static bool Lists(System.Text.Json.Nodes.JsonObject list, Guid entryId) =>
            list["employers"]!["followUpsDue"]!.AsArray().Any(f => (string?)f!["entryId"] == entryId.ToString());

        Assert.True(Lists(await jobb.GetAsync("/api/v1/work-list").JsonAsync(HttpStatusCode.OK), entry.Id()));
        Assert.False(Lists(await vaxholm.GetAsync("/api/v1/work-list").JsonAsync(HttpStatusCode.OK), entry.Id())); // not Vaxholm's employer
        var home = await (await PageSession.SignInAsync(app, "jobb.taby")).PageAsync("/");
        Assert.Contains(name, home.GetElementById("employer-follow-ups")!.TextContent, StringComparison.Ordinal);

        await jobb.PostAsync($"/api/v1/employers/{id}/contact-log/{entry.Id()}/follow-up-done", null).ShouldBe(HttpStatusCode.OK);
        await jobb.PostAsync($"/api/v1/employers/{id}/contact-log/{entry.Id()}/follow-up-done", null).ProblemAsync(HttpStatusCode.Conflict);
        Assert.False(Lists(await jobb.GetAsync("/api/v1/work-list").JsonAsync(HttpStatusCode.OK), entry.Id()));
    }

    [Fact]
    public async Task A_need_moves_received_in_progress_handled_with_history_and_out_of_order_is_409()
    {
        var (id, workplace) = await app.EmployerAsync();
        var jobb = await app.ClientFor("jobb.taby");
        var placement = (await jobb.PostAsJsonAsync("/api/v1/placements", PlacementTestData.PlacementBody(id, workplace)).JsonAsync(HttpStatusCode.Created)).Id();
        var need = await jobb.PostAsJsonAsync($"/api/v1/employers/{id}/needs",
            new { occupationConceptId = "6zL8_YYP_1eR", numberOfPeople = 10, fromDate = Day(60), requirements = "Körkort D ingår.", employmentForm = "freshStartJob" })
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal("8331", (string?)need["ssyk4"]);
        Assert.Equal("received", (string?)need["status"]);
        var status = $"/api/v1/employers/{id}/needs/{need.Id()}/status";

        var early = await jobb.PostAsJsonAsync(status, new { status = "handled" }).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("under bearbetning", (string?)early["detail"], StringComparison.Ordinal);
        await jobb.PostAsJsonAsync(status, new { status = "inProgress" }).ShouldBe(HttpStatusCode.OK);
        var noReason = await jobb.PostAsJsonAsync(status, new { status = "declined", reason = "" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("skälet", noReason.FieldErrors("reason").Single(), StringComparison.Ordinal);
        // An answer must be a job track or placement of the collaboration.
        var unknown = await jobb.PostAsJsonAsync(status, new { status = "handled", answeredByJobTrackId = Guid.NewGuid() }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Välj ett jobbspår i behovets samverkan.", unknown.FieldErrors("answeredByJobTrackId").Single());
        var handled = await jobb.PostAsJsonAsync(status, new { status = "handled", answeredByPlacementId = placement }).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(placement.ToString(), (string?)handled["answeredByPlacementId"]);
        Assert.Equal(["received", "inProgress", "handled"], handled["history"]!.AsArray().Select(h => (string)h!["to"]!).ToArray());
        await jobb.PostAsJsonAsync(status, new { status = "declined", reason = "För sent." }).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_need_with_an_unknown_occupation_or_number_names_the_field_and_saves_nothing()
    {
        var id = await app.CreateEmployerAsync();
        var jobb = await app.ClientFor("jobb.taby");

        var problem = await jobb.PostAsJsonAsync($"/api/v1/employers/{id}/needs", new { occupationConceptId = "finns_inte", numberOfPeople = 0, fromDate = "i höst" })
            .ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("yrkestaxonomi", problem.FieldErrors("occupationConceptId").Single(), StringComparison.Ordinal);
        Assert.Contains("Antal personer", problem.FieldErrors("numberOfPeople").Single(), StringComparison.Ordinal);
        Assert.Contains("ÅÅÅÅ-MM-DD", problem.FieldErrors("fromDate").Single(), StringComparison.Ordinal);
        Assert.Empty(await jobb.GetAsync($"/api/v1/employers/{id}/needs").JsonArrayAsync(HttpStatusCode.OK));
    }

    [Fact]
    public async Task The_list_searches_by_name_number_and_municipality_and_masks_a_sole_traders_number()
    {
        var stem = TestPeople.UniqueLastName("Sökbar");
        var jobb = await app.ClientFor("jobb.taby");
        await app.CreateEmployerAsync("jobb.taby", stem + " Öst AB");
        await app.CreateEmployerAsync("jobb.taby", stem + " Ängby AB");

        var byName = await jobb.GetAsync($"/api/v1/employers?search={stem}").JsonAsync(HttpStatusCode.OK);
        var elsewhere = await jobb.GetAsync($"/api/v1/employers?search={stem}&municipalityCode=0188").JsonAsync(HttpStatusCode.OK);
        var bad = await jobb.GetAsync("/api/v1/employers?municipalityCode=12").ProblemAsync(HttpStatusCode.BadRequest);
        var soleTrader = await jobb.GetAsync("/api/v1/employers?search=680524").JsonAsync(HttpStatusCode.OK);

        // Swedish order: Ä before Ö.
        Assert.Equal([stem + " Ängby AB", stem + " Öst AB"], byName["items"]!.AsArray().Select(i => (string)i!["name"]!).ToArray());
        Assert.Equal(0, (int)elsewhere["totalCount"]!);
        Assert.Contains("kommun", bad.FieldErrors("municipalityCode").Single(), StringComparison.Ordinal);
        Assert.Equal("680524-****", (string?)soleTrader["items"]![0]!["organisationNumber"]);

        // A whole personnummer-shaped number is searched in the request's body, never in the address.
        var inAddress = await jobb.GetAsync("/api/v1/employers?search=6805249999").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("POST /api/v1/employers/search", inAddress.FieldErrors("search").Single(), StringComparison.Ordinal);
        var inBody = await jobb.PostAsJsonAsync("/api/v1/employers/search", new { search = stem }).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, (int)inBody["totalCount"]!);
        Assert.NotEmpty(await app.AccessLogAsync(a => a.EntityType == "Employer" && a.Action == AccessAction.Search && a.UserName == "jobb.taby"));
    }

    [Fact]
    public async Task The_coordinator_gets_a_work_list_with_incoming_needs_and_no_participants()
    {
        var id = await app.CreateEmployerAsync("samordnare.nordost");
        var coordinator = await app.ClientFor("samordnare.nordost");
        var need = await coordinator.PostAsJsonAsync($"/api/v1/employers/{id}/needs", new { occupationConceptId = "4zLr_jP5_peZ", numberOfPeople = 4 })
            .JsonAsync(HttpStatusCode.Created);

        var list = await coordinator.GetAsync("/api/v1/work-list").JsonAsync(HttpStatusCode.OK);

        Assert.Contains(list["employers"]!["incomingNeeds"]!.AsArray(), n => (string?)n!["needId"] == need.Id().ToString());
        Assert.Empty(list["recentlyChanged"]!.AsArray());
        Assert.Equal(0, (int)list["ownParticipants"]!);
    }
}
