using System.Globalization;
using System.Net;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;

namespace Arbetsvagen.Tests.Consents;

/// <summary>Recording and withdrawing consents through the pages (the participant page and the consent form).</summary>
public sealed class ConsentPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Af = "Arbetsförmedlingen Nordöstra Stockholm";

    private static string Details(Guid participant) => $"/Participants/Details/{participant}";

    private static Task<HttpResponseMessage> Withdraw(PageSession session, Guid onPageOf, Guid consentId) =>
        session.PostAsync(Details(onPageOf), $"{Details(onPageOf)}?handler=Withdraw", new() { ["consentId"] = consentId.ToString() });

    private async Task<System.Text.Json.Nodes.JsonNode> StoredConsent(Guid participant, Guid consentId)
    {
        var consents = await (await app.ClientFor("soc.taby")).GetAsync($"/api/v1/participants/{participant}/consents").JsonArrayAsync(HttpStatusCode.OK);
        return consents.Single(c => c.Id() == consentId)!;
    }

    [Fact]
    public async Task A_consent_of_another_participant_is_neither_withdrawn_nor_changed_from_this_participants_page()
    {
        var shown = await app.CreateParticipantAsync("soc.taby");
        var other = await app.CreateParticipantAsync("soc.taby");
        var consentOfOther = await app.GiveConsentAsync(other.Id, [Af], ["identity"]);
        var soc = await PageSession.SignInAsync(app, "soc.taby");

        var answer = await Withdraw(soc, shown.Id, consentOfOther);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        var stored = await StoredConsent(other.Id, consentOfOther);
        Assert.True((bool)stored["active"]!);
        Assert.Null((string?)stored["withdrawnAt"]);
        Assert.Empty(await app.AccessLogAsync(a => a.Action == AccessAction.Update && a.EntityId == consentOfOther.ToString()));
        await (await app.ClientFor("af.nordost")).GetAsync($"/api/v1/participants/{other.Id}").ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_participants_own_consent_is_withdrawn_and_a_second_withdrawal_is_refused_above_the_form()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var consentId = await app.GiveConsentAsync(participant.Id, [Af], ["identity"]);
        var soc = await PageSession.SignInAsync(app, "soc.taby");

        var withdrawn = await Withdraw(soc, participant.Id, consentId).ShouldBe(HttpStatusCode.Redirect);
        Assert.Equal(Details(participant.Id), withdrawn.Headers.Location?.OriginalString);
        Assert.False((bool)(await StoredConsent(participant.Id, consentId))["active"]!);

        var again = await PageSession.DocumentAsync(await Withdraw(soc, participant.Id, consentId).ShouldBe(HttpStatusCode.OK));
        Assert.Contains("Samtycket är redan återkallat.", again.QuerySelector("#error-summary")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_consent_form_shows_each_message_at_its_field_in_swedish_words()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var soc = await PageSession.SignInAsync(app, "soc.taby");
        var path = $"/Consents/Create/{participant.Id}";
        var today = SwedishTime.Today(DateTime.UtcNow);

        var answer = await soc.PostAsync(path, path, new()
        {
            ["Input.Purpose"] = new string('x', 1001),
            ["Input.Form"] = "written",
            ["Input.GivenAt"] = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Input.ValidUntil"] = "31/12",
        }).ShouldBe(HttpStatusCode.OK);
        var page = await PageSession.DocumentAsync(answer);

        Assert.Equal("Välj minst en mottagande organisation.", page.QuerySelector("#Input_RecipientOrganisationIds-error")?.TextContent);
        Assert.Equal("Syftet är för långt: högst 1000 tecken, nu 1001.", page.QuerySelector("#Input_Purpose-error")?.TextContent);
        Assert.Equal("Sista giltighetsdag ska skrivas ÅÅÅÅ-MM-DD.", page.QuerySelector("#Input_ValidUntil-error")?.TextContent);
        Assert.Equal(3, page.QuerySelectorAll("#error-summary li").Length);

        var unknownForm = await PageSession.DocumentAsync(await soc.PostAsync(path, path, new() { ["Input.Form"] = "telepathic" }));
        var formError = unknownForm.QuerySelector("#Input_Form-error")?.TextContent ?? "";
        Assert.Contains("Skriftligt, Muntligt", formError, StringComparison.Ordinal);
        Assert.DoesNotContain("written", formError, StringComparison.Ordinal);
    }
}
