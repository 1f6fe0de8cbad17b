using System.Globalization;
using System.Text;
using Pacta.Model;
using Pacta.Store.Sqlite;

namespace Pacta.Store;

public sealed partial class SqliteStore
{
    /// <summary>The largest page a caller may ask for.</summary>
    public const int MaxPageSize = 1000;

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
        var (where, parameters) = EventConditions(filter);
        if (cursor is not null)
        {
            var (day, id) = ParseCursor(cursor);
            where.Add(newestFirst ? "(e.first_day, e.id) < ($cursorDay, $cursorId)" : "(e.first_day, e.id) > ($cursorDay, $cursorId)");
            parameters.Add(("$cursorDay", day));
            parameters.Add(("$cursorId", id));
        }
        var order = newestFirst ? "DESC" : "ASC";
        var sql = $"""
            SELECT e.id, e.first_day, r.body FROM event_index e JOIN record r ON r.id = e.id
            {Where(where)}
            ORDER BY e.first_day {order}, e.id {order} LIMIT $limit
            """;
        parameters.Add(("$limit", limit + 1));
        return Locked(() =>
        {
            RequireDerivedIndexes();
            var rows = db.Query(sql, r => (Id: r.GetString(0), Day: r.GetInt32(1), Body: r.GetString(2)), [.. parameters]);
            var events = rows.Take(limit).Select(r => (Event)Read(new RecordId(r.Id), RecordKind.Event, r.Body)).ToList();
            var next = rows.Count > limit ? MakeCursor(rows[limit - 1].Day, rows[limit - 1].Id) : null;
            return new EventPage(events, next);
        });
    }

    /// <summary>How many events match the filter.</summary>
    public int CountEvents(EventFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var (where, parameters) = EventConditions(filter);
        return Locked(() =>
        {
            RequireDerivedIndexes();
            return Convert.ToInt32(db.Scalar($"SELECT COUNT(*) FROM event_index e {Where(where)}", [.. parameters]), CultureInfo.InvariantCulture);
        });
    }

    /// <summary>
    /// Events counted by grid cell of <paramref name="cellDegrees"/>, for a map that must never ask for every point.
    /// An event without a point of its own counts at the centre of its place's extent; one with neither is left out.
    /// </summary>
    public IReadOnlyList<GridCell> EventGrid(EventFilter filter, double cellDegrees)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!double.IsFinite(cellDegrees) || cellDegrees is < 0.001 or > 90)
            throw new ArgumentOutOfRangeException(nameof(cellDegrees), cellDegrees, "a grid cell is 0.001 to 90 degrees wide");
        var (where, parameters) = EventConditions(filter);
        parameters.Add(("$cell", cellDegrees));
        var sql = $"""
            WITH position AS (
                SELECT COALESCE(e.lon, (t.min_lon + t.max_lon) / 2) AS lon, COALESCE(e.lat, (t.min_lat + t.max_lat) / 2) AS lat
                FROM event_index e
                LEFT JOIN place_geometry g ON e.lon IS NULL AND g.place_id = e.place_id
                LEFT JOIN place_rtree t ON t.id = g.rtree_id
                {Where(where)}
            )
            SELECT CAST((lon + 180) / $cell AS INTEGER) AS x, CAST((lat + 90) / $cell AS INTEGER) AS y,
                   COUNT(*), AVG(lon), AVG(lat)
            FROM position WHERE lon IS NOT NULL GROUP BY x, y ORDER BY x, y
            """;
        return Locked(() =>
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

    private static (List<string> Where, List<(string Name, object? Value)> Parameters) EventConditions(EventFilter filter)
    {
        var where = new List<string>();
        var parameters = new List<(string Name, object? Value)>();
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
            where.Add("(e.type = $type OR substr(e.type, 1, length($type) + 1) = $type || '/')");
            parameters.Add(("$type", type));
        }
        if (filter.Actor is { } actor)
        {
            where.Add("e.id IN (SELECT event_id FROM event_actor WHERE actor_id = $actor)");
            parameters.Add(("$actor", actor.Value));
        }
        if (filter.Meetings is { } meetings)
        {
            where.Add("e.is_meeting = $meeting");
            parameters.Add(("$meeting", meetings ? 1 : 0));
        }
        if (filter.Box is { } box)
        {
            where.Add("""
                (e.rtree_id IN (SELECT id FROM event_rtree
                                WHERE min_lon >= $minLon AND max_lon <= $maxLon AND min_lat >= $minLat AND max_lat <= $maxLat)
                 OR (e.lon IS NULL AND e.place_id IN (
                        SELECT g.place_id FROM place_geometry g JOIN place_rtree t ON t.id = g.rtree_id
                        WHERE t.max_lon >= $minLon AND t.min_lon <= $maxLon AND t.max_lat >= $minLat AND t.min_lat <= $maxLat)))
                """);
            parameters.Add(("$minLon", box.MinLon));
            parameters.Add(("$maxLon", box.MaxLon));
            parameters.Add(("$minLat", box.MinLat));
            parameters.Add(("$maxLat", box.MaxLat));
        }
        return (where, parameters);
    }

    private static string Where(List<string> conditions) => conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);

    private static string MakeCursor(int day, string id) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{day.ToString(CultureInfo.InvariantCulture)}:{id}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static (int Day, string Id) ParseCursor(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - base64.Length % 4) % 4);
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && int.TryParse(text.AsSpan(0, colon), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var day)
                && RecordId.IsValid(text[(colon + 1)..]))
                return (day, text[(colon + 1)..]);
        }
        catch (FormatException)
        {
            // Reported below with the same message as any other unreadable cursor.
        }
        throw new InvalidCursorException($"'{cursor}' is not a cursor this server gave out; start again without one");
    }
}
