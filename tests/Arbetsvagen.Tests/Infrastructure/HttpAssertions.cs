using System.Net;
using System.Text.Json.Nodes;
using Xunit;

namespace Arbetsvagen.Tests.Infrastructure;

/// <summary>Status checks that show the response body when they fail, and JSON reading.</summary>
public static class HttpAssertions
{
    public static async Task<HttpResponseMessage> ShouldBe(this Task<HttpResponseMessage> response, HttpStatusCode expected) =>
        await (await response).ShouldBe(expected);

    public static async Task<HttpResponseMessage> ShouldBe(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync();
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery}: expected {(int)expected} {expected}, got {(int)response.StatusCode} {response.StatusCode}. Body: {body}");
        }

        return response;
    }

    public static async Task<JsonObject> JsonAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(body) as JsonObject ?? throw new Xunit.Sdk.XunitException($"Expected a JSON object, got: {body}");
    }

    public static async Task<JsonArray> JsonArrayAsync(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        return JsonNode.Parse(body) as JsonArray ?? throw new Xunit.Sdk.XunitException($"Expected a JSON array, got: {body}");
    }

    public static async Task<JsonObject> JsonAsync(this Task<HttpResponseMessage> response, HttpStatusCode expected) =>
        await (await response.ShouldBe(expected)).JsonAsync();

    public static async Task<JsonArray> JsonArrayAsync(this Task<HttpResponseMessage> response, HttpStatusCode expected) =>
        await (await response.ShouldBe(expected)).JsonArrayAsync();

    /// <summary>Asserts a ProblemDetails answer and returns it.</summary>
    public static async Task<JsonObject> ProblemAsync(this Task<HttpResponseMessage> response, HttpStatusCode expected)
    {
        var message = await response.ShouldBe(expected);
        Assert.Equal("application/problem+json", message.Content.Headers.ContentType?.MediaType);
        var problem = await message.JsonAsync();
        Assert.Equal((int)expected, (int?)problem["status"]);
        return problem;
    }

    /// <summary>The messages a validation problem gives for one field.</summary>
    public static string[] FieldErrors(this JsonObject problem, string field) =>
        problem["errors"]?[field]?.AsArray().Select(e => (string)e!).ToArray() ?? [];

    public static Guid Id(this JsonNode? node) => Guid.Parse((string)node!["id"]!);
}
