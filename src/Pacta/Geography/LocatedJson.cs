using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pacta.Geography;

/// <summary>A JSON value with where it starts in its file (1-based line and column), so a problem can name its place.</summary>
internal abstract record LocatedNode(int Line, int Column)
{
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

internal sealed record LocatedObject(int Line, int Column, List<(string Key, LocatedNode Value, int Line, int Column)> Members) : LocatedNode(Line, Column)
{
    public LocatedNode? this[string key] => Members.FirstOrDefault(m => m.Key == key).Value;
}

internal sealed record LocatedArray(int Line, int Column, List<LocatedNode> Items) : LocatedNode(Line, Column);

internal sealed record LocatedNumber(int Line, int Column, double Value) : LocatedNode(Line, Column);

internal sealed record LocatedScalar(int Line, int Column, JsonNode? Value) : LocatedNode(Line, Column);

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
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
            if (utf8[i] == (byte)'\n') lineStarts.Add(i + 1);

        (int, int) Position(long offset)
        {
            var index = lineStarts.BinarySearch((int)offset);
            if (index < 0) index = ~index - 1;
            var column = Encoding.UTF8.GetCharCount(utf8, lineStarts[index], (int)offset - lineStarts[index]) + 1;
            return (index + 1, column);
        }

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
            var (line, column) = Position(offset);
            return new SyntaxException(line, column, message);
        }

        LocatedNode Read(ref Utf8JsonReader r)
        {
            var (line, column) = Position(r.TokenStartIndex);
            switch (r.TokenType)
            {
                case JsonTokenType.StartObject:
                {
                    var members = new List<(string, LocatedNode, int, int)>();
                    while (r.Read() && r.TokenType != JsonTokenType.EndObject)
                    {
                        var (keyLine, keyColumn) = Position(r.TokenStartIndex);
                        var key = r.GetString()!;
                        if (members.Any(m => m.Item1 == key)) throw Located(r.TokenStartIndex, $"the key \"{key}\" appears twice in one object");
                        r.Read();
                        members.Add((key, Read(ref r), keyLine, keyColumn));
                    }
                    return new LocatedObject(line, column, members);
                }
                case JsonTokenType.StartArray:
                {
                    var items = new List<LocatedNode>();
                    while (r.Read() && r.TokenType != JsonTokenType.EndArray) items.Add(Read(ref r));
                    return new LocatedArray(line, column, items);
                }
                case JsonTokenType.Number:
                    if (++numbers > maxNumbers)
                        throw Located(r.TokenStartIndex, $"the file holds more than {maxNumbers:N0} numbers; a GeoJSON import takes at most {maxNumbers / 2:N0} positions");
                    return new LocatedNumber(line, column, r.GetDouble());
                case JsonTokenType.String:
                    return new LocatedScalar(line, column, JsonValue.Create(r.GetString()));
                case JsonTokenType.True or JsonTokenType.False:
                    return new LocatedScalar(line, column, JsonValue.Create(r.GetBoolean()));
                default:
                    return new LocatedScalar(line, column, null);
            }
        }
    }

    private static string Clean(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.');
    }
}
