// The sets are used wherever there is an AppDbContext, as if they were its properties.
global using static Arbetsvagen.Core.Organisations.OrganisationSets;

using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arbetsvagen.Core.Organisations;

public static class OrganisationSets
{
    extension(AppDbContext db)
    {
        public DbSet<Organisation> Organisations => db.Set<Organisation>();
        public DbSet<Collaboration> Collaborations => db.Set<Collaboration>();
    }
}

public sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("Organisations");
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.MunicipalityCode).HasMaxLength(4);
        builder.Property(o => o.Kind).HasMaxLength(40);
        builder.Property(o => o.Function).HasMaxLength(40);
        builder.HasIndex(o => o.ParentId);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        // Every user belongs to an organisation; the ground's AppUser does not know organisations, so the link is made here.
        builder.HasMany<AppUser>().WithOne().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CollaborationConfiguration : IEntityTypeConfiguration<Collaboration>
{
    public void Configure(EntityTypeBuilder<Collaboration> builder)
    {
        builder.ToTable("Collaborations");
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.CollaborationId);
    }
}

public sealed class CollaborationMemberConfiguration : IEntityTypeConfiguration<CollaborationMember>
{
    public void Configure(EntityTypeBuilder<CollaborationMember> builder)
    {
        builder.HasKey(m => new { m.CollaborationId, m.OrganisationId });
        builder.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}
