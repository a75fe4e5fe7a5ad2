using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arbetsvagen.Infrastructure;

public sealed class AccessLogEntryConfiguration : IEntityTypeConfiguration<AccessLogEntry>
{
    public void Configure(EntityTypeBuilder<AccessLogEntry> builder)
    {
        builder.ToTable("AccessLog");
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Roles).HasMaxLength(400);
        builder.Property(a => a.Action).HasMaxLength(20);
        builder.Property(a => a.EntityType).HasMaxLength(50);
        builder.Property(a => a.EntityId).HasMaxLength(100);
        builder.Property(a => a.Purpose).HasMaxLength(400);
        builder.Property(a => a.PreviousHash).HasMaxLength(64);
        builder.Property(a => a.Hash).HasMaxLength(64);
        builder.Property(a => a.ContentHash).HasMaxLength(64);
        builder.Property(a => a.KeyId).HasMaxLength(16);
        // One row per number: two writers that both took the same place in the chain cannot both commit.
        builder.HasIndex(a => a.Sequence).IsUnique();
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.ParticipantId, a.At });
        builder.HasIndex(a => new { a.UserId, a.At });
    }
}
