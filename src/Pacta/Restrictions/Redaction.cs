using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
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

    private static void Set(JsonObject root, string path, string value)
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

    [GeneratedRegex(@"(?<name>[A-Za-z0-9_]+)|\[(?<index>[0-9]+)\]")]
    private static partial Regex Segment();
}
