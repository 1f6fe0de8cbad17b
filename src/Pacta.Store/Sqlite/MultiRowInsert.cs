using System.Runtime.InteropServices;

namespace Pacta.Store.Sqlite;

/// <summary>
/// Rows for one table, gathered and written many to a statement: <c>INSERT … VALUES (…), (…), …</c>. SQLite's
/// work for a small row is a fraction of what running a statement costs, so an import writes its rows in
/// statements of <see cref="InsertSql.RowsPerStatement"/>; what is left at <see cref="Flush"/> goes row by row.
/// Nothing is written before <see cref="Flush"/>: the caller flushes tables in an order their keys allow.
/// The statements say <c>INSERT OR FAIL</c>: a failing row then stops its statement without undoing the rows before
/// it, so SQLite need not copy every page the statement touches to a statement journal first (with foreign keys
/// off too: see <see cref="SqliteStore.EventImport"/>). A failure is a fault that ends the import, and its
/// transaction is rolled back whole.
/// </summary>
internal sealed class MultiRowInsert(StoreConnection db, InsertSql sql)
{
    private readonly List<SqlValue> values = [];

    /// <summary>Adds one row's values, one per <c>?</c> of the row, in order.</summary>
    public void Add(params ReadOnlySpan<SqlValue> row)
    {
        if (row.Length != sql.ValuesPerRow) throw new ArgumentException($"a row of '{sql.One}' has {sql.ValuesPerRow} values, not {row.Length}", nameof(row));
        values.AddRange(row);
    }

    /// <summary>Writes the rows gathered so far.</summary>
    public void Flush()
    {
        var all = CollectionsMarshal.AsSpan(values);
        var full = sql.ValuesPerRow * InsertSql.RowsPerStatement;
        var at = 0;
        for (; all.Length - at >= full; at += full) db.Raw(sql.Many).ExecuteWith(all.Slice(at, full));
        for (; at < all.Length; at += sql.ValuesPerRow) db.Raw(sql.One).ExecuteWith(all.Slice(at, sql.ValuesPerRow));
        values.Clear();
    }
}

/// <summary>An INSERT of one row (<paramref name="head"/> then <paramref name="row"/>, with a <c>?</c> per value) and of many.</summary>
internal sealed class InsertSql(string head, string row)
{
    public const int RowsPerStatement = 64;

    public int ValuesPerRow { get; } = row.Count(c => c == '?');

    public string One { get; } = $"{head} {row}";

    public string Many { get; } = $"{head} {string.Join(", ", Enumerable.Repeat(row, RowsPerStatement))}";
}
