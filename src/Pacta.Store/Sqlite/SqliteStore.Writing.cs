using Pacta.Model;
using Pacta.Store.Sqlite;

namespace Pacta.Store;

public sealed partial class SqliteStore : IRecordKeeping
{
    /// <summary>
    /// Writes records in one transaction: inserts the new, updates the changed and leaves alone those whose
    /// canonical JSON is unchanged (no write, no history). Then every reference of every written record must
    /// resolve to an id of a kind it allows; if any does not, nothing is written.
    /// </summary>
    /// <exception cref="StoreException">A reference does not resolve, an id is taken by another kind, or an obligation a record cites was dropped.</exception>
    /// <param name="settings">Store settings (such as the imported dataset's description) written in the same transaction.</param>
    public WriteSummary Write(IReadOnlyCollection<IRecord> records, ChangeContext context, IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(context);
        RecordBook.CheckBatch(records);
        return Locked(() => InTransaction(() => this.records.Write(db, records, context, settings)));
    }

    /// <summary>
    /// Deletes records in one transaction. Refuses (deleting nothing) while any other record still cites one
    /// of them or one of their obligations; records deleted together may cite each other.
    /// </summary>
    /// <exception cref="StoreException">An id does not name a record, or a record is still cited.</exception>
    public WriteSummary Delete(IReadOnlyCollection<RecordId> ids, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(context);
        if (ids.Any(id => id is null)) throw new ArgumentException("an id to delete is missing", nameof(ids));
        return Locked(() =>
        {
            RequireDerivedIndexes();
            return InTransaction(() => records.Delete(db, ids, context));
        });
    }

    /// <summary>
    /// Appends a change to the history. From version 4 a creation keeps no copy of the body it made: that body is the
    /// record's until its first update, whose <c>before</c> keeps it (<see cref="SelectChange"/> puts it back). From
    /// version 6 the change takes the next link of the hash chain, which covers the full body all the same.
    /// </summary>
    private void RecordChange(string recordedAt, ChangeContext context, RecordId id, RecordKind kind, ChangeOperation operation, string? before, string? after)
    {
        if (HasAuditChain)
        {
            var (sequence, hash) = NextLink(recordedAt, context, id.Value, kind, operation, AuditChain.BodyHash(before), AuditChain.BodyHash(after));
            db.Execute(
                """
                INSERT INTO change (seq, recorded_at, author, command, reason, record_id, kind, operation, before, after, hash)
                VALUES ($seq, $at, $author, $command, $reason, $id, $kind, $operation, $before, $after, $hash)
                """,
                ("$seq", sequence), ("$at", recordedAt), ("$author", context.Author), ("$command", context.Command), ("$reason", context.Reason),
                ("$id", id.Value), ("$kind", Vocabulary.Text(kind)), ("$operation", Vocabulary.Text(operation)),
                ("$before", before), ("$after", operation == ChangeOperation.Created ? null : after), ("$hash", hash));
            return;
        }
        if (operation == ChangeOperation.Created && SchemaVersion >= 4) after = null;
        db.Execute(
            """
            INSERT INTO change (recorded_at, author, command, reason, record_id, kind, operation, before, after)
            VALUES ($at, $author, $command, $reason, $id, $kind, $operation, $before, $after)
            """,
            ("$at", recordedAt), ("$author", context.Author), ("$command", context.Command), ("$reason", context.Reason),
            ("$id", id.Value), ("$kind", Vocabulary.Text(kind)), ("$operation", Vocabulary.Text(operation)),
            ("$before", before), ("$after", after));
    }

    bool IRecordKeeping.KeepsDerivedRows => HasDerivedIndexes;

    // The store writes on its one writing connection: the session the shared part passes is that one.
    RecordKind? IRecordKeeping.Resolve(ISqlSession _, RecordId id) => Resolve(id);

    void IRecordKeeping.RecordChange(ISqlSession _, string recordedAt, ChangeContext context, RecordId id, RecordKind kind, ChangeOperation operation, string? before, string? after) =>
        RecordChange(recordedAt, context, id, kind, operation, before, after);

    void IRecordKeeping.AddRows(ISqlSession _, IRecord record) => DerivedIndexes.Add(db, record);

    void IRecordKeeping.RemoveRows(ISqlSession _, RecordId id) => DerivedIndexes.Remove(db, id);
}
