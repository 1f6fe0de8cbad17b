using System.Globalization;
using System.Text.Json.Nodes;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;
using Pacta.Datasets;
using Pacta.Model;

namespace Pacta.Geography;

/// <summary>One feature read from a GeoJSON file: its geometry, its properties and where it starts.</summary>
public sealed record GeoJsonFeature(Geometry Geometry, JsonObject Properties, string? Id, int Line, int Column);

/// <summary>What a GeoJSON file held, and what was repaired on the way when repairs were asked for.</summary>
public sealed record GeoJsonContent(IReadOnlyList<GeoJsonFeature> Features, IReadOnlyList<Problem> Repairs);

/// <summary>
/// Reads GeoJSON strictly as RFC 7946 says: WGS 84 longitude/latitude, two dimensions, no <c>crs</c> member, closed
/// rings with at least four positions, exterior rings counter-clockwise and holes clockwise, nothing empty, valid
/// (OGC simple features) and within <see cref="PlaceGeometry.MaxVertices"/> vertices. Every problem is reported at its
/// line and column. With <c>fix</c>, what can be repaired without guessing is (winding, unclosed rings, a third
/// coordinate, a WGS 84 crs member, empty features dropped, self-intersections by NetTopologySuite's GeometryFixer),
/// and each repair is reported; what cannot (a coordinate off the globe, too many vertices) stays an error.
/// </summary>
public static class GeoJsonInput
{
    /// <summary>Files larger than this are refused before parsing.</summary>
    public const long MaxFileBytes = 512L * 1024 * 1024;

    /// <summary>All positions of a file together: twice the most one geometry may have.</summary>
    public const long MaxPositions = 2L * PlaceGeometry.MaxVertices;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    /// <summary>Reads a FeatureCollection, a Feature or a bare geometry; throws <see cref="InvalidInputException"/> with every problem.</summary>
    public static GeoJsonContent Read(string path, string displayName, bool fix)
    {
        var info = new FileInfo(path);
        if (!info.Exists) throw new InvalidInputException([new Problem(displayName, 1, 1, Directory.Exists(path) ? "a folder, not a file" : "no such file")]);
        if (info.Length > MaxFileBytes)
            throw new InvalidInputException([new Problem(displayName, 1, 1, $"the file has {info.Length:N0} bytes; at most {MaxFileBytes:N0} are read")]);
        return Parse(File.ReadAllBytes(path), displayName, fix);
    }

    public static GeoJsonContent Parse(byte[] utf8, string displayName, bool fix)
    {
        LocatedNode root;
        try
        {
            root = LocatedJson.Parse(utf8, 2 * MaxPositions);
        }
        catch (LocatedJson.SyntaxException e)
        {
            throw new InvalidInputException([new Problem(displayName, e.Line, e.Column, e.Message)]);
        }
        var reading = new Reading(displayName, fix);
        var features = reading.Root(root);
        var errors = reading.Problems.Where(p => p.Severity == Severity.Error).ToList();
        if (errors.Count > 0) throw new InvalidInputException(errors);
        return new GeoJsonContent(features, reading.Problems.Where(p => p.Severity == Severity.Warning).ToList());
    }

    /// <summary>A bare geometry (a dataset's geometry file), strictly: no repairs.</summary>
    public static Geometry ReadGeometry(byte[] utf8, string displayName)
    {
        var content = Parse(utf8, displayName, fix: false);
        return content.Features.Count == 1 && content.Features[0].Properties.Count == 0
            ? content.Features[0].Geometry
            : throw new InvalidInputException([new Problem(displayName, 1, 1, "a geometry file holds one GeoJSON geometry object, not features")]);
    }

    private sealed class Reading(string file, bool fix)
    {
        public List<Problem> Problems { get; } = [];

        private void Error(LocatedNode at, string message) => Problems.Add(new Problem(file, at.Line, at.Column, message));

        private void Error(int line, int column, string message) => Problems.Add(new Problem(file, line, column, message));

        private void Repaired(LocatedNode at, string message) => Problems.Add(new Problem(file, at.Line, at.Column, "repaired: " + message, Severity.Warning));

        public List<GeoJsonFeature> Root(LocatedNode node)
        {
            var features = new List<GeoJsonFeature>();
            if (node is not LocatedObject obj)
            {
                Error(node, $"expected a GeoJSON object, found {node.Describe()}");
                return features;
            }
            NoCrs(obj);
            switch (TypeOf(obj))
            {
                case "FeatureCollection":
                    if (obj["features"] is not LocatedArray list)
                    {
                        Error(obj, "a FeatureCollection needs a \"features\" list");
                        break;
                    }
                    foreach (var item in list.Items)
                    {
                        if (Feature(item) is { } f) features.Add(f);
                    }
                    break;
                case "Feature":
                    if (Feature(obj) is { } one) features.Add(one);
                    break;
                case null:
                    break;
                default:
                    if (Geometry(obj) is { } g) features.Add(new GeoJsonFeature(g, [], null, obj.Line, obj.Column));
                    break;
            }
            return features;
        }

        private void NoCrs(LocatedObject obj)
        {
            var crs = obj.Members.FirstOrDefault(m => m.Key == "crs");
            if (crs.Value is null) return;
            var text = crs.Value.ToNode()?.ToJsonString() ?? "null";
            var wgs84 = text.Contains("CRS84", StringComparison.OrdinalIgnoreCase) || text.Contains("4326", StringComparison.Ordinal) || crs.Value is LocatedScalar { Value: null };
            if (fix && wgs84)
            {
                obj.Members.RemoveAll(m => m.Key == "crs");
                Repaired(crs.Value, "dropped the crs member (it named WGS 84, which RFC 7946 GeoJSON always is)");
                return;
            }
            var (line, column) = obj.Map.Locate(crs.KeyOffset);
            Error(line, column, wgs84
                ? "RFC 7946 GeoJSON has no \"crs\" member: coordinates are always WGS 84 longitude, latitude (--fix drops it)"
                : "RFC 7946 GeoJSON has no \"crs\" member, and this one names another reference system: reproject the data to WGS 84 longitude, latitude first");
        }

        private string? TypeOf(LocatedObject obj)
        {
            if (obj["type"] is LocatedScalar { Value: JsonValue v } && v.TryGetValue<string>(out var type)) return type;
            Error(obj, "a GeoJSON object needs a \"type\" (FeatureCollection, Feature, Point, LineString, Polygon …)");
            return null;
        }

        private GeoJsonFeature? Feature(LocatedNode node)
        {
            if (node is not LocatedObject obj || TypeOf(obj) != "Feature")
            {
                Error(node, $"expected a Feature object, found {node.Describe()}");
                return null;
            }
            NoCrs(obj);
            var properties = obj["properties"] switch
            {
                LocatedObject p => (JsonObject)p.ToNode()!,
                null or LocatedScalar { Value: null } => [],
                var other => Fail(other),
            };
            string? id = obj["id"] switch
            {
                LocatedScalar { Value: JsonValue v } when v.TryGetValue<string>(out var s) => s,
                LocatedNumber n => n.Value.ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
            if (obj["geometry"] is not LocatedObject geometryNode)
            {
                Error(obj["geometry"] ?? obj, "a Feature here needs a geometry object (null geometries are not imported)");
                return null;
            }
            if (IsEmpty(geometryNode))
            {
                if (fix)
                {
                    Repaired(geometryNode, "dropped a feature whose geometry is empty");
                    return null;
                }
                Error(geometryNode, "the geometry is empty (--fix drops such features)");
                return null;
            }
            var geometry = Geometry(geometryNode);
            return geometry is null || properties is null ? null : new GeoJsonFeature(geometry, properties, id, obj.Line, obj.Column);

            JsonObject? Fail(LocatedNode other)
            {
                Error(other, $"\"properties\" must be an object or null, found {other.Describe()}");
                return null;
            }
        }

        private static bool IsEmpty(LocatedObject geometry) =>
            geometry["coordinates"] is LocatedArray { Items.Count: 0 } || geometry["geometries"] is LocatedArray { Items.Count: 0 };

        private Geometry? Geometry(LocatedObject obj)
        {
            NoCrs(obj);
            var type = TypeOf(obj);
            if (type is null) return null;
            if (type == "GeometryCollection")
            {
                if (obj["geometries"] is not LocatedArray parts)
                {
                    Error(obj, "a GeometryCollection needs a \"geometries\" list");
                    return null;
                }
                var members = parts.Items.Select(p => p is LocatedObject o ? Geometry(o) : null).ToList();
                return members.Any(m => m is null) ? null : Checked(obj, Factory.CreateGeometryCollection(members.ToArray()!));
            }
            if (obj["coordinates"] is not LocatedArray coordinates)
            {
                Error(obj, $"a {type} needs \"coordinates\"");
                return null;
            }
            if (coordinates.Items.Count == 0)
            {
                Error(coordinates, "the geometry is empty");
                return null;
            }
            Geometry? built = type switch
            {
                "Point" => Position(coordinates) is { } c ? Factory.CreatePoint(c) : null,
                "MultiPoint" => All(coordinates, Position) is { } cs ? Factory.CreateMultiPointFromCoords(cs) : null,
                "LineString" => Line(coordinates),
                "MultiLineString" => All(coordinates, Line) is { } ls ? Factory.CreateMultiLineString(ls) : null,
                "Polygon" => Polygon(coordinates),
                "MultiPolygon" => All(coordinates, Polygon) is { } ps ? Factory.CreateMultiPolygon(ps) : null,
                _ => Unknown(),
            };
            return built is null ? null : Checked(obj, built);

            Geometry? Unknown()
            {
                Error(obj, $"unknown geometry type \"{type}\"; RFC 7946 has Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon, GeometryCollection");
                return null;
            }
        }

        private Geometry? Checked(LocatedObject at, Geometry geometry)
        {
            if (geometry.NumPoints > PlaceGeometry.MaxVertices)
            {
                Error(at, $"the geometry has {geometry.NumPoints:N0} vertices; at most {PlaceGeometry.MaxVertices:N0} are accepted (simplify it first)");
                return null;
            }
            var invalid = new IsValidOp(geometry).ValidationError;
            if (invalid is null) return geometry;
            var where = invalid.Coordinate is { } c ? string.Create(CultureInfo.InvariantCulture, $" near {c.X:0.######} {c.Y:0.######}") : "";
            if (!fix)
            {
                Error(at, $"invalid geometry: {invalid.Message.ToLowerInvariant()}{where} (--fix repairs it)");
                return null;
            }
            var repaired = GeometryFixer.Fix(geometry);
            if (repaired.IsEmpty)
            {
                Error(at, $"invalid geometry: {invalid.Message.ToLowerInvariant()}{where}, and repairing it leaves nothing");
                return null;
            }
            repaired = Rewound(repaired);
            Repaired(at, $"{invalid.Message.ToLowerInvariant()}{where}: rebuilt as a valid {repaired.GeometryType} ({geometry.NumPoints} → {repaired.NumPoints} vertices)");
            return repaired;
        }

        private TItem[]? All<TItem>(LocatedArray list, Func<LocatedArray, TItem?> read) where TItem : class
        {
            var items = new List<TItem>();
            var failed = false;
            foreach (var item in list.Items)
            {
                if (item is LocatedArray a && read(a) is { } value) items.Add(value);
                else
                {
                    if (item is not LocatedArray) Error(item, $"expected a list, found {item.Describe()}");
                    failed = true;
                }
            }
            return failed ? null : items.ToArray();
        }

        private Coordinate? Position(LocatedArray position)
        {
            if (position.Items.Count < 2 || position.Items.Any(i => i is not LocatedNumber))
            {
                Error(position, "a position is [longitude, latitude]: two numbers");
                return null;
            }
            if (position.Items.Count > 2)
            {
                if (!fix)
                {
                    Error(position, "3-D coordinates: a position here is [longitude, latitude] only (--fix drops the rest)");
                    return null;
                }
                Repaired(position, $"dropped {position.Items.Count - 2} coordinate(s) after longitude and latitude");
            }
            var lon = ((LocatedNumber)position.Items[0]).Value;
            var lat = ((LocatedNumber)position.Items[1]).Value;
            if (lon is < -180 or > 180)
            {
                Error(position.Items[0], string.Create(CultureInfo.InvariantCulture, $"longitude {lon} is outside -180..180 (is the position [latitude, longitude]?)"));
                return null;
            }
            if (lat is < -90 or > 90)
            {
                Error(position.Items[1], string.Create(CultureInfo.InvariantCulture, $"latitude {lat} is outside -90..90 (is the position [latitude, longitude]?)"));
                return null;
            }
            return new Coordinate(lon, lat);
        }

        private LineString? Line(LocatedArray list)
        {
            var positions = All(list, Position);
            if (positions is null) return null;
            if (positions.Length < 2)
            {
                Error(list, "a LineString needs at least two positions");
                return null;
            }
            return Factory.CreateLineString(positions);
        }

        private Polygon? Polygon(LocatedArray list)
        {
            var rings = new List<LinearRing>();
            for (var i = 0; i < list.Items.Count; i++)
            {
                if (list.Items[i] is not LocatedArray ringNode)
                {
                    Error(list.Items[i], $"expected a ring (a list of positions), found {list.Items[i].Describe()}");
                    return null;
                }
                var positions = All(ringNode, Position)?.ToList();
                if (positions is null) return null;
                if (positions.Count > 0 && !positions[0].Equals2D(positions[^1]))
                {
                    if (!fix)
                    {
                        Error(ringNode, "the ring is not closed: its last position must repeat its first (--fix closes it)");
                        return null;
                    }
                    positions.Add(positions[0].Copy());
                    Repaired(ringNode, "closed the ring by repeating its first position");
                }
                if (positions.Count < 4)
                {
                    Error(ringNode, $"a ring needs at least four positions (three corners and the first again); this one has {positions.Count}");
                    return null;
                }
                var ring = Factory.CreateLinearRing(positions.ToArray());
                var exterior = i == 0;
                if (ring.IsCCW != exterior && SignedArea(ring) != 0)
                {
                    var wanted = exterior ? "an exterior ring must run counter-clockwise" : "a hole must run clockwise";
                    if (!fix)
                    {
                        Error(ringNode, $"wrong winding: {wanted} (RFC 7946 right-hand rule; --fix reverses it)");
                        return null;
                    }
                    ring = (LinearRing)ring.Reverse();
                    Repaired(ringNode, $"reversed the ring: {wanted}");
                }
                rings.Add(ring);
            }
            return Factory.CreatePolygon(rings[0], rings.Skip(1).ToArray());
        }

        private static double SignedArea(LinearRing ring) => NetTopologySuite.Algorithm.Area.OfRingSigned(ring.CoordinateSequence);
    }

    /// <summary>Exterior rings counter-clockwise and holes clockwise, as RFC 7946 asks.</summary>
    public static Geometry Rewound(Geometry geometry)
    {
        switch (geometry)
        {
            case Polygon p:
                var shell = p.Shell.IsCCW ? p.Shell : (LinearRing)p.Shell.Reverse();
                var holes = p.Holes.Select(h => h.IsCCW ? (LinearRing)h.Reverse() : h).ToArray();
                return geometry.Factory.CreatePolygon(shell, holes);
            case GeometryCollection many:
                var parts = Enumerable.Range(0, many.NumGeometries).Select(i => Rewound(many.GetGeometryN(i))).ToArray();
                return many switch
                {
                    MultiPolygon => geometry.Factory.CreateMultiPolygon(parts.Cast<Polygon>().ToArray()),
                    MultiLineString or MultiPoint => many,
                    _ => geometry.Factory.CreateGeometryCollection(parts),
                };
            default:
                return geometry;
        }
    }
}
