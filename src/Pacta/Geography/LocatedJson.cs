using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pacta.Geography;

/// <summary>Turns byte offsets into 1-based line and column, only when a problem needs them (a file may be one long line).</summary>
internal sealed class SourceMap
{
    private readonly byte[] utf8;
    private readonly List<int> lineStarts = [0];

    public SourceMap(byte[] utf8)
    {
        this.utf8 = utf8;
        for (var i = 0; i < utf8.Length; i++)
            if (utf8[i] == (byte)'\n') lineStarts.Add(i + 1);
    }

    public (int Line, int Column) Locate(long offset)
    {
        var index = lineStarts.BinarySearch((int)offset);
        if (index < 0) index = ~index - 1;
        return (index + 1, Encoding.UTF8.GetCharCount(utf8, lineStarts[index], (int)offset - lineStarts[index]) + 1);
    }
}

/// <summary>A JSON value with where it starts in its file, so a problem can name its line and column.</summary>
internal abstract record LocatedNode(SourceMap Map, long Offset)
{
    public int Line => Map.Locate(Offset).Line;
    public int Column => Map.Locate(Offset).Column;

    public JsonNode? ToNode() => this switch
    {
        LocatedObject o => new JsonObject(o.Members.Select(m => KeyValuePair.Create(m.Key, m.Value.ToNode()))),
        LocatedArray a => new JsonArray(a.Items.Select(i => i.ToNode()).ToArray()),
        LocatedNumber n => JsonValue.Create(n.Value),
        LocatedScalar s => s.Value?.DeepClone(),
        _ => throw new InvalidOperationException(),
    };

    public string Describe() => this switch
    {
        LocatedObject => "an object",
        LocatedArray => "a list",
        LocatedNumber => "a number",
        LocatedScalar { Value: null } => "null",
        LocatedScalar s => s.Value!.GetValueKind() == JsonValueKind.String ? $"the text \"{s.Value}\"" : s.Value.ToJsonString(),
        _ => "a value",
    };
}

internal sealed record LocatedObject(SourceMap Map, long Offset, List<(string Key, LocatedNode Value, long KeyOffset)> Members) : LocatedNode(Map, Offset)
{
    public LocatedNode? this[string key] => Members.FirstOrDefault(m => m.Key == key).Value;
}

internal sealed record LocatedArray(SourceMap Map, long Offset, List<LocatedNode> Items) : LocatedNode(Map, Offset);

internal sealed record LocatedNumber(SourceMap Map, long Offset, double Value) : LocatedNode(Map, Offset);

internal sealed record LocatedScalar(SourceMap Map, long Offset, JsonNode? Value) : LocatedNode(Map, Offset);

/// <summary>Parses JSON keeping every value's position; refuses files with more numbers than <paramref name="maxNumbers"/> before building them.</summary>
internal static class LocatedJson
{
    public sealed class SyntaxException(int line, int column, string message) : Exception(message)
    {
        public int Line { get; } = line;
        public int Column { get; } = column;
    }

    public static LocatedNode Parse(byte[] utf8, long maxNumbers)
    {
        var map = new SourceMap(utf8);
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        long numbers = 0;
        try
        {
            if (!reader.Read()) throw new SyntaxException(1, 1, "the file is empty: expected a GeoJSON object");
            var root = Read(ref reader);
            if (reader.Read()) throw Located(reader.TokenStartIndex, "unexpected content after the GeoJSON object");
            return root;
        }
        catch (JsonException e)
        {
            throw new SyntaxException((int)(e.LineNumber ?? 0) + 1, (int)(e.BytePositionInLine ?? 0) + 1, "malformed JSON: " + Clean(e.Message));
        }

        SyntaxException Located(long offset, string message)
        {
            var (line, column) = map.Locate(offset);
            return new SyntaxException(line, column, message);
        }

        LocatedNode Read(ref Utf8JsonReader r)
        {
            var at = r.TokenStartIndex;
            switch (r.TokenType)
            {
                case JsonTokenType.StartObject:
                {
                    var members = new List<(string, LocatedNode, long)>();
                    while (r.Read() && r.TokenType != JsonTokenType.EndObject)
                    {
                        var keyOffset = r.TokenStartIndex;
                        var key = r.GetString()!;
                        if (members.Any(m => m.Item1 == key)) throw Located(r.TokenStartIndex, $"the key \"{key}\" appears twice in one object");
                        r.Read();
                        members.Add((key, Read(ref r), keyOffset));
                    }
                    return new LocatedObject(map, at, members);
                }
                case JsonTokenType.StartArray:
                {
                    var items = new List<LocatedNode>();
                    while (r.Read() && r.TokenType != JsonTokenType.EndArray) items.Add(Read(ref r));
                    return new LocatedArray(map, at, items);
                }
                case JsonTokenType.Number:
                    if (++numbers > maxNumbers)
                        throw Located(r.TokenStartIndex, $"the file holds more than {maxNumbers:N0} numbers; a GeoJSON import takes at most {maxNumbers / 2:N0} positions");
                    return new LocatedNumber(map, at, r.GetDouble());
                case JsonTokenType.String:
                    return new LocatedScalar(map, at, JsonValue.Create(r.GetString()));
                case JsonTokenType.True or JsonTokenType.False:
                    return new LocatedScalar(map, at, JsonValue.Create(r.GetBoolean()));
                default:
                    return new LocatedScalar(map, at, null);
            }
        }
    }

    private static string Clean(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.');
    }
}
