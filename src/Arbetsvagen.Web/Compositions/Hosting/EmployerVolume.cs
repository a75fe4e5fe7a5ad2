using System.Diagnostics;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Features.Employers;
using Arbetsvagen.Features.JobTracks;
using Arbetsvagen.Features.Placements;
using Arbetsvagen.Features.Requirements;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Arbetsvagen.Infrastructure.Demo.DemoNames;

namespace Arbetsvagen.Compositions.Hosting;

/// <summary>
/// The employer side of the volume benchmark (issue 9): employers with a workplace and a contact each, open placements
/// spread over them, and job tracks at every stage, the first of which holds <c>candidates</c> candidates from the
/// Täby job centre (so jobb.taby sees their names). Built with the entities' own methods, in batches, like
/// <see cref="Commands.SeedVolumeAsync"/>. Runs after the demo region and the participants.
/// </summary>
public static class EmployerVolume
{
    private static readonly string[] Words = ["Bygg", "Städ", "Vård", "Åkeri", "Ängs", "Öster", "Norr", "Sjö", "Skogs", "Hamn", "Buss", "Mat", "Trä", "Lager",
        "Data", "El", "Rör", "Måleri", "Bageri", "Café", "Trädgård", "Fastighets", "Omsorg", "Logistik", "Verkstads"];
    private static readonly string[] Endings = ["AB", "Sverige AB", "& Son AB", "Service AB", "Gruppen AB", "Partner AB", "i Roslagen AB"];
    private static readonly PlacementKind[] Kinds = Enum.GetValues<PlacementKind>();
    private static readonly JobTrackStage[] Stages =
        [JobTrackStage.Idea, JobTrackStage.NeedsCapture, JobTrackStage.Planning, JobTrackStage.Decided, JobTrackStage.Recruitment, JobTrackStage.TrainingOngoing];

    public static async Task SeedAsync(AppDbContext db, int employers, int placements, int jobTracks, int candidates)
    {
        var watch = Stopwatch.StartNew();
        var collaboration = await db.Collaborations.Where(c => c.Name == CollaborationName).Select(c => c.Id).FirstAsync();
        var owner = await db.Organisations.AsNoTracking().FirstAsync(o => o.Name == JobCentreName("Täby"));
        var provider = await db.Organisations.AsNoTracking().FirstAsync(o => o.Name == NorrtaljeVuxName);
        var by = await db.Users.Where(u => u.UserName == "jobb.taby").Select(u => u.Id).FirstAsync();
        var occupations = ReferenceData.Instance.Occupations.Values.OrderBy(o => o.ConceptId, StringComparer.Ordinal).ToArray();
        var now = DateTime.UtcNow;
        var today = SwedishTime.Today(now);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        var made = new List<(Guid Employer, Guid Workplace, string Municipality)>();
        for (var i = 0; i < employers; i++)
        {
            var nine = (700_000_000 + i).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
            var (code, town) = Municipalities[i % Municipalities.Length];
            var employer = Employer.Create(nine + OrganisationNumber.CheckDigit(nine), false,
                $"{Words[i % Words.Length]}{Words[i / Words.Length % Words.Length].ToLowerInvariant()} {Endings[i % Endings.Length]} {i:D5}", "432",
                (EmployerSize)(1 + i % 4), collaboration, owner.Id, by, now);
            var workplace = employer.AddWorkplace($"{town} {i % 7 + 1}", $"Industrivägen {i % 90 + 1}", "183 70", town, code, null);
            employer.AddContact($"Kontakt {i:D5}", "HR", "08-555 000 00", null, now);
            db.Add(employer);
            made.Add((employer.Id, workplace.Id, code));
            await SaveEveryAsync(db, i, employers, "arbetsgivare");
        }

        for (var i = 0; i < placements; i++)
        {
            var (employer, workplace, code) = made[i % made.Count];
            var start = today.AddDays(-(i % 60));
            var content = new Placement.Content(workplace, code, Kinds[i % Kinds.Length], occupations[i % occupations.Length].ConceptId,
                "Arbetsuppgifter enligt överenskommelse med handledaren.", $"Handledare {i:D5}", null, null, null, null,
                [(null, start, start.AddDays(90 + i % 120), 1 + i % 3)], [new Requirement(RequirementKind.SwedishLevel, "SfiC", i % 2 == 0)]);
            db.Add(Placement.Create(employer, content, collaboration, owner.Id, by, now));
            await SaveEveryAsync(db, i, placements, "praktikplatser");
        }

        var people = await db.Participants.AsNoTracking().Where(p => p.OwnerOrganisationId == owner.Id).OrderBy(p => p.Id).Select(p => p.Id)
            .Take(candidates).ToListAsync();
        for (var i = 0; i < jobTracks; i++)
        {
            var occupation = occupations[(i * 7) % occupations.Length];
            var track = JobTrack.Create(new JobTrackDesign($"Jobbspår {occupation.Name} {i:D3}", [made[i % made.Count].Employer], occupation.ConceptId,
                occupation.Ssyk4, provider.Id, "2 v FUB + 12 v AUB", today.AddDays(30 - i % 90), 14, TrainingRegi.Municipality,
                EmploymentForm.NewStartJob, Municipalities[i % Municipalities.Length].Code, 10, 8, "Ett jobbspår i volymtestet.", 1200, PriceUnit.PerWeek),
                owner.Id, collaboration, by, now.AddDays(-100));
            track.SetRequirements([new Requirement(RequirementKind.DrivingLicence, "B", true)]);
            track.AddTeamMember("Projektledare", "Samordnare", owner.Name);
            track.RecordDecision(today.AddDays(-60), $"SG {i}");
            track.AddDocument(JobTrackDocumentKind.LetterOfIntent, today.AddDays(-61), $"Dnr {i}");
            var stage = i == 0 ? JobTrackStage.Recruitment : Stages[i % Stages.Length];
            while (track.Stage != stage)
            {
                track.MoveTo(JobTrack.NextAfter(track.Stage)!.Value, candidatesAdmitted: 1, by, now.AddDays(-50));
            }

            db.Add(track);
            if (i == 0)
            {
                db.AddRange(people.Select((p, k) => JobTrackCandidate.Propose(track.Id, p, by, owner.Id, now.AddMinutes(-k))));
            }

            await SaveEveryAsync(db, i, jobTracks, "jobbspår");
        }

        await db.Database.ExecuteSqlRawAsync(db.IsPostgres ? "VACUUM ANALYZE" : "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
        Console.WriteLine($"\nKlart: {employers} arbetsgivare, {placements} praktikplatser, {jobTracks} jobbspår ({people.Count} kandidater i det första) på {watch.Elapsed.TotalSeconds:F1} s.");
    }

    private static async Task SaveEveryAsync(AppDbContext db, int i, int count, string what)
    {
        if ((i + 1) % 1_000 != 0 && i + 1 != count)
        {
            return;
        }

        db.ChangeTracker.DetectChanges();
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        Console.Write($"\r{i + 1} / {count} {what}   ");
    }
}
