using NetTopologySuite.Geometries;
using Pacta.Model;

namespace Pacta.Store.Postgres;

public sealed partial class PostgresStore
{
    /// <summary>Places with a name that contains the query, compared folded, in the SQLite store's order (<see cref="PlaceSearch.ByName"/>).</summary>
    public IReadOnlyList<Place> FindPlaces(string query)
    {
        if (PlaceSearch.Folded(query) is not { } folded) return [];
        return Reading(db => PlaceSearch.ByName(db, records, folded, "starts_with(folded, @q)", "strpos(folded, @q) > 0"));
    }

    /// <summary>The places whose geometry intersects the box, ordered by id: the GiST index narrows by bounding boxes, ST_Intersects decides.</summary>
    public IReadOnlyList<RecordId> PlacesIntersecting(double minLon, double minLat, double maxLon, double maxLat)
    {
        // The box as NetTopologySuite makes it (as the SQLite store tests it): a point or a line when it has no area.
        var box = new GeometryFactory(new PrecisionModel(), 4326).ToGeometry(PlaceSearch.Box(minLon, minLat, maxLon, maxLat));
        return Reading(db => db.Query(
            "SELECT place_id FROM place_geometry WHERE geom && @box AND ST_Intersects(geom, @box) ORDER BY place_id",
            r => new RecordId(r.GetString(0)), ("box", box)));
    }
}
