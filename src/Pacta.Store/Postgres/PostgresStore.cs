using Npgsql;
using Pacta.Model;

namespace Pacta.Store.Postgres;

/// <summary>
/// A store in a PostgreSQL 15 + PostGIS 3 database: the same records, history, derived indexes and accounts as the
/// SQLite store (<see cref="PostgresSchema"/>), answering every call of <see cref="IStore"/> the same way. One pooled
/// <see cref="NpgsqlDataSource"/>: reads run at once, each on a connection of its own in a read-only snapshot; writes
/// take turns, in this process under a lock and across processes under the database's advisory write lock.
/// </summary>
public sealed partial class PostgresStore : IStore
{
    /// <summary>The key of the advisory lock a write transaction holds: one writer per database, as in a SQLite file.</summary>
    internal const long WriteLockKey = 0x7061637461; // "pacta"

    private const string SchemaVersionKey = "schema-version";

    private readonly NpgsqlDataSource source;
    private readonly TimeProvider clock;
    private readonly Lock gate = new();
    private readonly RecordBook records;

    /// <summary>The session of the write under way on the thread that holds <see cref="gate"/>: its reads go through it.</summary>
    private PgSession? writing;
    private volatile bool disposed;

    private PostgresStore(NpgsqlDataSource source, string location, TimeProvider clock, int schemaVersion)
    {
        this.source = source;
        Location = location;
        this.clock = clock;
        SchemaVersion = schemaVersion;
        records = new RecordBook(location, "pacta_meta", this, clock);
    }

    /// <summary>The server and database, as <c>postgresql://user@host:port/database</c>: never the password.</summary>
    public string Location { get; }

    /// <summary>How long a write waits for another process's write lock before <see cref="StoreBusyException"/> (30 s; tests shorten it).</summary>
    internal TimeSpan WriteWait { get; set; } = StoreBusyException.WriterWait;

    public int SchemaVersion { get; }

    /// <summary>
    /// Opens the store in the database the connection string names, making its tables (and the PostGIS extension) when
    /// the database has none.
    /// </summary>
    /// <exception cref="StoreException">The server cannot be reached, PostGIS cannot be had, or the store was made by a newer Pacta.</exception>
    public static PostgresStore Open(string connectionString, TimeProvider? clock = null)
    {
        var (source, location) = Connect(connectionString);
        try
        {
            var version = Prepare(source, location);
            return new PostgresStore(source, location, clock ?? TimeProvider.System, version);
        }
        catch (NpgsqlException e)
        {
            source.Dispose();
            throw new StoreException($"cannot open the store {location}: {e.Message}", e);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>Whether the database holds a Pacta store.</summary>
    /// <exception cref="StoreException">The server cannot be reached.</exception>
    public static bool HasStore(string connectionString)
    {
        var (source, location) = Connect(connectionString);
        using (source)
        {
            try
            {
                using var connection = source.OpenConnection();
                using var command = new NpgsqlCommand("SELECT to_regclass('pacta_meta') IS NOT NULL", connection);
                return command.ExecuteScalar() is true;
            }
            catch (NpgsqlException e)
            {
                throw new StoreException($"cannot reach the store {location}: {e.Message}", e);
            }
        }
    }

    /// <summary>Drops the store's tables (and with them every record, change and account) from the database, in one transaction.</summary>
    public static void Drop(string connectionString)
    {
        var (source, location) = Connect(connectionString);
        using (source)
        {
            try
            {
                using var session = PgSession.ForWriting(source);
                foreach (var table in PostgresSchema.Tables) session.Execute($"DROP TABLE IF EXISTS {table} CASCADE");
                session.Execute(PostgresSchema.DropFunctions);
                session.Commit();
            }
            catch (NpgsqlException e)
            {
                throw new StoreException($"cannot drop the store {location}: {e.Message}", e);
            }
        }
    }

    private static (NpgsqlDataSource Source, string Location) Connect(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new StoreException($"'{Redacted(connectionString)}' is not a PostgreSQL connection string: {e.Message}", e);
        }
        var location = $"postgresql://{parsed.Username}{(parsed.Username is null ? "" : "@")}{parsed.Host}:{parsed.Port}/{parsed.Database}";
        var builder = new NpgsqlDataSourceBuilder(parsed.ConnectionString);
        builder.UseNetTopologySuite();
        return (builder.Build(), location);
    }

    /// <summary>A connection string as it may be shown: without its password.</summary>
    private static string Redacted(string connectionString) =>
        System.Text.RegularExpressions.Regex.Replace(connectionString, "(?i)(password|pwd)\\s*=[^;]*", "$1=…");

    /// <summary>Makes the tables when there are none; returns the store's schema version.</summary>
    private static int Prepare(NpgsqlDataSource source, string location)
    {
        using var session = PgSession.ForWriting(source);
        var exists = session.Scalar("SELECT to_regclass('pacta_meta') IS NOT NULL") is true;
        if (!exists)
        {
            foreach (var statement in PostgresSchema.Create) session.Execute(statement);
            session.Execute("INSERT INTO pacta_meta (key, value) VALUES (@key, @value)",
                ("key", SchemaVersionKey), ("value", Stores.LatestSchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            session.Commit();
            // The data source read the database's types before PostGIS was there (CREATE EXTENSION above may have
            // just made it): read them again, or geometries could not be written until the next start.
            source.ReloadTypes();
            return Stores.LatestSchemaVersion;
        }
        var text = session.Scalar("SELECT value FROM pacta_meta WHERE key = @key", ("key", SchemaVersionKey)) as string;
        if (!int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var version))
            throw new StoreException($"{location} is not a Pacta store: it has no schema version");
        if (version > Stores.LatestSchemaVersion)
            throw new StoreException($"{location} is at schema version {version}, newer than this Pacta knows ({Stores.LatestSchemaVersion}): use a newer Pacta");
        if (version < 5)
            throw new StoreException($"{location} is at schema version {version}, which no PostgreSQL store was ever made at: it is not a store this Pacta can open");
        // Each step a store made by an older Pacta lacks, in the order the SQLite migrations take. A store made before
        // restricted records (version 8) cannot hold a marking: their table starts empty.
        if (!HasHashColumn(session)) AddAuditChain(session);
        if (!HasDraftTable(session)) AddDraftTable(session);
        if (session.Scalar("SELECT to_regclass('restricted_record') IS NULL") is true) session.Execute(PostgresSchema.RestrictedRecordTable);
        if (version < Stores.LatestSchemaVersion)
        {
            session.Execute("UPDATE pacta_meta SET value = @value WHERE key = @key",
                ("key", SchemaVersionKey), ("value", Stores.LatestSchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            version = Stores.LatestSchemaVersion;
        }
        // A store made before the counts per day gets them now, counted from the events it holds; one made before they
        // left unlisted events out gets the triggers that do, and its counts counted again.
        if (session.Scalar("SELECT to_regclass('event_day') IS NULL") is true)
        {
            foreach (var statement in PostgresSchema.EventDay) session.Execute(statement);
            session.Execute(PostgresSchema.EventDayFill);
        }
        else if (session.Scalar(PostgresSchema.CountsListedOnly) is not true)
        {
            foreach (var statement in PostgresSchema.EventDayCounting) session.Execute(statement);
            session.Execute("DELETE FROM event_day");
            session.Execute(PostgresSchema.EventDayFill);
        }
        // A store made before the kept grid gets it now, counted from the events it holds, and the triggers that keep it.
        if (session.Scalar("SELECT to_regclass('event_cell') IS NULL") is true)
        {
            session.Execute(PostgresSchema.EventCellTable);
            session.Execute(PostgresSchema.EventCellFill);
            foreach (var statement in PostgresSchema.EventDayCounting) session.Execute(statement);
        }
        session.Commit();
        return version;
    }

    public IRecord? Find(RecordId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Reading(db => Load(db, id));
    }

    public RecordKind? KindOf(RecordId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Reading(db => Resolve(db, id));
    }

    public ObligationInContext? FindObligation(RecordId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Reading(db => records.FindObligation(db, id));
    }

    public IReadOnlyList<T> All<T>() where T : IRecord =>
        All(CanonicalJson.KindOf(typeof(T))).Cast<T>().ToList();

    public IReadOnlyList<IRecord> All(RecordKind kind)
    {
        CanonicalJson.TypeOf(kind);
        return Reading(db => records.All(db, kind));
    }

    public IReadOnlyDictionary<RecordKind, int> Counts() => Reading(RecordBook.Counts);

    public IReadOnlyList<RestrictedRecord> Restricted() => Reading(RecordBook.Restricted);

    private const string SelectChange = "SELECT c.seq, c.recorded_at, c.author, c.command, c.reason, c.record_id, c.kind, c.operation, c.before, c.after, c.hash FROM change AS c";

    public IReadOnlyList<Change> History(RecordId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Reading(db => RecordBook.History(db, SelectChange, id));
    }

    public IReadOnlyList<Change> Changes(long afterSequence = 0, int limit = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return Reading(db => RecordBook.Changes(db, SelectChange, afterSequence, limit));
    }

    public string? GetSetting(string key) => Reading(db => records.Setting(db, key));

    /// <summary>Closes the data source and its pooled connections, waiting for a write under way to end.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            source.Dispose();
        }
    }

    /// <summary>
    /// Runs a read in a snapshot of its own. A thread that holds the writing session (a write or an import under way)
    /// reads through it instead: it sees its own writes.
    /// </summary>
    private T Reading<T>(Func<PgSession, T> work)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (gate.IsHeldByCurrentThread && writing is { } session) return work(session);
        try
        {
            using var db = PgSession.ForReading(source);
            var result = work(db);
            db.Commit();
            return result;
        }
        catch (NpgsqlException e)
        {
            throw new StoreException($"reading the store {Location} failed: {e.Message}", e);
        }
    }

    /// <summary>Runs <paramref name="work"/> under the lock in one write transaction: committed when it returns, rolled back when it throws.</summary>
    private T Writing<T>(Func<PgSession, T> work)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            try
            {
                using var db = PgSession.ForWriting(source, WriteWait);
                writing = db;
                try
                {
                    var result = work(db);
                    db.Commit();
                    return result;
                }
                finally
                {
                    writing = null;
                }
            }
            catch (NpgsqlException e)
            {
                throw new StoreException($"writing to the store {Location} failed: {e.Message}", e);
            }
        }
    }

    private IRecord? Load(PgSession db, RecordId id) => records.Load(db, id);

    private static RecordKind? Resolve(PgSession db, RecordId id) => RecordBook.KindOf(db, id);
}
