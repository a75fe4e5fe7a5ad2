using Microsoft.AspNetCore.Hosting;
using Xunit;

namespace Arbetsvagen.Tests.Infrastructure;

/// <summary>Production never runs with demo users: neither by configuration nor left over in the database.</summary>
public class ProductionGuardTests
{
    [Fact]
    public async Task Production_refuses_demo_mode()
    {
        await using var seeded = await AppFactory.StartAsync(demoEnabled: true);
        using var production = seeded.WithWebHostBuilder(b => b.UseEnvironment("Production"));

        var error = Assert.Throws<InvalidOperationException>(() => production.Services);
        Assert.Contains("Demo__Enabled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_refuses_a_database_that_still_has_active_demo_users()
    {
        await using var seeded = await AppFactory.StartAsync(demoEnabled: true);
        using var production = seeded.WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting("Demo:Enabled", "false")
            .UseSetting("ForwardedHeaders:KnownProxies", "10.9.8.7"));

        var error = Assert.Throws<InvalidOperationException>(() => production.Services);
        Assert.Contains("demoanvändare", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_starts_on_a_database_without_demo_users()
    {
        await using var empty = await AppFactory.StartAsync(demoEnabled: false);
        using var production = empty.WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting("ForwardedHeaders:KnownProxies", "10.9.8.7"));

        using var client = production.CreateClient();
        var response = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
