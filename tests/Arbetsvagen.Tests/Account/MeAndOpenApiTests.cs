using System.Net;
using System.Text.Json.Nodes;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;

namespace Arbetsvagen.Tests.Account;

/// <summary>GET /me, and the OpenAPI document stating summary and responses of the sign-in, me, work list, notification, log and user endpoints.</summary>
public sealed class MeAndOpenApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Me_answers_the_signed_in_user_with_organisation_and_boundary()
    {
        var me = await (await app.ClientFor("jobb.taby")).GetAsync("/api/v1/me").JsonAsync(HttpStatusCode.OK);

        Assert.Equal("jobb.taby", (string?)me["userName"]);
        Assert.Equal("Täby kommun – Jobbcentrum", (string?)me["organisationName"]);
        Assert.NotEqual(Guid.Empty, Guid.Parse((string)me["secrecyBoundaryId"]!));
        Assert.Equal(["Arbetsmarknadskonsulent"], me["roles"]!.AsArray().Select(r => (string?)r));
    }

    [Theory]
    [InlineData("post", "/api/v1/auth/token", "200 401")]
    [InlineData("get", "/api/v1/me", "200 404")]
    [InlineData("get", "/api/v1/work-list", "200 403")]
    [InlineData("get", "/api/v1/notifications", "200")]
    [InlineData("post", "/api/v1/notifications/{id}/read", "200 404")]
    [InlineData("get", "/api/v1/access-log", "200 400")]
    [InlineData("get", "/api/v1/access-log/export", "200 400")]
    [InlineData("get", "/api/v1/access-log/verification", "200")]
    [InlineData("get", "/api/v1/users", "200")]
    [InlineData("post", "/api/v1/users", "201 400")]
    [InlineData("post", "/api/v1/users/{id}/disabling", "204 404 409")]
    [InlineData("post", "/api/v1/users/{id}/enabling", "204 404 409")]
    public async Task The_openapi_document_states_the_summary_and_each_response(string method, string path, string statuses)
    {
        var document = await app.Anonymous().GetAsync("/openapi/v1.json").JsonAsync(HttpStatusCode.OK);
        var paths = document["paths"]!.AsObject();
        var operation = paths.Single(p => p.Key.TrimEnd('/') == path).Value![method]!.AsObject();

        Assert.False(string.IsNullOrWhiteSpace((string?)operation["summary"]), $"{method} {path} has no summary.");
        var responses = operation["responses"]!.AsObject();
        foreach (var status in statuses.Split(' '))
        {
            Assert.True(responses.ContainsKey(status), $"{method} {path} does not state {status}: {string.Join(", ", responses.Select(r => r.Key))}.");
            if (status is not "204")
            {
                Assert.True(responses[status]!["content"] is JsonObject { Count: > 0 }, $"{method} {path} {status} has no body schema.");
            }
        }
    }
}
