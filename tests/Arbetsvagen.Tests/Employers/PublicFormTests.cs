using System.Net;
using Arbetsvagen.Features.Employers;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Arbetsvagen.Tests.Employers;

/// <summary>
/// The public form, without login: server-side validation naming each field, the honeypot, and that a sent form lands
/// as an incoming need on the coordinators' work list. (The rate limit has a class of its own: it counts every post.)
/// </summary>
public sealed class PublicFormTests(AppFactory app) : IClassFixture<AppFactory>
{
    public static Dictionary<string, string> Valid(string senderName) => new()
    {
        ["Form.Kind"] = "placementOffer",
        ["Form.EmployerName"] = senderName,
        ["Form.OrganisationNumber"] = EmployerTestData.NextNumber(),
        ["Form.MunicipalityCode"] = "0187",
        ["Form.ContactName"] = "Greta Provsson",
        ["Form.Email"] = "greta@prov.example",
        ["Form.Occupation"] = "Båtbyggare",
        ["Form.NumberOfPeople"] = "2",
        ["Form.Requirements"] = "Praktik i sex veckor.",
        ["Website"] = "",
    };

    private Visitor Anonymous() => Visitor.Of(app);

    private Task<int> NeedsFromAsync(string senderName) => app.WithDbAsync(db => db.CompetenceNeeds.CountAsync(n => n.SenderName == senderName));

    [Fact]
    public async Task A_sent_form_lands_as_an_incoming_need_for_the_coordinators()
    {
        var sender = TestPeople.UniqueLastName("Varvet ") + " AB";
        var visitor = Anonymous();

        var sent = await visitor.PostAsync("/Public/Offer", "/Public/Offer", Valid(sender)).ShouldBe(HttpStatusCode.Redirect);
        var thanks = await visitor.GetAsync(sent.Headers.Location!.OriginalString);

        Assert.Contains(OfferModel.Received, thanks.QuerySelector(".flash")!.TextContent, StringComparison.Ordinal);
        var need = await app.WithDbAsync(db => db.CompetenceNeeds.SingleAsync(n => n.SenderName == sender));
        Assert.Equal(NeedStatus.Received, need.Status);
        Assert.Equal(NeedSource.WebForm, need.Source);
        Assert.Equal("kBdt_K9U_vgC", need.OccupationConceptId); // "Båtbyggare" is one occupation's exact name
        var coordinator = await PageSession.SignInAsync(app, "samordnare.nordost");
        var home = await coordinator.PageAsync("/");
        Assert.Contains(sender, home.GetElementById("incoming-needs")!.TextContent, StringComparison.Ordinal);
        var page = await coordinator.PageAsync($"/Employers/Need/{need.Id}");
        Assert.Contains("Greta Provsson", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Single(await app.AccessLogAsync(a => a.EntityType == "CompetenceNeed" && a.EntityId == need.Id.ToString() && a.Action == "read"));
    }

    [Fact]
    public async Task Bad_input_is_shown_at_each_field_in_swedish_and_nothing_is_saved()
    {
        var sender = TestPeople.UniqueLastName("Felet ") + " AB";
        var fields = Valid(sender);
        fields["Form.Kind"] = "";
        fields["Form.OrganisationNumber"] = "123";
        fields["Form.Email"] = "";
        fields["Form.Occupation"] = "";
        fields["Form.NumberOfPeople"] = "många";
        fields["Form.MunicipalityCode"] = "9999";

        var page = await PageSession.ParseAsync(await Anonymous().PostAsync("/Public/Offer", "/Public/Offer", fields), HttpStatusCode.OK);

        Assert.Contains("Välj vad du vill anmäla", PageSession.MessageAt(page, "Kind"), StringComparison.Ordinal);
        Assert.Contains("tio siffror", PageSession.MessageAt(page, "OrganisationNumber"), StringComparison.Ordinal);
        Assert.Contains("e-post eller telefonnummer", PageSession.MessageAt(page, "Email"), StringComparison.Ordinal);
        Assert.Contains("yrke", PageSession.MessageAt(page, "Occupation"), StringComparison.Ordinal);
        Assert.Contains("Antal personer", PageSession.MessageAt(page, "NumberOfPeople"), StringComparison.Ordinal);
        Assert.Contains("Kommunkoden", PageSession.MessageAt(page, "MunicipalityCode"), StringComparison.Ordinal);
        Assert.Equal(6, PageSession.Summary(page).Count);
        Assert.Equal(0, await NeedsFromAsync(sender));
    }

    [Fact]
    public async Task A_filled_honeypot_is_answered_like_a_success_and_discarded()
    {
        var sender = TestPeople.UniqueLastName("Roboten ") + " AB";
        var fields = Valid(sender);
        fields["Website"] = "http://spam.example";

        await Anonymous().PostAsync("/Public/Offer", "/Public/Offer", fields).ShouldBe(HttpStatusCode.Redirect);

        Assert.Equal(0, await NeedsFromAsync(sender));
    }

    [Fact]
    public async Task The_form_needs_its_antiforgery_token_and_no_login_and_hides_the_honeypot()
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var page = await PageSession.ParseAsync(await client.GetAsync("/Public/Offer"), HttpStatusCode.OK);
        var statement = await PageSession.ParseAsync(await client.GetAsync("/Accessibility"), HttpStatusCode.OK);
        var posted = await client.PostAsync("/Public/Offer", new FormUrlEncodedContent(Valid("Utan token AB")));

        Assert.Equal("Anmäl kompetensbehov eller praktikplats – Arbetsvägen", page.Title);
        Assert.Equal("true", page.GetElementById("Website")!.ParentElement!.GetAttribute("aria-hidden"));
        Assert.Equal("-1", page.GetElementById("Website")!.GetAttribute("tabindex"));
        Assert.Null(page.QuerySelector(".user-box"));
        Assert.Single(statement.QuerySelectorAll("h1"));
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
    }
}

/// <summary>Five posts in ten minutes from one address; the sixth gets 429 with a Swedish page, while reading the form is never limited.</summary>
public sealed class PublicFormRateLimitTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_sixth_post_from_one_address_gets_429_in_swedish()
    {
        // The test host lifts the limits; this test sets the product's own.
        using var limited = app.WithWebHostBuilder(b => b.UseSetting("RateLimits:PublicForm:PermitLimit", "5"));
        var visitor = new Visitor(limited.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var page = await visitor.GetAsync("/Public/Offer");
        for (var i = 0; i < 5; i++)
        {
            var fields = PublicFormTests.Valid(TestPeople.UniqueLastName("Flitiga ") + " AB");
            await visitor.PostAsync(page, "/Public/Offer", fields).ShouldBe(HttpStatusCode.Redirect);
        }

        var refused = await visitor.PostAsync(page, "/Public/Offer", PublicFormTests.Valid("Den sjätte AB"));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Contains("För många försök", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.CompetenceNeeds.CountAsync(n => n.SenderName == "Den sjätte AB")));
        await visitor.GetAsync("/Public/Offer"); // reading is not limited
    }
}
