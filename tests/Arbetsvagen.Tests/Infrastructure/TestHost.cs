using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Arbetsvagen.Tests.Infrastructure;

/// <summary>
/// How both test projects host the application: on a database of its own, in the Testing environment, with data
/// protection keys in a directory of its own and quiet logs. Compiled into the browser tests too (linked).
/// </summary>
public static class TestHost
{
    public static string NewKeysPath() => Path.Combine(Path.GetTempPath(), "arbetsvagen-tests", $"keys-{Guid.NewGuid():N}");

    public static void Configure(IWebHostBuilder builder, TestDatabase database, string keysPath, bool demo, int demoParticipants)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", database.ConnectionString);
        builder.UseSetting("Demo:Enabled", demo ? "true" : "false");
        builder.UseSetting("Demo:Participants", demoParticipants.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // The tests count months when they read them (TargetGroupTests call the refresh), right after their changes.
        builder.UseSetting("Statistics:SnapshotMinutes", "0");
        builder.UseSetting("Statistics:ChangeMarginSeconds", "0");
        builder.UseSetting("DataProtection:KeysPath", keysPath);
        builder.UseSetting("JobAds:ImportPath", Path.Combine(keysPath, "imports"));
        // Every test signs in and posts from the same address: no test trips a rate limit unless it sets a low one
        // (RequestLimitTests, ForwardedHeadersTests).
        foreach (var policy in new[] { "SignIn", "PublicForm" })
        {
            builder.UseSetting($"RateLimits:{policy}:PermitLimit", "1000000");
        }
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Critical));
    }

    /// <summary>Removes a keys directory; one still in use is left in the temp directory, where it does no harm.</summary>
    public static void DeleteKeys(string keysPath)
    {
        try
        {
            Directory.Delete(keysPath, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
