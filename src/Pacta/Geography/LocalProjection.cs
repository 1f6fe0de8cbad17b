using NetTopologySuite.Geometries;

namespace Pacta.Geography;

/// <summary>
/// An azimuthal equidistant projection on the ellipsoid about one centre, in metres: a point's distance and
/// azimuth from the centre are its geodesic ones (<see cref="Geodesic"/>). Over a region a few hundred kilometres
/// across, lengths elsewhere are off by parts per million, so planar work in it (a buffer, a nearest point)
/// stands for work on the ellipsoid.
/// </summary>
public sealed class LocalProjection(double centreLon, double centreLat)
{
    public double CentreLon { get; } = centreLon;
    public double CentreLat { get; } = centreLat;

    /// <summary>Centred on the middle of the geometries' combined envelope.</summary>
    public static LocalProjection Around(params Geometry[] geometries)
    {
        var envelope = new Envelope();
        foreach (var g in geometries) envelope.ExpandToInclude(g.EnvelopeInternal);
        return new LocalProjection(envelope.Centre.X, envelope.Centre.Y);
    }

    public (double X, double Y) Forward(double lon, double lat)
    {
        var (metres, azimuth) = Geodesic.Inverse(CentreLon, CentreLat, lon, lat);
        var a = azimuth * Math.PI / 180;
        return (metres * Math.Sin(a), metres * Math.Cos(a));
    }

    public (double Lon, double Lat) Backward(double x, double y)
    {
        var metres = Math.Sqrt(x * x + y * y);
        if (metres == 0) return (CentreLon, CentreLat);
        var azimuth = Math.Atan2(x, y) * 180 / Math.PI;
        return Geodesic.Direct(CentreLon, CentreLat, azimuth < 0 ? azimuth + 360 : azimuth, metres);
    }

    public Geometry Forward(Geometry geometry) => Transform(geometry, Forward);

    public Geometry Backward(Geometry geometry) => Transform(geometry, Backward);

    private static Geometry Transform(Geometry geometry, Func<double, double, (double, double)> map)
    {
        var copy = geometry.Copy();
        copy.Apply(new Mapping(map));
        copy.GeometryChanged();
        return copy;
    }

    private sealed class Mapping(Func<double, double, (double, double)> map) : ICoordinateSequenceFilter
    {
        public bool Done => false;
        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = map(seq.GetX(i), seq.GetY(i));
            seq.SetX(i, x);
            seq.SetY(i, y);
        }
    }
}
