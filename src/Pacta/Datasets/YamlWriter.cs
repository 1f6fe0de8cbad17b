using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pacta.Json;

namespace Pacta.Datasets;

/// <summary>
/// Writes a JSON tree as YAML a reviewer can read: block mappings for records, one line
/// (<c>{text: Şuşa, lang: az, usedBy: [azerbaijan]}</c>) for small entries of a list, lists of plain values
/// and coordinates on one line, text plain when YAML reads it back unchanged and quoted otherwise.
/// </summary>
public static class YamlWriter
{
    private const int LineWidth = 110;

    public static string Write(JsonNode node)
    {
        var output = new StringBuilder();
        WriteBlock(output, node, 0);
        return output.ToString();
    }

    /// <summary>Drops what carries no information (nulls, empty lists and mappings), so files say only what is known.</summary>
    public static JsonNode? Prune(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    var pruned = Prune(value);
                    if (pruned is null) obj.Remove(key);
                }
                return obj.Count == 0 ? null : obj;
            case JsonArray array:
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    if (array[i] is JsonObject or JsonArray) Prune(array[i]);
                }
                return array.Count == 0 ? null : array;
            default:
                return node;
        }
    }

    private static void WriteBlock(StringBuilder output, JsonNode node, int indent)
    {
        switch (node)
        {
            case JsonArray array:
                foreach (var item in array)
                {
                    output.Append(' ', indent).Append("- ");
                    WriteItem(output, item!, indent + 2, firstLineUsed: indent + 2);
                }
                break;
            case JsonObject obj:
                var first = true;
                foreach (var (key, value) in obj)
                {
                    if (!first) output.Append(' ', indent);
                    first = false;
                    WriteEntry(output, key, value!, indent);
                }
                break;
            default:
                output.Append(Scalar(node, flow: false)).Append('\n');
                break;
        }
    }

    /// <summary>A list item: on the dash's line when it fits, else as a block under it.</summary>
    private static void WriteItem(StringBuilder output, JsonNode item, int indent, int firstLineUsed)
    {
        if (item is JsonObject obj && Flow(obj) is { } line && firstLineUsed + line.Length <= LineWidth && IsSmall(obj))
        {
            output.Append(line).Append('\n');
            return;
        }
        if (item is JsonObject or JsonArray && Flow(item) is { } flat && firstLineUsed + flat.Length <= LineWidth && item is JsonArray)
        {
            output.Append(flat).Append('\n');
            return;
        }
        switch (item)
        {
            case JsonObject block:
                // The first key goes on the dash's line, the rest are indented under it.
                WriteBlock(output, block, indent);
                break;
            case JsonArray nested:
                output.Append('\n');
                WriteBlock(output, nested, indent);
                break;
            default:
                output.Append(TextOrBlock(item, indent)).Append('\n');
                break;
        }
    }

    private static void WriteEntry(StringBuilder output, string key, JsonNode value, int indent)
    {
        var prefix = $"{key}: ";
        switch (value)
        {
            case JsonArray array when Flow(array) is { } line && (indent + prefix.Length + line.Length <= LineWidth || AllNumbers(array)):
                output.Append(prefix).Append(line).Append('\n');
                break;
            case JsonObject obj when Flow(obj) is { } line && indent + prefix.Length + line.Length <= LineWidth && (IsSmall(obj) || IsGeometry(obj)):
                output.Append(prefix).Append(line).Append('\n');
                break;
            case JsonObject obj when IsGeometry(obj):
                output.Append(key).Append(":\n");
                foreach (var (k, v) in obj)
                    output.Append(' ', indent + 2).Append(k).Append(": ").Append(Flow(v!) ?? Scalar(v!, flow: true)).Append('\n');
                break;
            case JsonArray array:
                output.Append(key).Append(":\n");
                WriteBlock(output, array, indent + 2);
                break;
            case JsonObject obj:
                output.Append(key).Append(":\n").Append(' ', indent + 2);
                WriteBlock(output, obj, indent + 2);
                break;
            default:
                output.Append(prefix).Append(TextOrBlock(value, indent)).Append('\n');
                break;
        }
    }

    /// <summary>Multi-line text as a literal block (<c>|</c>) when YAML can keep it exactly; otherwise one quoted line.</summary>
    private static string TextOrBlock(JsonNode value, int indent)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is var text
            && text.Contains('\n') && !text.StartsWith(' ') && !text.Contains('\t') && !text.Contains('\r')
            && !text.TrimEnd('\n').Contains(" \n", StringComparison.Ordinal) && !text.EndsWith("\n\n", StringComparison.Ordinal)
            && !text.Any(c => char.IsControl(c) && c != '\n'))
        {
            var body = text.EndsWith('\n') ? text[..^1] : text;
            var pad = new string(' ', indent + 2);
            var lines = body.Split('\n').Select(l => l.Length == 0 ? "" : pad + l);
            return (text.EndsWith('\n') ? "|" : "|-") + "\n" + string.Join('\n', lines);
        }
        return Scalar(value, flow: false);
    }

    private static string? Flow(JsonNode node)
    {
        switch (node)
        {
            case JsonArray array:
                var items = array.Select(i => i is null ? "null" : Flow(i)).ToList();
                return items.Any(i => i is null) ? null : "[" + string.Join(", ", items) + "]";
            case JsonObject obj:
                var entries = obj.Select(e => e.Value is null ? null : Flow(e.Value) is { } f ? $"{e.Key}: {f}" : null).ToList();
                return entries.Any(e => e is null) ? null : "{" + string.Join(", ", entries) + "}";
            default:
                return node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Contains('\n')
                    ? null
                    : Scalar(node, flow: true);
        }
    }

    /// <summary>Small: only plain values and lists of plain values, no nested mappings.</summary>
    private static bool IsSmall(JsonObject obj) =>
        obj.Count <= 5 && obj.All(e => e.Value is JsonValue || (e.Value is JsonArray a && a.All(i => i is JsonValue)))
        && !obj.Any(e => e.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Length > 60);

    private static bool IsGeometry(JsonObject obj) => obj.ContainsKey("type") && (obj.ContainsKey("coordinates") || obj.ContainsKey("geometries"));

    private static bool AllNumbers(JsonArray array) =>
        array.All(i => i is JsonArray inner ? AllNumbers(inner) : i is JsonValue v && v.GetValueKind() == JsonValueKind.Number);

    private static string Scalar(JsonNode node, bool flow)
    {
        if (node is not JsonValue value) throw new ArgumentException("not a scalar", nameof(node));
        if (value.GetValueKind() != JsonValueKind.String) return value.ToJsonString(PactaJson.Options);
        var text = value.GetValue<string>();
        return IsPlainSafe(text, flow) ? text : JsonSerializer.Serialize(text, PactaJson.Options);
    }

    /// <summary>Whether YAML reads the text back, unquoted, as exactly this text.</summary>
    internal static bool IsPlainSafe(string text, bool flow)
    {
        if (text.Length == 0 || text.Length > 200 || char.IsWhiteSpace(text[0]) || char.IsWhiteSpace(text[^1])) return false;
        if (YamlTree.ReadsAsNonText(text)) return false;
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(text[0], StringComparison.Ordinal)) return false;
        if (text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal) || text.EndsWith(':')) return false;
        if (text.Any(c => char.IsControl(c) || c == '\uFEFF' || char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\u0085')) return false;
        if (flow && text.IndexOfAny([',', '[', ']', '{', '}']) >= 0) return false;
        var lower = text.ToLowerInvariant();
        return lower is not ("yes" or "no" or "on" or "off" or "y" or "n");
    }
}
