using Npgsql;

namespace Pacta.Store.Postgres;

/// <summary>
/// One connection of the store's data source, in a transaction of its own: SQL with named parameters
/// (<c>@name</c>), results read row by row. A read-only session reads one snapshot (REPEATABLE READ), so a read of
/// several statements never sees half a write; a writing one first takes the database's write lock
/// (<see cref="PostgresStore.WriteLockKey"/>), so writes take turns across processes as in a SQLite file.
/// </summary>
internal sealed class PgSession : IDisposable
{
    private readonly NpgsqlConnection connection;
    private NpgsqlTransaction? transaction;

    private PgSession(NpgsqlConnection connection) => this.connection = connection;

    public static PgSession ForReading(NpgsqlDataSource source)
    {
        var session = new PgSession(source.OpenConnection());
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

    public static PgSession ForWriting(NpgsqlDataSource source)
    {
        var session = new PgSession(source.OpenConnection());
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

    /// <summary>Starts a write transaction and waits for the database's write lock, which the transaction holds until it ends.</summary>
    public void Begin()
    {
        if (transaction is not null) throw new InvalidOperationException("a transaction is already open");
        transaction = connection.BeginTransaction(System.Data.IsolationLevel.ReadCommitted);
        Execute("SELECT pg_advisory_xact_lock(@key)", ("key", PostgresStore.WriteLockKey));
    }

    public void Commit()
    {
        transaction?.Commit();
        transaction?.Dispose();
        transaction = null;
    }

    public void Rollback()
    {
        transaction?.Rollback();
        transaction?.Dispose();
        transaction = null;
    }

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
