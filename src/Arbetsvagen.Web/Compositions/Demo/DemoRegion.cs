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
    }

    private static async Task<Dictionary<string, Organisation>> SeedOrganisationsAsync(AppDbContext db, DateTime now)
    {
        var all = new List<Organisation>();
        foreach (var (code, name) in Municipalities)
        {
            var municipality = Organisation.CreateTopLevel($"{name} kommun", OrganisationKind.Municipality, code, now);
            all.Add(municipality);
            all.Add(Organisation.CreateUnit(municipality, SocialServicesName(name), UnitFunction.SocialServices, ownSecrecyBoundary: true, now));
            all.Add(Organisation.CreateUnit(municipality, JobCentreName(name), UnitFunction.JobCentre, ownSecrecyBoundary: true, now));
            if (name is "Norrtälje" or "Täby")
            {
                all.Add(Organisation.CreateUnit(municipality, KaaName(name), UnitFunction.YouthActivityResponsibility, ownSecrecyBoundary: true, now));
            }
        }

        all.Add(Organisation.CreateTopLevel(AfName, OrganisationKind.EmploymentService, null, now));
        all.Add(Organisation.CreateTopLevel(KcnoName, OrganisationKind.EducationProvider, "0160", now));
        all.Add(Organisation.CreateTopLevel(NorrtaljeVuxName, OrganisationKind.EducationProvider, "0188", now));
        db.Organisations.AddRange(all);
        db.Collaborations.Add(Collaboration.Create(CollaborationName, all.Where(o => o.ParentId is null)));
        await db.SaveChangesAsync();
        return all.ToDictionary(o => o.Name);
    }

    private static async Task SeedUsersAsync(IServiceProvider services, Dictionary<string, Organisation> organisations, string password)
    {
        var users = services.GetRequiredService<UserManager<AppUser>>();
        foreach (var demo in Users)
        {
            var user = new AppUser { UserName = demo.UserName, DisplayName = demo.DisplayName, OrganisationId = organisations[demo.OrganisationName].Id };
            Check(await users.CreateAsync(user, password), demo.UserName);
            Check(await users.AddToRoleAsync(user, demo.Role), demo.UserName);
        }
    }

    public static async Task EnsureRolesAsync(IServiceProvider services)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role)), role);
            }
        }
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo seeding failed for {what}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }

    /// <summary>
    /// Roughly a third of social services' participants have consented to sharing with their municipality's
    /// job centre and Arbetsförmedlingen; some consents are about to expire, a few have been withdrawn.
    /// </summary>
    private static IEnumerable<Consent> DemoConsents(List<Participant> participants, Dictionary<string, Organisation> organisations, Guid author, DateTime now)
    {
        var today = SwedishTime.Today(now);
        var af = organisations[AfName];
        var n = 0;
        foreach (var p in participants)
        {
            var owner = organisations.Values.First(o => o.Id == p.OwnerOrganisationId);
            if (owner.Function != UnitFunction.SocialServices || n++ % 3 != 0)
            {
                continue;
            }

            var municipality = organisations.Values.First(o => o.Id == owner.ParentId).Name.Replace(" kommun", "", StringComparison.Ordinal);
            var jobCentre = organisations[JobCentreName(municipality)];
            var categories = DataCategories.Identity | DataCategories.Background | DataCategories.CaseAndPlan | DataCategories.Attendance
                | (n % 2 == 0 ? DataCategories.Health : DataCategories.None);
            var validUntil = n % 5 == 0 ? today.AddDays(10 + (n % 15)) : today.AddMonths(6 + (n % 12));
            var consent = Consent.Give(p.Id, owner.Id, [jobCentre.Id, af.Id], categories,
                "Samverkan kring stöd till arbete eller studier enligt överenskommelsen Stockholm Nordost.",
                now.AddDays(-(n % 60)), n % 4 == 0 ? ConsentForm.Oral : ConsentForm.Written, author, validUntil, now);
            if (n % 17 == 0)
            {
                consent.Withdraw(author, now.AddDays(-1));
            }

            yield return consent;
        }
    }
}
