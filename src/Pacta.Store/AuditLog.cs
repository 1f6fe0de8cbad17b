using System.Data.Common;

namespace Pacta.Store;

/// <summary>
/// What both stores read of their change log to show its head and to verify it (<see cref="AuditVerifier"/>), through
/// the session interface they share. Each store reads its own rows of changes (<see cref="AuditRow"/>), which it keeps
/// in its own way, and knows the last number it handed out.
/// </summary>
internal static class AuditLog
{
    /// <summary>The log's last entry: its number, its hash and how many changes the log holds; the genesis hash when it is empty.</summary>
    public static AuditHead Head(ISqlSession db)
    {
        var rows = db.Query("SELECT seq, hash, (SELECT COUNT(*) FROM change) FROM change ORDER BY seq DESC LIMIT 1",
            r => new AuditHead(r.GetInt64(2), r.GetInt64(0), r.IsDBNull(1) ? "" : AuditChain.Hex((byte[])r.GetValue(1))));
        return rows.Count == 0 ? new AuditHead(0, 0, AuditChain.GenesisHex) : rows[0];
    }

    /// <summary>
    /// The head a write transaction links its first change to: the highest number the store has handed out
    /// (<paramref name="handedOut"/>, or the last row's when that is higher), so that a number of a deleted row is never
    /// given again, and the last row's hash (the genesis hash when there is no row, or it has none).
    /// </summary>
    public static (long Sequence, byte[] Hash) ChainHead(ISqlSession db, long handedOut)
    {
        var last = db.Query("SELECT seq, hash FROM change ORDER BY seq DESC LIMIT 1",
            r => (Sequence: r.GetInt64(0), Hash: r.IsDBNull(1) ? null : (byte[])r.GetValue(1)));
        var previous = last.Count == 0 || last[0].Hash is not { Length: AuditChain.HashLength } stored ? AuditChain.Genesis.ToArray() : stored;
        return (Math.Max(handedOut, last.Count == 0 ? 0 : last[0].Sequence), previous);
    }

    /// <summary>
    /// Recomputes the hash chain from the first change (<paramref name="changes"/>, in order), then checks each record
    /// against its last change, and that the log reaches the last number the store handed out (asked once the changes are read).
    /// </summary>
    public static AuditReport Verify(ISqlSession db, IEnumerable<AuditRow> changes, Func<long> lastHandedOut, byte[]? expectedHead, Action<long>? progress)
    {
        var verifier = new AuditVerifier(expectedHead);
        foreach (var row in changes)
        {
            if (row.Entry is { } entry) verifier.Add(entry);
            else verifier.Unreadable(row.Sequence, row.RecordId, row.Hash, row.Problem!);
            if (verifier.Changes % 10_000 == 0) progress?.Invoke(verifier.Changes);
        }
        progress?.Invoke(verifier.Changes);
        foreach (var (id, body, sequence, operation, after) in db.Stream(LastChangesSql, r => (
                     r.GetString(0), r.IsDBNull(4) ? null : r.GetString(4), r.IsDBNull(1) ? (long?)null : r.GetInt64(1),
                     r.IsDBNull(2) ? null : r.GetString(2), r.IsDBNull(3) ? null : r.GetString(3))))
        {
            verifier.CheckRecord(id, body, sequence, operation is null ? null : TryOperation(operation), after);
        }
        verifier.CheckTail(lastHandedOut());
        return verifier.Finish();
    }

    /// <summary>
    /// A row of the log as a store read it; a row no store writes (an unknown kind, a malformed id) is kept as a
    /// problem, not thrown: <paramref name="entry"/> reads the rest of the row.
    /// </summary>
    public static AuditRow ReadRow(DbDataReader r, Func<DbDataReader, byte[]?, AuditEntry> entry)
    {
        var sequence = r.GetInt64(0);
        var recordId = r.IsDBNull(5) ? null : Convert.ToString(r.GetValue(5), System.Globalization.CultureInfo.InvariantCulture);
        var hash = r.GetValue(10) as byte[];
        try
        {
            return new AuditRow(sequence, recordId, hash, entry(r, hash), null);
        }
        catch (Exception e) when (e is StoreException or ArgumentException or FormatException or InvalidCastException)
        {
            return new AuditRow(sequence, recordId, hash, null, e.Message);
        }
    }

    /// <summary>Each record id the log names, with its last change and its body now (null when it has none), then each record the log never names.</summary>
    private const string LastChangesSql =
        """
        SELECT l.record_id, l.seq, c.operation, c.after, r.body
        FROM (SELECT record_id, MAX(seq) AS seq FROM change GROUP BY record_id) AS l
        JOIN change AS c ON c.seq = l.seq
        LEFT JOIN record AS r ON r.id = l.record_id
        UNION ALL
        SELECT r.id, NULL, NULL, NULL, r.body FROM record AS r WHERE NOT EXISTS (SELECT 1 FROM change AS c WHERE c.record_id = r.id)
        """;

    private static ChangeOperation? TryOperation(string text)
    {
        try
        {
            return Vocabulary.Operation(text);
        }
        catch (StoreException)
        {
            return null;
        }
    }
}

/// <summary>A row of the change log: its entry, or why it could not be read.</summary>
internal sealed record AuditRow(long Sequence, string? RecordId, byte[]? Hash, AuditEntry? Entry, string? Problem);
