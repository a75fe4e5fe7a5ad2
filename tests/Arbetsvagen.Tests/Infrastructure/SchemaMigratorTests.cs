using System.Data.Common;
using Arbetsvagen.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace Arbetsvagen.Tests.Infrastructure;

/// <summary>
/// The hand-written SQL migrations (docs/decisions/0002) against the EF model, on the provider under test:
/// from an empty database, and from version 1 holding data.
/// </summary>
public sealed class SchemaMigratorTests
{
    [Fact]
    public async Task Database_migrated_from_empty_has_exactly_the_schema_of_the_ef_model()
    {
        await using var migrated = await TestDatabase.CreateAsync();
        await using var model = await TestDatabase.CreateAsync();
        await using (var db = model.CreateContext())
        {
            Assert.True(await db.Database.EnsureCreatedAsync());
        }

        await using (var db = migrated.CreateContext())
        {
            var applied = await SchemaMigrator.MigrateAsync(db);
            Assert.Equal(SchemaMigrator.Scripts(migrated.Provider).Select(s => s.Version), applied);
            Assert.Empty(await SchemaMigrator.MigrateAsync(db)); // a second run finds nothing to do
        }

        AssertSameSchema(await SchemaDescription.ReadAsync(model), await SchemaDescription.ReadAsync(migrated));
    }

    [Fact]
    public async Task Upgrade_from_version_1_keeps_the_data_and_backfills_the_owner_boundary()
    {
        await using var database = await TestDatabase.CreateAsync();
        var sql = new Literals(database.IsPostgres);
        var municipality = Guid.NewGuid();
        var ownBoundaryUnit = Guid.NewGuid();
        var sharedBoundaryUnit = Guid.NewGuid();
        var inOwnBoundary = Guid.NewGuid();
        var inParentBoundary = Guid.NewGuid();
        var author = Guid.NewGuid();

        await using (var db = database.CreateContext())
        {
            Assert.Equal([1], await SchemaMigrator.MigrateAsync(db, targetVersion: 1));
            await ExecuteAsync(db, $"""
                INSERT INTO "Organisations" ("Id", "Name", "Kind", "MunicipalityCode", "ParentId", "Function", "OwnSecrecyBoundary", "SecrecyBoundaryId", "CreatedAt")
                VALUES ({sql.Id(municipality)}, 'Testby kommun', 'Municipality', '0160', NULL, NULL, {sql.Bool(true)}, {sql.Id(municipality)}, {sql.Time}),
                       ({sql.Id(ownBoundaryUnit)}, 'Testby kommun – Socialtjänsten', 'MunicipalityUnit', '0160', {sql.Id(municipality)}, 'SocialServices', {sql.Bool(true)}, {sql.Id(ownBoundaryUnit)}, {sql.Time}),
                       ({sql.Id(sharedBoundaryUnit)}, 'Testby kommun – Jobbcentrum', 'MunicipalityUnit', '0160', {sql.Id(municipality)}, 'JobCentre', {sql.Bool(false)}, {sql.Id(municipality)}, {sql.Time});
                """);
            await ExecuteAsync(db, $"""
                INSERT INTO "Participants" ("Id", "OwnerOrganisationId", "IdentityKind", "IdentityNumber", "FirstName", "LastName", "SearchName",
                    "HomeMunicipalityCode", "Gender", "DateOfBirth", "EducationLevel", "SwedishLevel", "InterpreterNeeded", "DrivingLicences",
                    "AfStatus", "EducationDuty", "IncomeSource", "TargetGroups", "CreatedAt", "UpdatedAt", "CreatedByUserId", "UpdatedByUserId")
                VALUES ({sql.Id(inOwnBoundary)}, {sql.Id(ownBoundaryUnit)}, 'Personnummer', '198507099805', 'Alva', 'Gammal', 'alva gammal',
                    '0160', 'Woman', {sql.Date("1985-07-09")}, 'Primary', 'Native', {sql.Bool(false)}, 'B', 'OpenlyUnemployed', {sql.Bool(false)},
                    'SocialAssistance', 1, {sql.Time}, {sql.Time}, {sql.Id(author)}, {sql.Id(author)}),
                       ({sql.Id(inParentBoundary)}, {sql.Id(sharedBoundaryUnit)}, 'Personnummer', '198507099805', 'Bert', 'Gammal', 'bert gammal',
                    '0160', 'Man', NULL, 'Unknown', 'Unknown', {sql.Bool(true)}, '', 'NotRegistered', {sql.Bool(false)},
                    'None', 0, {sql.Time}, {sql.Time}, {sql.Id(author)}, {sql.Id(author)});
                """);

            var applied = await SchemaMigrator.MigrateAsync(db);
            Assert.Equal(SchemaMigrator.Scripts(database.Provider).Select(s => s.Version).Where(v => v > 1), applied);
        }

        await using (var db = database.CreateContext())
        {
            var participants = await db.Participants.AsNoTracking().Include(p => p.Occupations)
                .Where(p => p.Id == inOwnBoundary || p.Id == inParentBoundary).ToDictionaryAsync(p => p.Id);
            Assert.Equal(2, participants.Count);
            Assert.Equal(ownBoundaryUnit, participants[inOwnBoundary].OwnerBoundaryId);
            Assert.Equal(municipality, participants[inParentBoundary].OwnerBoundaryId);
            var alva = participants[inOwnBoundary];
            Assert.Equal(("Alva", "Gammal", "198507099805"), (alva.FirstName, alva.LastName, alva.IdentityNumber));
            Assert.Equal(new DateOnly(1985, 7, 9), alva.DateOfBirth);
            Assert.Equal(Arbetsvagen.Core.Participants.TargetGroups.Youth, alva.TargetGroups);
            Assert.True(alva.IsShortEducated);
            Assert.Equal(DateTimeKind.Utc, alva.CreatedAt.Kind);
            Assert.Equal(new DateTime(2025, 1, 15, 10, 0, 0, DateTimeKind.Utc), alva.CreatedAt);

            // The upgraded database works for the application: the model's queries by boundary find the rows.
            Assert.Equal(1, await db.Participants.CountAsync(p => p.OwnerBoundaryId == municipality && p.Id == inParentBoundary));
        }

        await using var model = await TestDatabase.CreateAsync();
        await using (var db = model.CreateContext())
        {
            await db.Database.EnsureCreatedAsync();
        }

        AssertSameSchema(await SchemaDescription.ReadAsync(model), await SchemaDescription.ReadAsync(database));
    }

    [Fact]
    public async Task Migration_stops_at_the_target_version()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateContext();

        Assert.Equal([1], await SchemaMigrator.MigrateAsync(db, targetVersion: 1));
        Assert.Empty(await SchemaMigrator.MigrateAsync(db, targetVersion: 1));

        var schema = await SchemaDescription.ReadAsync(database);
        Assert.Contains(schema, f => f.StartsWith("column Participants.OwnerOrganisationId ", StringComparison.Ordinal));
        Assert.DoesNotContain(schema, f => f.StartsWith("column Participants.OwnerBoundaryId ", StringComparison.Ordinal));
    }

    private static void AssertSameSchema(SortedSet<string> model, SortedSet<string> migrated)
    {
        var missing = model.Except(migrated).ToList();
        var extra = migrated.Except(model).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"The migrated schema differs from the EF model.\nIn the model but not migrated:\n  {string.Join("\n  ", missing)}\nMigrated but not in the model:\n  {string.Join("\n  ", extra)}");
        Assert.Contains(model, f => f.StartsWith("table AccessLog", StringComparison.Ordinal)); // the description is not empty
    }

    private static async Task ExecuteAsync(AppDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>SQL literals as each provider's EF mapping stores them (SQLite: Guid as upper-case TEXT, bool as 0/1).</summary>
    private sealed class Literals(bool postgres)
    {
        public string Time => postgres ? "'2025-01-15T10:00:00Z'" : "'2025-01-15 10:00:00'";

        public string Id(Guid id) => postgres ? $"'{id}'" : $"'{id.ToString().ToUpperInvariant()}'";

        public string Bool(bool value) => postgres ? (value ? "true" : "false") : (value ? "1" : "0");

        public string Date(string isoDate) => postgres ? $"DATE '{isoDate}'" : $"'{isoDate}'";
    }
}

/// <summary>
/// A database's schema as a set of comparable lines, read by introspection: tables, columns (name, normalised
/// type, nullability), primary keys, indexes (name, columns, uniqueness) and foreign keys.
/// Left out on purpose:
/// - schema_version, the migrator's own bookkeeping, which the EF model does not know;
/// - triggers (the append-only guard of migration 0003 cannot be expressed in the EF model);
/// - column defaults: adding a NOT NULL column to a table that may hold rows needs a default, and SQLite
///   cannot drop a default added by ALTER TABLE ADD COLUMN afterwards (no ALTER COLUMN); the EF model never
///   relies on database defaults because the application always writes every column;
/// - column order: ALTER TABLE ADD COLUMN appends, EF's CREATE TABLE puts the column where the model has it.
/// </summary>
public static class SchemaDescription
{
    public static async Task<SortedSet<string>> ReadAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            return database.IsPostgres ? await ReadPostgresAsync(connection) : await ReadSqliteAsync(connection);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    private static async Task<SortedSet<string>> ReadSqliteAsync(DbConnection connection)
    {
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        var tables = (await RowsAsync(connection,
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_version'"))
            .Select(r => (string)r[0]!).ToList();
        foreach (var table in tables)
        {
            facts.Add($"table {table}");
            var columns = await RowsAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')");
            foreach (var c in columns)
            {
                facts.Add($"column {table}.{c[0]} {((string)c[1]!).ToUpperInvariant()} {(Convert.ToInt64(c[2]) == 1 ? "NOT NULL" : "NULL")}");
            }

            var key = columns.Where(c => Convert.ToInt64(c[3]) > 0).OrderBy(c => Convert.ToInt64(c[3])).Select(c => (string)c[0]!);
            facts.Add($"primary key {table} ({string.Join(", ", key)})");

            foreach (var index in await RowsAsync(connection, $"SELECT name, \"unique\" FROM pragma_index_list('{table}') WHERE origin = 'c'"))
            {
                var indexColumns = (await RowsAsync(connection, $"SELECT name FROM pragma_index_info('{index[0]}') ORDER BY seqno"))
                    .Select(r => (string)r[0]!);
                facts.Add($"index {table}.{index[0]} ({string.Join(", ", indexColumns)}){(Convert.ToInt64(index[1]) == 1 ? " UNIQUE" : "")}");
            }

            var foreignKeys = await RowsAsync(connection, $"SELECT id, seq, \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')");
            foreach (var fk in foreignKeys.GroupBy(r => Convert.ToInt64(r[0])))
            {
                var parts = fk.OrderBy(r => Convert.ToInt64(r[1])).ToList();
                facts.Add($"foreign key {table} ({string.Join(", ", parts.Select(p => p[3]))}) REFERENCES {parts[0][2]} "
                    + $"({string.Join(", ", parts.Select(p => p[4]))}) ON DELETE {parts[0][5]}");
            }
        }

        return facts;
    }

    private static async Task<SortedSet<string>> ReadPostgresAsync(DbConnection connection)
    {
        var facts = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var t in await RowsAsync(connection, """
            SELECT table_name FROM information_schema.tables
            WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_version'
            """))
        {
            facts.Add($"table {t[0]}");
        }

        foreach (var c in await RowsAsync(connection, """
            SELECT table_name, column_name, data_type, character_maximum_length, is_nullable, is_identity, identity_generation
            FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> 'schema_version'
            """))
        {
            var type = (string)c[2]! + (c[3] is null ? "" : $"({c[3]})");
            var identity = (string)c[5]! == "YES" ? $" GENERATED {c[6]} AS IDENTITY" : "";
            facts.Add($"column {c[0]}.{c[1]} {type} {((string)c[4]! == "YES" ? "NULL" : "NOT NULL")}{identity}");
        }

        // Primary keys, foreign keys (with their ON DELETE) and unique/check constraints in PostgreSQL's own canonical text.
        foreach (var k in await RowsAsync(connection, """
            SELECT conrelid::regclass::text, conname, contype::text, pg_get_constraintdef(oid)
            FROM pg_constraint
            WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> 'schema_version'
            """))
        {
            var kind = (string)k[2]! switch { "p" => "primary key", "f" => "foreign key", "u" => "unique", "c" => "check", var other => other };
            facts.Add($"{kind} {Unquote(k[0])} {k[1]}: {k[3]}");
        }

        foreach (var i in await RowsAsync(connection, """
            SELECT tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> 'schema_version'
            """))
        {
            // The Swedish collation of a list's index column lives in the migrations only (like the column collations
            // above, which the EF model does not state either): the model's own database has no such collation to name.
            facts.Add($"index {i[0]}.{i[1]}: {((string)i[2]!).Replace(" COLLATE swedish", "", StringComparison.Ordinal)}");
        }

        return facts;
    }

    private static string Unquote(object? name) => ((string)name!).Trim('"');

    private static async Task<List<object?[]>> RowsAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = await reader.IsDBNullAsync(i) ? null : reader.GetValue(i);
            }

            rows.Add(row);
        }

        return rows;
    }
}
