using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.ActionPlans;
using Arbetsvagen.Features.Employers;
using Arbetsvagen.Features.Requirements;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Arbetsvagen.Infrastructure.Demo.DemoNames;

namespace Arbetsvagen.Features.Placements;

/// <summary>
/// The demo region's placements: about 25 open ones at the demo employers' workplaces (found by query; none without
/// employers), a few dormant, summer jobs (feriejobb) for the coming summer, and bookings of Täby participants whom
/// jobb.taby can see and who have a plan — each booking added to the plan by a revision, as the use case does — one of
/// them filling its period. Dated relative to today; no access-log rows (seeding is no user's access).
/// </summary>
public static class PlacementsDemo
{
    private sealed record Spec(PlacementKind Kind, string Occupation, string Tasks, int Places, int StartDay, int Days, (RequirementKind, string, bool)[] Requirements);

    private static readonly Spec[] Specs =
    [
        new(PlacementKind.WorkExperience, "Bussförare", "Följa med förare på linjen, lära sig depåns rutiner och fordonskontroll.", 2, -20, 120,
            [(RequirementKind.DrivingLicence, "B", true), (RequirementKind.SwedishLevel, "SfiD", true), (RequirementKind.MinimumAge, "21", true)]),
        new(PlacementKind.WorkTraining, "Vårdbiträde", "Hjälpa till i vardagen på boendet: måltider, promenader och aktiviteter.", 3, -30, 150,
            [(RequirementKind.SwedishLevel, "SfiC", true), (RequirementKind.PhysicalDemands, "Moderate", false)]),
        new(PlacementKind.Apprenticeship, "Båtbyggare", "Lärlingsplats på varvet: slipning, laminering och montering.", 1, 0, 180,
            [(RequirementKind.PhysicalDemands, "High", true), (RequirementKind.OccupationExperience, "7522", false)]),
        new(PlacementKind.WorkExperience, "Restaurangbiträde", "Disk, enklare matlagning och servering i lunchrestaurangen.", 2, -10, 90,
            [(RequirementKind.SwedishLevel, "SfiB", false)]),
        new(PlacementKind.WorkTraining, "Truckförare", "Plock och pack, godsmottagning och truckkörning efter utbildning.", 2, 5, 100,
            [(RequirementKind.MinimumAge, "18", true), (RequirementKind.DrivingLicence, "B", false)]),
        new(PlacementKind.ExtraJob, "Städare", "Städning av kontor och trapphus i ett arbetslag.", 2, -40, 300, [(RequirementKind.AfRegistration, "", true)]),
        new(PlacementKind.Osa, "Fastighetsskötare", "Enklare fastighetsskötsel och utemiljö med stöd av arbetsledare.", 1, -60, 360,
            [(RequirementKind.AfRegistration, "", true)]),
        new(PlacementKind.AdaptedEmployment, "Kassapersonal", "Kassa och påfyllning i butiken, anpassat tempo.", 1, 0, 365,
            [(RequirementKind.SwedishLevel, "SfiC", true)]),
        new(PlacementKind.WorkExperience, "Barnskötare", "Praktik i förskolans barngrupp tillsammans med ordinarie personal.", 2, 10, 60,
            [(RequirementKind.SwedishLevel, "SecondLanguage", true), (RequirementKind.EducationLevel, "Primary", true)]),
    ];

    public static async Task SeedAsync(AppDbContext db, DateTime now, CancellationToken ct = default)
    {
        var collaboration = await db.Collaborations.Where(c => c.Name == CollaborationName).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        var employers = await db.Employers.Include(e => e.Workplaces).Where(e => e.OwnerCollaborationId == collaboration && e.Workplaces.Any())
            .OrderBy(e => e.OrganisationNumber).ToListAsync(ct);
        if (collaboration is null || employers.Count == 0 || await db.Placements.AnyAsync(ct))
        {
            return;
        }

        var jobCentre = await db.Organisations.FirstAsync(o => o.Name == JobCentreName("Täby"), ct);
        var coach = await db.Users.Where(u => u.UserName == "jobb.taby").Select(u => u.Id).FirstAsync(ct);
        var today = SwedishTime.Today(now);
        var placements = new List<Placement>();
        for (var i = 0; i < 25; i++)
        {
            var spec = Specs[i % Specs.Length];
            var employer = employers[i % employers.Count];
            var workplace = employer.Workplaces[i / employers.Count % employer.Workplaces.Count];
            var start = today.AddDays(spec.StartDay + 7 * (i / Specs.Length));
            placements.Add(Create(employer, workplace, spec.Kind, spec.Occupation, spec.Tasks, spec.Places,
                [(start, start.AddDays(spec.Days))], spec.Requirements, collaboration.Value, jobCentre.Id, coach, now));
        }

        // Feriejobb for young people in the coming summer (seed 001): two four-week periods.
        var summer = new DateOnly(today.Month > 8 ? today.Year + 1 : today.Year, 6, 15);
        foreach (var (employer, occupation, tasks) in new[] { (employers[0], "Bussvärd", "Hjälpa resenärer vid hållplatser och i terminalen."),
            (employers[^1], "Städare", "Sommarstädning och skötsel av utemiljö.") })
        {
            placements.Add(Create(employer, employer.Workplaces[0], PlacementKind.SummerJob, occupation, tasks, 4,
                [(summer, summer.AddDays(27)), (summer.AddDays(28), summer.AddDays(55))], [(RequirementKind.MinimumAge, "16", true)],
                collaboration.Value, jobCentre.Id, coach, now));
        }

        foreach (var dormant in placements.Skip(20).Take(2))
        {
            dormant.MoveTo(PlacementStatus.Dormant, coach, now);
        }

        db.AddRange(placements);
        await db.SaveChangesAsync(ct);
        await BookAsync(db, placements[0], jobCentre, coach, now, ct);
    }

    private static Placement Create(Employer employer, Workplace workplace, PlacementKind kind, string occupation, string tasks, int places,
        (DateOnly, DateOnly)[] periods, (RequirementKind Kind, string Value, bool MustHave)[] requirements, Guid collaboration, Guid owner, Guid by, DateTime now)
    {
        var occupationId = ReferenceData.Instance.OccupationSearch.Resolve(occupation) is OccupationResolution.One one ? one.Occupation.ConceptId
            : ReferenceData.Instance.Occupations.Keys.First();
        var content = new Placement.Content(workplace.Id, workplace.MunicipalityCode, kind, occupationId, tasks, SupervisorOf(employer), "08-555 010 00",
            null, "Entré i markplan; fråga om anpassning av arbetsplatsen.", kind == PlacementKind.SummerJob ? null : "Handledaren kan förklara på engelska.",
            periods.Select(p => ((Guid?)null, p.Item1, p.Item2, places)).ToList(),
            requirements.Select(r => new Requirement(r.Kind, r.Value, r.MustHave)).ToList());
        return Placement.Create(employer.Id, content, collaboration, owner, by, now);
    }

    /// <summary>A made-up supervisor name per employer (no real person).</summary>
    private static string SupervisorOf(Employer employer) =>
        new[] { "Handledare Anna", "Handledare Bo", "Handledare Cecilia", "Handledare David" }[Math.Abs(employer.Name.Length) % 4] + " (demo)";

    /// <summary>
    /// Books two Täby job centre participants with a plan that spans the dates into the first placement's two places, so
    /// that its period is full for those days; each booking goes into the plan through a revision.
    /// </summary>
    private static async Task BookAsync(AppDbContext db, Placement first, Organisation jobCentre, Guid coach, DateTime now, CancellationToken ct)
    {
        var today = SwedishTime.Today(now);
        var (from, to) = (today.AddDays(3), today.AddDays(30));
        // The Täby people jobb.taby works with: shared with the job centre by a consent that covers their plan.
        var shared = db.Consents.Where(Consent.ActiveAt(now))
            .Where(c => c.Recipients.Any(r => r.OrganisationId == jobCentre.Id || r.OrganisationId == jobCentre.SecrecyBoundaryId)
                && (c.Categories & DataCategories.CaseAndPlan) == DataCategories.CaseAndPlan)
            .Select(c => c.ParticipantId);
        var plans = await db.ActionPlans.Include(p => p.Activities)
            .Where(p => p.StartsOn <= from && p.EndsOn >= to && shared.Contains(p.ParticipantId))
            .OrderBy(p => p.Id).Take(2).ToListAsync(ct);
        var employer = await db.Employers.Include(e => e.Workplaces).FirstAsync(e => e.Id == first.EmployerId, ct);
        var bookings = new List<PlacementBooking>();
        foreach (var plan in plans)
        {
            var booking = first.Book(plan.ParticipantId, from, to, 30, supervisorMayKnow: bookings.Count == 0, bookings, coach, jobCentre.Id, now);
            var existing = plan.Activities.Select(a => a.Id).ToHashSet();
            var drafts = plan.Activities.Select(a => new PlanActivityDraft(a.Id, a.Kind, a.Description, a.ActivityId, a.Provider, a.StartsOn, a.EndsOn,
                a.HoursPerWeek, a.Status, a.Result)).ToList();
            drafts.Add(new PlanActivityDraft(null, Placement.ActivityKindOf(first.Kind), $"{EnumText.Label(first.Kind)} hos {employer.Name}", null,
                $"{employer.Name}, {employer.Workplaces.Single(w => w.Id == first.WorkplaceId).Name}", from, to, 30, PlanActivityStatus.Planned, null));
            var revision = plan.Revise(plan.Version, plan.Goal, plan.Direction, plan.StartsOn, plan.EndsOn, plan.ReviewOn, drafts, "Bokad på praktikplats.",
                coach, jobCentre.Id, now);
            db.AddRange(plan.Activities.Where(a => !existing.Contains(a.Id)));
            db.Add(revision);
            booking.LinkPlanActivity(plan.Activities.Single(a => !existing.Contains(a.Id)).Id);
            bookings.Add(booking);
            db.Add(booking);
            db.Add(first.History[^1]);
        }

        await db.SaveChangesAsync(ct);
    }
}
