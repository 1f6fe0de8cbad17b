namespace Pacta.Store;

/// <summary>
/// The event grid kept as events are written (table <c>event_cell</c>): counts and summed positions of the points
/// of events that are not meetings (the map draws meetings apart), per cell, at a few fixed cell sizes. The map's
/// unfiltered views read it instead of the points.
/// </summary>
internal static class EventCells
{
    /// <summary>Cell sizes in degrees, coarse to fine; the index in this list is the stored level.</summary>
    public static IReadOnlyList<double> Levels { get; } = [2, 1, 0.5, 0.25, 0.1, 0.05];

    private const double MicroDegrees = 1_000_000;

    /// <summary>
    /// A point in whole micro-degrees, as the cells sum them: rounded half to even, as PostgreSQL's <c>round</c> of a
    /// double does, so that both stores' sums agree.
    /// </summary>
    public static (long Lon, long Lat) Micro(double lon, double lat) => ((long)Math.Round(lon * MicroDegrees), (long)Math.Round(lat * MicroDegrees));

    public static (long X, long Y) Cell(double lon, double lat, double size) =>
        ((long)Math.Floor((lon + 180) / size), (long)Math.Floor((lat + 90) / size));

    /// <summary>The size of the cells events are indexed by (<see cref="Key"/>): the finest level.</summary>
    public static double KeySize => Levels[^1];

    /// <summary>Rows of cells in a column of the key: more than the 3,601 rows of the finest level.</summary>
    private const long KeyRows = 8192;

    /// <summary>
    /// The cell of a point at the finest level as one integer, column by column (x × 8192 + y): the events of a small
    /// box are those of a few ranges of keys, one per column of cells it touches (<see cref="KeyRanges"/>).
    /// </summary>
    public static long Key(double lon, double lat)
    {
        var (x, y) = Cell(lon, lat, KeySize);
        return x * KeyRows + y;
    }

    /// <summary>
    /// <see cref="Key"/> as SQL over two columns. The sums are non-negative, so truncating is flooring; SQLite and .NET
    /// divide the same IEEE doubles, so both give the same key.
    /// </summary>
    public static string KeySql(string lon, string lat) =>
        FormattableString.Invariant($"(CAST(({lon} + 180) / {KeySize} AS INTEGER) * {KeyRows} + CAST(({lat} + 90) / {KeySize} AS INTEGER))");

    /// <summary>The ranges of keys of the cells a box touches, one per column; null when they would be more than <paramref name="maxColumns"/>.</summary>
    public static IReadOnlyList<(long From, long To)>? KeyRanges(double minLon, double minLat, double maxLon, double maxLat, int maxColumns)
    {
        var (x0, y0) = Cell(minLon, minLat, KeySize);
        var (x1, y1) = Cell(maxLon, maxLat, KeySize);
        if (x1 - x0 + 1 > maxColumns) return null;
        var ranges = new List<(long, long)>((int)(x1 - x0 + 1));
        for (var x = x0; x <= x1; x++) ranges.Add((x * KeyRows + y0, x * KeyRows + y1));
        return ranges;
    }

    public static double MeanDegrees(long sum, long count) => sum / MicroDegrees / count;
}
