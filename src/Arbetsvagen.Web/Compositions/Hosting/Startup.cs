using Arbetsvagen.Infrastructure.Demo;
using Arbetsvagen.Compositions.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Compositions.Hosting;

public static class Startup
{
    /// <summary>Brings the schema up to date and, in demo mode, seeds the demo region once.</summary>
    public static async Task PrepareDatabaseAsync(IServiceProvider services, DemoOptions demo, IConfiguration config, IHostEnvironment environment)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // Production may run migrations separately with an owner role (`migrate`) and the app with a role that owns nothing.
        if (config.GetValue("Database:MigrateOnStartup", defaultValue: true))
        {
            await SchemaMigrator.MigrateAsync(db);
            await Roles.EnsureAsync(scope.ServiceProvider);
        }

        if (environment.IsProduction())
        {
            var demoNames = DemoNames.Users.Select(u => u.UserName).ToList();
            if (await db.Users.AnyAsync(u => demoNames.Contains(u.UserName!) && !u.IsDisabled))
            {
                throw new InvalidOperationException(
                    "Databasen har aktiva demoanvändare med känt lösenord. Produktionsläget startar inte förrän de är avstängda eller borttagna.");
            }
        }

        if (demo.Enabled)
        {
            await DemoRegion.SeedAsync(scope.ServiceProvider, demo, scope.ServiceProvider.GetRequiredService<TimeProvider>());
        }

        // Consents recorded before the keyed chain (and, in demo mode, the seeded ones) go into it (ADR 0015).
        await Core.Consents.ConsentSeal.SealExistingAsync(db, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
            everyStart: demo.Enabled);
    }

    public static void PrintWelcome(WebApplication app, DemoOptions demo)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var lines = new List<string> { "", "Arbetsvägen är igång på:" };
        lines.AddRange(addresses.Select(a => "  " + a));
        if (demo.Enabled)
        {
            lines.Add("");
            lines.Add($"Demoläge: region {DemoNames.CollaborationName}. Alla demoanvändare har lösenordet {(demo.Password == DemoOptions.DefaultPassword ? demo.Password : "(satt med Demo__Password)")}");
            lines.AddRange(DemoNames.Users.Select(u => $"  {u.UserName,-20} {u.Role,-28} {u.OrganisationName}"));
        }

        lines.Add("");
        Console.WriteLine(string.Join(Environment.NewLine, lines));
    }
}
