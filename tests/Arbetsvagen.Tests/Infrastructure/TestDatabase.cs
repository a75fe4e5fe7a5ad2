using Arbetsvagen.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Arbetsvagen.Tests.Infrastructure;

/// <summary>
/// An empty database of its own for one factory or one test: a temp SQLite file, or a uniquely named
/// PostgreSQL database on TEST_POSTGRES_CONNECTION (dropped WITH (FORCE) on dispose).
/// The provider comes from TEST_DB_PROVIDER (Sqlite when unset), as set by scripts/test.sh.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly string TempRoot = Path.Combine(Path.GetTempPath(), "arbetsvagen-tests");

    private readonly string? sqliteFile;
    private readonly string? postgresName;

    private TestDatabase(DatabaseProvider provider, string connectionString, string? sqliteFile, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.sqliteFile = sqliteFile;
        this.postgresName = postgresName;
    }

    public DatabaseProvider Provider { get; }
    public string ConnectionString { get; }
    public bool IsPostgres => Provider == DatabaseProvider.Postgres;

    public static DatabaseProvider CurrentProvider =>
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("TEST_DB_PROVIDER"), ignoreCase: true, out var p)
            ? p
            : DatabaseProvider.Sqlite;

    public static async Task<TestDatabase> CreateAsync()
    {
        if (CurrentProvider == DatabaseProvider.Sqlite)
        {
            Directory.CreateDirectory(TempRoot);
            var file = Path.Combine(TempRoot, $"db-{Guid.NewGuid():N}.db");
            return new TestDatabase(DatabaseProvider.Sqlite, $"Data Source={file}", file, null);
        }

        var server = Environment.GetEnvironmentVariable("TEST_POSTGRES_CONNECTION");
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                "TEST_DB_PROVIDER=Postgres needs TEST_POSTGRES_CONNECTION (scripts/test.sh sets it).");
        }

        var name = $"arbetsvagen_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"CREATE DATABASE \"{name}\"";
            await command.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(DatabaseProvider.Postgres, builder.ConnectionString, null, name);
    }

    /// <summary>A context on this database outside any web host (for migration tests).</summary>
    public AppDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        Arbetsvagen.Infrastructure.Database.Configure(options, Provider, ConnectionString);
        return new AppDbContext(options.Options);
    }

    public async ValueTask DisposeAsync()
    {
        if (sqliteFile is not null)
        {
            using (var connection = new SqliteConnection(ConnectionString))
            {
                SqliteConnection.ClearPool(connection);
            }

            foreach (var file in new[] { sqliteFile, sqliteFile + "-wal", sqliteFile + "-shm", sqliteFile + "-journal" })
            {
                try
                {
                    File.Delete(file);
                }
                catch (IOException)
                {
                    // A file still open somewhere is left in the temp directory; it does no harm.
                }
            }
        }

        if (postgresName is not null)
        {
            await using (var own = new NpgsqlConnection(ConnectionString))
            {
                NpgsqlConnection.ClearPool(own);
            }

            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable("TEST_POSTGRES_CONNECTION"));
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)";
            await command.ExecuteNonQueryAsync();
        }
    }
}
