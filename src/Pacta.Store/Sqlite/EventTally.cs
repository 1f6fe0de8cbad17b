namespace Pacta.Store.Sqlite;

/// <summary>
/// What the kept counts of events (<c>event_cell</c>, <c>event_day</c>) gain and lose, tallied in memory and then added
/// to the tables in one pass: an import of thousands of events in a region touches a few hundred cells and days, not
/// seven rows per event.
/// </summary>
internal sealed class EventTally
{
    private readonly CellTally cells = new();
    private readonly Dictionary<int, long> days = [];

    public void Count(double lon, double lat, int delta) => cells.Count(lon, lat, delta);

    /// <summary>The same as <see cref="Count(double, double, int)"/> for a point whose cells were worked out before.</summary>
    public void Count(CellTally.PointCells point, int delta) => cells.Count(point, delta);

    public void CountDay(int day, int delta) => days[day] = days.GetValueOrDefault(day) + delta;

    /// <summary>Adds the tallies to the tables, drops cells and days left empty, and starts again from nothing.</summary>
    public void Flush(StoreConnection db)
    {
        foreach (var cell in cells.Take()) AddCell(db, cell.Level, cell.X, cell.Y, cell.Count, cell.SumLon, cell.SumLat);
        foreach (var (day, count) in days)
        {
            if (count != 0) AddDay(db, day, count);
        }
        days.Clear();
    }

    /// <summary>Adds (<paramref name="delta"/> = 1) or removes (−1) one event's point at every level of <see cref="EventCells"/>, at once (a write without a tally).</summary>
    public static void AddPoint(StoreConnection db, double lon, double lat, int delta)
    {
        var point = CellTally.Cells(lon, lat);
        for (var level = 0; level < point.ByLevel.Length; level++)
        {
            var (x, y) = point.ByLevel[level];
            AddCell(db, level, x, y, delta, point.MicroLon * delta, point.MicroLat * delta);
        }
    }

    /// <summary>Adds a count and its summed micro-degrees to one cell; a cell whose count falls to zero goes.</summary>
    public static void AddCell(StoreConnection db, int level, long x, long y, long count, long sumLon, long sumLat)
    {
        db.Execute(
            """
            INSERT INTO event_cell (level, x, y, count, sum_lon, sum_lat) VALUES ($level, $x, $y, $count, $lon, $lat)
            ON CONFLICT (level, x, y) DO UPDATE SET count = count + excluded.count,
                sum_lon = sum_lon + excluded.sum_lon, sum_lat = sum_lat + excluded.sum_lat
            """,
            ("$level", level), ("$x", x), ("$y", y), ("$count", count), ("$lon", sumLon), ("$lat", sumLat));
        if (count < 0)
            db.Execute("DELETE FROM event_cell WHERE level = $level AND x = $x AND y = $y AND count <= 0", ("$level", level), ("$x", x), ("$y", y));
    }

    /// <summary>Adds to the count of events whose first day is <paramref name="day"/>; a day whose count falls to zero goes.</summary>
    public static void AddDay(StoreConnection db, int day, long count)
    {
        db.Execute(
            "INSERT INTO event_day (day, events) VALUES ($day, $count) ON CONFLICT (day) DO UPDATE SET events = events + excluded.events",
            ("$day", day), ("$count", count));
        if (count < 0) db.Execute("DELETE FROM event_day WHERE day = $day AND events <= 0", ("$day", day));
    }
}
