using Arbetsvagen.Core.Participants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arbetsvagen.Features.Statistics;

/// <summary>
/// One uploaded file of Arbetsförmedlingen's figures for a collaboration. Every upload is kept as a version; a rejected
/// file keeps only its report (no figures), an accepted one its lines. The newest accepted file that covers a
/// municipality and month is the one shown.
/// </summary>
public sealed class StatisticsImport
{
    public const int MaxFileName = 200;

    private StatisticsImport()
    {
    }

    public Guid Id { get; private set; }
    public Guid CollaborationId { get; private set; }
    public string FileName { get; private set; } = "";
    public int TemplateVersion { get; private set; }
    public string Encoding { get; private set; } = "";
    public bool Accepted { get; private set; }
    public int LineCount { get; private set; }

    /// <summary>The line-by-line report: errors (a rejected file) and warnings, one per line of text.</summary>
    public string Report { get; private set; } = "";
    public DateTime UploadedAt { get; private set; }
    public Guid UploadedByUserId { get; private set; }
    public string UploadedByName { get; private set; } = "";

    public static StatisticsImport From(Guid collaborationId, string fileName, TargetGroupImportFile.Result result, Guid userId, string userName, DateTime now) => new()
    {
        Id = Guid.NewGuid(),
        CollaborationId = collaborationId,
        FileName = fileName.Length > MaxFileName ? fileName[..MaxFileName] : fileName,
        TemplateVersion = TargetGroupImportFile.Version,
        Encoding = result.Encoding,
        Accepted = result.Accepted,
        LineCount = result.Lines.Count,
        Report = string.Join("\n", result.Errors.Concat(result.Warnings)),
        UploadedAt = now,
        UploadedByUserId = userId,
        UploadedByName = userName,
    };
}

/// <summary>One accepted line of an import, as the file stated it.</summary>
public sealed class ImportedFigure
{
    private ImportedFigure()
    {
    }

    public long Id { get; private set; }
    public Guid ImportId { get; private set; }
    public int Line { get; private set; }
    public string MunicipalityCode { get; private set; } = "";
    public DateOnly Month { get; private set; }

    /// <summary>Null: the whole municipality ("Alla").</summary>
    public AfStatus? Status { get; private set; }

    /// <summary>Null: "Totalt".</summary>
    public Gender? Gender { get; private set; }
    public long? Registered { get; private set; }
    public long? ShortEducated { get; private set; }
    public long? EducationDuty { get; private set; }
    public long? Disability { get; private set; }
    public long? SocialAssistance { get; private set; }
    public long? Population { get; private set; }
    public decimal? ShortEducatedShare { get; private set; }
    public decimal? DisabilityShare { get; private set; }
    public decimal? SocialAssistanceShare { get; private set; }

    public static ImportedFigure From(Guid importId, ImportedLine l) => new()
    {
        ImportId = importId, Line = l.Line, MunicipalityCode = l.MunicipalityCode, Month = l.Month, Status = l.Status, Gender = l.Gender,
        Registered = l.Registered, ShortEducated = l.ShortEducated, EducationDuty = l.EducationDuty, Disability = l.Disability,
        SocialAssistance = l.SocialAssistance, Population = l.Population, ShortEducatedShare = l.ShortEducatedShare,
        DisabilityShare = l.DisabilityShare, SocialAssistanceShare = l.SocialAssistanceShare,
    };

    public ImportedLine ToLine() => new(Line, MunicipalityCode, Month, Status, Gender, Registered, ShortEducated, EducationDuty, Disability,
        SocialAssistance, Population, ShortEducatedShare, DisabilityShare, SocialAssistanceShare);
}

/// <summary>
/// A published target-group overview: frozen as it was shown (tables and checks), with who published it and — when a
/// check had failed — the reason they gave for publishing anyway, which is shown on the figure.
/// </summary>
public sealed class TargetGroupPublication
{
    public const int MaxReason = 1000;

    private TargetGroupPublication()
    {
    }

    public Guid Id { get; private set; }
    public Guid CollaborationId { get; private set; }
    public DateOnly Month { get; private set; }
    public DateTime PublishedAt { get; private set; }
    public Guid PublishedByUserId { get; private set; }
    public string PublishedByName { get; private set; } = "";
    public int FailedChecks { get; private set; }
    public string? OverrideReason { get; private set; }

    /// <summary>The overview as JSON (<see cref="TargetGroupOverview"/>).</summary>
    public string Content { get; private set; } = "";

    public static TargetGroupPublication Of(Guid collaborationId, DateOnly month, int failedChecks, string? overrideReason, string content,
        Guid userId, string userName, DateTime now) => new()
    {
        Id = Guid.NewGuid(), CollaborationId = collaborationId, Month = month, PublishedAt = now, PublishedByUserId = userId,
        PublishedByName = userName, FailedChecks = failedChecks, OverrideReason = overrideReason, Content = content,
    };
}

public sealed class StatisticsImportConfiguration : IEntityTypeConfiguration<StatisticsImport>
{
    public void Configure(EntityTypeBuilder<StatisticsImport> builder)
    {
        builder.ToTable("StatisticsImports");
        builder.Property(i => i.FileName).HasMaxLength(StatisticsImport.MaxFileName);
        builder.Property(i => i.Encoding).HasMaxLength(40);
        builder.Property(i => i.UploadedByName).HasMaxLength(200);
        builder.HasIndex(i => new { i.CollaborationId, i.UploadedAt });
    }
}

public sealed class ImportedFigureConfiguration : IEntityTypeConfiguration<ImportedFigure>
{
    public void Configure(EntityTypeBuilder<ImportedFigure> builder)
    {
        builder.ToTable("ImportedFigures");
        builder.Property(f => f.MunicipalityCode).HasMaxLength(4);
        builder.Property(f => f.Status).HasMaxLength(40);
        builder.Property(f => f.Gender).HasMaxLength(20);
        builder.Property(f => f.ShortEducatedShare).HasPrecision(5, 2);
        builder.Property(f => f.DisabilityShare).HasPrecision(5, 2);
        builder.Property(f => f.SocialAssistanceShare).HasPrecision(5, 2);
        builder.HasOne<StatisticsImport>().WithMany().HasForeignKey(f => f.ImportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => new { f.ImportId, f.MunicipalityCode, f.Month });
    }
}

public sealed class TargetGroupPublicationConfiguration : IEntityTypeConfiguration<TargetGroupPublication>
{
    public void Configure(EntityTypeBuilder<TargetGroupPublication> builder)
    {
        builder.ToTable("TargetGroupPublications");
        builder.Property(p => p.PublishedByName).HasMaxLength(200);
        builder.Property(p => p.OverrideReason).HasMaxLength(TargetGroupPublication.MaxReason);
        builder.HasIndex(p => new { p.CollaborationId, p.Month, p.PublishedAt });
    }
}
