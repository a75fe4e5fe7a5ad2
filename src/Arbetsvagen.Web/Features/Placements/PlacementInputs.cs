using System.Text.Json.Serialization;
using Arbetsvagen.Features.ActionPlans;
using Arbetsvagen.Features.Requirements;

namespace Arbetsvagen.Features.Placements;

/// <summary>A placement as the create and edit forms and the API send it; everything is parsed and checked on the server.</summary>
public sealed class PlacementInput
{
    /// <summary>Only when creating: the employer stays the same for the placement's life.</summary>
    public Guid? EmployerId { get; set; }
    public Guid? WorkplaceId { get; set; }
    public string? Kind { get; set; }
    /// <summary>A JobTech occupation-name concept id, or the occupation's name as typed in the form's picker.</summary>
    public string? Occupation { get; set; }
    public string? Tasks { get; set; }
    public string? SupervisorName { get; set; }
    public string? SupervisorPhone { get; set; }
    public string? SupervisorEmail { get; set; }
    public string? AccessibilityNote { get; set; }
    public string? LanguageSupportNote { get; set; }
    public List<PeriodInput> Periods { get; set; } = [];
    public RequirementsInput Requirements { get; set; } = [];
}

public sealed class PeriodInput
{
    /// <summary>The period's id when editing an existing one; empty for a new period.</summary>
    public Guid? Id { get; set; }
    public string? StartsOn { get; set; }
    public string? EndsOn { get; set; }
    /// <summary>Number of places, as a number or as text from a form.</summary>
    [JsonConverter(typeof(NumberOrTextConverter))]
    public string? Places { get; set; }

    public bool IsBlank => Id is null && string.IsNullOrWhiteSpace(StartsOn) && string.IsNullOrWhiteSpace(EndsOn) && string.IsNullOrWhiteSpace(Places);
}

public sealed class StatusInput
{
    public string? Status { get; set; }
}

/// <summary>A booking: the participant by id (API) or by personnummer (the booking form), the dates and hours per week.</summary>
public sealed class BookingInput
{
    public Guid? ParticipantId { get; set; }
    public string? PersonalIdentityNumber { get; set; }
    public string? StartsOn { get; set; }
    public string? EndsOn { get; set; }
    [JsonConverter(typeof(NumberOrTextConverter))]
    public string? HoursPerWeek { get; set; }
    /// <summary>The participant has consented to the supervisor knowing their name and the dates.</summary>
    public bool SupervisorMayKnow { get; set; }
}

public sealed class EndBookingInput
{
    public string? Outcome { get; set; }
    public string? EndedOn { get; set; }
    public string? Result { get; set; }
}

/// <summary>The list's filters as the page's query string and the API take them; blank means any.</summary>
public sealed class PlacementFilter
{
    public string? Municipality { get; set; }
    public string? Kind { get; set; }
    public string? Status { get; set; }
    /// <summary>An occupation concept id or name.</summary>
    public string? Occupation { get; set; }
    public int? Page { get; set; }
}

/// <summary>What the public page filters open placements by: municipality code, kind, SSYK code prefix (1–4 digits, an occupation area).</summary>
public sealed record PublicPlacementFilter(string? MunicipalityCode = null, PlacementKind? Kind = null, string? SsykPrefix = null);
