using Microsoft.Data.Sqlite;

namespace Pacta.Store.Sqlite;

/// <summary>
/// A connection to the store's file: the one that writes (<see cref="StoreConnection(string)"/>), or one of the
/// readers (<see cref="OpenReader"/>). Runs SQL with named parameters inside the open transaction, and keeps each
/// statement prepared for reuse: an import writes thousands of records through the same few statements.
/// </summary>
internal sealed class StoreConnection : IDisposable, ISqlSession
{
    /// <summary>How long a statement waits for another connection's lock before it gives up (<see cref="StoreBusyException"/>).</summary>
    private static readonly int WriterWaitSeconds = (int)StoreBusyException.WriterWait.TotalSeconds;

    /// <summary>
    /// How long a reader waits for the writer's lock. A commit holds it for a moment; a transaction too large for the
    /// writer's page cache holds it until it commits, and then the store has a slower way to wait (see SqliteStore.Reading).
    /// </summary>
    private const int ReaderWaitSeconds = 5;

    private readonly SqliteConnection connection;
    private readonly Dictionary<string, SqliteCommand> prepared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RawStatement> raw = new(StringComparer.Ordinal);
    private SqliteTransaction? transaction;

    /// <summary>Opens the store's writing connection, creating the file when it is missing.</summary>
    public StoreConnection(string path) : this(path, SqliteOpenMode.ReadWriteCreate, WriterWaitSeconds)
    {
        // A rollback journal rather than WAL keeps the store one file at rest; FULL syncs every commit.
        Execute("PRAGMA foreign_keys = ON");
        Execute("PRAGMA journal_mode = DELETE");
        Execute("PRAGMA synchronous = FULL");
    }

    private StoreConnection(string path, SqliteOpenMode mode, int waitSeconds)
    {
        connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            // The store holds its connections for its lifetime; closing them must release the file.
            Pooling = false,
            DefaultTimeout = waitSeconds,
        }.ToString());
        connection.Open();
        // SQLite's own busy handler waits for a lock in short steps (the driver alone would sleep 150 ms at a time).
        Execute($"PRAGMA busy_timeout = {waitSeconds * 1000}");
    }

    /// <summary>
    /// Opens a read-only connection to an existing store. In a rollback journal many such readers read at once, each
    /// seeing the file as the last commit left it; see <see cref="BeginRead"/>.
    /// </summary>
    public static StoreConnection OpenReader(string path) => new(path, SqliteOpenMode.ReadOnly, ReaderWaitSeconds);

    /// <summary>How long a statement of this connection waits for another connection's lock (SQLite's busy timeout).</summary>
    public void WaitForLocks(TimeSpan wait) => Execute($"PRAGMA busy_timeout = {(long)wait.TotalMilliseconds}");

    /// <summary>The schema version the file is at, as the migrator last left it: what the derived indexes may write to.</summary>
    public int SchemaVersion { get; set; }

    /// <summary>Whether a transaction is open on this connection.</summary>
    public bool InTransaction => transaction is not null;

    public void Begin() => Begin(deferred: false);

    /// <summary>
    /// The change log's last sequence number and hash as the open write transaction has left them: read from the file
    /// once per transaction (<see cref="SqliteStore"/>'s audit chain), then kept here as changes are appended. Gone
    /// with the transaction, so a rollback never leaves a head the file does not have.
    /// </summary>
    public (long Sequence, byte[] Hash)? ChainHead { get; set; }

    /// <summary>
    /// Starts a read transaction: from its first statement to <see cref="Commit"/> the connection holds a shared lock,
    /// so every statement in it reads the same committed state, and a writer commits only once it ends.
    /// </summary>
    public void BeginRead() => Begin(deferred: true);

    private void Begin(bool deferred)
    {
        transaction = transaction is null
            ? connection.BeginTransaction(deferred)
            : throw new InvalidOperationException("a transaction is already open");
        ChainHead = null;
    }

    public void Commit()
    {
        transaction!.Commit();
        End();
    }

    public void Rollback()
    {
        transaction?.Rollback();
        End();
    }

    /// <summary>Runs a statement; the number of rows it changed.</summary>
    public int Execute(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        Raw(sql).Execute(parameters);

    /// <summary>The first column of the first row (long, double, string or byte[]); null when there is none or it is NULL.</summary>
    public object? Scalar(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        Raw(sql).Scalar(parameters);

    /// <summary>Reads every row at once, so the statement is free again before the caller goes on.</summary>
    public List<T> Query<T>(string sql, Func<SqliteDataReader, T> read, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var reader = Command(sql, parameters).ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }

    // The shared parts name their parameters without the "@" their SQL gives them; SQLite's statements bind by the full name.
    int ISqlSession.Execute(string sql, params (string Name, object? Value)[] parameters) => Execute(sql, At(parameters));

    object? ISqlSession.Scalar(string sql, params (string Name, object? Value)[] parameters) => Scalar(sql, At(parameters));

    List<T> ISqlSession.Query<T>(string sql, Func<System.Data.Common.DbDataReader, T> read, params (string Name, object? Value)[] parameters) =>
        Query(sql, r => read(r), At(parameters));

    IEnumerable<T> ISqlSession.Stream<T>(string sql, Func<System.Data.Common.DbDataReader, T> read) => Stream(sql, r => read(r));

    private static (string Name, object? Value)[] At((string Name, object? Value)[] parameters) =>
        Array.ConvertAll(parameters, p => ("@" + p.Name, p.Value));

    /// <summary>Reads rows one by one with a statement of its own, for tables too large to hold in memory.</summary>
    public IEnumerable<T> Stream<T>(string sql, Func<SqliteDataReader, T> read)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return read(reader);
    }

    public void Dispose()
    {
        Rollback();
        foreach (var command in prepared.Values) command.Dispose();
        prepared.Clear();
        foreach (var statement in raw.Values) statement.Dispose();
        raw.Clear();
        connection.Dispose();
    }

    /// <summary>The statement for <paramref name="sql"/>, prepared once and kept until the connection closes.</summary>
    public RawStatement Raw(string sql)
    {
        if (!raw.TryGetValue(sql, out var statement))
        {
            statement = new RawStatement(connection.Handle!, sql);
            raw.Add(sql, statement);
        }
        return statement;
    }

    private SqliteCommand Command(string sql, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!prepared.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            prepared.Add(sql, command);
        }
        command.Transaction = transaction;
        // A statement run again with the same parameter names keeps its parameter objects and only takes new values.
        var parameterList = command.Parameters;
        var same = parameterList.Count == parameters.Length;
        for (var i = 0; same && i < parameters.Length; i++) same = parameterList[i].ParameterName == parameters[i].Name;
        if (same)
        {
            for (var i = 0; i < parameters.Length; i++) parameterList[i].Value = parameters[i].Value ?? DBNull.Value;
        }
        else
        {
            parameterList.Clear();
            foreach (var (name, value) in parameters) parameterList.AddWithValue(name, value ?? DBNull.Value);
        }
        return command;
    }

    private void End()
    {
        transaction?.Dispose();
        transaction = null;
        ChainHead = null;
    }
}
