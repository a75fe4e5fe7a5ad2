// The sets are used wherever there is an AppDbContext, as if they were its properties.
global using static Arbetsvagen.Features.ActionPlans.ActionPlanSets;

using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.Attendance;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arbetsvagen.Features.ActionPlans;

public static class ActionPlanSets
{
    extension(AppDbContext db)
    {
        public DbSet<ActionPlan> ActionPlans => db.Set<ActionPlan>();
    }
}

public sealed class ActionPlanConfiguration : IEntityTypeConfiguration<ActionPlan>
{
    public void Configure(EntityTypeBuilder<ActionPlan> builder)
    {
        builder.ToTable("ActionPlans");
        builder.Property(p => p.Goal).HasMaxLength(2000);
        builder.Property(p => p.Direction).HasMaxLength(30);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.ParticipantId).IsUnique();
        builder.HasIndex(p => p.ReviewOn);
        builder.HasOne<Participant>().WithMany().HasForeignKey(p => p.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Activities).WithOne().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class PlanActivityConfiguration : IEntityTypeConfiguration<PlanActivity>
{
    public void Configure(EntityTypeBuilder<PlanActivity> builder)
    {
        builder.ToTable("PlanActivities");
        builder.Property(a => a.Kind).HasMaxLength(40);
        builder.Property(a => a.Status).HasMaxLength(20);
        builder.Property(a => a.Description).HasMaxLength(500);
        builder.Property(a => a.Provider).HasMaxLength(200);
        builder.Property(a => a.Result).HasMaxLength(2000);
        builder.Property(a => a.HoursPerWeek).HasPrecision(5, 2);
        builder.HasIndex(a => a.ActivityId);
        builder.HasOne<Activity>().WithMany().HasForeignKey(a => a.ActivityId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ActionPlanRevisionConfiguration : IEntityTypeConfiguration<ActionPlanRevision>
{
    public void Configure(EntityTypeBuilder<ActionPlanRevision> builder)
    {
        builder.ToTable("ActionPlanRevisions");
        builder.Property(r => r.Comment).HasMaxLength(1000);
        builder.Property(r => r.Changes).HasMaxLength(8000);
        builder.HasIndex(r => new { r.PlanId, r.Number }).IsUnique();
        builder.HasOne<ActionPlan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}
