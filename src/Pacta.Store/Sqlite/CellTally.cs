namespace Pacta.Store.Sqlite;

/// <summary>
/// Gains and losses of the kept grid's cells (<see cref="EventCells"/>), tallied in memory at every level so that many
/// events add to each cell once: the SQLite store's writes and imports, and the PostgreSQL store's imports (whose
/// triggers are deferred) use it.
/// </summary>
internal sealed class CellTally
{
    private readonly Dictionary<(int Level, long X, long Y), (long Count, long SumLon, long SumLat)> cells = [];

    /// <summary>Adds (<paramref name="delta"/> = 1) or removes (−1) one event's point, in micro-degrees.</summary>
    public void Count(double lon, double lat, int delta)
    {
        var (microLon, microLat) = EventCells.Micro(lon, lat);
        for (var level = 0; level < EventCells.Levels.Count; level++)
        {
            var (x, y) = EventCells.Cell(lon, lat, EventCells.Levels[level]);
            cells.TryGetValue((level, x, y), out var sum);
            cells[(level, x, y)] = (sum.Count + delta, sum.SumLon + microLon * delta, sum.SumLat + microLat * delta);
        }
    }

    /// <summary>The cells whose tallies changed, and a fresh start.</summary>
    public List<(int Level, long X, long Y, long Count, long SumLon, long SumLat)> Take()
    {
        var changed = cells.Where(c => c.Value != (0, 0, 0)).Select(c => (c.Key.Level, c.Key.X, c.Key.Y, c.Value.Count, c.Value.SumLon, c.Value.SumLat)).ToList();
        cells.Clear();
        return changed;
    }
}
