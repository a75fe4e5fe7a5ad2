using System.ComponentModel.DataAnnotations;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Features.Retention;

public enum RunState
{
    [Display(Name = "Förhandsvisad, väntar på godkännande")] Previewed,
    [Display(Name = "Godkänd, pågår")] Running,
    [Display(Name = "Klar")] Done,
    [Display(Name = "Avbruten utan gallring")] Cancelled,
}

public enum ItemState
{
    Pending,
    Culled,
    Held,
}

/// <summary>
/// A culling run (gallringskörning): a preview of what would go, fixed as its list of records; approval by a named
/// administrator; then execution in batches, each committed with its progress so that a stopped run resumes where it was
/// (ADR 0023). Only counts and ids are kept here, never the culled content.
/// </summary>
public sealed class RetentionRun
{
    private RetentionRun()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The administrator's organisation: the run covers it and its units.</summary>
    public Guid OrganisationId { get; private set; }
    public RunState State { get; private set; }

    /// <summary>The day the rules were applied on; execution culls exactly the records listed then.</summary>
    public DateOnly AsOf { get; private set; }

    /// <summary>The rules as they were at preview, one line each.</summary>
    public string Rules { get; private set; } = "";
    public Guid PreviewedByUserId { get; private set; }
    public string PreviewedByName { get; private set; } = "";
    public DateTime PreviewedAt { get; private set; }
    public Guid? ApprovedByUserId { get; private set; }
    public string? ApprovedByName { get; private set; }
    public DateTime? ApprovedAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }
    /// <summary>
    /// The access log's part, fixed at preview: the chain's rows before this number go (a prefix, never rows in the middle;
    /// ADR 0027), <see cref="LogRows"/> of them. Null when the log has nothing to cull. A cut may claim no more than this.
    /// </summary>
    public long? LogKeepFrom { get; private set; }
    public long LogRows { get; private set; }
    public int Total { get; private set; }
    public int Processed { get; private set; }
    public int Batches { get; private set; }

    public int Percent => Total == 0 ? 100 : (int)(Processed * 100L / Total);

    public static RetentionRun Preview(Guid organisationId, DateOnly asOf, string rules, Guid by, string byName, DateTime now) => new()
    {
        Id = Guid.NewGuid(), OrganisationId = organisationId, State = RunState.Previewed, AsOf = asOf, Rules = rules, PreviewedByUserId = by,
        PreviewedByName = byName, PreviewedAt = now,
    };

    public void Listed(int total) => Total = total;

    public void ListedLog(long keepFrom, long rows)
    {
        LogKeepFrom = keepFrom;
        LogRows = rows;
    }

    /// <summary>Approval by a named administrator who is not the one who previewed the run (four eyes).</summary>
    public void Approve(Guid by, string byName, DateTime now)
    {
        if (State != RunState.Previewed)
        {
            throw new ConflictException($"Körningen är redan {EnumText.Label(State).ToLowerInvariant()}.");
        }

        if (by == PreviewedByUserId)
        {
            throw new Infrastructure.ValidationException("approvedBy",
                $"Godkännandet ska göras av en annan administratör än den som förhandsvisade gallringen ({PreviewedByName}): två personer ska ha sett den.");
        }

        ApprovedByUserId = by;
        ApprovedByName = byName;
        ApprovedAt = now;
        State = RunState.Running;
    }

    public void Cancel()
    {
        if (State != RunState.Previewed)
        {
            throw new ConflictException("Bara en körning som inte är godkänd kan avbrytas.");
        }

        State = RunState.Cancelled;
    }

    public void BatchDone(int items)
    {
        Processed += items;
        Batches++;
    }

    public void Finish(DateTime now)
    {
        State = RunState.Done;
        FinishedAt = now;
    }
}

/// <summary>One record listed by a run's preview, and what became of it.</summary>
public sealed class RetentionRunItem
{
    private RetentionRunItem()
    {
    }

    public long Id { get; private set; }
    public Guid RunId { get; private set; }
    public RecordKind Kind { get; private set; }
    public Guid RecordId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public ItemState State { get; private set; }

    public static RetentionRunItem Of(Guid runId, RecordKind kind, Guid recordId, Guid organisationId) =>
        new() { RunId = runId, Kind = kind, RecordId = recordId, OrganisationId = organisationId, State = ItemState.Pending };

    public void Culled() => State = ItemState.Culled;

    public void Held() => State = ItemState.Held;
}

/// <summary>
/// A run's counts per kind and organisation: what the preview listed, what was culled, what a legal hold placed after the
/// preview kept, and what the preview already left out (held, or in the research sample). Updated with each batch.
/// </summary>
public sealed class RetentionRunCount
{
    private RetentionRunCount()
    {
    }

    public Guid RunId { get; private set; }
    public RecordKind Kind { get; private set; }
    public Guid OrganisationId { get; private set; }
    public int Listed { get; private set; }
    public int Culled { get; private set; }
    public int HeldLater { get; private set; }
    public int KeptByHold { get; private set; }
    public int KeptBySample { get; private set; }

    public static RetentionRunCount Of(Guid runId, RecordKind kind, Guid organisationId) => new() { RunId = runId, Kind = kind, OrganisationId = organisationId };

    public void Add(int listed, int keptByHold, int keptBySample)
    {
        Listed += listed;
        KeptByHold += keptByHold;
        KeptBySample += keptBySample;
    }

    public void Count(int culled, int held)
    {
        Culled += culled;
        HeldLater += held;
    }
}
