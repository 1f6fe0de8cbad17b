using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetTopologySuite.Geometries;
using Pacta.Json;

namespace Pacta.Geography;

/// <summary>
/// Writes RFC 7946 GeoJSON: longitude, latitude in two dimensions, exterior rings counter-clockwise and holes
/// clockwise, no crs member. One position per line, so a diff of two exports shows which vertices moved.
/// </summary>
public static class GeoJsonOutput
{
    /// <summary>A geometry object on its own (a dataset's geometry file).</summary>
    public static string Geometry(Geometry geometry)
    {
        var text = new StringBuilder();
        WriteGeometry(text, GeoJsonInput.Rewound(geometry), "");
        return text.Append('\n').ToString();
    }

    /// <summary>A FeatureCollection of (id, geometry, properties); properties are written as given, in order.</summary>
    public static string FeatureCollection(IEnumerable<(string Id, Geometry Geometry, JsonObject Properties)> features)
    {
        var text = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
        var first = true;
        foreach (var (id, geometry, properties) in features)
        {
            text.Append(first ? "\n" : ",\n");
            first = false;
            text.Append("{\"type\":\"Feature\",\"id\":").Append(JsonSerializer.Serialize(id, PactaJson.Options))
                .Append(",\"properties\":").Append(properties.ToJsonString(PactaJson.Options))
                .Append(",\"geometry\":");
            WriteGeometry(text, GeoJsonInput.Rewound(geometry), "");
            text.Append('}');
        }
        return text.Append("\n]}\n").ToString();
    }

    private static void WriteGeometry(StringBuilder text, Geometry geometry, string indent)
    {
        text.Append("{\"type\":\"").Append(geometry.GeometryType).Append('"');
        if (geometry is GeometryCollection and not (MultiPoint or MultiLineString or MultiPolygon))
        {
            text.Append(",\"geometries\":[");
            for (var i = 0; i < geometry.NumGeometries; i++)
            {
                if (i > 0) text.Append(',');
                WriteGeometry(text, geometry.GetGeometryN(i), indent);
            }
            text.Append("]}");
            return;
        }
        text.Append(",\"coordinates\":");
        Coordinates(text, geometry);
        text.Append('}');
    }

    private static void Coordinates(StringBuilder text, Geometry geometry)
    {
        switch (geometry)
        {
            case Point p:
                Position(text, p.Coordinate);
                break;
            case LineString line:
                Sequence(text, line.Coordinates);
                break;
            case Polygon polygon:
                text.Append('[');
                Sequence(text, polygon.Shell.Coordinates);
                foreach (var hole in polygon.Holes)
                {
                    text.Append(",\n");
                    Sequence(text, hole.Coordinates);
                }
                text.Append(']');
                break;
            case GeometryCollection many:
                text.Append('[');
                for (var i = 0; i < many.NumGeometries; i++)
                {
                    if (i > 0) text.Append(",\n");
                    Coordinates(text, many.GetGeometryN(i));
                }
                text.Append(']');
                break;
        }
    }

    private static void Sequence(StringBuilder text, Coordinate[] coordinates)
    {
        text.Append('[');
        for (var i = 0; i < coordinates.Length; i++)
        {
            if (i > 0) text.Append(coordinates.Length > 8 ? ",\n" : ",");
            Position(text, coordinates[i]);
        }
        text.Append(']');
    }

    private static void Position(StringBuilder text, Coordinate c) =>
        text.Append('[').Append(Number(c.X)).Append(',').Append(Number(c.Y)).Append(']');

    private static string Number(double value) => Math.Round(value, 6).ToString("R", CultureInfo.InvariantCulture);
}
