namespace Pacta.Store.Sqlite;

/// <summary>
/// What the kept counts of events (<c>event_cell</c>, <c>event_day</c>) gain and lose, tallied in memory and then added
/// to the tables in one pass: an import of thousands of events in a region touches a few hundred cells and days, not
/// seven rows per event.
/// </summary>
internal sealed class EventTally
{
    private const double Micro = 1_000_000;
    private readonly Dictionary<(int Level, long X, long Y), (long Count, long SumLon, long SumLat)> cells = [];
    private readonly Dictionary<int, long> days = [];

    public void Count(double lon, double lat, int delta)
    {
        var (microLon, microLat) = ((long)Math.Round(lon * Micro), (long)Math.Round(lat * Micro));
        for (var level = 0; level < EventCells.Levels.Count; level++)
        {
            var (x, y) = EventCells.Cell(lon, lat, EventCells.Levels[level]);
            cells.TryGetValue((level, x, y), out var sum);
            cells[(level, x, y)] = (sum.Count + delta, sum.SumLon + microLon * delta, sum.SumLat + microLat * delta);
        }
    }

    public void CountDay(int day, int delta) => days[day] = days.GetValueOrDefault(day) + delta;

    /// <summary>Adds the tallies to the tables, drops cells and days left empty, and starts again from nothing.</summary>
    public void Flush(StoreConnection db)
    {
        foreach (var ((level, x, y), (count, sumLon, sumLat)) in cells)
        {
            if (count == 0 && sumLon == 0 && sumLat == 0) continue;
            EventCells.Add(db, level, x, y, count, sumLon, sumLat);
        }
        cells.Clear();
        foreach (var (day, count) in days)
        {
            if (count != 0) AddDay(db, day, count);
        }
        days.Clear();
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
