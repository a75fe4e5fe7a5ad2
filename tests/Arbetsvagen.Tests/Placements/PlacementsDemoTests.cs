using Arbetsvagen.Features.ActionPlans;
using Arbetsvagen.Features.Placements;
using Arbetsvagen.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Arbetsvagen.Tests.Placements;

/// <summary>The demo's placements, seeded on employers like the register's demo: open ones, summer jobs, and bookings that are in the plans.</summary>
public sealed class PlacementsDemoTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_demo_seeds_placements_summer_jobs_and_bookings_in_the_plans_with_one_full_period()
    {
        await app.EmployerAsync("Demo Buss AB");
        await app.EmployerAsync("Demo Vård AB");
        await app.WithDbAsync(async db =>
        {
            await PlacementsDemo.SeedAsync(db, DateTime.UtcNow);
            return 0;
        });

        var (open, summer, bookings) = await app.WithDbAsync(async db => (
            await db.Placements.CountAsync(p => p.Status == PlacementStatus.Open),
            await db.Placements.CountAsync(p => p.Kind == PlacementKind.SummerJob),
            await db.PlacementBookings.ToListAsync()));
        Assert.InRange(open, 20, 30);
        Assert.Equal(2, summer);
        Assert.Equal(2, bookings.Count);
        Assert.All(bookings, b => Assert.NotNull(b.PlanActivityId));
        var activities = bookings.Select(b => b.PlanActivityId!.Value).ToList();
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<PlanActivity>().CountAsync(a => activities.Contains(a.Id))));

        var jobb = await app.ClientFor("jobb.taby");
        var full = await jobb.GetAsync($"/api/v1/placements/{bookings[0].PlacementId}/utilisation?from={PlacementTestData.D(bookings[0].StartsOn)}&to={PlacementTestData.D(bookings[0].EndsOn)}")
            .JsonAsync(System.Net.HttpStatusCode.OK);
        Assert.Equal(100m, (decimal?)full["percent"]);
    }
}
