using System.Net;
using System.Net.Http.Json;
using Arbetsvagen.Features.Employers;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Infrastructure;
using Arbetsvagen.Tests.Placements;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Arbetsvagen.Tests.Employers;

/// <summary>
/// Contact persons and workplaces are changed and removed on their own pages and through the API, by the same use
/// cases: a contact person's every read and change is logged, and a workplace that placements use is not removed.
/// </summary>
public sealed class ContactsAndWorkplacesTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static object Workplace(string name, string municipalityCode = "0160") =>
        new { name, streetAddress = "Ny väg 2", postalCode = "18371", city = "Täby", municipalityCode, transportNote = "Buss 620." };

    [Fact]
    public async Task A_workplace_that_a_placement_uses_is_not_removed_nor_moved_to_another_municipality()
    {
        var (employer, used) = await app.EmployerAsync(TestPeople.UniqueLastName("Platsbolaget ") + " AB");
        var jobb = await app.ClientFor("jobb.taby");
        await jobb.PostAsJsonAsync("/api/v1/placements", PlacementTestData.PlacementBody(employer, used)).ShouldBe(HttpStatusCode.Created);
        var spare = (await jobb.PostAsJsonAsync($"/api/v1/employers/{employer}/workplaces", Workplace("Lagret")).JsonAsync(HttpStatusCode.Created)).Id();

        var removal = await jobb.DeleteAsync($"/api/v1/employers/{employer}/workplaces/{used}").ProblemAsync(HttpStatusCode.Conflict);
        var move = await jobb.PutAsJsonAsync($"/api/v1/employers/{employer}/workplaces/{used}", Workplace("Depå Täby", "0188"))
            .ProblemAsync(HttpStatusCode.Conflict);
        var renamed = await jobb.PutAsJsonAsync($"/api/v1/employers/{employer}/workplaces/{used}", Workplace("Depå Täby norra"))
            .JsonAsync(HttpStatusCode.OK);
        await jobb.DeleteAsync($"/api/v1/employers/{employer}/workplaces/{spare}").ShouldBe(HttpStatusCode.NoContent);

        Assert.Equal("Arbetsstället Depå Täby kan inte tas bort: en praktikplats finns där. Flytta den till ett annat arbetsställe först.",
            (string?)removal["detail"]);
        Assert.Contains("Kommunen för arbetsstället Depå Täby kan inte ändras", (string?)move["detail"], StringComparison.Ordinal);
        Assert.Equal("Depå Täby norra", (string?)renamed["name"]);
        Assert.Equal("18371", ((string?)renamed["postalCode"])?.Replace(" ", "", StringComparison.Ordinal));
        var workplaces = await app.WithDbAsync(db => db.Workplaces.Where(w => w.EmployerId == employer).Select(w => w.Id).ToListAsync());
        Assert.Equal([used], workplaces);
    }

    [Fact]
    public async Task A_bad_workplace_change_names_its_fields()
    {
        var (employer, workplace) = await app.EmployerAsync();
        var jobb = await app.ClientFor("jobb.taby");

        var problem = await jobb.PutAsJsonAsync($"/api/v1/employers/{employer}/workplaces/{workplace}",
            new { name = "", streetAddress = "Gatan 1", postalCode = "1", city = "Täby", municipalityCode = "9999" }).ProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal("Ange arbetsställets namn.", problem.FieldErrors("name").Single());
        Assert.Contains("183 70", problem.FieldErrors("postalCode").Single(), StringComparison.Ordinal);
        Assert.Contains("Kommunkoden finns inte", problem.FieldErrors("municipalityCode").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removing_a_contact_person_is_logged_and_the_contact_log_keeps_its_entries_without_the_name()
    {
        var id = await app.CreateEmployerAsync();
        var jobb = await app.ClientFor("jobb.taby");
        var contact = (await jobb.PostAsJsonAsync($"/api/v1/employers/{id}/contacts", new { name = "Bo Borttagen" }).JsonAsync(HttpStatusCode.Created)).Id();
        var today = SwedishTime.Today(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var entry = (await jobb.PostAsJsonAsync($"/api/v1/employers/{id}/contact-log",
            new { kind = "phoneCall", occurredOn = today, contactPersonId = contact, notes = "Samtal om praktik." }).JsonAsync(HttpStatusCode.Created)).Id();

        await jobb.DeleteAsync($"/api/v1/employers/{id}/contacts/{contact}").ShouldBe(HttpStatusCode.NoContent);
        await jobb.DeleteAsync($"/api/v1/employers/{id}/contacts/{contact}").ProblemAsync(HttpStatusCode.Conflict);

        Assert.Empty(await jobb.GetAsync($"/api/v1/employers/{id}/contacts").JsonArrayAsync(HttpStatusCode.OK));
        var log = await jobb.GetAsync($"/api/v1/employers/{id}/contact-log").JsonArrayAsync(HttpStatusCode.OK);
        Assert.Equal(entry.ToString(), (string?)log.Single()!["id"]);
        Assert.Null((string?)log.Single()!["contactPersonId"]);
        Assert.Single(await app.AccessLogAsync(a => a.EntityType == "EmployerContact" && a.EntityId == contact.ToString() && a.Action == AccessAction.Delete));
    }

    [Fact]
    public async Task The_contact_page_reads_with_a_log_row_changes_and_removes()
    {
        var id = await app.CreateEmployerAsync();
        var jobb = await app.ClientFor("jobb.taby");
        var contact = (await jobb.PostAsJsonAsync($"/api/v1/employers/{id}/contacts",
            new { name = "Sara Sida", role = "HR", phone = "08-123 456 78" }).JsonAsync(HttpStatusCode.Created)).Id();
        var page = await PageSession.SignInAsync(app, "af.nordost");
        var path = $"/Employers/Contact/{id}/{contact}";

        var details = await page.PageAsync($"/Employers/Details/{id}");
        Assert.NotNull(details.QuerySelector($"a[href='{path}']"));
        Task<List<AccessLogEntry>> Reads() => app.AccessLogAsync(a => a.EntityType == "EmployerContact" && a.UserName == "af.nordost"
            && a.Action == AccessAction.Read && a.EntityId == id.ToString() && a.ResultIds == contact.ToString());
        var before = (await Reads()).Count;
        var form = await page.PageAsync(path);
        Assert.Equal("Sara Sida", form.GetElementById("Contact_Name")!.GetAttribute("value"));
        Assert.Equal(before + 1, (await Reads()).Count);

        var refused = await PageSession.ParseAsync(await page.PostAsync(form, path,
            new() { ["Contact.Name"] = "", ["Contact.Email"] = "fel" }), HttpStatusCode.OK);
        Assert.Equal("Ange kontaktpersonens namn.", PageSession.MessageAt(refused, "Contact_Name"));
        Assert.Contains("E-postadressen", PageSession.MessageAt(refused, "Contact_Email"), StringComparison.Ordinal);

        var saved = await page.PostAsync(form, path, new() { ["Contact.Name"] = "Sara Sida", ["Contact.Role"] = "Rekryterare", ["Contact.Phone"] = "08-123 456 78" })
            .ShouldBe(HttpStatusCode.Redirect);
        Assert.Equal($"/Employers/Details/{id}#contacts", saved.Headers.Location!.OriginalString);
        Assert.Equal("Rekryterare", (string?)(await jobb.GetAsync($"/api/v1/employers/{id}/contacts").JsonArrayAsync(HttpStatusCode.OK)).Single()!["role"]);

        await page.PostAsync(form, path + "?handler=Remove", new()).ShouldBe(HttpStatusCode.Redirect);
        Assert.Empty(await jobb.GetAsync($"/api/v1/employers/{id}/contacts").JsonArrayAsync(HttpStatusCode.OK));
        var rows = await app.AccessLogAsync(a => a.EntityType == "EmployerContact" && a.EntityId == contact.ToString() && a.UserName == "af.nordost");
        Assert.Contains(rows, r => r.Action == AccessAction.Update);
        Assert.Contains(rows, r => r.Action == AccessAction.Delete);
        await page.GetAsync(path, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_workplace_page_changes_a_workplace_and_shows_why_a_used_one_stays()
    {
        var (employer, workplace) = await app.EmployerAsync(TestPeople.UniqueLastName("Sidplatsen ") + " AB");
        var jobb = await app.ClientFor("jobb.taby");
        await jobb.PostAsJsonAsync("/api/v1/placements", PlacementTestData.PlacementBody(employer, workplace)).ShouldBe(HttpStatusCode.Created);
        var page = await PageSession.SignInAsync(app, "jobb.taby");
        var path = $"/Employers/Workplace/{employer}/{workplace}";
        var form = await page.PageAsync(path);
        Assert.Equal("Depåvägen 1", form.GetElementById("Workplace_StreetAddress")!.GetAttribute("value"));

        var fields = new Dictionary<string, string>
        {
            ["Workplace.Name"] = "Depå Täby", ["Workplace.StreetAddress"] = "Depåvägen 3", ["Workplace.PostalCode"] = "183 70", ["Workplace.City"] = "Täby",
            ["Workplace.MunicipalityCode"] = "0160", ["Workplace.TransportNote"] = "Buss 610.",
        };
        await page.PostAsync(form, path, fields).ShouldBe(HttpStatusCode.Redirect);
        var kept = await PageSession.ParseAsync(await page.PostAsync(form, path + "?handler=Remove", new()), HttpStatusCode.OK);

        Assert.Contains("kan inte tas bort: en praktikplats finns där", kept.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Depåvägen 3", await app.WithDbAsync(db => db.Workplaces.Where(w => w.Id == workplace).Select(w => w.StreetAddress).SingleAsync()));
        var soc = await PageSession.SignInAsync(app, "soc.taby");
        await soc.Client.GetAsync(path).ShouldBe(HttpStatusCode.Redirect); // to access denied: the role reads, but does not change
    }
}
