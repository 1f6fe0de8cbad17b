namespace Pacta.Store.Sqlite;

/// <summary>
/// Event points counted per grid cell in memory, then added to <c>event_cell</c> in one pass: an import of
/// thousands of events in a region touches a few hundred cells, not six rows per event.
/// </summary>
internal sealed class EventCellTally
{
    private const double Micro = 1_000_000;
    private readonly Dictionary<(int Level, long X, long Y), (long Count, long SumLon, long SumLat)> cells = [];

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

    /// <summary>Adds the tallies to the table, drops cells left empty, and starts again from nothing.</summary>
    public void Flush(StoreConnection db)
    {
        foreach (var ((level, x, y), (count, sumLon, sumLat)) in cells)
        {
            if (count == 0 && sumLon == 0 && sumLat == 0) continue;
            EventCells.Add(db, level, x, y, count, sumLon, sumLat);
        }
        cells.Clear();
    }
}
