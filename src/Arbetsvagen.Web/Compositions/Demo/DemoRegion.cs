using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.Users;
using Microsoft.EntityFrameworkCore;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Infrastructure.Demo;
using static Arbetsvagen.Infrastructure.Demo.DemoNames;

namespace Arbetsvagen.Compositions.Demo;

/// <summary>
/// The demo region Stockholm Nordost (seed 002). Each feature seeds its own part with a <c>…Demo</c> class in its
/// folder (organisations, users, participants and their consents, then employers, placements and job tracks); this
/// composition only runs them in order. The working day of the Täby and Vaxholm caseworkers (<see cref="DemoWork"/>)
/// stays here because every one of its stories crosses features: a referral, a case, a plan and attendance for the
/// same person, built with each feature's own factory methods.
/// </summary>
public static class DemoRegion
{
    public static async Task<bool> IsSeededAsync(AppDbContext db) => await db.Collaborations.AnyAsync(c => c.Name == CollaborationName);

    public static async Task SeedAsync(IServiceProvider services, DemoOptions options, TimeProvider clock)
    {
        var db = services.GetRequiredService<AppDbContext>();
        if (await IsSeededAsync(db))
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var organisations = await OrganisationsDemo.SeedAsync(db, now);
        await UsersDemo.SeedAsync(services, organisations, options.Password);
        var people = await ParticipantsDemo.SeedAsync(db, organisations, options.Participants, now);

        // A working day on top: activities, cases, referrals, plans and attendance for further people in Täby and Vaxholm.
        await DemoWork.SeedAsync(db, organisations, people, firstIndex: options.Participants, now);
        await Features.Employers.EmployersDemo.SeedAsync(db, now);
        await Features.Placements.PlacementsDemo.SeedAsync(db, now);
        await Features.JobTracks.JobTracksDemo.SeedAsync(db, now);
        await Features.Governance.GovernanceDemo.SeedAsync(db, now);
        await Features.Kaa.KaaDemo.SeedAsync(db, options.Participants, now);
    }
}
