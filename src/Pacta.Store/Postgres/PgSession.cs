using Npgsql;

namespace Pacta.Store.Postgres;

/// <summary>
/// One connection of the store's data source, in a transaction of its own: SQL with named parameters
/// (<c>@name</c>), results read row by row. A read-only session reads one snapshot (REPEATABLE READ), so a read of
/// several statements never sees half a write; a writing one first takes the database's write lock
/// (<see cref="PostgresStore.WriteLockKey"/>), so writes take turns across processes as in a SQLite file.
/// </summary>
internal sealed class PgSession : IDisposable, ISqlSession
{
    private readonly NpgsqlConnection connection;
    private NpgsqlTransaction? transaction;

    /// <summary>How long <see cref="Begin"/> waits for the write lock; longer, and <see cref="StoreBusyException"/>.</summary>
    private readonly TimeSpan lockWait;

    private PgSession(NpgsqlConnection connection, TimeSpan lockWait)
    {
        this.connection = connection;
        this.lockWait = lockWait;
    }

    public static PgSession ForReading(NpgsqlDataSource source)
    {
        var session = new PgSession(source.OpenConnection(), TimeSpan.Zero);
        try
        {
            session.transaction = session.connection.BeginTransaction(System.Data.IsolationLevel.RepeatableRead);
            session.Execute("SET TRANSACTION READ ONLY");
        }
        catch
        {
            session.Dispose();
            throw;
        }
        return session;
    }

    /// <summary>A session that writes; <paramref name="lockWait"/> is how long it waits for the write lock (30 s by default).</summary>
    public static PgSession ForWriting(NpgsqlDataSource source, TimeSpan? lockWait = null)
    {
        var session = new PgSession(source.OpenConnection(), lockWait ?? StoreBusyException.WriterWait);
        try
        {
            session.Begin();
        }
        catch
        {
            session.Dispose();
            throw;
        }
        return session;
    }

    public bool InTransaction => transaction is not null;

    /// <summary>
    /// The change log's head as this write transaction has moved it (the last number handed out and the last link), read
    /// once per transaction after the write lock is taken (<see cref="PostgresStore.NextLink"/>); null until then. When
    /// it moved, <see cref="Commit"/> writes its number to <c>pacta_meta</c> in the same transaction.
    /// </summary>
    public (long Sequence, byte[] Hash)? ChainHead { get; set; }

    /// <summary>Whether this transaction handed out change numbers (so the counter in <c>pacta_meta</c> must follow).</summary>
    public bool ChainMoved { get; set; }

    /// <summary>Starts a write transaction and waits for the database's write lock, which the transaction holds until it ends.</summary>
    public void Begin()
    {
        if (transaction is not null) throw new InvalidOperationException("a transaction is already open");
        transaction = connection.BeginTransaction(System.Data.IsolationLevel.ReadCommitted);
        // The lock's wait is bounded by the server (lock_timeout, for this transaction), in the same round trip; the
        // command's own timeout is set past it, so the server's refusal is what comes back.
        using (var batch = new NpgsqlBatch(connection, transaction))
        {
            var waitMs = Math.Max(1, (long)lockWait.TotalMilliseconds);
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"SET LOCAL lock_timeout = {waitMs}"));
            var lockCommand = new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(@key)");
            lockCommand.Parameters.Add(new NpgsqlParameter("key", PostgresStore.WriteLockKey));
            batch.BatchCommands.Add(lockCommand);
            batch.Timeout = (int)Math.Ceiling(lockWait.TotalSeconds) + 30;
            try
            {
                batch.ExecuteNonQuery();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
            {
                Rollback();
                throw StoreBusyException.Waited(Location, lockWait, e);
            }
        }
        // Another writer may have appended since the last transaction of this session: read the head afresh.
        ChainHead = null;
        ChainMoved = false;
    }

    public void Commit()
    {
        if (ChainMoved && ChainHead is { } head)
        {
            Execute("INSERT INTO pacta_meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                ("key", PostgresStore.ChangeCounterKey), ("value", head.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            ChainMoved = false;
        }
        transaction?.Commit();
        transaction?.Dispose();
        transaction = null;
    }

    public void Rollback()
    {
        ChainHead = null;
        ChainMoved = false;
        transaction?.Rollback();
        transaction?.Dispose();
        transaction = null;
    }

    /// <summary>The database as messages name it, without the password (as <see cref="PostgresStore.Location"/>).</summary>
    private string Location => $"postgresql://{connection.UserName}{(connection.UserName is null ? "" : "@")}{connection.Host}:{connection.Port}/{connection.Database}";

    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public List<T> Query<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }

    List<T> ISqlSession.Query<T>(string sql, Func<System.Data.Common.DbDataReader, T> read, params (string Name, object? Value)[] parameters) =>
        Query(sql, r => read(r), parameters);

    IEnumerable<T> ISqlSession.Stream<T>(string sql, Func<System.Data.Common.DbDataReader, T> read) => Stream(sql, r => read(r));

    /// <summary>Rows read one at a time as the server sends them, for a result too large to hold (no other statement may run meanwhile).</summary>
    public IEnumerable<T> Stream<T>(string sql, Func<NpgsqlDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(sql, parameters);
        using var reader = command.ExecuteReader();
        while (reader.Read()) yield return read(reader);
    }

    /// <summary>Runs many statements in one round trip, in order.</summary>
    public void ExecuteBatch(IReadOnlyList<(string Sql, (string Name, object? Value)[] Parameters)> statements)
    {
        if (statements.Count == 0) return;
        using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (sql, parameters) in statements)
        {
            var command = new NpgsqlBatchCommand(sql);
            foreach (var (name, value) in parameters) command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
            batch.BatchCommands.Add(command);
        }
        batch.ExecuteNonQuery();
    }

    public NpgsqlBinaryImporter BeginCopy(string copyFromStdinBinary) => connection.BeginBinaryImport(copyFromStdinBinary);

    private NpgsqlCommand Command(string sql, (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters) command.Parameters.Add(new NpgsqlParameter(name, value ?? DBNull.Value));
        return command;
    }

    public void Dispose()
    {
        try
        {
            transaction?.Rollback();
        }
        catch (NpgsqlException)
        {
            // The connection is broken: closing it below ends the transaction on the server.
        }
        transaction?.Dispose();
        connection.Dispose();
    }
}
