using System.ComponentModel.DataAnnotations;
using Arbetsvagen.Infrastructure;
using Arbetsvagen.Infrastructure.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arbetsvagen.Features.RegionalReport;

public enum RegionalReportStatus
{
    [Display(Name = "I kö")] Queued,
    [Display(Name = "Tas fram")] Running,
    [Display(Name = "Utkast")] Draft,
    [Display(Name = "Publicerad")] Published,
    [Display(Name = "Misslyckades")] Failed,
}

/// <summary>
/// "Läget i länet" for a collaboration and a period of months (issue 11 §5). Generated in the background into a
/// <see cref="ReportDocument"/> stored as JSON; as a draft its sections' commentary may be edited; publishing freezes
/// it: the stored document is the published report, rendered again in every format, and nothing changes it.
/// </summary>
public sealed class RegionalReport
{
    public const int MaxCommentary = 4000;

    private RegionalReport()
    {
    }

    public Guid Id { get; private set; }
    public Guid CollaborationId { get; private set; }
    public DateOnly FromMonth { get; private set; }
    public DateOnly ToMonth { get; private set; }
    public RegionalReportStatus Status { get; private set; }

    /// <summary>0–100, persisted as generation goes, shown as the progress bar.</summary>
    public int Progress { get; private set; }
    public string ProgressText { get; private set; } = "";
    public string? Error { get; private set; }

    /// <summary>The report as <see cref="ReportJson"/>; null until generated.</summary>
    public string? Document { get; private set; }
    public DateTime CreatedAt { get; private set; }
    public Guid CreatedByUserId { get; private set; }
    public string CreatedByName { get; private set; } = "";
    public DateTime? GeneratedAt { get; private set; }
    public DateTime? PublishedAt { get; private set; }
    public Guid? PublishedByUserId { get; private set; }
    public string? PublishedByName { get; private set; }
    public int Version { get; private set; }

    /// <summary>The app instance that holds the report while it is queued or generated (the orderer's claims live only there).</summary>
    public string? ClaimedBy { get; private set; }

    /// <summary>Until when the claim holds; the holder renews it while it lives. A queued or running report whose lease has run
    /// out has lost its instance and is marked failed by any instance (ADR 0030).</summary>
    public DateTime? LeaseUntil { get; private set; }

    public bool IsFinished => Status is RegionalReportStatus.Draft or RegionalReportStatus.Published or RegionalReportStatus.Failed;

    public static RegionalReport Queue(Guid collaborationId, DateOnly fromMonth, DateOnly toMonth, Guid by, string byName, DateTime now, string instance,
        DateTime leaseUntil) => new()
    {
        Id = Guid.NewGuid(), CollaborationId = collaborationId, FromMonth = fromMonth, ToMonth = toMonth, Status = RegionalReportStatus.Queued,
        ProgressText = "Väntar på att tas fram.", CreatedAt = now, CreatedByUserId = by, CreatedByName = byName, ClaimedBy = instance, LeaseUntil = leaseUntil,
    };

    /// <summary>
    /// Orders a draft (or a failed report) to be generated again from today's data, by this instance. The commentary is kept:
    /// the draft stays readable until the new one replaces it, which takes over each section's commentary (<see cref="Generated"/>).
    /// A published report never changes.
    /// </summary>
    public void Regenerate(DateTime now, string instance, DateTime leaseUntil)
    {
        if (Status is not (RegionalReportStatus.Draft or RegionalReportStatus.Failed))
        {
            throw new ConflictException(Status == RegionalReportStatus.Published
                ? "Rapporten är publicerad och ändras aldrig. Beställ en ny rapport för att se nyare siffror."
                : "Rapporten tas redan fram.");
        }

        Status = RegionalReportStatus.Queued;
        Progress = 0;
        ProgressText = "Väntar på att tas fram igen.";
        Error = null;
        ClaimedBy = instance;
        LeaseUntil = leaseUntil;
        Version++;
    }

    /// <summary>The generated document becomes the draft; a section that had commentary in the draft it replaces keeps it.</summary>
    public void Generated(ReportDocument document, DateTime now)
    {
        if (Read() is { } previous)
        {
            var commentary = previous.Sections.Where(s => s.Commentary is not null).ToDictionary(s => s.Key, s => s.Commentary);
            document = document with
            {
                Sections = document.Sections.Select(s => commentary.TryGetValue(s.Key, out var text) ? s with { Commentary = text } : s).ToList(),
            };
        }

        Document = ReportJson.Serialize(document);
        Status = RegionalReportStatus.Draft;
        Progress = 100;
        ProgressText = "Klar.";
        GeneratedAt = now;
        ClaimedBy = null;
        LeaseUntil = null;
        Version++;
    }

    public void Fail(string why)
    {
        Status = RegionalReportStatus.Failed;
        Error = why;
        ProgressText = "Avbruten.";
    }

    public ReportDocument? Read() => Document is null ? null : ReportJson.Deserialize(Document);

    /// <summary>Replaces one section's commentary; only a draft changes.</summary>
    public void Comment(string sectionKey, string? text)
    {
        if (Status != RegionalReportStatus.Draft)
        {
            throw new ConflictException(Status == RegionalReportStatus.Published
                ? "Rapporten är publicerad och kan inte ändras."
                : "Rapporten är inte färdig ännu.");
        }

        var document = Read()!;
        if (document.Sections.All(s => s.Key != sectionKey))
        {
            throw new Infrastructure.ValidationException("sectionKey", "Rapporten har inget avsnitt med den nyckeln.");
        }

        var commentary = string.IsNullOrWhiteSpace(text) ? null : text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        if (commentary is { Length: > MaxCommentary })
        {
            throw new Infrastructure.ValidationException("commentary", $"Kommentaren får vara högst {MaxCommentary} tecken (den är {commentary.Length}).");
        }

        Document = ReportJson.Serialize(document with
        {
            Sections = document.Sections.Select(s => s.Key == sectionKey ? s with { Commentary = commentary } : s).ToList(),
        });
        Version++;
    }

    /// <summary>Freezes the draft as the published report.</summary>
    public void Publish(Guid by, string byName, DateTime now)
    {
        if (Status != RegionalReportStatus.Draft)
        {
            throw new ConflictException(Status == RegionalReportStatus.Published
                ? "Rapporten är redan publicerad."
                : "Bara ett färdigt utkast kan publiceras.");
        }

        Status = RegionalReportStatus.Published;
        PublishedAt = now;
        PublishedByUserId = by;
        PublishedByName = byName;
        Version++;
    }
}

public sealed class RegionalReportConfiguration : IEntityTypeConfiguration<RegionalReport>
{
    public void Configure(EntityTypeBuilder<RegionalReport> builder)
    {
        builder.ToTable("RegionalReports");
        builder.Property(r => r.Status).HasMaxLength(20);
        builder.Property(r => r.ProgressText).HasMaxLength(200);
        builder.Property(r => r.Error).HasMaxLength(1000);
        builder.Property(r => r.CreatedByName).HasMaxLength(200);
        builder.Property(r => r.PublishedByName).HasMaxLength(200);
        builder.Property(r => r.ClaimedBy).HasMaxLength(100);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.CollaborationId, r.CreatedAt });
    }
}
