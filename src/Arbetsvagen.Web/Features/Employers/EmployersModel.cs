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
        public DbSet<ContactPerson> EmployerContacts => db.Set<ContactPerson>();
        public DbSet<ContactLogEntry> EmployerContactLog => db.Set<ContactLogEntry>();
        public DbSet<CompetenceNeed> CompetenceNeeds => db.Set<CompetenceNeed>();
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
        // The register's order within a collaboration (Swedish collation in both databases, migration 0018): a page of
        // the list reads 25 index entries instead of sorting every employer of the collaboration.
        builder.HasIndex(e => new { e.OwnerCollaborationId, e.Name, e.Id }).HasDatabaseName("IX_Employers_Collaboration_Name");
        builder.Property(e => e.SniGroup).HasMaxLength(3);
        builder.Property(e => e.Size).HasMaxLength(20);
        builder.HasOne<Collaboration>().WithMany().HasForeignKey(e => e.OwnerCollaborationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(e => e.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Workplaces).WithOne().HasForeignKey(w => w.EmployerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.Contacts).WithOne().HasForeignKey(c => c.EmployerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(e => e.ContactLog).WithOne().HasForeignKey(c => c.EmployerId).OnDelete(DeleteBehavior.Cascade);
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
        // The register's search by municipality goes through the workplaces.
        builder.HasIndex(w => w.MunicipalityCode);
    }
}

public sealed class ContactPersonConfiguration : IEntityTypeConfiguration<ContactPerson>
{
    public void Configure(EntityTypeBuilder<ContactPerson> builder)
    {
        builder.ToTable("EmployerContacts");
        builder.Property(c => c.Name).HasMaxLength(ContactPerson.MaxName);
        builder.Property(c => c.Role).HasMaxLength(ContactPerson.MaxRole);
        builder.Property(c => c.Phone).HasMaxLength(ContactPerson.MaxPhone);
        builder.Property(c => c.Email).HasMaxLength(ContactPerson.MaxEmail);
    }
}

public sealed class ContactLogEntryConfiguration : IEntityTypeConfiguration<ContactLogEntry>
{
    public void Configure(EntityTypeBuilder<ContactLogEntry> builder)
    {
        builder.ToTable("EmployerContactLog");
        builder.Property(c => c.Kind).HasMaxLength(30);
        builder.Property(c => c.Notes).HasMaxLength(Employer.MaxText);
        // The work list finds the follow-ups due by date.
        builder.HasIndex(c => c.FollowUpOn);
        builder.HasOne<ContactPerson>().WithMany().HasForeignKey(c => c.ContactPersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class CompetenceNeedConfiguration : IEntityTypeConfiguration<CompetenceNeed>
{
    public void Configure(EntityTypeBuilder<CompetenceNeed> builder)
    {
        builder.ToTable("CompetenceNeeds");
        builder.Property(n => n.Kind).HasMaxLength(30);
        builder.Property(n => n.Source).HasMaxLength(30);
        builder.Property(n => n.OccupationConceptId).HasMaxLength(40);
        builder.Property(n => n.Ssyk4).HasMaxLength(4);
        builder.Property(n => n.OccupationText).HasMaxLength(200);
        builder.Property(n => n.Requirements).HasMaxLength(CompetenceNeed.MaxRequirements);
        builder.Property(n => n.EmploymentForm).HasMaxLength(40);
        builder.Property(n => n.MunicipalityCode).HasMaxLength(4);
        builder.Property(n => n.Status).HasMaxLength(30);
        builder.Property(n => n.DeclineReason).HasMaxLength(CompetenceNeed.MaxReason);
        builder.Property(n => n.SenderOrganisationNumber).HasMaxLength(10);
        builder.Property(n => n.SenderName).HasMaxLength(Employer.MaxName);
        builder.Property(n => n.SenderContactName).HasMaxLength(ContactPerson.MaxName);
        builder.Property(n => n.SenderPhone).HasMaxLength(ContactPerson.MaxPhone);
        builder.Property(n => n.SenderEmail).HasMaxLength(ContactPerson.MaxEmail);
        // Incoming needs per collaboration for the coordinators' work list.
        builder.HasIndex(n => new { n.CollaborationId, n.Status });
        builder.HasOne<Collaboration>().WithMany().HasForeignKey(n => n.CollaborationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employer>().WithMany().HasForeignKey(n => n.EmployerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(n => n.History).WithOne().HasForeignKey(h => h.NeedId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class NeedStatusChangeConfiguration : IEntityTypeConfiguration<NeedStatusChange>
{
    public void Configure(EntityTypeBuilder<NeedStatusChange> builder)
    {
        builder.ToTable("CompetenceNeedHistory");
        builder.Property(h => h.From).HasMaxLength(30);
        builder.Property(h => h.To).HasMaxLength(30);
        builder.Property(h => h.Note).HasMaxLength(CompetenceNeed.MaxReason);
    }
}
