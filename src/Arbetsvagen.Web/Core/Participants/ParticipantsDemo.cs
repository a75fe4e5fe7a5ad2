using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Arbetsvagen.Infrastructure.Demo.DemoNames;

namespace Arbetsvagen.Core.Participants;

/// <summary>The demo region's fictitious participants, spread over the units that work with people, and their consents.</summary>
public static class ParticipantsDemo
{
    /// <summary>Seeds <paramref name="count"/> participants registered by soc.taby; returns the generator, whose next numbers later seeding may use.</summary>
    public static async Task<SyntheticPeople> SeedAsync(AppDbContext db, Dictionary<string, Organisation> organisations, int count, DateTime now,
        CancellationToken ct = default)
    {
        var caseUnits = organisations.Values.Where(o => o.Function is UnitFunction.SocialServices or UnitFunction.JobCentre
            or UnitFunction.YouthActivityResponsibility || o.Name is AfName or KcnoName).OrderBy(o => o.Name).ToList();
        var author = await db.Users.Where(u => u.UserName == "soc.taby").Select(u => u.Id).FirstAsync(ct);
        var people = new SyntheticPeople(seed: 2026, DateOnly.FromDateTime(now));
        var participants = Enumerable.Range(0, count)
            .Select(i => people.Create(i, caseUnits[i % caseUnits.Count], numberIndex: i, author, now)).ToList();

        db.Participants.AddRange(participants);
        db.Consents.AddRange(DemoConsents(participants, organisations, author, now));
        await db.SaveChangesAsync(ct);
        return people;
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
