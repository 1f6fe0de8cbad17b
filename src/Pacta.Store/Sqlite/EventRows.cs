using Pacta.Model;

namespace Pacta.Store.Sqlite;

/// <summary>
/// The derived rows of events (schema version 4): references, <c>event_index</c>, <c>event_actor</c>,
/// <c>event_origin</c>, and the kept counts per grid cell and per day. Gathered, then written by <see cref="Flush"/> in statements of
/// many rows each, after the events' own records: an import adds them for a whole batch of rows at once.
/// </summary>
internal sealed class EventRows(StoreConnection db)
{
    private static readonly InsertSql ReferenceSql = new("INSERT OR FAIL INTO reference (from_id, path, to_id) VALUES", "(?, ?, ?)");
    private static readonly InsertSql IndexSql = new(
        "INSERT OR FAIL INTO event_index (id, first_day, last_day, type, lon, lat, place_id, is_meeting, cell) VALUES", "(?, ?, ?, ?, ?, ?, ?, ?, ?)");
    private static readonly InsertSql ActorSql = new("INSERT OR FAIL INTO event_actor (event_id, actor_id) VALUES", "(?, ?)");
    private static readonly InsertSql OriginSql = new("INSERT OR FAIL INTO event_origin (dataset, key, event_id, digest, run) VALUES", "(?, ?, ?, ?, ?)");

    private readonly MultiRowInsert references = new(db, ReferenceSql);
    private readonly MultiRowInsert index = new(db, IndexSql);
    private readonly MultiRowInsert actors = new(db, ActorSql);
    private readonly MultiRowInsert origins = new(db, OriginSql);

    /// <param name="cells">Where the event's point and first day are counted; null counts them straight into <c>event_cell</c> and <c>event_day</c>.</param>
    /// <param name="run">The import that writes the event's origins (0 for writes that are not imports).</param>
    public void Add(Event @event, EventTally? cells, long run)
    {
        var id = @event.Id.Value;
        foreach (var reference in @event.References())
        {
            // Actors and the place are in event_actor and event_index, which Citations reads too.
            if (!DerivedRows.IsIndexedElsewhere(reference.Path)) references.Add(id, reference.Path, reference.Target.Value);
        }
        // Only the event's own point: a point taken from its place would go stale when the place moves.
        var point = @event.Place?.Point;
        index.Add(id, @event.Start.First.DayNumber, @event.LastDay.DayNumber, @event.Type.ToString(), point?.Longitude, point?.Latitude,
            @event.Place?.Ref?.Value, @event.Meeting is null ? 0 : 1, point is null ? SqlValue.Null : EventCells.Key(point.Longitude, point.Latitude));
        for (var i = 0; i < @event.Actors.Count; i++)
        {
            var actor = @event.Actors[i].Actor;
            if (!Repeats(@event.Actors, i, actor)) actors.Add(id, actor.Value);
        }
        foreach (var origin in @event.Origins ?? [])
            origins.Add(Vocabulary.Text(origin.Dataset), origin.Key, id, origin.Digest, run);
        // The kept counts are of the events every reader may list: the few unlisted ones are added for those who may see them.
        if (@event.IsUnlisted()) return;
        if (cells is null) EventTally.AddDay(db, @event.Start.First.DayNumber, +1);
        else cells.CountDay(@event.Start.First.DayNumber, +1);
        if (point is null || @event.Meeting is not null) return;
        if (cells is null) EventTally.AddPoint(db, point.Longitude, point.Latitude, +1);
        else cells.Count(point.Longitude, point.Latitude, +1);
    }

    /// <summary>
    /// Gathers a new event's rows from the values its import worked out beforehand: the same rows, in the same order,
    /// as <see cref="Add(Event, EventTally?, long)"/> gathers from the event.
    /// </summary>
    public void Add(EventRowValues @event, EventTally cells, long run)
    {
        var id = @event.Id;
        foreach (var (path, target) in @event.ReferenceRows) references.Add(id, path, target);
        index.Add(id, @event.FirstDay, @event.LastDay, @event.Type, @event.Longitude, @event.Latitude, @event.PlaceId, @event.IsMeeting ? 1 : 0, @event.Cell);
        foreach (var actor in @event.Actors) actors.Add(id, actor);
        foreach (var (dataset, key, digest) in @event.Origins) origins.Add(dataset, key, id, digest, run);
        if (!@event.Counted) return;
        cells.CountDay(@event.FirstDay, +1);
        if (@event.Point is { } point) cells.Count(point, +1);
    }

    /// <summary>Writes what was gathered; the events' records must be written already.</summary>
    public void Flush()
    {
        references.Flush();
        index.Flush();
        actors.Flush();
        origins.Flush();
    }

    /// <summary>Whether the actor at <paramref name="at"/> appeared before it in the list: its row is written once.</summary>
    internal static bool Repeats(IReadOnlyList<EventActor> list, int at, RecordId actor)
    {
        for (var i = 0; i < at; i++)
        {
            if (list[i].Actor == actor) return true;
        }
        return false;
    }
}
