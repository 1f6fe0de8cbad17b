using Pacta.Model;

namespace Pacta.Store.Postgres;

public sealed partial class PostgresStore : IRecordKeeping
{
    /// <summary>
    /// Writes records in one transaction, as the SQLite store does (<see cref="SqliteStore.Write"/>): new ones inserted,
    /// changed ones updated, unchanged ones left alone; every reference must resolve, or nothing is written.
    /// </summary>
    public WriteSummary Write(IReadOnlyCollection<IRecord> records, ChangeContext context, IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(context);
        RecordBook.CheckBatch(records);
        return Writing(db => this.records.Write(db, records, context, settings));
    }

    /// <summary>Deletes records in one transaction; refuses (deleting nothing) while another record still cites one of them or one of their obligations.</summary>
    public WriteSummary Delete(IReadOnlyCollection<RecordId> ids, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(context);
        if (ids.Any(id => id is null)) throw new ArgumentException("an id to delete is missing", nameof(ids));
        return Writing(db => records.Delete(db, ids, context));
    }

    bool IRecordKeeping.KeepsDerivedRows => true;

    RecordKind? IRecordKeeping.Resolve(ISqlSession db, RecordId id) => RecordBook.KindOf(db, id);

    void IRecordKeeping.RecordChange(ISqlSession db, string recordedAt, ChangeContext context, RecordId id, RecordKind kind, ChangeOperation operation, string? before, string? after) =>
        RecordChange((PgSession)db, recordedAt, context, id, kind, operation, before, after);

    void IRecordKeeping.AddRows(ISqlSession db, IRecord record) => PostgresRows.Add((PgSession)db, record);

    void IRecordKeeping.RemoveRows(ISqlSession db, RecordId id) => PostgresRows.Remove((PgSession)db, id);

    /// <summary>
    /// Appends a change to the history (a creation with its body: nothing here needs to save that space), numbered and
    /// linked to the chain in this write transaction (<see cref="NextLink"/>).
    /// </summary>
    private static void RecordChange(PgSession db, string recordedAt, ChangeContext context, RecordId id, RecordKind kind, ChangeOperation operation, string? before, string? after)
    {
        var (sequence, hash) = NextLink(db, recordedAt, context, id.Value, kind, operation, AuditChain.BodyHash(before), AuditChain.BodyHash(after));
        db.Execute(
            """
            INSERT INTO change (seq, recorded_at, author, command, reason, record_id, kind, operation, before, after, hash)
            VALUES (@seq, @at, @author, @command, @reason, @id, @kind, @operation, @before, @after, @hash)
            """,
            ("seq", sequence), ("at", recordedAt), ("author", context.Author), ("command", context.Command), ("reason", context.Reason),
            ("id", id.Value), ("kind", Vocabulary.Text(kind)), ("operation", Vocabulary.Text(operation)),
            ("before", before), ("after", after), ("hash", hash));
    }
}
