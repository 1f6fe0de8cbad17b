using System.Text;
using System.Text.Json;

namespace Pacta.Json;

/// <summary>
/// One difference between two versions of a JSON document: where (a path such as <c>$.names[1].text</c>), and the value
/// before and after as compact JSON text (null where the path did not exist).
/// </summary>
public sealed record JsonChange(string Path, string? Before, string? After);

/// <summary>
/// The differences between two versions of a record's canonical JSON, path by path, in the order the properties come.
/// Objects are compared property by property; arrays element by element, by index (an element inserted at the front
/// shows as every later element changed, and the last one added); anything else by value.
/// </summary>
public static class JsonDiff
{
    /// <summary>The changes from <paramref name="before"/> to <paramref name="after"/> (null: no document); empty when they are equal.</summary>
    public static IReadOnlyList<JsonChange> Compare(string? before, string? after)
    {
        var changes = new List<JsonChange>();
        if (before is null && after is null) return changes;
        if (before is null || after is null)
        {
            changes.Add(new JsonChange("$", before is null ? null : Compact(before), after is null ? null : Compact(after)));
            return changes;
        }
        using var old = JsonDocument.Parse(before);
        using var @new = JsonDocument.Parse(after);
        Compare("$", old.RootElement, @new.RootElement, changes);
        return changes;
    }

    private static void Compare(string path, JsonElement before, JsonElement after, List<JsonChange> changes)
    {
        if (before.ValueKind == JsonValueKind.Object && after.ValueKind == JsonValueKind.Object)
        {
            var newProperties = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var property in after.EnumerateObject()) newProperties[property.Name] = property.Value;
            var oldNames = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in before.EnumerateObject())
            {
                oldNames.Add(property.Name);
                var at = Member(path, property.Name);
                if (newProperties.TryGetValue(property.Name, out var value)) Compare(at, property.Value, value, changes);
                else changes.Add(new JsonChange(at, property.Value.GetRawText(), null));
            }
            foreach (var property in after.EnumerateObject().Where(p => !oldNames.Contains(p.Name)))
                changes.Add(new JsonChange(Member(path, property.Name), null, property.Value.GetRawText()));
            return;
        }
        if (before.ValueKind == JsonValueKind.Array && after.ValueKind == JsonValueKind.Array)
        {
            var oldItems = before.EnumerateArray().ToList();
            var newItems = after.EnumerateArray().ToList();
            for (var i = 0; i < Math.Max(oldItems.Count, newItems.Count); i++)
            {
                var at = $"{path}[{i}]";
                if (i >= newItems.Count) changes.Add(new JsonChange(at, oldItems[i].GetRawText(), null));
                else if (i >= oldItems.Count) changes.Add(new JsonChange(at, null, newItems[i].GetRawText()));
                else Compare(at, oldItems[i], newItems[i], changes);
            }
            return;
        }
        if (!JsonElement.DeepEquals(before, after)) changes.Add(new JsonChange(path, before.GetRawText(), after.GetRawText()));
    }

    /// <summary><c>$.name</c> for a plain name, <c>$['odd name']</c> for any other.</summary>
    private static string Member(string path, string name)
    {
        var plain = name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '-');
        if (plain) return $"{path}.{name}";
        var quoted = new StringBuilder(path).Append("['");
        foreach (var c in name) quoted.Append(c is '\'' or '\\' ? $"\\{c}" : c.ToString());
        return quoted.Append("']").ToString();
    }

    private static string Compact(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.GetRawText();
    }
}
