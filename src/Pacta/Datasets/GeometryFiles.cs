using System.Text.Json;
using System.Text.Json.Nodes;
using Pacta.Geography;
using Pacta.Json;

namespace Pacta.Datasets;

/// <summary>
/// The <c>geometry/</c> folder of a dataset: large geometries (country boundaries, detailed enclaves) as RFC 7946
/// GeoJSON files named after their place, read strictly (<see cref="GeoJsonInput"/>) with problems located in them.
/// </summary>
internal static class GeometryFiles
{
    public sealed class Entry(string path, JsonNode? geometry)
    {
        public string Path { get; } = path;
        /// <summary>The geometry in the model's JSON form; null when the file has problems.</summary>
        public JsonNode? Geometry { get; } = geometry;
        public bool Used { get; set; }
    }

    public static Dictionary<string, Entry> Read(string directory, List<Problem> problems)
    {
        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var folder = Path.Combine(directory, DatasetLayout.GeometryFolder);
        if (!Directory.Exists(folder)) return entries;
        foreach (var path in Directory.EnumerateFiles(folder, "*.geojson").Order(StringComparer.Ordinal))
        {
            JsonNode? geometry = null;
            try
            {
                var read = GeoJsonInput.ReadGeometry(File.ReadAllBytes(path), path);
                geometry = JsonSerializer.SerializeToNode(read, PactaJson.Options);
            }
            catch (InvalidInputException e)
            {
                problems.AddRange(e.Problems);
            }
            catch (IOException e)
            {
                problems.Add(new Problem(path, 1, 1, $"cannot read the file: {e.Message}"));
            }
            entries[System.IO.Path.GetFileNameWithoutExtension(path)] = new Entry(path, geometry);
        }
        return entries;
    }
}
