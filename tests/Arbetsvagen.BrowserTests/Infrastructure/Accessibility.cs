using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit;

namespace Arbetsvagen.BrowserTests.Infrastructure;

/// <summary>axe-core over the page as it is now: WCAG 2.0/2.1 level A and AA rules, zero violations allowed.</summary>
public static class Accessibility
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        if (await ViolationsAsync(page) is { } report)
        {
            Assert.Fail(report);
        }
    }

    /// <summary>A readable report (rule id, impact, help, each offending element's selector and why), or null when clean.</summary>
    public static async Task<string?> ViolationsAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] },
        });
        if (result.Violations.Length == 0)
        {
            return null;
        }

        var message = new StringBuilder();
        message.AppendLine($"axe-core found {result.Violations.Length} WCAG 2.1 A/AA violation(s) on {page.Url} (\"{await page.TitleAsync()}\"):");
        foreach (var violation in result.Violations)
        {
            message.AppendLine($"- {violation.Id} [{violation.Impact}]: {violation.Help} ({violation.HelpUrl})");
            foreach (var node in violation.Nodes)
            {
                var checks = (node.Any ?? []).Concat(node.All ?? []).Concat(node.None ?? [])
                    .Select(c => c.Message).Where(m => !string.IsNullOrWhiteSpace(m));
                message.AppendLine($"    {node.Target}: {string.Join(" / ", checks)}");
                message.AppendLine($"      {node.Html}");
            }
        }

        return message.ToString();
    }
}
