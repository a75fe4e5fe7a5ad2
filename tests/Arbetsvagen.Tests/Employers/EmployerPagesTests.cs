using System.Net;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;

namespace Arbetsvagen.Tests.Employers;

/// <summary>The register's pages: messages at their fields, the duplicate linked, contacts hidden from the analyst.</summary>
internal static class LocationPath
{
    public static string PathAndQuery(this Uri uri) => uri.IsAbsoluteUri ? uri.PathAndQuery : uri.OriginalString;
}

public sealed class EmployerPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string> Form(string number, string name) => new()
    {
        ["Employer.OrganisationNumber"] = number,
        ["Employer.Name"] = name,
        ["Employer.SniGroup"] = "873",
        ["Employer.Size"] = "small",
        ["Workplace.Name"] = "",
    };

    [Fact]
    public async Task The_create_page_shows_each_message_at_its_field_and_links_a_registered_number()
    {
        var jobb = await PageSession.SignInAsync(app, "jobb.taby");
        var refused = await PageSession.ParseAsync(await jobb.PostAsync("/Employers/Create", "/Employers/Create",
            new Dictionary<string, string> { ["Employer.OrganisationNumber"] = "12", ["Workplace.PostalCode"] = "1" }), HttpStatusCode.OK);

        Assert.Contains("tio siffror", PageSession.MessageAt(refused, "OrganisationNumber"), StringComparison.Ordinal);
        Assert.Equal("Ange arbetsgivarens namn.", PageSession.MessageAt(refused, "Name"));
        Assert.Contains("183 70", PageSession.MessageAt(refused, "WorkplacePostalCode"), StringComparison.Ordinal);
        Assert.Equal("#OrganisationNumber", PageSession.Summary(refused)[0].Target);

        var number = EmployerTestData.NextNumber();
        var name = TestPeople.UniqueLastName("Sidbolaget ") + " AB";
        var created = await jobb.PostAsync("/Employers/Create", "/Employers/Create", Form(number, name)).ShouldBe(HttpStatusCode.Redirect);
        var details = await jobb.GetAsync(created.Headers.Location!.OriginalString);
        Assert.Equal(name, details.QuerySelector("h1")!.TextContent.Trim());

        var again = await PageSession.ParseAsync(await jobb.PostAsync("/Employers/Create", "/Employers/Create", Form(number, "Kopian AB")), HttpStatusCode.OK);
        Assert.Contains("redan registrerat", again.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(created.Headers.Location!.OriginalString, again.QuerySelector(".warning a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_analyst_sees_the_employer_but_not_its_contacts_nor_any_form()
    {
        var id = await app.CreateEmployerAsync();
        var analyst = await PageSession.SignInAsync(app, "analytiker");

        var page = await analyst.GetAsync($"/Employers/Details/{id}");

        Assert.Null(page.GetElementById("contacts"));
        Assert.Null(page.GetElementById("contact-log"));
        Assert.Empty(page.QuerySelectorAll("main form"));
        var denied = await analyst.Client.GetAsync("/Employers/Create").ShouldBe(HttpStatusCode.Redirect);
        Assert.StartsWith("/Account/AccessDenied", denied.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }
}
