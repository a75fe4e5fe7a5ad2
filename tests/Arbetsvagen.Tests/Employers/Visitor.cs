using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Arbetsvagen.Tests.Employers;

/// <summary>A visitor of the public pages: no login, cookies kept (antiforgery), forms posted with the page's token.</summary>
public sealed class Visitor(HttpClient client)
{
    public static Visitor Of(AppFactory app) => new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task<IHtmlDocument> GetAsync(string path) => await PageSession.ParseAsync(await client.GetAsync(path), HttpStatusCode.OK);

    public async Task<HttpResponseMessage> PostAsync(string from, string action, Dictionary<string, string> fields) =>
        await PostAsync(await GetAsync(from), action, fields);

    public Task<HttpResponseMessage> PostAsync(IDocument page, string action, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException("The page has no antiforgery token.");
        return client.PostAsync(action, new FormUrlEncodedContent(fields));
    }
}
