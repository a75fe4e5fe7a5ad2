using System.Net;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;

namespace Arbetsvagen.Tests.Participants;

/// <summary>The participant pages as plain HTML forms: registration, the list's search, and the participant page's forms and tables.</summary>
public sealed class ParticipantPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Registering_a_known_number_again_says_so_at_the_field_and_links_to_the_existing_record()
    {
        var first = await app.CreateParticipantAsync("soc.taby");
        var soc = await PageSession.SignInAsync(app, "soc.taby");

        var answer = await soc.PostAsync("/Participants/Create", "/Participants/Create", new()
        {
            ["Input.PersonalIdentityNumber"] = first.Number,
            ["Input.FirstName"] = "Dubbla",
            ["Input.LastName"] = TestPeople.UniqueLastName("Dubbelsson"),
            ["Input.Gender"] = "woman",
            ["Input.HomeMunicipalityCode"] = "0160",
        }).ShouldBe(HttpStatusCode.OK);
        var page = await PageSession.DocumentAsync(answer);

        Assert.Equal("Personen är redan registrerad i din organisation.", page.QuerySelector("#Input_PersonalIdentityNumber-error")?.TextContent);
        Assert.NotNull(page.QuerySelector($"#duplicate a[href='/Participants/Details/{first.Id}']"));
    }

    [Fact]
    public async Task A_too_long_search_is_refused_at_the_search_field_and_its_allowed_beginning_is_searched()
    {
        var soc = await PageSession.SignInAsync(app, "soc.taby");

        var answer = await soc.PostAsync("/Participants", "/Participants", new() { ["Search"] = new string('q', 201), ["PageNumber"] = "1" })
            .ShouldBe(HttpStatusCode.OK);
        var page = await PageSession.DocumentAsync(answer);

        Assert.Equal("Söktexten får vara högst 200 tecken, nu 201.", page.QuerySelector("#Search-error")?.TextContent);
        Assert.Equal("true", page.QuerySelector("#Search")?.GetAttribute("aria-invalid"));
        Assert.Equal(200, page.QuerySelector("#Search")?.GetAttribute("value")?.Length);
        Assert.Contains("0 deltagare matchar sökningen", page.QuerySelector("[role=status]")?.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_open_case_form_shows_its_messages_at_its_fields_and_keeps_what_was_written()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var soc = await PageSession.SignInAsync(app, "soc.taby");
        var details = $"/Participants/Details/{participant.Id}";

        var answer = await soc.PostAsync(details, $"{details}?handler=OpenCase", new()
        {
            ["NewCase.Source"] = "carrierPigeon",
            ["NewCase.Reason"] = new string('s', 2001),
        }).ShouldBe(HttpStatusCode.OK);
        var page = await PageSession.DocumentAsync(answer);

        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#NewCase_Source-error")?.TextContent));
        Assert.DoesNotContain("carrierPigeon", page.QuerySelector("#NewCase_Source-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("#NewCase_Reason-error")?.TextContent));
        Assert.Equal("true", page.QuerySelector("#NewCase_Reason")?.GetAttribute("aria-invalid"));
        Assert.Equal(2001, page.QuerySelector("#NewCase_Reason")?.TextContent.Length);
        var links = page.QuerySelectorAll("#error-summary a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#NewCase_Source", links);
        Assert.Contains("#NewCase_Reason", links);
    }

    [Fact]
    public async Task The_consents_table_names_each_value_so_that_a_narrow_screen_can_stack_its_rows()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        await app.GiveConsentAsync(participant.Id, ["Arbetsförmedlingen Nordöstra Stockholm"], ["identity"]);
        var soc = await PageSession.SignInAsync(app, "soc.taby");

        var page = await soc.GetAsync($"/Participants/Details/{participant.Id}");

        var table = page.QuerySelector("#consents-heading")!.ParentElement!.QuerySelector("table.stack-narrow");
        Assert.NotNull(table);
        var headings = table.QuerySelectorAll("thead th").Select(th => (string?)th.TextContent).Where(t => t != "Åtgärd").ToList();
        var labels = table.QuerySelectorAll("tbody tr:first-child td[data-label]").Select(td => td.GetAttribute("data-label")).ToList();
        Assert.Equal(headings, labels);
    }
}
