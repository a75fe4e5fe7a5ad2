using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;
using Xunit;

namespace Arbetsvagen.BrowserTests.Infrastructure;

/// <summary>axe-core over the page as it is now: WCAG 2.0/2.1 level A and AA rules, zero violations allowed.</summary>
public static class Accessibility
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    private static readonly AxeRunOptions Options = new() { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] } };

    /// <summary>The same run options for axe.run in the page: the rules of <see cref="Tags"/>, with details only for violations.</summary>
    private static readonly string InPageOptions = JsonSerializer.Serialize(new
    {
        runOnly = new { type = "tag", values = Tags },
        resultTypes = new[] { "violations" },
    });

    /// <summary>axe-core as Deque.AxeCore.Playwright bundles it (the same version RunAxe injects).</summary>
    private static readonly Lazy<string> AxeSource = new(() => new BundledAxeScriptProvider().GetScript());

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
        var result = await RunAsync(page);
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

    /// <summary>
    /// The application's pages are one document without frames: for those, axe.run in the page itself checks the same
    /// rules on the same DOM as RunAxe, whose cross-frame protocol (axe.runPartial in every frame, then axe.finishRun in
    /// a new, blank browser page) spent about 3 of every 3.5 seconds opening that page and injecting axe twice. A page
    /// with frames still gets RunAxe.
    /// </summary>
    private static async Task<AxeResult> RunAsync(IPage page)
    {
        if (page.Frames.Count > 1)
        {
            return await page.RunAxe(Options);
        }

        if (!await page.EvaluateAsync<bool>("() => typeof window.axe?.run === 'function'"))
        {
            await page.EvaluateAsync(AxeSource.Value);
        }

        var json = await page.EvaluateAsync<string>("async options => JSON.stringify(await axe.run(document, JSON.parse(options)))", InPageOptions);
        return new AxeResult(JObject.Parse(json));
    }
}
