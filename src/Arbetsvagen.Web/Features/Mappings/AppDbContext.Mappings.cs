using Arbetsvagen.Features.Mappings;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.Referrals;
using Microsoft.EntityFrameworkCore;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Infrastructure;

/// <summary>Kartläggning, gemensamt ställningstagande and arbetsförmågebedömning (migration 0007).</summary>
public partial class AppDbContext
{
    public DbSet<Mapping> Mappings => Set<Mapping>();
    public DbSet<JointPosition> JointPositions => Set<JointPosition>();
    public DbSet<WorkAbilityAssessment> WorkAbilityAssessments => Set<WorkAbilityAssessment>();

    partial void ConfigureMappings(ModelBuilder builder)
    {
        builder.Entity<Mapping>(e =>
        {
            e.ToTable("Mappings");
            e.Property(m => m.EducationLevel).HasConversion<string>().HasMaxLength(40);
            e.Property(m => m.SwedishLevel).HasConversion<string>().HasMaxLength(30);
            e.Property(m => m.EducationText).HasMaxLength(Mapping.MaxText);
            e.Property(m => m.WorkExperienceText).HasMaxLength(Mapping.MaxText);
            e.Property(m => m.OtherLanguages).HasMaxLength(Mapping.MaxLanguages);
            e.Property(m => m.SocialSituation).HasMaxLength(Mapping.MaxText);
            e.Property(m => m.InterestsAndGoals).HasMaxLength(Mapping.MaxText);
            e.Property(m => m.ObstaclesText).HasMaxLength(Mapping.MaxObstaclesText);
            e.HasIndex(m => new { m.ParticipantId, m.Version }).IsUnique();
            e.HasOne<Participant>().WithMany().HasForeignKey(m => m.ParticipantId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(m => m.Occupations).WithOne().HasForeignKey(o => o.MappingId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(m => m.Health).WithOne().HasForeignKey<MappingHealth>(h => h.MappingId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<MappingOccupation>(e =>
        {
            e.ToTable("MappingOccupations");
            e.HasKey(o => new { o.MappingId, o.ConceptId });
            e.Property(o => o.ConceptId).HasMaxLength(20);
        });
        builder.Entity<MappingHealth>(e =>
        {
            e.ToTable("MappingHealth");
            e.HasKey(h => h.MappingId);
            e.Property(h => h.HealthAndLimitations).HasMaxLength(Mapping.MaxText);
        });
        builder.Entity<JointPosition>(e =>
        {
            e.ToTable("JointPositions");
            e.Property(j => j.Direction).HasConversion<string>().HasMaxLength(20);
            e.Property(j => j.Readiness).HasConversion<string>().HasMaxLength(10);
            e.Property(j => j.People).HasMaxLength(JointPosition.MaxPeople);
            e.Property(j => j.Motivation).HasMaxLength(JointPosition.MaxMotivation);
            e.HasIndex(j => new { j.ParticipantId, j.DecidedOn });
            e.HasOne<Participant>().WithMany().HasForeignKey(j => j.ParticipantId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(j => j.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(j => j.Parties).WithOne().HasForeignKey(p => p.JointPositionId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<JointPositionParty>(e =>
        {
            e.ToTable("JointPositionParties");
            e.HasKey(p => new { p.JointPositionId, p.OrganisationId });
            e.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<WorkAbilityAssessment>(e =>
        {
            e.ToTable("WorkAbilityAssessments");
            e.Property(a => a.Method).HasConversion<string>().HasMaxLength(20);
            e.HasIndex(a => new { a.ParticipantId, a.AssessedOn });
            e.HasOne<Participant>().WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Referral>().WithMany().HasForeignKey(a => a.ReferralId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(a => a.Result).WithOne().HasForeignKey<WorkAbilityResult>(r => r.AssessmentId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<WorkAbilityResult>(e =>
        {
            e.ToTable("WorkAbilityResults");
            e.HasKey(r => r.AssessmentId);
            e.Property(r => r.Text).HasMaxLength(WorkAbilityAssessment.MaxResult);
        });
    }
}
