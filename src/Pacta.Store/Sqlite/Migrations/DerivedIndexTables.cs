namespace Pacta.Store.Sqlite.Migrations;

/// <summary>
/// Version 2: the tables <see cref="DerivedIndexes"/> keeps, filled from the bodies already in the store.
/// The R*Trees are keyed by an INTEGER PRIMARY KEY of their table (<c>rtree_id</c>) rather than by the
/// implicit rowid, which VACUUM may renumber.
/// </summary>
internal static class DerivedIndexTables
{
    public static void Apply(StoreConnection db)
    {
        string[] statements =
        [
            """
            CREATE TABLE obligation (
                id TEXT PRIMARY KEY,
                document_id TEXT NOT NULL REFERENCES record (id) ON DELETE CASCADE,
                provision_eid TEXT NOT NULL
            )
            """,
            "CREATE INDEX obligation_document ON obligation (document_id)",
            """
            CREATE TABLE obligation_bearer (
                obligation_id TEXT NOT NULL REFERENCES obligation (id) ON DELETE CASCADE,
                actor_id TEXT NOT NULL,
                PRIMARY KEY (obligation_id, actor_id)
            )
            """,
            "CREATE INDEX obligation_bearer_actor ON obligation_bearer (actor_id)",
            """
            CREATE TABLE reference (
                from_id TEXT NOT NULL REFERENCES record (id) ON DELETE CASCADE,
                path TEXT NOT NULL,
                to_id TEXT NOT NULL
            )
            """,
            "CREATE INDEX reference_from ON reference (from_id)",
            "CREATE INDEX reference_to ON reference (to_id)",
            """
            CREATE TABLE event_index (
                rtree_id INTEGER PRIMARY KEY,
                id TEXT NOT NULL UNIQUE REFERENCES record (id) ON DELETE CASCADE,
                first_day INTEGER NOT NULL,
                last_day INTEGER NOT NULL,
                type TEXT NOT NULL,
                lon REAL,
                lat REAL,
                place_id TEXT,
                is_meeting INTEGER NOT NULL DEFAULT 0
            )
            """,
            // (first_day, id) is the order events are paged in; the span index finds the few long events fast.
            "CREATE INDEX event_index_first_day ON event_index (first_day, id)",
            "CREATE INDEX event_index_span ON event_index (last_day - first_day)",
            "CREATE INDEX event_index_meeting ON event_index (is_meeting, first_day)",
            "CREATE INDEX event_index_place ON event_index (place_id)",
            "CREATE INDEX event_index_type ON event_index (type)",
            """
            CREATE TABLE event_actor (
                event_id TEXT NOT NULL REFERENCES record (id) ON DELETE CASCADE,
                actor_id TEXT NOT NULL,
                PRIMARY KEY (event_id, actor_id)
            )
            """,
            "CREATE INDEX event_actor_actor ON event_actor (actor_id)",
            "CREATE VIRTUAL TABLE event_rtree USING rtree (id, min_lon, max_lon, min_lat, max_lat)",
            """
            CREATE TABLE place_name (
                place_id TEXT NOT NULL REFERENCES record (id) ON DELETE CASCADE,
                text TEXT NOT NULL,
                folded TEXT NOT NULL,
                lang TEXT NOT NULL
            )
            """,
            "CREATE INDEX place_name_place ON place_name (place_id)",
            "CREATE INDEX place_name_folded ON place_name (folded)",
            """
            CREATE TABLE place_geometry (
                rtree_id INTEGER PRIMARY KEY,
                place_id TEXT NOT NULL UNIQUE REFERENCES record (id) ON DELETE CASCADE,
                wkb BLOB NOT NULL
            )
            """,
            "CREATE VIRTUAL TABLE place_rtree USING rtree (id, min_lon, max_lon, min_lat, max_lat)",
            // Event points counted per grid cell at each level of EventCells.Levels, kept as they are written:
            // a map of a million events reads a few hundred cells, not a million points. Sums are in micro-degrees,
            // integers, so adding and removing events never drifts.
            """
            CREATE TABLE event_cell (
                level INTEGER NOT NULL,
                x INTEGER NOT NULL,
                y INTEGER NOT NULL,
                count INTEGER NOT NULL,
                sum_lon INTEGER NOT NULL,
                sum_lat INTEGER NOT NULL,
                PRIMARY KEY (level, x, y)
            ) WITHOUT ROWID
            """,
        ];
        foreach (var statement in statements) db.Execute(statement);

        // Backfill with today's indexer. A later step that reshapes a derived table must rebuild it likewise.
        var records = db.Stream("SELECT kind, body FROM record ORDER BY id", r => CanonicalJson.Deserialize(Vocabulary.Kind(r.GetString(0)), r.GetString(1)));
        foreach (var record in records) DerivedIndexes.Add(db, record);
    }
}
