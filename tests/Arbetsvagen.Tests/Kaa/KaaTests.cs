using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Arbetsvagen.Features.Kaa;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;

namespace Arbetsvagen.Tests.Kaa;

/// <summary>
/// The KAA register over HTTP on both databases (issue 13): the import's line report, confirmation, idempotence and change
/// report; separation from social services (404 both ways unless consent names the reader); the work list; the SCB file
/// and its checks; handover; statistics; the pages. Youth come from the test personnummer in the KAA ages that the demo
/// leaves unused (<see cref="KaaDemo.ReservedForTests"/>).
/// </summary>
public sealed class KaaTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Header = "personnummer;förnamn;efternamn;skola;program;status;datum";
    private const string KaaNorrtalje = "Norrtälje kommun – Kommunala aktivitetsansvaret";
    private static readonly DateOnly Today = SwedishTime.Today(DateTime.UtcNow);
    private static readonly List<string> Reserved = KaaDemo.Numbers(Today).TakeLast(KaaDemo.ReservedForTests).Select(n => n.Value).ToList();
    private static int next = -1;

    private static string NextNumber() => Reserved[Interlocked.Increment(ref next) % Reserved.Count];

    private static string Day(int daysAgo) => Today.AddDays(-daysAgo).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private async Task<HttpResponseMessage> ImportAsync(string csv, bool accept = false, string user = "kaa.norrtalje", Encoding? encoding = null)
    {
        var client = await app.ClientFor(user);
        var body = new ByteArrayContent((encoding ?? Encoding.UTF8).GetBytes(csv));
        body.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return await client.PostAsync($"/api/v1/kaa/imports?fileName=elever.csv{(accept ? "&acceptValidLines=true" : "")}", body);
    }

    private async Task<Guid> YouthIdAsync(string number, string user = "kaa.norrtalje")
    {
        var client = await app.ClientFor(user);
        var page = await client.GetAsync($"/api/v1/kaa/youth?status=all&search={number}").JsonAsync(HttpStatusCode.OK);
        return page["items"]!.AsArray().Single()!.Id();
    }

    /// <summary>Imports people who dropped out <paramref name="daysAgo"/> days ago; returns their numbers and ids.</summary>
    private async Task<List<(string Number, Guid Id)>> DropoutsAsync(int count, int daysAgo = 20)
    {
        var numbers = Enumerable.Range(0, count).Select(_ => NextNumber()).ToList();
        var csv = Header + "\n" + string.Join("\n", numbers.Select((n, i) => $"{n};Test{i};{TestPeople.UniqueLastName()};Roslagsgymnasiet;IM;avbrott;{Day(daysAgo)}"));
        await ImportAsync(csv).ShouldBe(HttpStatusCode.Created);
        var result = new List<(string, Guid)>();
        foreach (var n in numbers)
        {
            result.Add((n, await YouthIdAsync(n)));
        }

        return result;
    }

    [Fact]
    public async Task A_file_with_bad_lines_changes_nothing_until_confirmed_then_imports_once_and_reports_changes()
    {
        var (a, b) = (NextNumber(), NextNumber());
        var file = $"{Header}\r\n{a};Alva;Lindqvist;Roslagsgymnasiet;IM;avbrott;{Day(30)}\r\n{b};Omar;Sjöberg;Roslagsgymnasiet;EE;studerar;{Day(30)}\r\n" +
            $"{NextNumber()};Fel;Status;;;slutat;{Day(30)}\r\n";

        var refused = await ImportAsync(file).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(refused.FieldErrors("file"), e => e.StartsWith("Rad 4: Okänd status \"slutat\"", StringComparison.Ordinal));
        Assert.Contains("1 av 3 rader har fel", refused.FieldErrors("acceptValidLines")[0], StringComparison.Ordinal);
        var kaa = await app.ClientFor("kaa.norrtalje");
        Assert.Equal(0, (int)(await kaa.GetAsync($"/api/v1/kaa/youth?status=all&search={a}").JsonAsync(HttpStatusCode.OK))["total"]!);

        var imported = await ImportAsync(file, accept: true).JsonAsync(HttpStatusCode.Created);
        Assert.Equal((2, 0, 1, 1), ((int)imported["added"]!, (int)imported["changed"]!, (int)imported["entered"]!, (int)imported["badRows"]!));
        Assert.Contains(imported["skippedLines"]!.AsArray(), l => ((string)l!).StartsWith("Rad 4:", StringComparison.Ordinal));
        var id = await YouthIdAsync(a);
        var youth = await kaa.GetAsync($"/api/v1/kaa/youth/{id}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("dropout", true, "dropout"), ((string)youth["schoolStatus"]!, (bool)youth["inKaa"]!, (string)youth["periods"]![0]!["entryReason"]!));

        // The same file again: nothing changes.
        var again = await ImportAsync(file, accept: true).JsonAsync(HttpStatusCode.Created);
        Assert.Equal((0, 0, 2, 0), ((int)again["added"]!, (int)again["changed"]!, (int)again["unchanged"]!, (int)again["entered"]!));
        Assert.Empty(again["changes"]!.AsArray());

        // Alva goes back to school, Omar drops out: the report says so; then Alva drops out again and re-enters.
        var changed = $"{Header}\n{a};Alva;Lindqvist;Roslagsgymnasiet;IM;studerar;{Day(10)}\n{b};Omar;Sjöberg;Roslagsgymnasiet;EE;avbrott;{Day(10)}\n";
        var report = await ImportAsync(changed).JsonAsync(HttpStatusCode.Created);
        Assert.Equal((2, 1, 1), ((int)report["changed"]!, (int)report["entered"]!, (int)report["exited"]!));
        Assert.Contains(report["changes"]!.AsArray(), c => (string)c! == "Alva Lindqvist: Avbrott → Studerar – ut ur aktivitetsansvaret");
        var reEntry = await ImportAsync($"{Header}\n{a};Alva;Lindqvist;;;avbrott;{Day(2)}\n").JsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, (int)reEntry["reEntered"]!);
        var periods = (await kaa.GetAsync($"/api/v1/kaa/youth/{id}").JsonAsync(HttpStatusCode.OK))["periods"]!.AsArray();
        Assert.Equal(2, periods.Count);
        Assert.Equal(("startedStudies", Day(10)), ((string)periods[0]!["exitReason"]!, (string)periods[0]!["exitedOn"]!));
        Assert.Equal(Day(2), (string)periods[1]!["enteredOn"]!);

        // A Windows-1252 file reads as well as UTF-8; an unknown column refuses the file whole; others may not import.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var ansi = await ImportAsync($"{Header}\r\n{a};Alva;Lindqvist;Åva gymnasium;;avbrott;{Day(2)}\r\n", encoding: Encoding.GetEncoding(1252)).JsonAsync(HttpStatusCode.Created);
        Assert.Contains(ansi["changes"]!.AsArray(), c => ((string)c!).StartsWith("Alva Lindqvist", StringComparison.Ordinal));
        Assert.Equal("Åva gymnasium", (string?)(await kaa.GetAsync($"/api/v1/kaa/youth/{id}").JsonAsync(HttpStatusCode.OK))["school"]);
        var unknown = await ImportAsync($"{Header};hälsa\n{a};A;B;;;avbrott;{Day(2)};x\n", accept: true).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Okänd kolumn \"hälsa\"", unknown.FieldErrors("file")[0], StringComparison.Ordinal);
        await ImportAsync(file, accept: true, user: "soc.taby").ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Kaa_and_social_services_cannot_reach_each_others_records_of_the_same_person_unless_consent_names_them()
    {
        var (number, youthId) = (await DropoutsAsync(1))[0];
        var kaa = await app.ClientFor("kaa.norrtalje");
        var soc = await app.ClientFor("soc.taby");
        var participant = await app.CreateParticipantAsync("soc.taby", b => b["personalIdentityNumber"] = TestPeople.Dashed(number));

        await soc.GetAsync($"/api/v1/kaa/youth/{youthId}").ShouldBe(HttpStatusCode.NotFound);
        await soc.PostAsJsonAsync($"/api/v1/kaa/youth/{youthId}/outreach", new { channel = "phone", result = "reached" }).ShouldBe(HttpStatusCode.NotFound);
        await kaa.GetAsync($"/api/v1/participants/{participant.Id}").ShouldBe(HttpStatusCode.NotFound);
        Assert.Equal(0, (int)(await soc.GetAsync($"/api/v1/kaa/youth?status=all&search={number}").JsonAsync(HttpStatusCode.OK))["total"]!);
        Assert.NotEmpty(await app.AccessLogAsync(a => a.EntityType == KaaWork.Entity && a.EntityId == youthId.ToString() && a.Action == "denied" && a.UserName == "soc.taby"));

        // The young person's consent names Täby's social services: they may read the KAA record, not change it.
        var socialServices = await app.OrganisationId("Täby kommun – Socialtjänsten, försörjningsstöd");
        await kaa.PostAsJsonAsync($"/api/v1/kaa/youth/{youthId}/shares", new
        {
            recipientOrganisationId = socialServices, kind = "consent", consentGivenOn = Day(0), validUntil = Day(-90), purpose = "Samordning kring stöd (test).",
        }).ShouldBe(HttpStatusCode.BadRequest); // Norrtälje's KAA may name its own municipality's social services or AF, not Täby's
        var norrtaljeSocial = await app.OrganisationId("Norrtälje kommun – Socialtjänsten, försörjningsstöd");
        var af = await app.OrganisationId("Arbetsförmedlingen Nordöstra Stockholm");
        await kaa.PostAsJsonAsync($"/api/v1/kaa/youth/{youthId}/shares", new
        {
            recipientOrganisationId = af, kind = "adultServicesHandover", consentGivenOn = Day(0), validUntil = Day(-90), purpose = "Överlämning vid 20 år (test).",
        }).ShouldBe(HttpStatusCode.Created);
        Assert.NotEqual(Guid.Empty, norrtaljeSocial);
        var afClient = await app.ClientFor("af.nordost");
        Assert.Equal(number[..8] + "-" + number[8..], (string?)(await afClient.GetAsync($"/api/v1/kaa/youth/{youthId}").JsonAsync(HttpStatusCode.OK))["personalIdentityNumber"]);
        await afClient.PostAsJsonAsync($"/api/v1/kaa/youth/{youthId}/measures", new { kind = "coaching", startOn = Day(0) }).ShouldBe(HttpStatusCode.NotFound);
        await soc.GetAsync($"/api/v1/kaa/youth/{youthId}").ShouldBe(HttpStatusCode.NotFound); // still: the consent did not name them

        // And the other way: the social-services case opens to KAA only through the person's consent naming the KAA unit.
        await app.GiveConsentAsync(participant.Id, [KaaNorrtalje], ["identity"]);
        await kaa.GetAsync($"/api/v1/participants/{participant.Id}").ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_work_list_holds_those_not_reached_with_the_next_try_and_drops_them_when_reached()
    {
        var people = await DropoutsAsync(2, daysAgo: 400);
        var kaa = await app.ClientFor("kaa.norrtalje");
        async Task<JsonArray> WorkList() => await kaa.GetAsync("/api/v1/kaa/work-list?take=500").JsonArrayAsync(HttpStatusCode.OK);

        var list = await WorkList();
        var first = list.Single(r => r!.Id() == people[0].Id)!;
        Assert.Equal(("phone", 0), ((string)first["nextChannel"]!, (int)first["attempts"]!));
        // Dropped out 400 days ago: due long since, so ahead of anyone whose next try is later.
        var order = list.Select(r => (string?)r!["nextAttemptOn"]).ToList();
        Assert.Equal(order.OrderBy(d => d, StringComparer.Ordinal), order);

        var missing = await kaa.PostAsJsonAsync($"/api/v1/kaa/youth/{people[0].Id}/outreach", new { result = "notReached" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Telefon, Sms, Brev", missing.FieldErrors("channel")[0], StringComparison.Ordinal);
        await kaa.PostAsJsonAsync($"/api/v1/kaa/youth/{people[0].Id}/outreach", new { channel = "phone", result = "notReached" }).ShouldBe(HttpStatusCode.Created);
        await kaa.PostAsJsonAsync($"/api/v1/kaa/youth/{people[1].Id}/outreach", new { channel = "homeVisit", result = "reached", note = "Hemma." }).ShouldBe(HttpStatusCode.Created);

        list = await WorkList();
        first = list.Single(r => r!.Id() == people[0].Id)!;
        Assert.Equal(("sms", 1, Day(-3)), ((string)first["nextChannel"]!, (int)first["attempts"]!, (string)first["nextAttemptOn"]!));
        Assert.DoesNotContain(list, r => r!.Id() == people[1].Id);
        var reached = await kaa.GetAsync($"/api/v1/kaa/youth?status=reached&search={people[1].Number}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int)reached["total"]!);
    }

    [Fact]
    public async Task The_scb_file_lists_the_population_with_contact_and_measures_and_is_refused_while_a_check_fails()
    {
        var people = await DropoutsAsync(2, daysAgo: 15);
        var kaa = await app.ClientFor("kaa.norrtalje");
        var url = $"/api/v1/kaa/exports/scb?referenceDate={Day(0)}";
        await kaa.PostAsJsonAsync($"/api/v1/kaa/youth/{people[0].Id}/outreach", new { channel = "phone", result = "reached" }).ShouldBe(HttpStatusCode.Created);
        await kaa.PostAsJsonAsync($"/api/v1/kaa/youth/{people[0].Id}/measures", new { kind = "folkHighSchoolCourse", startOn = Day(1) }).ShouldBe(HttpStatusCode.Created);
        await kaa.PostAsJsonAsync($"/api/v1/kaa/youth/{people[1].Id}/measures", new { kind = "coaching", startOn = Day(1), endOn = Day(3) }).ShouldBe(HttpStatusCode.BadRequest);
        await kaa.PostAsJsonAsync($"/api/v1/kaa/youth/{people[1].Id}/measures", new { kind = "coaching", startOn = Day(1) }).ShouldBe(HttpStatusCode.Created);

        var refused = await kaa.GetAsync(url).ProblemAsync(HttpStatusCode.Conflict);
        var failure = refused["failures"]!.AsArray().Single(f => f!["youthId"]!.GetValue<Guid>() == people[1].Id)!;
        Assert.Contains("ingen kontakt", (string)failure["check"]!, StringComparison.Ordinal);

        await kaa.PostAsJsonAsync($"/api/v1/kaa/youth/{people[1].Id}/outreach", new { channel = "sms", result = "reached" }).ShouldBe(HttpStatusCode.Created);
        var response = await kaa.GetAsync(url).ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(ScbExport.Header, lines[0]);
        var row = lines.Single(l => l.Contains(people[0].Number, StringComparison.Ordinal)).Split(';');
        Assert.Equal(["1", "0188", Day(0), people[0].Number], row[..4]);
        Assert.Equal([Day(15), "AVBROTT", "J", "ANNAN_INSATS", "FOLKHOGSKOLA", "", ""], row[5..12]);
        Assert.All(lines.Skip(1), l => Assert.Equal(14, l.Split(';').Length));
        Assert.NotEmpty(await app.AccessLogAsync(a => a.EntityType == KaaWork.Entity && a.Action == "export" && a.UserName == "kaa.norrtalje"));
        await (await app.ClientFor("soc.taby")).GetAsync(url).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_young_person_handed_over_to_a_collaborating_municipality_leaves_the_register_with_a_logged_handover()
    {
        var (_, id) = (await DropoutsAsync(1))[0];
        var kaa = await app.ClientFor("kaa.norrtalje");
        await kaa.PostAsJsonAsync($"/api/v1/kaa/youth/{id}/outreach", new { channel = "phone", result = "reached" }).ShouldBe(HttpStatusCode.Created);
        var bad = await kaa.PostAsJsonAsync($"/api/v1/kaa/youth/{id}/handover", new { municipalityCode = "0180" }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("Täby (0160)", bad.FieldErrors("municipalityCode")[0], StringComparison.Ordinal);

        var handed = await kaa.PostAsJsonAsync($"/api/v1/kaa/youth/{id}/handover", new { municipalityCode = "0160" }).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("0160", (string?)handed["municipalityCode"]);
        var periods = handed["periods"]!.AsArray();
        Assert.Equal(("handedOverOut", "handedOverIn"), ((string)periods[0]!["exitReason"]!, (string)periods[1]!["entryReason"]!));
        Assert.False((bool)handed["reached"]!); // the new municipality starts its outreach
        await kaa.GetAsync($"/api/v1/kaa/youth/{id}").ShouldBe(HttpStatusCode.NotFound);
        var logged = Assert.Single(await app.AccessLogAsync(a => a.Action == "handover" && a.EntityId == id.ToString()));
        Assert.Contains("från 0188 till 0160", logged.Purpose, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Statistics_are_counts_per_municipality_exact_for_the_own_and_the_pages_answer()
    {
        var kaa = await app.ClientFor("kaa.norrtalje");
        var own = await kaa.GetAsync("/api/v1/kaa/statistics").JsonAsync(HttpStatusCode.OK);
        var municipalities = own["municipalities"]!.AsArray();
        Assert.Equal(6, municipalities.Count);
        Assert.True((bool)municipalities.Single(m => (string?)m!["municipalityCode"] == "0188")!["exact"]!);
        Assert.False((bool)municipalities.Single(m => (string?)m!["municipalityCode"] == "0187")!["exact"]!);
        var analyst = await (await app.ClientFor("analytiker")).GetAsync("/api/v1/kaa/statistics?term=VT%202026").JsonAsync(HttpStatusCode.OK);
        Assert.Equal("VT 2026", (string?)analyst["term"]);
        Assert.All(analyst["municipalities"]!.AsArray(), m => Assert.False((bool)m!["exact"]!));
        var bad = await kaa.GetAsync("/api/v1/kaa/statistics?term=sommar").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("HT 2026", bad.FieldErrors("term")[0], StringComparison.Ordinal);
        await (await app.ClientFor("admin.taby")).GetAsync("/api/v1/kaa/statistics").ShouldBe(HttpStatusCode.Forbidden);

        var (_, id) = (await DropoutsAsync(1))[0];
        var pages = await app.PagesClientFor("kaa.norrtalje");
        foreach (var path in new[] { "/Kaa", "/Kaa/Import", $"/Kaa/Youth/{id}", "/Kaa/Statistics", "/Kaa/Export", "/Kaa/Letters" })
        {
            await pages.GetAsync(path).ShouldBe(HttpStatusCode.OK);
        }

        var socPages = await app.PagesClientFor("soc.taby");
        await socPages.GetAsync($"/Kaa/Youth/{id}").ShouldBe(HttpStatusCode.NotFound);
        await socPages.GetAsync("/Kaa/Import").ShouldBe(HttpStatusCode.NotFound);
    }
}
