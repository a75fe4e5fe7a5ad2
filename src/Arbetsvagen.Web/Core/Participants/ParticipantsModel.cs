// The sets are used wherever there is an AppDbContext, as if they were its properties.
global using static Arbetsvagen.Core.Participants.ParticipantSets;

using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arbetsvagen.Core.Participants;

public static class ParticipantSets
{
    extension(AppDbContext db)
    {
        public DbSet<Participant> Participants => db.Set<Participant>();
        public DbSet<ParticipantSensitiveData> ParticipantSensitiveData => db.Set<ParticipantSensitiveData>();
    }
}

public sealed class ParticipantConfiguration : IEntityTypeConfiguration<Participant>
{
    public void Configure(EntityTypeBuilder<Participant> builder)
    {
        builder.ToTable("Participants");
        builder.Property(p => p.IdentityKind).HasMaxLength(30);
        builder.Property(p => p.IdentityNumber).HasMaxLength(40);
        builder.Property(p => p.FirstName).HasMaxLength(100);
        builder.Property(p => p.LastName).HasMaxLength(100);
        builder.Property(p => p.SearchName).HasMaxLength(201);
        builder.Property(p => p.Email).HasMaxLength(200);
        builder.Property(p => p.Phone).HasMaxLength(40);
        builder.Property(p => p.StreetAddress).HasMaxLength(200);
        builder.Property(p => p.PostalCode).HasMaxLength(10);
        builder.Property(p => p.City).HasMaxLength(100);
        builder.Property(p => p.HomeMunicipalityCode).HasMaxLength(4);
        builder.Property(p => p.Gender).HasMaxLength(20);
        builder.Property(p => p.EducationLevel).HasMaxLength(40);
        builder.Property(p => p.SwedishLevel).HasMaxLength(30);
        builder.Property(p => p.InterpreterLanguage).HasMaxLength(100);
        builder.Property(p => p.DrivingLicences).HasMaxLength(200);
        builder.Property(p => p.AfStatus).HasMaxLength(40);
        builder.Property(p => p.IncomeSource).HasMaxLength(40);
        builder.HasIndex(p => new { p.OwnerOrganisationId, p.IdentityNumber }).IsUnique();
        builder.HasIndex(p => new { p.OwnerBoundaryId, p.SearchName });
        builder.HasIndex(p => new { p.OwnerBoundaryId, p.UpdatedAt });
        // The participant list's order; with the search text in it, a name search filters in the index too.
        builder.HasIndex(p => new { p.OwnerBoundaryId, p.LastName, p.FirstName, p.Id, p.SearchName })
            .HasDatabaseName("IX_Participants_OwnerBoundaryId_ListOrder"); // the default name is too long for PostgreSQL
        builder.HasIndex(p => p.IdentityNumber);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Occupations).WithOne().HasForeignKey(o => o.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(p => p.Sensitive).WithOne().HasForeignKey<ParticipantSensitiveData>(s => s.ParticipantId).OnDelete(DeleteBehavior.Cascade);
        builder.Ignore(p => p.IsShortEducated);
    }
}

/// <summary>
/// PostgreSQL answers the name search (a word anywhere in the name, LIKE '%…%') from a trigram index instead of
/// reading every name in the boundary (migration 0024, ADR 0019). SQLite has no such index and keeps its LIKE.
/// </summary>
public sealed class ParticipantSearchIndex : IPostgresModel
{
    public void Configure(ModelBuilder builder)
    {
        builder.HasPostgresExtension("pg_trgm");
        builder.Entity<Participant>().HasIndex(p => p.SearchName).HasDatabaseName("IX_Participants_SearchName_trgm")
            .HasMethod("gin").HasOperators("gin_trgm_ops");
    }
}

public sealed class ParticipantOccupationConfiguration : IEntityTypeConfiguration<ParticipantOccupation>
{
    public void Configure(EntityTypeBuilder<ParticipantOccupation> builder)
    {
        builder.HasKey(o => new { o.ParticipantId, o.Relation, o.ConceptId });
        builder.Property(o => o.Relation).HasMaxLength(20);
        builder.Property(o => o.ConceptId).HasMaxLength(20);
    }
}

public sealed class ParticipantSensitiveDataConfiguration : IEntityTypeConfiguration<ParticipantSensitiveData>
{
    public void Configure(EntityTypeBuilder<ParticipantSensitiveData> builder)
    {
        builder.ToTable("ParticipantSensitiveData");
        builder.HasKey(s => s.ParticipantId);
        builder.Property(s => s.DisabilityDescription).HasMaxLength(2000);
        builder.Property(s => s.HealthLimitations).HasMaxLength(4000);
        builder.Property(s => s.WorkAbility).HasMaxLength(4000);
        builder.Ignore(s => s.IsEmpty);
    }
}
