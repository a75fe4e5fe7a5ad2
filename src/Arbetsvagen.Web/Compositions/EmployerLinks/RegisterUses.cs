using Arbetsvagen.Features.Employers;
using Arbetsvagen.Features.JobTracks;
using Arbetsvagen.Features.Placements;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Compositions.EmployerLinks;

/// <summary>
/// The register's view of what builds on it (<see cref="IRegisterUses"/>): placements at a workplace, and the job tracks
/// and placements that may answer a competence need. A composition, since it reads two features that depend on the register.
/// </summary>
public sealed class RegisterUses(AppDbContext db) : IRegisterUses
{
    private const int MaxChoices = 200;

    public Task<int> PlacementsAtAsync(Guid workplaceId, CancellationToken ct) => db.Set<Placement>().CountAsync(p => p.WorkplaceId == workplaceId, ct);

    public async Task<List<NeedAnswer>> ChoicesAsync(Guid collaborationId, Guid? employerId, string? municipalityCode, CancellationToken ct)
    {
        var tracks = await Tracks(db.Set<JobTrack>().Where(t => t.OwnerCollaborationId == collaborationId
            && t.Stage != JobTrackStage.Completed && t.Stage != JobTrackStage.Cancelled), ct);
        var placements = db.Set<Placement>().Where(p => p.OwnerCollaborationId == collaborationId && p.Status != PlacementStatus.Closed);
        placements = employerId is { } employer ? placements.Where(p => p.EmployerId == employer)
            : municipalityCode is { } code ? placements.Where(p => p.MunicipalityCode == code)
            : placements.Where(p => false);
        return tracks.Concat(await Placements(placements, ct))
            .OrderBy(a => employerId is { } e && a.EmployerIds.Contains(e) ? 0 : 1).ThenBy(a => a.Kind).ThenBy(a => a.Label, SwedishCollation.Comparer)
            .ToList();
    }

    public async Task<List<NeedAnswer>> FindAsync(IReadOnlyCollection<Guid> ids, CancellationToken ct) =>
        ids.Count == 0 ? [] :
        [
            .. await Tracks(db.Set<JobTrack>().Where(t => ids.Contains(t.Id)), ct),
            .. await Placements(db.Set<Placement>().Where(p => ids.Contains(p.Id)), ct),
        ];

    private static async Task<List<NeedAnswer>> Tracks(IQueryable<JobTrack> tracks, CancellationToken ct) =>
        (await tracks.AsNoTracking().OrderByDescending(t => t.CreatedAt).Take(MaxChoices)
            .Select(t => new { t.Id, t.Title, t.Stage, t.OwnerCollaborationId, Employers = t.Employers.Select(e => e.EmployerId).ToList() })
            .ToListAsync(ct))
        .Select(t => new NeedAnswer(NeedAnswerKind.JobTrack, t.Id, t.OwnerCollaborationId, t.Employers,
            t.Stage is not (JobTrackStage.Completed or JobTrackStage.Cancelled), $"{t.Title} ({EnumText.Label(t.Stage).ToLowerInvariant()})"))
        .ToList();

    private async Task<List<NeedAnswer>> Placements(IQueryable<Placement> placements, CancellationToken ct) =>
        (await placements.AsNoTracking().OrderByDescending(p => p.CreatedAt).Take(MaxChoices)
            .Select(p => new
            {
                p.Id, p.Kind, p.Status, p.OccupationId, p.EmployerId, p.OwnerCollaborationId,
                Employer = db.Set<Employer>().Where(e => e.Id == p.EmployerId).Select(e => e.Name).FirstOrDefault(),
                Workplace = db.Set<Workplace>().Where(w => w.Id == p.WorkplaceId).Select(w => w.Name).FirstOrDefault(),
            })
            .ToListAsync(ct))
        .Select(p => new NeedAnswer(NeedAnswerKind.Placement, p.Id, p.OwnerCollaborationId, [p.EmployerId], p.Status != PlacementStatus.Closed,
            $"{EnumText.Label(p.Kind)}: {EmployerWork.OccupationName(p.OccupationId, null)} – {p.Employer}, {p.Workplace}"))
        .ToList();
}
