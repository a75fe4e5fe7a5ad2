using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.ActionPlans;
using Arbetsvagen.Features.Attendance;
using Arbetsvagen.Features.Employers;
using Arbetsvagen.Features.Mappings;
using Arbetsvagen.Features.Requirements;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Arbetsvagen.Infrastructure.Demo.DemoNames;

namespace Arbetsvagen.Features.JobTracks;

/// <summary>
/// Seed 002's three job tracks in the demo region, dated relative to today: bus drivers with Nobina (training under
/// way, candidates from Täby, Vaxholm and Österåker at several stages, some already hired on nystartsjobb), service
/// assistants with Ambea (recruiting) and the marine industry through a Sweboat boatyard (planning). Built with the
/// entities' own methods; the employers come from the employer register's demo when it has run. Österåker has no demo
/// caseworker, so its candidates are recorded as proposed by its job centre with the demo author's account.
/// </summary>
public static class JobTracksDemo
{
    private sealed record Step(JobTrackStage Stage, int DaysAgo);

    public static async Task SeedAsync(AppDbContext db, DateTime now, CancellationToken ct = default)
    {
        var today = SwedishTime.Today(now);
        var collaboration = await db.Collaborations.Where(c => c.Name == CollaborationName).Select(c => c.Id).FirstAsync(ct);
        var organisations = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Name, ct);
        var users = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.UserName!, u => u.Id, ct);
        var owner = organisations[JobCentreName("Täby")];
        var by = users["jobb.taby"];
        var af = users["af.nordost"];

        var nobina = await EmployerAsync(db, "Nobina", "Nobina Sverige AB", "493", owner.Id, collaboration, by, now, ct);
        var ambea = await EmployerAsync(db, "Ambea", "Ambea Sverige AB", "873", owner.Id, collaboration, by, now, ct);
        var boatyard = await EmployerAsync(db, "Båtvarv", "Vaxholms Båtvarv AB", "301", owner.Id, collaboration, by, now, ct);

        var bus = Track(new JobTrackDesign("Bussförare Nobina", [nobina], "6zL8_YYP_1eR", "8331", organisations[NorrtaljeVuxName].Id,
            "Bussförarutbildning 25 veckor Komvux", today.AddDays(-170), 25, TrainingRegi.Municipality, EmploymentForm.PermanentWithProbation, "0188",
            10, 10, "Utbildning till bussförare i Norrtälje, med anställning hos Nobina efteråt. Tala med din handläggare om du är intresserad.",
            1500, PriceUnit.PerWeek), owner.Id, collaboration, by, now, 240);
        Prepare(bus, [new(RequirementKind.DrivingLicence, "B", true), new(RequirementKind.MinimumAge, "21", true),
            new(RequirementKind.AfRegistration, "", true), new(RequirementKind.SwedishLevel, nameof(SwedishLevel.SfiD), false)],
            ["Eva Ström, projektledare, Täby kommun", "Per Nobel, rekryterare, Nobina", "Lisa Vik, rektor, Norrtälje vuxenutbildning"], today.AddDays(-200),
            JobTrackDocumentKind.SupplierAgreement);
        Advance(bus, by, now, new(JobTrackStage.NeedsCapture, 230), new(JobTrackStage.Planning, 215), new(JobTrackStage.Decided, 199),
            new(JobTrackStage.Recruitment, 198));

        var service = Track(new JobTrackDesign("Serviceassistenter Ambea", [ambea], "4zLr_jP5_peZ", "5330", organisations[AfName].Id,
            "2 v FUB + 8 v AUB", today.AddDays(35), 10, TrainingRegi.EmploymentService, EmploymentForm.ExtraJob, "0160", 10, 10,
            "Arbete som serviceassistent på Ambeas boenden i Täby, efter en kort utbildning via Arbetsförmedlingen. Fråga din handläggare.",
            0, PriceUnit.PerCourse), owner.Id, collaboration, by, now, 60);
        Prepare(service, [new(RequirementKind.SwedishLevel, nameof(SwedishLevel.SfiC), true), new(RequirementKind.PhysicalDemands, nameof(PhysicalDemands.Moderate), true)],
            ["Eva Ström, projektledare, Täby kommun", "Amira Nordin, arbetsförmedlare, Arbetsförmedlingen", "Karin Ek, enhetschef, Ambea"],
            today.AddDays(-20), JobTrackDocumentKind.LetterOfIntent);
        Advance(service, by, now, new(JobTrackStage.NeedsCapture, 50), new(JobTrackStage.Planning, 40), new(JobTrackStage.Decided, 19),
            new(JobTrackStage.Recruitment, 14));

        var marine = Track(new JobTrackDesign("Marint näringsliv – varv via Sweboat", [boatyard], "kBdt_K9U_vgC", "7522", organisations[AfName].Id,
            "AUB via Arbetsförmedlingen", today.AddDays(120), 16, TrainingRegi.EmploymentService, EmploymentForm.NewStartJob, "0187", 8, 8, null, 0,
            PriceUnit.PerCourse), owner.Id, collaboration, by, now, 30);
        marine.AddTeamMember("Lena Ahl", "Varvschef", "Vaxholms Båtvarv AB");
        marine.AddTeamMember("Vilhelm Strand", "Arbetsmarknadskonsulent", "Vaxholm kommun");
        Advance(marine, by, now, new(JobTrackStage.NeedsCapture, 25), new(JobTrackStage.Planning, 10));

        // Candidates: job-centre participants of three municipalities, proposed by their own unit, with consent naming the owner.
        var proposers = new Dictionary<string, Guid> { ["Täby"] = by, ["Vaxholm"] = users["jobb.vaxholm"], ["Österåker"] = users["soc.taby"] };
        var people = new List<(Participant Person, Guid By, Guid Unit)>();
        foreach (var (municipality, proposer) in proposers)
        {
            var unit = organisations[JobCentreName(municipality)];
            var found = await db.Participants.Where(p => p.OwnerOrganisationId == unit.Id).OrderBy(p => p.IdentityNumber).Take(3).ToListAsync(ct);
            foreach (var person in found)
            {
                // The owner (when another unit) and Arbetsförmedlingen, which checks registration and employment support.
                Guid[] recipients = unit.SecrecyBoundaryId == owner.SecrecyBoundaryId ? [organisations[AfName].Id] : [owner.Id, organisations[AfName].Id];
                db.Consents.Add(Consent.Give(person.Id, unit.Id, recipients, DataCategories.Identity | DataCategories.CaseAndPlan,
                    "Deltagande i lokalt jobbspår enligt överenskommelsen Stockholm Nordost.", now.AddDays(-200), ConsentForm.Written, proposer,
                    today.AddMonths(8), now));

                people.Add((person, proposer, unit.Id));
            }
        }

        var provider = organisations[NorrtaljeVuxName];
        for (var i = 0; i < people.Count; i++)
        {
            var (person, proposer, unit) = people[i];
            var candidate = JobTrackCandidate.Propose(bus.Id, person.Id, proposer, unit, now.AddDays(-196 + i));
            candidate.RecordAfCheck(true, i % 3 != 0, af, now.AddDays(-190 + i));
            candidate.MoveTo(CandidateStage.InformationMeeting, by, now.AddDays(-185));
            candidate.MoveTo(CandidateStage.Interview, by, now.AddDays(-180));
            if (i == people.Count - 1)
            {
                candidate.MoveTo(CandidateStage.Discontinued, by, now.AddDays(-178)); // did not go on after the interview
                db.JobTrackCandidates.Add(candidate);
                continue;
            }

            candidate.MoveTo(CandidateStage.Admitted, by, now.AddDays(-176));
            if (i == 0)
            {
                Advance(bus, by, now, new Step(JobTrackStage.TrainingOngoing, 170));
            }

            candidate.Start(bus, bus.TrainingStartsOn, by, now.AddDays(-170));
            if (person.HomeMunicipalityCode != provider.MunicipalityCode)
            {
                db.InterMunicipalCompensations.Add(new InterMunicipalCompensation(bus, candidate.Id, person.HomeMunicipalityCode, provider.MunicipalityCode!,
                    bus.TrainingStartsOn, now.AddDays(-170)));
            }

            await AddTrainingToPlanAsync(db, person.Id, bus, provider.Name, proposer, unit, now.AddDays(-170), now, ct);
            if (i % 3 != 2)
            {
                candidate.MoveTo(CandidateStage.Completed, by, now.AddDays(-3));
            }

            if (i % 3 == 0)
            {
                candidate.Hire(EmploymentForm.NewStartJob, today.AddDays(7), by, now.AddDays(-2));
            }

            db.JobTrackCandidates.Add(candidate);
        }

        // The service-assistant track is recruiting: a few Täby candidates on their way.
        foreach (var (person, index) in people.Where(p => p.Unit == owner.Id).Select((p, index) => (p.Person, index)))
        {
            var candidate = JobTrackCandidate.Propose(service.Id, person.Id, by, owner.Id, now.AddDays(-10 + index));
            if (index > 0)
            {
                candidate.RecordAfCheck(true, true, af, now.AddDays(-6));
            }

            db.JobTrackCandidates.Add(candidate);
        }

        // Added last: the stage moves above append history rows, which EF takes in with the new tracks.
        db.JobTracks.AddRange(bus, service, marine);
        await db.SaveChangesAsync(ct);
    }

    private static JobTrack Track(JobTrackDesign design, Guid owner, Guid collaboration, Guid by, DateTime now, int daysAgo) =>
        JobTrack.Create(design, owner, collaboration, by, now.AddDays(-daysAgo));

    private static void Prepare(JobTrack track, List<Requirement> requirements, string[] team, DateOnly decidedOn, JobTrackDocumentKind document)
    {
        track.SetRequirements(requirements);
        foreach (var member in team.Select(m => m.Split(", ")))
        {
            track.AddTeamMember(member[0], member[1], member[2]);
        }

        track.RecordDecision(decidedOn, $"SG {decidedOn.Year}/{decidedOn.DayOfYear}");
        track.AddDocument(document, decidedOn.AddDays(-3), $"Dnr {decidedOn.Year}-{decidedOn.DayOfYear:000}");
    }

    private static void Advance(JobTrack track, Guid by, DateTime now, params Step[] steps)
    {
        foreach (var step in steps)
        {
            track.MoveTo(step.Stage, candidatesAdmitted: 1, by, now.AddDays(-step.DaysAgo));
        }
    }

    /// <summary>The employer the register's demo seeded (by name), or one made here when that demo has not run.</summary>
    private static async Task<Guid> EmployerAsync(AppDbContext db, string nameStart, string name, string sni, Guid owner, Guid collaboration, Guid by,
        DateTime now, CancellationToken ct)
    {
        var found = await db.Employers.Where(e => e.Name.Contains(nameStart)).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
        if (found is { } id)
        {
            return id;
        }

        var employer = Employer.Create(DemoNumber(sni), false, name, sni, EmployerSize.Large, collaboration, owner, by, now.AddDays(-300));
        db.Employers.Add(employer);
        return employer.Id;
    }

    /// <summary>A made-up organisationsnummer (16-series, Luhn check digit) that no real company has in the demo.</summary>
    private static string DemoNumber(string sni) => "1699" + sni + "00" + OrganisationNumber.CheckDigit("1699" + sni + "00");

    /// <summary>The training added to the person's plan by the plan's own revision rule, so its history shows it.</summary>
    /// <remarks>An existing plan is revised now, after its own latest revision; a new one from the training's start.</remarks>
    private static async Task AddTrainingToPlanAsync(AppDbContext db, Guid participantId, JobTrack track, string provider, Guid by, Guid unit, DateTime at,
        DateTime now, CancellationToken ct)
    {
        var plan = await db.ActionPlans.Include(p => p.Activities).FirstOrDefaultAsync(p => p.ParticipantId == participantId, ct);
        var isNew = plan is null;
        plan ??= ActionPlan.Create(participantId);
        var existing = plan.Activities.Select(a => a.Id).ToHashSet();
        var drafts = plan.Activities.Select(a => new PlanActivityDraft(a.Id, a.Kind, a.Description, a.ActivityId, a.Provider, a.StartsOn, a.EndsOn,
            a.HoursPerWeek, a.Status, a.Result)).Append(new PlanActivityDraft(null, ActivityKind.VocationalTraining,
            $"Jobbspår {track.Title}: {track.TrainingComponents}", null, provider, track.TrainingStartsOn, track.TrainingEndsOn, 40,
            PlanActivityStatus.Ongoing, null)).ToList();
        var starts = isNew || track.TrainingStartsOn < plan.StartsOn ? track.TrainingStartsOn : plan.StartsOn;
        var ends = isNew || track.TrainingEndsOn > plan.EndsOn ? track.TrainingEndsOn : plan.EndsOn;
        var revision = plan.Revise(plan.Version, isNew ? "Anställning som bussförare via jobbspår." : plan.Goal, isNew ? Direction.JobTrack : plan.Direction,
            starts, ends, isNew ? track.TrainingStartsOn.AddDays(28) : plan.ReviewOn, drafts, $"Påbörjade jobbspåret {track.Title}.", by, unit,
            isNew ? at : now);
        if (isNew)
        {
            db.ActionPlans.Add(plan);
        }
        else
        {
            db.AddRange(plan.Activities.Where(a => !existing.Contains(a.Id)));
        }

        db.Add(revision);
    }
}
