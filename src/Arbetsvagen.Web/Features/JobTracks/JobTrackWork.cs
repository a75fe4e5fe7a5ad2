using Arbetsvagen.Core.AccessLog;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.Employers;
using Arbetsvagen.Features.Requirements;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.JobTracks;

/// <summary>A job track in the list: no person, only how many candidates it has.</summary>
public sealed record JobTrackSummary(Guid Id, string Title, JobTrackStage Stage, string Ssyk4, string OccupationConceptId, string WorkplaceMunicipalityCode,
    DateOnly TrainingStartsOn, int Places, int Candidates, List<string> Employers);

/// <summary>
/// A candidate as the current user may see them: <see cref="Name"/> and <see cref="ParticipantId"/> only when
/// ParticipantAccess lets the user see the person; others are counted, never listed.
/// </summary>
public sealed record CandidateView(Guid Id, Guid ParticipantId, string Name, string HomeMunicipalityCode, CandidateStage Stage, DateTime ProposedAt,
    bool? AfRegistered, bool? EntitledToEmploymentSupport, DateOnly? StartedOn, EmploymentForm? HiredAs, DateOnly? HiredOn, int Version);

public sealed record CandidateList(List<CandidateView> Visible, int Hidden);

/// <summary>The job track with what the user may see of its candidates, and the names its page shows.</summary>
public sealed record JobTrackShown(JobTrack Track, CandidateList Candidates, Dictionary<Guid, string> Names, List<Employer> Employers,
    bool MayEdit, bool MayChange, string? ProviderMunicipalityCode);

/// <summary>
/// Job tracks (seed 002): shared across the owning collaboration — anyone outside it gets 404. The track holds no
/// personal data; its candidates do, and each one is shown only to a user ParticipantAccess lets see the person
/// (others appear as a count). Every read of candidates' personal data is in the access log.
/// </summary>
public sealed class JobTrackWork(AppDbContext db, CurrentUser user, ParticipantAccess participants, AccessLogger log, TimeProvider clock,
    JobTrackJoining joining, IConfiguration configuration)
{
    private const string Entity = "JobTrack";
    private const string CandidateEntity = "JobTrackCandidate";
    /// <summary>What a consent must cover for the owner (and AF, for its check) to see a candidate: who it is, and the case and plan.</summary>
    private const DataCategories Shared = DataCategories.Identity | DataCategories.CaseAndPlan;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Caseworkers and coordinators work with job tracks; analysts and administrators only read them.</summary>
    public bool MayEdit => user.IsCaseworker || user.IsInRole(Roles.Coordinator);

    /// <summary>Whether the user may change this track: a caseworker of the owning unit, or a coordinator.</summary>
    public bool MayChange(JobTrack track) => MayEdit && (track.OwnerOrganisationId == user.OrganisationId || user.IsInRole(Roles.Coordinator));

    /// <summary>The collaborations the user's organisation (or the municipality a unit belongs to) is a member of.</summary>
    private IQueryable<Guid> MyCollaborations()
    {
        var organisationId = user.OrganisationId;
        var parent = db.Organisations.Where(o => o.Id == organisationId).Select(o => o.ParentId);
        return db.Set<CollaborationMember>().Where(m => m.OrganisationId == organisationId || parent.Contains(m.OrganisationId))
            .Select(m => m.CollaborationId);
    }

    private IQueryable<JobTrack> Visible()
    {
        var mine = MyCollaborations();
        return db.JobTracks.Where(t => mine.Contains(t.OwnerCollaborationId));
    }

    public async Task<List<JobTrackSummary>> ListAsync(JobTrackStage? stage, CancellationToken ct)
    {
        var query = Visible().AsNoTracking();
        if (stage is { } s)
        {
            query = query.Where(t => t.Stage == s);
        }

        var rows = await query.OrderBy(t => t.TrainingStartsOn).ThenBy(t => t.Title)
            .Select(t => new
            {
                t.Id, t.Title, t.Stage, t.Ssyk4, t.OccupationConceptId, t.WorkplaceMunicipalityCode, t.TrainingStartsOn, t.Places,
                Candidates = db.Set<JobTrackCandidate>().Count(c => c.JobTrackId == t.Id),
            }).ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var employers = (await (from e in db.Set<JobTrackEmployer>() join m in db.Set<Employer>() on e.EmployerId equals m.Id
                where ids.Contains(e.JobTrackId) select new { e.JobTrackId, m.Name }).ToListAsync(ct))
            .ToLookup(e => e.JobTrackId, e => e.Name);
        return rows.Select(r => new JobTrackSummary(r.Id, r.Title, r.Stage, r.Ssyk4, r.OccupationConceptId, r.WorkplaceMunicipalityCode,
            r.TrainingStartsOn, r.Places, r.Candidates, employers[r.Id].Order(SwedishCollation.Comparer).ToList())).ToList();
    }

    /// <summary>Job tracks in recruitment, for the public page: no person and nothing internal (no prices, no team).</summary>
    public async Task<List<PublicJobTrack>> InRecruitmentForPublicAsync(CancellationToken ct)
    {
        var tracks = await db.JobTracks.AsNoTracking().Where(t => t.Stage == JobTrackStage.Recruitment)
            .OrderBy(t => t.TrainingStartsOn).ThenBy(t => t.Title).ToListAsync(ct);
        var ids = tracks.Select(t => t.Id).ToList();
        var employers = (await (from e in db.Set<JobTrackEmployer>() join m in db.Set<Employer>() on e.EmployerId equals m.Id
                where ids.Contains(e.JobTrackId) && !m.IsSoleTrader select new { e.JobTrackId, m.Name }).ToListAsync(ct))
            .ToLookup(e => e.JobTrackId, e => e.Name);
        return tracks.Select(t => PublicJobTrack.From(t, employers[t.Id].Order(SwedishCollation.Comparer).ToList())).ToList();
    }

    /// <summary>The employers a new track may name: those in the register of the user's collaborations.</summary>
    public async Task<List<Employer>> EmployerChoicesAsync(CancellationToken ct)
    {
        var mine = MyCollaborations();
        return (await db.Employers.AsNoTracking().Where(e => mine.Contains(e.OwnerCollaborationId)).ToListAsync(ct))
            .OrderBy(e => e.Name, SwedishCollation.Comparer).ToList();
    }

    /// <summary>The collaborations a new track may belong to: those the user's organisation is a member of.</summary>
    public async Task<List<Collaboration>> CollaborationChoicesAsync(CancellationToken ct)
    {
        var mine = MyCollaborations();
        return (await db.Set<Collaboration>().AsNoTracking().Where(c => mine.Contains(c.Id)).ToListAsync(ct))
            .OrderBy(c => c.Name, SwedishCollation.Comparer).ToList();
    }

    /// <summary>The organisations that may provide the training: top-level organisations (adult education, AF, municipalities).</summary>
    public async Task<List<Organisation>> ProviderChoicesAsync(CancellationToken ct) =>
        (await db.Organisations.AsNoTracking().Where(o => o.ParentId == null).ToListAsync(ct)).OrderBy(o => o.Name, SwedishCollation.Comparer).ToList();

    public async Task<Outcome<JobTrack>> CreateAsync(JobTrackInput input, CancellationToken ct)
    {
        if (!MayEdit)
        {
            return Outcome.Forbidden("Jobbspår skapas av handläggare och samordnare.");
        }

        var mine = await MyCollaborations().Distinct().ToListAsync(ct);
        if (mine.Count == 0)
        {
            return Outcome.Forbidden("Din organisation ingår inte i någon samverkan och kan inte äga ett jobbspår.");
        }

        var errors = new Dictionary<string, string[]>();
        Guid? collaborationId = input.CollaborationId is { } chosen ? (mine.Contains(chosen) ? chosen : null) : (mine.Count == 1 ? mine[0] : null);
        if (collaborationId is null)
        {
            errors["collaborationId"] = [input.CollaborationId is null
                ? "Välj samverkan: din organisation ingår i flera, och jobbspåret ägs av en av dem."
                : "Välj en samverkan som din organisation ingår i."];
        }

        var design = await ReadDesignAsync(input, collaborationId, errors, ct);
        var requirements = (input.Requirements ?? []).Parse(errors, "requirements");
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var track = JobTrack.Create(design!, user.OrganisationId, collaborationId!.Value, user.Id, Now);
        track.SetRequirements(requirements);
        db.JobTracks.Add(track);
        await db.SaveChangesAsync(ct);
        return track;
    }

    /// <summary>
    /// The track's basic fields, parsed and checked the same way for a new track and an edit; null with the messages in
    /// <paramref name="errors"/> when any is wrong. Employers must be in <paramref name="collaborationId"/>'s register
    /// (not checked while the collaboration itself is unknown).
    /// </summary>
    private async Task<JobTrackDesign?> ReadDesignAsync(JobTrackInput input, Guid? collaborationId, Dictionary<string, string[]> errors,
        CancellationToken ct)
    {
        var title = Input.Text(errors, "title", input.Title, "jobbspårets namn", JobTrack.MaxTitle);
        var employerIds = (input.EmployerIds ?? []).Distinct().ToList();
        if (employerIds.Count > 0 && collaborationId is not null)
        {
            var known = await db.Employers.Where(e => employerIds.Contains(e.Id) && e.OwnerCollaborationId == collaborationId).CountAsync(ct);
            if (known != employerIds.Count)
            {
                errors["employerIds"] = ["En eller flera arbetsgivare finns inte i samverkans arbetsgivarregister."];
            }
        }

        var occupation = FindOccupation(input.Occupation);
        if (occupation is null)
        {
            errors["occupation"] = [string.IsNullOrWhiteSpace(input.Occupation)
                ? "Ange yrke (yrkesbenämning ur JobTechs yrkestaxonomi)."
                : "Yrket finns inte i JobTechs yrkestaxonomi. Välj en yrkesbenämning ur listan."];
        }

        if (input.ProviderOrganisationId is not { } providerId || !await db.Organisations.AnyAsync(o => o.Id == providerId && o.ParentId == null, ct))
        {
            errors["providerOrganisationId"] = ["Välj utbildningsanordnare bland organisationerna i registret."];
        }

        var components = Input.Text(errors, "trainingComponents", input.TrainingComponents, "utbildningens upplägg (t.ex. 2 v FUB + 12 v AUB)",
            JobTrack.MaxComponents);
        var startsOn = Input.Date(errors, "trainingStartsOn", input.TrainingStartsOn, "utbildningens startdatum");
        var weeks = NumberInput.Whole(errors, "trainingWeeks", input.TrainingWeeks, "utbildningens längd i veckor", 1, 104);
        var regi = Input.Enum<TrainingRegi>(errors, "regi", input.Regi, "Ange i vems regi utbildningen ges");
        var form = Input.Enum<EmploymentForm>(errors, "employmentForm", input.EmploymentForm, "Ange anställningsform");
        var municipality = input.WorkplaceMunicipalityCode?.Trim() ?? "";
        if (!ReferenceData.Instance.Municipalities.ContainsKey(municipality))
        {
            errors["workplaceMunicipalityCode"] = ["Ange arbetsplatsens kommun med en giltig fyrsiffrig kommunkod."];
        }

        var places = NumberInput.Whole(errors, "places", input.Places, "antal utbildningsplatser", 1, 500);
        var hires = NumberInput.Whole(errors, "expectedHires", input.ExpectedHires, "förväntat antal anställningar", 0, 500);
        var description = Input.Text(errors, "publicDescription", input.PublicDescription, "den allmänna beskrivningen", JobTrack.MaxDescription,
            required: false);
        var price = string.IsNullOrWhiteSpace(input.Price) ? 0 : NumberInput.Amount(errors, "price", input.Price, "priset för interkommunal ersättning", 10_000_000);
        var unit = string.IsNullOrWhiteSpace(input.PriceUnit) ? PriceUnit.PerWeek
            : Input.Enum<PriceUnit>(errors, "priceUnit", input.PriceUnit, "Ange vad priset gäller");
        return errors.Count > 0 ? null
            : new JobTrackDesign(title!, employerIds, occupation!.ConceptId, occupation.Ssyk4, input.ProviderOrganisationId!.Value, components!,
                startsOn!.Value, weeks!.Value, regi, form, municipality, places!.Value, hires!.Value, description, price!.Value, unit);
    }

    /// <summary>
    /// Changes a track's basic fields (the same fields and checks as creating it; the collaboration stays). Only the
    /// owning unit or a coordinator, only while the track is open; from <c>basedOnVersion</c> when given. The change is
    /// in the access log with the fields it changed. The requirement profile is not part of it (<see cref="SetRequirementsAsync"/>).
    /// </summary>
    public Task<Outcome<JobTrack>> UpdateAsync(Guid id, JobTrackInput input, CancellationToken ct) =>
        ChangeAsync(id, async track =>
        {
            var errors = new Dictionary<string, string[]>();
            var design = await ReadDesignAsync(input, track.OwnerCollaborationId, errors, ct);
            Rules.ThrowIfAny(errors);
            var before = track.Employers.ToList();
            var changed = track.Revise(design!, input.BasedOnVersion);
            db.AddRange(track.Employers.Except(before)); // new link rows: their keys are set, so say they are new
            log.Add(AccessAction.Update, Entity, id, purpose: changed.Count == 0 ? "jobbspåret sparades utan ändringar"
                : "jobbspårets grunduppgifter ändrades: " + string.Join(", ", changed));
        }, ct);

    private static Occupation? FindOccupation(string? text)
    {
        var reference = ReferenceData.Instance;
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return reference.Occupations.TryGetValue(text.Trim(), out var byId) ? byId
            : reference.OccupationSearch.Resolve(text) is OccupationResolution.One one ? one.Occupation : null;
    }

    /// <summary>The track (tracked, with its parts) if the user's collaboration owns it; a refusal is logged as denied.</summary>
    private async Task<JobTrack?> FindAsync(Guid id, CancellationToken ct)
    {
        var track = await Visible().Include(t => t.Employers).Include(t => t.Team).Include(t => t.Documents).Include(t => t.History)
            .AsSplitQuery().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (track is null)
        {
            await log.RecordAsync(AccessAction.Denied, Entity, id, ct: ct);
        }

        return track;
    }

    /// <summary>
    /// The job track as its page and the API show it, with the candidates the user may see. <paramref name="logRead"/> is
    /// false when a page shows it again after a refused form: the same reading, already logged.
    /// </summary>
    /// <param name="withCandidates">False for the API's read of the track alone: no person is read, so none is logged.</param>
    public async Task<Outcome<JobTrackShown>> ReadAsync(Guid id, CancellationToken ct, bool logRead = true, bool withCandidates = true)
    {
        if (await FindAsync(id, ct) is not { } track)
        {
            return Outcome.NotFound();
        }

        var candidates = withCandidates ? await CandidatesOfAsync(id, logRead, ct) : new CandidateList([], 0);
        var employerIds = track.Employers.Select(e => e.EmployerId).ToList();
        var employers = await db.Employers.AsNoTracking().Where(e => employerIds.Contains(e.Id)).ToListAsync(ct);
        var organisationIds = new[] { track.OwnerOrganisationId, track.ProviderOrganisationId };
        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id)).ToListAsync(ct);
        var names = organisations.ToDictionary(o => o.Id, o => o.Name);
        var userIds = track.History.Select(h => h.ByUserId).Distinct().ToList();
        foreach (var (userId, name) in await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct))
        {
            names[userId] = name;
        }

        return new JobTrackShown(track, candidates, names, employers, MayEdit, MayChange(track),
            organisations.FirstOrDefault(o => o.Id == track.ProviderOrganisationId)?.MunicipalityCode);
    }

    /// <summary>The candidates of a track the user can reach; not found otherwise.</summary>
    public async Task<Outcome<CandidateList>> CandidatesAsync(Guid id, CancellationToken ct)
    {
        if (!await Visible().AnyAsync(t => t.Id == id, ct))
        {
            await log.RecordAsync(AccessAction.Denied, Entity, id, ct: ct);
            return Outcome.NotFound();
        }

        return await CandidatesOfAsync(id, logRead: true, ct);
    }

    /// <summary>
    /// The track's candidates, then the names of those the user may see, through ParticipantAccess's two halves of the rule:
    /// names of the others never leave the database, and the rule is evaluated once per person, not once per column.
    /// </summary>
    private async Task<CandidateList> CandidatesOfAsync(Guid id, bool logRead, CancellationToken ct)
    {
        var candidates = await db.JobTrackCandidates.AsNoTracking().Where(c => c.JobTrackId == id).ToListAsync(ct);
        // A candidate's stage and AF check are case-and-plan data: identity alone does not show them. Each half of the rule
        // is driven by the track's candidates (primary-key lookups), not by the boundary's participants.
        var onTrack = db.JobTrackCandidates.Where(c => c.JobTrackId == id).Select(c => c.ParticipantId);
        var (own, shared) = participants.VisibleParts(DataCategories.CaseAndPlan);
        var people = await own.Where(p => onTrack.Contains(p.Id)).Concat(shared.Where(p => onTrack.Contains(p.Id)))
            .Select(p => new { p.Id, Name = p.FirstName + " " + p.LastName, Home = p.HomeMunicipalityCode })
            .ToDictionaryAsync(p => p.Id, ct);
        var shown = candidates.Where(c => people.ContainsKey(c.ParticipantId)).Select(c =>
        {
            var person = people[c.ParticipantId];
            return new CandidateView(c.Id, c.ParticipantId, person.Name, person.Home, c.Stage, c.ProposedAt, c.AfRegistered, c.EntitledToEmploymentSupport,
                c.StartedOn, c.HiredAs, c.HiredOn, c.Version);
        }).OrderBy(v => v.Name, SwedishCollation.Comparer).ThenBy(v => v.ProposedAt).ToList();
        if (logRead && shown.Count > 0)
        {
            await log.RecordAsync(AccessAction.Read, CandidateEntity, id, resultIds: shown.Select(v => v.ParticipantId), ct: ct);
        }

        return new CandidateList(shown, candidates.Count - shown.Count);
    }

    public Task<Outcome<JobTrack>> MoveAsync(Guid id, StageInput input, CancellationToken ct) =>
        ChangeAsync(id, async track =>
        {
            var errors = new Dictionary<string, string[]>();
            var to = Input.Enum<JobTrackStage>(errors, "stage", input.Stage, "Ange jobbspårets nya steg");
            Rules.ThrowIfAny(errors);
            var admitted = to == JobTrackStage.TrainingOngoing
                ? await db.JobTrackCandidates.CountAsync(c => c.JobTrackId == id && (c.Stage == CandidateStage.Admitted || c.Stage == CandidateStage.Started), ct)
                : 0;
            db.Add(track.MoveTo(to, admitted, user.Id, Now, input.BasedOnVersion));
        }, ct);

    public async Task<Outcome<TeamMember>> AddTeamMemberAsync(Guid id, TeamMemberInput input, CancellationToken ct)
    {
        TeamMember? added = null;
        var changed = await ChangeAsync(id, track =>
        {
            var errors = new Dictionary<string, string[]>();
            var name = Input.Text(errors, "name", input.Name, "personens namn", TeamMember.MaxText);
            var role = Input.Text(errors, "role", input.Role, "personens roll i kompetensteamet", TeamMember.MaxText);
            var organisation = Input.Text(errors, "organisation", input.Organisation, "personens organisation", TeamMember.MaxText);
            Rules.ThrowIfAny(errors);
            added = track.AddTeamMember(name!, role!, organisation!);
            db.Add(added);
            return Task.CompletedTask;
        }, ct);
        return changed.As(_ => added!);
    }

    public async Task<Outcome<JobTrackDocument>> AddDocumentAsync(Guid id, DocumentInput input, CancellationToken ct)
    {
        JobTrackDocument? added = null;
        var changed = await ChangeAsync(id, track =>
        {
            var errors = new Dictionary<string, string[]>();
            var kind = Input.Enum<JobTrackDocumentKind>(errors, "kind", input.Kind, "Ange typ av dokument");
            var date = Input.Date(errors, "date", input.Date, "dokumentets datum");
            var reference = Input.Text(errors, "reference", input.Reference, "dokumentets diarienummer eller referens", JobTrack.MaxReference);
            Rules.ThrowIfAny(errors);
            added = track.AddDocument(kind, date!.Value, reference!);
            db.Add(added);
            return Task.CompletedTask;
        }, ct);
        return changed.As(_ => added!);
    }

    public Task<Outcome<JobTrack>> RecordDecisionAsync(Guid id, DecisionInput input, CancellationToken ct) =>
        ChangeAsync(id, track =>
        {
            var errors = new Dictionary<string, string[]>();
            var on = Input.Date(errors, "decidedOn", input.DecidedOn, "datum för styrgruppens beslut");
            var reference = Input.Text(errors, "reference", input.Reference, "beslutets diarienummer eller referens", JobTrack.MaxReference);
            if (on is { } date && date > SwedishTime.Today(Now))
            {
                errors["decidedOn"] = ["Styrgruppens beslut kan inte vara fattat i framtiden."];
            }

            Rules.ThrowIfAny(errors);
            track.RecordDecision(on!.Value, reference!);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Sets the requirement profile (kravprofil) as a whole, each criterion checked against its kind.</summary>
    public Task<Outcome<JobTrack>> SetRequirementsAsync(Guid id, ProfileInput input, CancellationToken ct) =>
        ChangeAsync(id, track =>
        {
            var errors = new Dictionary<string, string[]>();
            var requirements = (input.Requirements ?? []).Parse(errors, "requirements");
            Rules.ThrowIfAny(errors);
            track.SetRequirements(requirements);
            return Task.CompletedTask;
        }, ct);

    /// <summary>Runs one change on a track the user's collaboration owns; the entity's refusals come back as the outcome.</summary>
    private async Task<Outcome<JobTrack>> ChangeAsync(Guid id, Func<JobTrack, Task> change, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } track)
        {
            return Outcome.NotFound();
        }

        if (!MayEdit)
        {
            return Outcome.Forbidden("Jobbspår ändras av handläggare och samordnare.");
        }

        if (!MayChange(track))
        {
            return Outcome.Forbidden("Jobbspåret ändras av den enhet som äger det, eller av en samordnare.");
        }

        return await Outcome.Guard<JobTrack>(async () =>
        {
            await change(track);
            await SaveAsync(JobTrack.ChangedByOthers, ct);
            return track;
        });
    }

    /// <summary>
    /// Saves, answering a lost race on a concurrency token (someone else saved the same version first) as 409: the
    /// second of two simultaneous moves is refused instead of both being saved.
    /// </summary>
    private async Task SaveAsync(string changedByOthers, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            throw new ConflictException(changedByOthers);
        }
    }

    /// <summary>
    /// The candidate's own caseworker proposes them: the proposer holds the person's case, and a consent that names the
    /// track's owning organisation must be active now (unless the owner is the person's own unit) — else 409, saying
    /// nothing more about the person than the proposer already knows.
    /// </summary>
    public async Task<Outcome<JobTrackCandidate>> ProposeAsync(Guid id, ProposalInput input, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } track)
        {
            return Outcome.NotFound();
        }

        if (!user.IsCaseworker)
        {
            return Outcome.Forbidden("Kandidater föreslås av deltagarens egen handläggare.");
        }

        var field = input.ParticipantId is null && input.PersonalIdentityNumber is not null ? "personalIdentityNumber" : "participantId";
        var grant = await ProposedAsync(input, ct) is { } pid ? await participants.FindAsync(pid, ct) : null;
        if (grant is null)
        {
            return Outcome.Invalid(field, "Ange en deltagare som du är handläggare för.");
        }

        var participantId = grant.Participant.Id;
        if (!grant.OwnCase)
        {
            return Outcome.Conflict("Bara deltagarens egen handläggare kan föreslå deltagaren till ett jobbspår.");
        }

        if (track.Stage != JobTrackStage.Recruitment)
        {
            return Outcome.Conflict($"Kandidater föreslås när jobbspåret är i steget {JobTrack.Label(JobTrackStage.Recruitment)}; nu är det {JobTrack.Label(track.Stage)}.");
        }

        var owner = await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == track.OwnerOrganisationId, ct);
        if (owner.SecrecyBoundaryId != grant.Participant.OwnerBoundaryId
            && !await participants.ActiveConsentsNaming(owner.Id, owner.SecrecyBoundaryId)
                .AnyAsync(c => c.ParticipantId == participantId && (c.Categories & Shared) == Shared, ct))
        {
            return Outcome.Conflict(
                $"Deltagaren har inget gällande samtycke som omfattar {owner.Name}, som äger jobbspåret, med personuppgifter och ärende och planering. Dokumentera ett samtycke innan deltagaren föreslås.");
        }

        if (await db.JobTrackCandidates.AnyAsync(c => c.JobTrackId == id && c.ParticipantId == participantId, ct))
        {
            return Outcome.Conflict("Deltagaren är redan föreslagen till det här jobbspåret.");
        }

        var candidate = JobTrackCandidate.Propose(id, participantId, user.Id, user.OrganisationId, Now);
        db.JobTrackCandidates.Add(candidate);
        log.Add(AccessAction.Create, CandidateEntity, candidate.Id, participantId);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index: someone proposed the same person at the same moment.
            db.ChangeTracker.Clear();
            return Outcome.Conflict("Deltagaren är redan föreslagen till det här jobbspåret.");
        }

        return candidate;
    }

    /// <summary>The person proposed: by id (the API), or by personnummer among the user's own unit's participants (the page).</summary>
    private async Task<Guid?> ProposedAsync(ProposalInput input, CancellationToken ct)
    {
        if (input.ParticipantId is { } id)
        {
            return id;
        }

        if (!PersonalIdentityNumber.TryParse(input.PersonalIdentityNumber, SwedishTime.Today(Now), out var number, out _))
        {
            return null;
        }

        var boundary = user.SecrecyBoundaryId;
        var found = await db.Participants.Where(p => p.OwnerBoundaryId == boundary && p.IdentityNumber == number.Value)
            .Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        await log.RecordAsync(AccessAction.Search, "Participant", null, found, "förslag till jobbspår",
            resultIds: found is { } f ? [f] : [], ct: ct);
        return found;
    }

    /// <summary>
    /// Moves a candidate one stage on. The user must see the person (else 404, logged as denied); the AF check is an
    /// Arbetsförmedlare's (403 for others); starting adds the training to the person's action plan through the plan's
    /// revision and records the interkommunal ersättning when the person lives in another municipality than the provider.
    /// </summary>
    public async Task<Outcome<JobTrackCandidate>> MoveCandidateAsync(Guid id, Guid candidateId, CandidateStageInput input, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } track)
        {
            return Outcome.NotFound();
        }

        var candidate = await db.JobTrackCandidates.Include(c => c.History).FirstOrDefaultAsync(c => c.Id == candidateId && c.JobTrackId == id, ct);
        if (candidate is null)
        {
            await log.RecordAsync(AccessAction.Denied, CandidateEntity, candidateId, ct: ct);
            return Outcome.NotFound();
        }

        if (await participants.FindAsync(candidate.ParticipantId, ct) is not { } grant)
        {
            return Outcome.NotFound(); // ParticipantAccess has logged the refusal.
        }

        var errors = new Dictionary<string, string[]>();
        var to = Input.Enum<CandidateStage>(errors, "stage", input.Stage, "Ange kandidatens nya steg");
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        // A cancelled track admits and hires nobody more (that would count in its results); its candidates can only stop.
        if (track.Stage == JobTrackStage.Cancelled && to != CandidateStage.Discontinued)
        {
            return Outcome.Conflict($"Jobbspåret är {JobTrack.Label(JobTrackStage.Cancelled).ToLowerInvariant()}: kandidaterna kan bara flyttas till {EnumText.Label(CandidateStage.Discontinued).ToLowerInvariant()}.");
        }

        if (to == CandidateStage.AfChecked && !user.IsInRole(Roles.EmploymentOfficer))
        {
            await log.RecordAsync(AccessAction.Denied, CandidateEntity, candidateId, candidate.ParticipantId, "AF-kontroll kräver rollen arbetsförmedlare", ct: ct);
            return Outcome.Forbidden("AF-kontrollen (inskrivning och rätt till anställningsstöd) registreras av en arbetsförmedlare.");
        }

        return await Outcome.Guard<JobTrackCandidate>(async () =>
        {
            candidate.CheckVersion(input.BasedOnVersion);
            log.Add(AccessAction.Update, CandidateEntity, candidateId, candidate.ParticipantId);
            switch (to)
            {
                case CandidateStage.AfChecked:
                    db.Add(RecordAfCheck(candidate, input, errors));
                    break;
                case CandidateStage.Started:
                    return await joining.StartAsync(track, candidate, grant.Participant, input.Date, ct);
                case CandidateStage.Hired:
                    var form = string.IsNullOrWhiteSpace(input.EmploymentForm) ? track.EmploymentForm
                        : Input.Enum<EmploymentForm>(errors, "employmentForm", input.EmploymentForm, "Ange anställningsform");
                    var on = Input.Date(errors, "date", input.Date, "anställningens startdatum");
                    Rules.ThrowIfAny(errors);
                    db.Add(candidate.Hire(form, on!.Value, user.Id, Now));
                    break;
                default:
                    db.Add(candidate.MoveTo(to, user.Id, Now));
                    break;
            }

            await SaveAsync(JobTrackCandidate.ChangedByOthers, ct);
            return candidate;
        });
    }

    private CandidateStageChange RecordAfCheck(JobTrackCandidate candidate, CandidateStageInput input, Dictionary<string, string[]> errors)
    {
        if (input.AfRegistered is null)
        {
            errors["afRegistered"] = ["Ange om kandidaten är inskriven på Arbetsförmedlingen."];
        }
        else if (input.AfRegistered == false)
        {
            errors["afRegistered"] = ["Kandidaten måste vara inskriven på Arbetsförmedlingen för att gå vidare i jobbspåret."];
        }

        if (input.EntitledToEmploymentSupport is null)
        {
            errors["entitledToEmploymentSupport"] = ["Ange om kandidaten har rätt till anställningsstöd."];
        }

        Rules.ThrowIfAny(errors);
        return candidate.RecordAfCheck(true, input.EntitledToEmploymentSupport!.Value, user.Id, Now);
    }

    /// <summary>
    /// Readers outside the owning organisation (coordinators excepted) see a group's count below this as suppressed;
    /// setting "JobTracks:SmallCountThreshold", default 5 (so 1–4 is shown as "&lt;5").
    /// </summary>
    private int SmallCountThreshold => configuration.GetValue("JobTracks:SmallCountThreshold", 5);

    /// <summary>
    /// The track's figures, counts only: what seed 002 reported by hand ("Nobina: 10 bussförare"). The owning organisation
    /// and coordinators see them exactly; other readers see small counts per home municipality and gender suppressed.
    /// </summary>
    public async Task<Outcome<JobTrackResults>> ResultsAsync(Guid id, CancellationToken ct)
    {
        var track = await Visible().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (track is null)
        {
            await log.RecordAsync(AccessAction.Denied, Entity, id, ct: ct);
            return Outcome.NotFound();
        }

        var rows = await (from c in db.JobTrackCandidates.AsNoTracking()
                          where c.JobTrackId == id
                          join p in db.Participants on c.ParticipantId equals p.Id
                          select new ResultRow(c.Stage, c.StartedOn, c.HiredAs, p.HomeMunicipalityCode, p.Gender)).ToListAsync(ct);
        var exact = track.OwnerOrganisationId == user.OrganisationId || user.IsInRole(Roles.Coordinator);
        return JobTrackResults.Of(track, rows, exact ? null : SmallCountThreshold);
    }

    /// <summary>The interkommunal ersättning of the user's collaborations' job tracks whose candidates started within the period.</summary>
    public async Task<Outcome<CompensationReport>> CompensationAsync(string? fromText, string? toText, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var from = Input.Date(errors, "from", fromText, "periodens första dag");
        var to = Input.Date(errors, "to", toText, "periodens sista dag");
        if (from is { } f && to is { } t && t < f)
        {
            errors["to"] = ["Periodens sista dag kan inte ligga före dess första dag."];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var tracks = Visible().Select(x => x.Id);
        var records = await db.InterMunicipalCompensations.AsNoTracking()
            .Where(c => tracks.Contains(c.JobTrackId) && c.StartsOn >= from!.Value && c.StartsOn <= to!.Value).ToListAsync(ct);
        return CompensationReport.Of(from!.Value, to!.Value, records);
    }
}
