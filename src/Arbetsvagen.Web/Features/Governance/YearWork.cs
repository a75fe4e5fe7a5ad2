using Arbetsvagen.Core.AccessLog;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Features.Governance;

public sealed record FocusAreaShown(FocusArea Area, string? ResponsibleGroup, List<ActionItemShown> ActionItems);

public sealed record PriorityShown(PriorityRound? Round, Dictionary<Guid, string> Organisations, DecisionShown? Decision);

/// <summary>One date of the annual cycle in a given year: an event of the cycle or a group's meeting.</summary>
public sealed record CycleEntry(DateOnly On, string Title, string Kind, string? Description, string? Path, Guid Id, bool RecursYearly);

/// <summary>The yearly report-back: focus areas with goals and report-back, decisions, and the action items' status.</summary>
public sealed record ReportBack(Collaboration Collaboration, int Year, List<string> Parties, List<FocusAreaShown> FocusAreas, List<DecisionShown> Decisions,
    Dictionary<ActionItemStatus, int> ActionItemsByStatus, int OverdueActionItems, DateOnly Today)
{
    /// <summary>The sender seed 003 asked for: the collaboration, with its parties named.</summary>
    public string Sender => $"Samverkan {Collaboration.Name}";
}

/// <summary>
/// The collaboration's year: focus areas with report-back, the priority process that decides them, the annual cycle
/// (year view, list and iCalendar), the activity list with owners, and the yearly report-back as a page and a PDF.
/// Seen by the staff of the collaboration's member organisations; changed by coordinators, except that an action item's
/// owner sets its status and a meeting's group members record its decisions.
/// </summary>
public sealed class YearWork(AppDbContext db, GovernanceWork governance, CurrentUser user, AccessLogger log, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => SwedishTime.Today(Now);

    // ---------------------------------------------------------------- focus areas

    public async Task<List<FocusAreaShown>> FocusAreasAsync(Guid collaborationId, int year, CancellationToken ct)
    {
        if (!await governance.IsMineAsync(collaborationId, ct))
        {
            return [];
        }

        var areas = (await db.FocusAreas.AsNoTracking().Where(a => a.CollaborationId == collaborationId && a.Year == year).ToListAsync(ct))
            .OrderBy(a => a.Title, SwedishCollation.Comparer).ToList();
        var ids = areas.Select(a => a.Id).ToList();
        var groups = await db.GovernanceGroups.AsNoTracking().Where(g => g.CollaborationId == collaborationId).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var items = await governance.ShowItemsAsync(
            await db.ActionItems.AsNoTracking().Where(i => i.FocusAreaId != null && ids.Contains(i.FocusAreaId.Value)).OrderBy(i => i.DueOn).ToListAsync(ct), ct);
        return areas.Select(a => new FocusAreaShown(a, a.ResponsibleGroupId is { } g ? groups.GetValueOrDefault(g) : null,
            items.Where(i => i.Item.FocusAreaId == a.Id).ToList())).ToList();
    }

    public async Task<Outcome<FocusArea>> CreateFocusAreaAsync(FocusAreaInput input, CancellationToken ct)
    {
        if (!governance.IsCoordinator)
        {
            return Outcome.Forbidden("Fokusområden förs in av samordnare.");
        }

        var errors = new Dictionary<string, string[]>();
        var collaborationId = await governance.CollaborationForChangeAsync(input.CollaborationId, errors, ct);
        var year = GovernanceWork.Number(errors, "year", input.Year, "år", 2000, 2100);
        var title = Input.Text(errors, "title", input.Title, "fokusområdets namn", FocusArea.MaxTitle);
        var goal = Input.Text(errors, "goal", input.Goal, "målsättning", FocusArea.MaxText);
        var activities = Input.Text(errors, "activities", input.Activities, "aktiviteter", FocusArea.MaxText, required: false);
        await CheckGroupAsync(errors, "responsibleGroupId", input.ResponsibleGroupId, collaborationId, ct);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var area = FocusArea.Create(collaborationId!.Value, year!.Value, title!, goal!, input.ResponsibleGroupId, activities ?? "", null, Now);
        db.FocusAreas.Add(area);
        await db.SaveChangesAsync(ct);
        return area;
    }

    /// <summary>The year's report-back on a focus area, with its status.</summary>
    public async Task<Outcome<FocusArea>> ReportAsync(Guid id, FocusAreaReportInput input, CancellationToken ct)
    {
        var mine = governance.MyCollaborations();
        var area = await db.FocusAreas.FirstOrDefaultAsync(a => a.Id == id && mine.Contains(a.CollaborationId), ct);
        if (area is null)
        {
            return Outcome.NotFound();
        }

        var me = user.Id;
        var responsible = area.ResponsibleGroupId is { } g && await db.GovernanceGroups.AnyAsync(x => x.Id == g && x.Members.Any(m => m.UserId == me), ct);
        if (!governance.IsCoordinator && !responsible)
        {
            return Outcome.Forbidden("Återrapporten skrivs av samordnare eller av den ansvariga gruppens medlemmar.");
        }

        var errors = new Dictionary<string, string[]>();
        var text = Input.Text(errors, "reportBack", input.ReportBack, "återrapport", FocusArea.MaxText);
        var status = Input.Enum<FocusAreaStatus>(errors, "status", input.Status, "Okänd status");
        var activities = Input.Text(errors, "activities", input.Activities, "aktiviteter", FocusArea.MaxText, required: false);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        area.Report(text!, status, activities);
        await db.SaveChangesAsync(ct);
        return area;
    }

    private async Task CheckGroupAsync(Dictionary<string, string[]> errors, string field, Guid? groupId, Guid? collaborationId, CancellationToken ct)
    {
        if (groupId is { } g && (collaborationId is not { } c || !await db.GovernanceGroups.AnyAsync(x => x.Id == g && x.CollaborationId == c, ct)))
        {
            errors[field] = ["Välj en grupp i samverkan."];
        }
    }

    // ---------------------------------------------------------------- the priority process

    public async Task<PriorityShown> PriorityAsync(Guid collaborationId, int year, CancellationToken ct)
    {
        var names = await governance.OrganisationNamesAsync(ct);
        if (!await governance.IsMineAsync(collaborationId, ct))
        {
            return new PriorityShown(null, names, null);
        }

        var round = await db.PriorityRounds.AsNoTracking().Include(r => r.Proposals).FirstOrDefaultAsync(r => r.CollaborationId == collaborationId && r.Year == year, ct);
        var decision = round?.DecisionId is { } d
            ? (await governance.DecisionsAsync(collaborationId, year, ct)).FirstOrDefault(x => x.Decision.Id == d)
                ?? (await governance.DecisionsAsync(collaborationId, year - 1, ct)).FirstOrDefault(x => x.Decision.Id == d)
            : null;
        return new PriorityShown(round, names, decision);
    }

    /// <summary>Step 1: an organisation's proposal. A coordinator may enter any party's; others propose for their own organisation.</summary>
    public async Task<Outcome<PriorityProposal>> ProposeAsync(int year, PriorityProposalInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var collaborationId = await governance.CollaborationForChangeAsync(input.CollaborationId, errors, ct);
        var title = Input.Text(errors, "title", input.Title, "förslagets fokusområde", PriorityProposal.MaxTitle);
        var goal = Input.Text(errors, "goal", input.Goal, "förslagets målsättning", PriorityProposal.MaxGoal);
        if (collaborationId is { } c)
        {
            var parties = await governance.PartiesAsync(c, ct);
            var own = await db.Organisations.Where(o => o.Id == user.OrganisationId).Select(o => o.ParentId ?? o.Id).FirstOrDefaultAsync(ct);
            if (input.OrganisationId is not { } organisationId || parties.All(p => p.Id != organisationId))
            {
                errors["organisationId"] = ["Välj den föreslående organisationen bland samverkans parter."];
            }
            else if (!governance.IsCoordinator && organisationId != own)
            {
                errors["organisationId"] = ["Du kan lämna förslag för din egen organisation."];
            }
        }

        CheckYear(errors, year);
        return await Outcome.Guard<PriorityProposal>(async () =>
        {
            if (errors.Count > 0)
            {
                return Outcome.Invalid(errors);
            }

            var round = await RoundAsync(collaborationId!.Value, year, create: true, ct);
            var proposal = round!.Propose(input.OrganisationId!.Value, title!, goal!, user.Id, Now);
            db.Add(proposal);
            await db.SaveChangesAsync(ct);
            return proposal;
        });
    }

    /// <summary>Step 2: the working group's joint proposal, by a coordinator or a member of a working group.</summary>
    public async Task<Outcome<PriorityRound>> ProposeByWorkingGroupAsync(int year, WorkingGroupProposalInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var collaborationId = await governance.CollaborationForChangeAsync(input.CollaborationId, errors, ct);
        var text = Input.Text(errors, "text", input.Text, "arbetsgruppens motivering", PriorityRound.MaxText);
        CheckYear(errors, year);
        if (collaborationId is { } c && !governance.IsCoordinator && !await IsMemberOfAsync(c, GroupKind.WorkingGroup, ct))
        {
            return Outcome.Forbidden("Arbetsgruppens förslag lämnas av arbetsgruppen eller samordnaren.");
        }

        return await Outcome.Guard<PriorityRound>(async () =>
        {
            var round = collaborationId is { } id ? await RoundAsync(id, year, create: false, ct) : null;
            if (round is null && collaborationId is not null && !errors.ContainsKey("year"))
            {
                errors["step"] = [$"Arbetsgruppens förslag bygger på organisationernas förslag: inget förslag är lämnat för {year}."];
            }

            if (errors.Count > 0)
            {
                return Outcome.Invalid(errors);
            }

            round!.ProposeByWorkingGroup((input.ProposalIds ?? []).Distinct().ToList(), text!, user.Id, Now);
            await db.SaveChangesAsync(ct);
            return round;
        });
    }

    /// <summary>Step 3: the priority meeting decides; the working group's recommended proposals become the year's focus areas.</summary>
    public async Task<Outcome<PriorityRound>> DecidePriorityAsync(int year, PriorityDecisionInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var collaborationId = await governance.CollaborationForChangeAsync(input.CollaborationId, errors, ct);
        CheckYear(errors, year);
        await CheckGroupAsync(errors, "responsibleGroupId", input.ResponsibleGroupId, collaborationId, ct);
        var round = collaborationId is { } c && !errors.ContainsKey("year") ? await RoundAsync(c, year, create: false, ct) : null;
        if (round is null && collaborationId is not null && !errors.ContainsKey("year"))
        {
            errors["step"] = [$"Prioriteringsmötet beslutar om arbetsgruppens förslag: inget förslag är lämnat för {year}."];
        }
        else if (round is not null && round.Stage != PriorityStage.WorkingGroupProposal)
        {
            errors["step"] = [round.Stage == PriorityStage.Decided
                ? $"Prioriteringen för {year} är redan beslutad."
                : "Prioriteringsmötet beslutar om arbetsgruppens förslag: arbetsgruppen har inte lämnat något förslag ännu."];
        }

        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var decided = await governance.DecideAsync(new MeetingDecisionInput
        {
            MeetingId = input.MeetingId, Reference = input.Reference,
            Text = $"Prioriterade fokusområden {year}: " + string.Join(", ", round!.Proposals.Where(p => p.Recommended).Select(p => p.Title)) + ".",
        }, ct);
        if (decided.Failure is { } failure)
        {
            return failure;
        }

        var meetingCollaboration = await db.Meetings.Where(m => m.Id == input.MeetingId).Select(m => m.CollaborationId).FirstAsync(ct);
        if (meetingCollaboration != round.CollaborationId)
        {
            return Outcome.Invalid("meetingId", "Prioriteringsmötet ska vara ett möte i samma samverkan.");
        }

        return await Outcome.Guard<PriorityRound>(async () =>
        {
            foreach (var area in round.Decide(decided.Value!, input.ResponsibleGroupId, Now))
            {
                db.FocusAreas.Add(area);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return round;
        });
    }

    private static void CheckYear(Dictionary<string, string[]> errors, int year)
    {
        if (year is < 2000 or > 2100)
        {
            errors["year"] = ["Året ska ligga mellan 2000 och 2100."];
        }
    }

    private async Task<bool> IsMemberOfAsync(Guid collaborationId, GroupKind kind, CancellationToken ct)
    {
        var me = user.Id;
        return await db.GovernanceGroups.AnyAsync(g => g.CollaborationId == collaborationId && g.Kind == kind && g.Members.Any(m => m.UserId == me), ct);
    }

    private async Task<PriorityRound?> RoundAsync(Guid collaborationId, int year, bool create, CancellationToken ct)
    {
        var round = await db.PriorityRounds.Include(r => r.Proposals).FirstOrDefaultAsync(r => r.CollaborationId == collaborationId && r.Year == year, ct);
        if (round is null && create)
        {
            round = PriorityRound.Start(collaborationId, year);
            db.PriorityRounds.Add(round);
        }

        return round;
    }

    // ---------------------------------------------------------------- the annual cycle

    /// <summary>The cycle's events and the groups' meetings that fall in the year, in date order.</summary>
    public async Task<List<CycleEntry>> CycleAsync(Guid collaborationId, int year, CancellationToken ct)
    {
        if (!await governance.IsMineAsync(collaborationId, ct))
        {
            return [];
        }

        var events = await db.CycleEvents.AsNoTracking().Where(e => e.CollaborationId == collaborationId).ToListAsync(ct);
        var groups = await db.GovernanceGroups.AsNoTracking().Where(g => g.CollaborationId == collaborationId).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var meetings = await governance.MeetingsAsync(collaborationId, null, year, ct);
        return events.Select(e => (e, on: e.On(year))).Where(x => x.on is not null)
            .Select(x => new CycleEntry(x.on!.Value, x.e.Title, EnumText.Label(x.e.Kind), x.e.Description, null, x.e.Id, x.e.RecursYearly))
            .Concat(meetings.Select(m => new CycleEntry(m.HeldOn, $"{groups.GetValueOrDefault(m.GroupId, "Möte")}: {m.Title}", EnumText.Label(CycleEventKind.Meeting),
                null, $"/Governance/Meeting/{m.Id}", m.Id, false)))
            .OrderBy(e => e.On).ThenBy(e => e.Title, SwedishCollation.Comparer).ToList();
    }

    public async Task<Outcome<CycleEvent>> AddCycleEventAsync(CycleEventInput input, CancellationToken ct)
    {
        if (!governance.IsCoordinator)
        {
            return Outcome.Forbidden("Årshjulet förs av samordnare.");
        }

        var errors = new Dictionary<string, string[]>();
        var collaborationId = await governance.CollaborationForChangeAsync(input.CollaborationId, errors, ct);
        var title = Input.Text(errors, "title", input.Title, "händelsens namn", CycleEvent.MaxTitle);
        var kind = Input.Enum<CycleEventKind>(errors, "kind", input.Kind, "Okänd sorts händelse");
        var date = Input.Date(errors, "date", input.Date, "datum");
        var description = Input.Text(errors, "description", input.Description, "beskrivning", CycleEvent.MaxDescription, required: false);
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        var cycleEvent = CycleEvent.Create(collaborationId!.Value, title!, kind, date!.Value, input.RecursYearly, description, Now);
        db.CycleEvents.Add(cycleEvent);
        await db.SaveChangesAsync(ct);
        return cycleEvent;
    }

    /// <summary>The annual cycle of every collaboration the user is in, as an iCalendar file: the events (yearly ones as such) and this year's and next year's meetings.</summary>
    public async Task<string> CalendarAsync(CancellationToken ct)
    {
        var collaborations = await governance.CollaborationsAsync(ct);
        var ids = collaborations.Select(c => c.Id).ToList();
        var names = collaborations.ToDictionary(c => c.Id, c => c.Name);
        var events = await db.CycleEvents.AsNoTracking().Where(e => ids.Contains(e.CollaborationId)).OrderBy(e => e.Date).ToListAsync(ct);
        var from = new DateOnly(Today.Year - 1, 1, 1);
        var meetings = await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.CollaborationId) && m.HeldOn >= from).OrderBy(m => m.HeldOn).Take(1000).ToListAsync(ct);
        var groups = await db.GovernanceGroups.AsNoTracking().Where(g => ids.Contains(g.CollaborationId)).ToDictionaryAsync(g => g.Id, g => g.Name, ct);
        var calendar = new ICalendar("-//Arbetsvägen//Årshjul//SV", "Årshjul – " + string.Join(", ", names.Values.Order(SwedishCollation.Comparer)), Now);
        foreach (var e in events)
        {
            calendar.AllDay($"{e.Id}@arbetsvagen", e.Date, $"{e.Title} ({names[e.CollaborationId]})", e.Description, EnumText.Label(e.Kind), e.RecursYearly);
        }

        foreach (var m in meetings)
        {
            calendar.AllDay($"{m.Id}@arbetsvagen", m.HeldOn, $"{groups.GetValueOrDefault(m.GroupId, "Möte")}: {m.Title}", m.Agenda, EnumText.Label(CycleEventKind.Meeting), false);
        }

        return calendar.ToString();
    }

    // ---------------------------------------------------------------- action items

    public async Task<List<ActionItemShown>> ActionItemsAsync(Guid collaborationId, bool mineOnly, bool overdueOnly, CancellationToken ct)
    {
        if (!await governance.IsMineAsync(collaborationId, ct))
        {
            return [];
        }

        var query = db.ActionItems.AsNoTracking().Where(a => a.CollaborationId == collaborationId);
        return await FilteredAsync(query, mineOnly, overdueOnly, ct);
    }

    /// <summary>The user's own open action items that are overdue, in every collaboration: the start page's work list shows them.</summary>
    public async Task<List<ActionItemShown>> MyOverdueAsync(CancellationToken ct)
    {
        var mine = governance.MyCollaborations();
        return await FilteredAsync(db.ActionItems.AsNoTracking().Where(a => mine.Contains(a.CollaborationId)), mineOnly: true, overdueOnly: true, ct);
    }

    private async Task<List<ActionItemShown>> FilteredAsync(IQueryable<ActionItem> query, bool mineOnly, bool overdueOnly, CancellationToken ct)
    {
        if (mineOnly)
        {
            var me = user.Id;
            query = query.Where(a => a.OwnerUserId == me);
        }

        if (overdueOnly)
        {
            var today = Today;
            query = query.Where(a => (a.Status == ActionItemStatus.Open || a.Status == ActionItemStatus.Ongoing) && a.DueOn < today);
        }

        return await governance.ShowItemsAsync(await query.OrderBy(a => a.DueOn).ThenBy(a => a.CreatedAt).Take(500).ToListAsync(ct), ct);
    }

    public async Task<Outcome<ActionItem>> CreateActionItemAsync(ActionItemInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        var collaborationId = await governance.CollaborationForChangeAsync(input.CollaborationId, errors, ct);
        var title = Input.Text(errors, "title", input.Title, "vad som ska göras", ActionItem.MaxTitle);
        var due = Input.Date(errors, "dueOn", input.DueOn, "sista dag");
        if (collaborationId is { } c)
        {
            if (!governance.IsCoordinator && !await db.GovernanceGroups.AnyAsync(g => g.CollaborationId == c && g.Members.Any(m => m.UserId == user.Id), ct))
            {
                return Outcome.Forbidden("Aktivitetslistan förs av samordnare och gruppernas medlemmar.");
            }

            if (input.OwnerUserId is not { } owner || (await governance.StaffAsync(c, ct)).All(u => u.Id != owner))
            {
                errors["ownerUserId"] = ["Välj en ansvarig bland samverkans medarbetare."];
            }

            if (input.MeetingId is { } m && !await db.Meetings.AnyAsync(x => x.Id == m && x.CollaborationId == c, ct))
            {
                errors["meetingId"] = ["Mötet finns inte i samverkan."];
            }

            if (input.FocusAreaId is { } f && !await db.FocusAreas.AnyAsync(x => x.Id == f && x.CollaborationId == c, ct))
            {
                errors["focusAreaId"] = ["Fokusområdet finns inte i samverkan."];
            }
        }

        return await Outcome.Guard<ActionItem>(async () =>
        {
            if (due is { } d && d < Today)
            {
                errors["dueOn"] = [$"Sista dag kan inte ligga före dagen punkten skapas ({Ui.Date(Today)})."];
            }

            if (errors.Count > 0)
            {
                return Outcome.Invalid(errors);
            }

            var item = ActionItem.Create(collaborationId!.Value, title!, input.OwnerUserId!.Value, due!.Value, input.MeetingId, input.FocusAreaId, user.Id, Now);
            db.ActionItems.Add(item);
            log.Add(AccessAction.Create, "GovernanceActionItem", item.Id);
            await db.SaveChangesAsync(ct);
            return item;
        });
    }

    /// <summary>The owner (or a coordinator) sets the status.</summary>
    public async Task<Outcome<ActionItem>> SetActionItemStatusAsync(Guid id, ActionItemStatusInput input, CancellationToken ct)
    {
        var mine = governance.MyCollaborations();
        var item = await db.ActionItems.FirstOrDefaultAsync(a => a.Id == id && mine.Contains(a.CollaborationId), ct);
        if (item is null)
        {
            return Outcome.NotFound();
        }

        if (item.OwnerUserId != user.Id && !governance.IsCoordinator)
        {
            return Outcome.Forbidden("Status sätts av den ansvarige eller samordnaren.");
        }

        var errors = new Dictionary<string, string[]>();
        var status = Input.Enum<ActionItemStatus>(errors, "status", input.Status, "Okänd status");
        if (errors.Count > 0)
        {
            return Outcome.Invalid(errors);
        }

        item.SetStatus(status, Now);
        log.Add(AccessAction.Update, "GovernanceActionItem", item.Id);
        await db.SaveChangesAsync(ct);
        return item;
    }

    // ---------------------------------------------------------------- the report-back

    public async Task<Outcome<ReportBack>> ReportBackAsync(Guid? collaborationId, int year, CancellationToken ct)
    {
        if (await governance.CollaborationAsync(collaborationId, ct) is not { } collaboration)
        {
            return Outcome.NotFound();
        }

        var parties = (await governance.PartiesAsync(collaboration.Id, ct)).Select(p => p.Name).ToList();
        var areas = await FocusAreasAsync(collaboration.Id, year, ct);
        var decisions = await governance.DecisionsAsync(collaboration.Id, year, ct);
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var items = await db.ActionItems.AsNoTracking().Where(a => a.CollaborationId == collaboration.Id && a.DueOn >= start && a.DueOn <= end)
            .Select(a => new { a.Status, a.DueOn }).ToListAsync(ct);
        var byStatus = EnumText.Values<ActionItemStatus>().ToDictionary(s => s, s => items.Count(i => i.Status == s));
        var overdue = items.Count(i => i.Status is ActionItemStatus.Open or ActionItemStatus.Ongoing && i.DueOn < Today);
        await log.RecordAsync(AccessAction.Read, "GovernanceReportBack", collaboration.Id, purpose: $"återrapportering {year}", ct: ct);
        return new ReportBack(collaboration, year, parties, areas, decisions, byStatus, overdue, Today);
    }

    /// <summary>The report-back as a PDF with the collaboration named as sender (ADR 0018); the download is logged as an export.</summary>
    public async Task<Outcome<byte[]>> ReportBackPdfAsync(Guid? collaborationId, int year, CancellationToken ct)
    {
        var outcome = await ReportBackAsync(collaborationId, year, ct);
        if (outcome.Value is not { } report)
        {
            return outcome.Failure!;
        }

        await log.RecordAsync(AccessAction.Export, "GovernanceReportBack", report.Collaboration.Id, purpose: $"återrapportering {year} som PDF", ct: ct);
        return ReportBackPdf.Write(report);
    }
}
