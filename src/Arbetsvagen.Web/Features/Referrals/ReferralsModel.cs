using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arbetsvagen.Features.Referrals;

public sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> builder)
    {
        builder.ToTable("Referrals");
        builder.Property(r => r.State).HasMaxLength(20);
        builder.Property(r => r.Question).HasMaxLength(4000);
        builder.Property(r => r.DeclineReason).HasMaxLength(2000);
        builder.Property(r => r.ReportWhatWasDone).HasMaxLength(4000);
        builder.Property(r => r.ReportAttendanceSummary).HasMaxLength(4000);
        builder.Property(r => r.ReportResult).HasMaxLength(4000);
        builder.Property(r => r.ReportRecommendation).HasMaxLength(4000);
        builder.HasIndex(r => new { r.ParticipantId, r.SentOn });
        builder.HasIndex(r => new { r.ToBoundaryId, r.State });
        builder.HasIndex(r => new { r.FromBoundaryId, r.State });
        builder.HasOne<Participant>().WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.ToOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Case>().WithMany().HasForeignKey(r => r.FromCaseId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Meetings).WithOne().HasForeignKey(m => m.ReferralId).OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(r => r.IsOpen);
    }
}

public sealed class ThreePartyMeetingConfiguration : IEntityTypeConfiguration<ThreePartyMeeting>
{
    public void Configure(EntityTypeBuilder<ThreePartyMeeting> builder)
    {
        builder.ToTable("ThreePartyMeetings");
        builder.Property(m => m.Attendees).HasMaxLength(4000);
        builder.Property(m => m.Notes).HasMaxLength(4000);
    }
}
