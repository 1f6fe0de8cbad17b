using System.Globalization;
using Pacta.Model;
using static Pacta.Store.EventSql;

namespace Pacta.Store.Postgres;

public sealed partial class PostgresStore
{
    /// <summary>
    /// Events matching the filter in (first day, id) order, newest first if asked, a page at a time; the cursor is the
    /// SQLite store's (<see cref="EventCursor"/>). Read from the (first_day, id) index in order; a box narrows by the
    /// GiST index of points, the exact coordinates deciding at its edges.
    /// </summary>
    public EventPage QueryEvents(EventFilter filter, int limit = 100, string? cursor = null, bool newestFirst = false)
    {
        ArgumentNullException.ThrowIfNull(filter);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, Stores.MaxPageSize);
        var position = cursor is null ? ((int Day, string Id)?)null : EventCursor.Parse(cursor);
        var parameters = new List<(string Name, object? Value)>();
        var where = Conditions(filter, parameters);
        if (position is var (day, id))
        {
            where.Add(newestFirst ? "(e.first_day, e.id) < (@cursorDay, @cursorId)" : "(e.first_day, e.id) > (@cursorDay, @cursorId)");
            parameters.Add(("cursorDay", day));
            parameters.Add(("cursorId", id));
        }
        var order = newestFirst ? "DESC" : "ASC";
        parameters.Add(("limit", limit + 1));
        var sql = $"""
            SELECT e.id, e.first_day, r.body
            FROM event_index e JOIN record r ON r.id = e.id
            {Where(where)}
            ORDER BY e.first_day {order}, e.id {order}
            LIMIT @limit
            """;
        return Reading(db =>
        {
            var rows = db.Query(sql, r => (Id: r.GetString(0), Day: r.GetInt32(1), Body: r.GetString(2)), [.. parameters]);
            return EventSql.Page(rows, limit, records);
        });
    }

    public int CountEvents(EventFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (KeptDaysSql(filter, out var keptParameters) is { } kept)
            return Reading(db => Convert.ToInt32(db.Scalar($"SELECT COALESCE(SUM(n), 0) FROM ({kept}) AS k", [.. keptParameters]), CultureInfo.InvariantCulture));
        var parameters = new List<(string Name, object? Value)>();
        var sql = $"SELECT COUNT(*) FROM event_index e {Where(Conditions(filter, parameters))}";
        return Reading(db => Convert.ToInt32(db.Scalar(sql, [.. parameters]), CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Events counted by grid cell, in the SQLite store's cells and order. An event without a point counts at the centre
    /// of its place's extent. At one of <see cref="Stores.GridLevels"/>, for events that are not meetings with no other
    /// filter than a box (unlisted events left out or not), the points are read from the grid kept as events are written
    /// (<c>event_cell</c>, <see cref="PostgresSchema.EventCellTable"/>), as in the SQLite store: whole cells that touch the
    /// box, means of positions in micro-degrees; the kept grid leaves unlisted events out, and a reader who may see them
    /// gets them added from their rows, which are few.
    /// </summary>
    public IReadOnlyList<GridCell> EventGrid(EventFilter filter, double cellDegrees)
    {
        ArgumentNullException.ThrowIfNull(filter);
        EventSql.CheckCellSize(cellDegrees);
        // The same cells for every audience: without unlisted events (WithoutRestricted, in the conditions) or with them.
        var kept = Stores.GridLevels.Contains(cellDegrees) && filter with { Box = null, WithoutRestricted = false } == new EventFilter(Meetings: false);
        var parameters = new List<(string Name, object? Value)> { ("cell", cellDegrees) };
        var conditions = Conditions(filter with { Box = null }, parameters);
        var placeWhere = new List<string>(conditions) { "e.geom IS NULL", "e.place_id IS NOT NULL" };
        if (filter.Box is { } box)
        {
            AddBox(parameters, box);
            placeWhere.Add("g.geom && ST_MakeEnvelope(@minLon, @minLat, @maxLon, @maxLat, 4326)");
        }
        var points = kept ? KeptPoints(filter, cellDegrees, parameters) : ComputedPoints(filter, conditions);
        var sql = $"""
            {points}
            UNION ALL
            SELECT floor((lon + 180) / @cell)::bigint AS x, floor((lat + 90) / @cell)::bigint AS y, COUNT(*), SUM(lon), SUM(lat), true
            FROM (SELECT (ST_XMin(g.geom) + ST_XMax(g.geom)) / 2 AS lon, (ST_YMin(g.geom) + ST_YMax(g.geom)) / 2 AS lat
                  FROM event_index e JOIN place_geometry g ON g.place_id = e.place_id {Where(placeWhere)}) AS c
            GROUP BY x, y
            """;
        var rows = Reading(db => db.Query(sql, r => (X: r.GetInt64(0), Y: r.GetInt64(1), Count: r.GetInt64(2), SumLon: r.GetDouble(3), SumLat: r.GetDouble(4), Placed: r.GetBoolean(5)),
            [.. parameters]));
        var cells = new Dictionary<(long X, long Y), (long Count, double Lon, double Lat)>();
        // Points first, then the events placed by their place merged into the same cells, as the SQLite store does.
        foreach (var row in rows.OrderBy(r => r.Placed))
        {
            var (lon, lat) = kept && !row.Placed
                ? (row.SumLon / 1_000_000 / row.Count, row.SumLat / 1_000_000 / row.Count)
                : (row.SumLon / row.Count, row.SumLat / row.Count);
            if (cells.TryGetValue((row.X, row.Y), out var c))
            {
                var count = c.Count + row.Count;
                cells[(row.X, row.Y)] = (count, (c.Lon * c.Count + lon * row.Count) / count, (c.Lat * c.Count + lat * row.Count) / count);
            }
            else
            {
                cells[(row.X, row.Y)] = (row.Count, lon, lat);
            }
        }
        return cells.OrderBy(c => c.Key.X).ThenBy(c => c.Key.Y)
            .Select(c => new GridCell(c.Key.X * cellDegrees - 180, c.Key.Y * cellDegrees - 90, (c.Key.X + 1) * cellDegrees - 180, (c.Key.Y + 1) * cellDegrees - 90,
                (int)c.Value.Count, c.Value.Lon, c.Value.Lat))
            .ToList();
    }

    /// <summary>
    /// The kept grid's cells at a level, whole cells that touch the box, and the unlisted events' points added from their
    /// rows unless the filter leaves them out: (x, y, count, summed micro-degrees, false).
    /// </summary>
    private static string KeptPoints(EventFilter filter, double cellDegrees, List<(string Name, object? Value)> parameters)
    {
        var (minX, minY, maxX, maxY) = (long.MinValue, long.MinValue, long.MaxValue, long.MaxValue);
        if (filter.Box is { } box)
        {
            (minX, minY) = EventCells.Cell(box.MinLon, box.MinLat, cellDegrees);
            (maxX, maxY) = EventCells.Cell(box.MaxLon, box.MaxLat, cellDegrees);
        }
        parameters.AddRange([("level", Stores.GridLevels.ToList().IndexOf(cellDegrees)), ("minX", minX), ("maxX", maxX), ("minY", minY), ("maxY", maxY)]);
        var unlisted = filter.WithoutRestricted ? "" : """
            UNION ALL
            SELECT x, y, 1, round(lon * 1000000)::bigint, round(lat * 1000000)::bigint
            FROM (SELECT floor((e.lon + 180) / @cell)::bigint AS x, floor((e.lat + 90) / @cell)::bigint AS y, e.lon, e.lat
                  FROM restricted_record r JOIN event_index e ON e.id = r.id
                  WHERE r.unlisted AND e.lon IS NOT NULL AND NOT e.is_meeting) AS u
            WHERE x BETWEEN @minX AND @maxX AND y BETWEEN @minY AND @maxY
            """;
        return $"""
            SELECT x, y, SUM(count)::bigint, SUM(sum_lon)::float8, SUM(sum_lat)::float8, false
            FROM (SELECT x, y, count, sum_lon, sum_lat FROM event_cell
                  WHERE level = @level AND x BETWEEN @minX AND @maxX AND y BETWEEN @minY AND @maxY
                  {unlisted}) AS k
            GROUP BY x, y
            """;
    }

    /// <summary>The points matching the filter counted per cell from their rows: (x, y, count, summed degrees, false).</summary>
    private static string ComputedPoints(EventFilter filter, List<string> conditions)
    {
        var pointWhere = new List<string>(conditions) { "e.geom IS NOT NULL" };
        if (filter.Box is not null) pointWhere.Add(PointsInBox);
        return $"""
            SELECT floor((lon + 180) / @cell)::bigint AS x, floor((lat + 90) / @cell)::bigint AS y, COUNT(*), SUM(lon), SUM(lat), false
            FROM (SELECT e.lon, e.lat FROM event_index e {Where(pointWhere)}) AS p
            GROUP BY x, y
            """;
    }

    /// <summary>Events matching the filter counted per day by the database, then per week or month here.</summary>
    public IReadOnlyList<EventCount> CountEventsBy(EventFilter filter, EventPeriod period)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!Enum.IsDefined(period)) throw new ArgumentOutOfRangeException(nameof(period), period, "count by day, week or month");
        var kept = KeptDaysSql(filter, out var parameters);
        var sql = kept is not null
            ? $"SELECT day, SUM(n) FROM ({kept}) AS k GROUP BY day ORDER BY day"
            : $"SELECT e.first_day, COUNT(*) FROM event_index e {Where(Conditions(filter, parameters))} GROUP BY e.first_day ORDER BY e.first_day";
        var days = Reading(db => db.Query(sql, r => (Day: DateOnly.FromDayNumber(r.GetInt32(0)), Count: Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture)), [.. parameters]));
        return EventPeriods.Group(days, period);
    }

    // ---- Counts read from event_day ----

    /// <summary>
    /// For a filter of dates and the meeting flag only, rows (day, n) whose sum per day is the count of matching events
    /// by first day: the counts kept per day (<c>event_day</c>, <see cref="PostgresSchema.EventDay"/>) from the start on,
    /// plus the events begun before the start that run into it, found by the partial index of events longer than a day.
    /// The kept counts leave out unlisted events: for a reader who may see them (no <see cref="EventFilter.WithoutRestricted"/>)
    /// they are added, read from their rows (they are few); for one who may not, the events begun before the start leave
    /// them out too. Null for any other filter, which is counted from the events' rows.
    /// </summary>
    private static string? KeptDaysSql(EventFilter filter, out List<(string Name, object? Value)> parameters)
    {
        parameters = [];
        if (filter with { From = null, To = null, Meetings = null, WithoutRestricted = false } != new EventFilter()) return null;
        var count = filter.Meetings switch { true => "meetings", false => "events - meetings", null => "events" };
        // A day whose events are all meetings (or none are) has nothing to count for the other kind.
        var days = new List<string> { $"{count} > 0" };
        var earlier = new List<string> { "e.last_day > e.first_day" };
        var unlisted = new List<string> { "x.unlisted" };
        if (filter.From is { } from)
        {
            days.Add("day >= @from");
            earlier.AddRange(["e.first_day < @from", "e.last_day >= @from"]);
            unlisted.Add("e.first_day >= @from");
            parameters.Add(("from", from.DayNumber));
        }
        if (filter.To is { } to)
        {
            days.Add("day <= @to");
            earlier.Add("e.first_day <= @to");
            unlisted.Add("e.first_day <= @to");
            parameters.Add(("to", to.DayNumber));
        }
        if (filter.Meetings is { } meetings)
        {
            earlier.Add(meetings ? "e.is_meeting" : "NOT e.is_meeting");
            unlisted.Add(meetings ? "e.is_meeting" : "NOT e.is_meeting");
        }
        if (filter.WithoutRestricted) earlier.Add(RestrictedRecords.Condition);
        var sql = $"SELECT day, {count} AS n FROM event_day {Where(days)}";
        if (filter.From is not null) sql += $" UNION ALL SELECT e.first_day, COUNT(*) FROM event_index e {Where(earlier)} GROUP BY e.first_day";
        if (!filter.WithoutRestricted)
            sql += $" UNION ALL SELECT e.first_day, COUNT(*) FROM restricted_record x JOIN event_index e ON e.id = x.id {Where(unlisted)} GROUP BY e.first_day";
        return sql;
    }

    /// <summary>A point in the box: the GiST index finds the candidates (its boxes are rounded outwards), the coordinates decide.</summary>
    private const string PointsInBox =
        "(e.geom && ST_MakeEnvelope(@minLon, @minLat, @maxLon, @maxLat, 4326) AND e.lon BETWEEN @minLon AND @maxLon AND e.lat BETWEEN @minLat AND @maxLat)";

    /// <summary>The filter as conditions on <c>event_index e</c>, with the same meaning as in the SQLite store.</summary>
    private static List<string> Conditions(EventFilter filter, List<(string Name, object? Value)> parameters)
    {
        var where = new List<string>();
        if (filter.From is { } from)
        {
            // Events that run into the start. Only an event longer than a day can begin before the start and still
            // reach it, so the earliest such event bounds first_day from below: the (first_day, id) index then starts
            // there rather than at the oldest event (the partial index of long events finds that bound).
            where.Add("e.last_day >= @from");
            where.Add("e.first_day >= LEAST(@from, (SELECT MIN(m.first_day) FROM event_index m WHERE m.last_day > m.first_day AND m.last_day >= @from))");
            parameters.Add(("from", from.DayNumber));
        }
        if (filter.To is { } to)
        {
            where.Add("e.first_day <= @to");
            parameters.Add(("to", to.DayNumber));
        }
        if (filter.Type is { } type)
        {
            where.Add(EventSql.TypeOrSubtype("e.type", "@type"));
            parameters.Add(("type", type));
        }
        if (filter.Actor is { } actor)
        {
            where.Add("e.id IN (SELECT event_id FROM event_actor WHERE actor_id = @actor)");
            parameters.Add(("actor", actor.Value));
        }
        if (filter.Meetings is { } meetings) where.Add(meetings ? "e.is_meeting" : "NOT e.is_meeting");
        if (filter.WithoutRestricted) where.Add(RestrictedRecords.Condition);
        if (filter.Box is { } box)
        {
            where.Add($"""
                ({PointsInBox}
                 OR (e.geom IS NULL AND e.place_id IN (
                        SELECT g.place_id FROM place_geometry g WHERE g.geom && ST_MakeEnvelope(@minLon, @minLat, @maxLon, @maxLat, 4326))))
                """);
            AddBox(parameters, box);
        }
        return where;
    }

    private static void AddBox(List<(string Name, object? Value)> parameters, BoundingBox box)
    {
        if (parameters.Any(p => p.Name == "minLon")) return;
        parameters.Add(("minLon", box.MinLon));
        parameters.Add(("maxLon", box.MaxLon));
        parameters.Add(("minLat", box.MinLat));
        parameters.Add(("maxLat", box.MaxLat));
    }
}
