// The sets are used wherever there is an AppDbContext, as if they were its properties.
global using static Arbetsvagen.Features.JobAds.JobAdSets;

using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arbetsvagen.Features.JobAds;

/// <summary>Job ads, their imports and the imports' reports of bad lines (migration 0019).</summary>
public static class JobAdSets
{
    extension(AppDbContext db)
    {
        public DbSet<JobAd> JobAds => db.Set<JobAd>();
        public DbSet<JobAdImport> JobAdImports => db.Set<JobAdImport>();
    }
}

public sealed class JobAdConfiguration : IEntityTypeConfiguration<JobAd>
{
    public void Configure(EntityTypeBuilder<JobAd> builder)
    {
        builder.ToTable("JobAds");
        builder.Property(a => a.AdKey).HasMaxLength(100);
        builder.HasIndex(a => a.AdKey).IsUnique();
        builder.Property(a => a.Headline).HasMaxLength(JobAd.MaxHeadline);
        builder.Property(a => a.EmployerName).HasMaxLength(JobAd.MaxName);
        builder.Property(a => a.EmployerOrganisationNumber).HasMaxLength(20);
        builder.Property(a => a.OccupationId).HasMaxLength(20);
        builder.Property(a => a.OccupationLabel).HasMaxLength(JobAd.MaxName);
        builder.Property(a => a.SsykCode).HasMaxLength(4);
        builder.Property(a => a.OccupationFieldId).HasMaxLength(20);
        builder.Property(a => a.MunicipalityCode).HasMaxLength(4);
        builder.Property(a => a.EmploymentTypeId).HasMaxLength(20);
        builder.Property(a => a.EmploymentTypeLabel).HasMaxLength(100);
        builder.Property(a => a.DrivingLicences).HasMaxLength(100);
        builder.Property(a => a.ContentHash).HasMaxLength(32);
        // The list and the figures: by municipality or occupation field over a period of publication.
        builder.HasIndex(a => new { a.MunicipalityCode, a.PublishedOn });
        builder.HasIndex(a => new { a.OccupationFieldId, a.PublishedOn });
        builder.HasIndex(a => new { a.SsykCode, a.PublishedOn });
        builder.HasIndex(a => a.PublishedOn);
    }
}

public sealed class JobAdImportConfiguration : IEntityTypeConfiguration<JobAdImport>
{
    public void Configure(EntityTypeBuilder<JobAdImport> builder)
    {
        builder.ToTable("JobAdImports");
        builder.Property(i => i.FileName).HasMaxLength(JobAdImport.MaxFileName);
        builder.Property(i => i.Format).HasMaxLength(20);
        builder.Property(i => i.Status).HasMaxLength(20);
        builder.Property(i => i.RejectedBecause).HasMaxLength(500);
        builder.HasIndex(i => new { i.Status, i.CreatedAt });
        builder.HasIndex(i => i.CreatedAt);
    }
}

public sealed class JobAdImportProblemConfiguration : IEntityTypeConfiguration<JobAdImportProblem>
{
    public void Configure(EntityTypeBuilder<JobAdImportProblem> builder)
    {
        builder.ToTable("JobAdImportProblems");
        builder.Property(p => p.Reason).HasMaxLength(JobAdImportProblem.MaxReason);
        builder.HasOne<JobAdImport>().WithMany().HasForeignKey(p => p.ImportId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => new { p.ImportId, p.Line });
    }
}
