using System.Globalization;
using System.Text;
using Pacta.Model;
using Pacta.Store.Sqlite;
using static Pacta.Store.EventSql;

namespace Pacta.Store;

public sealed partial class SqliteStore
{
    /// <summary>The largest page a caller may ask for.</summary>
    public const int MaxPageSize = Stores.MaxPageSize;

    /// <summary>
    /// Events matching the filter, ordered by start then id (newest first if asked), a page at a time. The
    /// cursor is keyset-based: pages stay consistent while events are added elsewhere in the order.
    /// </summary>
    /// <exception cref="InvalidCursorException">The cursor was not made by this method.</exception>
    public EventPage QueryEvents(EventFilter filter, int limit = 100, string? cursor = null, bool newestFirst = false)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxPageSize);
        var position = cursor is null ? ((int Day, string Id)?)null : EventCursor.Parse(cursor);
        return Reading(db =>
        {
            RequireDerivedIndexes();
            var parameters = new List<(string Name, object? Value)>();
            var extra = new List<string>();
            if (position is var (day, id))
            {
                extra.Add(newestFirst ? "(e.first_day, e.id) < ($cursorDay, $cursorId)" : "(e.first_day, e.id) > ($cursorDay, $cursorId)");
                parameters.Add(("$cursorDay", day));
                parameters.Add(("$cursorId", id));
            }
            var order = newestFirst ? "DESC" : "ASC";
            // A page reads in date order and stops: an actor with many events is checked row by row as it comes.
            var actorRows = IsRare(db, filter.Actor) ? ActorRows.Leading : ActorRows.PerRow;
            // Likewise a box with many events in it: its events are met soon enough in date order.
            var boxByCells = !IsCrowded(db, filter.Box);
            var matches = Matching(filter, parameters, extra, $"ORDER BY e.first_day {order}, e.id {order} LIMIT $limit", actorRows, boxByCells: boxByCells);
            var sql = $"""
                SELECT m.id, m.first_day, r.body
                FROM (SELECT id, first_day FROM ({matches}) ORDER BY first_day {order}, id {order} LIMIT $limit) m
                JOIN record r ON r.id = m.id
                ORDER BY m.first_day {order}, m.id {order}
                """;
            parameters.Add(("$limit", limit + 1));
            var rows = db.Query(sql, r => (Id: r.GetString(0), Day: r.GetInt32(1), Body: r.GetString(2)), [.. parameters]);
            return EventSql.Page(rows, limit, records);
        });
    }

    /// <summary>How many events match the filter.</summary>
    public int CountEvents(EventFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        return Reading(db =>
        {
            RequireDerivedIndexes();
            var parameters = new List<(string Name, object? Value)>();
            var sql = $"SELECT COUNT(*) FROM ({Matching(filter, parameters, [], actorRows: IsRare(db, filter.Actor) ? ActorRows.Leading : ActorRows.List)})";
            return Convert.ToInt32(db.Scalar(sql, [.. parameters]), CultureInfo.InvariantCulture);
        });
    }

    /// <summary>
    /// Events counted by grid cell of <paramref name="cellDegrees"/>, for a map that must never ask for every point.
    /// An event without a point of its own counts at the centre of its place's extent; one with neither is left out.
    /// For events that are not meetings, with no other filter than a box, at one of <see cref="GridLevels"/>, the counts
    /// kept as events are written are read instead.
    /// </summary>
    public IReadOnlyList<GridCell> EventGrid(EventFilter filter, double cellDegrees)
    {
        ArgumentNullException.ThrowIfNull(filter);
        EventSql.CheckCellSize(cellDegrees);
        var level = EventCells.Levels.ToList().IndexOf(cellDegrees);
        if (level >= 0 && filter with { Box = null, WithoutRestricted = false } == new EventFilter(Meetings: false))
            return KeptGrid(level, filter.Box, withUnlisted: !filter.WithoutRestricted);
        var parameters = new List<(string Name, object? Value)> { ("$cell", cellDegrees) };
        var conditions = Conditions(filter with { Box = null }, parameters);
        var pointWhere = new List<string>(conditions);
        var placeWhere = new List<string>(conditions) { "e.lon IS NULL", "e.place_id IS NOT NULL" };
        if (filter.Box is { } box)
        {
            AddBox(parameters, box);
            pointWhere.Add(PointsInBox(box, parameters, byCells: true));
            placeWhere.Add("t.max_lon >= $minLon AND t.min_lon <= $maxLon AND t.max_lat >= $minLat AND t.min_lat <= $maxLat");
        }
        else
        {
            pointWhere.Add("e.lon IS NOT NULL");
        }

        var sql = $"""
            SELECT CAST((lon + 180) / $cell AS INTEGER) AS x, CAST((lat + 90) / $cell AS INTEGER) AS y, COUNT(*), AVG(lon), AVG(lat)
            FROM (
                SELECT e.lon AS lon, e.lat AS lat FROM event_index e {Where(pointWhere)}
                UNION ALL
                SELECT (t.min_lon + t.max_lon) / 2, (t.min_lat + t.max_lat) / 2
                FROM event_index e INDEXED BY event_index_place JOIN place_geometry g ON g.place_id = e.place_id JOIN place_rtree t ON t.id = g.rtree_id
                {Where(placeWhere)}
            )
            GROUP BY x, y ORDER BY x, y
            """;
        return Reading(db =>
        {
            RequireDerivedIndexes();
            return db.Query(sql, r =>
            {
                var (x, y) = (r.GetInt64(0), r.GetInt64(1));
                return new GridCell(x * cellDegrees - 180, y * cellDegrees - 90, (x + 1) * cellDegrees - 180, (y + 1) * cellDegrees - 90,
                    r.GetInt32(2), r.GetDouble(3), r.GetDouble(4));
            }, [.. parameters]);
        });
    }

    /// <summary>The cell sizes (degrees) whose counts of non-meeting events the store keeps as events are written: such a grid is read, not computed.</summary>
    public static IReadOnlyList<double> GridLevels => EventCells.Levels;

    /// <summary>
    /// The kept grid of events that are not meetings at one level, within a box (whole cells that touch it), plus such events
    /// placed only by a place reference. The kept counts leave out unlisted events (restricted ones: <see cref="Restriction.IsUnlisted"/>);
    /// <paramref name="withUnlisted"/> adds them, read from their rows (they are few), in the same micro-degrees.
    /// </summary>
    private IReadOnlyList<GridCell> KeptGrid(int level, BoundingBox? box, bool withUnlisted)
    {
        var size = EventCells.Levels[level];
        var (minX, minY) = box is null ? (long.MinValue, long.MinValue) : EventCells.Cell(box.MinLon, box.MinLat, size);
        var (maxX, maxY) = box is null ? (long.MaxValue, long.MaxValue) : EventCells.Cell(box.MaxLon, box.MaxLat, size);
        var placed = EventGridOfPlacedEvents(box, size, withUnlisted);
        var unlisted = withUnlisted && SchemaVersion >= 8
            ? Reading(db => db.Query(
                """
                SELECT e.lon, e.lat FROM restricted_record x JOIN event_index e ON e.id = x.id
                WHERE x.unlisted AND e.lon IS NOT NULL AND e.is_meeting = 0
                """, r => (Lon: r.GetDouble(0), Lat: r.GetDouble(1))))
            : [];
        return Reading(db =>
        {
            RequireDerivedIndexes();
            var kept = db.Query(
                "SELECT x, y, count, sum_lon, sum_lat FROM event_cell WHERE level = $level AND x BETWEEN $minX AND $maxX AND y BETWEEN $minY AND $maxY",
                r => (X: r.GetInt64(0), Y: r.GetInt64(1), Count: r.GetInt64(2), SumLon: r.GetInt64(3), SumLat: r.GetInt64(4)),
                ("$level", level), ("$minX", minX), ("$maxX", maxX), ("$minY", minY), ("$maxY", maxY));
            foreach (var (lon, lat) in unlisted)
            {
                var (x, y) = EventCells.Cell(lon, lat, size);
                if (x < minX || x > maxX || y < minY || y > maxY) continue;
                var (microLon, microLat) = EventCells.Micro(lon, lat);
                var at = kept.FindIndex(c => c.X == x && c.Y == y);
                if (at < 0) kept.Add((x, y, 1, microLon, microLat));
                else kept[at] = (x, y, kept[at].Count + 1, kept[at].SumLon + microLon, kept[at].SumLat + microLat);
            }
            var cells = kept.Select(c => new GridCell(c.X * size - 180, c.Y * size - 90, (c.X + 1) * size - 180, (c.Y + 1) * size - 90,
                (int)c.Count, EventCells.MeanDegrees(c.SumLon, c.Count), EventCells.MeanDegrees(c.SumLat, c.Count))).ToList();
            // Merge in the few events that have no point of their own and sit at their place's centre.
            foreach (var extra in placed)
            {
                var at = cells.FindIndex(c => c.MinLon == extra.MinLon && c.MinLat == extra.MinLat);
                if (at < 0)
                {
                    cells.Add(extra);
                    continue;
                }
                var c = cells[at];
                var count = c.Count + extra.Count;
                cells[at] = c with { Count = count, Lon = (c.Lon * c.Count + extra.Lon * extra.Count) / count, Lat = (c.Lat * c.Count + extra.Lat * extra.Count) / count };
            }
            return cells.OrderBy(c => c.MinLon).ThenBy(c => c.MinLat).ToList();
        });
    }

    private IReadOnlyList<GridCell> EventGridOfPlacedEvents(BoundingBox? box, double size, bool withUnlisted)
    {
        var parameters = new List<(string Name, object? Value)> { ("$cell", size) };
        // Events placed by reference only are few: find them by the place index, never by scanning the meeting flag.
        var where = new List<string> { "e.lon IS NULL", "e.place_id IS NOT NULL", "e.is_meeting = 0" };
        if (!withUnlisted) where.Add(RestrictedRecords.Condition);
        if (box is not null)
        {
            AddBox(parameters, box);
            where.Add("t.max_lon >= $minLon AND t.min_lon <= $maxLon AND t.max_lat >= $minLat AND t.min_lat <= $maxLat");
        }
        var sql = $"""
            SELECT CAST((lon + 180) / $cell AS INTEGER) AS x, CAST((lat + 90) / $cell AS INTEGER) AS y, COUNT(*), AVG(lon), AVG(lat)
            FROM (SELECT (t.min_lon + t.max_lon) / 2 AS lon, (t.min_lat + t.max_lat) / 2 AS lat
                  FROM event_index e INDEXED BY event_index_place JOIN place_geometry g ON g.place_id = e.place_id JOIN place_rtree t ON t.id = g.rtree_id {Where(where)})
            GROUP BY x, y
            """;
        return Reading(db => db.Query(sql, r =>
        {
            var (x, y) = (r.GetInt64(0), r.GetInt64(1));
            return new GridCell(x * size - 180, y * size - 90, (x + 1) * size - 180, (y + 1) * size - 90, r.GetInt32(2), r.GetDouble(3), r.GetDouble(4));
        }, [.. parameters]));
    }

    /// <summary>Boxes at most this many cells of the index wide (5 degrees, about 400 km here) are searched by their cells.</summary>
    private const int MaxBoxColumns = 100;

    /// <summary>Events this long or shorter are found by a range on their first day; the few longer ones by their span.</summary>
    internal const int ShortSpanDays = 62;

    /// <summary>What makes an event long, as the span index's condition: a query must say it in the same words to use that index.</summary>
    internal const string LongSpanSql = "last_day - first_day > 62";

    /// <summary>An actor in fewer events than this has its events found through the actor; see <see cref="ActorRows"/>. Tests lower it.</summary>
    internal int RareActorEvents { get; set; } = 10_000;

    /// <summary>How the actor filter finds its rows.</summary>
    private enum ActorRows
    {
        /// <summary>The actor's events listed once, and each row read in date order looked up in the list: for counting every match.</summary>
        List,

        /// <summary>Each row read in date order checked in event_actor's key: for a page of a common actor, found a few rows in.</summary>
        PerRow,

        /// <summary>The actor's events first, then their rows by id: for a rare actor, whose page would otherwise take a walk through every date.</summary>
        Leading,
    }

    /// <summary>Whether the actor (if any) is in fewer than <see cref="RareActorEvents"/> events; counted no further than that.</summary>
    private bool IsRare(StoreConnection db, RecordId? actor) =>
        actor is not null && Convert.ToInt64(db.Scalar("SELECT COUNT(*) FROM (SELECT 1 FROM event_actor WHERE actor_id = $actor LIMIT $most)",
            ("$actor", actor.Value), ("$most", RareActorEvents)), CultureInfo.InvariantCulture) < RareActorEvents;

    /// <summary>A box whose cells hold this many events or more is searched row by row in date order by a page. Tests lower it.</summary>
    internal int CrowdedBoxEvents { get; set; } = 10_000;

    /// <summary>Whether the box (if any) is too large for its cells, or they hold at least <see cref="CrowdedBoxEvents"/> events; counted no further than that.</summary>
    private bool IsCrowded(StoreConnection db, BoundingBox? box)
    {
        if (box is null) return false;
        if (CellRanges(box) is not { } cells) return true;
        return Convert.ToInt64(db.Scalar(
            """
            SELECT COUNT(*) FROM (SELECT 1 FROM json_each($cells) AS c CROSS JOIN event_index AS i
                                  WHERE i.cell BETWEEN c.value ->> 0 AND c.value ->> 1 LIMIT $most)
            """, ("$cells", cells), ("$most", CrowdedBoxEvents)), CultureInfo.InvariantCulture) >= CrowdedBoxEvents;
    }

    /// <summary>
    /// A query of the ids and first days of the matching events (or of <paramref name="select"/>, of alias e). With a start
    /// date it is three, none reading the years before: the events that start from that day on (which all run on it: a
    /// range of the (first_day, id) index, no row read for the date), those that started in the <see cref="ShortSpanDays"/>
    /// before and run into it (their last day read), and the few longer ones that started earlier still (by the span index).
    /// The middle one also says <c>last_day &gt; first_day</c>, which it implies, so that an index of the events of more than
    /// one day may serve it. A page passes <paramref name="eachPart"/> (its order and limit), which each part is cut to:
    /// then a page reads its own rows from the index and stops, rather than sorting every match after the cursor (which
    /// made walking all the pages of a date range quadratic).
    /// </summary>
    private static string Matching(EventFilter filter, List<(string Name, object? Value)> parameters, List<string> extra, string? eachPart = null,
        ActorRows actorRows = ActorRows.List, string select = "e.id, e.first_day", bool boxByCells = true)
    {
        var common = Conditions(filter with { From = null }, parameters, actorRows, boxByCells).Concat(extra).ToList();
        if (filter.From is not { } from)
            return $"SELECT {select} FROM event_index e {Where(common)} {eachPart}";

        parameters.Add(("$from", from.DayNumber));
        parameters.Add(("$fromShort", from.DayNumber - ShortSpanDays));
        List<string>[] parts =
        [
            [.. common, "e.first_day >= $from"],
            [.. common, "e.first_day >= $fromShort", "e.first_day < $from", "e.last_day >= $from", "e.last_day > e.first_day"],
            [.. common, "e." + LongSpanSql.Replace(" first_day", " e.first_day", StringComparison.Ordinal), "e.first_day < $fromShort", "e.last_day >= $from"],
        ];
        // INDEXED BY: left to itself the planner reads the long events in date order from the start of time.
        string[] indexes = ["", "", "INDEXED BY event_index_span"];
        return string.Join(" UNION ALL ", parts.Select((where, i) => eachPart is null
            ? $"SELECT {select} FROM event_index e {indexes[i]} {Where(where)}"
            : $"SELECT * FROM (SELECT {select} FROM event_index e {indexes[i]} {Where(where)} {eachPart})"));
    }

    private static List<string> Conditions(EventFilter filter, List<(string Name, object? Value)> parameters, ActorRows actorRows = ActorRows.List, bool boxByCells = true)
    {
        var where = new List<string>();
        if (filter.From is { } from)
        {
            where.Add("e.last_day >= $from");
            parameters.Add(("$from", from.DayNumber));
        }
        if (filter.To is { } to)
        {
            where.Add("e.first_day <= $to");
            parameters.Add(("$to", to.DayNumber));
        }
        if (filter.Type is { } type)
        {
            // The unary + keeps the planner on the date order: a page of 100 is found by reading in that order and
            // stopping, not by sorting every match.
            where.Add(EventSql.TypeOrSubtype("+e.type", "$type"));
            parameters.Add(("$type", type));
        }
        if (filter.Actor is { } actor)
        {
            where.Add(actorRows switch
            {
                ActorRows.PerRow => "EXISTS (SELECT 1 FROM event_actor a WHERE a.event_id = e.id AND a.actor_id = $actor)",
                ActorRows.Leading => "e.id IN (SELECT event_id FROM event_actor WHERE actor_id = $actor)",
                _ => "+e.id IN (SELECT event_id FROM event_actor WHERE actor_id = $actor)",
            });
            parameters.Add(("$actor", actor.Value));
        }
        if (filter.WithoutRestricted) where.Add(RestrictedRecords.Condition);
        // A literal, not a parameter: only then may the planner use the index of meetings, which holds nothing else.
        if (filter.Meetings is { } meetings) where.Add(meetings ? "e.is_meeting = 1" : "e.is_meeting = 0");
        if (filter.Box is { } box)
        {
            where.Add($$"""
                ({{PointsInBox(box, parameters, boxByCells)}}
                 OR (e.lon IS NULL AND e.place_id IN (
                        SELECT g.place_id FROM place_geometry g JOIN place_rtree t ON t.id = g.rtree_id
                        WHERE t.max_lon >= $minLon AND t.min_lon <= $maxLon AND t.max_lat >= $minLat AND t.min_lat <= $maxLat)))
                """);
            AddBox(parameters, box);
        }
        return where;
    }

    /// <summary>
    /// The condition for an event's own point to lie in the box. A small box is found by the ranges of cell keys of
    /// the columns it touches (EventCells.Key), the exact coordinates deciding at its edges; a large one (a region,
    /// the world) would make that a list of most events, so there each row read in date order is checked instead,
    /// as it is for a page of a crowded box (<paramref name="byCells"/> false).
    /// </summary>
    private static string PointsInBox(BoundingBox box, List<(string Name, object? Value)> parameters, bool byCells)
    {
        const string exact = "e.lon BETWEEN $minLon AND $maxLon AND e.lat BETWEEN $minLat AND $maxLat";
        if (!byCells || CellRanges(box) is not { } cells) return $"({exact})";
        parameters.Add(("$cells", cells));
        // CROSS JOIN keeps the order: each range, then the index of cells within it.
        return $"""
            (e.row_id IN (SELECT i.row_id FROM json_each($cells) AS c CROSS JOIN event_index AS i
                          WHERE i.cell BETWEEN c.value ->> 0 AND c.value ->> 1) AND {exact})
            """;
    }

    /// <summary>The ranges of cell keys a box covers, as a JSON array of [from, to] pairs; null when it is too wide for them.</summary>
    private static string? CellRanges(BoundingBox box) =>
        EventCells.KeyRanges(box.MinLon, box.MinLat, box.MaxLon, box.MaxLat, MaxBoxColumns) is { } ranges
            ? "[" + string.Join(",", ranges.Select(r => FormattableString.Invariant($"[{r.From},{r.To}]"))) + "]"
            : null;

    private static void AddBox(List<(string Name, object? Value)> parameters, BoundingBox box)
    {
        parameters.Add(("$minLon", box.MinLon));
        parameters.Add(("$maxLon", box.MaxLon));
        parameters.Add(("$minLat", box.MinLat));
        parameters.Add(("$maxLat", box.MaxLat));
    }

}
