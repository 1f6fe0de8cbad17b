namespace Pacta.Store.Sqlite.Migrations;

/// <summary>
/// Version 3: <c>event_origin</c>, the dataset rows events were imported from, keyed by dataset and the row's
/// own id, with the digest of what the row said. It is derived from event bodies like the other indexes, except
/// for <c>run</c>, the import that last saw the row: how an import tells a row repeated in its file from a
/// row an earlier import wrote.
/// </summary>
internal static class EventOriginTable
{
    public static void Apply(StoreConnection db)
    {
        db.Execute(
            """
            CREATE TABLE event_origin (
                dataset TEXT NOT NULL,
                key TEXT NOT NULL,
                event_id TEXT NOT NULL REFERENCES record (id) ON DELETE CASCADE,
                digest TEXT NOT NULL,
                run INTEGER NOT NULL DEFAULT 0,
                PRIMARY KEY (dataset, key)
            ) WITHOUT ROWID
            """);
        db.Execute("CREATE INDEX event_origin_event ON event_origin (event_id)");
        var events = db.Stream("SELECT body FROM record WHERE kind = 'event' ORDER BY id", r => (Model.Event)CanonicalJson.Deserialize(Model.RecordKind.Event, r.GetString(0)));
        foreach (var @event in events) DerivedIndexes.AddOrigins(db, @event);
    }
}
