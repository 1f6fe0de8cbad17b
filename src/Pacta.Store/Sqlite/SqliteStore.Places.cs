using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Pacta.Model;
using Pacta.Places;

namespace Pacta.Store;

public sealed partial class SqliteStore
{
    /// <summary>
    /// Places with a name that contains the query, compared folded (<see cref="NameFolding"/>): "susa" finds Şuşa,
    /// "khankendi" and "Ստեփանակերտ" find the same city. Exact matches come first, then names that start with
    /// the query, then the rest; within each, the shortest matching name first.
    /// </summary>
    public IReadOnlyList<Place> FindPlaces(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var folded = NameFolding.Fold(query.Trim());
        if (folded.Length == 0) return [];
        return Reading(db =>
        {
            RequireDerivedIndexes();
            var ids = db.Query(
                """
                SELECT place_id,
                       MIN(CASE WHEN folded = $q THEN 0 WHEN substr(folded, 1, length($q)) = $q THEN 1 ELSE 2 END) AS rank,
                       MIN(length(folded)) AS shortest
                FROM place_name
                WHERE instr(folded, $q) > 0
                GROUP BY place_id
                ORDER BY rank, shortest, place_id
                """,
                r => new RecordId(r.GetString(0)), ("$q", folded));
            return ids.Select(id => (Place)Load(db, id)!).ToList();
        });
    }

    /// <summary>
    /// The places whose geometry intersects the box, ordered by id: bounding boxes narrow the search in the
    /// R*Tree, then each candidate's geometry is tested exactly.
    /// </summary>
    public IReadOnlyList<RecordId> PlacesIntersecting(double minLon, double minLat, double maxLon, double maxLat)
    {
        if (!double.IsFinite(minLon) || !double.IsFinite(minLat) || !double.IsFinite(maxLon) || !double.IsFinite(maxLat))
            throw new ArgumentException("the box's corners must be finite numbers");
        if (minLon > maxLon || minLat > maxLat)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the box's minimum ({minLon}, {minLat}) lies beyond its maximum ({maxLon}, {maxLat})"));
        var box = GeometryFactory.Default.ToGeometry(new Envelope(minLon, maxLon, minLat, maxLat));
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
