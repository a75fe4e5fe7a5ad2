using Arbetsvagen.Features.ActionPlans;
using Arbetsvagen.Features.Attendance;
using Arbetsvagen.Core.Participants;
using Microsoft.EntityFrameworkCore;
using Arbetsvagen.Infrastructure;

namespace Arbetsvagen.Infrastructure;

public partial class AppDbContext
{
    public DbSet<ActionPlan> ActionPlans => Set<ActionPlan>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<AttendanceRecord> Attendance => Set<AttendanceRecord>();

    partial void ConfigureActionPlans(ModelBuilder builder)
    {
        builder.Entity<ActionPlan>(e =>
        {
            e.ToTable("ActionPlans");
            e.Property(p => p.Goal).HasMaxLength(2000);
            e.Property(p => p.Direction).HasConversion<string>().HasMaxLength(30);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasIndex(p => p.ParticipantId).IsUnique();
            e.HasIndex(p => p.ReviewOn);
            e.HasOne<Participant>().WithMany().HasForeignKey(p => p.ParticipantId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(p => p.Activities).WithOne().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<PlanActivity>(e =>
        {
            e.ToTable("PlanActivities");
            e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Description).HasMaxLength(500);
            e.Property(a => a.Provider).HasMaxLength(200);
            e.Property(a => a.Result).HasMaxLength(2000);
            e.Property(a => a.HoursPerWeek).HasPrecision(5, 2);
            e.HasIndex(a => a.ActivityId);
            e.HasOne<Activity>().WithMany().HasForeignKey(a => a.ActivityId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ActionPlanRevision>(e =>
        {
            e.ToTable("ActionPlanRevisions");
            e.Property(r => r.Comment).HasMaxLength(1000);
            e.Property(r => r.Changes).HasMaxLength(8000);
            e.HasIndex(r => new { r.PlanId, r.Number }).IsUnique();
            e.HasOne<ActionPlan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
        });
    }

    partial void ConfigureAttendance(ModelBuilder builder)
    {
        builder.Entity<Activity>(e =>
        {
            e.ToTable("Activities");
            e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(40);
            e.Property(a => a.Name).HasMaxLength(200);
            e.Property(a => a.Place).HasMaxLength(200);
            e.Property(a => a.HoursPerDay).HasPrecision(4, 2);
            e.HasIndex(a => new { a.OrganisationId, a.EndsOn });
            e.HasOne<Arbetsvagen.Core.Organisations.Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<AttendanceRecord>(e =>
        {
            e.ToTable("AttendanceRecords");
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.AbsenceReason).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Hours).HasPrecision(4, 2);
            e.HasIndex(a => new { a.ActivityId, a.ParticipantId, a.Date }).IsUnique();
            e.HasIndex(a => new { a.ParticipantId, a.Date });
            e.HasOne<Activity>().WithMany().HasForeignKey(a => a.ActivityId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Participant>().WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
