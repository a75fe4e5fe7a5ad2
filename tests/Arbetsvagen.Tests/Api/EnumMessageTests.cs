using Arbetsvagen.Infrastructure.Demo;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Tests.Attendance;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;

namespace Arbetsvagen.Tests.Api;

/// <summary>
/// No message the API gives a person names an enum by its code word (the camelCase API name or the C# name, e.g.
/// "workTraining"): allowed values are named by their Swedish labels. Every operation of /openapi/v1.json that takes
/// a body or a query gets invalid values for every field its schema lists, and an empty body, on records that exist.
/// </summary>
public sealed class EnumMessageTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Invalid = "ogiltigt-värde";

    [Fact]
    public async Task No_error_message_of_the_api_names_an_enum_identifier()
    {
        var document = await app.Anonymous().GetAsync("/openapi/v1.json").JsonAsync(HttpStatusCode.OK);
        var ids = await RecordsAsync();
        var identifiers = EnumIdentifiers();
        var found = new SortedSet<string>(StringComparer.Ordinal);
        var reached = 0;

        foreach (var (path, method, operation) in Operations(document))
        {
            var body = operation["requestBody"]?["content"]?["application/json"]?["schema"];
            var query = operation["parameters"]?.AsArray().Where(p => (string?)p!["in"] == "query").Select(p => (string)p!["name"]!).ToList() ?? [];
            if (body is null && query.Count == 0)
            {
                continue;
            }

            var url = Url(path, ids) + (query.Count == 0 ? "" : "?" + string.Join('&', query.Select(q => $"{q}={Uri.EscapeDataString(Invalid)}")));
            var client = await app.ClientFor(Caller(path));
            var bodies = body is null ? [null] : new[] { Sample(document, body), new JsonObject() };
            foreach (var sample in bodies)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url);
                if (sample is not null)
                {
                    request.Content = JsonContent.Create(sample);
                }

                using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
                if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict)
                {
                    reached++;
                }

                foreach (var message in Messages(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)))
                {
                    var named = identifiers.Where(i => i.Value.IsMatch(message)).Select(i => i.Key).Order(StringComparer.Ordinal).ToList();
                    if (named.Count > 0)
                    {
                        found.Add($"{method.ToUpperInvariant()} {path}: \"{message}\" names {string.Join(", ", named)}");
                    }
                }
            }
        }

        Assert.True(reached > 10, $"Only {reached} requests reached validation; the test would prove nothing.");
        Assert.True(found.Count == 0, $"{found.Count} messages name an enum identifier:\n  {string.Join("\n  ", found)}");
    }

    /// <summary>Records the operations' ids can point at, so that validation is reached rather than 404.</summary>
    private async Task<Dictionary<string, Guid>> RecordsAsync()
    {
        var participant = await app.CreateParticipantAsync("soc.taby");
        var consent = await app.GiveConsentAsync(participant.Id, ["Arbetsförmedlingen Nordöstra Stockholm"], ["identity"]);
        var owner = await app.ClientFor("soc.taby");
        var opened = await owner.PostAsJsonAsync($"/api/v1/participants/{participant.Id}/cases",
            new { source = "socialServices", reason = "Ansökan om försörjningsstöd" }).JsonAsync(HttpStatusCode.Created);
        var entry = await owner.PostAsJsonAsync($"/api/v1/cases/{opened.Id()}/journal", new { type = "conversation", text = "Samtal." })
            .JsonAsync(HttpStatusCode.Created);
        return new Dictionary<string, Guid>(StringComparer.Ordinal)
        {
            ["participants"] = participant.Id,
            ["consents"] = consent,
            ["cases"] = opened.Id(),
            ["journal-entries"] = entry.Id(),
            ["activities"] = await app.ScheduleAsync(),
            ["users"] = (await app.CreateUserAsync(Arbetsvagen.Infrastructure.Demo.DemoNames.SocialServicesName("Täby"), Roles.SocialSecretary)).Id,
        };
    }

    private static string Caller(string path) =>
        path.StartsWith("/api/v1/activities", StringComparison.Ordinal) ? "jobb.taby"
        : path.StartsWith("/api/v1/users", StringComparison.Ordinal) || path.StartsWith("/api/v1/organisations", StringComparison.Ordinal)
            || path.StartsWith("/api/v1/access-log", StringComparison.Ordinal) ? "admin.taby"
        : "soc.taby";

    /// <summary>The path with each {parameter} replaced by the record of the segment before it (a new id if none).</summary>
    private static string Url(string path, Dictionary<string, Guid> ids)
    {
        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].StartsWith('{'))
            {
                segments[i] = segments[i] == "{number}" ? "1" : (ids.TryGetValue(segments[i - 1], out var id) ? id : Guid.NewGuid()).ToString();
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>A body with an invalid value of the right JSON type for every property the schema lists.</summary>
    private static JsonNode? Sample(JsonObject document, JsonNode? schema, int depth = 0)
    {
        if ((string?)schema?["$ref"] is { } reference)
        {
            schema = document["components"]!["schemas"]![reference.Split('/')[^1]];
        }

        var types = schema?["type"] switch
        {
            JsonArray many => many.Select(t => (string?)t).ToList(),
            JsonValue one => [(string?)one],
            _ => [],
        };
        if (schema?["properties"] is JsonObject properties && depth < 4)
        {
            var body = new JsonObject();
            foreach (var (name, property) in properties)
            {
                body[name] = Sample(document, property, depth + 1);
            }

            return body;
        }

        return types switch
        {
            _ when types.Contains("array") => new JsonArray(Sample(document, schema!["items"], depth + 1)),
            _ when types.Contains("integer") || types.Contains("number") => -1,
            _ when types.Contains("boolean") => true,
            // A malformed id would stop at JSON binding before any rule runs: an id of nothing is invalid further in.
            _ when (string?)schema?["format"] == "uuid" => Guid.NewGuid().ToString(),
            _ => Invalid,
        };
    }

    private static IEnumerable<string> Messages(string body)
    {
        JsonNode? problem;
        try
        {
            problem = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            yield break;
        }

        if (problem is not JsonObject p)
        {
            yield break;
        }

        foreach (var field in new[] { "title", "detail" })
        {
            if ((string?)p[field] is { } text)
            {
                yield return text;
            }
        }

        foreach (var (_, messages) in p["errors"]?.AsObject() ?? [])
        {
            foreach (var message in messages?.AsArray() ?? [])
            {
                yield return (string)message!;
            }
        }
    }

    /// <summary>
    /// Each enum value's C# name and camelCase API name, as a whole word; not those that are also a Swedish label
    /// ("Man", "B", "Sfi"), which a message may well say.
    /// </summary>
    private static Dictionary<string, Regex> EnumIdentifiers()
    {
        var enums = typeof(Program).Assembly.GetTypes().Where(t => t.IsEnum && t.Namespace?.StartsWith("Arbetsvagen", StringComparison.Ordinal) == true).ToList();
        var values = enums.SelectMany(e => Enum.GetValues(e).Cast<Enum>()).ToList();
        var labels = values.Select(EnumText.Label).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return values.Select(v => v.ToString())
            .SelectMany(name => new[] { name, JsonNamingPolicy.CamelCase.ConvertName(name) })
            .Where(name => name.Length > 2 && !labels.Contains(name))
            .Distinct(StringComparer.Ordinal)
            .ToDictionary(name => name, name => new Regex($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(name)}(?![\p{{L}}\p{{N}}])", RegexOptions.CultureInvariant));
    }

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        from path in document["paths"]!.AsObject()
        from item in path.Value!.AsObject()
        where item.Key is "get" or "post" or "put" or "patch"
        select (path.Key, item.Key, item.Value!.AsObject());
}
