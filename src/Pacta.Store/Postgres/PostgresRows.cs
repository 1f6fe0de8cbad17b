using Pacta.Model;

namespace Pacta.Store.Postgres;

/// <summary>
/// The rows derived from record bodies in a PostgreSQL store: the same as the SQLite store's (<see cref="DerivedIndexes"/>),
/// with PostGIS geometries where SQLite keeps R*Trees and cell keys. No counts are kept per cell: PostgreSQL counts them
/// from the indexes when asked; the counts per day (<c>event_day</c>) follow <c>event_index</c> and <c>restricted_record</c> by triggers.
/// </summary>
internal static class PostgresRows
{
    private const string InsertEvent =
        """
        INSERT INTO event_index (id, first_day, last_day, type, lon, lat, geom, place_id, is_meeting)
        VALUES (@id, @first, @last, @type, @lon::float8, @lat::float8,
                CASE WHEN @lon::float8 IS NULL THEN NULL ELSE ST_SetSRID(ST_MakePoint(@lon::float8, @lat::float8), 4326) END,
                @place, @meeting)
        """;

    /// <summary>Writes a record's derived rows now.</summary>
    public static void Add(PgSession db, IRecord record, long run = 0)
    {
        var statements = new List<(string, (string, object?)[])>();
        Gather(statements, record, run);
        db.ExecuteBatch(statements);
    }

    /// <summary>Adds the statements that write a record's derived rows to <paramref name="statements"/>, for one round trip.</summary>
    public static void Gather(List<(string Sql, (string Name, object? Value)[] Parameters)> statements, IRecord record, long run)
    {
        var id = record.Id.Value;
        if (record.IsMarked())
        {
            statements.Add(("INSERT INTO restricted_record (id, kind, whole, unlisted) VALUES (@id, @kind, @whole, @unlisted)",
                [("id", id), ("kind", Vocabulary.Text(record.Kind)), ("whole", record.Restricted), ("unlisted", record.IsUnlisted())]));
        }
        statements.AddRange(DerivedRows.Of(record));
        switch (record)
        {
            case Place { Geometry: { } geometry }:
                var copy = geometry.Copy();
                copy.SRID = 4326;
                statements.Add(("INSERT INTO place_geometry (place_id, geom) VALUES (@place, @geom)", [("place", id), ("geom", copy)]));
                break;
            case Event @event:
                // Only the event's own point: a point taken from its place would go stale when the place moves.
                var point = @event.Place?.Point;
                statements.Add((InsertEvent,
                [
                    ("id", id), ("first", @event.Start.First.DayNumber), ("last", @event.LastDay.DayNumber), ("type", @event.Type.ToString()),
                    ("lon", point?.Longitude), ("lat", point?.Latitude), ("place", @event.Place?.Ref?.Value), ("meeting", @event.Meeting is not null),
                ]));
                statements.AddRange(DerivedRows.Actors(@event));
                statements.AddRange(DerivedRows.Origins(@event, run));
                break;
        }
    }

    /// <summary>Removes every row derived from the record, in one round trip.</summary>
    public static void Remove(PgSession db, RecordId recordId)
    {
        (string, object?)[] id = [("id", recordId.Value)];
        db.ExecuteBatch(
        [
            ("DELETE FROM place_geometry WHERE place_id = @id", id),
            ("DELETE FROM place_name WHERE place_id = @id", id),
            ("DELETE FROM event_origin WHERE event_id = @id", id),
            ("DELETE FROM event_actor WHERE event_id = @id", id),
            ("DELETE FROM event_index WHERE id = @id", id),
            ("DELETE FROM obligation_bearer WHERE obligation_id IN (SELECT id FROM obligation WHERE document_id = @id)", id),
            ("DELETE FROM obligation WHERE document_id = @id", id),
            ("DELETE FROM reference WHERE from_id = @id", id),
            ("DELETE FROM restricted_record WHERE id = @id", id),
        ]);
    }
}
