using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Arbetsvagen.Core.Consents;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Tests.Consents;

public sealed class ConsentsApiTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Af = "Arbetsförmedlingen Nordöstra Stockholm";

    [Fact]
    public async Task Consent_opens_the_record_to_the_named_recipient_and_withdrawal_closes_it_at_once()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var owner = await app.ClientFor("soc.taby");
        var af = await app.ClientFor("af.nordost");
        await af.GetAsync($"/api/v1/participants/{participant.Id}").ProblemAsync(HttpStatusCode.NotFound);

        var afId = await OrganisationFromApi(Af);
        var body = await app.ConsentBodyAsync([Af], "identity", "background");
        var consent = await owner.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/consents", body).ShouldBe(HttpStatusCode.Created);
        var consentId = (await consent.JsonAsync()).Id();
        Assert.Equal($"/api/v1/consents/{consentId}", consent.Headers.Location?.OriginalString);

        var shared = await af.GetAsync($"/api/v1/participants/{participant.Id}").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(participant.LastName, (string?)shared["lastName"]);
        Assert.True((bool)shared["sharedByConsent"]!);
        var read = Assert.Single(await app.AccessLogForAsync(participant.Id, AccessAction.Read, "af.nordost"));
        Assert.Contains(consentId.ToString(), read.Purpose, StringComparison.Ordinal);
        Assert.Equal(afId, read.OrganisationId);

        var withdrawn = await owner.PostAsync($"/api/v1/consents/{consentId}/withdrawal", null).JsonAsync(HttpStatusCode.OK);
        Assert.False((bool)withdrawn["active"]!);
        Assert.NotNull((string?)withdrawn["withdrawnAt"]);

        await af.GetAsync($"/api/v1/participants/{participant.Id}").ProblemAsync(HttpStatusCode.NotFound);
        // Refused before the consent and again after the withdrawal: one denied entry each.
        Assert.Equal(2, (await app.AccessLogForAsync(participant.Id, AccessAction.Denied, "af.nordost")).Count);
    }

    [Fact]
    public async Task Consent_shows_up_in_search_for_the_recipient_only_while_active()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var af = await app.ClientFor("af.nordost");
        var search = $"/api/v1/participants?search={participant.LastName}";
        Assert.Empty((await af.GetAsync(search).JsonAsync(HttpStatusCode.OK))["items"]!.AsArray());

        var consentId = await app.GiveConsentAsync(participant.Id, [Af], ["identity"]);
        var found = Assert.Single((await af.GetAsync(search).JsonAsync(HttpStatusCode.OK))["items"]!.AsArray());
        Assert.Equal(participant.Id, found.Id());
        Assert.True((bool)found!["sharedByConsent"]!);

        await (await app.ClientFor("soc.taby")).PostAsync($"/api/v1/consents/{consentId}/withdrawal", null).ShouldBe(HttpStatusCode.OK);
        Assert.Empty((await af.GetAsync(search).JsonAsync(HttpStatusCode.OK))["items"]!.AsArray());
    }

    [Fact]
    public async Task Consent_to_another_organisation_does_not_open_the_record_to_a_third()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        await app.GiveConsentAsync(participant.Id, [Af], ["identity", "background", "health"]);

        await (await app.ClientFor("syv.kcno")).GetAsync($"/api/v1/participants/{participant.Id}").ProblemAsync(HttpStatusCode.NotFound);
        await (await app.ClientFor("jobb.taby")).GetAsync($"/api/v1/participants/{participant.Id}").ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Background_fields_are_left_out_when_the_consent_covers_identity_only()
    {
        var participant = await app.CreateParticipantAsync("soc.taby", p => p["educationLevel"] = "upperSecondary");
        await app.GiveConsentAsync(participant.Id, [Af], ["identity"]);

        var body = await (await app.ClientFor("af.nordost")).GetAsync($"/api/v1/participants/{participant.Id}").JsonAsync(HttpStatusCode.OK);

        Assert.Equal(["identity"], body["visibleCategories"]!.AsArray().Select(c => (string?)c));
        Assert.False(body.ContainsKey("educationLevel"));
        Assert.False(body.ContainsKey("afStatus"));
    }

    [Fact]
    public async Task Withdrawing_twice_is_409()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var consentId = await app.GiveConsentAsync(participant.Id, [Af], ["identity"]);
        var owner = await app.ClientFor("soc.taby");

        await owner.PostAsync($"/api/v1/consents/{consentId}/withdrawal", null).ShouldBe(HttpStatusCode.OK);
        await owner.PostAsync($"/api/v1/consents/{consentId}/withdrawal", null).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("PATCH")]
    [InlineData("DELETE")]
    public async Task A_given_consent_cannot_be_changed_or_deleted(string method)
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var consentId = await app.GiveConsentAsync(participant.Id, [Af], ["identity"]);
        var owner = await app.ClientFor("soc.taby");
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/v1/consents/{consentId}")
        {
            Content = JsonContent.Create(new { categories = new[] { "identity", "health" } }),
        };

        var refused = await owner.SendAsync(request).ProblemAsync(HttpStatusCode.MethodNotAllowed);
        Assert.Contains($"/api/v1/consents/{consentId}/withdrawal", (string?)refused["detail"], StringComparison.Ordinal);

        var consents = await owner.GetAsync($"/api/v1/participants/{participant.Id}/consents").ShouldBe(HttpStatusCode.OK);
        var stored = Assert.Single(await consents.JsonArrayAsync());
        Assert.Equal(["identity"], stored!["categories"]!.AsArray().Select(c => (string?)c));
        Assert.True((bool)stored["active"]!);
    }

    [Fact]
    public async Task Consent_without_recipients_is_400_under_recipientOrganisationIds()
    {
        var problem = await PostConsent(body => body["recipientOrganisationIds"] = new JsonArray());
        Assert.NotEmpty(problem.FieldErrors("recipientOrganisationIds"));
    }

    [Fact]
    public async Task Consent_naming_an_unknown_organisation_is_400_under_recipientOrganisationIds()
    {
        var problem = await PostConsent(body => body["recipientOrganisationIds"] = new JsonArray(Guid.NewGuid().ToString()));
        Assert.NotEmpty(problem.FieldErrors("recipientOrganisationIds"));
    }

    [Fact]
    public async Task Consent_valid_until_a_past_day_is_400_under_validUntil()
    {
        var yesterday = Arbetsvagen.Infrastructure.SwedishTime.Today(DateTime.UtcNow).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var problem = await PostConsent(body => body["validUntil"] = yesterday);
        Assert.NotEmpty(problem.FieldErrors("validUntil"));
    }

    [Fact]
    public async Task Consent_with_an_unknown_category_is_400_under_categories()
    {
        var problem = await PostConsent(body => body["categories"] = new JsonArray("identity", "shoeSize"));
        Assert.NotEmpty(problem.FieldErrors("categories"));
    }

    [Fact]
    public async Task Consent_without_purpose_or_form_is_400_naming_both()
    {
        var problem = await PostConsent(body => { body.Remove("purpose"); body["form"] = "telepathic"; });
        Assert.NotEmpty(problem.FieldErrors("purpose"));
        Assert.NotEmpty(problem.FieldErrors("form"));
    }

    [Fact]
    public async Task Consent_naming_the_own_secrecy_boundary_is_400()
    {
        // The case holder's own unit needs no consent to see its own case.
        var problem = await PostConsent(_ => { }, recipient: "Täby kommun – Socialtjänsten, försörjningsstöd");
        Assert.NotEmpty(problem.FieldErrors("recipientOrganisationIds"));
    }

    [Fact]
    public async Task Consent_given_in_the_future_or_valid_beyond_three_years_is_400()
    {
        var today = Arbetsvagen.Infrastructure.SwedishTime.Today(DateTime.UtcNow);
        var future = await PostConsent(body => body["givenAt"] = today.AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.NotEmpty(future.FieldErrors("givenAt"));

        var tooLong = await PostConsent(body => body["validUntil"] = today.AddYears(3).AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Assert.NotEmpty(tooLong.FieldErrors("validUntil"));
    }

    [Fact]
    public async Task Expired_consent_opens_nothing()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var owner = await app.OrganisationId("Täby kommun – Socialtjänsten, försörjningsstöd");
        var af = await app.OrganisationId(Af);
        await app.WithDbAsync(async db =>
        {
            var now = DateTime.UtcNow;
            var author = await db.Users.Where(u => u.UserName == "soc.taby").Select(u => u.Id).SingleAsync();
            db.Consents.Add(Consent.Give(participant.Id, owner, [af], DataCategories.Identity | DataCategories.Background, "Gammalt samtycke (test).",
                now.AddMonths(-7), ConsentForm.Written, author, DateOnly.FromDateTime(now).AddDays(-1), now.AddMonths(-7)));
            return await db.SaveChangesAsync();
        });

        await (await app.ClientFor("af.nordost")).GetAsync($"/api/v1/participants/{participant.Id}").ProblemAsync(HttpStatusCode.NotFound);

        var listed = Assert.Single(await (await app.ClientFor("soc.taby")).GetAsync($"/api/v1/participants/{participant.Id}/consents").JsonArrayAsync(HttpStatusCode.OK));
        Assert.False((bool)listed!["active"]!);
    }

    [Fact]
    public async Task Recipient_cannot_record_a_consent()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        await app.GiveConsentAsync(participant.Id, [Af], ["identity"]);
        var af = await app.ClientFor("af.nordost");

        await af.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/consents", await app.ConsentBodyAsync(["Kunskapscentrum Nordost"], "identity"))
            .ProblemAsync(HttpStatusCode.Forbidden);

        Assert.Single(await app.AccessLogForAsync(participant.Id, AccessAction.Denied, "af.nordost"));
        var consents = await (await app.ClientFor("soc.taby")).GetAsync($"/api/v1/participants/{participant.Id}/consents").JsonArrayAsync(HttpStatusCode.OK);
        Assert.Single(consents);
    }

    [Fact]
    public async Task Recipient_cannot_withdraw_a_consent()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var consentId = await app.GiveConsentAsync(participant.Id, [Af], ["identity"]);
        var af = await app.ClientFor("af.nordost");

        await af.PostAsync($"/api/v1/consents/{consentId}/withdrawal", null).ProblemAsync(HttpStatusCode.NotFound);

        await af.GetAsync($"/api/v1/participants/{participant.Id}").ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Recipient_lists_only_the_consents_that_name_it_and_the_owner_lists_all()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var toAf = await app.GiveConsentAsync(participant.Id, [Af], ["identity"]);
        var toKcno = await app.GiveConsentAsync(participant.Id, ["Kunskapscentrum Nordost"], ["identity"]);

        var asAf = await (await app.ClientFor("af.nordost")).GetAsync($"/api/v1/participants/{participant.Id}/consents").ShouldBe(HttpStatusCode.OK);
        var asOwner = await (await app.ClientFor("soc.taby")).GetAsync($"/api/v1/participants/{participant.Id}/consents").ShouldBe(HttpStatusCode.OK);

        Assert.Equal([toAf], (await asAf.JsonArrayAsync()).Select(c => c.Id()));
        Assert.Equal(new[] { toAf, toKcno }.Order(), (await asOwner.JsonArrayAsync()).Select(c => c.Id()).Order());
        var listing = Assert.Single(await app.AccessLogForAsync(participant.Id, AccessAction.Read, "af.nordost"));
        Assert.Equal("Consent", listing.EntityType);
        Assert.Equal(toAf.ToString(), listing.ResultIds);
    }

    [Fact]
    public async Task Consent_is_stored_as_given()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var owner = await app.ClientFor("soc.taby");
        var body = await app.ConsentBodyAsync([Af, "Kunskapscentrum Nordost"], "background", "attendance");
        body["form"] = "oral";

        var created = await owner.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/consents", body).JsonAsync(HttpStatusCode.Created);

        Assert.Equal(participant.Id, Guid.Parse((string)created["participantId"]!));
        Assert.Equal("oral", (string?)created["form"]);
        Assert.Equal((string?)body["validUntil"], (string?)created["validUntil"]);
        // Identity is always shared: without it the recipient could not tell whom the data is about.
        Assert.Equal(new[] { "identity", "background", "attendance" }.Order(), created["categories"]!.AsArray().Select(c => (string)c!).Order());
        Assert.Equal(new[] { await app.OrganisationId(Af), await app.OrganisationId("Kunskapscentrum Nordost") }.Order(),
            created["recipientOrganisationIds"]!.AsArray().Select(r => Guid.Parse((string)r!)).Order());
        Assert.True((bool)created["active"]!);
        Assert.Single(await app.AccessLogAsync(a => a.Action == AccessAction.Create && a.EntityType == "Consent" && a.EntityId == created.Id().ToString()));
    }

    [Fact]
    public async Task The_openapi_document_states_a_summary_for_every_consent_operation_and_405_with_the_id_for_the_refused_methods()
    {
        var document = await app.Anonymous().GetAsync("/openapi/v1.json").JsonAsync(HttpStatusCode.OK);
        var paths = document["paths"]!.AsObject();
        var operations = paths.Where(p => p.Key.Contains("consents", StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject().Where(o => o.Key != "parameters").Select(o => (Path: p.Key, Method: o.Key, Operation: o.Value!))).ToList();
        Assert.Equal(9, operations.Count);
        Assert.All(operations, o => Assert.False(string.IsNullOrWhiteSpace((string?)o.Operation["summary"]), $"{o.Method} {o.Path} has no summary"));

        foreach (var (path, method, operation) in operations.Where(o => o.Method is "put" or "patch" or "delete"))
        {
            var responses = operation["responses"]!.AsObject();
            Assert.False(responses.ContainsKey("200"), $"{method} {path} claims 200");
            Assert.NotNull(responses["405"]!["content"]?["application/problem+json"]);
            var parameters = (operation["parameters"] ?? paths[path]!["parameters"])!.AsArray();
            Assert.Contains(parameters, p => (string?)p!["name"] == "id" && (string?)p["in"] == "path");
        }

        var give = paths["/api/v1/participants/{id}/consents"]!["post"]!["responses"]!.AsObject();
        Assert.All(new[] { "201", "400", "403", "404", "409" }, status => Assert.True(give.ContainsKey(status), $"POST consents lacks {status}"));
    }

    private async Task<JsonObject> PostConsent(Action<JsonObject> spoil, string recipient = Af)
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var body = await app.ConsentBodyAsync([recipient], "identity");
        spoil(body);
        var owner = await app.ClientFor("soc.taby");
        return await owner.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/consents", body).ProblemAsync(HttpStatusCode.BadRequest);
    }

    private async Task<Guid> OrganisationFromApi(string name)
    {
        var list = await (await app.ClientFor("soc.taby")).GetAsync("/api/v1/organisations").ShouldBe(HttpStatusCode.OK);
        var organisation = (await list.JsonArrayAsync()).Single(o => (string?)o!["name"] == name);
        Assert.Equal("employmentService", (string?)organisation!["kind"]);
        return organisation.Id();
    }
}
