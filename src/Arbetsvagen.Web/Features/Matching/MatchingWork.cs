using Arbetsvagen.Core.AccessLog;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.Employers;
using Arbetsvagen.Features.JobAds;
using Arbetsvagen.Features.JobTracks;
using Arbetsvagen.Features.Notifications;
using Arbetsvagen.Features.Placements;
using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using M = Arbetsvagen.Matching;

namespace Arbetsvagen.Features.Matching;

/// <summary>
/// One ranked candidate as the current user may see them: named (<see cref="ParticipantId"/> and <see cref="Name"/>)
/// only when ParticipantAccess lets the user see the person; otherwise an anonymous profile with a reference the
/// user can ask the person's own caseworker about (<see cref="AskReference"/>), good for this user and a day.
/// </summary>
public sealed record RankedCandidate(int Rank, Guid? ParticipantId, string? Name, int Score, int ProfileFit, int PersonFit,
    M.MatchExplanation Explanation, string? AskReference, bool Proposed, bool Asked)
{
    public bool Named => ParticipantId is not null;

    public ExplainedMatch Explained => new(Explanation, ProfileFit, PersonFit);
}

/// <summary>What the explanation partial shows of a match: both sides' fit and the explanation.</summary>
public sealed record ExplainedMatch(M.MatchExplanation Explanation, int ProfileFit, int PersonFit);

/// <summary>
/// A ranking for one opportunity. <see cref="AggregateOnly"/>: the reader (an analyst or administrator) sees how many
/// meet the must-haves, never a person. <see cref="OnlyConsented"/>: an Arbetsförmedlingen reader, who sees only
/// people whose consent names Arbetsförmedlingen (or its own).
/// </summary>
public sealed record CandidateRankingShown(Opportunity Opportunity, bool AggregateOnly, bool OnlyConsented, IReadOnlyList<RankedCandidate> Candidates,
    int EligibleCount, int CandidateCount, M.MatchingWeights Weights, bool MayAsk);

public sealed record RankedOpportunity(Opportunity Opportunity, M.MatchResult Result, bool Proposed)
{
    public ExplainedMatch Explained => new(Result.Explanation, Result.ProfileFit, Result.PersonFit);
}

/// <summary>A person's opportunities, best first, blocked ones last with what stands in the way; and who asked about them.</summary>
public sealed record OpportunitiesShown(Participant Participant, bool OwnCase, IReadOnlyList<RankedOpportunity> Opportunities,
    IReadOnlyList<ProposalRequest> Requests, int Considered);

public sealed record SettingsShown(Collaboration Collaboration, MatchingSettings Settings, M.MatchingWeights Weights, bool MayChange);

/// <summary>Weights as a form or the API sends them: every field must be there (a missing one is not taken as zero).</summary>
public sealed class WeightsInput
{
    public int? OccupationExperience { get; set; }
    public int? Skills { get; set; }
    public int? SwedishLevel { get; set; }
    public int? DrivingLicence { get; set; }
    public int? EducationLevel { get; set; }
    public int? EducationField { get; set; }
    public int? Languages { get; set; }
    public int? OtherMerits { get; set; }
    public int? OccupationInterest { get; set; }
    public int? Readiness { get; set; }
    public int? Direction { get; set; }
    public int? Commuting { get; set; }
    public int? PersonDirection { get; set; }
    public int? PersonInterest { get; set; }
    public int? PersonCommuting { get; set; }
    public int? ProfileSide { get; set; }
    public int? PersonSide { get; set; }
    public int? MaxCommuteMinutes { get; set; }

    public static WeightsInput From(M.MatchingWeights w, int maxCommuteMinutes) => new()
    {
        OccupationExperience = w.OccupationExperience, Skills = w.Skills, SwedishLevel = w.SwedishLevel, DrivingLicence = w.DrivingLicence,
        EducationLevel = w.EducationLevel, EducationField = w.EducationField, Languages = w.Languages, OtherMerits = w.OtherMerits,
        OccupationInterest = w.OccupationInterest, Readiness = w.Readiness, Direction = w.Direction, Commuting = w.Commuting,
        PersonDirection = w.PersonDirection, PersonInterest = w.PersonInterest, PersonCommuting = w.PersonCommuting,
        ProfileSide = w.ProfileSide, PersonSide = w.PersonSide, MaxCommuteMinutes = maxCommuteMinutes,
    };

    /// <summary>The weights, or the fields that are missing (by the core's names and labels).</summary>
    public (M.MatchingWeights? Weights, Dictionary<string, string[]> Errors) Read()
    {
        var w = new M.MatchingWeights
        {
            OccupationExperience = OccupationExperience ?? -1, Skills = Skills ?? -1, SwedishLevel = SwedishLevel ?? -1,
            DrivingLicence = DrivingLicence ?? -1, EducationLevel = EducationLevel ?? -1, EducationField = EducationField ?? -1,
            Languages = Languages ?? -1, OtherMerits = OtherMerits ?? -1, OccupationInterest = OccupationInterest ?? -1, Readiness = Readiness ?? -1,
            Direction = Direction ?? -1, Commuting = Commuting ?? -1, PersonDirection = PersonDirection ?? -1, PersonInterest = PersonInterest ?? -1,
            PersonCommuting = PersonCommuting ?? -1, ProfileSide = ProfileSide ?? -1, PersonSide = PersonSide ?? -1,
        };
        var given = new[]
        {
            OccupationExperience, Skills, SwedishLevel, DrivingLicence, EducationLevel, EducationField, Languages, OtherMerits, OccupationInterest,
            Readiness, Direction, Commuting, PersonDirection, PersonInterest, PersonCommuting, ProfileSide, PersonSide,
        };
        var errors = new Dictionary<string, string[]>();
        foreach (var ((field, label, _), value) in w.Fields().Zip(given))
        {
            if (value is null)
            {
                errors[field] = [$"Ange vikten för {label} (0–{M.MatchingWeights.Max})."];
            }
        }

        if (errors.Count == 0)
        {
            foreach (var (field, messages) in w.Validate())
            {
                errors[field] = messages;
            }
        }

        if (MaxCommuteMinutes is not { } minutes || minutes < 0 || minutes > MatchingSettings.MaxCommuteLimit)
        {
            errors["maxCommuteMinutes"] = [$"Längsta restid: ange ett antal minuter från 0 till {MatchingSettings.MaxCommuteLimit}."];
        }

        return (errors.Count == 0 ? w : null, errors);
    }
}

/// <summary>
/// Matching in use (issue 10): ranked candidates for a job track, placement or job ad, a person's ranked opportunities,
/// asking a person's own caseworker to consider proposing them, proposing from a person's list, and each
/// collaboration's weights. The secrecy rule is ParticipantAccess's; every list that shows people is a search row in
/// the access log with the ids shown.
/// </summary>
public sealed class MatchingWork(AppDbContext db, CurrentUser user, ParticipantAccess access, AccessLogger log, TimeProvider clock,
    MatchingIndex index, OpportunityCatalog catalog, JobTrackWork jobTracks, IDataProtectionProvider protection)
{
    public const int DefaultTop = 50;
    public const int MaxTop = 200;
    public const int MaxOpportunities = 30;
    private const string Entity = "Matching";

    /// <summary>
    /// A candidate is named only to a reader who may see both who it is and the case and plan: the explanation shows
    /// the mapping and the joint position, so a consent that shares identity alone leaves the person anonymous.
    /// </summary>
    private const DataCategories Named = DataCategories.Identity | DataCategories.CaseAndPlan;
    private static readonly TimeSpan AskValidFor = TimeSpan.FromDays(1);

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private DateOnly Today => SwedishTime.Today(Now);
    private ITimeLimitedDataProtector Asks => protection.CreateProtector("Arbetsvagen.Matching.Ask").ToTimeLimitedDataProtector();

    /// <summary>Analysts and administrators see how many fit, never who.</summary>
    private bool AggregateOnly => !user.IsCaseworker && !user.IsInRole(Roles.Coordinator);

    private List<Guid>? collaborations;

    /// <summary>The collaborations the user's organisation (or the municipality its unit belongs to) is a member of.</summary>
    public async Task<List<Guid>> CollaborationsAsync(CancellationToken ct)
    {
        if (collaborations is not null)
        {
            return collaborations;
        }

        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == user.OrganisationId)
            .Select(o => new { o.Id, o.ParentId }).FirstOrDefaultAsync(ct);
        Guid?[] orgs = [organisation?.Id, organisation?.ParentId];
        return collaborations = await db.Set<CollaborationMember>().Where(m => orgs.Contains(m.OrganisationId))
            .Select(m => m.CollaborationId).Distinct().OrderBy(id => id).ToListAsync(ct);
    }

    /// <summary>The settings that weigh a ranking: the opportunity's collaboration's, else the user's first, else the defaults.</summary>
    private async Task<MatchingSettings> SettingsForAsync(Guid? collaborationId, CancellationToken ct)
    {
        var id = collaborationId ?? (await CollaborationsAsync(ct)).Cast<Guid?>().FirstOrDefault();
        return id is { } c
            ? await db.MatchingSettings.AsNoTracking().FirstOrDefaultAsync(s => s.CollaborationId == c, ct) ?? MatchingSettings.Defaults(c)
            : MatchingSettings.Defaults(Guid.Empty);
    }

    // ------------------------------------------------------------------ candidates for an opportunity

    /// <summary>The opportunity, if the user may see it: a job track or placement of one of the user's collaborations, or any job ad.</summary>
    public async Task<Opportunity?> FindOpportunityAsync(OpportunityKindName kind, Guid id, CancellationToken ct)
    {
        var mine = await CollaborationsAsync(ct);
        Opportunity? found = null;
        switch (kind)
        {
            case OpportunityKindName.JobTrack:
                var track = await db.JobTracks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id && mine.Contains(t.OwnerCollaborationId), ct);
                if (track is not null)
                {
                    found = MatchingSources.Of(track, (await SettingsForAsync(track.OwnerCollaborationId, ct)).MaxCommuteMinutes);
                }

                break;
            case OpportunityKindName.Placement:
                var placement = await db.Placements.AsNoTracking().Include(p => p.Periods)
                    .FirstOrDefaultAsync(p => p.Id == id && mine.Contains(p.OwnerCollaborationId), ct);
                if (placement is not null)
                {
                    var employer = await db.Employers.AsNoTracking().Where(e => e.Id == placement.EmployerId)
                        .ToDictionaryAsync(e => e.Id, e => e.Name, ct);
                    found = MatchingSources.Of(placement, OpportunityCatalog.PlacementTitle(placement, employer), Today,
                        (await SettingsForAsync(placement.OwnerCollaborationId, ct)).MaxCommuteMinutes);
                }

                break;
            case OpportunityKindName.JobAd:
                var ad = await db.JobAds.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct);
                if (ad is not null)
                {
                    found = MatchingSources.Of(ad, Today, (await SettingsForAsync(null, ct)).MaxCommuteMinutes);
                }

                break;
        }

        if (found is null)
        {
            await log.RecordAsync(AccessAction.Denied, Entity, id, ct: ct);
        }

        return found;
    }

    /// <summary>
    /// The best <paramref name="top"/> candidates across the collaboration. A caseworker sees by name those of their own
    /// secrecy boundary and those whose consent names their unit, the rest as anonymous profiles; an Arbetsförmedlingen
    /// user only those whose consent names Arbetsförmedlingen; analysts and administrators only the counts.
    /// </summary>
    public async Task<Outcome<CandidateRankingShown>> CandidatesAsync(OpportunityKindName kind, Guid id, int? top, CancellationToken ct)
    {
        var n = top ?? DefaultTop;
        if (n < 1 || n > MaxTop)
        {
            return Outcome.Invalid("top", $"Antal kandidater: ange ett tal från 1 till {MaxTop}.");
        }

        if (await FindOpportunityAsync(kind, id, ct) is not { } opportunity)
        {
            return Outcome.NotFound();
        }

        if (opportunity.Profile.Criteria.Count == 0)
        {
            return Outcome.Invalid("criteria", opportunity.Kind == OpportunityKindName.JobAd
                ? "Annonsen anger varken yrkesgrupp eller körkortskrav, så det finns inget att matcha mot."
                : "Möjligheten har ingen kravprofil och inget yrke att matcha mot. Lägg till krav i kravprofilen först.");
        }

        var settings = await SettingsForAsync(opportunity.CollaborationId, ct);
        var weights = settings.ReadWeights();
        var candidates = await index.CurrentAsync(db, ct);
        // Only the collaboration's people: those whose case a member organisation (or one of its units) holds. A job ad
        // belongs to no collaboration: the reader's own collaborations then.
        var members = await MemberOrganisationsAsync(opportunity.CollaborationId is { } c ? [c] : await CollaborationsAsync(ct), ct);
        var onlyConsented = !AggregateOnly && await IsEmploymentServiceAsync(ct);
        HashSet<string>? visible = null;
        if (onlyConsented)
        {
            visible = (await access.Visible(Named).Select(p => p.Id).ToListAsync(ct)).Select(p => p.ToString("D")).ToHashSet(StringComparer.Ordinal);
        }

        bool Included(string key) => index.OwnerOf(key) is { } owner && members.Contains(owner) && (visible is null || visible.Contains(key));

        M.CandidateRanking ranking;
        try
        {
            ranking = M.Matcher.RankCandidates(candidates, opportunity.Profile, weights, AggregateOnly ? 1 : n, Included);
        }
        catch (M.MatchingInputException e)
        {
            return Outcome.Invalid(e.Errors);
        }

        if (AggregateOnly)
        {
            await log.RecordAsync(AccessAction.Search, Entity, id, purpose: $"antal som passar {EnumText.Label(kind).ToLowerInvariant()}", ct: ct);
            return new CandidateRankingShown(opportunity, true, false, [], ranking.EligibleCount, members.Count == 0 ? 0 : ranking.CandidateCount, weights, false);
        }

        var ranked = ranking.Results.Select(r => (Id: Guid.Parse(r.CandidateKey), Result: r)).ToList();
        var rankedIds = ranked.Select(r => r.Id).ToList();
        var named = await access.Visible(Named).Where(p => rankedIds.Contains(p.Id))
            .Select(p => new { p.Id, p.FirstName, p.LastName }).ToDictionaryAsync(p => p.Id, p => $"{p.FirstName} {p.LastName}", ct);
        // Someone the reader knows by name but whose case and plan the consent does not share is left out: shown
        // "anonymously", the reader could still tell who it is and so learn what the consent withholds.
        var namedIds = named.Keys.ToList();
        var knownByNameOnly = (await access.Visible().Where(p => rankedIds.Contains(p.Id) && !namedIds.Contains(p.Id)).Select(p => p.Id).ToListAsync(ct))
            .ToHashSet();
        ranked = [.. ranked.Where(r => !knownByNameOnly.Contains(r.Id))];
        var ids = ranked.Select(r => r.Id).ToList();
        var proposed = kind == OpportunityKindName.JobTrack
            ? (await db.JobTrackCandidates.Where(c => c.JobTrackId == id && ids.Contains(c.ParticipantId)).Select(c => c.ParticipantId).ToListAsync(ct)).ToHashSet()
            : [];
        var asked = (await db.ProposalRequests.Where(r => r.OpportunityKey == opportunity.Profile.Key && ids.Contains(r.ParticipantId))
            .Select(r => r.ParticipantId).ToListAsync(ct)).ToHashSet();
        var shown = ranked.Select((x, i) =>
        {
            var (pid, r) = x;
            return named.TryGetValue(pid, out var name)
                ? new RankedCandidate(i + 1, pid, name, r.Score, r.ProfileFit, r.PersonFit, r.Explanation, null, proposed.Contains(pid), asked.Contains(pid))
                : new RankedCandidate(i + 1, null, null, r.Score, r.ProfileFit, r.PersonFit, Anonymous(r.Explanation),
                    Asks.Protect($"{user.Id:N}|{pid:N}|{kind}|{id:N}", AskValidFor), Proposed: false, asked.Contains(pid));
        }).ToList();

        await log.RecordAsync(AccessAction.Search, Entity, id, purpose: $"matchning mot {EnumText.Label(kind).ToLowerInvariant()}", resultIds: ids, ct: ct);
        return new CandidateRankingShown(opportunity, false, onlyConsented, shown, ranking.EligibleCount, ranking.CandidateCount, weights, MayAsk: true);
    }

    private async Task<bool> IsEmploymentServiceAsync(CancellationToken ct)
    {
        var organisationId = user.OrganisationId;
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Id == organisationId).Select(o => new { o.Kind, o.ParentId }).FirstOrDefaultAsync(ct);
        return organisation?.Kind == OrganisationKind.EmploymentService
            || (organisation?.ParentId is { } parent && await db.Organisations.AnyAsync(o => o.Id == parent && o.Kind == OrganisationKind.EmploymentService, ct));
    }

    /// <summary>
    /// The explanation without what could point at the person: for each criterion only whether it is met and the points;
    /// not what the person has (their municipality, licences, occupations, colour and direction could together name them
    /// in a small municipality). The gaps say what is missing, never what the person has.
    /// </summary>
    private static M.MatchExplanation Anonymous(M.MatchExplanation e)
    {
        var age = M.Labels.Of(M.CriterionKind.MinimumAge);
        static M.CriterionResult Hide(M.CriterionResult c)
        {
            var has = c.Met ? "uppfyller" : "uppfyller inte";
            return c with { Has = has, Text = $"{c.Criterion}: {c.Required}. {char.ToUpperInvariant(has[0])}{has[1..]}." };
        }

        return new M.MatchExplanation([.. e.ProfileSide.Select(Hide)], [.. e.PersonSide.Select(Hide)],
            [.. e.Gaps.Select(g => g.Criterion != age ? g : g with { Problem = "under åldersgränsen på startdatum" })],
            "Anonym kandidat: kriterierna visas som uppfyllda eller inte, utan personens egna uppgifter.");
    }

    /// <summary>Whether a candidate (by index key) belongs to one of the user's collaborations: for counts over the region.</summary>
    public async Task<Func<string, bool>> InMyCollaborationsAsync(CancellationToken ct)
    {
        var members = await MemberOrganisationsAsync(await CollaborationsAsync(ct), ct);
        return key => index.OwnerOf(key) is { } owner && members.Contains(owner);
    }

    /// <summary>The organisations that are members of the collaborations, and their units.</summary>
    private async Task<HashSet<Guid>> MemberOrganisationsAsync(IReadOnlyCollection<Guid> collaborationIds, CancellationToken ct)
    {
        var members = db.Set<CollaborationMember>().Where(m => collaborationIds.Contains(m.CollaborationId)).Select(m => m.OrganisationId);
        return (await db.Organisations.Where(o => members.Contains(o.Id) || (o.ParentId != null && members.Contains(o.ParentId.Value)))
            .Select(o => o.Id).ToListAsync(ct)).ToHashSet();
    }

    // ------------------------------------------------------------------ asking the person's own caseworker

    /// <summary>
    /// Asks the caseworkers of the unit that holds an anonymous candidate's case to consider proposing them: a notice to
    /// each of them, which names the person only to those who may see the person. The asker learns nothing more.
    /// </summary>
    public async Task<Outcome<ProposalRequest>> AskAsync(string? reference, CancellationToken ct)
    {
        if (AggregateOnly)
        {
            return Outcome.Forbidden("Samordnare och handläggare kan be en kandidats handläggare att föreslå kandidaten.");
        }

        string payload;
        try
        {
            payload = Asks.Unprotect(reference ?? "");
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return Outcome.Invalid("candidateReference", "Kandidatreferensen är ogiltig eller för gammal. Ladda om listan med kandidater och försök igen.");
        }

        var parts = payload.Split('|');
        if (parts.Length != 4 || !Guid.TryParse(parts[0], out var asker) || asker != user.Id || !Guid.TryParse(parts[1], out var participantId)
            || !Enum.TryParse<OpportunityKindName>(parts[2], out var kind) || !Guid.TryParse(parts[3], out var opportunityId))
        {
            return Outcome.Invalid("candidateReference", "Kandidatreferensen gäller inte dig. Ladda om listan med kandidater och försök igen.");
        }

        if (await FindOpportunityAsync(kind, opportunityId, ct) is not { } opportunity)
        {
            return Outcome.NotFound();
        }

        if (await db.ProposalRequests.AnyAsync(r => r.OpportunityKey == opportunity.Profile.Key && r.ParticipantId == participantId, ct))
        {
            return Outcome.Conflict("Kandidatens handläggare är redan tillfrågad om den här möjligheten.");
        }

        var owner = await db.Participants.Where(p => p.Id == participantId).Select(p => (Guid?)p.OwnerOrganisationId).FirstOrDefaultAsync(ct);
        if (owner is null)
        {
            return Outcome.NotFound();
        }

        // The caseworkers of the unit that holds the case, not its analysts or administrators.
        var caseworkerRoles = db.Roles.Where(r => Roles.Caseworkers.Contains(r.Name!)).Select(r => r.Id);
        var withRole = db.UserRoles.Where(ur => caseworkerRoles.Contains(ur.RoleId)).Select(ur => ur.UserId);
        var recipients = await db.Users.Where(u => u.OrganisationId == owner && !u.IsDisabled && u.Id != user.Id && withRole.Contains(u.Id))
            .Select(u => u.Id).ToListAsync(ct);
        if (recipients.Count == 0)
        {
            return Outcome.Conflict("Enheten som har kandidatens ärende har ingen aktiv handläggare i Arbetsvägen att fråga. Kontakta enheten på annat sätt.");
        }

        var asking = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.Name).FirstAsync(ct);
        var request = ProposalRequest.Ask(opportunity.Profile.Key, opportunity.Title, participantId, user.Id, user.OrganisationId, Now);
        db.ProposalRequests.Add(request);
        // The link names the ask, not the person: opening it checks, then, that the reader may see the person.
        db.AddRange(recipients.Select(r => Notification.To(r,
            $"{asking} ber dig överväga att föreslå en deltagare till {EnumText.Label(kind).ToLowerInvariant()} ”{opportunity.Title}”, där deltagaren matchar väl.",
            $"/Matching/Requests/{request.Id}", Now, participantId)));
        log.Add(AccessAction.Create, nameof(ProposalRequest), request.Id, participantId, "fråga om förslag till handläggaren");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict("Kandidatens handläggare är redan tillfrågad om den här möjligheten.");
        }

        return request;
    }

    /// <summary>Where an ask's notice leads: the person's opportunities, if the reader may see the person's case and plan now.</summary>
    public async Task<Guid?> RequestedParticipantAsync(Guid requestId, CancellationToken ct)
    {
        var participantId = await db.ProposalRequests.Where(r => r.Id == requestId).Select(r => (Guid?)r.ParticipantId).FirstOrDefaultAsync(ct);
        return participantId is { } id && await access.FindCoveringAsync(id, DataCategories.CaseAndPlan, Entity, ct) is not null ? id : null;
    }

    // ------------------------------------------------------------------ a person's opportunities

    /// <summary>
    /// A person's open job tracks, placements and job ads, best first (the blocked ones last, with their gaps). The reader
    /// needs the person's case and plan (own boundary, or a consent covering it); the read is logged.
    /// </summary>
    public async Task<Outcome<OpportunitiesShown>> OpportunitiesAsync(Guid participantId, CancellationToken ct)
    {
        if (await access.FindCoveringAsync(participantId, DataCategories.CaseAndPlan, Entity, ct) is not { } grant)
        {
            return Outcome.NotFound();
        }

        var profile = (await MatchingSources.CandidatesAsync(db, [participantId], ct, candidatesOnly: false)).Single().Profile;
        var mine = (await CollaborationsAsync(ct)).ToHashSet();
        var all = await catalog.AllAsync(db, ct);
        var commuting = MatchingSources.Commuting;
        var home = commuting.NumberOf(profile.HomeMunicipalityCode);
        // Only those the user may see, and (cheap to test first) within each one's commuting limit of the person's home.
        var open = all.Where(o => o.CollaborationId is null || mine.Contains(o.CollaborationId.Value))
            .Where(o => home >= 0 && commuting.NumberOf(o.MunicipalityCode) is var at && at >= 0 && commuting.Minutes(at, home) <= o.Profile.MaxCommuteMinutes)
            .ToDictionary(o => o.Profile.Key);
        var weights = (await SettingsForAsync(null, ct)).ReadWeights();
        var ranked = M.Matcher.RankOpportunities(profile, open.Values.Select(o => o.Profile), weights, commuting, MatchingSources.Taxonomy,
            MaxOpportunities, includeBlocked: true);
        var proposed = (await db.JobTrackCandidates.Where(c => c.ParticipantId == participantId).Select(c => c.JobTrackId).ToListAsync(ct)).ToHashSet();
        var requests = await db.ProposalRequests.AsNoTracking().Where(r => r.ParticipantId == participantId).OrderByDescending(r => r.AskedAt).Take(20).ToListAsync(ct);
        await log.RecordAsync(AccessAction.Read, Entity, participantId, participantId, "matchning mot lediga möjligheter", ct: ct);
        return new OpportunitiesShown(grant.Participant, grant.OwnCase,
            [.. ranked.Select(r => open[r.OpportunityKey]).Zip(ranked, (o, r) => new RankedOpportunity(o, r, o.Kind == OpportunityKindName.JobTrack && proposed.Contains(o.Id)))],
            requests, open.Count);
    }

    /// <summary>Proposes the person for a job track from their list: the job track's own rule (their own caseworker, a consent naming the owner).</summary>
    public Task<Outcome<JobTrackCandidate>> ProposeAsync(Guid participantId, Guid jobTrackId, CancellationToken ct) =>
        jobTracks.ProposeAsync(jobTrackId, new ProposalInput { ParticipantId = participantId }, ct);

    // ------------------------------------------------------------------ weights

    public async Task<Outcome<SettingsShown>> SettingsAsync(Guid collaborationId, CancellationToken ct)
    {
        if (!(await CollaborationsAsync(ct)).Contains(collaborationId))
        {
            return Outcome.NotFound();
        }

        var collaboration = await db.Collaborations.AsNoTracking().FirstAsync(c => c.Id == collaborationId, ct);
        var settings = await SettingsForAsync(collaborationId, ct);
        return new SettingsShown(collaboration, settings, settings.ReadWeights(), user.IsInRole(Roles.Coordinator));
    }

    /// <summary>A coordinator of a member organisation changes the weights; the change (each weight before and after) is logged.</summary>
    public async Task<Outcome<SettingsShown>> ChangeSettingsAsync(Guid collaborationId, WeightsInput input, CancellationToken ct)
    {
        if (!(await CollaborationsAsync(ct)).Contains(collaborationId))
        {
            return Outcome.NotFound();
        }

        if (!user.IsInRole(Roles.Coordinator))
        {
            return Outcome.Forbidden("Vikterna för matchning ändras av en samordnare.");
        }

        var (weights, errors) = input.Read();
        if (weights is null)
        {
            return Outcome.Invalid(errors);
        }

        var settings = await db.MatchingSettings.FirstOrDefaultAsync(s => s.CollaborationId == collaborationId, ct);
        if (settings is null)
        {
            settings = MatchingSettings.Defaults(collaborationId);
            db.MatchingSettings.Add(settings);
        }

        var changes = settings.Change(weights, input.MaxCommuteMinutes!.Value, user.Id, Now);
        log.Add(AccessAction.Update, nameof(MatchingSettings), collaborationId, purpose: changes);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Conflict("Någon annan sparade vikterna samtidigt. Ladda om sidan och gör om ändringen.");
        }

        return await SettingsAsync(collaborationId, ct);
    }
}
