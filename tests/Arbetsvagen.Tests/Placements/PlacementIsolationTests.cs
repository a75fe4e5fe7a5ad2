using System.Net;
using System.Net.Http.Json;
using Arbetsvagen.Tests.Infrastructure;
using Arbetsvagen.Tests.Participants;
using Xunit;
using static Arbetsvagen.Tests.Placements.PlacementTestData;

namespace Arbetsvagen.Tests.Placements;

/// <summary>
/// Bookings are about a participant: every booking endpoint, called by someone who may not see the participant's
/// plan, answers 404 with one denied entry. The placement itself is the collaboration's: outside it, and for
/// analysts and administrators, every {id} endpoint answers 404.
/// </summary>
public sealed class PlacementIsolationTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static readonly string[] BookingEndpoints = ["POST booking", "GET booking", "POST end"];
    public static readonly string[] PlacementEndpoints =
        ["GET placement", "PUT placement", "POST status", "GET bookings", "POST booking", "GET booking", "POST end", "GET utilisation"];

    public static TheoryData<string, string> Matrix() => IsolationMatrix.Of(IsolationMatrixTests.Outsiders, BookingEndpoints);

    public static TheoryData<string, string> PlacementMatrix() => IsolationMatrix.Of(["outside", "analytiker", "admin.taby"], PlacementEndpoints);

    private async Task<(Guid Placement, Guid Booking, CreatedParticipant Target)> BookedAsync()
    {
        var placement = await app.PlacementAsync(places: 5);
        var target = await app.ParticipantWithPlanAsync();
        await app.GiveConsentAsync(target.Id, ["Norrtälje vuxenutbildning"], ["identity", "caseAndPlan"]);
        var booking = (await (await app.ClientFor("soc.taby")).PostAsJsonAsync($"/api/v1/placements/{placement}/bookings", BookingBody(target.Id))
            .JsonAsync(HttpStatusCode.Created)).Id();
        return (placement, booking, target);
    }

    private static Task<HttpResponseMessage> Call(HttpClient client, string endpoint, Guid placement, Guid booking, Guid participant) => endpoint switch
    {
        "GET placement" => client.GetAsync($"/api/v1/placements/{placement}"),
        "PUT placement" => client.PutAsJsonAsync($"/api/v1/placements/{placement}", new { tasks = "x" }),
        "POST status" => client.PostAsJsonAsync($"/api/v1/placements/{placement}/status", new { status = "dormant" }),
        "GET bookings" => client.GetAsync($"/api/v1/placements/{placement}/bookings"),
        "POST booking" => client.PostAsJsonAsync($"/api/v1/placements/{placement}/bookings", BookingBody(participant, 30, 40)),
        "GET booking" => client.GetAsync($"/api/v1/placements/{placement}/bookings/{booking}"),
        "POST end" => client.PostAsJsonAsync($"/api/v1/placements/{placement}/bookings/{booking}/end",
            new { outcome = "completed", endedOn = D(Today.AddDays(2)), result = "Klar" }),
        "GET utilisation" => client.GetAsync($"/api/v1/placements/{placement}/utilisation"),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, null),
    };

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Callers_without_the_participant_get_404_and_one_denied_entry(string user, string endpoint)
    {
        var (placement, booking, target) = await BookedAsync();
        var client = await app.ClientFor(user);
        if (user is "analytiker" or "admin.taby")
        {
            // Outside placements altogether: 404 before any participant is looked at.
            await Call(client, endpoint, placement, booking, target.Id).ShouldBe(HttpStatusCode.NotFound);
            return;
        }

        await app.AssertRefusedAsync(Call(client, endpoint, placement, booking, target.Id), target.Id, user);
    }

    [Theory]
    [MemberData(nameof(PlacementMatrix))]
    public async Task Callers_outside_the_collaboration_get_404_on_every_placement_endpoint(string user, string endpoint)
    {
        var (placement, booking, target) = await BookedAsync();
        var client = await app.ClientFor(user == "outside" ? await app.OutsiderAsync() : user);
        var problem = await Call(client, endpoint, placement, booking, target.Id).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(IsolationMatrix.NotFoundDetail, (string?)problem["detail"]);
    }

    [Fact]
    public async Task The_booking_list_shows_only_participants_the_caller_may_see()
    {
        var (placement, booking, _) = await BookedAsync();
        var own = await (await app.ClientFor("soc.taby")).GetAsync($"/api/v1/placements/{placement}/bookings").JsonArrayAsync(HttpStatusCode.OK);
        Assert.Equal(booking, Assert.Single(own)!.Id());
        Assert.NotNull((string?)own[0]!["participantName"]);
        var other = await (await app.ClientFor("jobb.vaxholm")).GetAsync($"/api/v1/placements/{placement}/bookings").JsonArrayAsync(HttpStatusCode.OK);
        Assert.Empty(other);
    }
}
