using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;
using Pacta.Model;

namespace Pacta.Geography;

/// <summary>
/// Which areas (districts, enclaves, countries, buffers) a point lies in: an STR-tree over the areas' envelopes narrows
/// the candidates, then each candidate's own indexed point-in-polygon locator decides (inside or on the boundary).
/// Built once, then safe to query from many threads.
/// </summary>
public sealed class AreaIndex<TKey>
{
    private readonly STRtree<(TKey Key, IPointOnGeometryLocator Locator)> tree = new();

    public AreaIndex(IEnumerable<(TKey Key, Geometry Area)> areas)
    {
        foreach (var (key, area) in areas)
        {
            if (area.Dimension != Dimension.Surface) throw new ArgumentException($"{key}: only polygons have an inside", nameof(areas));
            tree.Insert(area.EnvelopeInternal, (key, new IndexedPointInAreaLocator(area)));
            Count++;
        }
        tree.Build();
        // The locators build their own index on first use; do it now so that concurrent queries only read.
        foreach (var (_, locator) in tree.Query(new Envelope(-180, 180, -90, 90))) locator.Locate(new Coordinate(0, 0));
    }

    public int Count { get; }

    /// <summary>Every area the point lies in or on, in no particular order.</summary>
    public IEnumerable<TKey> Containing(double lon, double lat)
    {
        var at = new Coordinate(lon, lat);
        foreach (var (key, locator) in tree.Query(new Envelope(at)))
        {
            if (locator.Locate(at) != Location.Exterior) yield return key;
        }
    }

    /// <summary>The first area found containing the point, or the default when none does: for areas that do not overlap.</summary>
    public bool TryFind(double lon, double lat, out TKey key)
    {
        var at = new Coordinate(lon, lat);
        foreach (var (candidate, locator) in tree.Query(new Envelope(at)))
        {
            if (locator.Locate(at) != Location.Exterior)
            {
                key = candidate;
                return true;
            }
        }
        key = default!;
        return false;
    }
}

/// <summary>Areas of places: the polygons among them, keyed by place id.</summary>
public static class PlaceAreas
{
    public static AreaIndex<RecordId> Index(IEnumerable<Place> places) =>
        new(places.Where(p => p.Geometry is { Dimension: Dimension.Surface }).Select(p => (p.Id, p.Geometry!)));
}
