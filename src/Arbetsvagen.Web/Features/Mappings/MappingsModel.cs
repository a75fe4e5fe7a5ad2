// The sets are used wherever there is an AppDbContext, as if they were its properties.
global using static Arbetsvagen.Features.Mappings.MappingSets;

using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.Referrals;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arbetsvagen.Features.Mappings;

/// <summary>Kartläggning, gemensamt ställningstagande and arbetsförmågebedömning (migration 0007).</summary>
public static class MappingSets
{
    extension(AppDbContext db)
    {
        public DbSet<Mapping> Mappings => db.Set<Mapping>();
        public DbSet<JointPosition> JointPositions => db.Set<JointPosition>();
        public DbSet<WorkAbilityAssessment> WorkAbilityAssessments => db.Set<WorkAbilityAssessment>();
    }
}

public sealed class MappingConfiguration : IEntityTypeConfiguration<Mapping>
{
    public void Configure(EntityTypeBuilder<Mapping> builder)
    {
        builder.ToTable("Mappings");
        builder.Property(m => m.EducationLevel).HasMaxLength(40);
        builder.Property(m => m.SwedishLevel).HasMaxLength(30);
        builder.Property(m => m.EducationText).HasMaxLength(Mapping.MaxText);
        builder.Property(m => m.WorkExperienceText).HasMaxLength(Mapping.MaxText);
        builder.Property(m => m.OtherLanguages).HasMaxLength(Mapping.MaxLanguages);
        builder.Property(m => m.SocialSituation).HasMaxLength(Mapping.MaxText);
        builder.Property(m => m.InterestsAndGoals).HasMaxLength(Mapping.MaxText);
        builder.Property(m => m.ObstaclesText).HasMaxLength(Mapping.MaxObstaclesText);
        builder.HasIndex(m => new { m.ParticipantId, m.Version }).IsUnique();
        builder.HasOne<Participant>().WithMany().HasForeignKey(m => m.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Occupations).WithOne().HasForeignKey(o => o.MappingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Health).WithOne().HasForeignKey<MappingHealth>(h => h.MappingId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class MappingOccupationConfiguration : IEntityTypeConfiguration<MappingOccupation>
{
    public void Configure(EntityTypeBuilder<MappingOccupation> builder)
    {
        builder.ToTable("MappingOccupations");
        builder.HasKey(o => new { o.MappingId, o.ConceptId });
        builder.Property(o => o.ConceptId).HasMaxLength(20);
    }
}

public sealed class MappingHealthConfiguration : IEntityTypeConfiguration<MappingHealth>
{
    public void Configure(EntityTypeBuilder<MappingHealth> builder)
    {
        builder.ToTable("MappingHealth");
        builder.HasKey(h => h.MappingId);
        builder.Property(h => h.HealthAndLimitations).HasMaxLength(Mapping.MaxText);
    }
}

public sealed class JointPositionConfiguration : IEntityTypeConfiguration<JointPosition>
{
    public void Configure(EntityTypeBuilder<JointPosition> builder)
    {
        builder.ToTable("JointPositions");
        builder.Property(j => j.Direction).HasMaxLength(20);
        builder.Property(j => j.Readiness).HasMaxLength(10);
        builder.Property(j => j.People).HasMaxLength(JointPosition.MaxPeople);
        builder.Property(j => j.Motivation).HasMaxLength(JointPosition.MaxMotivation);
        builder.HasIndex(j => new { j.ParticipantId, j.DecidedOn });
        builder.HasOne<Participant>().WithMany().HasForeignKey(j => j.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(j => j.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(j => j.Parties).WithOne().HasForeignKey(p => p.JointPositionId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class JointPositionPartyConfiguration : IEntityTypeConfiguration<JointPositionParty>
{
    public void Configure(EntityTypeBuilder<JointPositionParty> builder)
    {
        builder.ToTable("JointPositionParties");
        builder.HasKey(p => new { p.JointPositionId, p.OrganisationId });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class WorkAbilityAssessmentConfiguration : IEntityTypeConfiguration<WorkAbilityAssessment>
{
    public void Configure(EntityTypeBuilder<WorkAbilityAssessment> builder)
    {
        builder.ToTable("WorkAbilityAssessments");
        builder.Property(a => a.Method).HasMaxLength(20);
        builder.HasIndex(a => new { a.ParticipantId, a.AssessedOn });
        builder.HasOne<Participant>().WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Referral>().WithMany().HasForeignKey(a => a.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Result).WithOne().HasForeignKey<WorkAbilityResult>(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class WorkAbilityResultConfiguration : IEntityTypeConfiguration<WorkAbilityResult>
{
    public void Configure(EntityTypeBuilder<WorkAbilityResult> builder)
    {
        builder.ToTable("WorkAbilityResults");
        builder.HasKey(r => r.AssessmentId);
        builder.Property(r => r.Text).HasMaxLength(WorkAbilityAssessment.MaxResult);
    }
}
