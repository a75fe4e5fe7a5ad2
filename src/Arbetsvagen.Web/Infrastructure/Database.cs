using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Arbetsvagen.Infrastructure;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

public static class Database
{
    public const string DefaultSqliteConnection = "Data Source=data/arbetsvagen.db";

    public static DatabaseProvider Provider(IConfiguration config) =>
        Enum.TryParse<DatabaseProvider>(config["Database:Provider"], ignoreCase: true, out var p) ? p : DatabaseProvider.Sqlite;

    public static void Configure(DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            // The same few dozen statements run all day: let PostgreSQL keep their parsed plans per connection
            // instead of planning each one again, unless the connection string sets it (0 turns it off).
            var npgsql = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            if (!new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString }.ContainsKey("Max Auto Prepare"))
            {
                npgsql.MaxAutoPrepare = 100;
            }

            options.UseNpgsql(npgsql.ConnectionString);
        }
        else
        {
            options.UseSqlite(connectionString).AddInterceptors(SqlitePragmas.Instance);
            options.AddInterceptors(SwedishCollation.SqliteConnections);
        }

        // Lists in Swedish order on both databases (SwedishCollation).
        options.AddInterceptors(SwedishCollation.Ordering);
        options.AddInterceptors(DatabaseCommandMetrics.Instance);
    }

    public static void AddAppDatabase(this IServiceCollection services, IConfiguration config)
    {
        var provider = Provider(config);
        var connectionString = config.GetConnectionString("Default") ?? DefaultSqliteConnection;
        if (provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteDirectory(connectionString);
        }

        // The options are the same for every request, so they are built once rather than per request scope.
        // Save interceptors registered by the floors above (e.g. matching's change feed) join every context made by DI.
        services.AddDbContext<AppDbContext>((services, o) =>
        {
            Configure(o, provider, connectionString);
            o.AddInterceptors(services.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.ISaveChangesInterceptor>());
        }, optionsLifetime: ServiceLifetime.Singleton);
        // One access-log writer per application, committing batches for the host's lifetime and draining on stop;
        // the chain's keys (never in the database) and its checkpoints outside it (ADR 0015). The checkpoint writer is
        // registered first so that it stops last, after the final drain.
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AccessLogKeyRing>();
        services.AddSingleton<AccessLogCheckpoints>();
        services.AddSingleton<AccessLogVerifier>();
        services.AddHostedService<AccessLogCheckpointWriter>();
        // The log writer gets a connection pool of its own: requests wait for it while holding a connection, so from
        // the shared pool it could wait behind them (found by bench-load at 300 users on PostgreSQL: pool exhausted).
        services.AddSingleton(s => new AccessLogBatches(LogWriterOptions(provider, connectionString), s.GetRequiredService<AccessLogKeyRing>()));
        services.AddHostedService<AccessLogBatchWriter>();
    }

    private static DbContextOptions<AppDbContext> LogWriterOptions(DatabaseProvider provider, string connectionString)
    {
        if (provider == DatabaseProvider.Postgres)
        {
            var own = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
            own.ApplicationName = string.IsNullOrEmpty(own.ApplicationName) ? "arbetsvagen-access-log" : $"{own.ApplicationName}-access-log";
            connectionString = own.ConnectionString;
        }

        var options = new DbContextOptionsBuilder<AppDbContext>();
        Configure(options, provider, connectionString);
        return options.Options;
    }

    private static void EnsureSqliteDirectory(string connectionString)
    {
        var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        var directory = Path.GetDirectoryName(Path.GetFullPath(file));
        if (!string.IsNullOrEmpty(directory) && file != ":memory:")
        {
            Directory.CreateDirectory(directory);
        }
    }
}

/// <summary>
/// Write-ahead logging lets readers go on while the access log is written, and a busy timeout queues writers instead
/// of failing. synchronous=FULL syncs the log to disk at every commit, so a commit that was answered survives a power
/// loss or an operating-system crash too; NORMAL survives only a crash of the process, and loses the last commits when
/// the machine goes down (ADR 0016 measures the cost).
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    public static readonly SqlitePragmas Instance = new();
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=10000;";

    // EF opens and closes a context's connection around every query; the pragmas need running once per connection
    // object, not before each query (that cost a quarter of a page's time).
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<DbConnection, object> configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!configured.TryAdd(connection, Instance))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!configured.TryAdd(connection, Instance))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
