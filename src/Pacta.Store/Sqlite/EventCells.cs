namespace Pacta.Store.Sqlite;

/// <summary>
/// The event grid kept as events are written (table <c>event_cell</c>): counts and summed positions of the points
/// of events that are not meetings (the map draws meetings apart), per cell, at a few fixed cell sizes. The map's
/// unfiltered views read it instead of the points.
/// </summary>
internal static class EventCells
{
    /// <summary>Cell sizes in degrees, coarse to fine; the index in this list is the stored level.</summary>
    public static IReadOnlyList<double> Levels { get; } = [2, 1, 0.5, 0.25, 0.1, 0.05];

    private const double Micro = 1_000_000;

    public static (long X, long Y) Cell(double lon, double lat, double size) =>
        ((long)Math.Floor((lon + 180) / size), (long)Math.Floor((lat + 90) / size));

    /// <summary>Adds (<paramref name="delta"/> = 1) or removes (−1) one event point at every level.</summary>
    public static void Count(StoreConnection db, double lon, double lat, int delta)
    {
        var (microLon, microLat) = ((long)Math.Round(lon * Micro), (long)Math.Round(lat * Micro));
        for (var level = 0; level < Levels.Count; level++)
        {
            var (x, y) = Cell(lon, lat, Levels[level]);
            Add(db, level, x, y, delta, microLon * delta, microLat * delta);
        }
    }

    /// <summary>Adds a count and its summed micro-degrees to one cell; a cell whose count falls to zero goes.</summary>
    public static void Add(StoreConnection db, int level, long x, long y, long count, long sumLon, long sumLat)
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

    public static double MeanDegrees(long sum, long count) => sum / Micro / count;
}
