using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Pacta.Store;

namespace Pacta.Tests.Store;

/// <summary>The two kinds of store every storage test runs on.</summary>
public enum Backend { Sqlite, Postgres }

/// <summary>Theory data for "one test, two backends": <c>[Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]</c>.</summary>
public static class Backends
{
    public static TheoryData<Backend> All => [Backend.Sqlite, Backend.Postgres];
}

/// <summary>
/// A store of the test's own, removed on dispose: a file in a fresh temporary folder (SQLite), or a fresh database
/// <c>pacta_test_…</c> on the server named by PACTA_TEST_POSTGRES (PostgreSQL; skipped, saying why, when there is no
/// server, and failed in CI: <see cref="TestDatabases"/>).
/// </summary>
internal sealed class TempStore : IDisposable
{
    private readonly string? database;

    public TempStore(Backend backend = Backend.Sqlite)
    {
        Backend = backend;
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pacta-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Path = System.IO.Path.Combine(Folder, "store.db");
        if (backend == Backend.Postgres)
        {
            try
            {
                (database, Location) = TestDatabases.Create();
            }
            catch
            {
                Directory.Delete(Folder, recursive: true);
                throw;
            }
        }
        else
        {
            Location = Path;
        }
    }

    public Backend Backend { get; }

    public string Folder { get; }

    /// <summary>The SQLite file's path (a SQLite store's location; unused by a PostgreSQL one).</summary>
    public string Path { get; }

    /// <summary>What <see cref="Stores.Open"/> is given: the file's path, or the database's connection string.</summary>
    public string Location { get; }

    public FixedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));

    /// <summary>The SQLite store, for tests of SQLite itself.</summary>
    public SqliteStore Open() => Backend == Backend.Sqlite
        ? SqliteStore.Open(Path, Clock)
        : throw new InvalidOperationException("a SQLite-only test opened a PostgreSQL store");

    /// <summary>The store of either backend.</summary>
    public IStore OpenStore() => Stores.Open(Location, Clock);

    /// <summary>The SHA-256 of the file's bytes: to show that an operation left the file exactly as it was.</summary>
    public string Hash() => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path)));

    /// <summary>
    /// What the store holds, as one hash: the file's bytes (SQLite), or every row of every table in a fixed order
    /// (PostgreSQL, whose files are not ours to read): to show that an operation changed nothing.
    /// </summary>
    public string Fingerprint() => Backend == Backend.Sqlite ? Hash() : TestDatabases.Fingerprint(Location);

    /// <summary>Rows read behind the store's back, each as its columns joined with " | " (null as ∅, bytes in hex), on either backend.</summary>
    public List<string> RawRows(string sql) => Backend == Backend.Sqlite ? RawSqlite.Rows(Path, sql) : TestDatabases.Rows(Location, sql);

    /// <summary>Runs SQL on the store's tables behind its back, on a connection of its own, on either backend.</summary>
    public void RawExecute(string sql)
    {
        if (Backend == Backend.Sqlite) RawSqlite.Execute(Path, sql);
        else TestDatabases.Execute(Location, sql);
    }

    /// <summary>A hash (or any bytes) as a literal of the backend's SQL.</summary>
    public string BytesLiteral(byte[] bytes) => Backend == Backend.Sqlite ? $"X'{Convert.ToHexString(bytes)}'" : $"'\\x{Convert.ToHexString(bytes)}'::bytea";

    public void Dispose()
    {
        if (database is not null) TestDatabases.Drop(database);
        Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>
/// Fresh databases on the test server (PACTA_TEST_POSTGRES), each a copy of a template that has PostGIS already
/// (making the extension takes longer than copying a database). Without a server the calling test is skipped,
/// saying why; in CI (CI=true) it fails.
/// </summary>
internal static class TestDatabases
{
    private const string Template = "pacta_test_template";
    private static readonly Lock TemplateLock = new();
    private static bool templateReady;

    /// <summary>A new, empty database with PostGIS: its name and its connection string.</summary>
    public static (string Name, string ConnectionString) Create()
    {
        var server = Server();
        var name = "pacta_test_" + Guid.NewGuid().ToString("N");
        lock (TemplateLock)
        {
            if (!templateReady)
            {
                MakeTemplate(server);
                templateReady = true;
            }
            // Two copies of one template cannot start at the same moment: one at a time.
            Admin(server, $"CREATE DATABASE {name} TEMPLATE {Template}");
        }
        return (name, new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString);
    }

    public static void Drop(string name) => Admin(Server(), $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");

    /// <summary>Every row of every table of the database, sorted, hashed.</summary>
    public static string Fingerprint(string connectionString)
    {
        var text = new StringBuilder();
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        var tables = new List<string>();
        using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'spatial_ref_sys' ORDER BY tablename", connection))
        using (var reader = list.ExecuteReader())
        {
            while (reader.Read()) tables.Add(reader.GetString(0));
        }
        foreach (var table in tables)
        {
            text.Append("# ").AppendLine(table);
            using var rows = new NpgsqlCommand($"SELECT t::text FROM {table} AS t ORDER BY 1", connection);
            using var reader = rows.ExecuteReader();
            while (reader.Read()) text.AppendLine(reader.GetString(0));
        }
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Runs SQL on the database on a connection of its own (no pooling: nothing of it lingers).</summary>
    public static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    /// <summary>Each row as its columns joined with " | " (null as ∅, bytes in hex), as <see cref="RawSqlite.Rows"/> gives them.</summary>
    public static List<string> Rows(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i) switch
            {
                DBNull => "∅",
                byte[] bytes => Convert.ToHexString(bytes),
                IFormattable value => value.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
                var value => value.ToString(),
            })));
        }
        return rows;
    }

    private static string Server()
    {
        var connection = Environment.GetEnvironmentVariable(PostgresServer.Variable);
        if (string.IsNullOrWhiteSpace(connection))
        {
            var why = $"{PostgresServer.Variable} is not set: run `eval \"$(tests/postgres.sh start)\"` first";
            if (Environment.GetEnvironmentVariable("CI") == "true")
                Assert.Fail($"PostgreSQL + PostGIS is required in CI and {why}. .ci/run starts it with tests/postgres.sh.");
            Assert.Skip($"The PostgreSQL case of this test did not run: {why}.");
        }
        return connection!;
    }

    private static void MakeTemplate(string server)
    {
        if (Admin(server, $"SELECT 1 FROM pg_database WHERE datname = '{Template}'", scalar: true) is not null) return;
        var name = Template + "_" + Guid.NewGuid().ToString("N");
        Admin(server, $"CREATE DATABASE {name}");
        using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = name, Pooling = false }.ConnectionString))
        {
            connection.Open();
            using var command = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS postgis", connection);
            command.ExecuteNonQuery();
        }
        try
        {
            Admin(server, $"ALTER DATABASE {name} RENAME TO {Template}");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another test run made it first.
            Admin(server, $"DROP DATABASE {name}");
        }
    }

    private static object? Admin(string server, string sql, bool scalar = false)
    {
        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString);
            connection.Open();
            using var command = new NpgsqlCommand(sql, connection);
            return scalar ? command.ExecuteScalar() : command.ExecuteNonQuery();
        }
        catch (NpgsqlException e) when (e is not PostgresException)
        {
            if (Environment.GetEnvironmentVariable("CI") == "true") throw;
            Assert.Skip($"The PostgreSQL case of this test did not run: cannot reach the server named by {PostgresServer.Variable}: {e.Message}.");
            throw;
        }
    }
}

/// <summary>A clock that says what the test tells it to.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
