using System.Net;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Employers;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Arbetsvagen.Tests.Hardening;

/// <summary>
/// The per-account lockout stays (five wrong passwords lock the account, even against the right one), and the owner's
/// next successful sign-in after it says, once, when the account was locked and after how many failed attempts.
/// </summary>
public sealed class LockoutNoticeTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task After_a_lockout_the_next_successful_sign_in_tells_when_and_why_once()
    {
        var user = await app.CreateUserAsync("Täby kommun – Jobbcentrum", Roles.LabourMarketConsultant);
        var before = await PageSession.SignInAsync(app, user.UserName, user.Password);
        Assert.Null((await before.GetAsync("/")).QuerySelector(".flash"));

        var failedFrom = DateTimeOffset.UtcNow;
        for (var i = 0; i < 5; i++)
        {
            await PostLoginAsync(user.UserName, "fel-lösenord-" + i).ShouldBe(HttpStatusCode.OK);
        }

        var failedUntil = DateTimeOffset.UtcNow;
        await PostLoginAsync(user.UserName, user.Password).ShouldBe(HttpStatusCode.OK); // locked: the right password gets the form again
        var (lockedAt, shown) = await EndLockoutAsync(user.UserName);

        var owner = await PageSession.SignInAsync(app, user.UserName, user.Password);
        var notice = (await owner.GetAsync("/")).QuerySelector(".flash")?.TextContent;
        var later = await PageSession.SignInAsync(app, user.UserName, user.Password);

        Assert.InRange(lockedAt, failedFrom.AddSeconds(-1), failedUntil.AddSeconds(1));
        Assert.NotNull(notice);
        Assert.Contains($"Ditt konto låstes {Ui.Time(shown.UtcDateTime)} efter 5 misslyckade inloggningsförsök", notice, StringComparison.Ordinal);
        Assert.Null((await later.GetAsync("/")).QuerySelector(".flash"));
    }

    private async Task<HttpResponseMessage> PostLoginAsync(string userName, string password) =>
        await new Visitor(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }))
            .PostAsync("/Account/Login", "/Account/Login", new() { ["UserName"] = userName, ["Password"] = password });

    /// <summary>
    /// Lets the fifteen minutes pass by moving the account's lockout end to a second ago. Answers when the lockout began
    /// (by the end Identity set) and the time the notice must show for the moved end.
    /// </summary>
    private Task<(DateTimeOffset LockedAt, DateTimeOffset Shown)> EndLockoutAsync(string userName) => app.WithScopeAsync(async services =>
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByNameAsync(userName) ?? throw new InvalidOperationException("No user.");
        var end = user.LockoutEnd ?? throw new Xunit.Sdk.XunitException("The account was not locked.");
        var moved = DateTimeOffset.UtcNow.AddSeconds(-1);
        await users.SetLockoutEndDateAsync(user, moved);
        var length = users.Options.Lockout.DefaultLockoutTimeSpan;
        return (end - length, moved - length);
    });
}
