using Pacta.Store;
using System.Net;
using System.Text.Json;
using Pacta.Server.Api;

namespace Pacta.Tests.Server;

public sealed class LayersApiTests(LiveServer server) : IClassFixture<LiveServer>
{
    private async Task<JsonElement> Json(string path, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await server.Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;
    }

    [Fact]
    public async Task List_NamesEveryLayerWithItsCount()
    {
        var layers = await Json("/api/v1/layers");

        Assert.Equal(["boundaries", "places", "events", "meetings"], layers.EnumerateArray().Select(l => l.GetProperty("name").GetString()));
        Assert.All(layers.EnumerateArray(), l => Assert.True(l.GetProperty("featureCount").GetInt32() > 0));
    }

    [Theory]
    [InlineData("boundaries", 43, 38, 51, 42)]
    [InlineData("places", 43, 38, 51, 42)]
    [InlineData("events", 43, 38, 51, 42)]
    [InlineData("meetings", 0, 35, 50, 60)] // the meetings were held abroad: Brussels, Prague, Moscow, Sochi …
    public async Task Layer_IsAGeoJsonFeatureCollectionWithinTheBox(string name, double west, double south, double east, double north)
    {
        using var response = await server.Client.GetAsync(FormattableString.Invariant($"/api/v1/layers/{name}?bbox={west},{south},{east},{north}&zoom=7"), TestContext.Current.CancellationToken);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("FeatureCollection", json.GetProperty("type").GetString());
        var features = json.GetProperty("features").EnumerateArray().ToList();
        Assert.NotEmpty(features);
        Assert.All(features, f =>
        {
            Assert.Equal("Feature", f.GetProperty("type").GetString());
            var first = f.GetProperty("geometry").GetProperty("coordinates");
            while (first.ValueKind == JsonValueKind.Array && first[0].ValueKind == JsonValueKind.Array) first = first[0];
            Assert.InRange(first[0].GetDouble(), west, east);
            Assert.InRange(first[1].GetDouble(), south, north);
        });
    }

    [Fact]
    public async Task Events_AreCountedInCellsThatGrowAsTheMapZoomsOut()
    {
        var total = (await Json("/api/v1/layers")).EnumerateArray().Single(l => l.GetProperty("name").GetString() == "events").GetProperty("featureCount").GetInt32();
        var near = (await Json("/api/v1/layers/events?zoom=12")).GetProperty("features").EnumerateArray().ToList();
        var far = (await Json("/api/v1/layers/events?zoom=1")).GetProperty("features").EnumerateArray().ToList();

        Assert.True(far.Count < near.Count, $"{far.Count} cells at zoom 1, {near.Count} at zoom 12");
        Assert.Equal(near.Sum(f => f.GetProperty("properties").GetProperty("count").GetInt32()), far.Sum(f => f.GetProperty("properties").GetProperty("count").GetInt32()));
        Assert.True(far.Sum(f => f.GetProperty("properties").GetProperty("count").GetInt32()) <= total);
    }

    [Fact]
    public void CellDegrees_ShrinkWithZoomAndUseTheKeptGridSizesWhereTheyFit()
    {
        var sizes = Enumerable.Range(0, LayersApi.MaxZoom + 1).Select(LayersApi.CellDegrees).ToList();
        Assert.Equal(Stores.GridLevels[0], sizes[0]);
        Assert.Equal(0.001, sizes[^1]);
        Assert.True(sizes.Zip(sizes.Skip(1)).All(p => p.Second <= p.First), "cells never grow as one zooms in");
        // Between the coarsest and the finest kept size every zoom reads a kept grid.
        Assert.All(sizes.Where(s => s >= Stores.GridLevels[^1]), s => Assert.Contains(s, Stores.GridLevels));
    }

    [Theory]
    [InlineData("/api/v1/layers/events?bbox=1,2,3", "bbox")]
    [InlineData("/api/v1/layers/events?bbox=a,b,c,d", "bbox")]
    [InlineData("/api/v1/layers/events?bbox=10,0,5,1", "bbox")]
    [InlineData("/api/v1/layers/places?bbox=-200,0,5,1", "bbox")]
    [InlineData("/api/v1/layers/events?zoom=23", "zoom")]
    [InlineData("/api/v1/layers/events?zoom=-1", "zoom")]
    [InlineData("/api/v1/layers/events?zoom=seven", "zoom")]
    public async Task BadQuery_IsAProblemDetails400NamingTheParameter(string path, string parameter)
    {
        using var response = await server.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(parameter, out _), $"the problem names {parameter}");
    }

    [Fact]
    public async Task UnknownLayer_IsAProblemDetails404()
    {
        var problem = await Json("/api/v1/layers/rivers", HttpStatusCode.NotFound);

        Assert.Contains("boundaries", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static int Positions(JsonElement coordinates) =>
        coordinates[0].ValueKind == JsonValueKind.Array ? coordinates.EnumerateArray().Sum(Positions) : 1;

    private async Task<JsonElement> BoundaryFeature(string id, int zoom) =>
        (await Json($"/api/v1/layers/boundaries?zoom={zoom}")).GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("properties").GetProperty("id").GetString() == id);

    [Fact]
    public async Task Boundaries_AreSimplifiedByZoomButMeasuredInFull()
    {
        var far = await BoundaryFeature("azerbaijan-boundary", 4);
        var near = await BoundaryFeature("azerbaijan-boundary", 14);

        Assert.True(Positions(far.GetProperty("geometry").GetProperty("coordinates")) < Positions(near.GetProperty("geometry").GetProperty("coordinates")) / 4,
            "a zoomed-out map gets far fewer vertices");
        Assert.Equal(near.GetProperty("properties").GetProperty("areaKm2").GetDouble(), far.GetProperty("properties").GetProperty("areaKm2").GetDouble());
        Assert.InRange(near.GetProperty("properties").GetProperty("areaKm2").GetDouble(), 86_600 * 0.97, 86_600 * 1.03);
    }

    [Fact]
    public async Task Lines_CarryTheirGeodesicLengthAndPolygonsTheirArea()
    {
        var places = (await Json("/api/v1/layers/places")).GetProperty("features").EnumerateArray().ToList();
        var boundaries = (await Json("/api/v1/layers/boundaries")).GetProperty("features").EnumerateArray().ToList();

        Assert.All(places.Concat(boundaries), f =>
        {
            var type = f.GetProperty("geometry").GetProperty("type").GetString()!;
            var p = f.GetProperty("properties");
            Assert.Equal(type.EndsWith("LineString", StringComparison.Ordinal), p.TryGetProperty("lengthKm", out var l) && l.ValueKind == JsonValueKind.Number);
            Assert.Equal(type.EndsWith("Polygon", StringComparison.Ordinal), p.TryGetProperty("areaKm2", out var a) && a.ValueKind == JsonValueKind.Number);
        });
        // The schematic Lachin road: Goris, Lachin/Berdzor, Shusha/Shushi, Khankendi/Stepanakert.
        var road = places.Single(f => f.GetProperty("properties").GetProperty("id").GetString() == "lachin-road").GetProperty("properties").GetProperty("lengthKm").GetDouble();
        var legs = Pacta.Geography.Geodesic.Distance(46.3387, 39.5111, 46.5456, 39.6361) + Pacta.Geography.Geodesic.Distance(46.5456, 39.6361, 46.7506, 39.7586)
            + Pacta.Geography.Geodesic.Distance(46.7506, 39.7586, 46.7518, 39.8153);
        Assert.Equal(legs / 1000, road, 0.001);
    }

    private static readonly Lazy<Dictionary<string, Pacta.Model.Place>> Bundled = new(() =>
        Pacta.Datasets.DatasetReader.Read(Path.Combine(AppContext.BaseDirectory, "data", "south-caucasus")).OfType<Pacta.Model.Place>()
            .Where(p => p.Geometry is not null).ToDictionary(p => p.Id.Value));

    [Fact]
    public async Task Inside_ACountry_ListsItsPlacesAndEvents()
    {
        var inside = await Json("/api/v1/layers/inside/armenia-boundary");
        var places = inside.GetProperty("places").EnumerateArray().ToDictionary(p => p.GetProperty("id").GetString()!, p => p.GetProperty("wholly").GetBoolean());

        Assert.True(places["goris"]);
        Assert.True(places["meghri"]);
        Assert.False(places["karki-tigranashen"], "Karki is cut out of Armenia's polygon: it only touches it");
        Assert.DoesNotContain("khankendi-stepanakert", places.Keys);
        Assert.DoesNotContain("tovuz", places.Keys);
        var azerbaijan = await Json("/api/v1/layers/inside/azerbaijan-boundary");
        Assert.Contains(azerbaijan.GetProperty("events").EnumerateArray(), e => e.GetProperty("id").GetString() == "tovuz-clashes-2020-07");
        Assert.DoesNotContain(inside.GetProperty("events").EnumerateArray(), e => e.GetProperty("id").GetString() == "tovuz-clashes-2020-07");
    }

    [Fact]
    public async Task Inside_ABufferAlongARoute_HoldsExactlyThePlacesWithinThatDistance()
    {
        const double metres = 8000;
        var inside = await Json("/api/v1/layers/inside/lachin-road?buffer=8000");
        var listed = inside.GetProperty("places").EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToHashSet();

        var road = Bundled.Value["lachin-road"].Geometry!;
        foreach (var (id, place) in Bundled.Value.Where(p => p.Key != "lachin-road"))
        {
            var distance = Pacta.Geography.Measures.Distance(road, place.Geometry!);
            if (distance < metres * 0.99) Assert.Contains(id, listed);
            if (distance > metres * 1.01) Assert.DoesNotContain(id, listed);
        }
        Assert.NotEmpty(listed);
        // A corridor 16 km wide along ~51 km of road: about 16 × 51 plus the round ends.
        Assert.InRange(inside.GetProperty("areaKm2").GetDouble(), 16 * 50, 16 * 52 + Math.PI * 64);
    }

    [Theory]
    [InlineData("/api/v1/layers/inside/lachin-road", HttpStatusCode.BadRequest)] // a line has no inside
    [InlineData("/api/v1/layers/inside/lachin-road?buffer=-5", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/layers/inside/lachin-road?buffer=1e9", HttpStatusCode.BadRequest)]
    [InlineData("/api/v1/layers/inside/no-such-place", HttpStatusCode.NotFound)]
    [InlineData("/api/v1/layers/inside/Not%20An%20Id", HttpStatusCode.BadRequest)]
    public async Task Inside_BadQuestions_AreProblems(string path, HttpStatusCode expected)
    {
        using var response = await server.Client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RouteComparison_PutsOurLengthsBesideTheClaimedOnes()
    {
        var table = await Json("/api/v1/layers/routes/comparison");
        var routes = table.GetProperty("routes").EnumerateArray().ToDictionary(r => r.GetProperty("id").GetString()!);
        var claimed = table.GetProperty("claimed").EnumerateArray().ToList();

        var meghri = Pacta.Geography.Measures.Length(Bundled.Value["meghri-zangezur-route"].Geometry!) / 1000;
        Assert.Equal(meghri, routes["meghri-zangezur-route"].GetProperty("lengthKm").GetDouble(), 0.001);
        Assert.Equal("lachin-road", routes["lachin-road-bypass"].GetProperty("versionOf").GetString());
        Assert.False(routes["lachin-road-bypass"].TryGetProperty("lengthKm", out _), "a route with no geometry has no computed length");
        Assert.Contains(claimed, c => c.GetProperty("claim").GetString() == "claim-northern-route-214-paper" && c.GetProperty("valueKm").GetDecimal() == 214);
        Assert.All(claimed, c => Assert.False(string.IsNullOrEmpty(c.GetProperty("asserter").GetString())));
    }
}
