using Arbetsvagen.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Arbetsvagen.Features.Governance;

public sealed record AgreementSectionDto(int Position, string Heading, string Body);

public sealed record AgreementRevisionDto(int Number, DateTime At, Guid ByUserId, string Note);

public sealed record AgreementDto(Guid Id, Guid CollaborationId, string Title, string Purpose, string TargetGroups, DateOnly StartsOn, DateOnly EndsOn,
    string Status, int Revision, List<Guid> PartyIds, List<AgreementSectionDto> Sections, List<AgreementRevisionDto> Revisions)
{
    public static AgreementDto From(Agreement a) => new(a.Id, a.CollaborationId, a.Title, a.Purpose, a.TargetGroups, a.StartsOn, a.EndsOn,
        EnumText.ApiName(a.Status), a.Revision, a.Parties.Select(p => p.OrganisationId).ToList(),
        a.Sections.OrderBy(s => s.Position).Select(s => new AgreementSectionDto(s.Position, s.Heading, s.Body)).ToList(),
        a.Revisions.OrderBy(r => r.Number).Select(r => new AgreementRevisionDto(r.Number, r.At, r.ByUserId, r.Note)).ToList());
}

public sealed record GroupMemberDto(Guid Id, Guid? UserId, string Name, string Role, Guid OrganisationId, bool Adjunct)
{
    public static GroupMemberDto From(MemberView m) => new(m.Id, m.UserId, m.Name, m.Role, m.OrganisationId, m.IsAdjunct);
}

public sealed record GroupDto(Guid Id, Guid CollaborationId, string Name, string Kind, string Mandate, string Cadence, int? CadenceWeeks, List<GroupMemberDto>? Members)
{
    public static GroupDto From(Group g, List<MemberView>? members = null) =>
        new(g.Id, g.CollaborationId, g.Name, EnumText.ApiName(g.Kind), g.Mandate, g.Cadence, g.CadenceWeeks, members?.Select(GroupMemberDto.From).ToList());
}

public sealed record MeetingDecisionDto(Guid Id, Guid MeetingId, string Reference, string Text, DateOnly DecidedOn, string Subject, Guid? SubjectId, string? SubjectName)
{
    public static MeetingDecisionDto From(Decision d, string? subjectName = null) =>
        new(d.Id, d.MeetingId, d.Reference, d.Text, d.DecidedOn, EnumText.ApiName(d.Subject), d.SubjectId, subjectName);

    public static MeetingDecisionDto From(DecisionShown d) => From(d.Decision, d.SubjectName);
}

public sealed record AttendanceDto(Guid MemberId, bool Present);

public sealed record GroupMeetingDto(Guid Id, Guid GroupId, Guid CollaborationId, string Title, DateOnly HeldOn, string Agenda, string? Minutes,
    List<AttendanceDto>? Attendance, List<MeetingDecisionDto>? Decisions)
{
    public static GroupMeetingDto From(Meeting m) => new(m.Id, m.GroupId, m.CollaborationId, m.Title, m.HeldOn, m.Agenda, m.Minutes,
        m.Attendance.Select(a => new AttendanceDto(a.MemberId, a.Present)).ToList(), m.Decisions.Select(d => MeetingDecisionDto.From(d)).ToList());

    public static GroupMeetingDto Summary(Meeting m) => new(m.Id, m.GroupId, m.CollaborationId, m.Title, m.HeldOn, m.Agenda, m.Minutes, null, null);

    public static GroupMeetingDto From(MeetingShown s) => From(s.Meeting) with { Decisions = s.Decisions.Select(MeetingDecisionDto.From).ToList() };
}

public sealed record FocusAreaDto(Guid Id, Guid CollaborationId, int Year, string Title, string Goal, Guid? ResponsibleGroupId, string Activities,
    string? ReportBack, string Status, Guid? DecisionId)
{
    public static FocusAreaDto From(FocusArea a) => new(a.Id, a.CollaborationId, a.Year, a.Title, a.Goal, a.ResponsibleGroupId, a.Activities, a.ReportBack,
        EnumText.ApiName(a.Status), a.DecisionId);
}

public sealed record PriorityProposalDto(Guid Id, Guid OrganisationId, string Title, string Goal, bool Recommended)
{
    public static PriorityProposalDto From(PriorityProposal p) => new(p.Id, p.OrganisationId, p.Title, p.Goal, p.Recommended);
}

/// <summary>The year's priority process: <c>stage</c> is proposals, workingGroupProposal or decided.</summary>
public sealed record PriorityRoundDto(Guid CollaborationId, int Year, string Stage, List<PriorityProposalDto> Proposals, string? WorkingGroupProposal,
    Guid? DecisionId)
{
    public static PriorityRoundDto From(PriorityRound r) => new(r.CollaborationId, r.Year, EnumText.ApiName(r.Stage),
        r.Proposals.OrderBy(p => p.CreatedAt).Select(PriorityProposalDto.From).ToList(), r.WorkingGroupProposal, r.DecisionId);
}

public sealed record ActionItemDto(Guid Id, Guid CollaborationId, string Title, Guid OwnerUserId, string? OwnerName, DateOnly DueOn, string Status, bool Overdue,
    Guid? MeetingId, Guid? FocusAreaId, DateOnly CreatedOn)
{
    public static ActionItemDto From(ActionItem a, string? ownerName = null, bool overdue = false) => new(a.Id, a.CollaborationId, a.Title, a.OwnerUserId,
        ownerName, a.DueOn, EnumText.ApiName(a.Status), overdue, a.MeetingId, a.FocusAreaId, a.CreatedOn);

    public static ActionItemDto From(ActionItemShown s) => From(s.Item, s.OwnerName, s.Overdue);
}

public sealed record CycleEntryDto(DateOnly On, string Title, string Kind, string? Description, bool RecursYearly, string? Path);

public sealed record CycleEventDto(Guid Id, Guid CollaborationId, string Title, string Kind, DateOnly Date, bool RecursYearly, string? Description)
{
    public static CycleEventDto From(CycleEvent e) => new(e.Id, e.CollaborationId, e.Title, EnumText.ApiName(e.Kind), e.Date, e.RecursYearly, e.Description);
}

public sealed record ExampleAttachmentDto(Guid Id, string FileName, string ContentType, long Size)
{
    public static ExampleAttachmentDto From(ExampleAttachment a) => new(a.Id, a.FileName, a.ContentType, a.Size);
}

public sealed record ExampleSummaryDto(Guid Id, string Title, string Organisation, string TargetGroup, string? Period, int Attachments)
{
    public static ExampleSummaryDto From(ExampleSummary e) => new(e.Id, e.Title, e.Organisation, e.TargetGroup, e.Period, e.Attachments);
}

public sealed record ExampleDto(Guid Id, Guid CollaborationId, string Title, string Organisation, string Aim, string TargetGroup, string Model, string Results,
    string? Contact, string? Period, List<ExampleAttachmentDto> Attachments)
{
    public static ExampleDto From(GoodExample e) => new(e.Id, e.CollaborationId, e.Title, e.Organisation, e.Aim, e.TargetGroup, e.Model, e.Results, e.Contact,
        e.Period, e.Attachments.Select(ExampleAttachmentDto.From).ToList());
}

public sealed record ReportBackDto(Guid CollaborationId, int Year, string Sender, List<string> Parties, List<FocusAreaDto> FocusAreas,
    List<MeetingDecisionDto> Decisions, Dictionary<string, int> ActionItemsByStatus, int OverdueActionItems)
{
    public static ReportBackDto From(ReportBack r) => new(r.Collaboration.Id, r.Year, r.Sender, r.Parties, r.FocusAreas.Select(a => FocusAreaDto.From(a.Area)).ToList(),
        r.Decisions.Select(MeetingDecisionDto.From).ToList(), r.ActionItemsByStatus.ToDictionary(s => EnumText.ApiName(s.Key), s => s.Value), r.OverdueActionItems);
}

/// <summary>The collaboration's governance: agreements, groups, meetings and decisions, focus areas with the priority process, action items, the annual cycle and good examples.</summary>
public static class GovernanceApi
{
    public static void MapGovernanceApi(this RouteGroupBuilder api)
    {
        var agreements = api.MapGroup("/agreements").WithTags("Samverkan");
        agreements.MapGet("/", async (Guid? collaborationId, GovernanceWork work, CancellationToken ct) =>
                TypedResults.Ok((await work.AgreementsAsync(await CollaborationAsync(work, collaborationId, ct), ct)).Select(AgreementDto.From).ToList()))
            .WithSummary("Samverkans överenskommelser (utan val: din första samverkan)");
        agreements.MapPost("/", async (AgreementInput input, GovernanceWork work, CancellationToken ct) =>
                (await work.CreateAgreementAsync(input, ct)).ToCreated(a => $"/api/v1/agreements/{a.Id}", AgreementDto.From))
            .WithSummary("För in en överenskommelse med parter, period, syfte, målgrupper och bilagans avsnitt (samordnare)");
        agreements.MapGet("/{id:guid}", async (Guid id, GovernanceWork work, CancellationToken ct) =>
                (await work.AgreementAsync(id, ct)).ToOk(s => AgreementDto.From(s.Agreement)))
            .WithSummary("Läs en överenskommelse med avsnitt och versioner");
        agreements.MapPut("/{id:guid}", async (Guid id, AgreementInput input, GovernanceWork work, CancellationToken ct) =>
                (await work.ReviseAgreementAsync(id, input, ct)).ToChanged(AgreementDto.From))
            .WithSummary("Ny version av överenskommelsen: hela texten som den nu lyder och varför (note); den tidigare sparas");

        var groups = api.MapGroup("/groups").WithTags("Samverkan");
        groups.MapGet("/", async (Guid? collaborationId, GovernanceWork work, CancellationToken ct) =>
                TypedResults.Ok((await work.GroupsAsync(await CollaborationAsync(work, collaborationId, ct), ct)).Select(g => GroupDto.From(g)).ToList()))
            .WithSummary("Samverkans grupper: styrgrupp, arbetsgrupp, ledningsgrupp, fokusgrupper och nätverk");
        groups.MapPost("/", async (GroupInput input, GovernanceWork work, CancellationToken ct) =>
                (await work.CreateGroupAsync(input, ct)).ToCreated(g => $"/api/v1/groups/{g.Id}", g => GroupDto.From(g, [])))
            .WithSummary("Skapa en grupp med mandat och mötesfrekvens (samordnare)");
        groups.MapGet("/{id:guid}", async (Guid id, GovernanceWork work, CancellationToken ct) =>
                (await work.GroupAsync(id, ct)).ToOk(s => GroupDto.From(s.Group, s.Members)))
            .WithSummary("Läs en grupp med medlemmar (namn och roller loggas; analytiker ser inga namn)");
        groups.MapPost("/{id:guid}/members", async (Guid id, GroupMemberInput input, GovernanceWork work, CancellationToken ct) =>
                (await work.AddMemberAsync(id, input, ct)).ToCreated(_ => $"/api/v1/groups/{id}",
                    m => new GroupMemberDto(m.Id, m.UserId, m.Name, m.Role, m.OrganisationId, m.IsAdjunct)))
            .WithSummary("Lägg till en medlem eller adjungerad (samordnare)");

        var meetings = api.MapGroup("/meetings").WithTags("Samverkan");
        meetings.MapGet("/", async (Guid? collaborationId, Guid? groupId, int? year, GovernanceWork work, CancellationToken ct) =>
                TypedResults.Ok((await work.MeetingsAsync(await CollaborationAsync(work, collaborationId, ct), groupId, year, ct)).Select(GroupMeetingDto.Summary).ToList()))
            .WithSummary("Gruppernas möten, valfritt för en grupp och ett år");
        meetings.MapPost("/", async (GroupMeetingInput input, GovernanceWork work, CancellationToken ct) =>
                (await work.CreateMeetingAsync(input, ct)).ToCreated(m => $"/api/v1/meetings/{m.Id}", GroupMeetingDto.From))
            .WithSummary("För in ett möte med dagordning (medlem i gruppen)");
        meetings.MapGet("/{id:guid}", async (Guid id, GovernanceWork work, CancellationToken ct) =>
                (await work.MeetingAsync(id, ct)).ToOk(GroupMeetingDto.From))
            .WithSummary("Läs ett möte med närvaro, protokoll och beslut");
        meetings.MapPut("/{id:guid}/minutes", async (Guid id, MinutesInput input, GovernanceWork work, CancellationToken ct) =>
                (await work.RecordMinutesAsync(id, input, ct)).ToChanged(GroupMeetingDto.From))
            .WithSummary("För in protokoll och närvaro (medlem i gruppen)");
        meetings.MapPost("/{id:guid}/decisions", async (Guid id, MeetingDecisionInput input, GovernanceWork work, CancellationToken ct) =>
                (await work.DecideAsync(new MeetingDecisionInput { MeetingId = id, Reference = input.Reference, Text = input.Text, Subject = input.Subject, SubjectId = input.SubjectId }, ct))
                .ToCreated(d => $"/api/v1/meetings/{id}", d => MeetingDecisionDto.From(d)))
            .WithSummary("För in ett beslut på mötet, valfritt kopplat till det det gäller (start av jobbspår, fokusområde)");
        meetings.MapGet("/decisions", async (Guid? subjectId, Guid? collaborationId, int? year, GovernanceWork work, CancellationToken ct) =>
                TypedResults.Ok((subjectId is { } s
                        ? await work.DecisionsOnAsync(s, ct)
                        : await work.DecisionsAsync(await CollaborationAsync(work, collaborationId, ct), year ?? DateTime.UtcNow.Year, ct))
                    .Select(MeetingDecisionDto.From).ToList()))
            .WithSummary("Beslut om ett jobbspår eller fokusområde (subjectId), eller samverkans beslut under ett år");
        meetings.MapPost("/decisions", async (MeetingDecisionInput input, GovernanceWork work, CancellationToken ct) =>
                (await work.DecideAsync(input, ct)).ToCreated(d => $"/api/v1/meetings/{d.MeetingId}", d => MeetingDecisionDto.From(d)))
            .WithSummary("För in ett beslut; meetingId krävs, ett beslut fattas alltid på ett möte");

        var areas = api.MapGroup("/focus-areas").WithTags("Samverkan");
        areas.MapGet("/", async (Guid? collaborationId, int? year, GovernanceWork work, YearWork yearWork, CancellationToken ct) =>
                TypedResults.Ok((await yearWork.FocusAreasAsync(await CollaborationAsync(work, collaborationId, ct), year ?? yearWork.Today.Year, ct))
                    .Select(a => FocusAreaDto.From(a.Area)).ToList()))
            .WithSummary("Årets fokusområden med målsättning, ansvarig grupp och återrapport");
        areas.MapPost("/", async (FocusAreaInput input, YearWork work, CancellationToken ct) =>
                (await work.CreateFocusAreaAsync(input, ct)).ToCreated(a => $"/api/v1/focus-areas?year={a.Year}", FocusAreaDto.From))
            .WithSummary("För in ett fokusområde direkt (samordnare); vanligen blir de till genom prioriteringen");
        areas.MapPut("/{id:guid}/report-back", async (Guid id, FocusAreaReportInput input, YearWork work, CancellationToken ct) =>
                (await work.ReportAsync(id, input, ct)).ToChanged(FocusAreaDto.From))
            .WithSummary("Årets återrapport och status för fokusområdet (samordnare eller ansvarig grupp)");
        areas.MapGet("/priority/{year:int}", async (int year, Guid? collaborationId, GovernanceWork work, YearWork yearWork, CancellationToken ct) =>
                (await yearWork.PriorityAsync(await CollaborationAsync(work, collaborationId, ct), year, ct)).Round is { } round
                    ? (Results<Ok<PriorityRoundDto>, NotFoundProblem>)TypedResults.Ok(PriorityRoundDto.From(round))
                    : new NotFoundProblem())
            .WithSummary("Årets prioriteringsprocess: organisationernas förslag, arbetsgruppens förslag, beslutet");
        areas.MapPost("/priority/{year:int}/proposals", async (int year, PriorityProposalInput input, YearWork work, CancellationToken ct) =>
                (await work.ProposeAsync(year, input, ct)).ToCreated(_ => $"/api/v1/focus-areas/priority/{year}", PriorityProposalDto.From))
            .WithSummary("Steg 1: en organisations förslag på fokusområde");
        areas.MapPost("/priority/{year:int}/working-group-proposal", async (int year, WorkingGroupProposalInput input, YearWork work, CancellationToken ct) =>
                (await work.ProposeByWorkingGroupAsync(year, input, ct)).ToChanged(PriorityRoundDto.From))
            .WithSummary("Steg 2: arbetsgruppens gemensamma förslag (efter organisationernas förslag)");
        areas.MapPost("/priority/{year:int}/decision", async (int year, PriorityDecisionInput input, YearWork work, CancellationToken ct) =>
                (await work.DecidePriorityAsync(year, input, ct)).ToChanged(PriorityRoundDto.From))
            .WithSummary("Steg 3: beslut på prioriteringsmötet; de föreslagna blir årets fokusområden");

        var items = api.MapGroup("/action-items").WithTags("Samverkan");
        items.MapGet("/", async (Guid? collaborationId, bool? mine, bool? overdue, GovernanceWork work, YearWork yearWork, CancellationToken ct) =>
                TypedResults.Ok((await yearWork.ActionItemsAsync(await CollaborationAsync(work, collaborationId, ct), mine ?? false, overdue ?? false, ct))
                    .Select(ActionItemDto.From).ToList()))
            .WithSummary("Aktivitetslistan, valfritt bara dina (mine) eller bara försenade (overdue)");
        items.MapPost("/", async (ActionItemInput input, YearWork work, CancellationToken ct) =>
                (await work.CreateActionItemAsync(input, ct)).ToCreated(a => $"/api/v1/action-items?collaborationId={a.CollaborationId}", a => ActionItemDto.From(a)))
            .WithSummary("Ny punkt med ansvarig, sista dag och koppling till möte eller fokusområde");
        items.MapPost("/{id:guid}/status", async (Guid id, ActionItemStatusInput input, YearWork work, CancellationToken ct) =>
                (await work.SetActionItemStatusAsync(id, input, ct)).ToChanged(a => ActionItemDto.From(a)))
            .WithSummary("Sätt status (den ansvarige eller samordnaren)");

        var examples = api.MapGroup("/examples").WithTags("Samverkan");
        examples.MapGet("/", async (Guid? collaborationId, string? q, GovernanceWork work, ExampleWork exampleWork, CancellationToken ct) =>
                TypedResults.Ok((await exampleWork.SearchAsync(await CollaborationAsync(work, collaborationId, ct), q, ct)).Select(ExampleSummaryDto.From).ToList()))
            .WithSummary("Goda exempel, valfritt sökta på ord (q)");
        examples.MapPost("/", async (ExampleInput input, ExampleWork work, CancellationToken ct) =>
                (await work.CreateAsync(input, ct)).ToCreated(e => $"/api/v1/examples/{e.Id}", ExampleDto.From))
            .WithSummary("För in ett gott exempel: syfte, målgrupp, modell, resultat, kontakt och period");
        examples.MapGet("/{id:guid}", async (Guid id, ExampleWork work, CancellationToken ct) => (await work.ReadAsync(id, ct)).ToOk(ExampleDto.From))
            .WithSummary("Läs ett gott exempel med bilagor");
        examples.MapPost("/{id:guid}/attachments", async (Guid id, IFormFile? file, ExampleWork work, CancellationToken ct) =>
                (await work.AttachAsync(id, file, ct)).ToCreated(a => $"/api/v1/examples/{id}/attachments/{a.Id}", ExampleAttachmentDto.From))
            .DisableAntiforgery()
            .WithSummary($"Bifoga en fil (multipart, fältet file): {AttachmentRules.Allowed}, högst 5 MB");
        examples.MapGet("/{id:guid}/attachments/{attachmentId:guid}", async (Guid id, Guid attachmentId, ExampleWork work, CancellationToken ct) =>
                (await work.DownloadAsync(id, attachmentId, ct)).Value is { } file
                    ? (Results<FileContentHttpResult, NotFoundProblem>)TypedResults.File(file.Content, file.ContentType, file.FileName)
                    : new NotFoundProblem())
            .Produces<byte[]>(StatusCodes.Status200OK, "application/octet-stream")
            .WithSummary("Hämta en bilaga (med den filtyp den sparades som)");

        var cycle = api.MapGroup("/annual-cycle").WithTags("Samverkan");
        cycle.MapGet("/", async (Guid? collaborationId, int? year, GovernanceWork work, YearWork yearWork, CancellationToken ct) =>
                TypedResults.Ok((await yearWork.CycleAsync(await CollaborationAsync(work, collaborationId, ct), year ?? yearWork.Today.Year, ct))
                    .Select(e => new CycleEntryDto(e.On, e.Title, e.Kind, e.Description, e.RecursYearly, e.Path)).ToList()))
            .WithSummary("Årshjulet för ett år: händelser och gruppernas möten i datumordning");
        cycle.MapPost("/", async (CycleEventInput input, YearWork work, CancellationToken ct) =>
                (await work.AddCycleEventAsync(input, ct)).ToCreated(_ => "/api/v1/annual-cycle", CycleEventDto.From))
            .WithSummary("Lägg till en händelse i årshjulet, valfritt återkommande varje år (samordnare)");
        api.MapGet("/annual-cycle.ics", async (YearWork work, CancellationToken ct) =>
                TypedResults.Text(await work.CalendarAsync(ct), "text/calendar; charset=utf-8"))
            .WithTags("Samverkan")
            .WithSummary("Årshjulet som iCalendar (RFC 5545) för alla dina samverkan")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar");

        api.MapGet("/report-back/{year:int}", async (int year, Guid? collaborationId, YearWork work, CancellationToken ct) =>
                (await work.ReportBackAsync(collaborationId, year, ct)).ToOk(ReportBackDto.From))
            .WithTags("Samverkan")
            .WithSummary("Årets återrapportering: fokusområden, beslut och aktivitetslistans status, med samverkan som avsändare");
    }

    /// <summary>The collaboration asked for, or the user's first; Guid.Empty (which lists nothing) when the user is in none.</summary>
    private static async Task<Guid> CollaborationAsync(GovernanceWork work, Guid? chosen, CancellationToken ct) =>
        (await work.CollaborationAsync(chosen, ct))?.Id ?? Guid.Empty;
}
