using System.ComponentModel.DataAnnotations;

namespace Arbetsvagen.Features.JobAds;

public enum JobAdFileFormat
{
    [Display(Name = "JSON Lines (en annons per rad)")] JsonLines,
    [Display(Name = "Sökresultat från JobSearch")] SearchResult,
}

public enum JobAdImportStatus
{
    [Display(Name = "Väntar")] Queued,
    [Display(Name = "Pågår")] Running,
    [Display(Name = "Klar")] Completed,
    [Display(Name = "Avvisad")] Rejected,
}

/// <summary>
/// One uploaded file of ads and how far its import has come. Progress is saved in the same transaction as each batch of
/// ads, so an import that stops (a crash, a restart) resumes at the first line whose batch was not committed.
/// </summary>
public sealed class JobAdImport
{
    public const int MaxProblemsKept = 1000;
    public const int MaxFileName = 200;

    private JobAdImport()
    {
    }

    public Guid Id { get; private set; }
    public string FileName { get; private set; } = "";
    public JobAdFileFormat Format { get; private set; }
    public JobAdImportStatus Status { get; private set; }
    public long TotalBytes { get; private set; }

    /// <summary>Bytes of the file whose ads are committed: where a resumed import starts reading.</summary>
    public long DoneBytes { get; private set; }

    /// <summary>Lines (JSON Lines) or hits (search result) read and committed.</summary>
    public long Records { get; private set; }

    public long Added { get; private set; }
    public long Updated { get; private set; }
    public long Unchanged { get; private set; }
    public long Closed { get; private set; }
    public long BadRecords { get; private set; }
    public string? RejectedBecause { get; private set; }
    public Guid StartedByUserId { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public DateTime? StartedAt { get; private set; }
    public DateTime? FinishedAt { get; private set; }

    /// <summary>Until when the runner that holds the import has it; a later runner takes over an import whose lease ran out.</summary>
    public DateTime? LeaseUntil { get; private set; }

    public bool IsFinished => Status is JobAdImportStatus.Completed or JobAdImportStatus.Rejected;

    public int Percent => IsFinished ? 100 : TotalBytes == 0 ? 0 : (int)Math.Min(99, DoneBytes * 100 / TotalBytes);

    public static JobAdImport Create(string fileName, long totalBytes, Guid byUserId, DateTime now, Guid? id = null) => new()
    {
        Id = id ?? Guid.NewGuid(), FileName = fileName, TotalBytes = totalBytes, Status = JobAdImportStatus.Queued, StartedByUserId = byUserId, CreatedAt = now,
    };

    public void Start(JobAdFileFormat format, DateTime now)
    {
        Format = format;
        Status = JobAdImportStatus.Running;
        StartedAt ??= now;
    }

    /// <summary>
    /// Counts a batch; the caller saves it with the batch's ads and the problems returned: the report keeps the first
    /// <see cref="MaxProblemsKept"/> bad lines with their reasons, and <see cref="BadRecords"/> counts all.
    /// </summary>
    public List<JobAdImportProblem> Record(JobAdBatchResult batch, long doneBytes)
    {
        var kept = batch.Problems.Take((int)Math.Max(0, MaxProblemsKept - BadRecords)).Select(p => new JobAdImportProblem(Id, p.Line, p.Reason)).ToList();
        Records += batch.Records;
        Added += batch.Added;
        Updated += batch.Updated;
        Unchanged += batch.Unchanged;
        Closed += batch.Closed;
        BadRecords += batch.Problems.Count;
        DoneBytes = doneBytes;
        return kept;
    }

    public void Renew(DateTime until) => LeaseUntil = until;

    public void Complete(DateTime now)
    {
        Status = JobAdImportStatus.Completed;
        DoneBytes = TotalBytes;
        FinishedAt = now;
        LeaseUntil = null;
    }

    /// <summary>The whole file is refused (not JSON, a truncated search result): nothing of it is imported.</summary>
    public void Reject(string because, DateTime now)
    {
        Status = JobAdImportStatus.Rejected;
        RejectedBecause = because;
        FinishedAt = now;
        LeaseUntil = null;
    }
}

/// <summary>A bad line (or hit) of an import and why it was skipped.</summary>
public sealed class JobAdImportProblem(Guid importId, long line, string reason)
{
    public const int MaxReason = 300;

    public long Id { get; private set; }
    public Guid ImportId { get; private set; } = importId;
    public long Line { get; private set; } = line;
    public string Reason { get; private set; } = reason.Length > MaxReason ? reason[..MaxReason] : reason;
}

public sealed record JobAdBatchResult(int Records, int Added, int Updated, int Unchanged, int Closed, List<(long Line, string Reason)> Problems);
