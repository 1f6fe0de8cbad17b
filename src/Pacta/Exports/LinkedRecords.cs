using NetTopologySuite.Geometries;
using Pacta.Model;

namespace Pacta.Exports;

/// <summary>
/// The actors, places and sources that exported events refer to, each looked up once and kept in its exported
/// form (names, not geometries): memory grows with the number of distinct actors and places, never with events.
/// </summary>
public sealed class LinkedRecords(Func<RecordId, IRecord?> find)
{
    /// <summary>How far up <see cref="Place.Within"/> a place's country and administrative areas are looked for.</summary>
    private const int MaxNesting = 12;

    private readonly Dictionary<RecordId, Actor?> actors = [];
    private readonly Dictionary<RecordId, PlaceSummary?> places = [];
    private readonly Dictionary<RecordId, Source?> sources = [];

    public Actor? Actor(RecordId id)
    {
        if (!actors.TryGetValue(id, out var actor))
            actors[id] = actor = find(id) as Actor;
        return actor;
    }

    public Source? Source(RecordId id)
    {
        if (!sources.TryGetValue(id, out var source))
            sources[id] = source = find(id) as Source;
        return source;
    }

    public PlaceSummary? Place(RecordId id)
    {
        if (!places.TryGetValue(id, out var summary))
            places[id] = summary = find(id) is Place place ? Summarise(place) : null;
        return summary;
    }

    /// <summary>
    /// A place's name as an export shows it: every English name in use, joined by " / " (Khankendi / Stepanakert),
    /// so that no side's name is chosen over the other's; a place with no English name shows all its names.
    /// </summary>
    public static string NeutralName(Place place)
    {
        ArgumentNullException.ThrowIfNull(place);
        var english = place.Names.Where(n => n.Lang == "en").Select(n => n.Text).Distinct(StringComparer.Ordinal).ToList();
        return string.Join(" / ", english.Count > 0 ? english : place.Names.Select(n => n.Text).Distinct(StringComparer.Ordinal));
    }

    private PlaceSummary Summarise(Place place)
    {
        string? country = null, region = null, district = null;
        var current = place;
        var seen = new HashSet<RecordId>();
        for (var depth = 0; current is not null && depth < MaxNesting && seen.Add(current.Id); depth++)
        {
            switch (current.Kind)
            {
                case PlaceKind.Country: country ??= NeutralName(current); break;
                case PlaceKind.Region: region ??= NeutralName(current); break;
                case PlaceKind.District: district ??= NeutralName(current); break;
            }
            current = current.Within is { } within ? find(within) as Place : null;
        }
        return new PlaceSummary(place.Id, place.Kind, NeutralName(place), Point(place.Geometry), country, region, district);
    }

    /// <summary>A point standing for the geometry: the point itself, or a point inside the area or on the line.</summary>
    private static GeoPoint? Point(Geometry? geometry)
    {
        if (geometry is null || geometry.IsEmpty) return null;
        var point = geometry as Point ?? geometry.InteriorPoint;
        return point is null || point.IsEmpty ? null : new GeoPoint(point.X, point.Y);
    }
}

/// <summary>What exports say of a place: its neutral name, a point for it, and the country, region and district it lies within.</summary>
public sealed record PlaceSummary(RecordId Id, PlaceKind Kind, string Name, GeoPoint? Point, string? Country, string? Region, string? District);
