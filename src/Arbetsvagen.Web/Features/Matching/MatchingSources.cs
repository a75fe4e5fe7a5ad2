using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.Cases;
using Arbetsvagen.Features.JobAds;
using Arbetsvagen.Features.JobTracks;
using Arbetsvagen.Features.Mappings;
using Arbetsvagen.Features.Placements;
using Arbetsvagen.Features.Requirements;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using M = Arbetsvagen.Matching;

namespace Arbetsvagen.Features.Matching;

/// <summary>An opportunity as matching and its pages know it: the profile, and what a list shows and filters on.</summary>
/// <summary>A candidate's profile and the organisation that holds their case (which collaboration they belong to).</summary>
public sealed record IndexedCandidate(M.CandidateProfile Profile, Guid OwnerOrganisationId);

public sealed record Opportunity(M.OpportunityProfile Profile, OpportunityKindName Kind, Guid Id, string Title, string MunicipalityCode,
    Guid? CollaborationId, string Link);

/// <summary>
/// Builds the matching core's inputs from the database (the field mapping is in src/Arbetsvagen.Matching/README.md):
/// a participant becomes a <see cref="M.CandidateProfile"/>, a job track, placement or job ad an <see cref="M.OpportunityProfile"/>.
/// </summary>
public static class MatchingSources
{
    /// <summary>
    /// Travel minutes between municipalities. No public table of commuting times is shipped yet, so the rule is coarse:
    /// the same municipality 0 minutes, another in the same county 40, other counties out of reach (ADR 0014).
    /// </summary>
    public const int SameCountyMinutes = 40;

    public static M.CommutingMatrix Commuting { get; } = BuildCommuting();

    public static M.MatchingTaxonomy Taxonomy { get; } = new()
    {
        SsykLabels = RequirementTaxonomy.Instance.OccupationGroups.All.ToDictionary(e => int.Parse(e.Id), e => e.Label),
        SkillLabels = RequirementTaxonomy.Instance.Skills.All.ToDictionary(e => e.Id, e => e.Label),
        MunicipalityNames = ReferenceData.Instance.Municipalities.Values.ToDictionary(m => m.Code, m => m.Name),
    };

    private static M.CommutingMatrix BuildCommuting()
    {
        var municipalities = ReferenceData.Instance.Municipalities.Values.ToList();
        var pairs = municipalities.SelectMany(a => municipalities.Where(b => b.Code != a.Code && b.CountyName == a.CountyName)
            .Select(b => (a.Code, b.Code, SameCountyMinutes)));
        return new M.CommutingMatrix(municipalities.Select(m => m.Code), pairs);
    }

    /// <summary>
    /// The participants who are candidates — all but those whose every case is closed — as profiles; with
    /// <paramref name="only"/>, just those of them (a change feed's ids). <paramref name="candidatesOnly"/> false: closed ones too.
    /// </summary>
    public static async Task<List<IndexedCandidate>> CandidatesAsync(AppDbContext db, IReadOnlyCollection<Guid>? only, CancellationToken ct,
        bool candidatesOnly = true)
    {
        var people = db.Participants.AsNoTracking().Where(p => only == null || only.Contains(p.Id))
            .Where(p => !candidatesOnly || !db.Set<Case>().Any(c => c.ParticipantId == p.Id)
                || db.Set<Case>().Any(c => c.ParticipantId == p.Id && c.State != CaseState.Closed));
        var rows = await people.Select(p => new
        {
            p.Id, p.OwnerOrganisationId, p.DateOfBirth, p.HomeMunicipalityCode, p.DrivingLicences, p.AfStatus, p.SwedishLevel, p.EducationLevel,
        }).ToListAsync(ct);
        var ids = people.Select(p => p.Id);
        var occupations = (await db.Set<ParticipantOccupation>().AsNoTracking().Where(o => ids.Contains(o.ParticipantId))
                .Select(o => new { o.ParticipantId, o.Relation, o.ConceptId }).ToListAsync(ct))
            .ToLookup(o => o.ParticipantId);
        var allMappings = db.Mappings;
        var mappings = (await allMappings.AsNoTracking().Where(m => ids.Contains(m.ParticipantId))
                .Where(m => m.Version == allMappings.Where(x => x.ParticipantId == m.ParticipantId).Max(x => x.Version))
                .Select(m => new { m.ParticipantId, m.SwedishLevel, m.EducationLevel, Occupations = m.Occupations.Select(o => o.ConceptId).ToList() })
                .ToListAsync(ct))
            .ToDictionary(m => m.ParticipantId);
        var positions = (await db.JointPositions.AsNoTracking().Where(j => ids.Contains(j.ParticipantId))
                .Select(j => new { j.ParticipantId, j.DecidedOn, j.RecordedAt, j.Direction, j.Readiness }).ToListAsync(ct))
            .GroupBy(j => j.ParticipantId)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(j => j.DecidedOn).ThenByDescending(j => j.RecordedAt).First());

        return rows.Select(p =>
        {
            var mapping = mappings.GetValueOrDefault(p.Id);
            var position = positions.GetValueOrDefault(p.Id);
            var own = occupations[p.Id].ToList();
            var swedish = mapping is { SwedishLevel: not SwedishLevel.Unknown } ? mapping.SwedishLevel : p.SwedishLevel;
            var education = mapping is { EducationLevel: not EducationLevel.Unknown } ? mapping.EducationLevel : p.EducationLevel;
            return new IndexedCandidate(new M.CandidateProfile
            {
                Key = p.Id.ToString("D"),
                DateOfBirth = p.DateOfBirth,
                HomeMunicipalityCode = p.HomeMunicipalityCode,
                Licences = M.DrivingLicenceText.ParseList(p.DrivingLicences),
                SwedishLevel = (M.SwedishLevel)(int)swedish,
                EducationLevel = (M.EducationLevel)(int)education,
                AfRegistered = p.AfStatus != AfStatus.NotRegistered,
                ExperienceSsyk = Ssyk(own.Where(o => o.Relation == OccupationRelation.Experience).Select(o => o.ConceptId)),
                InterestSsyk = Ssyk(own.Where(o => o.Relation == OccupationRelation.Interest).Select(o => o.ConceptId)
                    .Concat(mapping?.Occupations ?? [])),
                Readiness = position is null ? null : (M.Readiness)(int)position.Readiness,
                Direction = position is null ? null : (M.Direction)(int)position.Direction,
            }, p.OwnerOrganisationId);
        }).ToList();
    }

    /// <summary>SSYK-4 groups of occupation concept ids (JobTech yrkesbenämningar), each once, in a stable order.</summary>
    private static List<int> Ssyk(IEnumerable<string> conceptIds) =>
        [.. conceptIds.Select(id => ReferenceData.Instance.Occupations.TryGetValue(id, out var o) && int.TryParse(o.Ssyk4, out var code) ? code : 0)
            .Where(code => code > 0).Distinct().Order()];

    private static int? SsykOf(string? code) => int.TryParse(code, out var value) && value > 0 ? value : null;

    private static IReadOnlyList<M.Criterion> Criteria(IEnumerable<Requirement> requirements) =>
        [.. requirements.Select(r => new M.Criterion(Enum.Parse<M.CriterionKind>(r.Kind.ToString()), r.Value, r.MustHave))];

    public static Opportunity Of(JobTrack track, int maxCommuteMinutes)
    {
        var criteria = Criteria(track.Requirements).ToList();
        if (track.Regi == TrainingRegi.EmploymentService && !criteria.Any(c => c.Kind == M.CriterionKind.AfRegistration))
        {
            criteria.Add(new M.Criterion(M.CriterionKind.AfRegistration, "", MustHave: true));
        }

        if (criteria.Count == 0 && SsykOf(track.Ssyk4) is not null)
        {
            // A profile not yet written: the track's occupation as a merit, so the ranking has something to weigh.
            criteria.Add(new M.Criterion(M.CriterionKind.OccupationExperience, track.Ssyk4, MustHave: false));
        }

        var profile = new M.OpportunityProfile
        {
            Key = $"jobtrack:{track.Id:D}", Kind = M.OpportunityKind.JobTrack, MunicipalityCode = track.WorkplaceMunicipalityCode,
            StartsOn = track.TrainingStartsOn, OccupationSsyk = SsykOf(track.Ssyk4), MaxCommuteMinutes = maxCommuteMinutes, Criteria = criteria,
        };
        return new Opportunity(profile, OpportunityKindName.JobTrack, track.Id, track.Title, track.WorkplaceMunicipalityCode, track.OwnerCollaborationId,
            $"/JobTracks/Details/{track.Id}");
    }

    public static Opportunity Of(Placement placement, string title, DateOnly today, int maxCommuteMinutes)
    {
        var ssyk = ReferenceData.Instance.Occupations.TryGetValue(placement.OccupationId, out var occupation) ? occupation.Ssyk4 : null;
        var criteria = Criteria(placement.Requirements).ToList();
        if (criteria.Count == 0 && SsykOf(ssyk) is not null)
        {
            criteria.Add(new M.Criterion(M.CriterionKind.OccupationExperience, ssyk!, MustHave: false));
        }

        var next = placement.Periods.Where(p => p.EndsOn >= today).OrderBy(p => p.StartsOn).FirstOrDefault();
        var profile = new M.OpportunityProfile
        {
            Key = $"placement:{placement.Id:D}", Kind = M.OpportunityKind.Placement, MunicipalityCode = placement.MunicipalityCode,
            StartsOn = next is null ? today : (next.StartsOn > today ? next.StartsOn : today), OccupationSsyk = SsykOf(ssyk),
            MaxCommuteMinutes = maxCommuteMinutes, Criteria = criteria,
        };
        return new Opportunity(profile, OpportunityKindName.Placement, placement.Id, title, placement.MunicipalityCode, placement.OwnerCollaborationId,
            $"/Placements/Details/{placement.Id}");
    }

    /// <summary>
    /// A job ad's profile: its licences as must-haves, its occupation group as experience (a must-have when the ad
    /// requires experience, else a merit). An ad with neither has no criteria, and one without a known workplace
    /// municipality cannot be ranked: the catalogue leaves both out, a ranking answers why.
    /// </summary>
    public static Opportunity Of(JobAd ad, DateOnly today, int maxCommuteMinutes)
    {
        var municipality = ad.MunicipalityCode ?? "";
        var criteria = new List<M.Criterion>();
        if (ad.DrivingLicenceRequired)
        {
            var licences = (ad.DrivingLicences ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Where(l => M.DrivingLicenceText.TryParseOne(l, out _)).ToList();
            criteria.AddRange((licences.Count == 0 ? ["B"] : licences).Select(l => new M.Criterion(M.CriterionKind.DrivingLicence, l, MustHave: true)));
        }

        if (SsykOf(ad.SsykCode) is not null)
        {
            criteria.Add(new M.Criterion(M.CriterionKind.OccupationExperience, ad.SsykCode!, MustHave: ad.ExperienceRequired));
        }

        var profile = new M.OpportunityProfile
        {
            Key = $"ad:{ad.Id:D}", Kind = M.OpportunityKind.JobAd, MunicipalityCode = municipality, StartsOn = today,
            OccupationSsyk = SsykOf(ad.SsykCode), MaxCommuteMinutes = maxCommuteMinutes, Criteria = criteria,
        };
        return new Opportunity(profile, OpportunityKindName.JobAd, ad.Id, ad.Headline, municipality, null, $"/Matching/Candidates/JobAd/{ad.Id}");
    }
}
