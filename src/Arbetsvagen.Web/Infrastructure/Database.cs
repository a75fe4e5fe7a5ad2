using Microsoft.EntityFrameworkCore;

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
            options.UseNpgsql(connectionString);
        }
        else
        {
            options.UseSqlite(connectionString);
        }
    }

    public static void AddAppDatabase(this IServiceCollection services, IConfiguration config)
    {
        var provider = Provider(config);
        var connectionString = config.GetConnectionString("Default") ?? DefaultSqliteConnection;
        if (provider == DatabaseProvider.Sqlite)
        {
            EnsureSqliteDirectory(connectionString);
        }

        services.AddDbContext<AppDbContext>(o => Configure(o, provider, connectionString));
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
