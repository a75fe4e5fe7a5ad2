using Arbetsvagen.Core.Participants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arbetsvagen.Features.Retention;

/// <summary>Culling: its rules, legal holds and runs (migration 0026).</summary>
public sealed class RetentionRuleConfiguration : IEntityTypeConfiguration<RetentionRule>
{
    public void Configure(EntityTypeBuilder<RetentionRule> builder)
    {
        builder.ToTable("RetentionRules");
        builder.HasKey(r => r.Kind);
        builder.Property(r => r.Kind).HasMaxLength(30);
        builder.Property(r => r.Trigger).HasMaxLength(30);
        builder.Property(r => r.ResearchSampleDays).HasMaxLength(200);
        builder.Property(r => r.Note).HasMaxLength(RetentionRule.MaxNote);
        builder.Property(r => r.UpdatedByName).HasMaxLength(200);
    }
}

public sealed class LegalHoldConfiguration : IEntityTypeConfiguration<LegalHold>
{
    public void Configure(EntityTypeBuilder<LegalHold> builder)
    {
        builder.ToTable("LegalHolds");
        builder.Property(h => h.Reason).HasMaxLength(LegalHold.MaxReason);
        builder.Ignore(h => h.IsActive);
        builder.HasIndex(h => new { h.ParticipantId, h.LiftedAt });
        builder.HasOne<Participant>().WithMany().HasForeignKey(h => h.ParticipantId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RetentionRunConfiguration : IEntityTypeConfiguration<RetentionRun>
{
    public void Configure(EntityTypeBuilder<RetentionRun> builder)
    {
        builder.ToTable("RetentionRuns");
        builder.Property(r => r.State).HasMaxLength(20);
        builder.Property(r => r.Rules).HasMaxLength(4000);
        builder.Property(r => r.PreviewedByName).HasMaxLength(200);
        builder.Property(r => r.ApprovedByName).HasMaxLength(200);
        builder.Ignore(r => r.Percent);
        builder.HasIndex(r => new { r.State, r.PreviewedAt });
    }
}

public sealed class RetentionRunItemConfiguration : IEntityTypeConfiguration<RetentionRunItem>
{
    public void Configure(EntityTypeBuilder<RetentionRunItem> builder)
    {
        builder.ToTable("RetentionRunItems");
        builder.Property(i => i.Kind).HasMaxLength(30);
        builder.Property(i => i.State).HasMaxLength(20);
        // The next batch: a run's pending items in the order they were listed.
        builder.HasIndex(i => new { i.RunId, i.State, i.Id });
        builder.HasOne<RetentionRun>().WithMany().HasForeignKey(i => i.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class RetentionRunCountConfiguration : IEntityTypeConfiguration<RetentionRunCount>
{
    public void Configure(EntityTypeBuilder<RetentionRunCount> builder)
    {
        builder.ToTable("RetentionRunCounts");
        builder.HasKey(c => new { c.RunId, c.Kind, c.OrganisationId });
        builder.Property(c => c.Kind).HasMaxLength(30);
        builder.HasOne<RetentionRun>().WithMany().HasForeignKey(c => c.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}
