using Pacta.Model;

namespace Pacta.Store;

/// <summary>A longitude/latitude box (WGS 84): west, south, east, north.</summary>
public sealed record BoundingBox(double MinLon, double MinLat, double MaxLon, double MaxLat)
{
    public double MinLon { get; } = MinLon is >= -180 and <= 180 ? MinLon : throw new ArgumentOutOfRangeException(nameof(MinLon), MinLon, "west must lie within -180..180");
    public double MinLat { get; } = MinLat is >= -90 and <= 90 ? MinLat : throw new ArgumentOutOfRangeException(nameof(MinLat), MinLat, "south must lie within -90..90");
    public double MaxLon { get; } = MaxLon is >= -180 and <= 180 && MaxLon >= MinLon ? MaxLon : throw new ArgumentOutOfRangeException(nameof(MaxLon), MaxLon, "east must lie within -180..180 and not west of west");
    public double MaxLat { get; } = MaxLat is >= -90 and <= 90 && MaxLat >= MinLat ? MaxLat : throw new ArgumentOutOfRangeException(nameof(MaxLat), MaxLat, "north must lie within -90..90 and not south of south");
}

/// <summary>
/// Which events to read. Dates select events whose span overlaps [From, To]; a type matches itself and its
/// sub-types (<c>acled:Battles</c> matches <c>acled:Battles/Armed clash</c>); a box selects events by their
/// own point, or by their place's extent when they have no point. <see cref="WithoutRestricted"/> leaves out events
/// marked restricted and those with a restricted field that queries select by (<see cref="Restriction.QueriedEventFields"/>).
/// </summary>
public sealed record EventFilter(
    DateOnly? From = null,
    DateOnly? To = null,
    BoundingBox? Box = null,
    string? Type = null,
    RecordId? Actor = null,
    bool? Meetings = null,
    bool WithoutRestricted = false);

/// <summary>A record that carries a restriction marking: whether it is restricted whole, and whether event queries leave it out for readers without the permission.</summary>
public sealed record RestrictedRecord(RecordId Id, RecordKind Kind, bool Whole, bool Unlisted);

/// <summary>Pieces of the event queries both stores build, each around them in its own SQL.</summary>
internal static class EventSql
{
    /// <summary>Conditions joined by AND after WHERE; nothing when there are none.</summary>
    public static string Where(List<string> conditions) => conditions.Count == 0 ? "" : "WHERE " + string.Join(" AND ", conditions);

    /// <summary>
    /// The type itself or one of its sub-types ("acled:Battles/…"): those sort after "type/" and before "type0", '0' being
    /// the character after '/'. <paramref name="column"/> as the store wants it read, <paramref name="parameter"/> its name in the SQL.
    /// </summary>
    public static string TypeOrSubtype(string column, string parameter) =>
        $"({column} = {parameter} OR ({column} > {parameter} || '/' AND {column} < {parameter} || '0'))";

    /// <exception cref="ArgumentOutOfRangeException">The size is not a number of degrees a grid can have.</exception>
    public static void CheckCellSize(double cellDegrees)
    {
        if (!double.IsFinite(cellDegrees) || cellDegrees is < 0.001 or > 90)
            throw new ArgumentOutOfRangeException(nameof(cellDegrees), cellDegrees, "a grid cell is 0.001 to 90 degrees wide");
    }

    /// <summary>
    /// A page from the rows a query read, one more than <paramref name="limit"/>: the events of the first
    /// <paramref name="limit"/>, and the cursor after the last of them when there is more.
    /// </summary>
    public static EventPage Page(List<(string Id, int Day, string Body)> rows, int limit, RecordBook records)
    {
        var events = rows.Take(limit).Select(r => (Event)records.Read(new RecordId(r.Id), RecordKind.Event, r.Body)).ToList();
        return new EventPage(events, rows.Count > limit ? EventCursor.Make(rows[limit - 1].Day, rows[limit - 1].Id) : null);
    }
}

internal static class RestrictedRecords
{
    /// <summary>The condition on <c>event_index e</c> that leaves out events readers without the permission may not find.</summary>
    public const string Condition = "NOT EXISTS (SELECT 1 FROM restricted_record x WHERE x.id = e.id AND x.unlisted)";
}

/// <summary>One page of events and the cursor for the next, or null when this is the last.</summary>
public sealed record EventPage(IReadOnlyList<Event> Events, string? NextCursor);

/// <summary>A cell of the map grid: its bounds, how many events fall in it, and their mean position.</summary>
public sealed record GridCell(double MinLon, double MinLat, double MaxLon, double MaxLat, int Count, double Lon, double Lat);

/// <summary>A cursor that does not come from this store's paging.</summary>
public sealed class InvalidCursorException(string message) : Exception(message);
