namespace Pacta.Store.Sqlite.Migrations;

/// <summary>
/// Version 4: what each imported event costs to write, cut down. A million events made the R*Tree of event points
/// the dearest thing to fill (about a third of the database's work), so it goes: a point's grid cell
/// (<see cref="EventCells.Key"/>, at the finest level of the kept grid) in an ordinary index finds the events in a
/// small box instead. <c>event_actor</c> becomes one B-tree (WITHOUT ROWID). The indexes of rare things (meetings,
/// events placed by reference, events of more than a day, events longer than <see cref="SqliteStore.ShortSpanDays"/>
/// days) hold only those.
/// And a creation's body is no longer kept twice: the change that created a record keeps no copy of it, since the
/// body it made is the record's own until the first update, whose <c>before</c> keeps it from then on.
/// </summary>
internal static class LeanEventIndexes
{
    public static void Apply(StoreConnection db)
    {
        string[] statements =
        [
            "DROP TABLE event_rtree",
            "ALTER TABLE event_index RENAME COLUMN rtree_id TO row_id",
            "ALTER TABLE event_index ADD COLUMN cell INTEGER",
            $"UPDATE event_index SET cell = {EventCells.KeySql("lon", "lat")} WHERE lon IS NOT NULL",
            "CREATE INDEX event_index_cell ON event_index (cell) WHERE cell IS NOT NULL",
            "DROP INDEX event_index_meeting",
            "CREATE INDEX event_index_meeting ON event_index (first_day) WHERE is_meeting = 1",
            "DROP INDEX event_index_place",
            "CREATE INDEX event_index_place ON event_index (place_id) WHERE place_id IS NOT NULL",
            "DROP INDEX event_index_span",
            $"CREATE INDEX event_index_span ON event_index (last_day - first_day) WHERE {SqliteStore.LongSpanSql}",
            // Events of more than a day, by start: those that began before a date range and run into it.
            "CREATE INDEX event_index_multiday ON event_index (first_day, id, last_day) WHERE last_day > first_day",
            """
            CREATE TABLE event_actor_lean (
                event_id TEXT NOT NULL REFERENCES record (id) ON DELETE CASCADE,
                actor_id TEXT NOT NULL,
                PRIMARY KEY (event_id, actor_id)
            ) WITHOUT ROWID
            """,
            "INSERT INTO event_actor_lean (event_id, actor_id) SELECT event_id, actor_id FROM event_actor",
            "DROP TABLE event_actor",
            "ALTER TABLE event_actor_lean RENAME TO event_actor",
            "CREATE INDEX event_actor_actor ON event_actor (actor_id)",
            "UPDATE change SET after = NULL WHERE operation = 'created'",
        ];
        foreach (var statement in statements) db.Execute(statement);
    }
}
