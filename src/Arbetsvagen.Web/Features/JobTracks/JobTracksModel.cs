// The sets are used wherever there is an AppDbContext, as if they were its properties.
global using static Arbetsvagen.Features.JobTracks.JobTrackSets;

using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.Employers;
using Arbetsvagen.Features.Requirements;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arbetsvagen.Features.JobTracks;

/// <summary>Job tracks, their candidates and the interkommunal ersättning they give (migrations 0015 and 0016).</summary>
public static class JobTrackSets
{
    extension(AppDbContext db)
    {
        public DbSet<JobTrack> JobTracks => db.Set<JobTrack>();
        public DbSet<JobTrackCandidate> JobTrackCandidates => db.Set<JobTrackCandidate>();
        public DbSet<InterMunicipalCompensation> InterMunicipalCompensations => db.Set<InterMunicipalCompensation>();
    }
}

public sealed class JobTrackConfiguration : IEntityTypeConfiguration<JobTrack>
{
    public void Configure(EntityTypeBuilder<JobTrack> builder)
    {
        builder.ToTable("JobTracks");
        builder.Property(t => t.Title).HasMaxLength(JobTrack.MaxTitle);
        builder.Property(t => t.OccupationConceptId).HasMaxLength(20);
        builder.Property(t => t.Ssyk4).HasMaxLength(4);
        builder.Property(t => t.TrainingComponents).HasMaxLength(JobTrack.MaxComponents);
        builder.Property(t => t.Regi).HasMaxLength(20);
        builder.Property(t => t.EmploymentForm).HasMaxLength(30);
        builder.Property(t => t.WorkplaceMunicipalityCode).HasMaxLength(4);
        builder.Property(t => t.PublicDescription).HasMaxLength(JobTrack.MaxDescription);
        builder.Property(t => t.Price).HasPrecision(10, 2);
        builder.Property(t => t.PriceUnit).HasMaxLength(20);
        builder.Property(t => t.DecisionReference).HasMaxLength(JobTrack.MaxReference);
        builder.Property(t => t.Stage).HasMaxLength(20);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasIndex(t => new { t.OwnerCollaborationId, t.Stage });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(t => t.ProviderOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Collaboration>().WithMany().HasForeignKey(t => t.OwnerCollaborationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(t => t.Employers).WithOne().HasForeignKey(e => e.JobTrackId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Team).WithOne().HasForeignKey(m => m.JobTrackId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.Documents).WithOne().HasForeignKey(d => d.JobTrackId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(t => t.History).WithOne().HasForeignKey(h => h.JobTrackId).OnDelete(DeleteBehavior.Cascade);
        builder.OwnsRequirements(t => t.Requirements, "JobTrackRequirements", "JobTrackId", maxValue: 100);
        builder.Ignore(t => t.IsOpen);
    }
}

public sealed class JobTrackEmployerConfiguration : IEntityTypeConfiguration<JobTrackEmployer>
{
    public void Configure(EntityTypeBuilder<JobTrackEmployer> builder)
    {
        builder.ToTable("JobTrackEmployers");
        builder.HasKey(e => new { e.JobTrackId, e.EmployerId });
        builder.HasOne<Employer>().WithMany().HasForeignKey(e => e.EmployerId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> builder)
    {
        builder.ToTable("JobTrackTeamMembers");
        builder.Property(m => m.Name).HasMaxLength(TeamMember.MaxText);
        builder.Property(m => m.Role).HasMaxLength(TeamMember.MaxText);
        builder.Property(m => m.Organisation).HasMaxLength(TeamMember.MaxText);
    }
}

public sealed class JobTrackDocumentConfiguration : IEntityTypeConfiguration<JobTrackDocument>
{
    public void Configure(EntityTypeBuilder<JobTrackDocument> builder)
    {
        builder.ToTable("JobTrackDocuments");
        builder.Property(d => d.Kind).HasMaxLength(30);
        builder.Property(d => d.Reference).HasMaxLength(JobTrack.MaxReference);
    }
}

public sealed class JobTrackStageChangeConfiguration : IEntityTypeConfiguration<JobTrackStageChange>
{
    public void Configure(EntityTypeBuilder<JobTrackStageChange> builder)
    {
        builder.ToTable("JobTrackStageChanges");
        builder.Property(h => h.From).HasMaxLength(20);
        builder.Property(h => h.To).HasMaxLength(20);
    }
}

public sealed class JobTrackCandidateConfiguration : IEntityTypeConfiguration<JobTrackCandidate>
{
    public void Configure(EntityTypeBuilder<JobTrackCandidate> builder)
    {
        builder.ToTable("JobTrackCandidates");
        builder.Property(c => c.Stage).HasMaxLength(30);
        builder.Property(c => c.HiredAs).HasMaxLength(30);
        builder.Property(c => c.Version).IsConcurrencyToken();
        // One proposal per person and track: a second one is refused (409), and the index keeps it so under a race.
        builder.HasIndex(c => new { c.JobTrackId, c.ParticipantId }).IsUnique();
        builder.HasIndex(c => c.ParticipantId);
        builder.HasOne<JobTrack>().WithMany().HasForeignKey(c => c.JobTrackId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Participant>().WithMany().HasForeignKey(c => c.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.History).WithOne().HasForeignKey(h => h.CandidateId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(c => c.IsAdmitted);
    }
}

public sealed class CandidateStageChangeConfiguration : IEntityTypeConfiguration<CandidateStageChange>
{
    public void Configure(EntityTypeBuilder<CandidateStageChange> builder)
    {
        builder.ToTable("JobTrackCandidateStageChanges");
        builder.Property(h => h.From).HasMaxLength(30);
        builder.Property(h => h.To).HasMaxLength(30);
    }
}

public sealed class InterMunicipalCompensationConfiguration : IEntityTypeConfiguration<InterMunicipalCompensation>
{
    public void Configure(EntityTypeBuilder<InterMunicipalCompensation> builder)
    {
        builder.ToTable("InterMunicipalCompensations");
        builder.Property(c => c.PayerMunicipalityCode).HasMaxLength(4);
        builder.Property(c => c.ReceiverMunicipalityCode).HasMaxLength(4);
        builder.Property(c => c.Amount).HasPrecision(12, 2);
        builder.HasIndex(c => c.StartsOn);
        builder.HasIndex(c => c.CandidateId).IsUnique();
        builder.HasOne<JobTrack>().WithMany().HasForeignKey(c => c.JobTrackId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<JobTrackCandidate>().WithMany().HasForeignKey(c => c.CandidateId).OnDelete(DeleteBehavior.Restrict);
    }
}
