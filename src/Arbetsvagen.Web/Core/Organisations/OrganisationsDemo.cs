using Arbetsvagen.Infrastructure;
using static Arbetsvagen.Infrastructure.Demo.DemoNames;

namespace Arbetsvagen.Core.Organisations;

/// <summary>The demo region's organisations: each municipality's social services and job centre (and two KAA units), Arbetsförmedlingen, two adult-education providers, and the collaboration of them all.</summary>
public static class OrganisationsDemo
{
    public static async Task<Dictionary<string, Organisation>> SeedAsync(AppDbContext db, DateTime now, CancellationToken ct = default)
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
        await db.SaveChangesAsync(ct);
        return all.ToDictionary(o => o.Name);
    }
}
