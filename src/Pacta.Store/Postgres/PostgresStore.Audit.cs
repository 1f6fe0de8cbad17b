using System.Globalization;
using Pacta.Model;

namespace Pacta.Store.Postgres;

public sealed partial class PostgresStore
{
    /// <summary>
    /// The key in <c>pacta_meta</c> of the last change number the store handed out, written in the transaction that
    /// hands it out: the counterpart of SQLite's <c>sqlite_sequence</c>, with which <see cref="VerifyAudit"/> finds a log
    /// whose last changes were deleted.
    /// </summary>
    internal const string ChangeCounterKey = "change-counter";

    /// <summary>The log's last entry: its number, its hash and how many changes the log holds; the genesis hash when it is empty.</summary>
    public AuditHead AuditHead() => Reading(AuditLog.Head);

    /// <summary>
    /// Recomputes the hash chain from the first change in one snapshot of the database, then checks each record against
    /// its last change, and that the log reaches the last number the store handed out (<see cref="ChangeCounterKey"/>).
    /// Every creation keeps its body in its own row here, so each change is checked from its row alone.
    /// </summary>
    public AuditReport VerifyAudit(byte[]? expectedHead = null, Action<long>? progress = null) => Reading(db =>
        AuditLog.Verify(db, db.Stream($"{SelectChange} ORDER BY c.seq", r => AuditLog.ReadRow(r, (row, hash) => new AuditEntry(RecordBook.ReadChange(row), hash))),
            () => ChangeCounter(db), expectedHead, progress));

    /// <summary>
    /// The number and hash of the next change: the head is read once per write transaction, after the write lock is
    /// taken, then kept on the session (<see cref="PgSession.ChainHead"/>), whose commit writes the number handed out to
    /// <c>pacta_meta</c>. The number is one past the highest ever handed out, so a number of a deleted row is never given
    /// again, and a rolled-back write gives its numbers back (no sequence burns them); the link is to the last entry there is.
    /// </summary>
    internal static (long Sequence, byte[] Hash) NextLink(PgSession db, string recordedAt, ChangeContext context, string recordId, RecordKind kind,
        ChangeOperation operation, byte[]? beforeHash, byte[]? afterHash)
    {
        var (last, previous) = db.ChainHead ??= AuditLog.ChainHead(db, ChangeCounter(db));
        var sequence = last + 1;
        var hash = AuditChain.Next(previous, sequence, Vocabulary.Instant(recordedAt), context.Author, context.Command, context.Reason,
            recordId, kind, operation, beforeHash, afterHash);
        db.ChainHead = (sequence, hash);
        db.ChainMoved = true;
        return (sequence, hash);
    }

    private static long ChangeCounter(PgSession db) =>
        db.Scalar("SELECT value FROM pacta_meta WHERE key = @key", ("key", ChangeCounterKey)) is string text
        && long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var counter)
            ? counter
            : 0;

    /// <summary>
    /// Brings a store made before the chain (schema 5, or 6 by a build that did not yet keep the chain on PostgreSQL: its
    /// <c>change</c> table has no <c>hash</c>) to the chain, in the opening transaction: the column is added, the numbers
    /// stop coming from an identity sequence, and every change's link is computed in sequence order.
    /// </summary>
    private static void AddAuditChain(PgSession db)
    {
        db.Execute("ALTER TABLE change ADD COLUMN IF NOT EXISTS hash bytea");
        db.Execute("ALTER TABLE change ALTER COLUMN seq DROP IDENTITY IF EXISTS");
        var links = new List<(long Sequence, byte[] Hash)>();
        var previous = AuditChain.Genesis.ToArray();
        foreach (var change in db.Stream($"{SelectChange} ORDER BY c.seq", RecordBook.ReadChange))
        {
            previous = AuditChain.Next(previous, change);
            links.Add((change.Sequence, previous));
        }
        foreach (var chunk in links.Chunk(10_000))
        {
            db.Execute("UPDATE change SET hash = n.h FROM unnest(@seqs::bigint[], @hashes::bytea[]) AS n (s, h) WHERE change.seq = n.s",
                ("seqs", chunk.Select(l => l.Sequence).ToArray()), ("hashes", chunk.Select(l => l.Hash).ToArray()));
        }
        // Numbers burnt by rolled-back writes before the upgrade are not changes: the counter starts at the last there is.
        db.Execute("INSERT INTO pacta_meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            ("key", ChangeCounterKey), ("value", (links.Count == 0 ? 0 : links[^1].Sequence).ToString(CultureInfo.InvariantCulture)));
    }

    private static bool HasHashColumn(PgSession db) =>
        db.Scalar("SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = 'change' AND column_name = 'hash')") is true;
}
