using System.Text.Json.Nodes;
using Pacta.Model;

namespace Pacta.Datasets;

/// <summary>
/// Reads a dataset folder (see docs/data-format.md) and checks it whole: syntax, vocabularies, values,
/// ids and references. Reports every problem it finds, each located as <c>file:line:column</c>.
/// </summary>
public static class DatasetReader
{
    /// <summary>Reads and checks a dataset; throws <see cref="InvalidInputException"/> with every problem if any is an error.</summary>
    /// <param name="directory">The dataset folder, as the user named it (messages show paths under it).</param>
    /// <param name="known">Ids already stored elsewhere (a store being imported into), which references may name.</param>
    public static Dataset Read(string directory, Func<RecordId, RecordKind?>? known = null)
    {
        var (dataset, problems) = Check(directory, known);
        return problems.Any(p => p.Severity == Severity.Error) ? throw new InvalidInputException(problems) : dataset!;
    }

    /// <summary>Reads and checks a dataset, returning what could be read and every problem (errors and warnings).</summary>
    public static (Dataset? Dataset, IReadOnlyList<Problem> Problems) Check(string directory, Func<RecordId, RecordKind?>? known = null)
    {
        var problems = new List<Problem>();
        if (!Directory.Exists(directory))
            return (null, [new Problem(directory, 1, 1, File.Exists(directory) ? "a file, not a folder" : "no such folder")]);

        var located = new List<LocatedRecord>();
        var unreadable = new Dictionary<RecordId, RecordKind>();
        var info = ReadInfo(directory, problems);
        CheckFolderContents(directory, problems);
        var geometries = GeometryFiles.Read(directory, problems);

        foreach (var (file, type) in DatasetLayout.ListFiles)
        {
            var path = Path.Combine(directory, file);
            if (File.Exists(path)) ReadList(path, type, file == DatasetLayout.MeetingsFile, located, unreadable, problems, type == typeof(Place) ? geometries : null);
        }
        foreach (var (id, file) in geometries.Where(g => !g.Value.Used))
            problems.Add(new Problem(file.Path, 1, 1, $"no place has the id '{id}': a geometry file is named after the place it belongs to"));
        var documents = Path.Combine(directory, DatasetLayout.DocumentsFolder);
        if (Directory.Exists(documents))
        {
            foreach (var path in Directory.EnumerateFiles(documents).Order(StringComparer.Ordinal))
            {
                if (Path.GetExtension(path) == ".yaml") ReadDocument(path, located, unreadable, problems);
            }
        }

        // Records that could not be read are reported once; references to them are not reported again.
        // A file that could not be read at all hides its ids: dangling references are then not reported, to avoid noise.
        var incomplete = problems.Any(p => p.Message.StartsWith("malformed YAML", StringComparison.Ordinal) || p.Message.StartsWith("the file ", StringComparison.Ordinal));
        problems.AddRange(DatasetChecks.Run(located, id => unreadable.TryGetValue(id, out var kind) ? kind : known?.Invoke(id), reportDangling: !incomplete));
        var ordered = problems.OrderBy(p => p.File, StringComparer.Ordinal).ThenBy(p => p.Line).ThenBy(p => p.Column).ToList();
        return (info is null ? null : new Dataset(info, located.Select(r => r.Record).ToList()), ordered);
    }

    private static DatasetInfo? ReadInfo(string directory, List<Problem> problems)
    {
        var path = Path.Combine(directory, DatasetLayout.InfoFile);
        if (!File.Exists(path))
        {
            problems.Add(new Problem(path, 1, 1, "missing: a dataset folder starts with dataset.yaml (format: pacta/1, id, title)"));
            return null;
        }
        var tree = Load(path, problems);
        if (tree is null) return null;
        if (tree.Root is not JsonObject)
        {
            problems.Add(tree.ProblemAt("$", "dataset.yaml must be a mapping with format, id and title"));
            return null;
        }
        var info = JsonProblems.TryRead(tree.Root, typeof(DatasetInfo), out var at, out var message, out var atKey) as DatasetInfo;
        if (info is null) problems.Add(tree.ProblemAt("$" + at, message, atKey: atKey));
        return info;
    }

    private static void CheckFolderContents(string directory, List<Problem> problems)
    {
        var expected = DatasetLayout.ListFiles.Select(f => f.File).Append(DatasetLayout.InfoFile).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in Directory.EnumerateFileSystemEntries(directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(entry);
            if (name.StartsWith('.') || expected.Contains(name) || name.EndsWith(".md", StringComparison.Ordinal)) continue;
            if (name == DatasetLayout.GeometryFolder && Directory.Exists(entry))
            {
                foreach (var inner in Directory.EnumerateFileSystemEntries(entry).Order(StringComparer.Ordinal))
                {
                    if (Path.GetExtension(inner) != ".geojson" && !Path.GetFileName(inner).StartsWith('.'))
                        problems.Add(new Problem(inner, 1, 1, "unexpected entry: the geometry folder holds one ID.geojson file per place"));
                }
                continue;
            }
            if (name == DatasetLayout.DocumentsFolder && Directory.Exists(entry))
            {
                foreach (var inner in Directory.EnumerateFileSystemEntries(entry).Order(StringComparer.Ordinal))
                {
                    if (Path.GetExtension(inner) != ".yaml" && !Path.GetFileName(inner).StartsWith('.'))
                        problems.Add(new Problem(inner, 1, 1, "unexpected entry: the documents folder holds one ID.yaml file per document"));
                }
                continue;
            }
            problems.Add(new Problem(entry, 1, 1,
                $"unexpected entry in a dataset folder; known files: {string.Join(", ", expected.Order(StringComparer.Ordinal))}, and the {DatasetLayout.DocumentsFolder} and {DatasetLayout.GeometryFolder} folders"));
        }
    }

    private static void ReadList(string path, Type type, bool meetings, List<LocatedRecord> located, Dictionary<RecordId, RecordKind> unreadable, List<Problem> problems,
        Dictionary<string, GeometryFiles.Entry>? geometries = null)
    {
        var tree = Load(path, problems);
        if (tree?.Root is null) return;
        if (tree.Root is not JsonArray items)
        {
            problems.Add(tree.ProblemAt("$", $"{Path.GetFileName(path)} must be a list of records (lines starting with '- ')"));
            return;
        }
        for (var i = 0; i < items.Count; i++)
        {
            if (geometries is not null && items[i] is JsonObject place && place["id"]?.GetValueKind() == System.Text.Json.JsonValueKind.String
                && geometries.TryGetValue(place["id"]!.GetValue<string>(), out var file))
            {
                file.Used = true;
                if (place.ContainsKey("geometry"))
                {
                    problems.Add(tree.ProblemAt($"$[{i}].geometry", $"the geometry is given twice: here and in {file.Path}; keep one"));
                    continue;
                }
                if (file.Geometry is null) continue; // its problems are reported at the file
                place["geometry"] = file.Geometry.DeepClone();
            }
            var record = ReadRecord(tree, $"$[{i}]", items[i], type, unreadable, problems);
            if (record is Event e && (e.Meeting is not null) != meetings)
            {
                problems.Add(tree.ProblemAt($"$[{i}]", meetings
                    ? "a record in meetings.yaml needs a meeting: block (format, host, mediators, participants, outcomes)"
                    : "an event with a meeting: block belongs in meetings.yaml"));
                continue;
            }
            if (record is not null) located.Add(new LocatedRecord(record, tree, $"$[{i}]"));
        }
    }

    private static void ReadDocument(string path, List<LocatedRecord> located, Dictionary<RecordId, RecordKind> unreadable, List<Problem> problems)
    {
        var tree = Load(path, problems);
        if (tree is null) return;
        if (tree.Root is not JsonObject)
        {
            problems.Add(tree.ProblemAt("$", "a document file holds one document: a mapping with id, kind, title …"));
            return;
        }
        if (ReadRecord(tree, "$", tree.Root, typeof(Document), unreadable, problems) is not Document document) return;
        var expectedName = document.Id.Value + ".yaml";
        if (Path.GetFileName(path) != expectedName)
        {
            problems.Add(tree.ProblemAt("$.id", $"the document's id is '{document.Id}', so its file must be named {expectedName}"));
            return;
        }
        located.Add(new LocatedRecord(document, tree, "$"));
    }

    private static IRecord? ReadRecord(
        YamlTree tree, string path, JsonNode? node, Type type, Dictionary<RecordId, RecordKind> unreadable, List<Problem> problems)
    {
        if (node is not JsonObject)
        {
            problems.Add(tree.ProblemAt(path, "a record must be a mapping of keys to values"));
            return null;
        }
        var record = JsonProblems.TryRead(node, type, out var at, out var message, out var atKey) as IRecord;
        if (record is null)
        {
            problems.Add(tree.ProblemAt(path + at, message, atKey: atKey));
            foreach (var (id, kind) in DeclaredIds(node, type)) unreadable.TryAdd(id, kind);
        }
        return record;
    }

    /// <summary>The ids a record that failed to read still declares, as far as they can be made out.</summary>
    private static IEnumerable<(RecordId Id, RecordKind Kind)> DeclaredIds(JsonNode node, Type type)
    {
        static RecordId? IdOf(JsonNode? n) =>
            n?["id"] is JsonValue v && v.TryGetValue<string>(out var s) && RecordId.IsValid(s) ? new RecordId(s) : null;

        if (IdOf(node) is { } id)
            yield return (id, (RecordKind)Enum.Parse(typeof(RecordKind), type.Name));
        if (type != typeof(Document) || node["provisions"] is not JsonArray provisions) yield break;
        foreach (var provision in provisions)
        {
            if (provision?["obligations"] is not JsonArray obligations) continue;
            foreach (var obligation in obligations)
            {
                if (IdOf(obligation) is { } obligationId) yield return (obligationId, RecordKind.Obligation);
            }
        }
    }

    private static YamlTree? Load(string path, List<Problem> problems)
    {
        try
        {
            return YamlTree.Load(path, path);
        }
        catch (InvalidInputException e)
        {
            problems.AddRange(e.Problems);
            return null;
        }
        catch (IOException e)
        {
            problems.Add(new Problem(path, 1, 1, $"cannot read the file: {e.Message}"));
            return null;
        }
        catch (UnauthorizedAccessException e)
        {
            problems.Add(new Problem(path, 1, 1, $"cannot read the file: {e.Message}"));
            return null;
        }
    }
}

/// <summary>A record read from a file, with where it was written.</summary>
internal sealed record LocatedRecord(IRecord Record, YamlTree Tree, string Path)
{
    public Problem ProblemAt(string relativePath, string message, Severity severity = Severity.Error) =>
        Tree.ProblemAt(relativePath.Length == 0 ? Path : $"{Path}.{relativePath}", message, severity);
}
