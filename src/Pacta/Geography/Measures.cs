using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;

namespace Pacta.Geography;

/// <summary>
/// Lengths, areas, distances and buffers of WGS 84 longitude/latitude geometries, measured on the ellipsoid and
/// never in planar degrees. Lengths sum geodesic segments; areas are exact on the sphere of equal area
/// (authalic latitudes), which differs from the ellipsoidal area only by how edges bend between vertices.
/// </summary>
public static class Measures
{
    /// <summary>The geodesic length in metres of the lines in the geometry (points and polygons add nothing; see <see cref="Perimeter"/>).</summary>
    public static double Length(Geometry geometry) => geometry switch
    {
        LineString line => PathLength(line.CoordinateSequence),
        GeometryCollection many => Enumerable.Range(0, many.NumGeometries).Sum(i => Length(many.GetGeometryN(i))),
        _ => 0,
    };

    /// <summary>The geodesic length in metres of the rings of the polygons in the geometry.</summary>
    public static double Perimeter(Geometry geometry) => geometry switch
    {
        Polygon polygon => polygon.Shell is null ? 0 : PathLength(polygon.Shell.CoordinateSequence) + polygon.Holes.Sum(h => PathLength(h.CoordinateSequence)),
        GeometryCollection many => Enumerable.Range(0, many.NumGeometries).Sum(i => Perimeter(many.GetGeometryN(i))),
        _ => 0,
    };

    /// <summary>The area in square metres of the polygons in the geometry: each shell's less its holes'.</summary>
    public static double Area(Geometry geometry) => geometry switch
    {
        Polygon polygon when !polygon.IsEmpty => RingArea(polygon.Shell.CoordinateSequence) - polygon.Holes.Sum(h => RingArea(h.CoordinateSequence)),
        GeometryCollection many => Enumerable.Range(0, many.NumGeometries).Sum(i => Area(many.GetGeometryN(i))),
        _ => 0,
    };

    /// <summary>The shortest geodesic distance in metres between two geometries; 0 when they touch or overlap.</summary>
    public static double Distance(Geometry a, Geometry b)
    {
        if (a.IsEmpty || b.IsEmpty) throw new ArgumentException("cannot measure the distance to an empty geometry");
        if (a is Point p && b is Point q) return Geodesic.Distance(p.X, p.Y, q.X, q.Y);
        if (a.Intersects(b)) return 0;
        var projection = LocalProjection.Around(a, b);
        var nearest = DistanceOp.NearestPoints(projection.Forward(a), projection.Forward(b));
        var (lon1, lat1) = projection.Backward(nearest[0].X, nearest[0].Y);
        var (lon2, lat2) = projection.Backward(nearest[1].X, nearest[1].Y);
        return Geodesic.Distance(lon1, lat1, lon2, lat2);
    }

    /// <summary>
    /// The area within <paramref name="metres"/> of the geometry, as a longitude/latitude polygon: buffered in a
    /// local azimuthal equidistant projection (<see cref="LocalProjection"/>) and brought back.
    /// </summary>
    public static Geometry Buffer(Geometry geometry, double metres, int segmentsPerQuarterCircle = 16)
    {
        if (!double.IsFinite(metres) || metres <= 0) throw new ArgumentOutOfRangeException(nameof(metres), metres, "a buffer's width must be a positive number of metres");
        if (geometry.IsEmpty) throw new ArgumentException("cannot buffer an empty geometry", nameof(geometry));
        var projection = LocalProjection.Around(geometry);
        var buffered = projection.Forward(geometry).Buffer(metres, segmentsPerQuarterCircle);
        return projection.Backward(buffered);
    }

    private static double PathLength(CoordinateSequence seq)
    {
        var total = 0.0;
        for (var i = 1; i < seq.Count; i++)
            total += Geodesic.Distance(seq.GetX(i - 1), seq.GetY(i - 1), seq.GetX(i), seq.GetY(i));
        return total;
    }

    /// <summary>
    /// A ring's area on the authalic sphere: the sum, edge by edge, of the signed spherical excess of the
    /// quadrilateral between the edge and the equator (tan E/2 = tan(Δλ/2)·(t1+t2)/(1+t1·t2), t = tan(β/2)).
    /// </summary>
    private static double RingArea(CoordinateSequence seq)
    {
        var sum = 0.0;
        for (var i = 1; i < seq.Count; i++)
        {
            var t1 = Math.Tan(Authalic.Latitude(seq.GetY(i - 1) * Math.PI / 180) / 2);
            var t2 = Math.Tan(Authalic.Latitude(seq.GetY(i) * Math.PI / 180) / 2);
            var dl = Geodesic.NormalizeRadians((seq.GetX(i) - seq.GetX(i - 1)) * Math.PI / 180);
            sum += 2 * Math.Atan(Math.Tan(dl / 2) * (t1 + t2) / (1 + t1 * t2));
        }
        return Math.Abs(sum) * Authalic.Radius * Authalic.Radius;
    }
}
