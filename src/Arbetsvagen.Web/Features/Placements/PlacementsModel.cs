// The sets are used wherever there is an AppDbContext, as if they were its properties.
global using static Arbetsvagen.Features.Placements.PlacementSets;

using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.Employers;
using Arbetsvagen.Features.Requirements;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arbetsvagen.Features.Placements;

/// <summary>Placements, their periods, requirement profiles, history and bookings (migration 0014).</summary>
public static class PlacementSets
{
    extension(AppDbContext db)
    {
        public DbSet<Placement> Placements => db.Set<Placement>();
        public DbSet<PlacementBooking> PlacementBookings => db.Set<PlacementBooking>();
    }
}

public sealed class PlacementConfiguration : IEntityTypeConfiguration<Placement>
{
    public void Configure(EntityTypeBuilder<Placement> builder)
    {
        builder.ToTable("Placements");
        builder.Property(p => p.MunicipalityCode).HasMaxLength(4);
        builder.Property(p => p.Kind).HasMaxLength(30);
        builder.Property(p => p.Status).HasMaxLength(20);
        builder.Property(p => p.OccupationId).HasMaxLength(20);
        builder.Property(p => p.Tasks).HasMaxLength(Placement.MaxText);
        builder.Property(p => p.SupervisorName).HasMaxLength(200);
        builder.Property(p => p.SupervisorPhone).HasMaxLength(40);
        builder.Property(p => p.SupervisorEmail).HasMaxLength(200);
        builder.Property(p => p.AccessibilityNote).HasMaxLength(Placement.MaxNote);
        builder.Property(p => p.LanguageSupportNote).HasMaxLength(Placement.MaxNote);
        // The list pages newest first within the collaboration, filtered by status, municipality, kind and occupation.
        builder.HasIndex(p => new { p.OwnerCollaborationId, p.CreatedAt });
        builder.HasIndex(p => new { p.MunicipalityCode, p.Status });
        // The list filtered by municipality, newest first, reads its page from here instead of sorting the municipality's placements.
        builder.HasIndex(p => new { p.OwnerCollaborationId, p.MunicipalityCode, p.CreatedAt });
        builder.HasIndex(p => new { p.Kind, p.Status });
        builder.HasIndex(p => p.OccupationId);
        builder.HasOne<Employer>().WithMany().HasForeignKey(p => p.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Workplace>().WithMany().HasForeignKey(p => p.WorkplaceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Collaboration>().WithMany().HasForeignKey(p => p.OwnerCollaborationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Periods).WithOne().HasForeignKey(p => p.PlacementId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.History).WithOne().HasForeignKey(e => e.PlacementId).OnDelete(DeleteBehavior.Cascade);
        builder.OwnsRequirements(p => p.Requirements, "PlacementRequirements", "PlacementId", maxValue: 200);
    }
}

public sealed class PlacementPeriodConfiguration : IEntityTypeConfiguration<PlacementPeriod>
{
    public void Configure(EntityTypeBuilder<PlacementPeriod> builder)
    {
        builder.ToTable("PlacementPeriods");
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Days);
    }
}

public sealed class PlacementEventConfiguration : IEntityTypeConfiguration<PlacementEvent>
{
    public void Configure(EntityTypeBuilder<PlacementEvent> builder)
    {
        builder.ToTable("PlacementEvents");
        builder.Property(e => e.What).HasMaxLength(500);
    }
}

public sealed class PlacementBookingConfiguration : IEntityTypeConfiguration<PlacementBooking>
{
    public void Configure(EntityTypeBuilder<PlacementBooking> builder)
    {
        builder.ToTable("PlacementBookings");
        builder.Property(b => b.HoursPerWeek).HasPrecision(5, 2);
        builder.Property(b => b.Outcome).HasMaxLength(20);
        builder.Property(b => b.Result).HasMaxLength(PlacementBooking.MaxResult);
        builder.Ignore(b => b.IsEnded);
        builder.Ignore(b => b.Counts);
        builder.Ignore(b => b.EffectiveEndsOn);
        // No foreign key to the plan activity: a later plan revision may remove it, which must not be blocked here.
        builder.HasIndex(b => b.PlanActivityId);
        builder.HasOne<Placement>().WithMany().HasForeignKey(b => b.PlacementId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<PlacementPeriod>().WithMany().HasForeignKey(b => b.PeriodId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Participant>().WithMany().HasForeignKey(b => b.ParticipantId).OnDelete(DeleteBehavior.Restrict);
    }
}
