using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Arbetsvagen.Tests.Participants;

/// <summary>
/// A signed-in browser without JavaScript: reads pages as AngleSharp documents and submits their forms as a browser
/// would (the fields in document order with their current values, checked boxes only), with chosen fields changed.
/// </summary>
public sealed class FormSession(HttpClient client)
{
    private static readonly HtmlParser Parser = new();

    public HttpClient Client { get; } = client;

    /// <summary>Signs in through the login form with the demo password; the client keeps the cookie.</summary>
    public static async Task<FormSession> SignInAsync(AppFactory app, string userName)
    {
        var session = new FormSession(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var login = await session.GetAsync("/Account/Login");
        var answer = await session.SubmitAsync("/Account/Login", login, new() { ["UserName"] = [userName], ["Password"] = [AppFactory.DemoPassword] });
        await answer.ShouldBe(HttpStatusCode.Redirect);
        return session;
    }

    public async Task<IHtmlDocument> GetAsync(string path) => await ParseAsync(await Client.GetAsync(path).ShouldBe(HttpStatusCode.OK));

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>
    /// Posts the form in the page's main part to <paramref name="path"/> (the page's own address, where these forms
    /// post). A field in <paramref name="changes"/> replaces every value the form has under that name.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string path, IHtmlDocument page, Dictionary<string, string[]> changes)
    {
        var form = page.QuerySelector<IHtmlFormElement>("main form[method=post]")!;
        var fields = Fields(form).Where(f => !changes.ContainsKey(f.Key))
            .Concat(changes.SelectMany(c => c.Value.Select(v => KeyValuePair.Create(c.Key, v))));
        return await Client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>What the form would send as it stands.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Fields(IHtmlFormElement form)
    {
        foreach (var element in form.QuerySelectorAll("input[name], select[name], textarea[name]"))
        {
            var name = element.GetAttribute("name")!;
            switch (element)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } box when box.IsChecked:
                    yield return KeyValuePair.Create(name, box.Value);
                    break;
                case IHtmlInputElement { Type: "checkbox" or "radio" or "submit" or "button" }:
                    break;
                case IHtmlInputElement input:
                    yield return KeyValuePair.Create(name, input.Value);
                    break;
                case IHtmlSelectElement select:
                    var option = select.Options.FirstOrDefault(o => o.IsSelected) ?? (select.Options.Length > 0 ? select.Options[0] : null);
                    if (option is not null)
                    {
                        yield return KeyValuePair.Create(name, option.Value);
                    }

                    break;
                case IHtmlTextAreaElement area:
                    yield return KeyValuePair.Create(name, area.Value);
                    break;
            }
        }
    }

    /// <summary>The text of an element, spaces collapsed.</summary>
    public static string Text(IElement? element) => string.Join(' ', (element?.TextContent ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
