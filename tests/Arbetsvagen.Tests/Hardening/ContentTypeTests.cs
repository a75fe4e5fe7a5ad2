using System.Net;
using System.Text;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;

namespace Arbetsvagen.Tests.Hardening;

/// <summary>
/// A body the API cannot read because of its content type answers 415 ProblemDetails in Swedish: with a valid token,
/// and on the token endpoint (which has none yet) without one; elsewhere a caller without a token still gets 401 first.
/// </summary>
public sealed class ContentTypeTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    public async Task A_body_of_the_wrong_content_type_is_415_in_swedish(string contentType)
    {
        var client = await app.ClientFor("soc.taby");
        var body = new StringContent("""{"firstName":"Testa"}""", Encoding.UTF8, contentType);

        var problem = await client.PostAsync("/api/v1/participants", body).ProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("Fel innehållstyp", (string?)problem["title"]);
        Assert.Contains("application/json", (string?)problem["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_without_a_content_type_is_415_too()
    {
        var client = await app.ClientFor("soc.taby");
        var body = new ByteArrayContent("""{"firstName":"Testa"}"""u8.ToArray());

        var problem = await client.PostAsync("/api/v1/participants", body).ProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("Fel innehållstyp", (string?)problem["title"]);
    }

    [Fact]
    public async Task The_token_endpoint_answers_415_without_a_token_and_other_addresses_ask_for_the_token_first()
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "soc.taby", ["password"] = AppFactory.DemoPassword });

        var problem = await app.Anonymous().PostAsync("/api/v1/auth/token", form).ProblemAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Equal("Fel innehållstyp", (string?)problem["title"]);
        // Where every endpoint needs a token, the token is checked first, whatever the body.
        await app.Anonymous().PostAsync("/api/v1/participants", new StringContent("x", Encoding.UTF8, "text/plain"))
            .ProblemAsync(HttpStatusCode.Unauthorized);
    }
}
