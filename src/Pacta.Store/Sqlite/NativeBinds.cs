using System.Runtime.InteropServices;

namespace Pacta.Store.Sqlite;

/// <summary>
/// SQLite's bind functions called straight, by the statement's pointer: the same native library the SQLite provider
/// loads (<c>e_sqlite3</c>, resolved by name the same way, so one copy of SQLite is in the process), without its
/// interface call and safe-handle reference counting per value. An import binds some thirty values per event, and on the
/// writing thread that bookkeeping cost more than the binding. Texts and blobs are copied by SQLite
/// (<c>SQLITE_TRANSIENT</c>), as the provider has them copied.
/// </summary>
internal static unsafe partial class NativeBinds
{
    private const string Library = "e_sqlite3";

    /// <summary>SQLITE_TRANSIENT: SQLite takes its own copy before the call returns.</summary>
    private static readonly nint Transient = -1;

    public static int Null(nint statement, int at) => sqlite3_bind_null(statement, at);

    public static int Integer(nint statement, int at, long value) => sqlite3_bind_int64(statement, at, value);

    public static int Real(nint statement, int at, double value) => sqlite3_bind_double(statement, at, value);

    /// <summary>UTF-8 text. Like the provider, an empty span passes no pointer, which SQLite binds as NULL.</summary>
    public static int Text(nint statement, int at, ReadOnlySpan<byte> utf8)
    {
        fixed (byte* bytes = utf8) return sqlite3_bind_text(statement, at, bytes, utf8.Length, Transient);
    }

    /// <summary>A blob. Like the provider, an empty span passes no pointer, which SQLite binds as NULL.</summary>
    public static int Blob(nint statement, int at, ReadOnlySpan<byte> blob)
    {
        fixed (byte* bytes = blob) return sqlite3_bind_blob(statement, at, bytes, blob.Length, Transient);
    }

    [LibraryImport(Library)]
    private static partial int sqlite3_bind_null(nint statement, int index);

    [LibraryImport(Library)]
    private static partial int sqlite3_bind_int64(nint statement, int index, long value);

    [LibraryImport(Library)]
    private static partial int sqlite3_bind_double(nint statement, int index, double value);

    [LibraryImport(Library)]
    private static partial int sqlite3_bind_text(nint statement, int index, byte* text, int length, nint destructor);

    [LibraryImport(Library)]
    private static partial int sqlite3_bind_blob(nint statement, int index, byte* blob, int length, nint destructor);
}
