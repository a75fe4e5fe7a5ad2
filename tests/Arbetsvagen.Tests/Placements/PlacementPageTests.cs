using System.Net;
using Arbetsvagen.Features.Placements;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;
using static Arbetsvagen.Tests.Placements.PlacementTestData;

namespace Arbetsvagen.Tests.Placements;

/// <summary>The placement pages without JavaScript: create with a requirement profile, messages at their fields, book, see it in the plan, end it.</summary>
public sealed class PlacementPageTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Submits a form that succeeds and follows its redirect to the page shown after it.</summary>
    private static async Task<AngleSharp.Dom.IDocument> FollowAsync(PageSession session, string path, Dictionary<string, string> fields)
    {
        var response = await session.PostAsync(await session.GetAsync(path), path, fields).ShouldBe(HttpStatusCode.Redirect);
        return await session.GetAsync(response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_list_pages_through_its_placements_by_the_next_page_link()
    {
        // Razor Pages' own route value "page" once shadowed the query's Page: every list stayed on its first page.
        var jobb = await PageSession.SignInAsync(app, "jobb.taby");
        for (var i = 0; i <= PlacementWork.PageSize; i++)
        {
            await app.PlacementAsync();
        }

        var first = await jobb.GetAsync("/Placements");
        var next = first.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Nästa sida").GetAttribute("href")!;
        var second = await jobb.GetAsync(next);
        Assert.Contains(second.QuerySelectorAll("span"), s => s.TextContent.StartsWith("Sida 2 av ", StringComparison.Ordinal));
        var onFirst = first.QuerySelectorAll("a[href^='/Placements/Details/']").Select(a => a.GetAttribute("href")).ToList();
        var onSecond = second.QuerySelectorAll("a[href^='/Placements/Details/']").Select(a => a.GetAttribute("href")).ToList();
        Assert.NotEmpty(onSecond);
        Assert.Empty(onFirst.Intersect(onSecond));
    }

    [Fact]
    public async Task A_placement_is_created_booked_and_ended_through_the_pages()
    {
        var (_, workplace) = await app.EmployerAsync("Sidbolaget AB");
        var jobb = await PageSession.SignInAsync(app, "jobb.taby");

        var refused = await jobb.SubmitAsync("/Placements/Create", "Registrera praktikplatsen", new()
        {
            ["Form.WorkplaceId"] = "", ["Form.Kind"] = "", ["Form.Occupation"] = "buss", ["Form.Tasks"] = "",
            ["Form.SupervisorName"] = "", ["Form.Periods[0].StartsOn"] = "i sommar", ["Form.Periods[0].Places"] = "två",
            ["Form.Requirements[0].Kind"] = "minimumAge", ["Form.Requirements[0].Value"] = "tolv", ["Form.Requirements[0].MustHave"] = "true",
        });
        Assert.Equal(
            ["#WorkplaceId", "#Kind", "#Occupation", "#Tasks", "#SupervisorName", "#Periods[0]_startsOn", "#Periods[0]_endsOn", "#Periods[0]_places",
                "#Requirements[0]_value"],
            PageSession.Summary(refused).Select(s => s.Target));
        Assert.Equal("Lägsta ålder (krav 1): ange åldern i hela år, mellan 15 och 70.", refused.GetElementById("Requirements[0]_value-error")!.TextContent.Trim());
        Assert.Contains("Requirements[0]_value-error", refused.GetElementById("Requirements[0]_value")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Equal("Välj en arbetsgivare som finns i arbetsgivarregistret.", PageSession.MessageAt(refused, "WorkplaceId"));
        Assert.Equal("tolv", refused.GetElementById("Requirements[0]_value")!.GetAttribute("value"));
        Assert.NotNull(refused.GetElementById("Requirements[3]_kind")); // spare rows stay

        var created = await FollowAsync(jobb, "/Placements/Create", new()
        {
            ["Form.WorkplaceId"] = workplace.ToString(), ["Form.Kind"] = "summerJob", ["Form.Occupation"] = "Bussvärd",
            ["Form.Tasks"] = "Hjälpa resenärer.", ["Form.SupervisorName"] = "Sam Sidhandledare",
            ["Form.Periods[0].StartsOn"] = D(Today), ["Form.Periods[0].EndsOn"] = D(Today.AddDays(30)), ["Form.Periods[0].Places"] = "3",
            ["Form.Requirements[0].Kind"] = "minimumAge", ["Form.Requirements[0].Value"] = "16", ["Form.Requirements[0].MustHave"] = "true",
            ["Form.Requirements[1].Kind"] = "swedishLevel", ["Form.Requirements[1].Value"] = "SFI kurs D", ["Form.Requirements[1].MustHave"] = "false",
        });
        Assert.Equal("Feriejobb: Bussvärd hos Sidbolaget AB", created.QuerySelector("h1")!.TextContent.Trim());
        var profile = created.QuerySelector("section[aria-labelledby=requirements-heading]")!.TextContent;
        Assert.Contains("Skallkrav", profile);
        Assert.Contains("Lägsta ålder: 16 år", profile);
        Assert.Contains("Meriterande", profile);
        Assert.Contains("Svenska: SFI kurs D eller högre", profile);
        var placement = await app.WithDbAsync(db => db.Placements.Where(p => p.SupervisorName == "Sam Sidhandledare").Select(p => p.Id).SingleAsync());

        var list = await jobb.GetAsync("/Placements?Kind=summerJob&Municipality=0160");
        Assert.NotNull(list.QuerySelector($"a[href='/Placements/Details/{placement}']"));
        var elsewhere = await jobb.GetAsync("/Placements?Municipality=0187");
        Assert.Null(elsewhere.QuerySelector($"a[href='/Placements/Details/{placement}']"));
        var badFilter = await jobb.GetAsync("/Placements?Kind=rymdresa");
        Assert.StartsWith("Okänd typ av praktikplats", PageSession.MessageAt(badFilter, "Kind"));

        var employer = await app.WithDbAsync(db => db.Placements.Where(p => p.Id == placement).Select(p => p.EmployerId).SingleAsync());
        var utilisation = await jobb.GetAsync($"/Placements/Utilisation?EmployerId={employer}&From={D(Today)}&To={D(Today.AddDays(9))}");
        Assert.Equal($"Sidbolaget AB {D(Today)}–{D(Today.AddDays(9))}: 0 av 30 platsdagar bokade (0 %).", utilisation.GetElementById("utilisation-total")!.TextContent.Trim());

        var participant = await app.ParticipantWithPlanAsync("soc.taby");
        var soc = await PageSession.SignInAsync(app, "soc.taby");
        var booked = await FollowAsync(soc, $"/Placements/Book/{placement}", new()
        {
            ["Form.PersonalIdentityNumber"] = participant.Number, ["Form.StartsOn"] = D(Today.AddDays(2)), ["Form.EndsOn"] = D(Today.AddDays(9)),
            ["Form.HoursPerWeek"] = "7,5", ["Form.SupervisorMayKnow"] = "true",
        });
        Assert.Equal($"Bokning för {participant.FirstName} {participant.LastName}", booked.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains($"{participant.FirstName} {participant.LastName}", booked.GetElementById("supervisor-may-know")!.TextContent);

        var plan = await soc.GetAsync($"/Participants/{participant.Id}/Plan");
        Assert.Contains("Feriejobb som bussvärd hos Sidbolaget AB", plan.Body!.TextContent);

        var booking = await app.WithDbAsync(db => db.PlacementBookings.Where(b => b.ParticipantId == participant.Id).Select(b => b.Id).SingleAsync());
        var bookingPath = $"/Placements/{placement}/Bookings/{booking}";
        var missing = await soc.SubmitAsync(bookingPath, "Avsluta bokningen", new() { ["End.Outcome"] = "", ["End.EndedOn"] = "", ["End.Result"] = "" });
        Assert.Equal(["#Outcome", "#EndedOn", "#Result"], PageSession.Summary(missing).Select(s => s.Target));
        var ended = await FollowAsync(soc, bookingPath, new()
        {
            ["End.Outcome"] = "completed", ["End.EndedOn"] = D(Today.AddDays(9)), ["End.Result"] = "Fullföljde hela perioden.",
        });
        Assert.Equal("Genomförd", ended.GetElementById("booking-heading")!.TextContent.Trim());

        // Someone who may not see the participant gets 404 on the booking page.
        var vaxholm = await PageSession.SignInAsync(app, "soc.vaxholm");
        await vaxholm.GetAsync(bookingPath, HttpStatusCode.NotFound);
    }
}
