using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pacta.Geography;
using Pacta.Json;
using Pacta.Model;

namespace Pacta.Datasets;

/// <summary>Writes records as a dataset folder, deterministically: the same records always give the same bytes.</summary>
public static class DatasetWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes the dataset into <paramref name="directory"/>, which must be missing, empty, or an earlier
    /// dataset (whose record files are then replaced). Returns the files written, relative to the folder.
    /// </summary>
    public static IReadOnlyList<string> Write(string directory, DatasetInfo info, IEnumerable<IRecord> records)
    {
        PrepareFolder(directory);
        var written = new List<string>();

        void Save(string relative, string text)
        {
            var path = Path.Combine(directory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text, Utf8);
            written.Add(relative);
        }

        var header = "# A Pacta dataset (docs/data-format.md). Ids are stable: other records and other systems cite them.\n";
        Save(DatasetLayout.InfoFile, header + YamlWriter.Write(ToNode(info)!));

        foreach (var group in records.GroupBy(DatasetLayout.FileOf).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(r => r.Id).ToList();
            if (group.Key.StartsWith(DatasetLayout.DocumentsFolder, StringComparison.Ordinal))
            {
                Save(group.Key, YamlWriter.Write(ToNode(ordered.Single())!));
                continue;
            }
            var list = new JsonArray(ordered.Select(record =>
            {
                var node = ToNode(record);
                if (record is Place { Geometry: { } geometry } place && geometry.NumPoints > DatasetLayout.InlineGeometryVertices)
                {
                    Save(Path.Combine(DatasetLayout.GeometryFolder, place.Id.Value + ".geojson"), GeoJsonOutput.Geometry(geometry));
                    node!.AsObject().Remove("geometry");
                }
                return node;
            }).ToArray());
            Save(group.Key, YamlWriter.Write(list));
        }
        return written;
    }

    private static JsonNode? ToNode<T>(T value) =>
        YamlWriter.Prune(JsonSerializer.SerializeToNode(value, value!.GetType(), PactaJson.Options));

    private static void PrepareFolder(string directory)
    {
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory);
            return;
        }
        var entries = Directory.EnumerateFileSystemEntries(directory).ToList();
        if (entries.Count == 0) return;
        if (!File.Exists(Path.Combine(directory, DatasetLayout.InfoFile)))
            throw new IOException($"{directory} is neither empty nor a Pacta dataset (no {DatasetLayout.InfoFile}); choose an empty or new folder");

        foreach (var (file, _) in DatasetLayout.ListFiles)
            File.Delete(Path.Combine(directory, file));
        var documents = Path.Combine(directory, DatasetLayout.DocumentsFolder);
        if (Directory.Exists(documents))
        {
            foreach (var file in Directory.EnumerateFiles(documents, "*.yaml"))
                File.Delete(file);
        }
        var geometries = Path.Combine(directory, DatasetLayout.GeometryFolder);
        if (Directory.Exists(geometries))
        {
            foreach (var file in Directory.EnumerateFiles(geometries, "*.geojson"))
                File.Delete(file);
        }
    }
}
