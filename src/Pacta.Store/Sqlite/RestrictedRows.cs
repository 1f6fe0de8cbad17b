using Pacta.Model;

namespace Pacta.Store.Sqlite;

/// <summary>A record's row in <c>restricted_record</c> (schema version 8): written with the record when it carries a marking, removed with it.</summary>
internal static class RestrictedRows
{
    public static bool HasTable(StoreConnection db) => db.SchemaVersion >= 8;

    public static void Add(StoreConnection db, IRecord record)
    {
        if (!record.IsMarked()) return;
        db.Execute("INSERT INTO restricted_record (id, kind, whole, unlisted) VALUES ($id, $kind, $whole, $unlisted)",
            ("$id", record.Id.Value), ("$kind", Vocabulary.Text(record.Kind)), ("$whole", record.Restricted), ("$unlisted", record.IsUnlisted()));
    }

    public static void Remove(StoreConnection db, RecordId id) =>
        db.Execute("DELETE FROM restricted_record WHERE id = $id", ("$id", id.Value));
}
