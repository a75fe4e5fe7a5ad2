using Arbetsvagen.BrowserTests.Infrastructure;
using Microsoft.Playwright;
using Xunit;
using static Microsoft.Playwright.Assertions;

namespace Arbetsvagen.BrowserTests;

/// <summary>Login answers, lockout, two-factor sign-in, logout and what a role without participant access sees.</summary>
public sealed class LoginAndRoleTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task Unknown_user_and_wrong_password_get_the_same_answer()
    {
        var unknown = await NewPageAsync();
        await SubmitLoginAsync(unknown, "finns.inte", BrowserApp.DemoPassword);
        var wrong = await NewPageAsync();
        await SubmitLoginAsync(wrong, "soc.taby", "Fel-losenord-2026");

        foreach (var page in new[] { unknown, wrong })
        {
            await ExpectHeadingAsync(page, "Logga in");
            await Expect(ErrorSummary(page)).ToContainTextAsync(LoginFailure);
            await Expect(page.GetByLabel("Lösenord")).ToHaveValueAsync("");
            await AssertAccessibleAsync(page);
        }

        Assert.Equal(await unknown.Locator("main").InnerTextAsync(), await wrong.Locator("main").InnerTextAsync());
        Assert.Equal("soc.taby", await wrong.GetByLabel("Användarnamn").InputValueAsync());
    }

    [Fact]
    public async Task After_five_wrong_passwords_even_the_right_one_gets_the_same_answer()
    {
        // A KAA officer of its own: the lockout lasts 15 minutes and must not reach the tests that share the server.
        var userName = await App.CreateUserLikeAsync("kaa.norrtalje");
        var page = await NewPageAsync();
        for (var i = 0; i < 5; i++)
        {
            await SubmitLoginAsync(page, userName, $"Fel-losenord-{i}");
            await Expect(ErrorSummary(page)).ToContainTextAsync(LoginFailure);
        }

        await SubmitLoginAsync(page, userName, BrowserApp.DemoPassword);
        await ExpectHeadingAsync(page, "Logga in");
        await Expect(ErrorSummary(page)).ToContainTextAsync(LoginFailure);
        await Expect(page.Locator(".hint")).ToContainTextAsync("Efter fem misslyckade försök låses kontot i 15 minuter.");
    }

    [Fact]
    public async Task An_analyst_sees_no_participant_data()
    {
        var caseworker = await LoginAsync("soc.taby");
        var participant = await RegisterParticipantAsync(caseworker);

        var page = await LoginAsync("analytiker");
        var nav = MainNav(page);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Mina ärenden" })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Organisationer" })).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Deltagare", Exact = true })).ToHaveCountAsync(0);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Ny deltagare" })).ToHaveCountAsync(0);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Loggkontroll" })).ToHaveCountAsync(0);
        await Expect(page.Locator("main")).ToContainTextAsync("Din roll arbetar inte med enskilda deltagare");
        // The start page shows the region's figures (counts only): no person, and no way to one.
        await Expect(page.Locator("main")).Not.ToContainTextAsync(participant.LastName);
        await Expect(page.Locator("main")).Not.ToContainTextAsync(participant.Personnummer);
        await Expect(page.Locator("main a[href*='/Participants/']")).ToHaveCountAsync(0);

        foreach (var path in new[] { "/Participants", "/Participants/Create" })
        {
            await page.GotoAsync(path);
            await ExpectHeadingAsync(page, "Behörighet saknas");
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/AccessDenied"));
            await Expect(page.Locator("main table")).ToHaveCountAsync(0);
            await AssertAccessibleAsync(page);
        }

        foreach (var path in new[] { participant.DetailsPath, $"/Participants/Edit/{participant.Id}", $"/Consents/Create/{participant.Id}" })
        {
            await page.GotoAsync(path);
            await Expect(Heading(page)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(Sidan finns inte|Behörighet saknas)$"));
            await Expect(page.Locator("body")).Not.ToContainTextAsync(participant.LastName);
            await Expect(page.Locator("body")).Not.ToContainTextAsync(participant.Personnummer);
        }

        // The participant search is a form post; it is refused the same way.
        var response = await page.APIRequest.GetAsync("/Participants", new() { MaxRedirects = 0 });
        Assert.Equal(302, response.Status);
        Assert.Contains("/Account/AccessDenied", response.Headers["location"], StringComparison.Ordinal);

        // Nor is the administrator's access log open to the analyst.
        await page.GotoAsync("/AccessLog");
        await ExpectHeadingAsync(page, "Behörighet saknas");
    }

    [Fact]
    public async Task A_user_turns_on_two_factor_sign_in_and_then_needs_the_code_to_log_in()
    {
        // A consultant of its own: two-factor sign-in stays on, and must not reach the tests that share the server.
        var userName = await App.CreateUserLikeAsync("jobb.vaxholm");
        var page = await LoginAsync(userName);
        await page.GetByRole(AriaRole.Link, new() { Name = "Tvåfaktor" }).ClickAsync();
        await ExpectHeadingAsync(page, "Tvåfaktorsinloggning");
        await AssertAccessibleAsync(page);
        var key = await page.Locator("code.key").InnerTextAsync();

        var code = page.GetByLabel("Kod från appen");
        await code.FillAsync("000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000");
        await code.PressAsync("Enter");
        await Expect(ErrorSummary(page)).ToContainTextAsync("Koden stämmer inte.");
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Kod från appen").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByLabel("Kod från appen").PressAsync("Enter");
        await Expect(page.Locator("main")).ToContainTextAsync("Tvåfaktorsinloggning är aktiverad för ditt konto.");
        await AssertAccessibleAsync(page);

        // Log out; the session is gone.
        await page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" }).ClickAsync();
        await ExpectHeadingAsync(page, "Logga in");
        await page.GotoAsync("/");
        await ExpectHeadingAsync(page, "Logga in");

        // The password alone is no longer enough: the code page asks for the authenticator code.
        await SubmitLoginAsync(page, userName, BrowserApp.DemoPassword);
        await ExpectHeadingAsync(page, "Tvåfaktorsinloggning");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/LoginWith2fa"));
        await AssertAccessibleAsync(page);
        var second = page.GetByLabel("Kod från autentiseringsappen");
        await second.FillAsync("000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000");
        await second.PressAsync("Enter");
        await Expect(ErrorSummary(page)).ToContainTextAsync("Koden stämmer inte. Försök igen.");
        await AssertAccessibleAsync(page);

        await page.GetByLabel("Kod från autentiseringsappen").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByLabel("Kod från autentiseringsappen").PressAsync("Enter");
        await ExpectHeadingAsync(page, "Mina ärenden");
        await Expect(page.GetByText(userName)).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_form_whose_antiforgery_cookie_is_gone_gets_an_explanation_and_works_after_a_reload()
    {
        var page = await LoginAsync("soc.vaxholm");
        await VisitAsync(page, "/Participants/Create", "Ny deltagare");
        await page.Context.ClearCookiesAsync(new() { NameRegex = new System.Text.RegularExpressions.Regex("^\\.AspNetCore\\.Antiforgery") });
        await page.GetByLabel("Förnamn").FillAsync("Glömda");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera deltagare" }).ClickAsync();

        await ExpectHeadingAsync(page, "Formuläret kunde inte tas emot");
        await Expect(page.Locator("main")).ToContainTextAsync("ladda om sidan och försök igen");
        await AssertAccessibleAsync(page);

        // Still logged in: reloading the form gives a fresh token and the form works again.
        await VisitAsync(page, "/Participants/Create", "Ny deltagare");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrera deltagare" }).ClickAsync();
        await Expect(ErrorSummary(page)).ToContainTextAsync("Förnamn måste anges.");
    }

    [Fact]
    public async Task Opening_the_two_factor_page_does_not_end_the_session()
    {
        var page = await LoginAsync("syv.kcno");
        await VisitAsync(page, "/Account/TwoFactor", "Tvåfaktorsinloggning");

        // The cookie's security stamp is checked again after 30 seconds (SecurityStampValidatorOptions).
        await Task.Delay(TimeSpan.FromSeconds(32), TestContext.Current.CancellationToken);
        await page.GotoAsync("/Organisations");
        await ExpectHeadingAsync(page, "Organisationer");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Logga ut" })).ToBeVisibleAsync();
    }
}
