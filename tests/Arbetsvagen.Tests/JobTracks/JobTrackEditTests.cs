using System.Net;
using System.Net.Http.Json;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;
using static Arbetsvagen.Tests.JobTracks.JobTrackData;

namespace Arbetsvagen.Tests.JobTracks;

/// <summary>Editing a track's basic fields after creation: the page and PUT /api/v1/job-tracks/{id} run one use case.</summary>
public sealed class JobTrackEditTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_owner_edits_the_basic_fields_through_the_api_with_the_create_checks_and_the_change_is_logged()
    {
        var owner = await app.ClientFor("jobb.taby");
        var body = await BusDriversAsync(app, Today.AddDays(30));
        var created = await owner.PostAsJsonAsync("/api/v1/job-tracks", body).JsonAsync(HttpStatusCode.Created);
        var id = created.Id();
        var employer = await EmployerAsync(app, "Keolis " + TestPeople.UniqueLastName("x"));

        body["title"] = "Bussförare Keolis";
        body["places"] = 12;
        body["employerIds"] = new System.Text.Json.Nodes.JsonArray(employer.ToString());
        body["basedOnVersion"] = (int)created["version"]!;
        var edited = await owner.PutAsJsonAsync($"/api/v1/job-tracks/{id}", body).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Bussförare Keolis", (string?)edited["title"]);
        Assert.Equal(12, (int?)edited["places"]);
        Assert.Equal([employer], edited["employerIds"]!.AsArray().Select(e => (Guid)e!).ToArray());
        Assert.Equal((int)created["version"]! + 1, (int)edited["version"]!);
        Assert.Equal("idea", (string?)edited["stage"]);
        var logged = await app.AccessLogAsync(a => a.EntityId == id.ToString() && a.Action == AccessAction.Update);
        Assert.Contains("namn, platser, arbetsgivare", Assert.Single(logged).Purpose, StringComparison.Ordinal);

        // The same checks as creating, field by field, and nothing saved.
        body["places"] = "många";
        body["occupation"] = "Rymdpilot";
        body["trainingStartsOn"] = "1/4";
        body["basedOnVersion"] = (int)edited["version"]!;
        var wrong = await owner.PutAsJsonAsync($"/api/v1/job-tracks/{id}", body).ProblemAsync(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "places", "occupation", "trainingStartsOn" })
        {
            Assert.NotEmpty(wrong.FieldErrors(field));
        }

        // From an old version: refused.
        body["places"] = 8;
        body["occupation"] = BusDriver;
        body["trainingStartsOn"] = Day(Today.AddDays(30));
        body["basedOnVersion"] = (int)created["version"]!;
        var stale = await owner.PutAsJsonAsync($"/api/v1/job-tracks/{id}", body).ProblemAsync(HttpStatusCode.Conflict);
        Assert.StartsWith("Jobbspåret ändrades av någon annan", (string?)stale["detail"], StringComparison.Ordinal);
        var read = await owner.GetAsync($"/api/v1/job-tracks/{id}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(12, (int?)read["places"]);

        // Another unit of the collaboration and the analyst may read but not change it; a coordinator may.
        body.Remove("basedOnVersion");
        foreach (var reader in new[] { "jobb.vaxholm", "analytiker" })
        {
            await (await app.ClientFor(reader)).PutAsJsonAsync($"/api/v1/job-tracks/{id}", body).ShouldBe(HttpStatusCode.Forbidden);
        }

        var coordinated = await (await app.ClientFor("samordnare.nordost")).PutAsJsonAsync($"/api/v1/job-tracks/{id}", body).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(8, (int?)coordinated["places"]);

        // A closed track keeps its fields.
        await Stage(owner, id, "cancelled").ShouldBe(HttpStatusCode.OK);
        var closed = await owner.PutAsJsonAsync($"/api/v1/job-tracks/{id}", body).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains("grunduppgifterna", (string?)closed["detail"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_edit_page_shows_the_track_names_a_bad_field_and_saves_a_good_change()
    {
        var owner = await app.ClientFor("jobb.taby");
        var id = (await owner.PostAsJsonAsync("/api/v1/job-tracks", await BusDriversAsync(app, Today.AddDays(30))).JsonAsync(HttpStatusCode.Created)).Id();
        var page = await PageSession.SignInAsync(app, "jobb.taby");
        var details = await page.GetAsync($"/JobTracks/Details/{id}");
        Assert.Contains(details.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/JobTracks/Edit/{id}");
        var form = await page.GetAsync($"/JobTracks/Edit/{id}");
        Assert.Equal("Ändra jobbspår", form.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Bussförare", form.GetElementById("Form_Occupation")!.GetAttribute("value"));
        Assert.Equal("10", form.GetElementById("Form_Places")!.GetAttribute("value"));

        var fields = form.QuerySelectorAll("form[method=post] input, form[method=post] select, form[method=post] textarea")
            .Where(e => e.GetAttribute("name") is { } n && n != "__RequestVerificationToken" && (e.GetAttribute("type") != "checkbox" || e.HasAttribute("checked")))
            .ToDictionary(e => e.GetAttribute("name")!, e => e.LocalName switch
            {
                "select" => e.QuerySelector("option[selected]")?.GetAttribute("value") ?? "",
                "textarea" => e.TextContent,
                _ => e.GetAttribute("value") ?? "",
            });
        fields["Form.Places"] = "tolv";
        var refused = await PageSession.ParseAsync(await page.PostAsync(form, $"/JobTracks/Edit/{id}", new(fields)), HttpStatusCode.OK);
        Assert.NotNull(PageSession.MessageAt(refused, "Form_Places"));

        fields["Form.Places"] = "12";
        fields["Form.Title"] = "Bussförare med nytt namn";
        await page.PostAsync(form, $"/JobTracks/Edit/{id}", new(fields)).ShouldBe(HttpStatusCode.Redirect);
        var read = await owner.GetAsync($"/api/v1/job-tracks/{id}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(("Bussförare med nytt namn", 12), ((string)read["title"]!, (int)read["places"]!));

        // Another unit of the collaboration is refused the page; outside the collaboration it does not exist.
        var refusedPage = await (await PageSession.SignInAsync(app, "jobb.vaxholm")).Client.GetAsync($"/JobTracks/Edit/{id}").ShouldBe(HttpStatusCode.Redirect);
        Assert.Contains("/Account/AccessDenied", refusedPage.Headers.Location!.OriginalString, StringComparison.Ordinal);
        await (await PageSession.SignInAsync(app, await OutsiderAsync(app))).GetAsync($"/JobTracks/Edit/{id}", HttpStatusCode.NotFound);
    }
}
