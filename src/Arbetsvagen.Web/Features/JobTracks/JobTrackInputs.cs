using System.Globalization;
using System.Text.Json.Serialization;
using Arbetsvagen.Features.ActionPlans;
using Arbetsvagen.Features.Requirements;

namespace Arbetsvagen.Features.JobTracks;

/// <summary>A new job track as the API and the create form send it; numbers may come as JSON numbers or as text.</summary>
public sealed class JobTrackInput
{
    /// <summary>
    /// Creating: the collaboration that owns the track — required when the user's organisation is in several, else
    /// that one. Not changed by an edit.
    /// </summary>
    public Guid? CollaborationId { get; set; }
    public string? Title { get; set; }
    public List<Guid>? EmployerIds { get; set; }
    /// <summary>A JobTech occupation-name concept id, or the occupation's exact name.</summary>
    public string? Occupation { get; set; }
    public Guid? ProviderOrganisationId { get; set; }
    public string? TrainingComponents { get; set; }
    public string? TrainingStartsOn { get; set; }
    [JsonConverter(typeof(NumberOrTextConverter))] public string? TrainingWeeks { get; set; }
    public string? Regi { get; set; }
    public string? EmploymentForm { get; set; }
    public string? WorkplaceMunicipalityCode { get; set; }
    [JsonConverter(typeof(NumberOrTextConverter))] public string? Places { get; set; }
    [JsonConverter(typeof(NumberOrTextConverter))] public string? ExpectedHires { get; set; }
    public string? PublicDescription { get; set; }
    [JsonConverter(typeof(NumberOrTextConverter))] public string? Price { get; set; }
    public string? PriceUnit { get; set; }
    /// <summary>Creating: the requirement profile may be given at once, or later (it is needed before recruitment). An edit leaves it alone.</summary>
    public RequirementsInput? Requirements { get; set; }
    /// <summary>Editing: optional, the track's version the editor saw (JobTrackDto.version); a newer one answers 409.</summary>
    public int? BasedOnVersion { get; set; }
}

public sealed class StageInput
{
    public string? Stage { get; set; }
    /// <summary>Optional: the track's version the caller saw (JobTrackDto.version); a newer one answers 409.</summary>
    public int? BasedOnVersion { get; set; }
}

public sealed class TeamMemberInput
{
    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? Organisation { get; set; }
}

public sealed class DocumentInput
{
    public string? Kind { get; set; }
    public string? Date { get; set; }
    public string? Reference { get; set; }
}

public sealed class DecisionInput
{
    public string? DecidedOn { get; set; }
    public string? Reference { get; set; }
}

/// <summary>The requirement profile (kravprofil) as a whole: it replaces the one there was.</summary>
public sealed class ProfileInput
{
    public RequirementsInput? Requirements { get; set; }
}

/// <summary>The person to propose: their id, or (from the page) their personnummer, looked up among the own unit's participants.</summary>
public sealed class ProposalInput
{
    public Guid? ParticipantId { get; set; }
    public string? PersonalIdentityNumber { get; set; }
}

/// <summary>A candidate's next stage, with what that stage records (the AF check's two facts, a start or hiring date, the employment form).</summary>
public sealed class CandidateStageInput
{
    public string? Stage { get; set; }
    public bool? AfRegistered { get; set; }
    public bool? EntitledToEmploymentSupport { get; set; }
    public string? Date { get; set; }
    public string? EmploymentForm { get; set; }
    /// <summary>Optional: the candidate's version the caller saw (CandidateDto.version); a newer one answers 409.</summary>
    public int? BasedOnVersion { get; set; }
}

/// <summary>Whole numbers and amounts as a form or the API writes them ("12", "1 500,50"), each with a Swedish message.</summary>
public static class NumberInput
{
    public static int? Whole(Dictionary<string, string[]> errors, string field, string? text, string label, int min, int max)
    {
        if (int.TryParse(text?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        errors[field] = [$"Ange {label} som ett heltal mellan {min} och {max}."];
        return null;
    }

    public static decimal? Amount(Dictionary<string, string[]> errors, string field, string? text, string label, decimal max)
    {
        var cleaned = text?.Trim().Replace(" ", "", StringComparison.Ordinal).Replace('\u00a0'.ToString(), "", StringComparison.Ordinal).Replace(',', '.');
        if (decimal.TryParse(cleaned, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value <= max
            && decimal.Round(value, 2) == value)
        {
            return value;
        }

        errors[field] = [$"Ange {label} i kronor, t.ex. 1500 eller 1500,50 (högst {max:0} kr)."];
        return null;
    }
}
