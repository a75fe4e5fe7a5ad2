using System.Runtime.CompilerServices;
using Arbetsvagen.Features.Cases;
using Arbetsvagen.Features.Referrals;
using Arbetsvagen.Core.Consents;
using Arbetsvagen.Core.Organisations;
using Arbetsvagen.Core.Participants;
using Arbetsvagen.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Infrastructure;

public sealed class UtcConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

public partial class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options)
{
    private static readonly SemaphoreSlim AccessLogLock = new(1, 1);

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Collaboration> Collaborations => Set<Collaboration>();
    public DbSet<Participant> Participants => Set<Participant>();
    public DbSet<ParticipantSensitiveData> ParticipantSensitiveData => Set<ParticipantSensitiveData>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();

    public bool IsPostgres => isPostgres ??= Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";
    private bool? isPostgres;

    /// <summary>This database's group-commit writer, looked up once per context.</summary>
    internal AccessLogBatches? LogBatches { get; set; }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is stored in UTC; SQLite forgets the kind, so it is put back on reading.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<OrganisationKind>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<UnitFunction>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<IdentityKind>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<Gender>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<EducationLevel>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<SwedishLevel>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<AfStatus>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<IncomeSource>().HaveConversion<string>().HaveMaxLength(40);
        configurationBuilder.Properties<OccupationRelation>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ConsentForm>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<CaseState>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<IntakeSource>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<CaseOutcome>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<EmploymentForm>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<StudyForm>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<FollowUpStatus>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<JournalEntryType>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ReferralState>().HaveConversion<string>().HaveMaxLength(20);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Organisation>(e =>
        {
            e.Property(o => o.Name).HasMaxLength(200);
            e.Property(o => o.MunicipalityCode).HasMaxLength(4);
            e.HasIndex(o => o.ParentId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Collaboration>(e =>
        {
            e.Property(c => c.Name).HasMaxLength(200);
            e.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.CollaborationId);
        });
        builder.Entity<CollaborationMember>(e =>
        {
            e.HasKey(m => new { m.CollaborationId, m.OrganisationId });
            e.HasOne<Organisation>().WithMany().HasForeignKey(m => m.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<AppUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Participant>(e =>
        {
            e.Property(p => p.IdentityNumber).HasMaxLength(40);
            e.Property(p => p.FirstName).HasMaxLength(100);
            e.Property(p => p.LastName).HasMaxLength(100);
            e.Property(p => p.SearchName).HasMaxLength(201);
            e.Property(p => p.Email).HasMaxLength(200);
            e.Property(p => p.Phone).HasMaxLength(40);
            e.Property(p => p.StreetAddress).HasMaxLength(200);
            e.Property(p => p.PostalCode).HasMaxLength(10);
            e.Property(p => p.City).HasMaxLength(100);
            e.Property(p => p.HomeMunicipalityCode).HasMaxLength(4);
            e.Property(p => p.InterpreterLanguage).HasMaxLength(100);
            e.Property(p => p.DrivingLicences).HasMaxLength(200);
            e.HasIndex(p => new { p.OwnerOrganisationId, p.IdentityNumber }).IsUnique();
            e.HasIndex(p => new { p.OwnerBoundaryId, p.SearchName });
            e.HasIndex(p => new { p.OwnerBoundaryId, p.UpdatedAt });
            // The participant list's order; with the search text in it, a name search filters in the index too.
            e.HasIndex(p => new { p.OwnerBoundaryId, p.LastName, p.FirstName, p.Id, p.SearchName })
                .HasDatabaseName("IX_Participants_OwnerBoundaryId_ListOrder"); // the default name is too long for PostgreSQL
            e.HasIndex(p => p.IdentityNumber);
            e.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(p => p.Occupations).WithOne().HasForeignKey(o => o.ParticipantId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne(p => p.Sensitive).WithOne().HasForeignKey<ParticipantSensitiveData>(s => s.ParticipantId).OnDelete(DeleteBehavior.Cascade);
            e.Ignore(p => p.IsShortEducated);
        });
        builder.Entity<ParticipantOccupation>(e =>
        {
            e.HasKey(o => new { o.ParticipantId, o.Relation, o.ConceptId });
            e.Property(o => o.ConceptId).HasMaxLength(20);
        });
        builder.Entity<ParticipantSensitiveData>(e =>
        {
            e.HasKey(s => s.ParticipantId);
            e.Property(s => s.DisabilityDescription).HasMaxLength(2000);
            e.Property(s => s.HealthLimitations).HasMaxLength(4000);
            e.Property(s => s.WorkAbility).HasMaxLength(4000);
            e.Ignore(s => s.IsEmpty);
        });
        builder.Entity<Consent>(e =>
        {
            e.Property(c => c.Purpose).HasMaxLength(1000);
            e.HasIndex(c => c.ParticipantId);
            e.HasIndex(c => new { c.OwnerOrganisationId, c.ValidUntil });
            e.HasOne<Participant>().WithMany().HasForeignKey(c => c.ParticipantId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(c => c.Recipients).WithOne().HasForeignKey(r => r.ConsentId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ConsentRecipient>(e =>
        {
            e.HasKey(r => new { r.ConsentId, r.OrganisationId });
            e.HasIndex(r => r.OrganisationId);
            e.HasOne<Organisation>().WithMany().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Case>(e =>
        {
            e.ToTable("Cases");
            e.Property(c => c.Reason).HasMaxLength(2000);
            e.Property(c => c.CheckInSchedule).HasMaxLength(500);
            e.HasIndex(c => c.ParticipantId);
            e.HasIndex(c => new { c.BoundaryId, c.State });
            e.HasOne<Participant>().WithMany().HasForeignKey(c => c.ParticipantId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(c => c.History).WithOne().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(c => c.FollowUps).WithOne().HasForeignKey(f => f.CaseId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<CaseFollowUp>(e =>
        {
            e.ToTable("CaseFollowUps");
            e.Property(f => f.Note).HasMaxLength(2000);
            e.HasIndex(f => new { f.CaseId, f.Months }).IsUnique();
        });
        builder.Entity<CaseStateChange>(e =>
        {
            e.ToTable("CaseStateChanges");
            e.Property(h => h.Note).HasMaxLength(500);
        });
        builder.Entity<JournalEntry>(e =>
        {
            e.ToTable("JournalEntries");
            e.Property(j => j.Text).HasMaxLength(JournalEntry.MaxTextLength);
            e.HasIndex(j => new { j.CaseId, j.CreatedAt });
            e.HasOne<Case>().WithMany().HasForeignKey(j => j.CaseId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<JournalEntry>().WithMany().HasForeignKey(j => j.CorrectsEntryId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(j => j.IsSigned);
        });
        builder.Entity<Referral>(e =>
        {
            e.ToTable("Referrals");
            e.Property(r => r.Question).HasMaxLength(4000);
            e.Property(r => r.DeclineReason).HasMaxLength(2000);
            e.Property(r => r.ReportWhatWasDone).HasMaxLength(4000);
            e.Property(r => r.ReportAttendanceSummary).HasMaxLength(4000);
            e.Property(r => r.ReportResult).HasMaxLength(4000);
            e.Property(r => r.ReportRecommendation).HasMaxLength(4000);
            e.HasIndex(r => new { r.ParticipantId, r.SentOn });
            e.HasIndex(r => new { r.ToBoundaryId, r.State });
            e.HasIndex(r => new { r.FromBoundaryId, r.State });
            e.HasOne<Participant>().WithMany().HasForeignKey(r => r.ParticipantId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Organisation>().WithMany().HasForeignKey(r => r.ToOrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Case>().WithMany().HasForeignKey(r => r.FromCaseId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(r => r.Meetings).WithOne().HasForeignKey(m => m.ReferralId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(r => r.IsOpen);
        });
        builder.Entity<ThreePartyMeeting>(e =>
        {
            e.ToTable("ThreePartyMeetings");
            e.Property(m => m.Attendees).HasMaxLength(4000);
            e.Property(m => m.Notes).HasMaxLength(4000);
        });
        builder.Entity<AccessLogEntry>(e =>
        {
            e.ToTable("AccessLog");
            e.Property(a => a.UserName).HasMaxLength(256);
            e.Property(a => a.Roles).HasMaxLength(400);
            e.Property(a => a.Action).HasMaxLength(20);
            e.Property(a => a.EntityType).HasMaxLength(50);
            e.Property(a => a.EntityId).HasMaxLength(100);
            e.Property(a => a.Purpose).HasMaxLength(400);
            e.Property(a => a.PreviousHash).HasMaxLength(64);
            e.Property(a => a.Hash).HasMaxLength(64);
            e.HasIndex(a => a.At);
            e.HasIndex(a => new { a.ParticipantId, a.At });
            e.HasIndex(a => new { a.UserId, a.At });
        });

        // Newer features keep their mapping next to their entities (AppDbContext.<Feature>.cs in the feature folder).
        ConfigureMappings(builder);
        ConfigureActionPlans(builder);
        ConfigureAttendance(builder);
        ConfigureNotifications(builder);
    }

    partial void ConfigureMappings(ModelBuilder builder);
    partial void ConfigureActionPlans(ModelBuilder builder);
    partial void ConfigureAttendance(ModelBuilder builder);
    partial void ConfigureNotifications(ModelBuilder builder);

    /// <summary>
    /// Saves pending changes; new access-log rows are chained to the last stored row in the same transaction,
    /// under a lock, so the chain has one order even with concurrent requests.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var newLogEntries = ChangeTracker.Entries<AccessLogEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (newLogEntries.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (Database.CurrentTransaction is null
            && ChangeTracker.Entries().All(e => e.Entity is AccessLogEntry || e.State is EntityState.Unchanged or EntityState.Detached))
        {
            foreach (var entry in newLogEntries)
            {
                Entry(entry).State = EntityState.Detached;
            }

            await AccessLogBatches.For(this).WriteAsync(newLogEntries);
            return newLogEntries.Count;
        }

        return await UnderChainLockAsync(newLogEntries, () => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Appends rows that are only log rows (the group commit's batches): chained like any save, but written as
    /// multi-row INSERTs instead of one tracked entity each, which is most of the cost when hundreds arrive a second.
    /// </summary>
    internal async Task AppendLogRowsAsync(List<AccessLogEntry> entries, CancellationToken cancellationToken)
    {
        // Every mapped column but the generated id, so a column added to the entry cannot be left out here.
        var columns = Model.FindEntityType(typeof(AccessLogEntry))!.GetProperties().Where(p => !p.IsPrimaryKey()).ToList();
        var insert = $"INSERT INTO \"AccessLog\" ({string.Join(", ", columns.Select(c => $"\"{c.GetColumnName()}\""))}) VALUES ";
        await UnderChainLockAsync(entries, async () =>
        {
            foreach (var chunk in entries.Chunk(400))
            {
                // Only placeholders are put into the text; every value goes in as a parameter.
                var rows = chunk.Select((_, row) => "(" + string.Join(", ", columns.Select((_, column) => $"{{{row * columns.Count + column}}}")) + ")");
                var values = chunk.SelectMany(entry => columns.Select(c => c.GetGetter().GetClrValue(entry))).ToArray();
                await Database.ExecuteSqlAsync(FormattableStringFactory.Create(insert + string.Join(", ", rows), values), cancellationToken);
            }

            return entries.Count;
        }, cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="write"/> with <paramref name="entries"/> chained to the last stored row, under the chain lock
    /// and in a transaction (the caller's, or one of its own committed here), so the chain has one order.
    /// </summary>
    private async Task<int> UnderChainLockAsync(List<AccessLogEntry> entries, Func<Task<int>> write, CancellationToken cancellationToken)
    {
        await AccessLogLock.WaitAsync(cancellationToken);
        try
        {
            var ownTransaction = Database.CurrentTransaction is null
                ? await Database.BeginTransactionAsync(cancellationToken)
                : null;
            try
            {
                await ChainAsync(entries, cancellationToken);
                var written = await write();
                if (ownTransaction is not null)
                {
                    await ownTransaction.CommitAsync(cancellationToken);
                }

                return written;
            }
            finally
            {
                if (ownTransaction is not null)
                {
                    await ownTransaction.DisposeAsync();
                }
            }
        }
        finally
        {
            AccessLogLock.Release();
        }
    }

    /// <summary>Links the entries to the last stored row; the caller holds the lock and a transaction.</summary>
    private async Task ChainAsync(List<AccessLogEntry> entries, CancellationToken cancellationToken)
    {
        if (IsPostgres)
        {
            await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(72617465)", cancellationToken);
        }

        var previous = await AccessLog.OrderByDescending(a => a.Id).Select(a => a.Hash).FirstOrDefaultAsync(cancellationToken) ?? "";
        foreach (var entry in entries)
        {
            entry.Chain(previous);
            previous = entry.Hash;
        }
    }
}
