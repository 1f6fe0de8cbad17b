using System.Globalization;
using NetTopologySuite.Geometries;
using Pacta.Model;
using Pacta.Places;

namespace Pacta.Store.Postgres;

public sealed partial class PostgresStore
{
    /// <summary>
    /// Places with a name that contains the query, compared folded (<see cref="NameFolding"/>), in the SQLite store's
    /// order: exact matches, then names that start with the query, then the rest; the shortest matching name first.
    /// </summary>
    public IReadOnlyList<Place> FindPlaces(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var folded = NameFolding.Fold(query.Trim());
        if (folded.Length == 0) return [];
        return Reading(db =>
        {
            var ids = db.Query(
                """
                SELECT place_id,
                       MIN(CASE WHEN folded = @q THEN 0 WHEN starts_with(folded, @q) THEN 1 ELSE 2 END) AS rank,
                       MIN(length(folded)) AS shortest
                FROM place_name
                WHERE strpos(folded, @q) > 0
                GROUP BY place_id
                ORDER BY rank, shortest, place_id
                """,
                r => new RecordId(r.GetString(0)), ("q", folded));
            return ids.Select(id => (Place)Load(db, id)!).ToList();
        });
    }

    /// <summary>The places whose geometry intersects the box, ordered by id: the GiST index narrows by bounding boxes, ST_Intersects decides.</summary>
    public IReadOnlyList<RecordId> PlacesIntersecting(double minLon, double minLat, double maxLon, double maxLat)
    {
        if (!double.IsFinite(minLon) || !double.IsFinite(minLat) || !double.IsFinite(maxLon) || !double.IsFinite(maxLat))
            throw new ArgumentException("the box's corners must be finite numbers");
        if (minLon > maxLon || minLat > maxLat)
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"the box's minimum ({minLon}, {minLat}) lies beyond its maximum ({maxLon}, {maxLat})"));
        // The box as NetTopologySuite makes it (as the SQLite store tests it): a point or a line when it has no area.
        var box = new GeometryFactory(new PrecisionModel(), 4326).ToGeometry(new Envelope(minLon, maxLon, minLat, maxLat));
        return Reading(db => db.Query(
            "SELECT place_id FROM place_geometry WHERE geom && @box AND ST_Intersects(geom, @box) ORDER BY place_id",
            r => new RecordId(r.GetString(0)), ("box", box)));
    }
}
