using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Arbetsvagen.Infrastructure.Demo;

namespace Arbetsvagen.Features.Users;

/// <summary>The demo users (<see cref="DemoNames.Users"/>), all with the demo password.</summary>
public static class UsersDemo
{
    public static async Task SeedAsync(IServiceProvider services, Dictionary<string, Organisation> organisations, string password)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        foreach (var demo in DemoNames.Users)
        {
            var user = new AppUser { UserName = demo.UserName, DisplayName = demo.DisplayName, OrganisationId = organisations[demo.OrganisationName].Id };
            Check(await users.CreateAsync(user, password), demo.UserName);
            Check(await users.AddToRoleAsync(user, demo.Role), demo.UserName);
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo seeding failed for {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
