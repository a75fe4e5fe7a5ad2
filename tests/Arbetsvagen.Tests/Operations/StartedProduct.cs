using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using Xunit;
using Arbetsvagen.Tests.Infrastructure;

namespace Arbetsvagen.Tests.Operations;

/// <summary>
/// The built product started as a service manager starts it: <c>dotnet …/Arbetsvagen.Web.dll</c> in a working
/// directory of its own (not the project's), on a real Kestrel port, in a non-Development environment, with only the
/// database, the keys and the port given by environment (demo mode and logging come from its own appsettings.json).
/// Everything it writes to stdout and stderr is kept, line by line, for the log scan.
/// </summary>
public sealed class StartedProduct : IAsyncLifetime
{
    private Process? process;
    private readonly string workingDirectory = Path.Combine(Path.GetTempPath(), "arbetsvagen-tests", $"cwd-{Guid.NewGuid():N}");

    public ConcurrentQueue<string> LogLines { get; } = new();
    public TestDatabase Database { get; private set; } = null!;
    public string KeysPath { get; } = TestHost.NewKeysPath();
    public Uri Address { get; private set; } = null!;
    public int Port { get; private set; }

    public static string RepositoryRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Arbetsvagen.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("The repository root (Arbetsvagen.slnx) was not found above the test assembly.");
        }
    }

    /// <summary>The web project's own build output, in the configuration the tests were built in.</summary>
    public static string ProductDll
    {
        get
        {
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // …/bin/{Configuration}/net10.0/
            return Path.Combine(RepositoryRoot, "src", "Arbetsvagen.Web", "bin", configuration, "net10.0", "Arbetsvagen.Web.dll");
        }
    }

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync();
        Directory.CreateDirectory(workingDirectory);
        Port = FreePort();
        Address = new Uri($"http://127.0.0.1:{Port}");
        var start = Command(["--urls", Address.ToString()]);
        start.Environment["Demo__Participants"] = "20";
        start.Environment["AccessLog__CheckpointSeconds"] = "1";
        start.Environment["Warmup__Enabled"] = "true"; // ADR 0029: ready only once warmed up; its log lines are scanned too
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("The product stopped at start:\n" + string.Join('\n', LogLines.TakeLast(40)));
            }

            try
            {
                if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(300);
        }

        throw new TimeoutException("The product did not become ready within 3 minutes:\n" + string.Join('\n', LogLines.TakeLast(40)));
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            LogLines.Enqueue(line);
        }
    }

    /// <summary>The product's command line in the foreign working directory, on this fixture's database and keys.</summary>
    public ProcessStartInfo Command(string[] args, string? connectionString = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ProductDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_", StringComparison.Ordinal)
                     || k.Contains("__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["Database__Provider"] = Database.Provider.ToString();
        start.Environment["ConnectionStrings__Default"] = connectionString ?? Database.ConnectionString;
        start.Environment["DataProtection__KeysPath"] = KeysPath;
        start.Environment["JobAds__ImportPath"] = Path.Combine(KeysPath, "imports");
        return start;
    }

    /// <summary>Runs a command-line task of the product to its end; returns its exit code and output.</summary>
    public async Task<(int ExitCode, string Output)> RunCommandAsync(string[] args, string? connectionString = null)
    {
        using var run = Process.Start(Command(args, connectionString))!;
        var output = run.StandardOutput.ReadToEndAsync();
        var error = run.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await run.WaitForExitAsync(timeout.Token);
        return (run.ExitCode, await output + await error);
    }

    public HttpClient Anonymous() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
    {
        BaseAddress = Address,
        Timeout = TimeSpan.FromSeconds(60),
    };

    public async Task<HttpClient> ClientFor(string userName)
    {
        var client = Anonymous();
        var body = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = AppFactory.DemoPassword }).JsonAsync(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)body["accessToken"]!);
        return client;
    }

    /// <summary>A cookie client signed in through the login form, as a browser is.</summary>
    public async Task<HttpClient> BrowserFor(string userName)
    {
        var client = Anonymous();
        await PostFormAsync(client, "/Account/Login", new() { ["UserName"] = userName, ["Password"] = AppFactory.DemoPassword }).ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    /// <summary>Reads the form's antiforgery token from the page and posts the fields with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var page = await client.GetStringAsync(path);
        var token = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(page)
            .QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? throw new InvalidOperationException($"{path} has no antiforgery token.");
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    /// <summary>Stops the product as a service manager does (SIGTERM) and waits for it to finish.</summary>
    public async Task StopAsync()
    {
        if (process is null || process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process?.Dispose();
        await Database.DisposeAsync();
        TestHost.DeleteKeys(KeysPath);
        TestHost.DeleteKeys(workingDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
