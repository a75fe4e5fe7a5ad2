using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Arbetsvagen.Tests.Infrastructure;
using Xunit;

namespace Arbetsvagen.Tests.Api;

/// <summary>
/// /openapi/v1.json states every operation fully (summary, operationId, success body, each 4xx as ProblemDetails,
/// 401/403 where a user or a role is needed) and passes Redocly CLI's recommended rules with no error.
/// </summary>
public sealed partial class OpenApiDocumentTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    [Fact]
    public async Task Document_introduces_itself_in_swedish_with_a_relative_server_and_the_bearer_scheme()
    {
        var document = await DocumentAsync();

        Assert.Equal("Arbetsvägen API", (string?)document["info"]!["title"]);
        Assert.Equal("v1", (string?)document["info"]!["version"]);
        Assert.Contains("bearer-token", (string?)document["info"]!["description"], StringComparison.Ordinal);
        Assert.Equal(["/"], document["servers"]!.AsArray().Select(s => (string?)s!["url"]));
        Assert.Equal("http", (string?)document["components"]!["securitySchemes"]!["bearer"]!["type"]);
        Assert.Equal("bearer", (string?)document["components"]!["securitySchemes"]!["bearer"]!["scheme"]);
        var undescribed = document["tags"]!.AsArray().Where(t => string.IsNullOrWhiteSpace((string?)t!["description"])).Select(t => (string?)t!["name"]);
        Assert.Empty(undescribed);
    }

    [Fact]
    public async Task Operations_that_need_a_user_declare_the_bearer_token_and_401_and_the_administrators_ones_403()
    {
        var document = await DocumentAsync();
        var operations = Operations(document).ToDictionary(o => $"{o.Method} {o.Path}");

        var participants = operations["get /api/v1/participants/{id}"].Operation;
        Assert.Equal("bearer", participants["security"]!.AsArray().Single()!.AsObject().Single().Key);
        Assert.NotNull(participants["responses"]!["401"]);
        Assert.Null(participants["responses"]!["403"]); // no role needed: the secrecy rules answer 404

        var users = operations["get /api/v1/users"].Operation;
        Assert.NotNull(users["responses"]!["401"]);
        Assert.NotNull(users["responses"]!["403"]);

        var token = operations["post /api/v1/auth/token"].Operation;
        Assert.Empty(token["security"]!.AsArray()); // anonymous: explicitly no security
    }

    [Fact]
    public async Task OperationIds_are_unique_camel_case_and_stable()
    {
        var ids = Operations(await DocumentAsync()).Select(o => (string?)o.Operation["operationId"]).ToList();

        Assert.DoesNotContain(null, ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(ids, id => Assert.Matches(CamelCase(), id!));
        Assert.Contains("getParticipantsByIdConsents", ids);
        Assert.Equal("postConsentsByIdWithdrawal", Arbetsvagen.Infrastructure.OpenApi.ApiDocument.OperationId("POST", "/api/v1/consents/{id:guid}/withdrawal"));
        Assert.Equal("getParticipantsByIdActionPlanRevisionsByNumber",
            Arbetsvagen.Infrastructure.OpenApi.ApiDocument.OperationId("GET", "api/v1/participants/{id}/action-plan/revisions/{number:int}"));
    }

    /// <summary>The list of what is still missing, one line per operation, so a failure says where to look.</summary>
    [Fact]
    public async Task Every_operation_states_its_summary_id_success_body_and_problems()
    {
        var document = await DocumentAsync();
        var missing = new List<string>();
        foreach (var (path, method, operation) in Operations(document))
        {
            var gaps = new List<string>();
            var responses = operation["responses"]?.AsObject() ?? [];
            if (string.IsNullOrWhiteSpace((string?)operation["summary"]))
            {
                gaps.Add("no summary");
            }

            if (string.IsNullOrWhiteSpace((string?)operation["operationId"]))
            {
                gaps.Add("no operationId");
            }

            // A refused method (405) or an answer without content (204) has no body to describe.
            var bodiless = responses.Any(r => r.Key is "204" or "405");
            if (!bodiless && !responses.Any(r => r.Key.StartsWith('2') && Schema(r.Value) is not null))
            {
                gaps.Add($"no 2xx with a body schema (has {string.Join(", ", responses.Select(r => r.Key))})");
            }

            // Every id in a path can be unknown (or behind a boundary), and every body can be invalid.
            if (!bodiless && path.Contains('{', StringComparison.Ordinal) && responses["404"] is null)
            {
                gaps.Add("no 404");
            }

            if (!bodiless && operation["requestBody"] is not null && responses["400"] is null)
            {
                gaps.Add("no 400");
            }

            var needsUser = operation["security"] is not JsonArray { Count: 0 };
            if (needsUser && responses["401"] is null)
            {
                gaps.Add("no 401");
            }

            foreach (var (status, response) in responses.Where(r => r.Key.StartsWith('4')))
            {
                var reference = (string?)response?["content"]?["application/problem+json"]?["schema"]?["$ref"];
                if (reference is not ("#/components/schemas/ProblemDetails" or "#/components/schemas/HttpValidationProblemDetails"))
                {
                    gaps.Add($"{status} without a ProblemDetails body");
                }
            }

            if (gaps.Count > 0)
            {
                missing.Add($"{method.ToUpperInvariant()} {path}: {string.Join("; ", gaps)}");
            }
        }

        Assert.True(missing.Count == 0, $"{missing.Count} operations are not fully described:\n  {string.Join("\n  ", missing)}");
    }

    [Fact]
    public async Task Document_passes_redocly_recommended_rules_with_no_error()
    {
        var linter = Linter();
        var file = Path.Combine(Path.GetTempPath(), $"arbetsvagen-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, (await DocumentAsync()).ToJsonString(), TestContext.Current.CancellationToken);
        try
        {
            var start = new ProcessStartInfo("node")
            {
                ArgumentList = { linter.Cli, "lint", file, "--config", linter.Config, "--format", "json", "--max-problems", "1000" },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = Path.GetDirectoryName(linter.Config)!,
                Environment = { ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true", ["NO_COLOR"] = "1" },
            };
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            var errors = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);

            var report = await output;
            Assert.True(process.ExitCode == 0,
                $"Redocly CLI found errors in /openapi/v1.json (exit {process.ExitCode}):\n{Problems(report)}\n{WithoutBanner(await errors)}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private async Task<JsonObject> DocumentAsync() => await app.Anonymous().GetAsync("/openapi/v1.json").JsonAsync(HttpStatusCode.OK);

    private static IEnumerable<(string Path, string Method, JsonObject Operation)> Operations(JsonObject document) =>
        from path in document["paths"]!.AsObject()
        from item in path.Value!.AsObject()
        where Methods.Contains(item.Key)
        select (path.Key, item.Key, item.Value!.AsObject());

    private static JsonNode? Schema(JsonNode? response) =>
        response?["content"]?.AsObject().Select(c => c.Value?["schema"]).FirstOrDefault(s => s is not null);

    /// <summary>tools/openapi-lint, installed by scripts/test.sh (npm ci).</summary>
    private static (string Cli, string Config) Linter()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var tool = Path.Combine(dir.FullName, "tools", "openapi-lint");
            if (Directory.Exists(tool))
            {
                var cli = Path.Combine(tool, "node_modules", "@redocly", "cli", "bin", "cli.js");
                Assert.True(File.Exists(cli), $"Redocly CLI is not installed: run scripts/test.sh, or `npm ci` in {tool}.");
                return (cli, Path.Combine(tool, "redocly.yaml"));
            }
        }

        throw new InvalidOperationException("tools/openapi-lint not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The linter's findings, errors first, one line each with the place in the document.</summary>
    private static string Problems(string json)
    {
        if (JsonNode.Parse(json)?["problems"] is not JsonArray problems)
        {
            return json;
        }

        var lines = problems.Select(p => (
            Severity: (string?)p!["severity"],
            Line: $"{p["severity"]} {p["ruleId"]} {p["location"]?[0]?["pointer"]}: {p["message"]}"))
            .OrderBy(p => p.Severity == "error" ? 0 : 1).ThenBy(p => p.Line, StringComparer.Ordinal).Select(p => p.Line).ToList();
        return $"{lines.Count} problems:\n  " + string.Join("\n  ", lines);
    }

    // Redocly prints a boxed notice about the Node.js version; it says nothing about the document.
    private static string WithoutBanner(string text) =>
        string.Join('\n', text.Split('\n').Where(line => !line.Contains('║', StringComparison.Ordinal) && !line.Contains('═', StringComparison.Ordinal)));

    [GeneratedRegex("^[a-z][a-zA-Z0-9]*$")]
    private static partial Regex CamelCase();
}
