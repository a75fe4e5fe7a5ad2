using Arbetsvagen.Core.AccessLog;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Features.JobTracks;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Governance;

/// <summary>A member as the reader may see them: names and roles are personal data (staff), not shown to analysts.</summary>
public sealed record MemberView(Guid Id, Guid? UserId, string Name, string Role, Guid OrganisationId, string OrganisationName, bool IsAdjunct);

public sealed record GroupShown(Group Group, string CollaborationName, List<MemberView> Members, List<Meeting> Meetings, bool MayRecordMeetings);

public sealed record MeetingShown(Meeting Meeting, Group Group, List<MemberView> Members, List<DecisionShown> Decisions, List<ActionItemShown> ActionItems,
    bool IsMember);

/// <summary>A decision with the name and page of what it decides.</summary>
public sealed record DecisionShown(Decision Decision, string? SubjectName, string? SubjectPath);

public sealed record AgreementShown(Agreement Agreement, string CollaborationName, List<string> Parties, Dictionary<Guid, string> Users);

/// <summary>
/// The collaboration's governance (issue 14): agreements, groups with members, meetings with attendance, minutes and
/// decisions. Everything belongs to one collaboration and is seen by the staff of its member organisations (anyone else
/// gets 404). Coordinators keep agreements and groups; a group's meetings and decisions are recorded by its members.
/// The only personal data is staff names and roles: reading them is logged, and analysts see roles without names.
/// </summary>
public sealed class GovernanceWork(AppDbContext db, CurrentUser user, AccessLogger log, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public bool IsCoordinator => user.IsInRole(Roles.Coordinator);

    /// <summary>Staff names are for those who work with the collaboration; an analyst sees roles and organisations only.</summary>
    public bool MaySeeNames => !user.IsInRole(Roles.Analyst);

    public Guid UserId => user.Id;

    /// <summary>The collaborations the user's organisation (or the organisation its unit belongs to) is a member of.</summary>
    public IQueryable<Guid> MyCollaborations()
    {
        var organisationId = user.OrganisationId;
        var parent = db.Organisations.Where(o => o.Id == organisationId).Select(o => o.ParentId);
        return db.Set<CollaborationMember>().Where(m => m.OrganisationId == organisationId || parent.Contains(m.OrganisationId))
            .Select(m => m.CollaborationId).Distinct();
    }

    public async Task<List<Collaboration>> CollaborationsAsync(CancellationToken ct)
    {
        var mine = MyCollaborations();
        return (await db.Collaborations.AsNoTracking().Where(c => mine.Contains(c.Id)).ToListAsync(ct)).OrderBy(c => c.Name, SwedishCollation.Comparer).ToList();
    }

    /// <summary>The collaboration asked for if the user is in it (else null); without a choice, the user's first.</summary>
    public async Task<Collaboration?> CollaborationAsync(Guid? chosen, CancellationToken ct)
    {
        var mine = await CollaborationsAsync(ct);
        return chosen is { } id ? mine.FirstOrDefault(c => c.Id == id) : mine.FirstOrDefault();
    }

    /// <summary>A collaboration for a new record: the chosen one if the user is in it, or the only one; else a message at collaborationId.</summary>
    public async Task<Guid?> CollaborationForChangeAsync(Guid? chosen, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var mine = await MyCollaborations().ToListAsync(ct);
        Guid? id = chosen is { } c ? (mine.Contains(c) ? c : null) : (mine.Count == 1 ? mine[0] : null);
        if (id is null)
        {
            errors["collaborationId"] = [chosen is null && mine.Count > 1
                ? "Välj samverkan: din organisation ingår i flera."
                : "Välj en samverkan som din organisation ingår i."];
        }

        return id;
    }

    public async Task<bool> IsMineAsync(Guid collaborationId, CancellationToken ct) => await MyCollaborations().ContainsAsync(collaborationId, ct);

    public async Task<Dictionary<Guid, string>> OrganisationNamesAsync(CancellationToken ct) =>
        await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);

    /// <summary>The top-level organisations that are parties of the collaboration.</summary>
    public async Task<List<Organisation>> PartiesAsync(Guid collaborationId, CancellationToken ct)
    {
        var members = db.Set<CollaborationMember>().Where(m => m.CollaborationId == collaborationId).Select(m => m.OrganisationId);
        return (await db.Organisations.AsNoTracking().Where(o => members.Contains(o.Id)).ToListAsync(ct)).OrderBy(o => o.Name, SwedishCollation.Comparer).ToList();
    }

    /// <summary>The staff of the collaboration's organisations and their units: who may own an action item or be linked to a member.</summary>
    public async Task<List<AppUser>> StaffAsync(Guid collaborationId, CancellationToken ct)
    {
        var members = db.Set<CollaborationMember>().Where(m => m.CollaborationId == collaborationId).Select(m => m.OrganisationId);
        var organisations = db.Organisations.Where(o => members.Contains(o.Id) || (o.ParentId != null && members.Contains(o.ParentId.Value))).Select(o => o.Id);
        return (await db.Users.AsNoTracking().Where(u => organisations.Contains(u.OrganisationId) && !u.IsDisabled).ToListAsync(ct))
            .OrderBy(u => u.DisplayName, SwedishCollation.Comparer).ToList();
    }

    // ---------------------------------------------------------------- agreements

    public async Task<List<Agreement>> AgreementsAsync(Guid collaborationId, CancellationToken ct) =>
        await IsMineAsync(collaborationId, ct)
            ? await db.Agreements.AsNoTracking().AsSplitQuery().Include(a => a.Parties).Include(a => a.Sections).Include(a => a.Revisions)
                .Where(a => a.CollaborationId == collaborationId)
                .OrderByDescending(a => a.StartsOn).ToListAsync(ct)
            : [];

    public async Task<Outcome<AgreementShown>> AgreementAsync(Guid id, CancellationToken ct)
    {
        var mine = MyCollaborations();
        var agreement = await db.Agreements.AsNoTracking().AsSplitQuery().Include(a => a.Parties).Include(a => a.Sections).Include(a => a.Revisions)
            .FirstOrDefaultAsync(a => a.Id == id && mine.Contains(a.CollaborationId), ct);
        if (agreement is null)
        {
            return Outcome.NotFound();
        }

        var names = await OrganisationNamesAsync(ct);
        var collaboration = await db.Collaborations.Where(c => c.Id == agreement.CollaborationId).Select(c => c.Name).FirstAsync(ct);
        var authors = agreement.Revisions.Select(r => r.ByUserId).Distinct().ToList();
        var users = MaySeeNames
            ? await db.Users.AsNoTracking().Where(u => authors.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct)
            : [];
        if (users.Count > 0)
        {
            await log.RecordAsync(AccessAction.Read, "Agreement", id, purpose: "överenskommelsens versioner med vem som ändrat", ct: ct);
        }

        return new AgreementShown(agreement, collaboration,
            agreement.Parties.Select(p => names.GetValueOrDefault(p.OrganisationId, "okänd")).Order(SwedishCollation.Comparer).ToList(), users);
    }

    public async Task<Outcome<Agreement>> CreateAgreementAsync(AgreementInput input, CancellationToken ct)
    {
        if (!IsCoordinator)
        {
            return Outcome.Forbidden("Överenskommelser förs in av samordnare.");
        }

        var errors = new Dictionary<string, string[]>();
        var collaborationId = await CollaborationForChangeAsync(input.CollaborationId, errors, ct);
        var text = await ReadAgreementAsync(input, collaborationId, errors, ct);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var agreement = Agreement.Create(collaborationId!.Value, text!, user.Id, Now);
        db.Agreements.Add(agreement);
        log.Add(AccessAction.Create, "Agreement", agreement.Id);
        await db.SaveChangesAsync(ct);
        return agreement;
    }

    /// <summary>A new revision of the agreement: the whole text as it now reads, and why it changed.</summary>
    public async Task<Outcome<Agreement>> ReviseAgreementAsync(Guid id, AgreementInput input, CancellationToken ct)
    {
        var mine = MyCollaborations();
        var agreement = await db.Agreements.AsSplitQuery().Include(a => a.Parties).Include(a => a.Sections).Include(a => a.Revisions)
            .FirstOrDefaultAsync(a => a.Id == id && mine.Contains(a.CollaborationId), ct);
        if (agreement is null)
        {
            return Outcome.NotFound();
        }

        if (!IsCoordinator)
        {
            return Outcome.Forbidden("Överenskommelser ändras av samordnare.");
        }

        var errors = new Dictionary<string, string[]>();
        var text = await ReadAgreementAsync(input, agreement.CollaborationId, errors, ct);
        var note = Input.Text(errors, "note", input.Note, "vad som ändras och varför", AgreementRevision.MaxNote);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        agreement.Revise(text!, note!, user.Id, Now);
        log.Add(AccessAction.Update, "Agreement", agreement.Id);
        await db.SaveChangesAsync(ct);
        return agreement;
    }

    private async Task<AgreementText?> ReadAgreementAsync(AgreementInput input, Guid? collaborationId, Dictionary<string, string[]> errors, CancellationToken ct)
    {
        var title = Input.Text(errors, "title", input.Title, "överenskommelsens namn", Agreement.MaxTitle);
        var purpose = Input.Text(errors, "purpose", input.Purpose, "syfte", Agreement.MaxText);
        var targetGroups = Input.Text(errors, "targetGroups", input.TargetGroups, "målgrupper", Agreement.MaxText);
        var starts = Input.Date(errors, "startsOn", input.StartsOn, "första dag");
        var ends = Input.Date(errors, "endsOn", input.EndsOn, "sista dag");
        if (starts is { } s && ends is { } e && e < s)
        {
            errors["endsOn"] = ["Sista dag kan inte ligga före första dag."];
        }

        var status = Input.Enum<AgreementStatus>(errors, "status", input.Status ?? "draft", "Okänd status");
        var partyIds = (input.PartyIds ?? []).Distinct().ToList();
        if (partyIds.Count < 2)
        {
            errors["partyIds"] = ["Välj minst två parter: en överenskommelse är mellan parter."];
        }
        else if (collaborationId is { } c)
        {
            var allowed = (await PartiesAsync(c, ct)).Select(o => o.Id).ToHashSet();
            if (partyIds.Any(p => !allowed.Contains(p)))
            {
                errors["partyIds"] = ["Parterna ska vara organisationer i samverkan."];
            }
        }

        var sections = new List<AgreementSectionText>();
        foreach (var (section, i) in (input.Sections ?? []).Select((x, i) => (x, i)))
        {
            if (string.IsNullOrWhiteSpace(section.Heading) && string.IsNullOrWhiteSpace(section.Body))
            {
                continue; // an empty row of the form
            }

            var heading = Input.Text(errors, $"sections[{i}].heading", section.Heading, "avsnittets rubrik", AgreementSection.MaxHeading);
            var body = Input.Text(errors, $"sections[{i}].body", section.Body, "avsnittets text", Agreement.MaxSectionBody);
            if (heading is not null && body is not null)
            {
                sections.Add(new AgreementSectionText(heading, body));
            }
        }

        return errors.Count > 0 ? null : new AgreementText(title!, purpose!, targetGroups!, starts!.Value, ends!.Value, status, partyIds, sections);
    }

    // ---------------------------------------------------------------- groups

    public async Task<List<Group>> GroupsAsync(Guid collaborationId, CancellationToken ct) =>
        await IsMineAsync(collaborationId, ct)
            ? (await db.GovernanceGroups.AsNoTracking().Where(g => g.CollaborationId == collaborationId).ToListAsync(ct))
                .OrderBy(g => g.Kind).ThenBy(g => g.Name, SwedishCollation.Comparer).ToList()
            : [];

    /// <summary>The groups the user is a member of (by their account), in any of their collaborations.</summary>
    public async Task<List<Group>> MyGroupsAsync(CancellationToken ct)
    {
        var me = user.Id;
        var mine = MyCollaborations();
        return (await db.GovernanceGroups.AsNoTracking().Where(g => mine.Contains(g.CollaborationId) && g.Members.Any(m => m.UserId == me)).ToListAsync(ct))
            .OrderBy(g => g.Name, SwedishCollation.Comparer).ToList();
    }

    public async Task<Outcome<GroupShown>> GroupAsync(Guid id, CancellationToken ct)
    {
        var mine = MyCollaborations();
        var group = await db.GovernanceGroups.AsNoTracking().Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == id && mine.Contains(g.CollaborationId), ct);
        if (group is null)
        {
            return Outcome.NotFound();
        }

        var meetings = await db.Meetings.AsNoTracking().Where(m => m.GroupId == id).OrderByDescending(m => m.HeldOn).Take(60).ToListAsync(ct);
        var collaboration = await db.Collaborations.Where(c => c.Id == group.CollaborationId).Select(c => c.Name).FirstAsync(ct);
        var members = await MembersAsync(group, ct);
        return new GroupShown(group, collaboration, members, meetings, group.HasMember(user.Id));
    }

    private async Task<List<MemberView>> MembersAsync(Group group, CancellationToken ct)
    {
        var names = await OrganisationNamesAsync(ct);
        if (MaySeeNames && group.Members.Count > 0)
        {
            await log.RecordAsync(AccessAction.Read, "GovernanceGroup", group.Id, purpose: "gruppens medlemmar (namn och roller)",
                resultIds: group.Members.Select(m => m.Id), ct: ct);
        }

        return group.Members
            .Select(m => new MemberView(m.Id, m.UserId, MaySeeNames ? m.Name : "–", m.Role, m.OrganisationId, names.GetValueOrDefault(m.OrganisationId, "okänd"), m.IsAdjunct))
            .OrderBy(m => m.IsAdjunct).ThenBy(m => m.OrganisationName, SwedishCollation.Comparer).ThenBy(m => m.Name, SwedishCollation.Comparer).ToList();
    }

    public async Task<Outcome<Group>> CreateGroupAsync(GroupInput input, CancellationToken ct)
    {
        if (!IsCoordinator)
        {
            return Outcome.Forbidden("Grupper förs in av samordnare.");
        }

        var errors = new Dictionary<string, string[]>();
        var collaborationId = await CollaborationForChangeAsync(input.CollaborationId, errors, ct);
        var name = Input.Text(errors, "name", input.Name, "gruppens namn", Group.MaxName);
        var kind = Input.Enum<GroupKind>(errors, "kind", input.Kind, "Okänd sorts grupp");
        var mandate = Input.Text(errors, "mandate", input.Mandate, "mandat", Group.MaxText);
        var cadence = Input.Text(errors, "cadence", input.Cadence, "mötesfrekvens", Group.MaxCadence);
        var weeks = Number(errors, "cadenceWeeks", input.CadenceWeeks, "antal veckor mellan mötena", 1, 52, required: false);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var group = Group.Create(collaborationId!.Value, name!, kind, mandate!, cadence!, weeks, Now);
        db.GovernanceGroups.Add(group);
        await db.SaveChangesAsync(ct);
        return group;
    }

    public async Task<Outcome<GroupMember>> AddMemberAsync(Guid groupId, GroupMemberInput input, CancellationToken ct)
    {
        var mine = MyCollaborations();
        var group = await db.GovernanceGroups.Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == groupId && mine.Contains(g.CollaborationId), ct);
        if (group is null)
        {
            return Outcome.NotFound();
        }

        if (!IsCoordinator)
        {
            return Outcome.Forbidden("Gruppens medlemmar förs in av samordnare.");
        }

        var errors = new Dictionary<string, string[]>();
        var name = Input.Text(errors, "name", input.Name, "medlemmens namn", GroupMember.MaxText);
        var role = Input.Text(errors, "role", input.Role, "medlemmens roll", GroupMember.MaxText);
        var parties = (await PartiesAsync(group.CollaborationId, ct)).Select(o => o.Id).ToHashSet();
        if (input.OrganisationId is not { } organisationId || !parties.Contains(organisationId))
        {
            errors["organisationId"] = ["Välj medlemmens organisation bland samverkans parter."];
        }

        if (input.UserId is { } userId && (await StaffAsync(group.CollaborationId, ct)).All(u => u.Id != userId))
        {
            errors["userId"] = ["Användarkontot ska höra till en organisation i samverkan."];
        }

        return await Outcome.Guard<GroupMember>(async () =>
        {
            if (errors.Count > 0)
            {
                return Outcome.Invalid(errors);
            }

            var member = group.AddMember(name!, role!, input.OrganisationId!.Value, input.UserId, input.Adjunct);
            db.Add(member);
            log.Add(AccessAction.Create, "GovernanceGroupMember", member.Id);
            await db.SaveChangesAsync(ct);
            return member;
        });
    }

    // ---------------------------------------------------------------- meetings and decisions

    public async Task<List<Meeting>> MeetingsAsync(Guid collaborationId, Guid? groupId, int? year, CancellationToken ct)
    {
        if (!await IsMineAsync(collaborationId, ct))
        {
            return [];
        }

        var query = db.Meetings.AsNoTracking().Where(m => m.CollaborationId == collaborationId);
        if (groupId is { } g)
        {
            query = query.Where(m => m.GroupId == g);
        }

        if (year is { } y)
        {
            query = query.Where(m => m.HeldOn >= new DateOnly(y, 1, 1) && m.HeldOn <= new DateOnly(y, 12, 31));
        }

        return await query.OrderBy(m => m.HeldOn).Take(500).ToListAsync(ct);
    }

    public async Task<Outcome<MeetingShown>> MeetingAsync(Guid id, CancellationToken ct)
    {
        var mine = MyCollaborations();
        var meeting = await db.Meetings.AsNoTracking().AsSplitQuery().Include(m => m.Attendance).Include(m => m.Decisions)
            .FirstOrDefaultAsync(m => m.Id == id && mine.Contains(m.CollaborationId), ct);
        if (meeting is null)
        {
            return Outcome.NotFound();
        }

        var group = await db.GovernanceGroups.AsNoTracking().Include(g => g.Members).FirstAsync(g => g.Id == meeting.GroupId, ct);
        var decisions = await ShowAsync(meeting.Decisions.OrderBy(d => d.CreatedAt).ToList(), ct);
        var items = await db.ActionItems.AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.DueOn).ToListAsync(ct);
        return new MeetingShown(meeting, group, await MembersAsync(group, ct), decisions, await ShowItemsAsync(items, ct), group.HasMember(user.Id));
    }

    public async Task<Outcome<Meeting>> CreateMeetingAsync(GroupMeetingInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var mine = MyCollaborations();
        var group = input.GroupId is { } groupId
            ? await db.GovernanceGroups.AsNoTracking().Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == groupId && mine.Contains(g.CollaborationId), ct)
            : null;
        if (group is null)
        {
            errors["groupId"] = [input.GroupId is null ? "Välj vilken grupp som möts." : "Gruppen finns inte i din samverkan."];
        }
        else if (!group.HasMember(user.Id))
        {
            errors["groupId"] = [$"Du är inte medlem i {group.Name} och kan inte föra in gruppens möten."];
        }

        var title = Input.Text(errors, "title", input.Title, "mötets rubrik", Meeting.MaxTitle);
        var heldOn = Input.Date(errors, "heldOn", input.HeldOn, "mötesdatum");
        var agenda = Input.Text(errors, "agenda", input.Agenda, "dagordning", Meeting.MaxText);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var meeting = Meeting.Create(group!, title!, heldOn!.Value, agenda!, user.Id, Now);
        db.Meetings.Add(meeting);
        await db.SaveChangesAsync(ct);
        return meeting;
    }

    /// <summary>The minutes and attendance, by a member of the group.</summary>
    public async Task<Outcome<Meeting>> RecordMinutesAsync(Guid id, MinutesInput input, CancellationToken ct)
    {
        if (await MeetingForMemberAsync(id, ct) is not { } found)
        {
            return Outcome.NotFound();
        }

        var (meeting, group) = found;
        if (!group.HasMember(user.Id))
        {
            return Outcome.Forbidden($"Protokollet förs av medlemmar i {group.Name}.");
        }

        var errors = new Dictionary<string, string[]>();
        var minutes = Input.Text(errors, "minutes", input.Minutes, "protokoll", Meeting.MaxText);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        return await Outcome.Guard<Meeting>(async () =>
        {
            db.RemoveRange(meeting.Attendance);
            meeting.RecordMinutes(minutes!, (input.Present ?? []).Distinct().ToList(), group.Members);
            log.Add(AccessAction.Update, "GovernanceMeeting", meeting.Id, purpose: "protokoll och närvaro");
            await db.SaveChangesAsync(ct);
            return meeting;
        });
    }

    private async Task<(Meeting Meeting, Group Group)?> MeetingForMemberAsync(Guid id, CancellationToken ct)
    {
        var mine = MyCollaborations();
        var meeting = await db.Meetings.Include(m => m.Attendance).Include(m => m.Decisions).AsSplitQuery()
            .FirstOrDefaultAsync(m => m.Id == id && mine.Contains(m.CollaborationId), ct);
        if (meeting is null)
        {
            return null;
        }

        var group = await db.GovernanceGroups.AsNoTracking().Include(g => g.Members).FirstAsync(g => g.Id == meeting.GroupId, ct);
        return (meeting, group);
    }

    /// <summary>
    /// A decision of a meeting. A decision to start a job track is the steering group's: it must name a job track of the same
    /// collaboration, and it is recorded on the track as well (its decision date and reference), so the track may move to
    /// "beslutad". A decision on a focus area names one of the collaboration's focus areas.
    /// </summary>
    public async Task<Outcome<Decision>> DecideAsync(MeetingDecisionInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var found = input.MeetingId is { } meetingId ? await MeetingForMemberAsync(meetingId, ct) : null;
        if (found is null)
        {
            errors["meetingId"] = [input.MeetingId is null
                ? "Ett beslut fattas på ett möte: välj mötet."
                : "Mötet finns inte i din samverkan."];
        }
        else if (!found.Value.Group.HasMember(user.Id))
        {
            errors["meetingId"] = [$"Beslut förs in av medlemmar i {found.Value.Group.Name}."];
        }

        var reference = Input.Text(errors, "reference", input.Reference, "beslutets referens (t.ex. paragraf)", Decision.MaxReference);
        var text = Input.Text(errors, "text", input.Text, "beslutets text", Decision.MaxText);
        var subject = Input.Enum<DecisionSubject>(errors, "subject", string.IsNullOrWhiteSpace(input.Subject) ? "none" : input.Subject, "Okänt beslutsämne");
        JobTrack? track = null;
        if (found is { } f && !errors.ContainsKey("subject"))
        {
            switch (subject)
            {
                case DecisionSubject.JobTrackStart:
                    track = input.SubjectId is { } trackId
                        ? await db.JobTracks.FirstOrDefaultAsync(t => t.Id == trackId && t.OwnerCollaborationId == f.Meeting.CollaborationId, ct)
                        : null;
                    if (track is null)
                    {
                        errors["subjectId"] = ["Välj jobbspåret som beslutet startar, bland samverkans jobbspår."];
                    }
                    else if (f.Group.Kind != GroupKind.SteeringGroup)
                    {
                        errors["subject"] = ["Start av jobbspår beslutas av styrgruppen."];
                    }

                    break;
                case DecisionSubject.FocusArea:
                    if (input.SubjectId is not { } areaId
                        || !await db.FocusAreas.AnyAsync(a => a.Id == areaId && a.CollaborationId == f.Meeting.CollaborationId, ct))
                    {
                        errors["subjectId"] = ["Välj fokusområdet som beslutet gäller, bland samverkans fokusområden."];
                    }

                    break;
            }
        }

        return await Outcome.Guard<Decision>(async () =>
        {
            if (errors.Count > 0)
            {
                return Outcome.Invalid(errors);
            }

            var meeting = found!.Value.Meeting;
            var decision = meeting.Decide(reference!, text!, subject, input.SubjectId, user.Id, Now);
            db.Add(decision);
            var onTrack = $"{reference}, {found.Value.Group.Name}";
            track?.RecordDecision(meeting.HeldOn, onTrack.Length <= JobTrack.MaxReference ? onTrack : reference!);
            log.Add(AccessAction.Create, "GovernanceDecision", decision.Id);
            await db.SaveChangesAsync(ct);
            return decision;
        });
    }

    /// <summary>What a decision of the collaboration may be about: its open job tracks and its focus areas of recent years.</summary>
    public async Task<List<(Guid Id, string Label)>> SubjectChoicesAsync(Guid collaborationId, CancellationToken ct)
    {
        var tracks = await db.JobTracks.AsNoTracking().Where(t => t.OwnerCollaborationId == collaborationId && t.Stage <= JobTrackStage.Decided)
            .Select(t => new { t.Id, t.Title }).ToListAsync(ct);
        var year = SwedishTime.Today(Now).Year;
        var areas = await db.FocusAreas.AsNoTracking().Where(a => a.CollaborationId == collaborationId && a.Year >= year - 1)
            .Select(a => new { a.Id, a.Title, a.Year }).ToListAsync(ct);
        return tracks.Select(t => (t.Id, $"Jobbspår: {t.Title}")).OrderBy(t => t.Item2, SwedishCollation.Comparer)
            .Concat(areas.Select(a => (a.Id, $"Fokusområde {a.Year}: {a.Title}")).OrderBy(a => a.Item2, SwedishCollation.Comparer)).ToList();
    }

    /// <summary>The decisions on one job track or focus area, in the collaborations the user is in.</summary>
    public async Task<List<DecisionShown>> DecisionsOnAsync(Guid subjectId, CancellationToken ct)
    {
        var mine = MyCollaborations();
        var decisions = await db.Decisions.AsNoTracking().Where(d => d.SubjectId == subjectId && mine.Contains(d.CollaborationId))
            .OrderBy(d => d.DecidedOn).ThenBy(d => d.CreatedAt).ToListAsync(ct);
        return await ShowAsync(decisions, ct);
    }

    public async Task<List<DecisionShown>> DecisionsAsync(Guid collaborationId, int year, CancellationToken ct)
    {
        if (!await IsMineAsync(collaborationId, ct))
        {
            return [];
        }

        var decisions = await db.Decisions.AsNoTracking()
            .Where(d => d.CollaborationId == collaborationId && d.DecidedOn >= new DateOnly(year, 1, 1) && d.DecidedOn <= new DateOnly(year, 12, 31))
            .OrderBy(d => d.DecidedOn).ThenBy(d => d.CreatedAt).ToListAsync(ct);
        return await ShowAsync(decisions, ct);
    }

    private async Task<List<DecisionShown>> ShowAsync(List<Decision> decisions, CancellationToken ct)
    {
        var ids = decisions.Where(d => d.SubjectId is not null).Select(d => d.SubjectId!.Value).Distinct().ToList();
        var tracks = ids.Count == 0 ? [] : await db.JobTracks.AsNoTracking().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.Title, ct);
        var areas = ids.Count == 0 ? [] : await db.FocusAreas.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => $"{a.Title} {a.Year}", ct);
        return decisions.Select(d => d.Subject switch
        {
            DecisionSubject.JobTrackStart when d.SubjectId is { } t && tracks.TryGetValue(t, out var title) =>
                new DecisionShown(d, title, $"/JobTracks/Details/{t}"),
            DecisionSubject.FocusArea when d.SubjectId is { } a && areas.TryGetValue(a, out var area) =>
                new DecisionShown(d, area, $"/Governance/FocusAreas?year={area[^4..]}#area-{a}"),
            _ => new DecisionShown(d, null, null),
        }).ToList();
    }

    /// <summary>Action items with their owners' names (logged: staff names are personal data).</summary>
    public async Task<List<ActionItemShown>> ShowItemsAsync(List<ActionItem> items, CancellationToken ct)
    {
        if (items.Count == 0)
        {
            return [];
        }

        var owners = items.Select(i => i.OwnerUserId).Distinct().ToList();
        var names = MaySeeNames ? await db.Users.AsNoTracking().Where(u => owners.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct) : [];
        if (names.Count > 0)
        {
            await log.RecordAsync(AccessAction.Search, "GovernanceActionItem", null, purpose: "aktivitetslistans ägare", resultIds: items.Select(i => i.Id), ct: ct);
        }

        var today = SwedishTime.Today(Now);
        return items.Select(i => new ActionItemShown(i, names.GetValueOrDefault(i.OwnerUserId, MaySeeNames ? "okänd" : "–"), i.IsOverdue(today))).ToList();
    }

    internal static int? Number(Dictionary<string, string[]> errors, string field, string? text, string label, int min, int max, bool required = true)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            if (required)
            {
                errors[field] = [$"Ange {label}."];
            }

            return null;
        }

        if (int.TryParse(text.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
        {
            return n;
        }

        errors[field] = [$"Ange {label} som ett heltal från {min} till {max}."];
        return null;
    }
}

public sealed record ActionItemShown(ActionItem Item, string OwnerName, bool Overdue);
