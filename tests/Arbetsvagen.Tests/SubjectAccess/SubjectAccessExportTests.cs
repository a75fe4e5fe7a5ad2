using System.Net;
using System.Net.Http.Json;
using System.Text;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;

namespace Arbetsvagen.Tests.SubjectAccess;

/// <summary>The person's extract (registerutdrag, issue 12 §5): JSON, PDF and the printable page.</summary>
public sealed class SubjectAccessExportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Af = "Arbetsförmedlingen Nordöstra Stockholm";

    private async Task<(CreatedParticipant Person, Guid Consent, string JournalText)> PersonWithHistoryAsync()
    {
        var person = await app.CreateParticipantAsync("soc.taby");
        var consent = await app.GiveConsentAsync(person.Id, [Af], ["identity"]);
        var owner = await app.ClientFor("soc.taby");
        var caseId = (await owner.PostAsJsonAsync($"/api/v1/participants/{person.Id}/cases", new { source = "socialServices", reason = "Ansökan om bistånd" })
            .JsonAsync(HttpStatusCode.Created)).Id();
        var text = $"Samtal om mål, {Guid.NewGuid():N}.";
        await owner.PostAsJsonAsync($"/api/v1/cases/{caseId}/journal", new { type = "conversation", text }).ShouldBe(HttpStatusCode.Created);
        // Another organisation reads the person under the consent: the disclosure the extract must show.
        await (await app.ClientFor("af.nordost")).GetAsync($"/api/v1/participants/{person.Id}").ShouldBe(HttpStatusCode.OK);
        return (person, consent, text);
    }

    [Fact]
    public async Task The_extract_holds_the_persons_records_and_which_organisations_read_them_under_which_consent()
    {
        var (person, consent, journalText) = await PersonWithHistoryAsync();

        var extract = await (await app.ClientFor("soc.taby")).GetAsync($"/api/v1/participants/{person.Id}/extract").JsonAsync(HttpStatusCode.OK);

        Assert.Equal(person.LastName, (string?)extract["participant"]!["lastName"]);
        Assert.Equal(consent.ToString(), (string?)extract["consents"]![0]!["id"]);
        var journal = extract["cases"]!.AsArray().SelectMany(c => c!["journal"]!.AsArray()).Select(e => (string?)e!["text"]).ToList();
        Assert.Contains(journalText, journal);
        var disclosure = Assert.Single(extract["disclosures"]!.AsArray(), d => (string?)d!["organisationName"] == Af);
        Assert.Equal("read", (string?)disclosure!["action"]);
        Assert.Equal(consent.ToString(), (string?)disclosure["consentId"]);
        Assert.DoesNotContain(extract["disclosures"]!.AsArray(), d => ((string?)d!["organisationName"])!.StartsWith("Täby", StringComparison.Ordinal));

        // The extract itself is logged, as an export by the user who made it.
        var exports = await app.AccessLogForAsync(person.Id, "export", "soc.taby");
        Assert.Contains(exports, e => e.Purpose?.Contains("registerutdrag (json)", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task The_pdf_and_the_printable_page_say_the_same_in_plain_swedish()
    {
        var (person, _, journalText) = await PersonWithHistoryAsync();

        var pdf = await (await app.ClientFor("soc.taby")).GetAsync($"/api/v1/participants/{person.Id}/extract?format=pdf").ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = Encoding.Latin1.GetString(await pdf.Content.ReadAsByteArrayAsync());
        Assert.StartsWith("%PDF", text, StringComparison.Ordinal);
        Assert.Contains("(Registerutdrag) Tj", text, StringComparison.Ordinal);
        Assert.Contains(person.LastName, text, StringComparison.Ordinal);

        var browser = await app.PagesClientFor("soc.taby");
        var details = await (await browser.GetAsync($"/Participants/Details/{person.Id}").ShouldBe(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/Participants/Extract/{person.Id}\"", details, StringComparison.Ordinal);
        var page = await (await browser.GetAsync($"/Participants/Extract/{person.Id}").ShouldBe(HttpStatusCode.OK)).Content.ReadAsStringAsync();
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page);
        Assert.Equal("Registerutdrag", document.QuerySelector("h1")?.TextContent);
        var headings = document.QuerySelectorAll("h2").Select(h => h.TextContent).ToList();
        Assert.Equal(["Personuppgifter", "Samtycken", "Ärenden och journal", "Kartläggningar", "Gemensamma ställningstaganden och bedömningar",
            "Handlingsplan", "Remisser och återrapporter", "Närvaro", "Vilka andra organisationer har läst uppgifterna"], headings);
        Assert.Contains(journalText, document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains(Af, document.Body.TextContent, StringComparison.Ordinal);
        var download = await browser.GetAsync($"/Participants/Extract/{person.Id}?handler=Pdf").ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Only_those_who_may_see_the_person_get_an_extract_and_a_recipient_only_what_the_consent_covers()
    {
        var (person, _, journalText) = await PersonWithHistoryAsync();

        foreach (var outsider in new[] { "soc.vaxholm", "jobb.taby", "analytiker", "admin.taby" })
        {
            await (await app.ClientFor(outsider)).GetAsync($"/api/v1/participants/{person.Id}/extract").ProblemAsync(HttpStatusCode.NotFound);
        }

        await (await app.PagesClientFor("soc.vaxholm")).GetAsync($"/Participants/Extract/{person.Id}").ShouldBe(HttpStatusCode.NotFound);
        var owner = await app.ClientFor("soc.taby");
        await owner.GetAsync($"/api/v1/participants/{Guid.NewGuid()}/extract").ProblemAsync(HttpStatusCode.NotFound);
        var bad = await owner.GetAsync($"/api/v1/participants/{person.Id}/extract?format=xml").ProblemAsync(HttpStatusCode.BadRequest);
        Assert.NotEmpty(bad.FieldErrors("format"));

        // The consent names Arbetsförmedlingen for identity only: its extract has the person, not the case or the journal.
        var recipient = await (await app.ClientFor("af.nordost")).GetAsync($"/api/v1/participants/{person.Id}/extract").JsonAsync(HttpStatusCode.OK);
        Assert.Equal(person.LastName, (string?)recipient["participant"]!["lastName"]);
        Assert.DoesNotContain(journalText, recipient.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(recipient["notes"]!.AsArray(), n => ((string?)n)!.Contains("Ett fullständigt utdrag ges av", StringComparison.Ordinal));
    }
}
