using Arbetsvagen.BrowserTests.Infrastructure;
using Xunit;

namespace Arbetsvagen.BrowserTests;

/// <summary>
/// Chromium enforces the app's Content-Security-Policy: a script or style put into a page by anyone but the app's own
/// files does not take effect, and the refusal is seen (which is how every other journey shows that its pages need no
/// inline script or style).
/// </summary>
public sealed class ContentSecurityPolicyTests(BrowserApp app) : BrowserTest(app)
{
    [Fact]
    public async Task An_injected_inline_script_and_style_are_refused()
    {
        var page = await NewPageAsync();
        await page.GotoAsync("/Account/Login");

        await page.EvaluateAsync("""
            () => {
                const script = document.createElement('script');
                script.textContent = 'window.injected = true;';
                document.head.appendChild(script);
                document.querySelector('h1').setAttribute('style', 'color: rgb(255, 0, 0)');
            }
            """);

        Assert.False(await page.EvaluateAsync<bool>("() => window.injected === true"));
        Assert.NotEqual("rgb(255, 0, 0)", await page.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('h1')).color"));
        for (var waited = 0; ContentSecurityPolicy.RefusedOn(page).Count < 2 && waited < 5_000; waited += 100)
        {
            await Task.Delay(100);
        }

        Assert.Contains(ContentSecurityPolicy.RefusedOn(page), r => r.Contains("script-src", StringComparison.Ordinal));
        Assert.Contains(ContentSecurityPolicy.RefusedOn(page), r => r.Contains("style-src", StringComparison.Ordinal));
    }
}
