using System.Data.Common;

namespace Pacta.Store;

/// <summary>
/// What the parts the two stores share (<see cref="Accounts.AccountBook"/>, <see cref="AuditLog"/>) need of a database session: statements
/// whose parameters are written <c>@name</c> in the SQL and named without the <c>@</c>, and rows read one by one. Both
/// stores' sessions are one: the SQLite connection (<see cref="Sqlite.StoreConnection"/>) and the PostgreSQL session
/// (<see cref="Postgres.PgSession"/>).
/// </summary>
internal interface ISqlSession
{
    /// <summary>Runs a statement; the number of rows it changed.</summary>
    int Execute(string sql, params (string Name, object? Value)[] parameters);

    /// <summary>The first column of the first row; null when there is none or it is NULL.</summary>
    object? Scalar(string sql, params (string Name, object? Value)[] parameters);

    /// <summary>Every row, read before the call returns.</summary>
    List<T> Query<T>(string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters);

    /// <summary>Rows read one at a time, for a result too large to hold; no other statement may run on the session until it ends.</summary>
    IEnumerable<T> Stream<T>(string sql, Func<DbDataReader, T> read);
}

/// <summary>A store as the parts the two stores share see it: reads in a snapshot of their own, and writes in one transaction under the store's write lock.</summary>
internal interface ISqlStore
{
    T Read<T>(Func<ISqlSession, T> work);

    T Write<T>(Func<ISqlSession, T> work);
}
