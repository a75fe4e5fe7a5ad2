using System.ComponentModel.DataAnnotations;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Retention;

/// <summary>A kind of record that a culling rule covers.</summary>
public enum RecordKind
{
    [Display(Name = "Socialtjänstens ärenden med journal")] SocialServicesCase,
    [Display(Name = "Jobbcentrums ärenden med journal")] JobCentreCase,
    [Display(Name = "KAA-registrets uppgifter")] KaaRecord,
    [Display(Name = "Loggen över läsningar och ändringar")] AccessLog,
    [Display(Name = "Importerade filers rapporter (KAA)")] ImportedFile,
}

/// <summary>From what the retention period is counted.</summary>
public enum RetentionTrigger
{
    [Display(Name = "år efter senaste anteckningen")] AfterLastEntry,
    [Display(Name = "år efter att ärendet avslutades")] AfterCaseClosed,
    [Display(Name = "år efter att personen fyllde 20")] AfterTurned20,
}

/// <summary>
/// The culling rule of one kind of record (gallringsregel): how many years it is kept, counted from what, and which people
/// a research sample keeps for good (those born on the given days of the month, as the archives' birthday sample does).
/// Data a system administrator reviews and changes; every change records who and when.
/// </summary>
public sealed class RetentionRule
{
    public const int MaxYears = 110;
    public const int MaxNote = 500;

    private RetentionRule()
    {
    }

    public RecordKind Kind { get; private set; }
    public int Years { get; private set; }
    public RetentionTrigger Trigger { get; private set; }

    /// <summary>Days of the month (1–31, comma separated) whose people's records are kept as a research sample; empty for none.</summary>
    public string ResearchSampleDays { get; private set; } = "";
    public string Note { get; private set; } = "";
    public DateTime UpdatedAt { get; private set; }
    public string UpdatedByName { get; private set; } = "";

    public static RetentionTrigger[] TriggersFor(RecordKind kind) => kind switch
    {
        RecordKind.SocialServicesCase or RecordKind.JobCentreCase => [RetentionTrigger.AfterLastEntry, RetentionTrigger.AfterCaseClosed],
        RecordKind.KaaRecord => [RetentionTrigger.AfterTurned20, RetentionTrigger.AfterLastEntry],
        _ => [RetentionTrigger.AfterLastEntry],
    };

    public static bool HasResearchSample(RecordKind kind) => kind is RecordKind.SocialServicesCase or RecordKind.JobCentreCase or RecordKind.KaaRecord;

    public static RetentionRule Create(RecordKind kind, int years, RetentionTrigger trigger, string researchSampleDays, string note, string by, DateTime now) =>
        new() { Kind = kind, Years = years, Trigger = trigger, ResearchSampleDays = researchSampleDays, Note = note, UpdatedAt = now, UpdatedByName = by };

    public void Change(int years, RetentionTrigger trigger, string researchSampleDays, string note, string by, DateTime now)
    {
        Years = years;
        Trigger = trigger;
        ResearchSampleDays = researchSampleDays;
        Note = note;
        UpdatedAt = now;
        UpdatedByName = by;
    }

    public IReadOnlySet<int> SampleDays() => ParseDays(ResearchSampleDays) ?? new HashSet<int>();

    /// <summary>"5, 15, 25" → {5, 15, 25}; null when a part is not a day of the month.</summary>
    public static HashSet<int>? ParseDays(string? text)
    {
        var days = new HashSet<int>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, out var day) || day is < 1 or > 31)
            {
                return null;
            }

            days.Add(day);
        }

        return days;
    }

    /// <summary>Whether a record whose period starts on <paramref name="from"/> has passed it on <paramref name="asOf"/>.</summary>
    public bool HasPassed(DateOnly from, DateOnly asOf) => from.AddYears(Years) <= asOf;

    public string Describe() => $"{Years} {EnumText.Label(Trigger)}";
}

/// <summary>
/// A legal hold (bevarandebeslut): while it stands, nothing of the participant — or of the one case when
/// <see cref="CaseId"/> is set — is culled. Lifting it records who and when; the row stays.
/// </summary>
public sealed class LegalHold
{
    public const int MaxReason = 500;

    private LegalHold()
    {
    }

    public Guid Id { get; private set; }
    public Guid ParticipantId { get; private set; }
    public Guid? CaseId { get; private set; }
    public string Reason { get; private set; } = "";
    public Guid PlacedByUserId { get; private set; }
    public DateTime PlacedAt { get; private set; }
    public Guid? LiftedByUserId { get; private set; }
    public DateTime? LiftedAt { get; private set; }

    public bool IsActive => LiftedAt is null;

    public static LegalHold Place(Guid participantId, Guid? caseId, string reason, Guid by, DateTime now) => new()
    {
        Id = Guid.NewGuid(), ParticipantId = participantId, CaseId = caseId, Reason = reason, PlacedByUserId = by, PlacedAt = now,
    };

    public void Lift(Guid by, DateTime now)
    {
        if (!IsActive)
        {
            throw new ConflictException("Bevarandebeslutet är redan hävt.");
        }

        LiftedByUserId = by;
        LiftedAt = now;
    }
}
