using System.Net;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;

namespace Arbetsvagen.Tests.Requirements;

/// <summary>The searches a requirement profile's values come from: SSYK-4 groups and JobTech skills, by the start of a name.</summary>
public sealed class RequirementSearchTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Groups_and_skills_are_found_by_name_best_first_and_a_too_long_text_is_named()
    {
        var client = await app.ClientFor("jobb.taby");
        var groups = await client.GetAsync("/api/v1/occupation-groups?search=buss").JsonArrayAsync(HttpStatusCode.OK);
        Assert.Equal("8331", (string?)groups[0]!["id"]);
        Assert.Equal("Buss- och spårvagnsförare", (string?)groups[0]!["label"]);

        var skills = await client.GetAsync("/api/v1/skills?search=kylteknik").JsonArrayAsync(HttpStatusCode.OK);
        Assert.Equal("11L4_Q2Z_8tM", (string?)skills[0]!["id"]);
        Assert.InRange((await client.GetAsync("/api/v1/skills?search=svets").JsonArrayAsync(HttpStatusCode.OK)).Count, 2, 20);

        var problem = await client.GetAsync("/api/v1/skills?search=" + new string('x', 101)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Söktexten är för lång: högst 100 tecken, nu 101.", problem.FieldErrors("search").Single());
    }
}
