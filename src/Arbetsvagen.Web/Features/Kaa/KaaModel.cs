// The sets are used wherever there is an AppDbContext, as if they were its properties.
global using static Arbetsvagen.Features.Kaa.KaaSets;

using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arbetsvagen.Features.Kaa;

/// <summary>The KAA register: young people, their periods, contacts, measures, shares, and the imports (migration 0022).</summary>
public static class KaaSets
{
    extension(AppDbContext db)
    {
        public DbSet<KaaYouth> KaaYouth => db.Set<KaaYouth>();
        public DbSet<KaaPeriod> KaaPeriods => db.Set<KaaPeriod>();
        public DbSet<KaaContact> KaaContacts => db.Set<KaaContact>();
        public DbSet<KaaMeasure> KaaMeasures => db.Set<KaaMeasure>();
        public DbSet<KaaShare> KaaShares => db.Set<KaaShare>();
        public DbSet<KaaImport> KaaImports => db.Set<KaaImport>();
    }
}

public sealed class KaaYouthConfiguration : IEntityTypeConfiguration<KaaYouth>
{
    public void Configure(EntityTypeBuilder<KaaYouth> builder)
    {
        builder.ToTable("KaaYouth");
        builder.Property(y => y.MunicipalityCode).HasMaxLength(4);
        builder.Property(y => y.IdentityNumber).HasMaxLength(12);
        builder.Property(y => y.FirstName).HasMaxLength(KaaYouth.MaxName);
        builder.Property(y => y.LastName).HasMaxLength(KaaYouth.MaxName);
        builder.Property(y => y.Phone).HasMaxLength(40);
        builder.Property(y => y.Email).HasMaxLength(KaaYouth.MaxName);
        builder.Property(y => y.StreetAddress).HasMaxLength(KaaYouth.MaxText);
        builder.Property(y => y.PostalCode).HasMaxLength(10);
        builder.Property(y => y.City).HasMaxLength(KaaYouth.MaxName);
        builder.Property(y => y.School).HasMaxLength(KaaYouth.MaxText);
        builder.Property(y => y.Programme).HasMaxLength(KaaYouth.MaxText);
        builder.Property(y => y.Plan).HasMaxLength(KaaYouth.MaxPlan);
        builder.Ignore(y => y.OpenPeriod);
        builder.Ignore(y => y.Name);
        // One record per person and KAA unit: the import's key.
        builder.HasIndex(y => new { y.OwnerOrganisationId, y.IdentityNumber }).IsUnique();
        // The work list: a unit's young people in KAA not yet reached, next attempt first.
        builder.HasIndex(y => new { y.OwnerBoundaryId, y.InKaa, y.Reached, y.NextAttemptOn });
        builder.HasMany(y => y.Periods).WithOne().HasForeignKey(p => p.YouthId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(y => y.Contacts).WithOne().HasForeignKey(c => c.YouthId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(y => y.Measures).WithOne().HasForeignKey(m => m.YouthId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(y => y.Shares).WithOne().HasForeignKey(s => s.YouthId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class KaaPeriodConfiguration : IEntityTypeConfiguration<KaaPeriod>
{
    public void Configure(EntityTypeBuilder<KaaPeriod> builder)
    {
        builder.ToTable("KaaPeriods");
        // Ids are made by the entity methods, so a new period added to a loaded record is an insert, not an update.
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.HasIndex(p => new { p.YouthId, p.EnteredOn });
    }
}

public sealed class KaaContactConfiguration : IEntityTypeConfiguration<KaaContact>
{
    public void Configure(EntityTypeBuilder<KaaContact> builder)
    {
        builder.ToTable("KaaContacts");
        // Ids are made by the entity methods, so a new contact added to a loaded record is an insert, not an update.
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Note).HasMaxLength(KaaYouth.MaxText * 5);
        builder.HasIndex(c => new { c.YouthId, c.At });
    }
}

public sealed class KaaMeasureConfiguration : IEntityTypeConfiguration<KaaMeasure>
{
    public void Configure(EntityTypeBuilder<KaaMeasure> builder)
    {
        builder.ToTable("KaaMeasures");
        // Ids are made by the entity methods, so a new measure added to a loaded record is an insert, not an update.
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.Note).HasMaxLength(KaaYouth.MaxText * 5);
        builder.HasIndex(m => new { m.YouthId, m.StartOn });
    }
}

public sealed class KaaShareConfiguration : IEntityTypeConfiguration<KaaShare>
{
    public void Configure(EntityTypeBuilder<KaaShare> builder)
    {
        builder.ToTable("KaaShares");
        // Ids are made by the entity methods, so a new share added to a loaded record is an insert, not an update.
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Purpose).HasMaxLength(1000);
        builder.HasIndex(s => new { s.RecipientOrganisationId, s.YouthId });
    }
}

public sealed class KaaImportConfiguration : IEntityTypeConfiguration<KaaImport>
{
    public void Configure(EntityTypeBuilder<KaaImport> builder)
    {
        builder.ToTable("KaaImports");
        builder.Property(i => i.FileName).HasMaxLength(200);
        builder.Ignore(i => i.Percent);
        builder.HasIndex(i => new { i.OrganisationId, i.StartedAt });
    }
}
