using Microsoft.Data.Sqlite;
using Pacta.Model;
using Pacta.Store.Sqlite;
using Pacta.Store.Sqlite.Migrations;

namespace Pacta.Store;

/// <summary>
/// The embedded store: one SQLite file holding every record as canonical JSON, the history of every change,
/// and indexes derived from the records (obligations, references, events, place names and geometries).
/// Safe to share between threads: writes take turns on the one writing connection, while reads run at once, each on
/// a read-only connection of a small pool (<see cref="ReaderPool"/>) in a read transaction of its own, so a read sees
/// the store as one commit left it, never half a write.
/// </summary>
public sealed partial class SqliteStore : IStore
{
    public const int LatestSchemaVersion = 8;

    /// <summary>Before version 2 there is no obligation table: obligation ids are read from the document bodies.</summary>
    private const string KindOfSqlVersion1 =
        """
        SELECT kind FROM record WHERE id = $id
        UNION ALL
        SELECT 'obligation' FROM record AS d, json_each(d.body, '$.provisions') AS p, json_each(p.value, '$.obligations') AS o
        WHERE d.kind = 'document' AND json_extract(o.value, '$.id') = $id
        LIMIT 1
        """;

    /// <summary>
    /// A creation's body when its change keeps none (version 4 on): the next change's <c>before</c>, or, when none has
    /// followed, the record's body now. For a change <c>c</c>.
    /// </summary>
    internal const string CreatedBodySql =
        """
        CASE WHEN c.after IS NULL AND c.operation = 'created'
             THEN COALESCE((SELECT n.before FROM change AS n WHERE n.record_id = c.record_id AND n.seq > c.seq ORDER BY n.seq LIMIT 1),
                           (SELECT r.body FROM record AS r WHERE r.id = c.record_id))
             ELSE c.after END
        """;

    /// <summary>
    /// The columns of a change, a creation's body put back (<see cref="CreatedBodySql"/>), and its hash from version 6 on.
    /// </summary>
    private string SelectChange =>
        $"""
        SELECT c.seq, c.recorded_at, c.author, c.command, c.reason, c.record_id, c.kind, c.operation, c.before,
               {CreatedBodySql}, {(HasAuditChain ? "c.hash" : "NULL")}
        FROM change AS c
        """;

    /// <summary>The writing connection: only under <see cref="gate"/>.</summary>
    private readonly StoreConnection db;
    private readonly ReaderPool readers;
    private readonly TimeProvider clock;
    private readonly Lock gate = new();
    private readonly RecordBook records;
    private volatile bool disposed;

    private SqliteStore(string path, StoreConnection db, TimeProvider clock, int schemaVersion)
    {
        Path = path;
        this.db = db;
        readers = new ReaderPool(path, ReaderPool.DefaultSize);
        this.clock = clock;
        SchemaVersion = schemaVersion;
        records = new RecordBook($"'{path}'", "meta", this, clock);
    }

    /// <summary>The full path of the store's file.</summary>
    public string Path { get; }

    public string Location => Path;

    public int SchemaVersion { get; }

    /// <summary>
    /// Opens the store at <paramref name="path"/>, creating it when the file is missing (or empty) and bringing
    /// an older schema up to date in one transaction.
    /// </summary>
    /// <param name="clock">Where the store reads the time it records changes at; the system clock by default.</param>
    /// <exception cref="StoreException">The file is not a Pacta store, or was written by a newer Pacta.</exception>
    public static SqliteStore Open(string path, TimeProvider? clock = null) => Open(path, LatestSchemaVersion, clock);

    /// <summary>Whether <paramref name="path"/> is a Pacta store (of any schema version).</summary>
    public static bool IsStore(string path) => File.Exists(path) && StoreFile.Problem(path) is null;

    /// <summary>Opens a store without migrating it past <paramref name="version"/>: for making fixtures of older schemas.</summary>
    internal static SqliteStore OpenAtVersion(string path, int version, TimeProvider? clock = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(version, LatestSchemaVersion);
        return Open(path, version, clock);
    }

    /// <summary>The record with this id, of any kind; null when there is none (an obligation id included: see <see cref="FindObligation"/>).</summary>
    public IRecord? Find(RecordId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Reading(db => records.Load(db, id));
    }

    /// <summary>The kind of whatever has this id, obligations included; null when nothing has it.</summary>
    public RecordKind? KindOf(RecordId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Reading(db => Resolve(db, id));
    }

    public ObligationInContext? FindObligation(RecordId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Reading(db =>
        {
            RequireDerivedIndexes();
            return records.FindObligation(db, id);
        });
    }

    /// <summary>Every record of type <typeparamref name="T"/>, ordered by id.</summary>
    public IReadOnlyList<T> All<T>() where T : IRecord =>
        All(CanonicalJson.KindOf(typeof(T))).Cast<T>().ToList();

    /// <summary>Every record of a kind, ordered by id. Obligations are not records of their own: read them from documents.</summary>
    public IReadOnlyList<IRecord> All(RecordKind kind)
    {
        CanonicalJson.TypeOf(kind);
        return Reading(db => records.All(db, kind));
    }

    /// <summary>How many of each kind the store holds, obligations included; every kind is listed, with zero when there are none.</summary>
    public IReadOnlyDictionary<RecordKind, int> Counts() => Reading(db =>
    {
        RequireDerivedIndexes();
        return RecordBook.Counts(db);
    });

    /// <summary>Every record that carries a restriction marking, ordered by id; none in a store older than version 8, which could hold none.</summary>
    public IReadOnlyList<RestrictedRecord> Restricted() => SchemaVersion >= 8 ? Reading(RecordBook.Restricted) : [];

    /// <summary>Every change to the record, oldest first. An obligation's changes are its document's.</summary>
    public IReadOnlyList<Change> History(RecordId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Reading(db => RecordBook.History(db, SelectChange, id));
    }

    /// <summary>The changes recorded after <paramref name="afterSequence"/>, oldest first: for following the store page by page.</summary>
    public IReadOnlyList<Change> Changes(long afterSequence = 0, int limit = 1000)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterSequence);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        return Reading(db => RecordBook.Changes(db, SelectChange, afterSequence, limit));
    }

    /// <summary>A store-wide setting (such as the description of the dataset last imported), or null.</summary>
    public string? GetSetting(string key) => Reading(db => records.Setting(db, key));

    /// <summary>Closes every connection, waiting for the calls under way to end: then the file may be moved or deleted.</summary>
    public void Dispose()
    {
        lock (gate)
        {
            if (disposed) return;
            disposed = true;
            readers.Dispose();
            db.Dispose();
        }
    }

    private static SqliteStore Open(string path, int version, TimeProvider? clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = System.IO.Path.GetFullPath(path);
        if (!StoreFile.IsMissingOrEmpty(fullPath) && StoreFile.Problem(fullPath) is { } problem)
            throw new StoreException($"'{fullPath}' is not a Pacta store: {problem}");
        clock ??= TimeProvider.System;
        StoreConnection db;
        try
        {
            db = new StoreConnection(fullPath);
        }
        catch (SqliteException e)
        {
            throw new StoreException($"cannot open the store '{fullPath}': {e.Message}", e);
        }
        try
        {
            var reached = Migrator.Migrate(db, fullPath, version, clock.GetUtcNow());
            return new SqliteStore(fullPath, db, clock, reached);
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Runs a read on a connection of the pool. A thread that holds the writing connection (a write or an import under
    /// way) reads through it instead: it sees its own writes, and does not wait for itself.
    /// </summary>
    /// <summary>The event import that holds the store, if one does.</summary>
    private EventImport? importing;

    private T Reading<T>(Func<StoreConnection, T> work)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (gate.IsHeldByCurrentThread)
        {
            // An import's own thread reads its writes, the events it has gathered but not yet written included.
            importing?.FlushPending();
            return work(db);
        }
        try
        {
            return readers.Read(work);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            // A write transaction too large for the writer's page cache locks the file until it commits, which may be
            // minutes for a large import: rather than fail, wait for the writing connection, as every call once did.
            return Locked(() => work(db));
        }
    }

    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;

    private T Locked<T>(Func<T> work)
    {
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return work();
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction that commits when it returns and rolls back when it throws. Inside a
    /// transaction already open (a conditional write around a write) it joins that one: the outer one commits or rolls back.
    /// </summary>
    private T InTransaction<T>(Func<T> work)
    {
        if (db.InTransaction) return work();
        try
        {
            db.Begin();
            var result = work();
            db.Commit();
            return result;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteBusy or SqliteLocked)
        {
            // Another process (an import) held the file's write lock longer than a writer waits: the server says 503.
            db.Rollback();
            throw StoreBusyException.Waited($"'{Path}'", writeWait, e);
        }
        catch
        {
            db.Rollback();
            throw;
        }
    }

    private TimeSpan writeWait = StoreBusyException.WriterWait;

    /// <summary>How long a write waits for another process's write lock before <see cref="StoreBusyException"/> (30 s; tests shorten it).</summary>
    internal TimeSpan WriteWait
    {
        get => writeWait;
        set => Locked(() =>
        {
            db.WaitForLocks(value);
            writeWait = value;
            return true;
        });
    }

    private bool HasDerivedIndexes => SchemaVersion >= 2;

    private void RequireDerivedIndexes()
    {
        if (!HasDerivedIndexes)
            throw new InvalidOperationException($"the store is at schema version {SchemaVersion}; this needs version 2 or later");
    }

    private RecordKind? Resolve(RecordId id) => Resolve(db, id);

    private RecordKind? Resolve(StoreConnection db, RecordId id) => HasDerivedIndexes
        ? RecordBook.KindOf(db, id)
        : db.Scalar(KindOfSqlVersion1, ("$id", id.Value)) is string kind ? Vocabulary.Kind(kind) : null;
}
