using Microsoft.Data.Sqlite;

namespace Pacta.Store.Sqlite;

/// <summary>
/// The store's one connection to its file. Runs SQL with named parameters inside the open transaction, and
/// keeps each statement prepared for reuse: an import writes thousands of records through the same few statements.
/// </summary>
internal sealed class StoreConnection : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly Dictionary<string, SqliteCommand> prepared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RawStatement> raw = new(StringComparer.Ordinal);
    private SqliteTransaction? transaction;

    public StoreConnection(string path)
    {
        connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // The store holds its connection for its lifetime; closing it must release the file.
            Pooling = false,
        }.ToString());
        connection.Open();
        // A rollback journal rather than WAL keeps the store one file at rest; FULL syncs every commit.
        Execute("PRAGMA foreign_keys = ON");
        Execute("PRAGMA journal_mode = DELETE");
        Execute("PRAGMA synchronous = FULL");
    }

    /// <summary>The schema version the file is at, as the migrator last left it: what the derived indexes may write to.</summary>
    public int SchemaVersion { get; set; }

    public void Begin() =>
        transaction = transaction is null
            ? connection.BeginTransaction(deferred: false)
            : throw new InvalidOperationException("a transaction is already open");

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
    }
}
