using System.Net;
using System.Net.Http.Json;
using Arbetsvagen.Tests.Infrastructure;
using Arbetsvagen.Tests.Participants;
using Xunit;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Tests.Mappings;

/// <summary>
/// The isolation matrix for mappings, joint positions and work-ability assessments: every endpoint, called by a
/// user outside the owner and the consented organisation, answers 404 and logs exactly one `denied` entry.
/// </summary>
public sealed class MappingIsolationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Receiver = "Norrtälje vuxenutbildning"; // none of the outsiders belongs to it

    public static readonly string[] Endpoints =
    [
        "GET mappings", "POST mapping", "GET mapping", "GET joint positions", "POST joint position", "GET assessments", "POST assessment",
    ];

    public static TheoryData<string, string> Matrix() => IsolationMatrix.Of(IsolationMatrixTests.Outsiders, Endpoints);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Outsiders_get_404_and_one_denied_entry(string user, string endpoint)
    {
        var owner = await app.ClientFor("soc.taby");
        var target = await app.CreateParticipantAsync("soc.taby");
        await app.GiveConsentAsync(target.Id, [Receiver], ["identity", "caseAndPlan", "health"]);
        var mappingId = (await owner.PostAsJsonAsync($"/api/v1/participants/{target.Id}/mappings", new { educationText = "Gymnasium" })
            .JsonAsync(HttpStatusCode.Created)).Id();
        var client = await app.ClientFor(user);

        await app.AssertRefusedAsync(Call(client, endpoint, target.Id, mappingId), target.Id, user);
    }

    private static async Task<HttpResponseMessage> Call(HttpClient client, string endpoint, Guid participant, Guid mappingId) => endpoint switch
    {
        "GET mappings" => await client.GetAsync($"/api/v1/participants/{participant}/mappings"),
        "POST mapping" => await client.PostAsJsonAsync($"/api/v1/participants/{participant}/mappings", new { educationText = "x" }),
        "GET mapping" => await client.GetAsync($"/api/v1/mappings/{mappingId}"),
        "GET joint positions" => await client.GetAsync($"/api/v1/participants/{participant}/joint-positions"),
        "POST joint position" => await client.PostAsJsonAsync($"/api/v1/participants/{participant}/joint-positions",
            new { direction = "studies", readiness = "green", motivation = "x", partyOrganisationIds = Array.Empty<Guid>() }),
        "GET assessments" => await client.GetAsync($"/api/v1/participants/{participant}/work-ability-assessments"),
        "POST assessment" => await client.PostAsJsonAsync($"/api/v1/participants/{participant}/work-ability-assessments",
            new { method = "selfAssessment", dimensions = new[] { "social" }, result = "x" }),
        _ => throw new ArgumentOutOfRangeException(nameof(endpoint), endpoint, null),
    };
}
