// What synchronous=FULL costs against NORMAL on this machine's disk (ADR 0016): SQLite in WAL mode, as the product
// opens it (journal_mode=WAL, busy_timeout), commits per second for one-row transactions (a form post) and rows per
// second for 50-row transactions (the access log's group commit). Run by scripts/bench-sqlite-sync.sh.
#:package Microsoft.Data.Sqlite.Core@10.0.5
#:package SQLitePCLRaw.bundle_e_sqlite3@2.1.11
using System.Diagnostics;
using Microsoft.Data.Sqlite;

SQLitePCL.Batteries_V2.Init();
var seconds = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 5;
var directory = args.Length > 1 ? args[1] : Path.GetTempPath();
var payload = new string('x', 200);

Console.WriteLine($"SQLite {new SqliteConnection("Data Source=:memory:").ServerVersion}, {seconds:0} s per case, files in {directory}");
Console.WriteLine($"{"synchronous",-12} {"rows/commit",11} {"commits/s",10} {"rows/s",10} {"p50 ms",8} {"p99 ms",8}");
foreach (var rowsPerCommit in new[] { 1, 50 })
{
    foreach (var mode in new[] { "NORMAL", "FULL" })
    {
        var file = Path.Combine(directory, $"sync-bench-{Guid.NewGuid():N}.db");
        try
        {
            Measure(file, mode, rowsPerCommit);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            foreach (var f in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(f);
            }
        }
    }
}

void Measure(string file, string mode, int rowsPerCommit)
{
    using var connection = new SqliteConnection($"Data Source={file}");
    connection.Open();
    Run(connection, $"PRAGMA journal_mode=WAL; PRAGMA synchronous={mode}; PRAGMA busy_timeout=10000;");
    Run(connection, "CREATE TABLE Entry (Id INTEGER PRIMARY KEY, At TEXT NOT NULL, UserName TEXT NOT NULL, Action TEXT NOT NULL, Detail TEXT NOT NULL)");
    using var insert = connection.CreateCommand();
    insert.CommandText = "INSERT INTO Entry (At, UserName, Action, Detail) VALUES ($at, 'soc.taby', 'read', $detail)";
    var at = insert.Parameters.Add("$at", SqliteType.Text);
    insert.Parameters.AddWithValue("$detail", payload);

    var latencies = new List<double>();
    var rows = 0;
    var clock = Stopwatch.StartNew();
    while (clock.Elapsed.TotalSeconds < seconds)
    {
        var started = clock.Elapsed.TotalMilliseconds;
        using (var transaction = connection.BeginTransaction())
        {
            insert.Transaction = transaction;
            for (var i = 0; i < rowsPerCommit; i++)
            {
                at.Value = DateTime.UtcNow.ToString("O");
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        rows += rowsPerCommit;
        latencies.Add(clock.Elapsed.TotalMilliseconds - started);
    }

    var elapsed = clock.Elapsed.TotalSeconds;
    latencies.Sort();
    Console.WriteLine($"{mode,-12} {rowsPerCommit,11} {latencies.Count / elapsed,10:0} {rows / elapsed,10:0} {latencies[latencies.Count / 2],8:0.00} {latencies[(int)(latencies.Count * 0.99)],8:0.00}");
}

static void Run(SqliteConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}
