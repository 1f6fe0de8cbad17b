using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace Pacta.Model;

/// <summary>What makes a geometry acceptable: WGS 84 longitude/latitude in range, two dimensions, not empty, OGC-valid.</summary>
public static class PlaceGeometry
{
    /// <summary>Beyond this a geometry is refused rather than stored: a place is not a whole coastline at survey resolution.</summary>
    public const int MaxVertices = 1_000_000;

    public static Geometry Check(Geometry geometry, string field)
    {
        var problem = Problem(geometry);
        return problem is null ? geometry : throw new ArgumentException(problem, field);
    }

    /// <summary>Why the geometry is not acceptable, naming a coordinate where one is at fault; null when it is.</summary>
    public static string? Problem(Geometry geometry)
    {
        if (geometry.IsEmpty) return "the geometry is empty";
        if (geometry.NumPoints > MaxVertices)
            return $"the geometry has {geometry.NumPoints:N0} vertices; at most {MaxVertices:N0} are accepted";
        foreach (var c in geometry.Coordinates)
        {
            if (double.IsNaN(c.X) || double.IsNaN(c.Y) || double.IsInfinity(c.X) || double.IsInfinity(c.Y))
                return "a coordinate is not a finite number";
            if (c.X is < -180 or > 180) return $"longitude {Format(c.X)} is outside -180..180 (at {Format(c.X)} {Format(c.Y)})";
            if (c.Y is < -90 or > 90) return $"latitude {Format(c.Y)} is outside -90..90 (at {Format(c.X)} {Format(c.Y)})";
            if (!double.IsNaN(c.Z)) return "coordinates must have two dimensions (longitude, latitude), not three";
        }
        var validity = new IsValidOp(geometry).ValidationError;
        if (validity is not null)
        {
            var at = validity.Coordinate;
            return at is null
                ? $"invalid geometry: {validity.Message.ToLowerInvariant()}"
                : $"invalid geometry: {validity.Message.ToLowerInvariant()} at {Format(at.X)} {Format(at.Y)}";
        }
        return null;
    }

    private static string Format(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
