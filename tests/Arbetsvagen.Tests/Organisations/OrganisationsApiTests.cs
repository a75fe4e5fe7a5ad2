using System.Net;
using System.Net.Http.Json;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;

namespace Arbetsvagen.Tests.Organisations;

public sealed class OrganisationsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Organisations_list_ids_names_kinds_and_municipality_codes()
    {
        var organisations = await (await app.ClientFor("soc.taby")).GetAsync("/api/v1/organisations").JsonArrayAsync(HttpStatusCode.OK);

        var taby = Assert.Single(organisations, o => (string?)o!["name"] == "Täby kommun")!;
        Assert.Equal("municipality", (string?)taby["kind"]);
        Assert.Equal("0160", (string?)taby["municipalityCode"]);
        var af = Assert.Single(organisations, o => (string?)o!["name"] == "Arbetsförmedlingen Nordöstra Stockholm")!;
        Assert.Equal("employmentService", (string?)af["kind"]);
        Assert.NotEqual(Guid.Empty, af.Id());
        var socialServices = Assert.Single(organisations, o => (string?)o!["name"] == "Täby kommun – Socialtjänsten, försörjningsstöd")!;
        Assert.Equal("municipalityUnit", (string?)socialServices["kind"]);
        Assert.Equal(taby.Id(), Guid.Parse((string)socialServices["parentId"]!));
        Assert.Equal(socialServices.Id(), Guid.Parse((string)socialServices["secrecyBoundaryId"]!));
    }

    [Fact]
    public async Task Administrator_registers_a_municipality_and_its_units()
    {
        var admin = await app.ClientFor("admin.taby");

        var municipality = await admin.PostAsJsonAsync("/api/v1/organisations", new { name = "Sigtuna kommun (test)", kind = "municipality", municipalityCode = "0191" })
            .JsonAsync(HttpStatusCode.Created);
        var ownBoundary = await admin.PostAsJsonAsync("/api/v1/organisations", new { name = "Sigtuna – Socialtjänsten", parentId = municipality.Id(), function = "socialServices" })
            .JsonAsync(HttpStatusCode.Created);
        var shared = await admin.PostAsJsonAsync("/api/v1/organisations",
            new { name = "Sigtuna – Vuxenutbildning", parentId = municipality.Id(), function = "adultEducation", ownSecrecyBoundary = false })
            .JsonAsync(HttpStatusCode.Created);

        Assert.Equal("0191", (string?)ownBoundary["municipalityCode"]);
        Assert.Equal(ownBoundary.Id(), Guid.Parse((string)ownBoundary["secrecyBoundaryId"]!));
        Assert.Equal(municipality.Id(), Guid.Parse((string)shared["secrecyBoundaryId"]!));
    }

    [Theory]
    [InlineData("{\"name\":\"X kommun\",\"kind\":\"municipality\",\"municipalityCode\":\"9999\"}", "municipalityCode")]
    [InlineData("{\"name\":\"X kommun\",\"kind\":\"municipality\"}", "municipalityCode")]
    [InlineData("{\"name\":\"X\",\"kind\":\"spaceAgency\"}", "kind")]
    [InlineData("{\"name\":\"\",\"kind\":\"other\"}", "name")]
    [InlineData("{\"name\":\"X\",\"parentId\":\"00000000-0000-0000-0000-000000000001\",\"function\":\"jobCentre\"}", "parentId")]
    public async Task Invalid_organisation_is_400_naming_the_field(string json, string field)
    {
        var admin = await app.ClientFor("admin.taby");
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        var problem = await admin.PostAsync("/api/v1/organisations", content).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.NotEmpty(problem.FieldErrors(field));
    }

    [Fact]
    public async Task Messages_name_kinds_and_functions_by_their_swedish_labels()
    {
        var admin = await app.ClientFor("admin.taby");
        var taby = await app.OrganisationId("Täby kommun");

        var kind = await admin.PostAsJsonAsync("/api/v1/organisations", new { name = "X", kind = "spaceAgency" }).ProblemAsync(HttpStatusCode.BadRequest);
        var function = await admin.PostAsJsonAsync("/api/v1/organisations", new { name = "X", parentId = taby, function = "lighthouse" })
            .ProblemAsync(HttpStatusCode.BadRequest);

        var kindMessage = Assert.Single(kind.FieldErrors("kind"));
        Assert.Contains("Arbetsförmedlingen", kindMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("Kommunal enhet", kindMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("employmentService", kindMessage, StringComparison.Ordinal);
        var functionMessage = Assert.Single(function.FieldErrors("function"));
        Assert.Contains("Jobbcentrum", functionMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("jobCentre", functionMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_register_page_shows_a_refused_organisation_at_its_fields()
    {
        var admin = await PageSession.SignInAsync(app, "admin.taby");

        var answer = await admin.PostAsync("/Organisations", "/Organisations", new() { ["Input.Name"] = new string('n', 201), ["Input.Kind"] = "" })
            .ShouldBe(HttpStatusCode.OK);
        var page = await PageSession.DocumentAsync(answer);

        Assert.Equal("Namnet är för långt: högst 200 tecken, nu 201.", page.QuerySelector("#Input_Name-error")?.TextContent);
        Assert.StartsWith("Ange organisationstyp.", page.QuerySelector("#Input_Kind-error")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_openapi_document_states_a_summary_and_the_answers_of_both_organisation_operations()
    {
        var document = await app.Anonymous().GetAsync("/openapi/v1.json").JsonAsync(HttpStatusCode.OK);
        var path = document["paths"]!["/api/v1/organisations"]!;

        Assert.False(string.IsNullOrWhiteSpace((string?)path["get"]!["summary"]));
        Assert.False(string.IsNullOrWhiteSpace((string?)path["post"]!["summary"]));
        Assert.NotNull(path["get"]!["responses"]!["200"]!["content"]?["application/json"]);
        var created = path["post"]!["responses"]!.AsObject();
        Assert.All(new[] { "201", "400", "403" }, status => Assert.True(created.ContainsKey(status), $"POST organisations lacks {status}"));
    }

    [Fact]
    public async Task Only_an_administrator_registers_organisations()
    {
        await (await app.ClientFor("samordnare.nordost")).PostAsJsonAsync("/api/v1/organisations", new { name = "Ny", kind = "other" })
            .ShouldBe(HttpStatusCode.Forbidden);
    }
}
