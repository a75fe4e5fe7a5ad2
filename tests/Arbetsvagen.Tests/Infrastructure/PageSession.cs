using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace Arbetsvagen.Tests.Infrastructure;

/// <summary>A signed-in browser session for page tests: a cookie client, forms posted with their antiforgery token, HTML parsed.</summary>
public sealed class PageSession
{
    private static readonly HtmlParser Parser = new();

    private PageSession(HttpClient client) => Client = client;

    public HttpClient Client { get; }

    public static async Task<PageSession> SignInAsync(AppFactory app, string userName, string password = AppFactory.DemoPassword)
    {
        var session = new PageSession(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        await session.PostAsync("/Account/Login", "/Account/Login", new() { ["UserName"] = userName, ["Password"] = password })
            .ShouldBe(HttpStatusCode.Redirect);
        return session;
    }

    /// <summary>The page at <paramref name="path"/>, which must answer <paramref name="expected"/>.</summary>
    public async Task<IHtmlDocument> GetAsync(string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        await DocumentAsync(await Client.GetAsync(path).ShouldBe(expected));

    public Task<IHtmlDocument> PageAsync(string path) => GetAsync(path);

    /// <summary>Posts <paramref name="fields"/> to <paramref name="action"/> with the antiforgery token of the page at <paramref name="from"/>.</summary>
    public async Task<HttpResponseMessage> PostAsync(string from, string action, Dictionary<string, string> fields) =>
        await PostAsync(await GetAsync(from), action, fields);

    /// <summary>Posts <paramref name="fields"/> to <paramref name="action"/> with the antiforgery token of <paramref name="page"/>.</summary>
    public Task<HttpResponseMessage> PostAsync(IDocument page, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The page has no antiforgery token.");
        return Client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>Posts a form to <paramref name="path"/> as the page <paramref name="from"/> would.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, IDocument from, Dictionary<string, string> fields) => PostAsync(from, path, fields);

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

    public static async Task<IHtmlDocument> DocumentAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>The response parsed, after checking its status when <paramref name="expected"/> is given.</summary>
    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response, HttpStatusCode? expected = null)
    {
        if (expected is { } status)
        {
            await response.ShouldBe(status);
        }

        return await DocumentAsync(response);
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
