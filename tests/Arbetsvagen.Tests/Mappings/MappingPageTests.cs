using System.Net;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Arbetsvagen.Tests.Referrals;
using Xunit;

namespace Arbetsvagen.Tests.Mappings;

/// <summary>The mapping page: a first mapping starts from the registration; refused forms show messages at their fields in form order.</summary>
public sealed class MappingPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string TabyJobCentre = "Täby kommun – Jobbcentrum";
    private const string ShipEngineer = "Nf55_bBW_JXz"; // 1:e Fartygsingenjör
    private const string ChildMinder = "rM7G_ge7_XhP"; // Barnskötare

    private static string Path(Guid participant) => $"/Participants/{participant}/Mapping";

    private Task<CreatedParticipant> RegisteredWithBackgroundAsync() => app.CreateParticipantAsync("soc.taby", body =>
    {
        body["educationLevel"] = "upperSecondary";
        body["swedishLevel"] = "sfiD";
        body["occupationsOfExperience"] = new System.Text.Json.Nodes.JsonArray(ShipEngineer);
        body["occupationsOfInterest"] = new System.Text.Json.Nodes.JsonArray(ChildMinder);
        body["drivingLicences"] = new System.Text.Json.Nodes.JsonArray("B", "CE");
        body["interpreterNeeded"] = true;
        body["interpreterLanguage"] = "Arabiska";
        body["healthLimitations"] = "Ryggbesvär (fiktiv uppgift).";
    });

    private static string? Selected(AngleSharp.Dom.IDocument page, string selectId) =>
        page.QuerySelector($"#{selectId} option[selected]")?.GetAttribute("value");

    [Fact]
    public async Task A_first_mapping_starts_from_what_registration_knows_as_far_as_the_reader_may_see_it()
    {
        var participant = await RegisteredWithBackgroundAsync();

        var owner = await (await PageSession.SignInAsync(app, "soc.taby")).GetAsync(Path(participant.Id));

        Assert.Equal("upperSecondary", Selected(owner, "EducationLevel"));
        Assert.Equal("sfiD", Selected(owner, "SwedishLevel"));
        Assert.Equal("1:e Fartygsingenjör", owner.GetElementById("Occupations")!.GetAttribute("value"));
        Assert.Equal("Körkort: B, CE.", owner.GetElementById("WorkExperienceText")!.TextContent);
        Assert.Equal("Arabiska (behöver tolk)", owner.GetElementById("OtherLanguages")!.GetAttribute("value"));
        Assert.Equal("Intresserad av yrkena: Barnskötare.", owner.GetElementById("InterestsAndGoals")!.TextContent);
        Assert.Equal("Ryggbesvär (fiktiv uppgift).", owner.GetElementById("HealthAndLimitations")!.TextContent);
        Assert.Contains("ifyllt med det som registrerades", owner.QuerySelector("section[aria-labelledby=new-mapping-heading] .hint")!.TextContent,
            StringComparison.Ordinal);
        Assert.NotEmpty(await app.AccessLogAsync(a => a.ParticipantId == participant.Id && a.UserName == "soc.taby" && a.Action == AccessAction.Read
            && a.EntityType == "Participant"));

        // A consent without the participant's background: nothing of it in the form.
        var consent = await app.GiveConsentAsync(participant.Id, [TabyJobCentre], ["identity", "caseAndPlan"]);
        var jobb = await PageSession.SignInAsync(app, "jobb.taby");
        var withoutBackground = await jobb.GetAsync(Path(participant.Id));
        Assert.Null(Selected(withoutBackground, "EducationLevel"));
        Assert.Null(withoutBackground.GetElementById("Occupations")!.GetAttribute("value"));
        Assert.Equal("", withoutBackground.GetElementById("WorkExperienceText")!.TextContent);

        // With the background but not health: the background, and no health field at all.
        await (await app.ClientFor("soc.taby")).PostAsync($"/api/v1/consents/{consent}/withdrawal", null).ShouldBe(HttpStatusCode.OK);
        await app.GiveConsentAsync(participant.Id, [TabyJobCentre], ["identity", "background", "caseAndPlan"]);
        var withBackground = await jobb.GetAsync(Path(participant.Id));
        Assert.Equal("sfiD", Selected(withBackground, "SwedishLevel"));
        Assert.Equal("1:e Fartygsingenjör", withBackground.GetElementById("Occupations")!.GetAttribute("value"));
        Assert.Null(withBackground.GetElementById("HealthAndLimitations"));

        // Saved as it stands, it is version 1; the next form starts from that version.
        var saved = await jobb.PostAsync(withBackground, Path(participant.Id) + "?handler=Mapping", new()
        {
            ["NewMapping.EducationLevel"] = "upperSecondary", ["NewMapping.SwedishLevel"] = "sfiD", ["OccupationNames[0]"] = "1:e Fartygsingenjör",
            ["NewMapping.WorkExperienceText"] = "Körkort: B, CE. Tre år till sjöss.",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var next = await jobb.GetAsync(Path(participant.Id));
        Assert.Equal("Körkort: B, CE. Tre år till sjöss.", next.GetElementById("WorkExperienceText")!.TextContent);
        Assert.Contains("den senaste versionen", next.QuerySelector("section[aria-labelledby=new-mapping-heading] .hint")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refused_forms_show_each_message_at_its_field_and_the_summary_in_form_order()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var soc = await PageSession.SignInAsync(app, "soc.taby");
        var path = Path(participant.Id);

        var assessment = await soc.SubmitAsync(path, "Spara bedömning", new() { ["NewAssessment.AssessedOn"] = "1 maj" });
        Assert.Equal(["#Method", "#AssessedOn", "#Dimensions", "#Result"], PageSession.Summary(assessment).Select(s => s.Target));
        Assert.StartsWith("Ange metod. Välj en av: Simulerade arbetsuppgifter", PageSession.MessageAt(assessment, "Method"), StringComparison.Ordinal);
        Assert.Equal("Datum för bedömningen ska skrivas ÅÅÅÅ-MM-DD.", PageSession.MessageAt(assessment, "AssessedOn"));
        Assert.Equal("Bedömda förmågor: välj minst en.", PageSession.MessageAt(assessment, "Dimensions"));
        Assert.Equal("Ange beskrivningen av resultatet.", PageSession.MessageAt(assessment, "Result"));

        var mapping = await soc.SubmitAsync(path, "Spara ny version", new()
        {
            ["NewMapping.EducationText"] = new string('x', 100_000), ["OccupationNames[0]"] = "Drömyrke som inte finns",
            ["NewMapping.SelfSupportObstacles"] = "other",
        });
        Assert.Equal(["#EducationText", "#Occupations", "#ObstaclesText"], PageSession.Summary(mapping).Select(s => s.Target));
        Assert.Equal("Utbildningsbeskrivningen är för lång: högst 4000 tecken, nu 100000.", PageSession.MessageAt(mapping, "EducationText"));
        Assert.Equal("Yrkeserfarenhet: yrket \"Drömyrke som inte finns\" finns inte i yrkeslistan (JobTechs yrkesbenämningar).",
            PageSession.MessageAt(mapping, "Occupations"));
        Assert.Equal("Drömyrke som inte finns", mapping.GetElementById("Occupations")!.GetAttribute("value")); // kept for correction
    }
}
