// The sets are used wherever there is an AppDbContext, as if they were its properties.
global using static Arbetsvagen.Core.Participants.ConsentSets;

using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arbetsvagen.Core.Participants;

public static class ConsentSets
{
    extension(AppDbContext db)
    {
        public DbSet<Consent> Consents => db.Set<Consent>();
    }
}

public sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> builder)
    {
        builder.ToTable("Consents");
        builder.Property(c => c.Form).HasMaxLength(20);
        builder.Property(c => c.Purpose).HasMaxLength(1000);
        builder.HasIndex(c => c.ParticipantId);
        builder.HasIndex(c => new { c.OwnerOrganisationId, c.ValidUntil });
        builder.HasOne<Participant>().WithMany().HasForeignKey(c => c.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Recipients).WithOne().HasForeignKey(r => r.ConsentId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class ConsentRecipientConfiguration : IEntityTypeConfiguration<ConsentRecipient>
{
    public void Configure(EntityTypeBuilder<ConsentRecipient> builder)
    {
        builder.HasKey(r => new { r.ConsentId, r.OrganisationId });
        builder.HasIndex(r => r.OrganisationId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
