using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Pacta.Json;

namespace Pacta.Datasets;

/// <summary>
/// Turns a failure to read a record into a message a person can act on, at the exact key it concerns.
/// The model's constructors reject invalid values; this finds which nested object rejected one.
/// </summary>
internal static partial class JsonProblems
{
    /// <summary>Reads <paramref name="node"/> as <paramref name="type"/>, or says what is wrong and where (a path relative to the node).</summary>
    public static object? TryRead(JsonNode node, Type type, out string path, out string message) =>
        TryRead(node, type, out path, out message, out _);

    /// <param name="atKey">Whether the problem is the key itself (unknown), not its value.</param>
    public static object? TryRead(JsonNode node, Type type, out string path, out string message, out bool atKey)
    {
        path = "";
        message = "";
        atKey = false;
        try
        {
            return node.Deserialize(type, PactaJson.Options);
        }
        catch (JsonException e)
        {
            path = e.Path is { Length: > 1 } p ? p[1..] : "";
            message = Explain(e, node, type, path);
            atKey = message.StartsWith("unknown key", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or NotSupportedException)
        {
            (path, message) = Locate(node, type, e);
        }
        return null;
    }

    private static string Explain(JsonException e, JsonNode root, Type rootType, string path)
    {
        var unmapped = UnmappedMember().Match(e.Message);
        if (unmapped.Success)
        {
            var owner = TypeAt(rootType, Parent(path));
            var known = owner is null ? "" : "; known keys: " + string.Join(", ", PactaJson.Options.GetTypeInfo(owner).Properties.Where(p => p.AssociatedParameter is not null).Select(p => p.Name));
            return $"unknown key '{unmapped.Groups[1].Value}'{known}";
        }
        if (!e.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            && !e.Message.StartsWith("The JSON value is not in a supported", StringComparison.Ordinal)
            && !e.Message.Contains("Path: $", StringComparison.Ordinal))
            return e.InnerException is { } inner && e.Message.Length == 0 ? inner.Message : e.Message;

        var target = TypeAt(rootType, path);
        var found = Describe(NodeAt(root, path));
        if (target is null) return $"{found} is not accepted here";
        target = Nullable.GetUnderlyingType(target) ?? target;
        if (target.IsEnum)
        {
            var terms = Enum.GetNames(target).Select(n => JsonNamingPolicy.KebabCaseLower.ConvertName(n));
            return $"{found} is not one of: {string.Join(", ", terms)}";
        }
        var info = PactaJson.Options.GetTypeInfo(target);
        return info.Kind switch
        {
            JsonTypeInfoKind.Enumerable => $"expected a list, found {found}",
            JsonTypeInfoKind.Object => $"expected a mapping (key: value), found {found}",
            _ when target == typeof(string) => $"expected text, found {found}",
            _ when target == typeof(int) || target == typeof(decimal) || target == typeof(double) => $"expected a number, found {found}",
            _ when target == typeof(Uri) => $"expected an address (https://…), found {found}",
            _ => $"{found} is not accepted here",
        };
    }

    /// <summary>Finds the innermost object whose construction fails, and the key the failure names.</summary>
    private static (string Path, string Message) Locate(JsonNode node, Type type, Exception failure)
    {
        var path = "";
        var current = node;
        var currentType = type;
        while (true)
        {
            var deeper = FailingChild(current, currentType);
            if (deeper is null) break;
            (var childPath, current, currentType, failure) = deeper.Value;
            path += childPath;
        }
        if (typeof(NetTopologySuite.Geometries.Geometry).IsAssignableFrom(currentType) && !failure.Message.StartsWith("invalid geometry", StringComparison.Ordinal))
            return (path, "invalid geometry: " + Clean(failure));
        var key = failure is ArgumentException { ParamName: { Length: > 0 } param } ? char.ToLowerInvariant(param[0]) + param[1..] : null;
        if (key is not null && current is JsonObject obj && obj.ContainsKey(key)) path += "." + key;
        return (path, Clean(failure));
    }

    private static (string Path, JsonNode Node, Type Type, Exception Failure)? FailingChild(JsonNode node, Type type)
    {
        if (node is not JsonObject obj || PactaJson.Options.GetTypeInfo(type) is not { Kind: JsonTypeInfoKind.Object } info) return null;
        foreach (var property in info.Properties)
        {
            if (!obj.TryGetPropertyValue(property.Name, out var child) || child is null) continue;
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            var propertyInfo = PactaJson.Options.GetTypeInfo(propertyType);
            // Values read by converters (geometry) are leaves: a failure inside one belongs to that key.
            if (propertyInfo.Kind is JsonTypeInfoKind.Object or JsonTypeInfoKind.None && child is JsonObject)
            {
                if (Fails(child, propertyType) is { } failure) return ($".{property.Name}", child, propertyType, failure);
            }
            else if (propertyInfo is { Kind: JsonTypeInfoKind.Enumerable, ElementType: { } element }
                     && PactaJson.Options.GetTypeInfo(element).Kind == JsonTypeInfoKind.Object && child is JsonArray items)
            {
                for (var i = 0; i < items.Count; i++)
                {
                    if (items[i] is { } item && Fails(item, element) is { } failure)
                        return ($".{property.Name}[{i}]", item, element, failure);
                }
            }
        }
        return null;
    }

    private static Exception? Fails(JsonNode node, Type type)
    {
        try
        {
            node.Deserialize(type, PactaJson.Options);
            return null;
        }
        catch (Exception e) when (e is not JsonException)
        {
            return e;
        }
        catch (JsonException)
        {
            return null; // reported by its own path, not here
        }
    }

    /// <summary>The model's messages without .NET's "(Parameter 'x')" and "Actual value was" suffixes.</summary>
    private static string Clean(Exception e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        if (cut >= 0) message = message[..cut];
        return message.Split('\n')[0].Trim();
    }

    private static Type? TypeAt(Type root, string path)
    {
        var type = root;
        foreach (Match segment in PathSegment().Matches(path))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            var info = PactaJson.Options.GetTypeInfo(type);
            if (segment.Groups["index"].Success)
            {
                if (info.ElementType is null) return null;
                type = info.ElementType;
                continue;
            }
            var name = segment.Groups["name"].Value;
            var property = info.Kind == JsonTypeInfoKind.Object ? info.Properties.FirstOrDefault(p => p.Name == name) : null;
            if (property is null) return null;
            type = property.PropertyType;
        }
        return type;
    }

    private static JsonNode? NodeAt(JsonNode? node, string path)
    {
        foreach (Match segment in PathSegment().Matches(path))
        {
            node = segment.Groups["index"].Success
                ? node is JsonArray array && int.Parse(segment.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) is var i && i < array.Count ? array[i] : null
                : node is JsonObject obj && obj.TryGetPropertyValue(segment.Groups["name"].Value, out var child) ? child : null;
        }
        return node;
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "nothing",
        JsonArray => "a list",
        JsonObject => "a mapping",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => $"'{value.GetValue<string>()}'",
        _ => node.ToJsonString(),
    };

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    [GeneratedRegex(@"The JSON property '([^']*)' could not be mapped")]
    private static partial Regex UnmappedMember();

    [GeneratedRegex(@"\.(?<name>[A-Za-z0-9_]+)|\[(?<index>[0-9]+)\]|\['(?<name>[^']*)'\]")]
    private static partial Regex PathSegment();
}
