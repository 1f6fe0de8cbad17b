using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pacta.Datasets;
using Pacta.Json;
using Pacta.Model;

namespace Pacta.Restrictions;

/// <summary>
/// What a reader without the permission to read restricted data gets of a record: nothing for a record marked restricted
/// as a whole; otherwise a copy without its restricted fields, in which every citation of a hidden record reads
/// <see cref="Restriction.Placeholder"/> instead of its id. A reader with the permission gets every record as it is.
/// </summary>
public sealed partial class Redaction(Audience audience, IReadOnlySet<RecordId> hidden)
{
    public Audience Audience { get; } = audience;

    /// <summary>The records hidden from this audience (empty when it reads everything).</summary>
    public IReadOnlySet<RecordId> Hidden { get; } = audience.ReadsRestricted ? new HashSet<RecordId>() : hidden;

    public bool IsHidden(RecordId id) => Hidden.Contains(id);

    /// <summary>The record as this audience may see it, or null when it may not see it at all.</summary>
    public T? Apply<T>(T? record) where T : class, IRecord
    {
        if (record is null || Audience.ReadsRestricted) return record;
        if (record.Restricted) return null;
        var fields = record.RestrictedFields ?? [];
        var citations = record.References().Where(r => Hidden.Contains(r.Target)).ToList();
        if (fields.Count == 0 && citations.Count == 0) return record;
        var json = (JsonObject)JsonSerializer.SerializeToNode(record, record.GetType(), PactaJson.Options)!;
        Clear(json, fields, citations);
        return (T)(json.Deserialize(record.GetType(), PactaJson.Options)
            ?? throw new InvalidOperationException($"{record.Id}: the redacted record could not be read back"));
    }

    /// <summary>
    /// A stored body (a version in a record's history) as this audience may see it: null when that version, or the
    /// record now (<paramref name="current"/>), is restricted as a whole; without the fields restricted in that version or now.
    /// </summary>
    public string? ApplyToBody(string? body, Type recordType, IRecord? current)
    {
        if (body is null || Audience.ReadsRestricted) return body;
        if (current?.Restricted == true) return null;
        if (JsonNode.Parse(body) is not JsonObject json) return null;
        if (json["restricted"]?.GetValueKind() == JsonValueKind.True) return null;
        var fields = (json["restrictedFields"] as JsonArray ?? []).Select(f => f?.GetValue<string>()).OfType<string>()
            .Union(current?.RestrictedFields ?? []).ToList();
        var record = json.Deserialize(recordType, PactaJson.Options) as IRecord;
        var citations = record?.References().Where(r => Hidden.Contains(r.Target)).ToList() ?? [];
        if (fields.Count == 0 && citations.Count == 0) return body;
        Clear(json, fields, citations);
        return json.ToJsonString(PactaJson.Options);
    }

    /// <summary>
    /// The inverse of <see cref="Apply{T}"/> for a write: the record a writer of this audience sent, with each
    /// <see cref="Restriction.Placeholder"/> put back to the hidden record the stored version cites there, so that an edit
    /// keeps the citations its writer could not see (docs/accounts.md, "Restricted data"). Citations are matched by their
    /// path with every index left out (<c>actors[].actor</c>, the list <c>sources</c>): the n-th placeholder of such a
    /// path stands for the n-th hidden citation the stored version has there, and a list's one placeholder for all of the
    /// list's hidden ids. A path whose placeholders are all gone drops its hidden citations (the writer removed what they
    /// saw). Anywhere else a placeholder is a problem at its path; so is a path whose placeholders the writer changed in
    /// number, as which one they removed or added cannot be told. Citations inside restricted fields are left to the
    /// caller, which keeps those fields' stored values whole. Problems never name a hidden id.
    /// </summary>
    /// <param name="written">The record as the writer sent it.</param>
    /// <param name="stored">The version the writer read (null for a new record: no placeholder may stand anywhere).</param>
    public IRecord Restore(IRecord written, IRecord? stored, out IReadOnlyList<InputProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(written);
        var found = new List<InputProblem>();
        problems = found;
        // A writer who reads restricted fields sent them as stored: a placeholder there is as wrong as anywhere.
        IReadOnlyList<string> kept = Audience.ReadsRestricted ? [] : stored?.RestrictedFields ?? [];
        bool Outside(Reference r) => !kept.Contains(FirstSegment(r.Path));
        var sent = Units(written.References().Where(r => r.Target == Restriction.Placeholder && Outside(r)));
        if (sent.Count == 0) return written;
        var cited = stored is null ? [] : Units(stored.References().Where(r => IsHidden(r.Target) && Outside(r)));
        var json = (JsonObject)JsonSerializer.SerializeToNode(written, written.GetType(), PactaJson.Options)!;
        var storedJson = stored is null ? null : (JsonObject)JsonSerializer.SerializeToNode(stored, stored.GetType(), PactaJson.Options)!;
        foreach (var group in sent.GroupBy(u => u.Pattern))
        {
            var placed = group.ToList();
            var there = cited.Where(u => u.Pattern == group.Key).ToList();
            if (there.Count != placed.Count)
            {
                var why = Audience.ReadsRestricted
                    ? $"'{Restriction.Placeholder}' names no record: it stands for a record hidden from a reader, and you may read every record"
                    : there.Count == 0
                    ? $"'{Restriction.Placeholder}' stands for a record hidden from you, and the record as stored cites none {(placed[0].Index is null ? "here" : "in this list")}: it cannot be written here"
                    : $"the record as stored cites records hidden from you at {group.Key}, shown as {there.Count} '{Restriction.Placeholder}'; " +
                      $"a write keeps them all where they were shown, or removes them all, but cannot add or remove some (which ones could not be told)";
                found.AddRange(placed.SelectMany(u => u.Paths).Select(path => new InputProblem("$." + path, why)));
                continue;
            }
            for (var i = 0; i < placed.Count; i++)
            {
                if (placed[i].Paths.Count > 1)
                {
                    found.AddRange(placed[i].Paths.Skip(1).Select(path => new InputProblem("$." + path,
                        $"a list shows its records hidden from you as one '{Restriction.Placeholder}': this list has it twice")));
                    continue;
                }
                if (placed[i].Index is null) Set(json, placed[i].Path, there[i].Targets[0].Value);
                else if (At(json, placed[i].Path) is JsonArray list && storedJson is not null && At(storedJson, there[i].Path) is JsonArray before)
                    Set(json, placed[i].Path, Merge(list, placed[i].Index!.Value, before));
            }
        }
        if (found.Count > 0) return written;
        try
        {
            return (IRecord)(json.Deserialize(written.GetType(), PactaJson.Options)
                ?? throw new JsonException("the record with its hidden citations restored could not be read back"));
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            // The reason could quote a hidden id: only where it went wrong goes back.
            found.Add(new InputProblem("$", "the record is not valid once the records hidden from you are put back where it cited them"));
            return written;
        }
    }

    /// <summary>
    /// Citations grouped as a writer sees them: a scalar citation is one unit; a list's citations are one unit (the list's
    /// path, with the index of its first), as the list shows them as one placeholder. Each with its path with the indices left out.
    /// </summary>
    private static List<Unit> Units(IEnumerable<Reference> references)
    {
        var units = new List<Unit>();
        foreach (var reference in references)
        {
            if (ListPath(reference.Path) is not { } list)
            {
                units.Add(new Unit(reference.Path, Indices().Replace(reference.Path, "[]"), null, [reference.Path], [reference.Target]));
                continue;
            }
            var index = int.Parse(reference.Path[(list.Length + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            if (units.FirstOrDefault(u => u.Path == list && u.Index is not null) is { } unit)
            {
                unit.Paths.Add(reference.Path);
                unit.Targets.Add(reference.Target);
            }
            else
            {
                units.Add(new Unit(list, Indices().Replace(list, "[]") + "[]", index, [reference.Path], [reference.Target]));
            }
        }
        return units;
    }

    /// <summary>A path a writer saw citations at: a scalar's (<see cref="Index"/> null) or a list's, with the index of its first one.</summary>
    private sealed record Unit(string Path, string Pattern, int? Index, List<string> Paths, List<RecordId> Targets);

    /// <summary>
    /// A list of ids as written, with its placeholder (at <paramref name="at"/>) replaced by the hidden ids of the list as
    /// stored: the first where the placeholder stands (where the list showed it), each other one after the id it followed
    /// in the stored list when that id is still there and comes after the hidden id before it, else right after that hidden
    /// id. A list sent back unchanged is the stored list again; the hidden ids keep their order among themselves.
    /// </summary>
    private JsonArray Merge(JsonArray written, int at, JsonArray stored)
    {
        var before = stored.Select(n => n?.GetValue<string>() ?? "").ToList();
        var hidden = before.Where(id => IsHidden(new RecordId(id))).ToList();
        var ids = written.Select(n => n?.GetValue<string>() ?? "").ToList();
        ids[at] = hidden[0];
        for (var k = 1; k < hidden.Count; k++)
        {
            // After the id it followed, unless that id is gone or now stands before the hidden id before it: the hidden
            // ids keep their order among themselves.
            var position = before.IndexOf(hidden[k]);
            var after = Math.Max(ids.IndexOf(before[position - 1]), ids.IndexOf(hidden[k - 1]));
            ids.Insert(after + 1, hidden[k]);
        }
        return new JsonArray([.. ids.Select(id => (JsonNode)JsonValue.Create(id))]);
    }

    private static void Clear(JsonObject json, IReadOnlyList<string> fields, List<Reference> citations)
    {
        foreach (var field in fields) json.Remove(field);
        foreach (var citation in citations)
        {
            // A citation inside a restricted field went with it.
            if (fields.Contains(FirstSegment(citation.Path))) continue;
            Set(json, citation.Path, Restriction.Placeholder.Value);
        }
        // Lists of ids are kept free of repeats: two hidden records in one list read as one placeholder.
        foreach (var list in citations.Select(c => ListPath(c.Path)).OfType<string>().Distinct())
        {
            if (At(json, list) is not JsonArray array) continue;
            var first = true;
            for (var i = 0; i < array.Count;)
            {
                if (array[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == Restriction.Placeholder.Value)
                {
                    if (!first)
                    {
                        array.RemoveAt(i);
                        continue;
                    }
                    first = false;
                }
                i++;
            }
        }
    }

    private static string FirstSegment(string path) => Segment().Match(path).Groups["name"].Value;

    /// <summary>The path of the list an id sits in directly (<c>sources</c> for <c>sources[2]</c>), or null when it is not an item of a list.</summary>
    private static string? ListPath(string path) =>
        path.EndsWith(']') ? path[..path.LastIndexOf('[')] : null;

    private static JsonNode? At(JsonNode root, string path)
    {
        JsonNode? node = root;
        foreach (Match m in Segment().Matches(path))
        {
            node = m.Groups["index"].Success
                ? node is JsonArray a && int.Parse(m.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) is var i && i < a.Count ? a[i] : null
                : node is JsonObject o && o.TryGetPropertyValue(m.Groups["name"].Value, out var child) ? child : null;
        }
        return node;
    }

    private static void Set(JsonObject root, string path, JsonNode value)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        var parent = cut <= 0 ? root : At(root, path[..cut]);
        var last = path[(cut < 0 ? 0 : cut)..].TrimStart('.');
        if (last.StartsWith('[') && parent is JsonArray array)
        {
            var i = int.Parse(last[1..^1], System.Globalization.CultureInfo.InvariantCulture);
            if (i < array.Count) array[i] = value;
        }
        else if (parent is JsonObject obj && obj.ContainsKey(last))
        {
            obj[last] = value;
        }
    }

    [GeneratedRegex(@"\[[0-9]+\]")]
    private static partial Regex Indices();

    [GeneratedRegex(@"(?<name>[A-Za-z0-9_]+)|\[(?<index>[0-9]+)\]")]
    private static partial Regex Segment();
}
