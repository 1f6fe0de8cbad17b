namespace Pacta.Store.Sqlite.Migrations;

/// <summary>
/// Version 6: the change log becomes a hash chain. <c>change.hash</c> holds each change's link (<see cref="AuditChain"/>:
/// SHA-256 of the previous link and the change, its full bodies included), computed here for every change already in
/// the store, in sequence order, a page at a time; from then on every write appends the next link.
/// </summary>
internal static class AuditChainColumn
{
    private const int Page = 5000;

    public static void Apply(StoreConnection db)
    {
        db.Execute("ALTER TABLE change ADD COLUMN hash BLOB");
        var previous = AuditChain.Genesis.ToArray();
        var after = 0L;
        while (true)
        {
            var page = db.Query(
                $"""
                SELECT c.seq, c.recorded_at, c.author, c.command, c.reason, c.record_id, c.kind, c.operation, c.before, {SqliteStore.CreatedBodySql}
                FROM change AS c WHERE c.seq > $after ORDER BY c.seq LIMIT $page
                """,
                r => (Sequence: r.GetInt64(0), At: r.GetString(1), Author: r.GetString(2), Command: r.GetString(3), Reason: r.IsDBNull(4) ? null : r.GetString(4),
                    RecordId: r.GetString(5), Kind: r.GetString(6), Operation: r.GetString(7), Before: r.IsDBNull(8) ? null : r.GetString(8),
                    After: r.IsDBNull(9) ? null : r.GetString(9)),
                ("$after", after), ("$page", Page));
            if (page.Count == 0) return;
            foreach (var c in page)
            {
                var hash = AuditChain.Next(previous, c.Sequence, Vocabulary.Instant(c.At), c.Author, c.Command, c.Reason, c.RecordId,
                    Vocabulary.Kind(c.Kind), Vocabulary.Operation(c.Operation), AuditChain.BodyHash(c.Before), AuditChain.BodyHash(c.After));
                db.Execute("UPDATE change SET hash = $hash WHERE seq = $seq", ("$hash", hash), ("$seq", c.Sequence));
                previous = hash;
                after = c.Sequence;
            }
        }
    }
}
