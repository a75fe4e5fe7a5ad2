using System.Net;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Home;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;

namespace Arbetsvagen.Tests.AccessLog;

/// <summary>Loggkontroll on the page and in the API: one review use case, Swedish messages at their fields, a title that says which log is shown.</summary>
public sealed class AccessLogReviewPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_log_of_one_participant_says_so_in_its_title_without_a_name()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var admin = await PageSession.SignInAsync(app, "admin.taby");

        var one = await admin.PageAsync($"/AccessLog?participantId={participant.Id}");
        var all = await admin.PageAsync("/AccessLog");

        Assert.StartsWith("Loggkontroll – en deltagare", one.Title, StringComparison.Ordinal);
        Assert.Equal("Loggkontroll – en deltagare", one.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain(participant.LastName, one.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(participant.Number[..8], one.Body.TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(one.QuerySelectorAll("main tbody tr"));
        Assert.Equal("Loggkontroll", all.QuerySelector("h1")!.TextContent.Trim());
        Assert.DoesNotContain("en deltagare", all.Title, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_filter_on_the_page_shows_each_message_at_its_field_naming_it_in_swedish()
    {
        var admin = await PageSession.SignInAsync(app, "admin.taby");

        var page = await admin.PageAsync("/AccessLog?from=igår&to=2026-02-30&action=peek&participantId=x");

        Assert.Equal("Från och med-datumet ska skrivas ÅÅÅÅ-MM-DD.", page.GetElementById("from-error")!.TextContent.Trim());
        Assert.Equal("Till och med-datumet ska skrivas ÅÅÅÅ-MM-DD.", page.GetElementById("to-error")!.TextContent.Trim());
        var action = page.GetElementById("action-error")!.TextContent.Trim();
        Assert.Equal("Okänd händelse. Välj en av: Läsning, Sökning, Export, Registrering, Ändring, Borttagning, Nekad åtkomst, Loggkedjan.", action);
        Assert.NotNull(page.GetElementById("participant-error"));
        // Every summary link reaches its field.
        var links = page.QuerySelectorAll(".error-summary a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(4, links.Count);
        Assert.All(links, href => Assert.NotNull(page.GetElementById(href[1..])));
        Assert.Equal("true", page.GetElementById("From")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task The_api_takes_the_action_by_its_swedish_label_too_and_lists_the_labels_when_it_is_unknown()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        await (await app.ClientFor("soc.taby")).GetAsync($"/api/v1/participants/{participant.Id}").ShouldBe(HttpStatusCode.OK);
        var admin = await app.ClientFor("admin.taby");

        var reads = await admin.GetAsync($"/api/v1/access-log?participantId={participant.Id}&action=Läsning").JsonArrayAsync(HttpStatusCode.OK);
        var problem = await admin.GetAsync("/api/v1/access-log?action=peek").ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(AccessAction.Read, (string?)Assert.Single(reads)!["action"]);
        var message = Assert.Single(problem.FieldErrors("action"));
        Assert.Contains("Nekad åtkomst", message, StringComparison.Ordinal);
        Assert.All(AccessAction.All, identifier => Assert.DoesNotMatch($@"\b{identifier}\b", message));
    }

    [Fact]
    public async Task A_bad_filter_refuses_the_export_on_the_page_with_the_messages()
    {
        var admin = await PageSession.SignInAsync(app, "admin.taby");

        var answer = await admin.Client.GetAsync("/AccessLog?handler=Export&from=2026-03-02&to=2026-03-01").ShouldBe(HttpStatusCode.OK);
        var page = await PageSession.ParseAsync(answer);

        Assert.Equal("text/html", answer.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Till och med-datumet kan inte ligga före från och med-datumet.", page.GetElementById("to-error")!.TextContent.Trim());
    }
}
