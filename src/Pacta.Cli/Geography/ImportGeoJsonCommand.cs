using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pacta.Datasets;
using Pacta.Geography;
using Pacta.Json;
using Pacta.Model;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Pacta.Cli.Geography;

/// <summary>
/// <c>pacta import geojson FILE --layer NAME [--fix] [--source ID]</c>: GeoJSON features as places of one kind. The
/// file is read strictly (<see cref="GeoJsonInput"/>) and every feature checked before anything is written; then all
/// are written in one transaction, or none. Properties read: id, names (or name), status, heldBy, claimedBy, within,
/// sources, note — the keys <c>pacta export geojson</c> writes; computed ones (lengthKm, areaKm2) and others are ignored.
/// </summary>
public sealed class ImportGeoJsonCommand : Command<ImportGeoJsonCommand.Settings>
{
    public sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<FILE>")]
        [Description("The GeoJSON file (RFC 7946).")]
        public string File { get; init; } = "";

        [CommandOption("--layer <NAME>")]
        [Description("The layer the features join: a kind of place (enclave, route, border-segment …).")]
        public string Layer { get; init; } = "";

        [CommandOption("--fix")]
        [Description("Repair what can be repaired (winding, unclosed rings, 3-D positions, self-intersections, a WGS 84 crs member, empty features) and report each repair.")]
        public bool Fix { get; init; }

        [CommandOption("--source <ID>")]
        [Description("The source cited by features that name no sources of their own.")]
        public string? Source { get; init; }

        public override ValidationResult Validate()
        {
            if (string.IsNullOrWhiteSpace(Layer)) return ValidationResult.Error("--layer NAME is required");
            if (PlaceLayers.KindOf(Layer) is null) return ValidationResult.Error($"--layer: no layer '{Layer}'; the layers are {string.Join(", ", PlaceLayers.All)}");
            if (Source is not null && !RecordId.IsValid(Source)) return ValidationResult.Error($"--source: '{Source}' is not a valid id");
            return ValidationResult.Success();
        }
    }

    private static readonly HashSet<string> Read = ["id", "kind", "name", "names", "status", "heldBy", "claimedBy", "within", "sources", "note", "lengthKm", "areaKm2"];

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var store = settings.OpenExisting();
        var content = GeoJsonInput.Read(settings.File, settings.File, settings.Fix);
        var kind = PlaceLayers.KindOf(settings.Layer)!.Value;
        var problems = new List<Problem>();
        var places = new List<Place>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < content.Features.Count; i++)
        {
            var feature = content.Features[i];
            void Problem(string message) => problems.Add(new Problem(settings.File, feature.Line, feature.Column, $"feature {i + 1}: {message}"));
            var p = feature.Properties;
            try
            {
                var id = Text(p, "id") ?? feature.Id ?? $"{settings.Layer}-{i + 1}";
                if (!RecordId.IsValid(id)) { Problem($"'{id}' is not a valid id (lower-case letters, digits, single hyphens)"); continue; }
                if (!ids.Add(id)) { Problem($"the id '{id}' is used by an earlier feature"); continue; }
                if (Text(p, "kind") is { } k && k != settings.Layer) { Problem($"its kind is '{k}' but it is imported into the layer '{settings.Layer}'"); continue; }
                var names = p["names"] is JsonArray list
                    ? list.Deserialize<List<PlaceName>>(PactaJson.Options)!
                    : Text(p, "name") is { } name ? [new PlaceName(name, "und", [])] : null;
                if (names is null) { Problem("a place needs a name: give properties.name or properties.names ([{text, lang, usedBy}])"); continue; }
                var sources = p["sources"] is JsonArray s
                    ? s.Deserialize<List<RecordId>>(PactaJson.Options)!
                    : settings.Source is { } source ? [new RecordId(source)] : null;
                if (sources is null) { Problem("a place cites at least one source: give properties.sources or --source ID"); continue; }
                var place = new Place(new RecordId(id), kind, names, feature.Geometry,
                    Text(p, "status") is { } status ? JsonSerializer.Deserialize<BorderStatus>($"\"{status}\"", PactaJson.Options) : null,
                    Text(p, "heldBy") is { } held ? new RecordId(held) : null,
                    p["claimedBy"] is JsonArray claimed ? claimed.Deserialize<List<RecordId>>(PactaJson.Options)! : [],
                    Text(p, "within") is { } within ? new RecordId(within) : null,
                    sources, Text(p, "note"));
                foreach (var reference in place.References())
                {
                    if (store.KindOf(reference.Target) is null && places.All(q => q.Id != reference.Target))
                        Problem($"{reference.Path} names '{reference.Target}', which is not in the store");
                }
                if (store.KindOf(place.Id) is { } existing && existing != RecordKind.Place)
                    Problem($"the id '{id}' belongs to a record of another kind ({existing}) in the store");
                places.Add(place);
            }
            catch (Exception e) when (e is ArgumentException or JsonException or InvalidOperationException or FormatException)
            {
                Problem(e.Message);
            }
        }
        if (problems.Count > 0) throw new InvalidInputException(problems);
        if (content.Features.Count == 0) throw new InvalidInputException([new Problem(settings.File, 1, 1, "the file holds no features to import")]);

        Problems.Print(content.Repairs);
        var ignored = content.Features.SelectMany(f => f.Properties.Select(kv => kv.Key)).Where(k => !Read.Contains(k)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (ignored.Count > 0) Console.Error.WriteLine($"Ignored properties: {string.Join(", ", ignored)}.");
        var summary = store.Write(places.Cast<IRecord>().ToList(), StoreSettings.Context(context.Arguments));
        Output.Console.WriteLine($"Imported {settings.File} into the layer {settings.Layer}: {summary.Created} created, {summary.Updated} updated, {summary.Unchanged} unchanged"
            + (content.Repairs.Count > 0 ? $"; {content.Repairs.Count} repairs (listed above)." : "."));
        return ExitCodes.Ok;
    }

    private static string? Text(JsonObject properties, string key) =>
        properties[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
