using System.Net;
using System.Net.Http.Json;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Tests.Participants;

/// <summary>
/// Every participant endpoint, called by a user of another organisation (or a role that never sees a person)
/// with the id of soc.taby's participant, answers the same 404 as for an id that does not exist and logs
/// exactly one `denied` entry for that participant.
/// </summary>
public sealed class IsolationMatrixTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static readonly string[] Outsiders =
    [
        "soc.vaxholm",
        "jobb.taby", // same municipality as the owner, but the job centre is a secrecy boundary of its own
        "jobb.vaxholm",
        "af.nordost",
        "syv.kcno",
        "kaa.norrtalje",
        "analytiker", // aggregates only
        "admin.taby", // administers Täby, reviews the log, never sees a person
        "samordnare.nordost",
    ];

    public static readonly string[] Endpoints =
        ["GET participant", "PUT participant", "GET consents", "POST consent", "POST consent withdrawal"];

    public static TheoryData<string, string> Matrix() => IsolationMatrix.Of(Outsiders, Endpoints);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Other_organisations_get_404_and_a_denied_log_entry(string user, string endpoint)
    {
        var target = await app.CreateParticipantAsync("soc.taby");
        // A consent exists, but names only an organisation none of the callers belongs to.
        var consentId = await app.GiveConsentAsync(target.Id, ["Norrtälje vuxenutbildning"], ["identity", "background"]);
        var client = await app.ClientFor(user);

        var problem = await Call(client, endpoint, target, consentId).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(await NotFoundBodyForUnknownId(client, endpoint), (string?)problem["detail"]);
        var denied = await app.AccessLogForAsync(target.Id, AccessAction.Denied, user);
        Assert.Single(denied);
        Assert.Empty(await app.AccessLogForAsync(target.Id, AccessAction.Read, user));
        Assert.Empty(await app.AccessLogForAsync(target.Id, AccessAction.Update, user));
        Assert.Empty(await app.AccessLogForAsync(target.Id, AccessAction.Create, user));
    }

    [Fact]
    public async Task The_owner_reaches_every_endpoint()
    {
        var target = await app.CreateParticipantAsync("soc.taby");
        var consentId = await app.GiveConsentAsync(target.Id, ["Norrtälje vuxenutbildning"], ["identity"]);
        var client = await app.ClientFor("soc.taby");

        await Call(client, "GET participant", target, consentId).ShouldBe(HttpStatusCode.OK);
        await Call(client, "PUT participant", target, consentId).ShouldBe(HttpStatusCode.OK);
        await Call(client, "GET consents", target, consentId).ShouldBe(HttpStatusCode.OK);
        await Call(client, "POST consent", target, consentId).ShouldBe(HttpStatusCode.Created);
        await Call(client, "POST consent withdrawal", target, consentId).ShouldBe(HttpStatusCode.OK);
        Assert.Empty(await app.AccessLogForAsync(target.Id, AccessAction.Denied));
    }

    private async Task<HttpResponseMessage> Call(HttpClient client, string endpoint, CreatedParticipant target, Guid consentId) => endpoint switch
    {
        "GET participant" => await client.GetAsync($"/api/v1/participants/{target.Id}"),
        "PUT participant" => await client.PutAsJsonAsync($"/api/v1/participants/{target.Id}",
            AppFactory.ParticipantBody(target.Number, "Inkräktare", target.LastName)),
        "GET consents" => await client.GetAsync($"/api/v1/participants/{target.Id}/consents"),
        "POST consent" => await client.PostAsJsonAsync($"/api/v1/participants/{target.Id}/consents",
            await app.ConsentBodyAsync(["Arbetsförmedlingen Nordöstra Stockholm"], "identity")),
        "POST consent withdrawal" => await client.PostAsync($"/api/v1/consents/{consentId}/withdrawal", null),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, null),
    };

    // The answer for a record that does not exist at all: a refusal must not be told apart from it.
    private async Task<string?> NotFoundBodyForUnknownId(HttpClient client, string endpoint)
    {
        var nobody = new CreatedParticipant(Guid.NewGuid(), TestPeople.NextPersonnummer(), "Ingen", "Alls");
        var problem = await Call(client, endpoint, nobody, Guid.NewGuid()).ProblemAsync(HttpStatusCode.NotFound);
        return (string?)problem["detail"];
    }
}
