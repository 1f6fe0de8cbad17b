using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Pacta.Store.Sqlite;

/// <summary>
/// One prepared statement run straight through SQLite's C interface, for the statements the store runs most (every
/// write, every key lookup): a million imported events make some ten million of them, and going through
/// <see cref="SqliteCommand"/> costs several times what SQLite itself spends on a small insert. Values are bound by
/// position; the names of the last call are kept, so a statement run again with the same names binds nothing twice.
/// </summary>
internal sealed class RawStatement : IDisposable
{
    private readonly sqlite3 db;
    private readonly sqlite3_stmt statement;
    private readonly nint handle;
    private readonly string sql;
    private string[] names = [];
    private int[] positions = [];

    public RawStatement(sqlite3 db, string sql)
    {
        this.db = db;
        this.sql = sql;
        var rc = raw.sqlite3_prepare_v2(db, sql, out statement);
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, db);
        // The statement lives as long as this object, which alone disposes it: its pointer stays valid until then.
        handle = statement.DangerousGetHandle();
    }

    /// <summary>Runs the statement to its end; the number of rows it inserted, updated or deleted.</summary>
    public int Execute(ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        Bind(parameters);
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(statement)) == raw.SQLITE_ROW) { }
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, db);
            return raw.sqlite3_changes(db);
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    /// <summary>Runs the statement with its <c>?</c> parameters bound to <paramref name="values"/> in order; the number of rows it changed.</summary>
    public int ExecuteWith(ReadOnlySpan<SqlValue> values)
    {
        for (var i = 0; i < values.Length; i++) Bind(i + 1, values[i]);
        try
        {
            var rc = raw.sqlite3_step(statement);
            if (rc != raw.SQLITE_DONE) SqliteException.ThrowExceptionForRC(rc, db);
            return raw.sqlite3_changes(db);
        }
        finally
        {
            raw.sqlite3_reset(statement);
        }
    }

    /// <summary>The first column of the first row (long, double, string, byte[]), or null when there is no row or it is NULL.</summary>
    public object? Scalar(ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        Bind(parameters);
        try
        {
            var rc = raw.sqlite3_step(statement);
            if (rc == raw.SQLITE_DONE) return null;
            if (rc != raw.SQLITE_ROW) SqliteException.ThrowExceptionForRC(rc, db);
            return raw.sqlite3_column_type(statement, 0) switch
            {
                raw.SQLITE_INTEGER => raw.sqlite3_column_int64(statement, 0),
                raw.SQLITE_FLOAT => raw.sqlite3_column_double(statement, 0),
                raw.SQLITE_TEXT => raw.sqlite3_column_text(statement, 0).utf8_to_string(),
                raw.SQLITE_BLOB => raw.sqlite3_column_blob(statement, 0).ToArray(),
                _ => null,
            };
        }
        finally
        {
            // Resetting completes the statement: an INSERT … RETURNING has made its change by its first row.
            raw.sqlite3_reset(statement);
        }
    }

    public void Dispose() => statement.Dispose();

    private void Bind(ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!SameNames(parameters))
        {
            raw.sqlite3_clear_bindings(statement);
            names = new string[parameters.Length];
            positions = new int[parameters.Length];
            for (var i = 0; i < parameters.Length; i++)
            {
                names[i] = parameters[i].Name;
                positions[i] = raw.sqlite3_bind_parameter_index(statement, parameters[i].Name);
                if (positions[i] == 0) throw new ArgumentException($"the statement has no parameter {parameters[i].Name}: {sql}", nameof(parameters));
            }
        }
        for (var i = 0; i < parameters.Length; i++) Bind(positions[i], parameters[i].Value, parameters[i].Name);
    }

    private void Bind(int at, object? value, string name)
    {
        var rc = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(statement, at),
            string text => BindText(at, text),
            long number => raw.sqlite3_bind_int64(statement, at, number),
            int number => raw.sqlite3_bind_int64(statement, at, number),
            bool flag => raw.sqlite3_bind_int64(statement, at, flag ? 1 : 0),
            double number => raw.sqlite3_bind_double(statement, at, number),
            byte[] bytes => raw.sqlite3_bind_blob(statement, at, bytes),
            Utf8Text text => raw.sqlite3_bind_text(statement, at, text.Bytes),
            var other => throw new ArgumentException($"{name}: a {other.GetType().Name} cannot be bound"),
        };
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, db);
    }

    private void Bind(int at, in SqlValue value)
    {
        var rc = value.Type switch
        {
            SqlValue.Kind.Null => NativeBinds.Null(handle, at),
            SqlValue.Kind.Integer => NativeBinds.Integer(handle, at, value.Integer),
            SqlValue.Kind.Real => NativeBinds.Real(handle, at, value.Real),
            SqlValue.Kind.Utf8 => NativeBinds.Text(handle, at, value.Utf8),
            SqlValue.Kind.Text => BindText(at, value.Text),
            _ => NativeBinds.Blob(handle, at, value.Blob),
        };
        if (rc != raw.SQLITE_OK) SqliteException.ThrowExceptionForRC(rc, db);
    }

    private bool SameNames(ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (names.Length != parameters.Length) return false;
        for (var i = 0; i < names.Length; i++)
        {
            if (!ReferenceEquals(names[i], parameters[i].Name) && names[i] != parameters[i].Name) return false;
        }
        return true;
    }

    private int BindText(int at, string text)
    {
        // Short text goes through a buffer on the stack; SQLite copies it (SQLITE_TRANSIENT).
        var length = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (length <= 1024)
        {
            Span<byte> buffer = stackalloc byte[length];
            return NativeBinds.Text(handle, at, buffer[..Encoding.UTF8.GetBytes(text, buffer)]);
        }
        return NativeBinds.Text(handle, at, Encoding.UTF8.GetBytes(text));
    }
}

/// <summary>Text already encoded as UTF-8, bound as TEXT (a plain byte array binds as a BLOB).</summary>
internal sealed record Utf8Text(byte[] Bytes)
{
    public static Utf8Text Of(string text) => new(Encoding.UTF8.GetBytes(text));
}

/// <summary>
/// One value for a <c>?</c> of a <see cref="RawStatement"/>, typed without boxing: the rows of an import hold some thirty
/// of them per event, and a boxed number or a string encoded at each bind cost the writing thread more than binding does.
/// </summary>
internal readonly struct SqlValue
{
    internal enum Kind : byte { Null, Integer, Real, Utf8, Text, Blob }

    private readonly object? reference;
    private readonly long bits;

    private SqlValue(Kind type, long bits, object? reference)
    {
        Type = type;
        this.bits = bits;
        this.reference = reference;
    }

    public static SqlValue Null => default;

    public Kind Type { get; }

    public long Integer => bits;

    public double Real => BitConverter.Int64BitsToDouble(bits);

    public ReadOnlySpan<byte> Utf8 => ((Utf8Text)reference!).Bytes;

    public string Text => (string)reference!;

    public byte[] Blob => (byte[])reference!;

    public static implicit operator SqlValue(long number) => new(Kind.Integer, number, null);

    public static implicit operator SqlValue(long? number) => number is { } n ? n : Null;

    public static implicit operator SqlValue(double number) => new(Kind.Real, BitConverter.DoubleToInt64Bits(number), null);

    public static implicit operator SqlValue(double? number) => number is { } n ? n : Null;

    public static implicit operator SqlValue(Utf8Text? text) => text is null ? Null : new(Kind.Utf8, 0, text);

    public static implicit operator SqlValue(string? text) => text is null ? Null : new(Kind.Text, 0, text);

    public static implicit operator SqlValue(byte[]? bytes) => bytes is null ? Null : new(Kind.Blob, 0, bytes);
}
