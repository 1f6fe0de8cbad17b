using System.Data.Common;
using System.Globalization;
using Pacta.Model;
using Pacta.Store.Sqlite;

namespace Pacta.Store;

public sealed partial class SqliteStore
{
    /// <summary>Version 6 on, every change carries its link of the hash chain (<see cref="AuditChain"/>).</summary>
    private bool HasAuditChain => SchemaVersion >= 6;

    /// <summary>The log's last entry: its number, its hash and how many changes the log holds; the genesis hash when it is empty.</summary>
    public AuditHead AuditHead()
    {
        RequireAuditChain();
        return Reading(AuditLog.Head);
    }

    /// <summary>
    /// Recomputes the hash chain from the first change, in one read of the store as one commit left it; then checks each
    /// record against its last change, and that no number the store handed out is missing from the log's end
    /// (<c>sqlite_sequence</c>: a rolled-back transaction gives its numbers back in SQLite, so only a deletion leaves it
    /// above the last entry).
    /// </summary>
    /// <param name="expectedHead">A head hash exported earlier (<see cref="AuditHead"/>), which must still be in the log.</param>
    /// <param name="progress">Called with the number of changes checked so far, every few thousand.</param>
    public AuditReport VerifyAudit(byte[]? expectedHead = null, Action<long>? progress = null)
    {
        RequireAuditChain();
        return Reading(db => AuditLog.Verify(db, db.Stream(AuditEntriesSql, r => AuditLog.ReadRow(r, ReadAuditEntry)),
            () => HandedOut(db), expectedHead, progress));
    }

    /// <summary>
    /// The number and hash the next change takes: read from the file once in a write transaction, then kept on the
    /// connection (<see cref="StoreConnection.ChainHead"/>). The number is one past the highest the store has handed
    /// out, so a number of a deleted row is never given again; the link is to the last entry there is.
    /// Only under the gate, in a write transaction. The bodies come as their SHA-256 (<see cref="AuditChain.BodyHash"/>).
    /// </summary>
    internal (long Sequence, byte[] Hash) NextLink(string recordedAt, ChangeContext context, string recordId, RecordKind kind,
        ChangeOperation operation, byte[]? beforeHash, byte[]? afterHash) =>
        NextLink(Vocabulary.Instant(recordedAt), context, recordId, kind, operation, beforeHash, afterHash);

    /// <summary>The same, for a caller that has the instant its text (<see cref="Vocabulary.Text(DateTimeOffset)"/>) was made from.</summary>
    internal (long Sequence, byte[] Hash) NextLink(DateTimeOffset recordedAt, ChangeContext context, string recordId, RecordKind kind,
        ChangeOperation operation, byte[]? beforeHash, byte[]? afterHash)
    {
        var (last, previous) = db.ChainHead ??= AuditLog.ChainHead(db, HandedOut(db));
        var sequence = last + 1;
        var hash = AuditChain.Next(previous, sequence, recordedAt, context.Author, context.Command, context.Reason,
            recordId, kind, operation, beforeHash, afterHash);
        db.ChainHead = (sequence, hash);
        return (sequence, hash);
    }

    /// <summary>The last change number the store handed out (<c>sqlite_sequence</c>: a rolled-back write gives its numbers back).</summary>
    private static long HandedOut(StoreConnection db) =>
        Convert.ToInt64(db.Scalar("SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'change'), 0)"), CultureInfo.InvariantCulture);

    private void RequireAuditChain()
    {
        if (!HasAuditChain)
            throw new InvalidOperationException($"the store is at schema version {SchemaVersion}; the audit chain needs version 6 or later");
    }

    /// <summary>Every change in order, with a creation's body put back and where it came from: the next change's number, or the record.</summary>
    private const string AuditEntriesSql =
        $"""
        SELECT c.seq, c.recorded_at, c.author, c.command, c.reason, c.record_id, c.kind, c.operation, c.before,
               {CreatedBodySql},
               c.hash,
               CASE WHEN c.after IS NULL AND c.operation = 'created'
                    THEN (SELECT n.seq FROM change AS n WHERE n.record_id = c.record_id AND n.seq > c.seq ORDER BY n.seq LIMIT 1) END,
               c.after IS NULL
        FROM change AS c
        ORDER BY c.seq
        """;

    /// <summary>The entry of a row of <see cref="AuditEntriesSql"/>, with where a creation's body is to be found.</summary>
    private static AuditEntry ReadAuditEntry(DbDataReader r, byte[]? hash)
    {
        var next = r.IsDBNull(11) ? (long?)null : r.GetInt64(11);
        var change = RecordBook.ReadChange(r);
        var source = change.Operation == ChangeOperation.Created && r.GetInt64(12) == 1
            ? next is null ? AfterSource.Record : AfterSource.NextChange
            : AfterSource.Row;
        return new AuditEntry(change, hash, source, next);
    }
}
