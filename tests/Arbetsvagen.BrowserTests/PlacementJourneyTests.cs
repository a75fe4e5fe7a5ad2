using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.ActionPlans;
using Arbetsvagen.Features.Employers;
using Arbetsvagen.Features.Mappings;
using Arbetsvagen.BrowserTests.Infrastructure;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Infrastructure.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Arbetsvagen.BrowserTests;

/// <summary>
/// A placement in the browser: soc.taby registers a placement with a requirement profile (a refused attempt first,
/// with the error summary), books a participant of theirs into it, and finds the placement in the participant's plan.
/// Every page visited is checked with axe-core.
/// </summary>
public sealed class PlacementJourneyTests(BrowserApp app) : BrowserTest(app)
{
    /// <summary>An employer with a workplace in Täby (the register's pages are another branch's), and a plan for the participant.</summary>
    private async Task<string> GroundAsync(Guid participantId)
    {
        using var scope = App.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var collaboration = await db.Collaborations.Where(c => c.Name == DemoNames.CollaborationName).Select(c => c.Id).FirstAsync();
        var owner = await db.Organisations.Where(o => o.Name == DemoNames.JobCentreName("Täby")).Select(o => o.Id).FirstAsync();
        var name = "Resebolaget " + Guid.NewGuid().ToString("N")[..6] + " AB";
        var employer = Employer.Create("55" + Random.Shared.Next(10_000_000, 99_999_999), false, name, "493", EmployerSize.Large, collaboration, owner, Guid.NewGuid(),
            DateTime.UtcNow);
        employer.AddWorkplace("Depå Arninge", "Depåvägen 4", "183 76", "Täby", "0160", null);
        db.Add(employer);
        var author = await db.Users.Where(u => u.UserName == "soc.taby").Select(u => new { u.Id, u.OrganisationId }).FirstAsync();
        var plan = ActionPlan.Create(participantId);
        db.Add(plan);
        db.Add(plan.Revise(0, "Arbete som bussförare.", Direction.Employment, Today, Today.AddMonths(6), Today.AddMonths(1), [], null, author.Id,
            author.OrganisationId, DateTime.UtcNow));
        await db.SaveChangesAsync();
        return name;
    }

    [Fact]
    public async Task A_placement_with_requirements_is_created_and_a_participant_booked_into_it_shows_in_the_plan()
    {
        var soc = await LoginAsync("soc.taby");
        var participant = await RegisterParticipantAsync(soc);
        var employer = await GroundAsync(participant.Id);

        await MainNav(soc).GetByRole(AriaRole.Link, new() { Name = "Praktikplatser" }).ClickAsync();
        await ExpectHeadingAsync(soc, "Praktikplatser");
        await AssertAccessibleAsync(soc);
        await soc.GetByRole(AriaRole.Link, new() { Name = "Ny praktikplats" }).ClickAsync();
        await ExpectHeadingAsync(soc, "Ny praktikplats");
        await AssertAccessibleAsync(soc);

        // A bad requirement value is named at its row; nothing is saved.
        await soc.GetByLabel("Arbetsgivare och arbetsställe").SelectOptionAsync(new SelectOptionValue { Label = $"{employer} – Depå Arninge, Täby" });
        await soc.GetByLabel("Typ av insats").SelectOptionAsync("workExperience");
        await soc.GetByLabel("Yrke", new() { Exact = true }).FillAsync("Bussförare");
        await soc.GetByLabel("Arbetsuppgifter").FillAsync("Följa med förare och lära sig depåns rutiner.");
        await soc.GetByLabel("Namn", new() { Exact = true }).FillAsync("Hanna Handledare");
        await soc.Locator("#Periods\\[0\\]_startsOn").FillAsync(Iso(Today));
        await soc.Locator("#Periods\\[0\\]_endsOn").FillAsync(Iso(Today.AddDays(60)));
        await soc.Locator("#Periods\\[0\\]_places").FillAsync("2");
        await soc.Locator("#Requirements\\[0\\]_kind").SelectOptionAsync("drivingLicence");
        await soc.Locator("#Requirements\\[0\\]_value").FillAsync("Q");
        await soc.GetByRole(AriaRole.Button, new() { Name = "Registrera praktikplatsen" }).ClickAsync();
        await ExpectHeadingAsync(soc, "Ny praktikplats");
        await Expect(ErrorSummary(soc)).ToBeFocusedAsync();
        await Expect(ErrorSummary(soc).GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "#Requirements[0]_value");
        await AssertAccessibleAsync(soc);

        await soc.Locator("#Requirements\\[0\\]_value").FillAsync("D");
        await soc.Locator("#Requirements\\[1\\]_kind").SelectOptionAsync("swedishLevel");
        await soc.Locator("#Requirements\\[1\\]_value").FillAsync("SFI kurs D");
        await soc.Locator("#Requirements\\[1\\]_mustHave").SelectOptionAsync("false");
        await soc.GetByRole(AriaRole.Button, new() { Name = "Registrera praktikplatsen" }).ClickAsync();
        await ExpectHeadingAsync(soc, $"Praktik: Bussförare hos {employer}");
        await Expect(Flash(soc)).ToHaveTextAsync("Praktikplatsen är registrerad.");
        var profile = soc.Locator("section[aria-labelledby=requirements-heading]");
        await Expect(profile).ToContainTextAsync("Körkort: D");
        await Expect(profile).ToContainTextAsync("Meriterande");
        await Expect(profile).ToContainTextAsync("Svenska: SFI kurs D eller högre");
        await AssertAccessibleAsync(soc);
        await soc.GetByRole(AriaRole.Link, new() { Name = "Arbetsgivarens beläggning" }).ClickAsync();
        await ExpectHeadingAsync(soc, "Beläggning per arbetsgivare");
        await Expect(soc.Locator("#utilisation-total")).ToContainTextAsync("0 av");
        await AssertAccessibleAsync(soc);
        await soc.GoBackAsync();
        await ExpectHeadingAsync(soc, $"Praktik: Bussförare hos {employer}");

        await soc.GetByRole(AriaRole.Link, new() { Name = "Boka en deltagare" }).ClickAsync();
        await ExpectHeadingAsync(soc, $"Boka deltagare hos {employer}");
        await AssertAccessibleAsync(soc);
        await soc.GetByLabel("Deltagarens personnummer").FillAsync(participant.Personnummer);
        await soc.GetByLabel("Från", new() { Exact = true }).FillAsync(Iso(Today.AddDays(7)));
        await soc.GetByLabel("Till", new() { Exact = true }).FillAsync(Iso(Today.AddDays(35)));
        await soc.GetByLabel("Timmar per vecka").FillAsync("30");
        await soc.GetByLabel("Deltagaren samtycker till att handledaren får veta deltagarens namn och datumen för praktiken").CheckAsync();
        await soc.GetByRole(AriaRole.Button, new() { Name = "Boka och lägg in i handlingsplanen" }).ClickAsync();
        await ExpectHeadingAsync(soc, $"Bokning för {participant.FullName}");
        await Expect(Flash(soc)).ToHaveTextAsync("Deltagaren är bokad och praktiken är inlagd i handlingsplanen.");
        await Expect(soc.Locator("#supervisor-may-know")).ToContainTextAsync(participant.FullName);
        await AssertAccessibleAsync(soc);

        await soc.GetByRole(AriaRole.Link, new() { Name = "Deltagarens handlingsplan" }).ClickAsync();
        await ExpectHeadingAsync(soc, $"Handlingsplan för {participant.FullName}");
        await Expect(soc.Locator("main")).ToContainTextAsync($"Praktik som bussförare hos {employer}");
        await AssertAccessibleAsync(soc);
    }
}
