using System.Net;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Home;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Arbetsvagen.Tests.Users;

/// <summary>The users page answers the user-administration outcomes: messages at their fields, a refusal in the summary, 404 for no one.</summary>
public sealed class UserPagesTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Creating_a_user_with_bad_fields_shows_each_message_at_its_field()
    {
        var admin = await PageSession.SignInAsync(app, "admin.taby");
        var page = await admin.PageAsync("/Users");

        var answer = await admin.PostAsync("/Users?handler=Create", page, new()
        {
            ["Input.UserName"] = "Ogiltigt Namn", ["Input.DisplayName"] = "", ["Input.Password"] = "kort",
        }).ShouldBe(HttpStatusCode.OK);
        var refused = await PageSession.ParseAsync(answer);

        Assert.StartsWith("Användarnamnet ska vara 3–50 tecken", refused.GetElementById("Input_UserName-error")!.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Ange namn (högst 200 tecken).", refused.GetElementById("Input_DisplayName-error")!.TextContent.Trim());
        Assert.Equal("Välj en organisation som du administrerar.", refused.GetElementById("Input_OrganisationId-error")!.TextContent.Trim());
        Assert.Equal("Lösenordet ska ha minst 10 tecken.", refused.GetElementById("Input_Password-error")!.TextContent.Trim());
        Assert.Contains("Välj minst en roll", refused.GetElementById("Input_Roles-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(5, refused.QuerySelectorAll(".error-summary li").Length);
    }

    [Fact]
    public async Task Disabling_the_own_account_on_the_page_is_refused_with_the_reason()
    {
        var admin = await PageSession.SignInAsync(app, "admin.taby");
        var page = await admin.PageAsync("/Users");
        var adminId = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "admin.taby").Select(u => u.Id).SingleAsync());

        var answer = await admin.PostAsync("/Users?handler=Disable", page, new() { ["userId"] = adminId.ToString() }).ShouldBe(HttpStatusCode.OK);

        var refused = await PageSession.ParseAsync(answer);
        Assert.Contains("Du kan inte stänga av ditt eget konto.", refused.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == adminId).Select(u => u.IsDisabled).SingleAsync()));
    }

    [Fact]
    public async Task Disabling_someone_outside_the_scope_on_the_page_is_not_found_and_a_user_in_it_is_disabled()
    {
        var admin = await PageSession.SignInAsync(app, "admin.taby");
        var page = await admin.PageAsync("/Users");
        var vaxholm = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "soc.vaxholm").Select(u => u.Id).SingleAsync());
        var user = await app.CreateUserAsync("Täby kommun – Jobbcentrum", Roles.LabourMarketConsultant);

        await admin.PostAsync("/Users?handler=Disable", page, new() { ["userId"] = vaxholm.ToString() }).ShouldBe(HttpStatusCode.NotFound);
        var done = await admin.PostAsync("/Users?handler=Disable", page, new() { ["userId"] = user.Id.ToString() }).ShouldBe(HttpStatusCode.Redirect);

        Assert.Equal("/Users", done.Headers.Location!.OriginalString);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.IsDisabled).SingleAsync()));
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == vaxholm).Select(u => u.IsDisabled).SingleAsync()));
    }
}
