using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Metadata.Conventions;

namespace Arbetsvagen.Infrastructure;

public sealed class UtcConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

/// <summary>What only PostgreSQL has in the model (a trigram index); found in the assembly like the entity configurations.</summary>
public interface IPostgresModel
{
    void Configure(ModelBuilder builder);
}

/// <summary>
/// The one database context. It names no core or feature type: each folder maps its own entities
/// (IEntityTypeConfiguration classes in its *Model.cs, applied from the assembly) and declares its sets
/// as extension members (db.Participants in Core/Participants/ParticipantsModel.cs).
/// A context made by DI gets the application's access-log writer and, through it, the chain's key; one made by hand
/// (tests, tools) can read the log but not add to it.
/// </summary>
public class AppDbContext(DbContextOptions<AppDbContext> options, AccessLogBatches? logBatches = null)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options)
{
    public DbSet<AccessLogEntry> AccessLog => Set<AccessLogEntry>();

    public bool IsPostgres => isPostgres ??= Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";
    private bool? isPostgres;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is stored in UTC; SQLite forgets the kind, so it is put back on reading.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
        configurationBuilder.Conventions.Add(_ => new EnumsAsNames());
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        foreach (var type in typeof(AppDbContext).Assembly.GetTypes()
                     .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IPostgresModel).IsAssignableFrom(t)))
        {
            if (IsPostgres)
            {
                ((IPostgresModel)Activator.CreateInstance(type)!).Configure(builder);
            }
        }
    }

    /// <summary>
    /// Saves pending changes; new access-log rows are chained to the last stored row in the same transaction,
    /// under a database-side lock, so the chain has one order even with concurrent requests and several instances.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var newLogEntries = ChangeTracker.Entries<AccessLogEntry>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (newLogEntries.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        if (logBatches is not null && Database.CurrentTransaction is null
            && ChangeTracker.Entries().All(e => e.Entity is AccessLogEntry || e.State is EntityState.Unchanged or EntityState.Detached))
        {
            foreach (var entry in newLogEntries)
            {
                Entry(entry).State = EntityState.Detached;
            }

            // A page that opened its connection for a dozen queries would hold it while it waits for the group commit:
            // under load every pool connection then waits for the log while the log's writers wait for a connection
            // (found by bench-load at 300 users on PostgreSQL: pool exhausted, 10,000 errors). The connection goes back
            // to the pool for the wait and is taken again after it.
            var holding = Database.GetDbConnection().State == System.Data.ConnectionState.Open;
            if (holding)
            {
                await Database.CloseConnectionAsync();
            }

            await logBatches.WriteAsync(newLogEntries);
            if (holding)
            {
                await Database.OpenConnectionAsync(cancellationToken);
            }

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
        }, cancellationToken, trackAdded: false);
    }

    /// <summary>
    /// Runs <paramref name="write"/> with <paramref name="entries"/> chained to the last stored row, under the chain lock
    /// and in a transaction (the caller's, or one of its own committed here), so the chain has one order.
    /// The lock that makes the order is the database's (ADR 0015): on PostgreSQL a transaction-scoped advisory lock, on
    /// SQLite the write lock that BEGIN IMMEDIATE takes. The process lock in front of it keeps this instance's writers
    /// from each holding a transaction while they wait.
    /// </summary>
    private async Task<int> UnderChainLockAsync(List<AccessLogEntry> entries, Func<Task<int>> write, CancellationToken cancellationToken,
        bool trackAdded = true)
    {
        var batches = logBatches ?? throw new InvalidOperationException(
            "Loggposter kan bara skrivas av en databaskontext från programmets tjänster (den har loggkedjans nyckel).");
        // The connection first, the process lock second: whoever holds the lock must never wait for the pool, or every
        // writer (the log's group commit too) queues behind one request's wait for a connection.
        await Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await batches.ChainLock.WaitAsync(cancellationToken);
        }
        catch
        {
            await Database.CloseConnectionAsync();
            throw;
        }

        try
        {
            var ownTransaction = Database.CurrentTransaction is null
                ? await Database.BeginTransactionAsync(cancellationToken)
                : null;
            try
            {
                var added = await ChainAsync(entries, batches.Keys, cancellationToken);
                if (trackAdded && added is not null)
                {
                    AccessLog.Add(added);
                }

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
            batches.ChainLock.Release();
            await Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Numbers and links the entries after the last stored row, keyed with the current key; the caller holds the
    /// transaction. When the chain moves to a new key (the first keyed row after the old unkeyed chain, or a rotation)
    /// a row saying so goes first, inserted into <paramref name="entries"/> and returned.
    /// </summary>
    private async Task<AccessLogEntry?> ChainAsync(List<AccessLogEntry> entries, AccessLogKeyRing keys, CancellationToken cancellationToken)
    {
        if (IsPostgres)
        {
            await Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(72617465)", cancellationToken);
        }

        var last = await AccessLog.Where(a => a.Sequence != null).OrderByDescending(a => a.Sequence)
            .Select(a => new { a.Sequence, a.KeyId, a.Hash }).FirstOrDefaultAsync(cancellationToken);
        var previous = last?.Hash
            ?? await AccessLog.OrderByDescending(a => a.Id).Select(a => a.Hash).FirstOrDefaultAsync(cancellationToken) ?? "";
        var sequence = last?.Sequence ?? 0;
        AccessLogEntry? switchOver = null;
        if (last is null || keys.IsOlderThanCurrent(last.KeyId!))
        {
            var purpose = last is null
                ? $"nyckelad loggkedja börjar (nyckel {keys.CurrentId}); posterna före är den gamla kedjan"
                : $"ny nyckel {keys.CurrentId} ersätter {last.KeyId}";
            switchOver = AccessLogEntry.Create(entries[0].At, null, "system", null, "", AccessAction.Chain, "AccessLogKey", keys.CurrentId,
                null, null, purpose);
            entries.Insert(0, switchOver);
        }

        foreach (var entry in entries)
        {
            entry.Chain(previous, ++sequence, keys.CurrentId, keys.CurrentKey);
            previous = entry.Hash;
        }

        return switchOver;
    }
}

/// <summary>
/// Every enum property is stored as its name (readable in the database, and safe when members are reordered);
/// a [Flags] set stays an integer, because a combination has no single name. Each property's column length is
/// set in its entity's configuration: the same enum has different lengths in different tables.
/// </summary>
public sealed class EnumsAsNames : IModelFinalizingConvention
{
    public void ProcessModelFinalizing(IConventionModelBuilder modelBuilder, IConventionContext<IConventionModelBuilder> context)
    {
        foreach (var property in modelBuilder.Metadata.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties()))
        {
            var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
            if (type.IsEnum && !type.IsDefined(typeof(FlagsAttribute), inherit: false))
            {
                property.Builder.HasConversion(typeof(string));
            }
        }
    }
}

public sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(200);
        builder.Property(u => u.ExternalId).HasMaxLength(200);
        builder.HasIndex(u => u.ExternalId);
    }
}
