using System.Net;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;

namespace Arbetsvagen.Tests.Api;

/// <summary>
/// An API address that matches no route (an id that is not a GUID, a mistyped path) answers like an unknown id:
/// 404 with a valid token, 401 without one; a method a path does not have answers 405. Always ProblemDetails.
/// </summary>
public sealed class UnmatchedRouteTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("/api/v1/participants/999999999")]
    [InlineData("/api/v1/participants/999999999/consents")]
    [InlineData("/api/v1/cases/inte-ett-id")]
    [InlineData("/api/v1/referrals/42")]
    [InlineData("/api/v1/participants/00000000-0000-0000-0000-000000000000/action-plan/revisions/ett")]
    [InlineData("/api/v1/finns-inte")]
    public async Task An_address_no_route_matches_is_404_with_a_valid_token_and_401_without(string path)
    {
        var client = await app.ClientFor("soc.taby");

        var problem = await client.GetAsync(path).ProblemAsync(HttpStatusCode.NotFound);
        var unknownId = await client.GetAsync($"/api/v1/participants/{Guid.NewGuid()}").ProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal((string?)unknownId["detail"], (string?)problem["detail"]);
        var anonymous = await app.Anonymous().GetAsync(path).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("Inloggning krävs", (string?)anonymous["title"]);
    }

    [Fact]
    public async Task A_method_the_path_does_not_have_is_405_for_a_signed_in_caller()
    {
        var client = await app.ClientFor("soc.taby");

        var problem = await client.PatchAsync("/api/v1/participants", null).ProblemAsync(HttpStatusCode.MethodNotAllowed);

        Assert.Equal("Metoden stöds inte", (string?)problem["title"]);
        await app.Anonymous().PatchAsync("/api/v1/participants", null).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_missing_or_forged_token_is_401_problem_details_in_swedish()
    {
        var forged = app.WithToken("inte-en-riktig-token");

        var problem = await forged.GetAsync("/api/v1/participants").ProblemAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("Inloggning krävs", (string?)problem["title"]);
        Assert.Contains("Bearer", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_still_answer_an_unknown_address_with_the_status_page()
    {
        var client = app.Anonymous();

        var response = await client.GetAsync("/Participants/Details/999999999");

        Assert.NotEqual("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
