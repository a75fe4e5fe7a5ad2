using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using Xunit;

namespace Arbetsvagen.BrowserTests.Infrastructure;

/// <summary>
/// The pages run under the app's Content-Security-Policy (ADR 0016). Chromium reports what the policy refused (an
/// inline script or style, a foreign source) on the console; a watched page that had any such report fails its next
/// accessibility check, so a page that silently lost its script or style does not pass.
/// </summary>
public static class ContentSecurityPolicy
{
    private static readonly ConditionalWeakTable<IPage, List<string>> Refusals = [];

    public static void Watch(IPage page)
    {
        var refused = Refusals.GetOrCreateValue(page);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                lock (refused)
                {
                    refused.Add($"{page.Url}: {message.Text}");
                }
            }
        };
    }

    /// <summary>What the policy refused on the watched page so far.</summary>
    public static List<string> RefusedOn(IPage page)
    {
        if (!Refusals.TryGetValue(page, out var refused))
        {
            return [];
        }

        lock (refused)
        {
            return [.. refused];
        }
    }

    public static void AssertNoneRefused(IPage page)
    {
        var refused = RefusedOn(page);
        Assert.True(refused.Count == 0, "The Content-Security-Policy refused:\n" + string.Join("\n", refused));
    }
}
