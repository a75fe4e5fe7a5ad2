// The sets are used wherever there is an AppDbContext, as if they were its properties.
global using static Arbetsvagen.Features.Governance.GovernanceSets;

using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arbetsvagen.Features.Governance;

/// <summary>The collaboration's own governance (migration 0023).</summary>
public static class GovernanceSets
{
    extension(AppDbContext db)
    {
        public DbSet<Agreement> Agreements => db.Set<Agreement>();
        public DbSet<Group> GovernanceGroups => db.Set<Group>();
        public DbSet<Meeting> Meetings => db.Set<Meeting>();
        public DbSet<Decision> Decisions => db.Set<Decision>();
        public DbSet<FocusArea> FocusAreas => db.Set<FocusArea>();
        public DbSet<PriorityRound> PriorityRounds => db.Set<PriorityRound>();
        public DbSet<ActionItem> ActionItems => db.Set<ActionItem>();
        public DbSet<CycleEvent> CycleEvents => db.Set<CycleEvent>();
        public DbSet<GoodExample> GoodExamples => db.Set<GoodExample>();
    }
}

public sealed class AgreementConfiguration : IEntityTypeConfiguration<Agreement>
{
    public void Configure(EntityTypeBuilder<Agreement> builder)
    {
        builder.ToTable("Agreements");
        builder.Property(a => a.Title).HasMaxLength(Agreement.MaxTitle);
        builder.Property(a => a.Purpose).HasMaxLength(Agreement.MaxText);
        builder.Property(a => a.TargetGroups).HasMaxLength(Agreement.MaxText);
        builder.Property(a => a.Status).HasMaxLength(20);
        builder.HasIndex(a => a.CollaborationId);
        builder.HasOne<Collaboration>().WithMany().HasForeignKey(a => a.CollaborationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.Parties).WithOne().HasForeignKey(p => p.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Sections).WithOne().HasForeignKey(s => s.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Revisions).WithOne().HasForeignKey(r => r.AgreementId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(a => a.Period);
    }
}

public sealed class AgreementPartyConfiguration : IEntityTypeConfiguration<AgreementParty>
{
    public void Configure(EntityTypeBuilder<AgreementParty> builder)
    {
        builder.ToTable("AgreementParties");
        builder.HasKey(p => new { p.AgreementId, p.OrganisationId });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AgreementSectionConfiguration : IEntityTypeConfiguration<AgreementSection>
{
    public void Configure(EntityTypeBuilder<AgreementSection> builder)
    {
        builder.ToTable("AgreementSections");
        builder.Property(s => s.Heading).HasMaxLength(AgreementSection.MaxHeading);
        builder.Property(s => s.Body).HasMaxLength(Agreement.MaxSectionBody);
    }
}

public sealed class AgreementRevisionConfiguration : IEntityTypeConfiguration<AgreementRevision>
{
    public void Configure(EntityTypeBuilder<AgreementRevision> builder)
    {
        builder.ToTable("AgreementRevisions");
        builder.Property(r => r.Note).HasMaxLength(AgreementRevision.MaxNote);
        builder.HasIndex(r => new { r.AgreementId, r.Number }).IsUnique();
    }
}

public sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> builder)
    {
        builder.ToTable("GovernanceGroups");
        builder.Property(g => g.Name).HasMaxLength(Group.MaxName);
        builder.Property(g => g.Kind).HasMaxLength(20);
        builder.Property(g => g.Mandate).HasMaxLength(Group.MaxText);
        builder.Property(g => g.Cadence).HasMaxLength(Group.MaxCadence);
        builder.HasIndex(g => g.CollaborationId);
        builder.HasOne<Collaboration>().WithMany().HasForeignKey(g => g.CollaborationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(g => g.Members).WithOne().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> builder)
    {
        builder.ToTable("GovernanceGroupMembers");
        builder.Property(m => m.Name).HasMaxLength(GroupMember.MaxText);
        builder.Property(m => m.Role).HasMaxLength(GroupMember.MaxText);
        builder.HasIndex(m => m.UserId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.ToTable("GovernanceMeetings");
        builder.Property(m => m.Title).HasMaxLength(Meeting.MaxTitle);
        builder.Property(m => m.Agenda).HasMaxLength(Meeting.MaxText);
        builder.Property(m => m.Minutes).HasMaxLength(Meeting.MaxText);
        builder.HasIndex(m => new { m.GroupId, m.HeldOn });
        builder.HasIndex(m => new { m.CollaborationId, m.HeldOn });
        builder.HasOne<Group>().WithMany().HasForeignKey(m => m.GroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Collaboration>().WithMany().HasForeignKey(m => m.CollaborationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Attendance).WithOne().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Decisions).WithOne().HasForeignKey(d => d.MeetingId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class MeetingAttendanceConfiguration : IEntityTypeConfiguration<MeetingAttendance>
{
    public void Configure(EntityTypeBuilder<MeetingAttendance> builder)
    {
        builder.ToTable("GovernanceMeetingAttendance");
        builder.HasKey(a => new { a.MeetingId, a.MemberId });
        builder.HasOne<GroupMember>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class DecisionConfiguration : IEntityTypeConfiguration<Decision>
{
    public void Configure(EntityTypeBuilder<Decision> builder)
    {
        builder.ToTable("GovernanceDecisions");
        builder.Property(d => d.Reference).HasMaxLength(Decision.MaxReference);
        builder.Property(d => d.Text).HasMaxLength(Decision.MaxText);
        builder.Property(d => d.Subject).HasMaxLength(20);
        builder.HasIndex(d => d.SubjectId);
        builder.HasIndex(d => new { d.CollaborationId, d.DecidedOn });
    }
}

public sealed class FocusAreaConfiguration : IEntityTypeConfiguration<FocusArea>
{
    public void Configure(EntityTypeBuilder<FocusArea> builder)
    {
        builder.ToTable("FocusAreas");
        builder.Property(f => f.Title).HasMaxLength(FocusArea.MaxTitle);
        builder.Property(f => f.Goal).HasMaxLength(FocusArea.MaxText);
        builder.Property(f => f.Activities).HasMaxLength(FocusArea.MaxText);
        builder.Property(f => f.ReportBack).HasMaxLength(FocusArea.MaxText);
        builder.Property(f => f.Status).HasMaxLength(20);
        builder.HasIndex(f => new { f.CollaborationId, f.Year });
        builder.HasOne<Collaboration>().WithMany().HasForeignKey(f => f.CollaborationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Group>().WithMany().HasForeignKey(f => f.ResponsibleGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Decision>().WithMany().HasForeignKey(f => f.DecisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class PriorityRoundConfiguration : IEntityTypeConfiguration<PriorityRound>
{
    public void Configure(EntityTypeBuilder<PriorityRound> builder)
    {
        builder.ToTable("PriorityRounds");
        builder.Property(r => r.Stage).HasMaxLength(30);
        builder.Property(r => r.WorkingGroupProposal).HasMaxLength(PriorityRound.MaxText);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.CollaborationId, r.Year }).IsUnique();
        builder.HasOne<Collaboration>().WithMany().HasForeignKey(r => r.CollaborationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Decision>().WithMany().HasForeignKey(r => r.DecisionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Proposals).WithOne().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PriorityProposalConfiguration : IEntityTypeConfiguration<PriorityProposal>
{
    public void Configure(EntityTypeBuilder<PriorityProposal> builder)
    {
        builder.ToTable("PriorityProposals");
        builder.Property(p => p.Title).HasMaxLength(PriorityProposal.MaxTitle);
        builder.Property(p => p.Goal).HasMaxLength(PriorityProposal.MaxGoal);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> builder)
    {
        builder.ToTable("GovernanceActionItems");
        builder.Property(a => a.Title).HasMaxLength(ActionItem.MaxTitle);
        builder.Property(a => a.Status).HasMaxLength(20);
        builder.HasIndex(a => new { a.OwnerUserId, a.DueOn });
        builder.HasIndex(a => new { a.CollaborationId, a.DueOn });
        builder.HasOne<Collaboration>().WithMany().HasForeignKey(a => a.CollaborationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(a => a.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<FocusArea>().WithMany().HasForeignKey(a => a.FocusAreaId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(a => a.IsOpen);
    }
}

public sealed class CycleEventConfiguration : IEntityTypeConfiguration<CycleEvent>
{
    public void Configure(EntityTypeBuilder<CycleEvent> builder)
    {
        builder.ToTable("AnnualCycleEvents");
        builder.Property(e => e.Title).HasMaxLength(CycleEvent.MaxTitle);
        builder.Property(e => e.Kind).HasMaxLength(20);
        builder.Property(e => e.Description).HasMaxLength(CycleEvent.MaxDescription);
        builder.HasIndex(e => e.CollaborationId);
        builder.HasOne<Collaboration>().WithMany().HasForeignKey(e => e.CollaborationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class GoodExampleConfiguration : IEntityTypeConfiguration<GoodExample>
{
    public void Configure(EntityTypeBuilder<GoodExample> builder)
    {
        builder.ToTable("GoodExamples");
        builder.Property(e => e.Title).HasMaxLength(GoodExample.MaxTitle);
        builder.Property(e => e.Organisation).HasMaxLength(GoodExample.MaxShort);
        builder.Property(e => e.Aim).HasMaxLength(GoodExample.MaxText);
        builder.Property(e => e.TargetGroup).HasMaxLength(GoodExample.MaxText);
        builder.Property(e => e.Model).HasMaxLength(GoodExample.MaxText);
        builder.Property(e => e.Results).HasMaxLength(GoodExample.MaxText);
        builder.Property(e => e.Contact).HasMaxLength(GoodExample.MaxShort);
        builder.Property(e => e.Period).HasMaxLength(GoodExample.MaxShort);
        builder.HasIndex(e => e.CollaborationId);
        builder.HasOne<Collaboration>().WithMany().HasForeignKey(e => e.CollaborationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Attachments).WithOne().HasForeignKey(a => a.ExampleId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ExampleAttachmentConfiguration : IEntityTypeConfiguration<ExampleAttachment>
{
    public void Configure(EntityTypeBuilder<ExampleAttachment> builder)
    {
        builder.ToTable("GoodExampleAttachments");
        builder.Property(a => a.FileName).HasMaxLength(ExampleAttachment.MaxFileName);
        builder.Property(a => a.ContentType).HasMaxLength(100);
    }
}
