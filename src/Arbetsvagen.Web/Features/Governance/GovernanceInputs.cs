using System.Text.Json.Serialization;
using Arbetsvagen.Features.ActionPlans;

namespace Arbetsvagen.Features.Governance;

// What the API and the forms send. Every field is text (or an id) and is read and checked by the use case, so one answer
// names every bad field in Swedish.

public sealed class AgreementSectionInput
{
    public string? Heading { get; set; }
    public string? Body { get; set; }
}

public sealed class AgreementInput
{
    /// <summary>Required when the user's organisation is in several collaborations; not changed by a revision.</summary>
    public Guid? CollaborationId { get; set; }
    public string? Title { get; set; }
    public string? Purpose { get; set; }
    public string? TargetGroups { get; set; }
    public string? StartsOn { get; set; }
    public string? EndsOn { get; set; }
    public string? Status { get; set; }
    public List<Guid>? PartyIds { get; set; }
    public List<AgreementSectionInput>? Sections { get; set; }
    /// <summary>A revision: why the agreement changes.</summary>
    public string? Note { get; set; }
}

public sealed class GroupInput
{
    public Guid? CollaborationId { get; set; }
    public string? Name { get; set; }
    public string? Kind { get; set; }
    public string? Mandate { get; set; }
    public string? Cadence { get; set; }
    [JsonConverter(typeof(NumberOrTextConverter))] public string? CadenceWeeks { get; set; }
}

public sealed class GroupMemberInput
{
    public string? Name { get; set; }
    public string? Role { get; set; }
    public Guid? OrganisationId { get; set; }
    /// <summary>The member's user account, when they have one: it lets them record the group's meetings.</summary>
    public Guid? UserId { get; set; }
    public bool Adjunct { get; set; }
}

public sealed class GroupMeetingInput
{
    public Guid? GroupId { get; set; }
    public string? Title { get; set; }
    public string? HeldOn { get; set; }
    public string? Agenda { get; set; }
}

public sealed class MinutesInput
{
    public string? Minutes { get; set; }
    /// <summary>The members (group member ids) who were there; the others are recorded as absent.</summary>
    public List<Guid>? Present { get; set; }
}

public sealed class MeetingDecisionInput
{
    /// <summary>The meeting that decided; a decision never stands without one.</summary>
    public Guid? MeetingId { get; set; }
    public string? Reference { get; set; }
    public string? Text { get; set; }
    /// <summary>none, jobTrackStart or focusArea.</summary>
    public string? Subject { get; set; }
    /// <summary>The job track or focus area decided on.</summary>
    public Guid? SubjectId { get; set; }
}

public sealed class FocusAreaInput
{
    public Guid? CollaborationId { get; set; }
    [JsonConverter(typeof(NumberOrTextConverter))] public string? Year { get; set; }
    public string? Title { get; set; }
    public string? Goal { get; set; }
    public Guid? ResponsibleGroupId { get; set; }
    public string? Activities { get; set; }
}

public sealed class FocusAreaReportInput
{
    public string? ReportBack { get; set; }
    public string? Status { get; set; }
    /// <summary>Optional: the activities as they turned out.</summary>
    public string? Activities { get; set; }
}

public sealed class PriorityProposalInput
{
    public Guid? CollaborationId { get; set; }
    /// <summary>The proposing organisation: a party of the collaboration; a coordinator may enter any party's, others their own.</summary>
    public Guid? OrganisationId { get; set; }
    public string? Title { get; set; }
    public string? Goal { get; set; }
}

public sealed class WorkingGroupProposalInput
{
    public Guid? CollaborationId { get; set; }
    public List<Guid>? ProposalIds { get; set; }
    public string? Text { get; set; }
}

public sealed class PriorityDecisionInput
{
    public Guid? CollaborationId { get; set; }
    /// <summary>The priority meeting.</summary>
    public Guid? MeetingId { get; set; }
    public string? Reference { get; set; }
    public Guid? ResponsibleGroupId { get; set; }
}

public sealed class ActionItemInput
{
    public Guid? CollaborationId { get; set; }
    public string? Title { get; set; }
    public Guid? OwnerUserId { get; set; }
    public string? DueOn { get; set; }
    public Guid? MeetingId { get; set; }
    public Guid? FocusAreaId { get; set; }
}

public sealed class ActionItemStatusInput
{
    public string? Status { get; set; }
}

public sealed class CycleEventInput
{
    public Guid? CollaborationId { get; set; }
    public string? Title { get; set; }
    public string? Kind { get; set; }
    public string? Date { get; set; }
    public bool RecursYearly { get; set; }
    public string? Description { get; set; }
}

public sealed class ExampleInput
{
    public Guid? CollaborationId { get; set; }
    public string? Title { get; set; }
    public string? Organisation { get; set; }
    public string? Aim { get; set; }
    public string? TargetGroup { get; set; }
    public string? Model { get; set; }
    public string? Results { get; set; }
    public string? Contact { get; set; }
    public string? Period { get; set; }
}
