namespace Pacta.Geography;

/// <summary>
/// Geodesics on the WGS 84 ellipsoid by Vincenty's iterative method (1975): distance and azimuth between two
/// points (the inverse problem) and the point reached from one along an azimuth (the direct problem). Accurate to
/// well under a millimetre for any two points that are not nearly antipodal; there the iteration may not settle and
/// the distance falls back to a great circle on the sphere of equal area (an error of at most a few tenths of a per
/// cent, and only for points more than 19,000 km apart, which a peace process does not measure).
/// </summary>
public static class Geodesic
{
    public const double SemiMajorAxis = 6_378_137.0;
    public const double Flattening = 1 / 298.257223563;
    public static readonly double SemiMinorAxis = SemiMajorAxis * (1 - Flattening);
    public static readonly double EccentricitySquared = Flattening * (2 - Flattening);

    private const double Degrees = Math.PI / 180;
    private const double Tolerance = 1e-12;
    private const int MaxIterations = 200;

    /// <summary>The geodesic distance in metres between two points given as longitude, latitude in degrees.</summary>
    public static double Distance(double lon1, double lat1, double lon2, double lat2) => Inverse(lon1, lat1, lon2, lat2).Metres;

    /// <summary>The geodesic distance in metres and the azimuth at the first point, in degrees clockwise from north.</summary>
    public static (double Metres, double Azimuth) Inverse(double lon1, double lat1, double lon2, double lat2)
    {
        CheckPoint(lon1, lat1);
        CheckPoint(lon2, lat2);
        double a = SemiMajorAxis, b = SemiMinorAxis, f = Flattening;
        var l = NormalizeRadians((lon2 - lon1) * Degrees);
        var u1 = Math.Atan((1 - f) * Math.Tan(lat1 * Degrees));
        var u2 = Math.Atan((1 - f) * Math.Tan(lat2 * Degrees));
        double sinU1 = Math.Sin(u1), cosU1 = Math.Cos(u1), sinU2 = Math.Sin(u2), cosU2 = Math.Cos(u2);

        var lambda = l;
        double sinSigma, cosSigma, sigma, cosSqAlpha, cos2SigmaM, sinLambda, cosLambda;
        var iterations = 0;
        while (true)
        {
            sinLambda = Math.Sin(lambda);
            cosLambda = Math.Cos(lambda);
            var x = cosU2 * sinLambda;
            var y = cosU1 * sinU2 - sinU1 * cosU2 * cosLambda;
            sinSigma = Math.Sqrt(x * x + y * y);
            if (sinSigma == 0) return (0, 0); // the same point
            cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
            sigma = Math.Atan2(sinSigma, cosSigma);
            var sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
            cosSqAlpha = 1 - sinAlpha * sinAlpha;
            cos2SigmaM = cosSqAlpha == 0 ? 0 : cosSigma - 2 * sinU1 * sinU2 / cosSqAlpha; // 0 on the equator
            var c = f / 16 * cosSqAlpha * (4 + f * (4 - 3 * cosSqAlpha));
            var previous = lambda;
            lambda = l + (1 - c) * f * sinAlpha * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
            if (Math.Abs(lambda - previous) < Tolerance) break;
            if (++iterations >= MaxIterations || Math.Abs(lambda) > Math.PI)
                return NearlyAntipodal(lon1, lat1, lon2, lat2);
        }

        var uSq = cosSqAlpha * (a * a - b * b) / (b * b);
        var bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
        var bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));
        var deltaSigma = DeltaSigma(bigB, sinSigma, cosSigma, cos2SigmaM);
        var metres = b * bigA * (sigma - deltaSigma);
        var azimuth = Math.Atan2(cosU2 * sinLambda, cosU1 * sinU2 - sinU1 * cosU2 * cosLambda) / Degrees;
        return (metres, NormalizeAzimuth(azimuth));
    }

    /// <summary>The point reached from (lon, lat) by going <paramref name="metres"/> along the geodesic that leaves at <paramref name="azimuth"/> degrees.</summary>
    public static (double Lon, double Lat) Direct(double lon, double lat, double azimuth, double metres)
    {
        CheckPoint(lon, lat);
        if (!double.IsFinite(azimuth)) throw new ArgumentOutOfRangeException(nameof(azimuth), "the azimuth must be a finite number");
        if (!double.IsFinite(metres) || metres < 0) throw new ArgumentOutOfRangeException(nameof(metres), "the distance must be a finite number of metres, not negative");
        double a = SemiMajorAxis, b = SemiMinorAxis, f = Flattening;
        var alpha1 = azimuth * Degrees;
        double sinAlpha1 = Math.Sin(alpha1), cosAlpha1 = Math.Cos(alpha1);
        var tanU1 = (1 - f) * Math.Tan(lat * Degrees);
        var cosU1 = 1 / Math.Sqrt(1 + tanU1 * tanU1);
        var sinU1 = tanU1 * cosU1;
        var sigma1 = Math.Atan2(tanU1, cosAlpha1);
        var sinAlpha = cosU1 * sinAlpha1;
        var cosSqAlpha = 1 - sinAlpha * sinAlpha;
        var uSq = cosSqAlpha * (a * a - b * b) / (b * b);
        var bigA = 1 + uSq / 16384 * (4096 + uSq * (-768 + uSq * (320 - 175 * uSq)));
        var bigB = uSq / 1024 * (256 + uSq * (-128 + uSq * (74 - 47 * uSq)));

        var sigma = metres / (b * bigA);
        double sinSigma, cosSigma, cos2SigmaM;
        var iterations = 0;
        while (true)
        {
            cos2SigmaM = Math.Cos(2 * sigma1 + sigma);
            sinSigma = Math.Sin(sigma);
            cosSigma = Math.Cos(sigma);
            var previous = sigma;
            sigma = metres / (b * bigA) + DeltaSigma(bigB, sinSigma, cosSigma, cos2SigmaM);
            if (Math.Abs(sigma - previous) < Tolerance || ++iterations >= MaxIterations) break;
        }
        sinSigma = Math.Sin(sigma);
        cosSigma = Math.Cos(sigma);
        cos2SigmaM = Math.Cos(2 * sigma1 + sigma);

        var tmp = sinU1 * sinSigma - cosU1 * cosSigma * cosAlpha1;
        var lat2 = Math.Atan2(sinU1 * cosSigma + cosU1 * sinSigma * cosAlpha1, (1 - f) * Math.Sqrt(sinAlpha * sinAlpha + tmp * tmp));
        var lambda = Math.Atan2(sinSigma * sinAlpha1, cosU1 * cosSigma - sinU1 * sinSigma * cosAlpha1);
        var c = f / 16 * cosSqAlpha * (4 + f * (4 - 3 * cosSqAlpha));
        var l = lambda - (1 - c) * f * sinAlpha * (sigma + c * sinSigma * (cos2SigmaM + c * cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)));
        var lon2 = NormalizeRadians(lon * Degrees + l) / Degrees;
        return (lon2, lat2 / Degrees);
    }

    private static double DeltaSigma(double bigB, double sinSigma, double cosSigma, double cos2SigmaM) =>
        bigB * sinSigma * (cos2SigmaM + bigB / 4 * (cosSigma * (-1 + 2 * cos2SigmaM * cos2SigmaM)
            - bigB / 6 * cos2SigmaM * (-3 + 4 * sinSigma * sinSigma) * (-3 + 4 * cos2SigmaM * cos2SigmaM)));

    /// <summary>Where Vincenty's iteration does not settle: the great circle on the sphere of equal area, with authalic latitudes.</summary>
    private static (double Metres, double Azimuth) NearlyAntipodal(double lon1, double lat1, double lon2, double lat2)
    {
        var b1 = Authalic.Latitude(lat1 * Degrees);
        var b2 = Authalic.Latitude(lat2 * Degrees);
        var dl = NormalizeRadians((lon2 - lon1) * Degrees);
        var h = Math.Pow(Math.Sin((b2 - b1) / 2), 2) + Math.Cos(b1) * Math.Cos(b2) * Math.Pow(Math.Sin(dl / 2), 2);
        var angle = 2 * Math.Asin(Math.Min(1, Math.Sqrt(h)));
        var azimuth = Math.Atan2(Math.Sin(dl) * Math.Cos(b2), Math.Cos(b1) * Math.Sin(b2) - Math.Sin(b1) * Math.Cos(b2) * Math.Cos(dl)) / Degrees;
        return (angle * Authalic.Radius, NormalizeAzimuth(azimuth));
    }

    internal static double NormalizeRadians(double angle)
    {
        var x = Math.IEEERemainder(angle, 2 * Math.PI);
        return x <= -Math.PI ? x + 2 * Math.PI : x;
    }

    private static double NormalizeAzimuth(double degrees) => degrees < 0 ? degrees + 360 : degrees;

    private static void CheckPoint(double lon, double lat)
    {
        if (!double.IsFinite(lon) || lon is < -180 or > 180) throw new ArgumentOutOfRangeException(nameof(lon), lon, "longitude must lie in -180..180");
        if (!double.IsFinite(lat) || lat is < -90 or > 90) throw new ArgumentOutOfRangeException(nameof(lat), lat, "latitude must lie in -90..90");
    }
}

/// <summary>
/// The sphere with the ellipsoid's surface area and the authalic latitude that maps the ellipsoid onto it keeping
/// areas equal: an area on the ellipsoid is computed exactly as the matching area on this sphere.
/// </summary>
internal static class Authalic
{
    private static readonly double E = Math.Sqrt(Geodesic.EccentricitySquared);
    private static readonly double QPole = Q(1);

    /// <summary>The radius of the sphere of equal area (about 6,371,007.2 m for WGS 84).</summary>
    public static readonly double Radius = Geodesic.SemiMajorAxis * Math.Sqrt(QPole / 2);

    public static double Latitude(double geodeticRadians) => Math.Asin(Math.Clamp(Q(Math.Sin(geodeticRadians)) / QPole, -1, 1));

    private static double Q(double sinPhi)
    {
        var e2 = Geodesic.EccentricitySquared;
        var es = E * sinPhi;
        return (1 - e2) * (sinPhi / (1 - es * es) - 1 / (2 * E) * Math.Log((1 - es) / (1 + es)));
    }
}
