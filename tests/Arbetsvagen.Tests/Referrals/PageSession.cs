using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;

namespace Arbetsvagen.Tests.Referrals;

/// <summary>
/// A signed-in cookie session that reads pages as a browser would see their HTML (AngleSharp) and submits their forms
/// with the form's own address and antiforgery token, without running a browser.
/// </summary>
public sealed class PageSession
{
    private static readonly HtmlParser Parser = new();
    private readonly HttpClient client;

    private PageSession(HttpClient client) => this.client = client;

    public static async Task<PageSession> SignInAsync(AppFactory app, string userName, string password = AppFactory.DemoPassword)
    {
        var session = new PageSession(app.Anonymous());
        var login = await session.GetAsync("/Account/Login");
        var answer = await session.PostAsync(login, "/Account/Login", new() { ["UserName"] = userName, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return session;
    }

    public async Task<IDocument> GetAsync(string path) => await ParseAsync(await client.GetAsync(path), HttpStatusCode.OK);

    /// <summary>Posts <paramref name="fields"/> to <paramref name="action"/> with the antiforgery token of <paramref name="page"/>.</summary>
    public Task<HttpResponseMessage> PostAsync(IDocument page, string action, Dictionary<string, string> fields)
    {
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return client.PostAsync(action, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    /// <summary>
    /// Reads the page at <paramref name="path"/> and submits the form whose button reads <paramref name="button"/> to its
    /// own address; answers the page shown after it (a refused form is shown again with status 200).
    /// </summary>
    public async Task<IDocument> SubmitAsync(string path, string button, Dictionary<string, string> fields,
        HttpStatusCode expected = HttpStatusCode.OK)
    {
        var page = await GetAsync(path);
        var form = page.QuerySelectorAll("form").Single(f => f.QuerySelectorAll("button").Any(b => b.TextContent.Trim() == button));
        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : path;
        return await ParseAsync(await PostAsync(page, action, fields), expected);
    }

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        await response.ShouldBe(expected);
        return Parser.ParseDocument(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The error summary's links as (target, message), in the order shown.</summary>
    public static List<(string Target, string Message)> Summary(IDocument page) =>
        page.QuerySelectorAll(".error-summary a").Select(a => (a.GetAttribute("href")!, a.TextContent.Trim())).ToList();

    /// <summary>The message shown at the field with this id, inside the same field wrapper (null when none).</summary>
    public static string? MessageAt(IDocument page, string fieldId)
    {
        var field = page.GetElementById(fieldId) ?? throw new InvalidOperationException($"No field #{fieldId}.");
        var message = page.GetElementById($"{fieldId}-error");
        Assert.True(message is null || field.GetAttribute("aria-describedby") == message.Id, $"#{fieldId} is not described by its message.");
        Assert.True(message is null || message.ParentElement!.Contains(field) || field.Contains(message), $"The message is not at #{fieldId}.");
        return message?.TextContent.Trim();
    }
}
