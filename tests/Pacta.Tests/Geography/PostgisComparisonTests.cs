using NetTopologySuite.IO;
using Pacta.Geography;

namespace Pacta.Tests.Geography;

/// <summary>Our measures beside PostGIS <c>geography</c> (spheroid) on the same shapes: they must agree to 0.1%.</summary>
public sealed class PostgisComparisonTests(PostgresServer postgres) : IClassFixture<PostgresServer>
{
    private const double Tolerance = 0.001;
    private static readonly WKTReader Wkt = new();

    public static TheoryData<string> Lines => new()
    {
        "LINESTRING(46.3387 39.5111, 46.5456 39.6361, 46.7506 39.7586, 46.7518 39.8153)", // the Lachin road, schematic
        "LINESTRING(45.412 39.2089, 45.97 38.91, 46.2436 38.903, 46.66 39.03, 47.04 39.45)", // Nakhchivan–Meghri–Horadiz
        "LINESTRING(37.6176 55.7558, -77.0365 38.8977)", // Moscow to Washington: one long geodesic
        "MULTILINESTRING((0 0, 0 89), (170 -10, -170 10))", // nearly a meridian; across the antimeridian
    };

    public static TheoryData<string> Polygons => new()
    {
        "POLYGON((45 40, 46 40, 46 41, 45 41, 45 40))",
        "POLYGON((44 38, 50 38, 50 42, 44 42, 44 38), (45 39, 45 40, 46 40, 46 39, 45 39))",
        "POLYGON((-10 -60, 30 -60, 10 -20, -10 -60))", // a large southern triangle with long edges
        "MULTIPOLYGON(((45.0 41.05, 45.03 41.05, 45.03 41.08, 45.0 41.08, 45.0 41.05)), ((179 0, 180 0, 180 1, 179 1, 179 0)))",
    };

    public static TheoryData<string, string> Pairs => new()
    {
        { "POINT(46.7518 39.8153)", "POINT(44.5152 40.1872)" }, // Khankendi/Stepanakert to Yerevan
        { "POINT(45.0233 41.0661)", "LINESTRING(45.2 40.9, 45.3 41.2)" },
        { "LINESTRING(46.3387 39.5111, 46.7518 39.8153)", "POLYGON((45 38, 45.5 38, 45.5 38.5, 45 38.5, 45 38))" },
        { "POINT(0 0)", "POINT(120 60)" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public async Task Length_AgreesWithPostgis(string wkt)
    {
        var theirs = await postgres.ScalarAsync("SELECT ST_Length(ST_GeogFromText($1), true)", wkt);
        Assert.Equal(theirs, Measures.Length(Wkt.Read(wkt)), theirs * Tolerance);
    }

    [Theory]
    [MemberData(nameof(Polygons))]
    public async Task Area_AgreesWithPostgis(string wkt)
    {
        var theirs = await postgres.ScalarAsync("SELECT ST_Area(ST_GeogFromText($1), true)", wkt);
        Assert.Equal(theirs, Measures.Area(Wkt.Read(wkt)), theirs * Tolerance);
    }

    [Theory]
    [MemberData(nameof(Polygons))]
    public async Task Perimeter_AgreesWithPostgis(string wkt)
    {
        var theirs = await postgres.ScalarAsync("SELECT ST_Perimeter(ST_GeogFromText($1), true)", wkt);
        Assert.Equal(theirs, Measures.Perimeter(Wkt.Read(wkt)), theirs * Tolerance);
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public async Task Distance_AgreesWithPostgis(string a, string b)
    {
        var theirs = await postgres.ScalarAsync("SELECT ST_Distance(ST_GeogFromText($1), ST_GeogFromText($2), true)", a, b);
        Assert.Equal(theirs, Measures.Distance(Wkt.Read(a), Wkt.Read(b)), theirs * Tolerance);
    }

    [Fact]
    public async Task Buffer_CoversWhatPostgisFindsWithinTheWidth()
    {
        const string route = "LINESTRING(46.3387 39.5111, 46.5456 39.6361, 46.7506 39.7586)";
        var ours = Measures.Buffer(Wkt.Read(route), 5_000);
        // PostGIS's geography buffer works in a planar projection it picks; compare the areas, and check every
        // vertex of ours is 5 km from the route by PostGIS's own spheroidal distance.
        var theirs = await postgres.ScalarAsync("SELECT ST_Area(ST_Buffer(ST_GeogFromText($1), 5000), true)", route);
        Assert.Equal(theirs, Measures.Area(ours), theirs * 0.01);
        var farthest = await postgres.ScalarAsync(
            "SELECT max(abs(ST_Distance(ST_GeogFromText($1), (dp).geom::geography, true) - 5000)) FROM ST_DumpPoints(ST_GeomFromText($2, 4326)) AS dp",
            route, ours.AsText());
        Assert.InRange(farthest, 0, 5); // metres, 0.1% of the width
    }
}
