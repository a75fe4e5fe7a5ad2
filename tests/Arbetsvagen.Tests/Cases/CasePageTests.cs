using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;

namespace Arbetsvagen.Tests.Cases;

/// <summary>
/// The case page over HTTP with a signed-in cookie session, read as HTML: each refused form shows every message at its
/// field (inside the field's box, named by its aria-describedby) and in the summary in the order of the form.
/// </summary>
public sealed class CasePageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Af = "Arbetsförmedlingen Nordöstra Stockholm";
    private const string TabyJobCentre = "Täby kommun – Jobbcentrum";
    private static readonly HtmlParser Parser = new();

    private static DateOnly Today => SwedishTime.Today(DateTime.UtcNow);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [Fact]
    public async Task Enrolment_offers_only_the_consents_that_qualify_labelled_by_recipient_and_validity()
    {
        var (participant, caseId, page) = await CasePageAsync();
        var jobCentreOnly = await app.GiveConsentAsync(participant, [TabyJobCentre], ["identity", "caseAndPlan"]);
        var withdrawn = await app.GiveConsentAsync(participant, [Af], ["identity"]);
        var soc = await app.ClientFor("soc.taby");
        await soc.PostAsync($"/api/v1/consents/{withdrawn}/withdrawal", null).ShouldBe(HttpStatusCode.OK);
        var qualifying = await app.GiveConsentAsync(participant, [Af, TabyJobCentre], ["identity"]);

        var form = await page.GetAsync($"/Cases/Details/{caseId}");
        var options = form.QuerySelectorAll("#Enrolment_AfRegistrationConsentId option").Where(o => o.GetAttribute("value") != "").ToList();

        var offered = Assert.Single(options);
        Assert.Equal(qualifying.ToString(), offered.GetAttribute("value"));
        Assert.Equal($"{Af}, giltigt t.o.m. {Iso(Today.AddMonths(6))}", offered.TextContent.Trim());

        // A consent the form does not offer is refused by the same rule when posted anyway, at its field.
        var refused = await page.SubmitAsync(form, "Enrol", ("Enrolment.EnrolledOn", Iso(Today)), ("Enrolment.CheckInSchedule", "Tisdagar 10"),
            ("Enrolment.AfRegistrationConsentId", jobCentreOnly.ToString()));
        Assert.Contains("ska gälla i dag och omfatta Arbetsförmedlingen", MessageAt(refused, "Enrolment_AfRegistrationConsentId"), StringComparison.Ordinal);

        var enrolled = await page.PostAsync(form, "Enrol", ("Enrolment.EnrolledOn", Iso(Today)), ("Enrolment.CheckInSchedule", "Tisdagar 10"),
            ("Enrolment.AfRegistrationConsentId", qualifying.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, enrolled.StatusCode);
        Assert.Equal("enrolled", (string?)(await soc.GetAsync($"/api/v1/cases/{caseId}").JsonAsync(HttpStatusCode.OK))["state"]);
    }

    [Fact]
    public async Task Without_a_qualifying_consent_the_page_says_so_and_links_to_recording_one()
    {
        var (participant, caseId, page) = await CasePageAsync();
        await app.GiveConsentAsync(participant, [TabyJobCentre], ["identity", "caseAndPlan"]);

        var html = await page.GetAsync($"/Cases/Details/{caseId}");

        Assert.Null(html.QuerySelector("select#Enrolment_AfRegistrationConsentId"));
        Assert.Contains("inget gällande samtycke som omfattar Arbetsförmedlingen", html.GetElementById("Enrolment_AfRegistrationConsentId")!.TextContent,
            StringComparison.Ordinal);
        Assert.Contains(html.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/Consents/Create/{participant}");
    }

    [Fact]
    public async Task Enrolment_errors_sit_at_their_fields_in_form_order_and_a_future_date_is_refused()
    {
        var (participant, caseId, page) = await CasePageAsync();
        var consent = await app.GiveConsentAsync(participant, [Af], ["identity"]);
        var form = await page.GetAsync($"/Cases/Details/{caseId}");

        var refused = await page.SubmitAsync(form, "Enrol", ("Enrolment.EnrolledOn", "2026-13-45"), ("Enrolment.CheckInSchedule", " "),
            ("Enrolment.AfRegistrationConsentId", ""));

        Assert.Equal(["#Enrolment_EnrolledOn", "#Enrolment_CheckInSchedule", "#Enrolment_AfRegistrationConsentId"], Summary(refused));
        Assert.Equal("Inskrivningsdatum ska skrivas ÅÅÅÅ-MM-DD.", MessageAt(refused, "Enrolment_EnrolledOn"));
        Assert.Equal("Ange överenskomna avstämningar.", MessageAt(refused, "Enrolment_CheckInSchedule"));
        Assert.Equal("Välj samtycke för kontroll av inskrivning hos Arbetsförmedlingen.", MessageAt(refused, "Enrolment_AfRegistrationConsentId"));

        var future = await page.SubmitAsync(form, "Enrol", ("Enrolment.EnrolledOn", Iso(Today.AddDays(1))),
            ("Enrolment.CheckInSchedule", "Tisdagar 10"), ("Enrolment.AfRegistrationConsentId", consent.ToString()));
        Assert.Equal("Inskrivningsdatum kan inte ligga i framtiden.", MessageAt(future, "Enrolment_EnrolledOn"));
        Assert.Equal("Tisdagar 10", future.GetElementById("Enrolment_CheckInSchedule")!.GetAttribute("value")); // what was written stays
    }

    [Fact]
    public async Task A_journal_note_names_its_fields_and_a_too_long_text_says_it_is_too_long()
    {
        var (_, caseId, page) = await CasePageAsync();
        var form = await page.GetAsync($"/Cases/Details/{caseId}");

        var blank = await page.SubmitAsync(form, "Write", ("Entry.Type", ""), ("Entry.Text", ""));
        Assert.Equal(["#Entry_Type", "#Entry_Text"], Summary(blank));
        var type = MessageAt(blank, "Entry_Type");
        Assert.StartsWith("Ange typ av anteckning. Välj en av: Kontakt, Samtal", type, StringComparison.Ordinal);
        Assert.DoesNotContain("conversation", type, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("Ange anteckningens text.", MessageAt(blank, "Entry_Text"));

        var tooLong = await page.SubmitAsync(form, "Write", ("Entry.Type", "conversation"), ("Entry.Text", new string('x', 100_000)));
        Assert.Equal("Anteckningens text är för lång: högst 8000 tecken, nu 100000.", MessageAt(tooLong, "Entry_Text"));
    }

    [Fact]
    public async Task Closing_errors_sit_at_their_fields_in_form_order_with_swedish_labels()
    {
        var (_, caseId, page) = await CasePageAsync();
        var form = await page.GetAsync($"/Cases/Details/{caseId}");

        var refused = await page.SubmitAsync(form, "Close", ("Closure.ClosedOn", Iso(Today.AddDays(1))), ("Closure.Outcome", ""),
            ("Closure.IncomeAfter", "lottery"));

        Assert.Equal(["#Closure_ClosedOn", "#Closure_Outcome", "#Closure_IncomeAfter"], Summary(refused));
        Assert.Equal("Avslutsdatum kan inte ligga i framtiden.", MessageAt(refused, "Closure_ClosedOn"));
        var outcome = MessageAt(refused, "Closure_Outcome");
        Assert.StartsWith("Ange utfall. Välj en av: Arbete utan subvention, Subventionerat arbete", outcome, StringComparison.Ordinal);
        Assert.DoesNotContain("subsidisedWork", outcome, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("Okänd försörjning efter avslut. Välj en av:", MessageAt(refused, "Closure_IncomeAfter"), StringComparison.Ordinal);

        var work = await page.SubmitAsync(form, "Close", ("Closure.ClosedOn", Iso(Today)), ("Closure.Outcome", "subsidisedWork"));
        Assert.StartsWith("Ange anställningsform vid arbete. Välj en av: Tillsvidare", MessageAt(work, "Closure_EmploymentForm"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_follow_up_before_its_due_date_names_the_date_and_needs_the_box_ticked()
    {
        var (_, caseId, page) = await CasePageAsync();
        var soc = await app.ClientFor("soc.taby");
        await soc.PostAsJsonAsync($"/api/v1/cases/{caseId}/closure", new { closedOn = Iso(Today), outcome = "moved" }).ShouldBe(HttpStatusCode.OK);
        var form = await page.GetAsync($"/Cases/Details/{caseId}");
        (string, string)[] fields = [("FollowUp.Months", "3"), ("FollowUp.FollowedUpOn", Iso(Today)), ("FollowUp.Status", "jobSeeking")];

        var early = await page.SubmitAsync(form, "FollowUp", fields);
        Assert.Equal($"Uppföljningen efter 3 månader ska göras tidigast {Iso(Today.AddMonths(3))}. "
            + "Ändra uppföljningsdatum, eller bekräfta att uppföljningen görs i förtid.", MessageAt(early, "FollowUp_FollowedUpOn"));
        Assert.NotNull(early.QuerySelector("input[type=checkbox]#FollowUp_ConfirmEarly"));

        var tooLong = await page.SubmitAsync(form, "FollowUp", [.. fields, ("FollowUp.ConfirmEarly", "true"), ("FollowUp.Note", new string('x', 2001))]);
        Assert.Equal("Anteckningen är för lång: högst 2000 tecken, nu 2001.", MessageAt(tooLong, "FollowUp_Note"));

        var confirmed = await page.PostAsync(form, "FollowUp", [.. fields, ("FollowUp.ConfirmEarly", "true")]);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        var followUp = (await soc.GetAsync($"/api/v1/cases/{caseId}").JsonAsync(HttpStatusCode.OK))["followUps"]!.AsArray().Single()!;
        Assert.Equal(Iso(Today), (string?)followUp["followedUpOn"]);
    }

    /// <summary>A participant of soc.taby with a case just opened, and soc.taby signed in to the pages.</summary>
    private async Task<(Guid Participant, Guid Case, CasePage Page)> CasePageAsync()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var api = await app.ClientFor("soc.taby");
        var caseId = (await api.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/cases", new { source = "self", reason = "Söker stöd" })
            .JsonAsync(HttpStatusCode.Created)).Id();
        var page = new CasePage(app.Anonymous());
        await page.SignInAsync("soc.taby");
        return (participant.Id, caseId, page);
    }

    /// <summary>The hrefs of the error summary's links, top to bottom.</summary>
    private static string[] Summary(IHtmlDocument page) =>
        page.QuerySelectorAll(".error-summary li a").Select(a => a.GetAttribute("href")!).ToArray();

    /// <summary>The message shown at a field: in the field's own box, marked invalid and named by its aria-describedby.</summary>
    private static string MessageAt(IHtmlDocument page, string fieldId)
    {
        var field = page.GetElementById(fieldId) ?? throw new Xunit.Sdk.XunitException($"No field #{fieldId}");
        var error = page.GetElementById($"{fieldId}-error") ?? throw new Xunit.Sdk.XunitException($"No message at #{fieldId}");
        Assert.Equal("true", field.GetAttribute("aria-invalid"));
        Assert.Contains($"{fieldId}-error", (field.GetAttribute("aria-describedby") ?? "").Split(' '));
        Assert.Same(field.Closest(".field"), error.Closest(".field"));
        var message = error.TextContent.Trim();
        Assert.Contains(page.QuerySelectorAll(".error-summary li a"), a => a.GetAttribute("href") == $"#{fieldId}" && a.TextContent.Trim() == message);
        return message;
    }

    /// <summary>A browser-like session: reads pages as HTML and posts their forms with the page's antiforgery token.</summary>
    private sealed class CasePage(HttpClient client)
    {
        public async Task<IHtmlDocument> GetAsync(string path) =>
            await Parser.ParseDocumentAsync(await (await client.GetAsync(path).ShouldBe(HttpStatusCode.OK)).Content.ReadAsStringAsync());

        public async Task SignInAsync(string userName)
        {
            var login = await GetAsync("/Account/Login");
            await client.PostAsync("/Account/Login", Body(login.Forms[0], ("UserName", userName), ("Password", AppFactory.DemoPassword)))
                .ShouldBe(HttpStatusCode.Redirect);
        }

        /// <summary>Posts the form of <paramref name="handler"/> on <paramref name="page"/>.</summary>
        public Task<HttpResponseMessage> PostAsync(IHtmlDocument page, string handler, params (string Name, string Value)[] fields)
        {
            var form = page.Forms.First(f => (f.GetAttribute("action") ?? "").EndsWith($"handler={handler}", StringComparison.Ordinal));
            return client.PostAsync(form.GetAttribute("action"), Body(form, fields));
        }

        /// <summary>Posts a form that is refused: the page comes back (200) with the messages.</summary>
        public async Task<IHtmlDocument> SubmitAsync(IHtmlDocument page, string handler, params (string Name, string Value)[] fields) =>
            await Parser.ParseDocumentAsync(await (await PostAsync(page, handler, fields).ShouldBe(HttpStatusCode.OK)).Content.ReadAsStringAsync());

        private static FormUrlEncodedContent Body(IHtmlFormElement form, params (string Name, string Value)[] fields) =>
            new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
                .Append(new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!)));
    }
}
