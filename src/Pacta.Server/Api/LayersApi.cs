using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;
using Pacta.Geography;
using Pacta.Json;
using Pacta.Model;
using Pacta.Places;
using Pacta.Store;

namespace Pacta.Server.Api;

/// <summary>
/// Map layers as GeoJSON (RFC 7946) for the web map, which has no tile server: it draws only these. Events
/// come as grid cells sized to the zoom, never as every point, so the map stays fast with a million of them.
/// </summary>
public static class LayersApi
{
    public const string GeoJsonType = "application/geo+json";
    public const int DefaultZoom = 8;
    public const int MaxZoom = 22;

    private static readonly JsonSerializerOptions Json = PactaJson.Options;

    /// <summary>The layers, in drawing order (areas under lines under points).</summary>
    public static IReadOnlyList<Layer> Layers { get; } =
    [
        new("boundaries", "Boundaries: border segments, enclaves, districts, regions", "mixed"),
        new("places", "Places: settlements, routes, checkpoints, sites", "mixed"),
        new("events", "Events, counted by grid cell", "point"),
        new("meetings", "Meetings", "point"),
    ];

    /// <summary>Kinds drawn as boundaries; every other kind of place is on the places layer.</summary>
    private static readonly HashSet<PlaceKind> BoundaryKinds =
        [PlaceKind.Country, PlaceKind.Region, PlaceKind.District, PlaceKind.BorderSegment, PlaceKind.Enclave, PlaceKind.Zone];

    public static IEndpointRouteBuilder MapLayersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/layers").WithTags("Layers");
        group.MapGet("", List).WithName("ListLayers").WithSummary("The map layers: name, title, geometry kind, how many records each draws from.");
        group.MapGet("inside/{id}", Inside).WithName("GetInsideArea")
            .WithSummary("Spatial question: the places and events inside a place's area, or within buffer=METRES of any place (a route, a border segment, a point).");
        group.MapGet("routes/comparison", RouteComparison).WithName("CompareRoutes")
            .WithSummary("Every route with its geodesic length beside the lengths in kilometres that claims give.");
        group.MapGet("{name}", Get).WithName("GetLayer").WithSummary("One layer as a GeoJSON FeatureCollection, within bbox=west,south,east,north at zoom Z.");
        return app;
    }

    private static IResult List(IStore store)
    {
        var places = store.All<Place>().Where(p => p.Geometry is not null).ToList();
        int Count(string name) => name switch
        {
            "boundaries" => places.Count(p => BoundaryKinds.Contains(p.Kind)),
            "places" => places.Count(p => !BoundaryKinds.Contains(p.Kind)),
            "events" => store.CountEvents(new EventFilter(Meetings: false)),
            "meetings" => store.CountEvents(new EventFilter(Meetings: true)),
            _ => throw new InvalidOperationException($"no count for layer {name}"),
        };
        return TypedResults.Ok(Layers.Select(l => l with { FeatureCount = Count(l.Name) }).ToList());
    }

    private static IResult Get(string name, string? bbox, string? zoom, IStore store)
    {
        if (Layers.All(l => l.Name != name))
            return TypedResults.Problem(statusCode: 404, title: "No such layer",
                detail: $"There is no layer '{name}'; the layers are {string.Join(", ", Layers.Select(l => l.Name))}.");
        var parameters = new Parameters();
        var box = parameters.Box(nameof(bbox), bbox) ?? new BoundingBox(-180, -90, 180, 90);
        var z = parameters.Whole(nameof(zoom), zoom, DefaultZoom, 0, MaxZoom);
        if (!parameters.Valid) return parameters.Problem();

        var features = name switch
        {
            "boundaries" => PlaceFeatures(store, box, z, boundaries: true),
            "places" => PlaceFeatures(store, box, z, boundaries: false),
            "events" => EventCells(store, box, z),
            _ => MeetingFeatures(store, box),
        };
        var collection = new FeatureCollection();
        foreach (var feature in features) collection.Add(feature);
        return TypedResults.Text(JsonSerializer.Serialize(collection, Json), GeoJsonType);
    }

    public const double MaxBufferMetres = 200_000;

    private static IResult Inside(string id, string? buffer, IStore store)
    {
        var parameters = new Parameters();
        var key = parameters.Id(nameof(id), id);
        var metres = parameters.Metres(nameof(buffer), buffer, MaxBufferMetres);
        if (!parameters.Valid) return parameters.Problem();
        if (store.Find(key!) is not Place { Geometry: { } geometry } place)
            return TypedResults.Problem(statusCode: 404, title: "No such area", detail: $"There is no place '{id}' with a geometry.");
        if (metres is null && geometry.Dimension != Dimension.Surface)
            return TypedResults.Problem(statusCode: 400, title: "Not an area",
                detail: $"'{id}' is a {Term(place.Kind)} drawn as a {geometry.GeometryType}: give buffer=METRES to ask what lies near it.");
        var area = metres is { } w ? Measures.Buffer(geometry, w) : geometry;
        var index = new AreaIndex<RecordId>([(place.Id, area)]);
        var box = area.EnvelopeInternal;

        var places = store.PlacesIntersecting(box.MinX, box.MinY, box.MaxX, box.MaxY)
            .Where(other => other != place.Id)
            .Select(other => store.Find(other) as Place)
            .Where(other => other?.Geometry is not null && area.Intersects(other.Geometry))
            .Select(other => new PlaceInside(other!.Id.Value, Term(other.Kind), other.AllNames, area.Covers(other.Geometry!)))
            .ToList();
        var events = new List<EventInside>();
        string? cursor = null;
        var filter = new EventFilter(Box: new BoundingBox(box.MinX, box.MinY, box.MaxX, box.MaxY));
        var places2 = new Dictionary<RecordId, Place?>();
        do
        {
            var page = store.QueryEvents(filter, Stores.MaxPageSize, cursor);
            foreach (var e in page.Events)
            {
                if (Position(e, places2, store) is { } at && index.TryFind(at.X, at.Y, out _))
                    events.Add(new EventInside(e.Id.Value, e.Title, e.Start.ToString(), e.Meeting is not null));
            }
            cursor = page.NextCursor;
        }
        while (cursor is not null && events.Count < MaxInside);
        return TypedResults.Ok(new InsideArea(place.Id.Value, metres, Math.Round(Measures.Area(area) / 1e6, 3), places, events.Take(MaxInside).ToList(), events.Count > MaxInside));
    }

    private const int MaxInside = 5000;

    private static IResult RouteComparison(IStore store) => TypedResults.Ok(RouteComparisonTable.From(store));

    /// <summary>
    /// Degrees per grid cell: about 32 screen pixels at this zoom (a 256-pixel tile spans 360/2^z degrees), snapped
    /// to the nearest cell size the store keeps counts for, so that a view of a million events reads a few hundred
    /// kept cells. Views wider than the coarsest kept size use it; views closer than the finest cover a small box,
    /// which is counted from the points.
    /// </summary>
    public static double CellDegrees(int zoom)
    {
        var ideal = 360.0 / Math.Pow(2, zoom) / 8;
        var kept = Stores.GridLevels;
        if (ideal >= kept[0]) return kept[0];
        if (ideal < kept[^1] / 2) return Math.Max(ideal, 0.001);
        return kept.MinBy(size => Math.Abs(Math.Log(size / ideal)));
    }

    /// <summary>
    /// Degrees a vertex may move when a line or polygon is simplified for zoom <paramref name="zoom"/>: about half a
    /// screen pixel (a 256-pixel tile spans 360/2^z degrees), so the drawing does not change while the payload shrinks.
    /// </summary>
    public static double SimplifyDegrees(int zoom) => 360.0 / Math.Pow(2, zoom) / 256 / 2;

    private static IEnumerable<IFeature> PlaceFeatures(IStore store, BoundingBox box, int zoom, bool boundaries) =>
        store.PlacesIntersecting(box.MinLon, box.MinLat, box.MaxLon, box.MaxLat)
            .Select(id => store.Find(id) as Place)
            .Where(p => p?.Geometry is not null && BoundaryKinds.Contains(p.Kind) == boundaries)
            .Select(p => (IFeature)new Feature(Simplified(p!.Geometry!, zoom), new AttributesTable(new Dictionary<string, object?>
            {
                ["id"] = p.Id.Value,
                ["kind"] = Term(p.Kind),
                ["name"] = p.AllNames,
                ["label"] = NamingPolicy.All.Label(p),
                ["status"] = p.Status is { } s ? Term(s) : null,
                ["heldBy"] = p.HeldBy?.Value,
                ["claimedBy"] = p.ClaimedBy.Count == 0 ? null : p.ClaimedBy.Select(c => c.Value).ToArray(),
                // Measured on the stored geometry, not the simplified one, and on the ellipsoid.
                ["lengthKm"] = p.Geometry!.Dimension == Dimension.Curve ? Math.Round(Measures.Length(p.Geometry) / 1000, 3) : null,
                ["areaKm2"] = p.Geometry.Dimension == Dimension.Surface ? Math.Round(Measures.Area(p.Geometry) / 1e6, 3) : null,
                ["versionOf"] = p.VersionOf?.Value,
                // Dated changes of status, holder and regime, oldest first: the map's history slider restyles by them.
                ["history"] = p.History is null ? null : JsonSerializer.SerializeToNode(p.History, Json),
                ["href"] = $"/places/{p.Id}",
            })));

    /// <summary>The geometry with detail below the zoom's resolution removed, keeping its topology (rings stay valid).</summary>
    private static Geometry Simplified(Geometry geometry, int zoom) =>
        geometry.Dimension == Dimension.Point ? geometry : TopologyPreservingSimplifier.Simplify(geometry, SimplifyDegrees(zoom));

    private static IEnumerable<IFeature> EventCells(IStore store, BoundingBox box, int zoom) =>
        store.EventGrid(new EventFilter(Box: box, Meetings: false), CellDegrees(zoom))
            .Select(c => (IFeature)new Feature(new Point(c.Lon, c.Lat), new AttributesTable(new Dictionary<string, object?>
            {
                ["count"] = c.Count,
                ["cell"] = new[] { c.MinLon, c.MinLat, c.MaxLon, c.MaxLat },
            })));

    private static IEnumerable<IFeature> MeetingFeatures(IStore store, BoundingBox box)
    {
        var places = new Dictionary<RecordId, Place?>();
        foreach (var meeting in store.QueryEvents(new EventFilter(Box: box, Meetings: true), Stores.MaxPageSize).Events)
        {
            var at = Position(meeting, places, store);
            if (at is null) continue;
            yield return new Feature(at, new AttributesTable(new Dictionary<string, object?>
            {
                ["id"] = meeting.Id.Value,
                ["title"] = meeting.Title,
                ["date"] = meeting.Start.ToString(),
                ["format"] = meeting.Meeting is { } m ? Term(m.Format) : null,
                ["href"] = $"/events/{meeting.Id}",
            }));
        }
    }

    /// <summary>An event's own point, else the centre of its place.</summary>
    private static Point? Position(Event e, Dictionary<RecordId, Place?> places, IStore store)
    {
        if (e.Place?.Point is { } p) return new Point(p.Longitude, p.Latitude);
        if (e.Place?.Ref is not { } id) return null;
        if (!places.TryGetValue(id, out var place)) places[id] = place = store.Find(id) as Place;
        return place?.Geometry is { } g ? g.InteriorPoint : null;
    }

    internal static string Term<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}

/// <summary>The answer to "what lies inside this area (or within this distance of this place)?".</summary>
public sealed record InsideArea(string Area, double? BufferMetres, double AreaKm2, IReadOnlyList<PlaceInside> Places, IReadOnlyList<EventInside> Events, bool Truncated);

public sealed record PlaceInside(string Id, string Kind, string Name, bool Wholly);

public sealed record EventInside(string Id, string Title, string Date, bool Meeting);

/// <summary>Our computed lengths of the routes beside the lengths claimed for them, each claim attributed.</summary>
public sealed record RouteComparisonTable(IReadOnlyList<RouteLength> Routes, IReadOnlyList<ClaimedLength> Claimed)
{
    /// <summary>Every route in the store with its geodesic length, and every claim that gives a length in km.</summary>
    public static RouteComparisonTable From(IStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        var routes = store.All<Place>().Where(p => p.Kind == PlaceKind.Route).OrderBy(p => p.Id.Value, StringComparer.Ordinal)
            .Select(p => new RouteLength(p.Id.Value, p.AllNames, p.VersionOf?.Value,
                p.Geometry is { Dimension: Dimension.Curve } g ? Math.Round(Measures.Length(g) / 1000, 3) : null,
                p.Geometry is null ? "no geometry in the dataset" : p.Note?.Contains("schematic", StringComparison.OrdinalIgnoreCase) == true ? "schematic line through the towns it serves" : null))
            .ToList();
        var claimed = store.All<Claim>()
            .Where(c => c.Figure is { Unit: "km" })
            .OrderBy(c => c.Subject.Value, StringComparer.Ordinal).ThenBy(c => c.Id.Value, StringComparer.Ordinal)
            .Select(c => new ClaimedLength(c.Id.Value, c.Subject.Value, c.Asserter.Value, c.Statement, c.Figure!.Value, c.Figure.UpTo, LayersApi.Term(c.Figure.Qualifier)))
            .ToList();
        return new RouteComparisonTable(routes, claimed);
    }
}

public sealed record RouteLength(string Id, string Name, string? VersionOf, double? LengthKm, string? Caveat);

public sealed record ClaimedLength(string Claim, string Subject, string Asserter, string Statement, decimal ValueKm, decimal? UpToKm, string Qualifier);

/// <summary>One map layer as the list shows it.</summary>
public sealed record Layer(string Name, string Title, string Geometry, int FeatureCount = 0);
