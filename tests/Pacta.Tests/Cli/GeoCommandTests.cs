using System.Text.Json;
using Pacta.Datasets;
using Pacta.Model;

namespace Pacta.Tests.Cli;

/// <summary><c>pacta export geojson|gpkg</c> and <c>pacta import geojson</c>, run as a user would, checked by other readers.</summary>
public sealed class GeoCommandTests
{
    private static readonly Lazy<List<Place>> BundledPlaces = new(() =>
        DatasetReader.Read(Pacta.BundledCase).OfType<Place>().Where(p => p.Geometry is not null).ToList());

    private static string Store(TempFolder folder)
    {
        var db = folder["pacta.db"];
        Assert.Equal(0, Pacta.Run("init", "--db", db, "--sample").ExitCode);
        return db;
    }

    [Fact]
    public void ExportGeoJson_PassesGeoJsonHintAndKeepsEveryName()
    {
        using var folder = new TempFolder();
        var db = Store(folder);
        var result = Pacta.Run("export", "geojson", "--db", db, "--out", folder["places.geojson"]);
        Assert.Equal(0, result.ExitCode);

        Assert.Equal("[]", ExternalTool.GeoJsonHint(folder["places.geojson"]));
        var features = JsonDocument.Parse(File.ReadAllText(folder["places.geojson"])).RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(BundledPlaces.Value.Count, features.Count);
        foreach (var place in BundledPlaces.Value)
        {
            var feature = features.Single(f => f.GetProperty("id").GetString() == place.Id.Value);
            var names = feature.GetProperty("properties").GetProperty("names").EnumerateArray().Select(n => (n.GetProperty("text").GetString(), n.GetProperty("lang").GetString()));
            Assert.Equal(place.Names.Select(n => ((string?)n.Text, (string?)n.Lang)), names);
        }
    }

    [Fact]
    public void ExportGeoJson_OneLayer_HoldsOnlyThatKindWithLengths()
    {
        using var folder = new TempFolder();
        var db = Store(folder);
        Assert.Equal(0, Pacta.Run("export", "geojson", "--db", db, "--out", folder["routes.geojson"], "--layer", "route").ExitCode);

        Assert.Equal("[]", ExternalTool.GeoJsonHint(folder["routes.geojson"]));
        var features = JsonDocument.Parse(File.ReadAllText(folder["routes.geojson"])).RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(BundledPlaces.Value.Count(p => p.Kind == PlaceKind.Route), features.Count);
        Assert.All(features, f => Assert.True(f.GetProperty("properties").GetProperty("lengthKm").GetDouble() > 0));
    }

    [Fact]
    public void ExportGpkg_OpensInOgrinfoWithEveryLayerCountAndName()
    {
        using var folder = new TempFolder();
        var db = Store(folder);
        Assert.Equal(0, Pacta.Run("export", "gpkg", "--db", db, "--out", folder["places.gpkg"]).ExitCode);

        var summary = ExternalTool.Run("ogrinfo", "apt-get install gdal-bin", "-ro", "-so", "-q", folder["places.gpkg"]);
        Assert.Equal(0, summary.ExitCode);
        foreach (var group in BundledPlaces.Value.GroupBy(p => p.Kind))
        {
            var table = JsonNamingPolicy.SnakeCaseLower.ConvertName(group.Key.ToString());
            Assert.Contains($": {table} (", summary.Out);
            var count = ExternalTool.Run("ogrinfo", "apt-get install gdal-bin", "-ro", "-q", folder["places.gpkg"], "-sql", $"SELECT COUNT(*) AS n FROM {table}");
            Assert.Contains($"n (Integer) = {group.Count()}", count.Out);
        }
        var karki = ExternalTool.Run("ogrinfo", "apt-get install gdal-bin", "-ro", "-q", folder["places.gpkg"], "enclave", "-where", "id = 'karki-tigranashen'");
        Assert.Contains("name_hy (String) = Տիգրանաշեն", karki.Out);
        Assert.Contains("name_az (String) = Kərki", karki.Out);
        Assert.Contains("name_en (String) = Karki / Tigranashen", karki.Out);
        Assert.Contains("held_by (String) = armenia", karki.Out);
        Assert.Contains("POLYGON ((", karki.Out);
    }

    private const string Good = """
        {"type": "FeatureCollection", "features": [
          {"type": "Feature", "properties": {"id": "test-zone", "names": [{"text": "Test zone", "lang": "en", "usedBy": []}], "sources": ["wikipedia-geo"]},
           "geometry": {"type": "Polygon", "coordinates": [[[45.0, 40.0], [45.1, 40.0], [45.1, 40.1], [45.0, 40.1], [45.0, 40.0]]]}}
        ]}
        """;

    [Fact]
    public void ImportGeoJson_AddsThePlacesToTheLayer()
    {
        using var folder = new TempFolder();
        var db = Store(folder);
        File.WriteAllText(folder["zone.geojson"], Good);

        var result = Pacta.Run("import", "geojson", folder["zone.geojson"], "--layer", "zone", "--db", db);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 created", result.Out);
        var shown = Pacta.Run("show", "test-zone", "--json", "--db", db);
        Assert.Contains("\"kind\": \"zone\"", shown.Out.Replace("\":\"", "\": \""));
    }

    [Fact]
    public void ImportGeoJson_BadFeature_IsRejectedWithItsLineAndNothingIsWritten()
    {
        using var folder = new TempFolder();
        var db = Store(folder);
        var before = Pacta.Run("list", "places", "--json", "--db", db).Out;
        // The first feature is fine; the second's ring (line 5) runs clockwise.
        File.WriteAllText(folder["two.geojson"], Good.Replace("\n]}", """
            ,
              {"type": "Feature", "properties": {"id": "second-zone", "name": "Second", "sources": ["wikipedia-geo"]},
               "geometry": {"type": "Polygon", "coordinates": [[[46.0, 40.0], [46.0, 40.1], [46.1, 40.1], [46.1, 40.0], [46.0, 40.0]]]}}
            ]}
            """));

        var result = Pacta.Run("import", "geojson", folder["two.geojson"], "--layer", "zone", "--db", db);

        Assert.Equal(3, result.ExitCode);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(result.Error, @"two\.geojson:5:\d+: wrong winding"), result.Error);
        Assert.Equal(before, Pacta.Run("list", "places", "--json", "--db", db).Out);

        var fixedRun = Pacta.Run("import", "geojson", folder["two.geojson"], "--layer", "zone", "--fix", "--db", db);
        Assert.Equal(0, fixedRun.ExitCode);
        Assert.Contains("repaired: reversed the ring", fixedRun.Error);
        Assert.Contains("2 created", fixedRun.Out);
    }

    [Theory]
    [InlineData("--layer", "nowhere")]
    [InlineData("--fix")]
    public void ImportGeoJson_WithoutAKnownLayer_IsAUsageError(params string[] options)
    {
        using var folder = new TempFolder();
        File.WriteAllText(folder["zone.geojson"], Good);
        Assert.Equal(2, Pacta.Run(["import", "geojson", folder["zone.geojson"], .. options, "--db", folder["none.db"]]).ExitCode);
    }
}
