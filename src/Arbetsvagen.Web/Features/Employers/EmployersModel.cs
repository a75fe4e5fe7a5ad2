// The sets are used wherever there is an AppDbContext, as if they were its properties.
global using static Arbetsvagen.Features.Employers.EmployerSets;

using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arbetsvagen.Features.Employers;

/// <summary>The employer register (migration 0013).</summary>
public static class EmployerSets
{
    extension(AppDbContext db)
    {
        public DbSet<Employer> Employers => db.Set<Employer>();
        public DbSet<Workplace> Workplaces => db.Set<Workplace>();
    }
}

public sealed class EmployerConfiguration : IEntityTypeConfiguration<Employer>
{
    public void Configure(EntityTypeBuilder<Employer> builder)
    {
        builder.ToTable("Employers");
        builder.Property(e => e.OrganisationNumber).HasMaxLength(10);
        builder.HasIndex(e => e.OrganisationNumber).IsUnique();
        builder.Property(e => e.Name).HasMaxLength(Employer.MaxName);
        builder.HasIndex(e => e.Name);
        builder.Property(e => e.SniGroup).HasMaxLength(3);
        builder.Property(e => e.Size).HasMaxLength(20);
        builder.HasOne<Collaboration>().WithMany().HasForeignKey(e => e.OwnerCollaborationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(e => e.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Workplaces).WithOne().HasForeignKey(w => w.EmployerId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class WorkplaceConfiguration : IEntityTypeConfiguration<Workplace>
{
    public void Configure(EntityTypeBuilder<Workplace> builder)
    {
        builder.ToTable("Workplaces");
        builder.Property(w => w.Name).HasMaxLength(Employer.MaxName);
        builder.Property(w => w.StreetAddress).HasMaxLength(200);
        builder.Property(w => w.PostalCode).HasMaxLength(6);
        builder.Property(w => w.City).HasMaxLength(100);
        builder.Property(w => w.MunicipalityCode).HasMaxLength(4);
        builder.Property(w => w.TransportNote).HasMaxLength(1000);
    }
}
