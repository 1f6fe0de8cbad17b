using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Pacta.Model;

namespace Pacta.Store;

public sealed partial class SqliteStore
{
    /// <summary>Places with a name that contains the query, compared folded, best matches first (<see cref="PlaceSearch.ByName"/>).</summary>
    public IReadOnlyList<Place> FindPlaces(string query)
    {
        if (PlaceSearch.Folded(query) is not { } folded) return [];
        return Reading(db =>
        {
            RequireDerivedIndexes();
            return PlaceSearch.ByName(db, records, folded, "substr(folded, 1, length(@q)) = @q", "instr(folded, @q) > 0");
        });
    }

    /// <summary>
    /// The places whose geometry intersects the box, ordered by id: bounding boxes narrow the search in the
    /// R*Tree, then each candidate's geometry is tested exactly.
    /// </summary>
    public IReadOnlyList<RecordId> PlacesIntersecting(double minLon, double minLat, double maxLon, double maxLat)
    {
        var box = GeometryFactory.Default.ToGeometry(PlaceSearch.Box(minLon, minLat, maxLon, maxLat));
        return Reading(db =>
        {
            RequireDerivedIndexes();
            var candidates = db.Query(
                """
                SELECT g.place_id, g.wkb
                FROM place_rtree AS r JOIN place_geometry AS g ON g.rtree_id = r.id
                WHERE r.max_lon >= $minLon AND r.min_lon <= $maxLon AND r.max_lat >= $minLat AND r.min_lat <= $maxLat
                ORDER BY g.place_id
                """,
                r => (Id: new RecordId(r.GetString(0)), Wkb: (byte[])r.GetValue(1)),
                ("$minLon", minLon), ("$maxLon", maxLon), ("$minLat", minLat), ("$maxLat", maxLat));
            var reader = new WKBReader();
            return candidates.Where(c => reader.Read(c.Wkb).Intersects(box)).Select(c => c.Id).ToList();
        });
    }
}
