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
        Assert.Equal(SqliteStore.GridLevels[0], sizes[0]);
        Assert.Equal(0.001, sizes[^1]);
        Assert.True(sizes.Zip(sizes.Skip(1)).All(p => p.Second <= p.First), "cells never grow as one zooms in");
        // Between the coarsest and the finest kept size every zoom reads a kept grid.
        Assert.All(sizes.Where(s => s >= SqliteStore.GridLevels[^1]), s => Assert.Contains(s, SqliteStore.GridLevels));
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
}
