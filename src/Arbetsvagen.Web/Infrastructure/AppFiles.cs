using Microsoft.AspNetCore.Hosting.StaticWebAssets;

namespace Arbetsvagen.Infrastructure;

/// <summary>
/// The product finds its own files (appsettings.json, wwwroot) in the folder of its assembly, wherever it is started
/// from: a service manager or a container usually starts it in another working directory, and ASP.NET Core's default
/// content root is the working directory. A content root given explicitly (<c>--contentRoot</c>,
/// <c>ASPNETCORE_CONTENTROOT</c>, or a test host) still wins. Relative data paths (the SQLite file, the keys) stay
/// relative to the working directory, which the service's unit names (README).
/// </summary>
public static class AppFiles
{
    public static WebApplicationOptions Options(string[] args)
    {
        var given = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        return new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = given ? null : AppContext.BaseDirectory,
        };
    }

    /// <summary>
    /// A built but unpublished app has no wwwroot beside its assembly, only a manifest pointing to the project's
    /// wwwroot; ASP.NET Core reads that manifest in Development only. Read it in every environment, so that the
    /// built dll serves its stylesheet wherever it is started.
    /// </summary>
    public static void ServeBuildAssets(WebApplicationBuilder builder)
    {
        if (builder.Environment.IsDevelopment() || Directory.Exists(Path.Combine(builder.Environment.ContentRootPath, "wwwroot")))
        {
            return;
        }

        var manifest = Path.Combine(AppContext.BaseDirectory, $"{builder.Environment.ApplicationName}.staticwebassets.runtime.json");
        if (File.Exists(manifest))
        {
            StaticWebAssetsLoader.UseStaticWebAssets(builder.Environment, builder.Configuration);
        }
    }
}
