using NetTopologySuite.IO;
using Pacta.Model;

namespace Pacta.Store.Sqlite;

/// <summary>
/// The tables derived from record bodies (schema version 2): obligations and their bearers, references
/// (for backlinks), events by day, type, actor and point, place names folded for search, and place
/// geometries with their bounding boxes. A record's rows are removed and added again whenever it is
/// written or deleted, in the same transaction, so they never disagree with the bodies.
/// </summary>
internal static class DerivedIndexes
{
    /// <param name="cells">Where event points are counted; null counts them straight into <c>event_cell</c>.</param>
    /// <param name="run">The import that writes an event's origins (0 for writes that are not imports).</param>
    /// <param name="rows">Where an event's rows are gathered to be written later; null writes them now.</param>
    public static void Add(StoreConnection db, IRecord record, EventTally? cells = null, long run = 0, EventRows? rows = null)
    {
        if (RestrictedRows.HasTable(db)) RestrictedRows.Add(db, record);
        if (record is Event newEvent && !HasEventRtree(db))
        {
            var gathered = rows ?? new EventRows(db);
            gathered.Add(newEvent, cells, run);
            if (rows is null) gathered.Flush();
            return;
        }
        Execute(db, DerivedRows.Of(record));
        switch (record)
        {
            case Place { Geometry: { } geometry } place:
                AddGeometry(db, place, geometry);
                break;
            case Event @event:
                AddEvent(db, @event, cells);
                if (HasOriginTable(db)) AddOrigins(db, @event, run);
                break;
        }
    }

    /// <summary>
    /// A new event's rows from the values worked out for it beforehand (<see cref="EventRowValues"/>), gathered in
    /// <paramref name="rows"/>: what <see cref="Add(StoreConnection, IRecord, EventTally?, long, EventRows?)"/> does for it.
    /// </summary>
    public static void Add(StoreConnection db, Event @event, EventRowValues values, EventTally cells, long run, EventRows rows)
    {
        if (HasEventRtree(db)) throw new InvalidOperationException($"the store is at schema version {db.SchemaVersion}: its events have no rows gathered this way");
        if (values.Marked && RestrictedRows.HasTable(db)) RestrictedRows.Add(db, @event);
        rows.Add(values, cells, run);
    }

    public static void Remove(StoreConnection db, RecordId recordId, EventTally? cells = null)
    {
        var id = ("$id", (object?)recordId.Value);
        // R*Trees are virtual tables: no foreign key reaches them, so their rows go first, by hand.
        db.Execute("DELETE FROM place_rtree WHERE id IN (SELECT rtree_id FROM place_geometry WHERE place_id = $id)", id);
        db.Execute("DELETE FROM place_geometry WHERE place_id = $id", id);
        db.Execute("DELETE FROM place_name WHERE place_id = $id", id);
        // An unlisted event was never counted in the kept counts (EventRows.Add).
        var tallied = !RestrictedRows.HasTable(db) || db.Scalar("SELECT 1 FROM restricted_record WHERE id = $id AND unlisted", id) is null;
        var points = tallied ? db.Query("SELECT lon, lat FROM event_index WHERE id = $id AND lon IS NOT NULL AND is_meeting = 0", r => (r.GetDouble(0), r.GetDouble(1)), id) : [];
        foreach (var (lon, lat) in points) Count(db, cells, lon, lat, -1);
        if (tallied && !HasEventRtree(db) && db.Scalar("SELECT first_day FROM event_index WHERE id = $id", id) is long firstDay)
        {
            if (cells is null) EventTally.AddDay(db, (int)firstDay, -1);
            else cells.CountDay((int)firstDay, -1);
        }
        if (HasOriginTable(db)) db.Execute("DELETE FROM event_origin WHERE event_id = $id", id);
        if (HasEventRtree(db)) db.Execute("DELETE FROM event_rtree WHERE id IN (SELECT rtree_id FROM event_index WHERE id = $id)", id);
        db.Execute("DELETE FROM event_actor WHERE event_id = $id", id);
        db.Execute("DELETE FROM event_index WHERE id = $id", id);
        db.Execute("DELETE FROM obligation_bearer WHERE obligation_id IN (SELECT id FROM obligation WHERE document_id = $id)", id);
        db.Execute("DELETE FROM obligation WHERE document_id = $id", id);
        db.Execute("DELETE FROM reference WHERE from_id = $id", id);
        if (RestrictedRows.HasTable(db)) RestrictedRows.Remove(db, recordId);
    }

    private static void Execute(ISqlSession db, IEnumerable<(string Sql, (string Name, object? Value)[] Parameters)> statements)
    {
        foreach (var (sql, parameters) in statements) db.Execute(sql, parameters);
    }

    private static void AddGeometry(StoreConnection db, Place place, NetTopologySuite.Geometries.Geometry geometry)
    {
        var wkb = new WKBWriter(ByteOrder.LittleEndian).Write(geometry);
        var rtreeId = db.Scalar("INSERT INTO place_geometry (place_id, wkb) VALUES ($place, $wkb) RETURNING rtree_id",
            ("$place", place.Id.Value), ("$wkb", wkb));
        var box = geometry.EnvelopeInternal;
        db.Execute("INSERT INTO place_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES ($id, $minLon, $maxLon, $minLat, $maxLat)",
            ("$id", rtreeId), ("$minLon", box.MinX), ("$maxLon", box.MaxX), ("$minLat", box.MinY), ("$maxLat", box.MaxY));
    }

    /// <summary>The origin rows of an event, marked with the import that wrote them.</summary>
    public static void AddOrigins(StoreConnection db, Event @event, long run = 0) => Execute(db, DerivedRows.Origins(@event, run));

    /// <summary>Whether the store has reached schema version 3 (while migrating, version 2 indexes are filled without it).</summary>
    private static bool HasOriginTable(StoreConnection db) => db.SchemaVersion >= 3;

    /// <summary>Whether event points are in the R*Tree of versions 2 and 3 rather than in the cell key of version 4.</summary>
    private static bool HasEventRtree(StoreConnection db) => db.SchemaVersion < 4;

    private static void Count(StoreConnection db, EventTally? cells, double lon, double lat, int delta)
    {
        if (cells is null) EventTally.AddPoint(db, lon, lat, delta);
        else cells.Count(lon, lat, delta);
    }

    /// <summary>An event's rows before version 4 (its point in the R*Tree): for migrating through versions 2 and 3.</summary>
    private static void AddEvent(StoreConnection db, Event @event, EventTally? cells)
    {
        AddEventWithRtree(db, @event);
        Execute(db, DerivedRows.Actors(@event));
        if (@event.Place?.Point is { } point && @event.Meeting is null) Count(db, cells, point.Longitude, point.Latitude, +1);
    }

    private static void AddEventWithRtree(StoreConnection db, Event @event)
    {
        var point = @event.Place?.Point;
        var rtreeId = db.Scalar(
            """
            INSERT INTO event_index (id, first_day, last_day, type, lon, lat, place_id, is_meeting)
            VALUES ($id, $first, $last, $type, $lon, $lat, $place, $meeting) RETURNING rtree_id
            """,
            ("$id", @event.Id.Value), ("$first", @event.Start.First.DayNumber), ("$last", @event.LastDay.DayNumber),
            ("$type", @event.Type.ToString()), ("$lon", point?.Longitude), ("$lat", point?.Latitude),
            ("$place", @event.Place?.Ref?.Value), ("$meeting", @event.Meeting is null ? 0 : 1));
        if (point is null) return;
        db.Execute("INSERT INTO event_rtree (id, min_lon, max_lon, min_lat, max_lat) VALUES ($id, $lon, $lon, $lat, $lat)",
            ("$id", rtreeId), ("$lon", point.Longitude), ("$lat", point.Latitude));
    }
}
