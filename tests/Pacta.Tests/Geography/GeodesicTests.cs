using FsCheck;
using FsCheck.Fluent;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Pacta.Geography;

namespace Pacta.Tests.Geography;

public sealed class GeodesicTests
{
    private static readonly WKTReader Wkt = new();

    private static double Dms(int d, int m, double s) => Math.Sign(d) * (Math.Abs(d) + m / 60.0 + s / 3600.0);

    [Fact]
    public void Inverse_MatchesVincentysPublishedExample()
    {
        // Vincenty (1975) and Geoscience Australia's worked example: Flinders Peak to Buninyong.
        var (metres, azimuth) = Geodesic.Inverse(Dms(144, 25, 29.52440), Dms(-37, 57, 3.72030), Dms(143, 55, 35.38390), Dms(-37, 39, 10.15610));

        Assert.Equal(54_972.271, metres, 0.001);
        Assert.Equal(Dms(306, 52, 5.37), azimuth, 1e-4);
    }

    [Fact]
    public void Inverse_GivesTheEllipsoidsOwnLengths()
    {
        // A degree along the equator is a·π/180; the meridian from equator to pole is the quarter meridian of WGS 84.
        Assert.Equal(Geodesic.SemiMajorAxis * Math.PI / 180, Geodesic.Distance(10, 0, 11, 0), 1e-6);
        Assert.Equal(10_001_965.729, Geodesic.Distance(0, 0, 0, 90), 0.001);
        Assert.Equal(0, Geodesic.Distance(46.75, 39.81, 46.75, 39.81));
    }

    [Fact]
    public void Inverse_CrossesTheAntimeridian()
    {
        Assert.Equal(Geodesic.Distance(-0.5, 10, 0.5, 10), Geodesic.Distance(179.5, 10, -179.5, 10), 1e-6);
    }

    [Fact]
    public void Direct_UndoesInverse()
    {
        var gen =
            from lon1 in Gen.Choose(-179_000, 179_000)
            from lat1 in Gen.Choose(-80_000, 80_000)
            from lon2 in Gen.Choose(-179_000, 179_000)
            from lat2 in Gen.Choose(-80_000, 80_000)
            select (lon1 / 1000.0, lat1 / 1000.0, lon2 / 1000.0, lat2 / 1000.0);
        Prop.ForAll(gen.ToArbitrary(), p =>
        {
            var (lon1, lat1, lon2, lat2) = p;
            if (Math.Abs(lon2 - lon1) > 150) return true; // the test is about the method, not nearly antipodal pairs
            var (metres, azimuth) = Geodesic.Inverse(lon1, lat1, lon2, lat2);
            var (lon, lat) = Geodesic.Direct(lon1, lat1, azimuth, metres);
            return Geodesic.Distance(lon, lat, lon2, lat2) < 0.001;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Buffer_OfAPointIsACircleOfThatRadiusOnTheEllipsoid()
    {
        var centre = new Point(46.75, 39.81);
        var circle = (Polygon)Measures.Buffer(centre, 10_000);

        Assert.All(circle.Shell.Coordinates, c => Assert.Equal(10_000, Geodesic.Distance(46.75, 39.81, c.X, c.Y), 1.0));
        // 64 segments: the polygon's area is that of the inscribed 64-gon, just under π r².
        var inscribed = 64 / 2.0 * Math.Sin(2 * Math.PI / 64) * 10_000 * 10_000;
        Assert.Equal(inscribed, Measures.Area(circle), inscribed * 0.001);
    }

    [Fact]
    public void Buffer_OfARouteReachesItsWidthOnBothSides()
    {
        var route = Wkt.Read("LINESTRING(46.3387 39.5111, 46.5456 39.6361, 46.7506 39.7586)");
        var corridor = Measures.Buffer(route, 2_500);

        Assert.True(corridor.Contains(route));
        // Every vertex of the outline lies at the width (the edges between are chords, so just inside it).
        Assert.All(((Polygon)corridor).Shell.Coordinates, c => Assert.Equal(2_500, Measures.Distance(route, new Point(c)), 2.5));
    }

    [Fact]
    public void Area_SubtractsHoles()
    {
        var square = Wkt.Read("POLYGON((45 40, 46 40, 46 41, 45 41, 45 40))");
        var holed = Wkt.Read("POLYGON((45 40, 46 40, 46 41, 45 41, 45 40), (45.2 40.2, 45.2 40.4, 45.4 40.4, 45.4 40.2, 45.2 40.2))");
        var hole = Wkt.Read("POLYGON((45.2 40.2, 45.4 40.2, 45.4 40.4, 45.2 40.4, 45.2 40.2))");

        Assert.Equal(Measures.Area(square) - Measures.Area(hole), Measures.Area(holed), 1.0);
    }

    [Theory]
    [InlineData(-180, 0)]
    [InlineData(0, 91)]
    [InlineData(double.NaN, 0)]
    public void Inverse_RefusesPointsOffTheGlobe(double lon, double lat)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Geodesic.Distance(lon == -180 ? -181 : lon, lat, 0, 0));
    }
}
