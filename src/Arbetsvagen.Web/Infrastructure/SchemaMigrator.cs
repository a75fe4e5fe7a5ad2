using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Arbetsvagen.Infrastructure;

/// <summary>
/// Applies the versioned SQL scripts in Migrations/{Provider}/NNNN_name.sql that the database has not seen,
/// each in its own transaction, and records them in schema_version. See docs/decisions/0002.
/// </summary>
public static class SchemaMigrator
{
    public sealed record Script(int Version, string Name, string Sql);

    public static IReadOnlyList<Script> Scripts(DatabaseProvider provider)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var marker = $".Migrations.{provider}.";
        return assembly.GetManifestResourceNames()
            .Where(n => n.Contains(marker, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n =>
            {
                var file = n[(n.IndexOf(marker, StringComparison.Ordinal) + marker.Length)..^4];
                using var reader = new StreamReader(assembly.GetManifestResourceStream(n)!);
                return new Script(int.Parse(file[..4], System.Globalization.CultureInfo.InvariantCulture), file, reader.ReadToEnd());
            })
            .OrderBy(s => s.Version)
            .ToList();
    }

    /// <summary>Migrates up to <paramref name="targetVersion"/> (all scripts when null). Returns the versions applied.</summary>
    public static async Task<List<int>> MigrateAsync(AppDbContext db, int? targetVersion = null, CancellationToken ct = default)
    {
        var provider = db.IsPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_at VARCHAR(40) NOT NULL)", ct);
            var applied = new HashSet<int>();
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = "SELECT version FROM schema_version";
                await using var reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    applied.Add(reader.GetInt32(0));
                }
            }

            var done = new List<int>();
            foreach (var script in Scripts(provider).Where(s => !applied.Contains(s.Version) && (targetVersion is null || s.Version <= targetVersion)))
            {
                await using var transaction = await connection.BeginTransactionAsync(ct);
                await Execute(connection, transaction, script.Sql, ct);
                await Execute(connection, transaction,
                    $"INSERT INTO schema_version (version, name, applied_at) VALUES ({script.Version}, '{script.Name}', '{DateTime.UtcNow:O}')", ct);
                await transaction.CommitAsync(ct);
                done.Add(script.Version);
            }

            return done;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task Execute(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
