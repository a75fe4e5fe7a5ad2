using System.Net;
using System.Net.Http.Json;
using System.Text;
using Xunit;

namespace Arbetsvagen.Tests.Infrastructure;

/// <summary>Health checks, the OpenAPI document and the shape of error answers.</summary>
public sealed class HostingTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_200_without_login(string path)
    {
        await app.Anonymous().GetAsync(path).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task OpenApi_document_is_served_and_lists_the_api()
    {
        var document = await app.Anonymous().GetAsync("/openapi/v1.json").JsonAsync(HttpStatusCode.OK);

        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Contains("/api/v1/participants", paths);
        Assert.Contains("/api/v1/participants/{id}", paths);
        Assert.Contains("/api/v1/participants/{id}/consents", paths);
        Assert.Contains("/api/v1/consents/{id}/withdrawal", paths);
        Assert.Contains("/api/v1/auth/token", paths);
        Assert.Contains("/api/v1/access-log", paths);
    }

    [Fact]
    public async Task Errors_are_problem_details()
    {
        var client = await app.ClientFor("soc.taby");
        var participant = await app.CreateParticipantAsync("soc.taby");

        await client.GetAsync($"/api/v1/participants/{Guid.NewGuid()}").ProblemAsync(HttpStatusCode.NotFound);
        await client.GetAsync("/api/v1/participants?page=0").ProblemAsync(HttpStatusCode.BadRequest);
        await client.PostAsJsonAsync("/api/v1/participants", AppFactory.ParticipantBody(participant.Number, "A", "B")).ProblemAsync(HttpStatusCode.Conflict);
        await client.DeleteAsync($"/api/v1/participants/{participant.Id}").ProblemAsync(HttpStatusCode.MethodNotAllowed);
        await (await app.ClientFor("analytiker")).PostAsJsonAsync("/api/v1/participants", AppFactory.ParticipantBody(participant.Number, "A", "B"))
            .ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Malformed_json_is_400_problem_details()
    {
        var client = await app.ClientFor("soc.taby");
        using var content = new StringContent("{\"firstName\": \"Anna\", ", Encoding.UTF8, "application/json");

        var problem = await client.PostAsync("/api/v1/participants", content).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.False(string.IsNullOrWhiteSpace((string?)problem["title"]));
    }

    [Fact]
    public async Task Json_value_of_the_wrong_type_is_400_naming_the_field()
    {
        var client = await app.ClientFor("soc.taby");
        using var content = new StringContent("{\"firstName\": \"Anna\", \"interpreterNeeded\": \"kanske\"}", Encoding.UTF8, "application/json");

        var problem = await client.PostAsync("/api/v1/participants", content).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors("interpreterNeeded"));
    }
}
