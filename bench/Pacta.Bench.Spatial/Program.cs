using System.Diagnostics;
using System.Globalization;
using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;
using Pacta.Datasets;
using Pacta.Geography;
using Pacta.Model;

// dotnet run --project bench/Pacta.Bench.Spatial -c Release -- [--points N] [--runs R] [--seed S] [--data DIR]
// Needs PACTA_TEST_POSTGRES (tests/postgres.sh start). Assigns N random points over Armenia and Azerbaijan to the
// areas of the bundled case (the two countries and the enclaves) with AreaIndex, then the same join in PostGIS
// (points and areas loaded first, GiST indexes on both, only the join timed), R times each; prints the medians.
string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
var count = int.Parse(Arg("--points", "1000000"), CultureInfo.InvariantCulture);
var runs = int.Parse(Arg("--runs", "5"), CultureInfo.InvariantCulture);
var seed = int.Parse(Arg("--seed", "1"), CultureInfo.InvariantCulture);
var data = Arg("--data", Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "data", "south-caucasus"));
var connection = Environment.GetEnvironmentVariable("PACTA_TEST_POSTGRES")
    ?? throw new InvalidOperationException("PACTA_TEST_POSTGRES is not set: eval \"$(tests/postgres.sh start)\"");

var areas = DatasetReader.Read(Path.GetFullPath(data)).OfType<Place>().Where(p => p.Geometry is { Dimension: Dimension.Surface }).ToList();
var random = new Random(seed);
var lons = new double[count];
var lats = new double[count];
for (var i = 0; i < count; i++)
{
    lons[i] = 44.0 + random.NextDouble() * 6.5;
    lats[i] = 38.3 + random.NextDouble() * 3.7;
}
Console.WriteLine($"{count:N0} points, {areas.Count} areas ({string.Join(", ", areas.Select(a => a.Id))}), {areas.Sum(a => a.Geometry!.NumPoints):N0} vertices");

// Ours: build the index and assign every point (the build is part of the work, as the GiST build is not: it is
// made once when the data is loaded, so it is left out of PostGIS's time and our build is included: a handicap).
long ourPairs = 0;
var ours = Median(runs, () =>
{
    var index = PlaceAreas.Index(areas);
    long pairs = 0;
    var partial = new long[Environment.ProcessorCount];
    Parallel.For(0, partial.Length, worker =>
    {
        long local = 0;
        for (var i = worker; i < count; i += partial.Length)
            foreach (var _ in index.Containing(lons[i], lats[i])) local++;
        partial[worker] = local;
    });
    pairs = partial.Sum();
    ourPairs = pairs;
});

await using var source = NpgsqlDataSource.Create(connection);
await Execute("CREATE EXTENSION IF NOT EXISTS postgis; DROP TABLE IF EXISTS bench_points, bench_areas;"
    + "CREATE TABLE bench_areas (id text PRIMARY KEY, geom geometry(Geometry, 4326) NOT NULL);"
    + "CREATE TABLE bench_points (id integer PRIMARY KEY, geom geometry(Point, 4326) NOT NULL);");
foreach (var area in areas)
{
    await using var insert = source.CreateCommand("INSERT INTO bench_areas VALUES ($1, ST_GeomFromText($2, 4326))");
    insert.Parameters.Add(new NpgsqlParameter { Value = area.Id.Value });
    insert.Parameters.Add(new NpgsqlParameter { Value = area.Geometry!.AsText() });
    await insert.ExecuteNonQueryAsync();
}
await using (var conn = await source.OpenConnectionAsync())
await using (var copy = await conn.BeginBinaryImportAsync("COPY bench_points (id, geom) FROM STDIN (FORMAT BINARY)"))
{
    // Points go in as EWKB so no PostGIS type mapping is needed on the client.
    var wkb = new byte[25];
    for (var i = 0; i < count; i++)
    {
        await copy.StartRowAsync();
        await copy.WriteAsync(i, NpgsqlDbType.Integer);
        await copy.WriteAsync(PointEwkb(lons[i], lats[i], wkb), NpgsqlDbType.Bytea);
    }
    await copy.CompleteAsync();
}
await Execute("CREATE INDEX ON bench_areas USING gist (geom); CREATE INDEX ON bench_points USING gist (geom); ANALYZE bench_areas; ANALYZE bench_points;");
long theirPairs = 0;
var theirs = Median(runs, () =>
{
    using var command = source.CreateCommand("SELECT count(*) FROM bench_points p JOIN bench_areas a ON ST_Intersects(a.geom, p.geom)");
    command.CommandTimeout = 0;
    theirPairs = (long)command.ExecuteScalar()!;
});
await Execute("DROP TABLE bench_points, bench_areas;");

Console.WriteLine($"ours:    median {ours:F3} s over {runs} runs, {ourPairs:N0} point–area pairs (index built each run)");
Console.WriteLine($"PostGIS: median {theirs:F3} s over {runs} runs, {theirPairs:N0} point–area pairs (GiST indexes built beforehand)");
Console.WriteLine(ourPairs == theirPairs ? "same pairs: yes" : $"same pairs: NO (differ by {ourPairs - theirPairs})");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio ours/PostGIS: {ours / theirs:F3}"));
return ourPairs == theirPairs ? 0 : 1;

static double Median(int runs, Action work)
{
    var times = new List<double>();
    for (var i = 0; i < runs; i++)
    {
        var watch = Stopwatch.StartNew();
        work();
        times.Add(watch.Elapsed.TotalSeconds);
    }
    times.Sort();
    return times[times.Count / 2];
}

static byte[] PointEwkb(double lon, double lat, byte[] buffer)
{
    buffer[0] = 1; // little-endian
    BitConverter.TryWriteBytes(buffer.AsSpan(1), 0x20000001u); // Point with SRID
    BitConverter.TryWriteBytes(buffer.AsSpan(5), 4326);
    BitConverter.TryWriteBytes(buffer.AsSpan(9), lon);
    BitConverter.TryWriteBytes(buffer.AsSpan(17), lat);
    return buffer;
}

async Task Execute(string sql)
{
    await using var command = source.CreateCommand(sql);
    await command.ExecuteNonQueryAsync();
}
