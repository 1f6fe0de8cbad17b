using System.ComponentModel;
using Pacta.Geography;
using Pacta.Model;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pacta.Cli.Geography;

/// <summary>Options of the geographic exports: where to write, and optionally one layer (a kind of place).</summary>
public class GeoExportSettings : ReadingSettings
{
    [CommandOption("--out <FILE>")]
    [Description("The file to write (replaced if it exists).")]
    public string Out { get; init; } = "";

    [CommandOption("--layer <NAME>")]
    [Description("Only this layer: a kind of place (country, region, district, settlement, border-segment, enclave, route, checkpoint, zone …).")]
    public string? Layer { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Out)) return ValidationResult.Error("--out FILE is required");
        if (Layer is not null && PlaceLayers.KindOf(Layer) is null)
            return ValidationResult.Error($"--layer: no layer '{Layer}'; the layers are {string.Join(", ", PlaceLayers.All)}");
        return ValidationResult.Success();
    }

    internal IReadOnlyList<(string Layer, IReadOnlyList<Place> Places)> Layers(global::Pacta.Store.IStore store) =>
        PlaceLayers.Group(store.All<Place>(), Layer).ToList();
}

/// <summary><c>pacta export geojson --out FILE [--layer NAME]</c>: places as one RFC 7946 FeatureCollection.</summary>
public sealed class ExportGeoJsonCommand : Command<GeoExportSettings>
{
    public override int Execute(CommandContext context, GeoExportSettings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenForReading();
        var layers = settings.Layers(store);
        var features = layers.SelectMany(l => l.Places).Select(p => (p.Id.Value, p.Geometry!, PlaceLayers.Properties(p)));
        var temporary = settings.Out + ".partial";
        File.WriteAllText(temporary, GeoJsonOutput.FeatureCollection(features));
        File.Move(temporary, settings.Out, overwrite: true);
        Output.Console.WriteLine($"Wrote {layers.Sum(l => l.Places.Count)} features ({string.Join(", ", layers.Select(l => $"{l.Layer} {l.Places.Count}"))}) to {settings.Out}.");
        return ExitCodes.Ok;
    }
}

/// <summary><c>pacta export gpkg --out FILE [--layer NAME]</c>: places as a GeoPackage, one table per layer.</summary>
public sealed class ExportGpkgCommand : Command<GeoExportSettings>
{
    public override int Execute(CommandContext context, GeoExportSettings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenForReading();
        var written = GeoPackageFile.Write(settings.Out, settings.Layers(store));
        Output.Console.WriteLine($"Wrote {written.Count} layers ({string.Join(", ", written.Select(l => $"{l.Layer} {l.Count}"))}) to {settings.Out}.");
        return ExitCodes.Ok;
    }
}
