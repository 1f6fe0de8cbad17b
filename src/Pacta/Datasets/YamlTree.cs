using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pacta.Datasets;

/// <summary>
/// A YAML file read as a JSON tree, with the line and column of every node kept by its JSON path
/// (<c>$[3].provisions[0].summary</c>), so a problem found later in the JSON can be reported where it is written.
/// </summary>
internal sealed partial class YamlTree
{
    /// <summary>Dataset files are text a person reviews; anything this large is a mistake or an attack.</summary>
    public const long MaxFileBytes = 64L * 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Dictionary<string, (int Line, int Column)> _marks = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (int Line, int Column)> _keys = new(StringComparer.Ordinal);

    private YamlTree(string file) => File = file;

    public string File { get; }

    /// <summary>The document's root, or null for an empty file.</summary>
    public JsonNode? Root { get; private set; }

    public static YamlTree Load(string path, string displayName)
    {
        var tree = new YamlTree(displayName);
        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
            throw tree.Fail(1, 1, $"the file is {length:N0} bytes; dataset files are limited to {MaxFileBytes:N0}");
        var bytes = System.IO.File.ReadAllBytes(path);
        var text = tree.Decode(bytes);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw tree.Fail((int)e.Start.Line, (int)e.Start.Column, $"malformed YAML: {FirstSentence(e.InnerException?.Message ?? e.Message)}");
        }
        if (stream.Documents.Count > 1)
        {
            var second = stream.Documents[1].RootNode.Start;
            throw tree.Fail((int)second.Line, (int)second.Column, "the file holds more than one YAML document");
        }
        if (stream.Documents.Count == 1)
            tree.Root = tree.Convert(stream.Documents[0].RootNode, "$", new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));
        return tree;
    }

    /// <summary>The position of the node at <paramref name="path"/>, or of its nearest ancestor that has one.</summary>
    public (int Line, int Column) Locate(string path)
    {
        for (var p = path; p.Length > 0; p = Parent(p))
        {
            if (_marks.TryGetValue(p, out var mark)) return mark;
        }
        return (1, 1);
    }

    /// <param name="atKey">Point at the key rather than its value (for an unknown key).</param>
    public Problem ProblemAt(string path, string message, Severity severity = Severity.Error, bool atKey = false)
    {
        var (line, column) = atKey && _keys.TryGetValue(path, out var key) ? key : Locate(path);
        return new Problem(File, line, column, message, severity);
    }

    private InvalidInputException Fail(int line, int column, string message) =>
        new([new Problem(File, line, column, message)]);

    private string Decode(byte[] bytes)
    {
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        try
        {
            return StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            // Find where the first invalid byte sits, counting lines and characters of the valid prefix.
            var bad = start + Math.Max(0, e.Index);
            for (var i = start; i < bytes.Length; i++)
            {
                try { StrictUtf8.GetString(bytes, start, i - start + 1); }
                catch (DecoderFallbackException) { bad = i; break; }
            }
            var prefix = Encoding.UTF8.GetString(bytes, start, Math.Max(0, LastCompleteChar(bytes, start, bad) - start));
            var line = prefix.Count(c => c == '\n') + 1;
            var column = prefix.Length - (prefix.LastIndexOf('\n') + 1) + 1;
            throw Fail(line, column, $"the file is not UTF-8 (byte 0x{bytes[bad]:X2} at offset {bad})");
        }
    }

    private static int LastCompleteChar(byte[] bytes, int start, int bad)
    {
        var end = bad;
        while (end > start && (bytes[end - 1] & 0xC0) == 0x80) end--;
        return end > start && bytes[end - 1] >= 0xC0 ? end - 1 : end;
    }

    private JsonNode? Convert(YamlNode node, string path, HashSet<YamlNode> seen)
    {
        _marks[path] = ((int)node.Start.Line, (int)node.Start.Column);
        if (!seen.Add(node))
            throw Fail((int)node.Start.Line, (int)node.Start.Column, "YAML aliases (*name) are not accepted in a dataset: write the value out");
        switch (node)
        {
            case YamlMappingNode mapping:
            {
                var result = new JsonObject();
                foreach (var (keyNode, valueNode) in mapping.Children)
                {
                    if (keyNode is not YamlScalarNode { Value: { Length: > 0 } key })
                        throw Fail((int)keyNode.Start.Line, (int)keyNode.Start.Column, "a key must be a plain name");
                    var childPath = $"{path}.{key}";
                    _keys[childPath] = ((int)keyNode.Start.Line, (int)keyNode.Start.Column);
                    result[key] = Convert(valueNode, childPath, seen);
                }
                return result;
            }
            case YamlSequenceNode sequence:
            {
                var result = new JsonArray();
                var i = 0;
                foreach (var item in sequence.Children)
                {
                    result.Add(Convert(item, $"{path}[{i}]", seen));
                    i++;
                }
                return result;
            }
            case YamlScalarNode scalar:
                return Scalar(scalar);
            default:
                throw Fail((int)node.Start.Line, (int)node.Start.Column, "unsupported YAML node");
        }
    }

    /// <summary>
    /// Plain scalars take JSON's types (numbers, true/false, null); quoted ones are always text.
    /// Dates stay text: the model reads them with their precision.
    /// </summary>
    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain) return JsonValue.Create(value);
        return value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when JsonNumber().IsMatch(value) => JsonNode.Parse(value),
            _ => JsonValue.Create(value),
        };
    }

    internal static bool ReadsAsNonText(string value) =>
        value is "" or "~" or "null" or "Null" or "NULL" or "true" or "True" or "TRUE" or "false" or "False" or "FALSE"
        || JsonNumber().IsMatch(value);

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? "" : path[..cut];
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.');
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex JsonNumber();
}
