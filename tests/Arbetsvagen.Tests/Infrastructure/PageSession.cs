using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Arbetsvagen.Tests.Infrastructure;

/// <summary>
/// A browser-like session on the pages: signed in with the cookie, forms posted with the page's antiforgery token,
/// answers read as HTML documents (AngleSharp).
/// </summary>
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

    public async Task<IHtmlDocument> GetAsync(string path, HttpStatusCode expected = HttpStatusCode.OK) =>
        await DocumentAsync(await Client.GetAsync(path).ShouldBe(expected));

    /// <summary>Posts <paramref name="fields"/> to <paramref name="action"/> with the antiforgery token of the page at <paramref name="from"/>.</summary>
    public async Task<HttpResponseMessage> PostAsync(string from, string action, Dictionary<string, string> fields)
    {
        var page = await GetAsync(from);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{from} has no antiforgery token.");
        fields["__RequestVerificationToken"] = token;
        return await Client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public static async Task<IHtmlDocument> DocumentAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
}
