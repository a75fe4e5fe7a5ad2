using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Arbetsvagen.Tests.Home;

/// <summary>A signed-in browser without JavaScript: a cookie session, pages read as parsed HTML, forms posted with their token.</summary>
public sealed class PageSession(HttpClient client)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client => client;

    public static async Task<PageSession> SignInAsync(AppFactory app, string userName)
    {
        var session = new PageSession(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var login = await session.PageAsync("/Account/Login");
        await session.PostAsync("/Account/Login", login, new() { ["UserName"] = userName, ["Password"] = AppFactory.DemoPassword })
            .ShouldBe(HttpStatusCode.Redirect);
        return session;
    }

    /// <summary>The page at <paramref name="path"/>, which must answer 200.</summary>
    public async Task<IDocument> PageAsync(string path) => await ParseAsync(await client.GetAsync(path).ShouldBe(HttpStatusCode.OK));

    public static async Task<IDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Posts a form as the page <paramref name="from"/> would, with its antiforgery token.</summary>
    public Task<HttpResponseMessage> PostAsync(string path, IDocument from, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = from.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return client.PostAsync(path, new FormUrlEncodedContent(fields));
    }
}
