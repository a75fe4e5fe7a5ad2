// The sets are used wherever there is an AppDbContext, as if they were its properties.
global using static Arbetsvagen.Features.Attendance.AttendanceSets;

using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arbetsvagen.Features.Attendance;

public static class AttendanceSets
{
    extension(AppDbContext db)
    {
        public DbSet<Activity> Activities => db.Set<Activity>();
        public DbSet<AttendanceRecord> Attendance => db.Set<AttendanceRecord>();
    }
}

public sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.ToTable("Activities");
        builder.Property(a => a.Kind).HasMaxLength(40);
        builder.Property(a => a.Name).HasMaxLength(200);
        builder.Property(a => a.Place).HasMaxLength(200);
        builder.Property(a => a.HoursPerDay).HasPrecision(4, 2);
        builder.HasIndex(a => new { a.OrganisationId, a.EndsOn });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AttendanceRecordConfiguration : IEntityTypeConfiguration<AttendanceRecord>
{
    public void Configure(EntityTypeBuilder<AttendanceRecord> builder)
    {
        builder.ToTable("AttendanceRecords");
        builder.Property(a => a.Status).HasMaxLength(20);
        builder.Property(a => a.AbsenceReason).HasMaxLength(20);
        builder.Property(a => a.Hours).HasPrecision(4, 2);
        builder.HasIndex(a => new { a.ActivityId, a.ParticipantId, a.Date }).IsUnique();
        builder.HasIndex(a => new { a.ParticipantId, a.Date });
        builder.HasOne<Activity>().WithMany().HasForeignKey(a => a.ActivityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Participant>().WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Restrict);
    }
}
