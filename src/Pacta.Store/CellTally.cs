using System.Runtime.InteropServices;

namespace Pacta.Store;

/// <summary>
/// Gains and losses of the kept grid's cells (<see cref="EventCells"/>), tallied in memory at every level so that many
/// events add to each cell once: the SQLite store's writes and imports, and the PostgreSQL store's imports (whose
/// triggers are deferred) use it.
/// </summary>
internal sealed class CellTally
{
    private readonly Dictionary<(int Level, long X, long Y), (long Count, long SumLon, long SumLat)> cells = [];

    /// <summary>What a point adds to the cells: its micro-degrees and its cell at each level, worked out once (an import does it on its reading thread).</summary>
    public sealed record PointCells(long MicroLon, long MicroLat, (long X, long Y)[] ByLevel);

    public static PointCells Cells(double lon, double lat)
    {
        var byLevel = new (long, long)[EventCells.Levels.Count];
        for (var level = 0; level < byLevel.Length; level++) byLevel[level] = EventCells.Cell(lon, lat, EventCells.Levels[level]);
        var (microLon, microLat) = EventCells.Micro(lon, lat);
        return new PointCells(microLon, microLat, byLevel);
    }

    /// <summary>Adds (<paramref name="delta"/> = 1) or removes (−1) one event's point, in micro-degrees.</summary>
    public void Count(double lon, double lat, int delta) => Count(Cells(lon, lat), delta);

    public void Count(PointCells point, int delta)
    {
        for (var level = 0; level < point.ByLevel.Length; level++)
        {
            var (x, y) = point.ByLevel[level];
            ref var sum = ref CollectionsMarshal.GetValueRefOrAddDefault(cells, (level, x, y), out _);
            sum = (sum.Count + delta, sum.SumLon + point.MicroLon * delta, sum.SumLat + point.MicroLat * delta);
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
