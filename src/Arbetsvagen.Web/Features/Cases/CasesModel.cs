using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arbetsvagen.Features.Cases;

public sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> builder)
    {
        builder.ToTable("Cases");
        builder.Property(c => c.State).HasMaxLength(20);
        builder.Property(c => c.Source).HasMaxLength(30);
        builder.Property(c => c.Reason).HasMaxLength(2000);
        builder.Property(c => c.CheckInSchedule).HasMaxLength(500);
        builder.Property(c => c.Outcome).HasMaxLength(30);
        builder.Property(c => c.EmploymentForm).HasMaxLength(30);
        builder.Property(c => c.StudyForm).HasMaxLength(30);
        builder.Property(c => c.IncomeBefore).HasMaxLength(40);
        builder.Property(c => c.IncomeAfter).HasMaxLength(40);
        builder.HasIndex(c => c.ParticipantId);
        builder.HasIndex(c => new { c.BoundaryId, c.State });
        builder.HasIndex(c => c.OpenedOn); // the follow-up counts a month's openings and closings (ADR 0032)
        builder.HasIndex(c => c.ClosedOn);
        builder.HasOne<Participant>().WithMany().HasForeignKey(c => c.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.History).WithOne().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.FollowUps).WithOne().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CaseFollowUpConfiguration : IEntityTypeConfiguration<CaseFollowUp>
{
    public void Configure(EntityTypeBuilder<CaseFollowUp> builder)
    {
        builder.ToTable("CaseFollowUps");
        builder.Property(f => f.Status).HasMaxLength(30);
        builder.Property(f => f.IncomeSource).HasMaxLength(40);
        builder.Property(f => f.Note).HasMaxLength(2000);
        builder.HasIndex(f => new { f.CaseId, f.Months }).IsUnique();
    }
}

public sealed class CaseStateChangeConfiguration : IEntityTypeConfiguration<CaseStateChange>
{
    public void Configure(EntityTypeBuilder<CaseStateChange> builder)
    {
        builder.ToTable("CaseStateChanges");
        builder.Property(h => h.From).HasMaxLength(20);
        builder.Property(h => h.To).HasMaxLength(20);
        builder.Property(h => h.Note).HasMaxLength(500);
    }
}

public sealed class JournalEntryConfiguration : IEntityTypeConfiguration<JournalEntry>
{
    public void Configure(EntityTypeBuilder<JournalEntry> builder)
    {
        builder.ToTable("JournalEntries");
        builder.Property(j => j.Type).HasMaxLength(20);
        builder.Property(j => j.Text).HasMaxLength(JournalEntry.MaxTextLength);
        builder.HasIndex(j => new { j.CaseId, j.CreatedAt });
        builder.HasOne<Case>().WithMany().HasForeignKey(j => j.CaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<JournalEntry>().WithMany().HasForeignKey(j => j.CorrectsEntryId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(j => j.IsSigned);
    }
}
