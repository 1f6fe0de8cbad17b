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
