using System.Text;
using Pacta.Datasets;
using Pacta.Geography;

namespace Pacta.Tests.Geography;

public sealed class GeoJsonInputTests
{
    private static GeoJsonContent Read(string json, bool fix = false) => GeoJsonInput.Parse(Encoding.UTF8.GetBytes(json), "in.geojson", fix);

    private static Problem Rejected(string json, bool fix = false) => Assert.Single(Assert.Throws<InvalidInputException>(() => Read(json, fix)).Problems);

    private static string Feature(string geometry) => $$"""
        {"type": "FeatureCollection",
         "features": [{"type": "Feature", "properties": {},
          "geometry": {{geometry}}}]}
        """;

    [Theory]
    [InlineData("""{"type": "Polygon", "coordinates": [[[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]]}""", 3, "invalid geometry: self-intersection")]
    [InlineData("""{"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1]]]}""", 3, "the ring is not closed")]
    [InlineData("""{"type": "Polygon", "coordinates": [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]]}""", 3, "wrong winding: an exterior ring must run counter-clockwise")]
    [InlineData("""{"type": "Point", "coordinates": [46.1, 39.8, 1200]}""", 3, "3-D coordinates")]
    [InlineData("""{"type": "Point", "coordinates": [39.8, 146.1]}""", 3, "latitude 146.1 is outside -90..90")]
    [InlineData("""{"type": "LineString", "coordinates": [[200, 10], [0, 0]]}""", 3, "longitude 200 is outside -180..180")]
    [InlineData("""{"type": "Polygon", "coordinates": []}""", 3, "the geometry is empty")]
    [InlineData("""{"type": "Polygon", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:OGC:1.3:CRS84"}}, "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}""", 3, "no \"crs\" member")]
    public void BadGeometry_IsRejectedAtItsLine(string geometry, int line, string message)
    {
        var problem = Rejected(Feature(geometry));
        Assert.Equal("in.geojson", problem.File);
        Assert.Equal(line, problem.Line);
        Assert.Contains(message, problem.Message);
    }

    [Fact]
    public void Fix_RepairsWhatItCanAndSaysWhat()
    {
        var content = Read(Feature("""{"type": "MultiPolygon", "crs": {"type": "name", "properties": {"name": "EPSG:4326"}}, "coordinates": [[[[0, 0, 5], [0, 1, 5], [1, 1, 5], [1, 0, 5]]], [[[2, 0], [3, 1], [3, 0], [2, 1], [2, 0]]]]}"""), fix: true);

        var feature = Assert.Single(content.Features);
        Assert.True(feature.Geometry.IsValid);
        Assert.Equal(1 + 0.5, feature.Geometry.Area, 1e-9); // the square, and the bow tie rebuilt as its two triangles
        var repairs = string.Join("\n", content.Repairs.Select(r => r.Message));
        Assert.Contains("dropped the crs member", repairs);
        Assert.Contains("dropped 1 coordinate(s)", repairs);
        Assert.Contains("closed the ring", repairs);
        Assert.Contains("reversed the ring", repairs);
        Assert.Contains("self-intersection", repairs);
        Assert.All(content.Repairs, r => Assert.Equal(Severity.Warning, r.Severity));
    }

    [Fact]
    public void Fix_DoesNotInventCoordinates()
    {
        Assert.Contains("outside -90..90", Rejected(Feature("""{"type": "Point", "coordinates": [10, 95]}"""), fix: true).Message);
        Assert.Contains("names another reference system", Rejected(Feature("""{"type": "Point", "crs": {"type": "name", "properties": {"name": "EPSG:3857"}}, "coordinates": [10, 5]}"""), fix: true).Message);
    }

    [Fact]
    public void Fix_DropsEmptyFeaturesAndSaysSo()
    {
        var content = Read(Feature("""{"type": "LineString", "coordinates": []}"""), fix: true);
        Assert.Empty(content.Features);
        Assert.Contains("empty", Assert.Single(content.Repairs).Message);
    }

    [Fact]
    public void HugePolygon_IsRejectedNotStored()
    {
        var vertices = Pacta.Model.PlaceGeometry.MaxVertices + 10;
        var text = new StringBuilder("""{"type": "Polygon", "coordinates": [[""");
        for (var i = 0; i < vertices; i++)
        {
            var a = 2 * Math.PI * i / vertices;
            text.Append(System.FormattableString.Invariant($"[{Math.Cos(a):0.0000000},{Math.Sin(a):0.0000000}],"));
        }
        text.Append("[1.0000000,0.0000000]]]}");

        var problem = Rejected(text.ToString());
        Assert.Equal(1, problem.Line);
        Assert.Contains("at most 1,000,000 are accepted", problem.Message);
    }

    [Fact]
    public void MalformedJson_IsLocated()
    {
        var problem = Rejected("{\"type\": \"Point\",\n \"coordinates\": [1, 2,]}");
        Assert.Equal(2, problem.Line);
        Assert.StartsWith("malformed JSON", problem.Message);
    }
}
