using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Arbetsvagen.Features.ActionPlans;
using Arbetsvagen.Features.Placements;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;
using static Arbetsvagen.Tests.Placements.PlacementTestData;

namespace Arbetsvagen.Tests.Placements;

/// <summary>Placements through the API: capacity and overlap, the plan revision a booking leaves, ending with a result, logging and bad input.</summary>
public sealed class PlacementsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_placement_is_created_with_its_profile_and_read_with_its_supervisor_logged()
    {
        var (employer, workplace) = await app.EmployerAsync();
        var jobb = await app.ClientFor("jobb.taby");
        var created = await jobb.PostAsJsonAsync("/api/v1/placements", PlacementBody(employer, workplace)).JsonAsync(HttpStatusCode.Created);
        var id = created.Id();
        Assert.Equal("6zL8_YYP_1eR", (string?)created["occupationId"]);
        Assert.Equal("open", (string?)created["status"]);
        Assert.Equal("0160", (string?)created["municipalityCode"]);
        Assert.Equal(["swedishLevel:sfiC:true", "drivingLicence:B:false"],
            created["requirements"]!.AsArray().Select(r => $"{r!["kind"]}:{r["value"]}:{r["mustHave"]}"));

        var read = await (await app.ClientFor("soc.vaxholm")).GetAsync($"/api/v1/placements/{id}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Hanna Handledare", (string?)read["supervisor"]!["name"]);
        Assert.Equal("Svenska: SFI kurs C eller högre", (string?)read["requirements"]![0]!["text"]);

        var log = await app.AccessLogAsync(a => a.EntityType == "PlacementSupervisor" && a.EntityId == id.ToString());
        Assert.Contains(log, a => a.Action == AccessAction.Create && a.UserName == "jobb.taby");
        Assert.Contains(log, a => a.Action == AccessAction.Read && a.UserName == "soc.vaxholm");

        var edited = PlacementBody(employer, workplace, places: 3);
        edited["supervisorName"] = "Ny Handledare";
        edited["periods"]![0]!["id"] = (string?)created["periods"]![0]!["id"];
        var changed = await jobb.PutAsJsonAsync($"/api/v1/placements/{id}", edited).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, (int?)changed["periods"]![0]!["places"]);
        Assert.Contains(await app.AccessLogAsync(a => a.EntityType == "PlacementSupervisor" && a.EntityId == id.ToString()), a => a.Action == AccessAction.Update);

        // Only the managing unit changes it.
        await (await app.ClientFor("soc.taby")).PutAsJsonAsync($"/api/v1/placements/{id}", edited).ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_booking_adds_the_activity_through_a_plan_revision_and_ending_it_records_the_result()
    {
        var placement = await app.PlacementAsync();
        var participant = await app.ParticipantWithPlanAsync();
        var soc = await app.ClientFor("soc.taby");

        var booking = await soc.PostAsJsonAsync($"/api/v1/placements/{placement}/bookings", BookingBody(participant.Id)).JsonAsync(HttpStatusCode.Created);
        var activityId = (string?)booking["planActivityId"];
        Assert.NotNull(activityId);

        var plan = await soc.GetAsync($"/api/v1/participants/{participant.Id}/action-plan").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, (int?)plan["version"]);
        var activity = plan["activities"]!.AsArray().Single(a => (string?)a!["id"] == activityId)!;
        Assert.Equal("placement", (string?)activity["kind"]);
        Assert.Equal("Praktik som bussförare hos Testbolaget AB", (string?)activity["description"]);
        Assert.Equal(D(Today.AddDays(1)), (string?)activity["startsOn"]);
        var revisions = await soc.GetAsync($"/api/v1/participants/{participant.Id}/action-plan/revisions").JsonArrayAsync(HttpStatusCode.OK);
        Assert.Contains(revisions, r => (string?)r!["changes"] == "Ny aktivitet: Praktik som bussförare hos Testbolaget AB." && (string?)r["comment"] == "Bokad på praktikplats.");

        var ended = await soc.PostAsJsonAsync($"/api/v1/placements/{placement}/bookings/{booking.Id()}/end",
            new { outcome = "interrupted", endedOn = D(Today.AddDays(5)), result = "Avbröt efter en vecka; vill hellre arbeta på lager." })
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal("interrupted", (string?)ended["outcome"]);
        plan = await soc.GetAsync($"/api/v1/participants/{participant.Id}/action-plan").JsonAsync(HttpStatusCode.OK);
        activity = plan["activities"]!.AsArray().Single(a => (string?)a!["id"] == activityId)!;
        Assert.Equal(3, (int?)plan["version"]);
        Assert.Equal("interrupted", (string?)activity["status"]);
        Assert.Equal(D(Today.AddDays(5)), (string?)activity["endsOn"]);
        Assert.Equal("Avbröt efter en vecka; vill hellre arbeta på lager.", (string?)activity["result"]);

        var again = await soc.PostAsJsonAsync($"/api/v1/placements/{placement}/bookings/{booking.Id()}/end",
            new { outcome = "completed", endedOn = D(Today.AddDays(5)), result = "x" }).ProblemAsync(HttpStatusCode.Conflict);
        Assert.StartsWith("Bokningen är redan avslutad", (string?)again["detail"]);

        var log = await app.AccessLogForAsync(participant.Id, userName: "soc.taby");
        Assert.Contains(log, a => a.EntityType == "PlacementBooking" && a.Action == AccessAction.Create);
        Assert.Contains(log, a => a.EntityType == "PlacementBooking" && a.Action == AccessAction.Update);
        Assert.Contains(log, a => a.EntityType == "ActionPlan" && a.Action == AccessAction.Update);
    }

    [Fact]
    public async Task A_full_period_answers_409_naming_the_dates_and_an_overlapping_booking_of_one_person_409()
    {
        var placement = await app.PlacementAsync(places: 1);
        var first = await app.ParticipantWithPlanAsync();
        var second = await app.ParticipantWithPlanAsync();
        var soc = await app.ClientFor("soc.taby");
        await soc.PostAsJsonAsync($"/api/v1/placements/{placement}/bookings", BookingBody(first.Id, 1, 20)).ShouldBe(HttpStatusCode.Created);

        var full = await soc.PostAsJsonAsync($"/api/v1/placements/{placement}/bookings", BookingBody(second.Id, 10, 30)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal($"Perioden {D(Today)}–{D(Today.AddDays(60))} är fullbokad {D(Today.AddDays(10))}–{D(Today.AddDays(20))} (alla 1 platser är bokade).",
            (string?)full["detail"]);
        // After the first booking's last day the place is free again.
        await soc.PostAsJsonAsync($"/api/v1/placements/{placement}/bookings", BookingBody(second.Id, 21, 30)).ShouldBe(HttpStatusCode.Created);

        var other = await app.PlacementAsync();
        var overlap = await soc.PostAsJsonAsync($"/api/v1/placements/{other}/bookings", BookingBody(first.Id, 15, 25)).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal($"Deltagaren är redan bokad {D(Today.AddDays(1))}–{D(Today.AddDays(20))} på en annan praktikplats; en person kan inte vara bokad två gånger samma dagar.",
            (string?)overlap["detail"]);
        Assert.Equal(2, await app.WithDbAsync(db => db.PlacementBookings.CountAsync(b => b.ParticipantId == first.Id || b.ParticipantId == second.Id)));
    }

    [Fact]
    public async Task Bad_input_is_named_field_by_field_and_nothing_is_saved()
    {
        var (employer, workplace) = await app.EmployerAsync("Felaktiga AB");
        var jobb = await app.ClientFor("jobb.taby");
        var body = PlacementBody(employer, workplace);
        body["kind"] = "slavery";
        body["occupation"] = "xyzzy";
        body["tasks"] = new string('x', 2001);
        body["supervisorEmail"] = "inte-en-adress";
        body["periods"] = new JsonArray(new JsonObject { ["startsOn"] = D(Today.AddDays(10)), ["endsOn"] = D(Today), ["places"] = 0 });
        body["requirements"] = new JsonArray(new JsonObject { ["kind"] = "skill", ["value"] = "no-such-skill-id", ["mustHave"] = true });
        var problem = await jobb.PostAsJsonAsync("/api/v1/placements", body).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.StartsWith("Välj typ av praktikplats. Välj en av: Praktik, Arbetsträning", problem.FieldErrors("kind").Single());
        Assert.StartsWith("Yrke: yrket \"xyzzy\" finns inte i yrkeslistan.", problem.FieldErrors("occupation").Single());
        Assert.Equal("Arbetsuppgifterna är för lång: högst 2000 tecken, nu 2001.", problem.FieldErrors("tasks").Single());
        Assert.Equal("Handledarens e-postadress ska skrivas som namn@exempel.se.", problem.FieldErrors("supervisorEmail").Single());
        Assert.Equal("Period 1: slutdatum kan inte ligga före startdatum.", problem.FieldErrors("periods[0].endsOn").Single());
        Assert.Equal("Period 1: ange antal platser som ett heltal mellan 1 och 100.", problem.FieldErrors("periods[0].places").Single());
        Assert.StartsWith("Kompetens (krav 1): kompetens \"no-such-skill-id\" finns inte i taxonomin.", problem.FieldErrors("requirements[0].value").Single());
        Assert.False(await app.WithDbAsync(db => db.Placements.AnyAsync(p => p.EmployerId == employer)));

        var placement = await app.PlacementAsync();
        var participant = await app.ParticipantWithPlanAsync();
        var soc = await app.ClientFor("soc.taby");
        var booking = await soc.PostAsJsonAsync($"/api/v1/placements/{placement}/bookings",
            new { participantId = participant.Id, startsOn = "i morgon", endsOn = D(Today.AddDays(3)), hoursPerWeek = 60 }).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Startdatum ska skrivas ÅÅÅÅ-MM-DD.", booking.FieldErrors("startsOn").Single());
        Assert.StartsWith("Ange timmar per vecka som ett tal mellan 0 och 40", booking.FieldErrors("hoursPerWeek").Single());

        // Dates outside the placement's periods, and outside the plan's period, are the booking's date errors.
        var outside = await soc.PostAsJsonAsync($"/api/v1/placements/{placement}/bookings", BookingBody(participant.Id, 50, 70)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith($"Datumen {D(Today.AddDays(50))}–{D(Today.AddDays(70))} ligger inte inom någon av praktikplatsens perioder", outside.FieldErrors("startsOn").Single());
        Assert.False(await app.WithDbAsync(db => db.PlacementBookings.AnyAsync(b => b.ParticipantId == participant.Id)));
        var plan = await soc.GetAsync($"/api/v1/participants/{participant.Id}/action-plan").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, (int?)plan["version"]);
    }

    [Fact]
    public async Task Status_moves_in_order_and_out_of_order_is_409()
    {
        var placement = await app.PlacementAsync();
        var jobb = await app.ClientFor("jobb.taby");
        Task<HttpResponseMessage> Move(string status) => jobb.PostAsJsonAsync($"/api/v1/placements/{placement}/status", new { status });

        await Move("dormant").ShouldBe(HttpStatusCode.OK);
        var participant = await app.ParticipantWithPlanAsync();
        var refused = await (await app.ClientFor("soc.taby")).PostAsJsonAsync($"/api/v1/placements/{placement}/bookings", BookingBody(participant.Id))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal("Praktikplatsen är vilande; bara en öppen praktikplats kan bokas.", (string?)refused["detail"]);
        Assert.Equal("Praktikplatsen är redan vilande.", (string?)(await Move("dormant").ProblemAsync(HttpStatusCode.Conflict))["detail"]);
        await Move("closed").ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Praktikplatsen är avslutad och kan inte ändra status.", (string?)(await Move("open").ProblemAsync(HttpStatusCode.Conflict))["detail"]);
    }

    [Fact]
    public async Task Utilisation_counts_booked_place_days_against_capacity_for_the_placement_and_the_employer()
    {
        var (employer, workplace) = await app.EmployerAsync("Beläggning AB");
        var jobb = await app.ClientFor("jobb.taby");
        var placement = (await jobb.PostAsJsonAsync("/api/v1/placements", PlacementBody(employer, workplace, places: 2, startDays: 0, endDays: 9))
            .JsonAsync(HttpStatusCode.Created)).Id();
        var participant = await app.ParticipantWithPlanAsync();
        await (await app.ClientFor("soc.taby")).PostAsJsonAsync($"/api/v1/placements/{placement}/bookings", BookingBody(participant.Id, 0, 4))
            .ShouldBe(HttpStatusCode.Created);

        var span = $"from={D(Today)}&to={D(Today.AddDays(9))}";
        var one = await jobb.GetAsync($"/api/v1/placements/{placement}/utilisation?{span}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(20, (int?)one["capacityPlaceDays"]);
        Assert.Equal(5, (int?)one["bookedPlaceDays"]);
        Assert.Equal(25m, (decimal?)one["percent"]);

        var all = await jobb.GetAsync($"/api/v1/placements/utilisation?employerId={employer}&{span}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Beläggning AB", (string?)all["employerName"]);
        Assert.Equal(5, (int?)all["total"]!["bookedPlaceDays"]);
        var bad = await jobb.GetAsync($"/api/v1/placements/{placement}/utilisation?from={D(Today)}&to={D(Today.AddDays(-1))}").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Till-datum kan inte ligga före från-datum.", bad.FieldErrors("to").Single());
    }

    [Fact]
    public async Task The_list_filters_and_the_public_read_model_holds_nothing_personal()
    {
        var placement = await app.PlacementAsync();
        var jobb = await app.ClientFor("jobb.taby");
        var page = await jobb.GetAsync("/api/v1/placements?municipality=0160&kind=workExperience&status=open&occupation=6zL8_YYP_1eR").JsonAsync(HttpStatusCode.OK);
        Assert.Contains(page["items"]!.AsArray(), r => r!.Id() == placement);
        var none = await jobb.GetAsync("/api/v1/placements?municipality=0187").JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(none["items"]!.AsArray(), r => r!.Id() == placement);
        var bad = await jobb.GetAsync("/api/v1/placements?kind=rymdresa").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.StartsWith("Okänd typ av praktikplats", bad.FieldErrors("kind").Single());

        var open = await app.WithScopeAsync(services => services.GetRequiredService<PlacementWork>()
            .OpenForPublicAsync(new PublicPlacementFilter("0160", PlacementKind.WorkExperience, "83"), CancellationToken.None));
        var shown = Assert.Single(open, p => p.Id == placement);
        Assert.Equal("Testbolaget AB", shown.EmployerName);
        Assert.DoesNotContain(typeof(PublicPlacement).GetProperties(), p => p.Name.Contains("Supervisor", StringComparison.Ordinal) || p.Name.Contains("Booking", StringComparison.Ordinal));
    }
}
