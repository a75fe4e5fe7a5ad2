using Arbetsvagen.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Arbetsvagen.BrowserTests.Infrastructure;

/// <summary>
/// An empty database for one test class's server: a temp SQLite file, or a uniquely named PostgreSQL database
/// on TEST_POSTGRES_CONNECTION (dropped WITH (FORCE) on dispose). The provider comes from TEST_DB_PROVIDER
/// (Sqlite when unset), as set by scripts/test.sh.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private static readonly string TempRoot = Path.Combine(Path.GetTempPath(), "arbetsvagen-browser-tests");

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
            throw new InvalidOperationException("TEST_DB_PROVIDER=Postgres needs TEST_POSTGRES_CONNECTION (scripts/test.sh sets it).");
        }

        var name = $"arbetsvagen_browser_{Guid.NewGuid():N}";
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
                    // Still open somewhere; a leftover temp file does no harm.
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
