using System.Globalization;
using System.Text.Json;
using Pacta.Model;

namespace Pacta.Imports;

/// <summary>
/// PLOVER events, one JSON object per line (FORMATS.md). Mapping, written out in docs/importing.md: <c>id</c> is
/// the key; <c>date</c> and <c>enddate</c> the days; <c>event</c> the PLOVER type; the <c>actor</c> list are
/// initiators and the <c>recipient</c> list targets; <c>event_loc</c> the place (an object with <c>lat</c> and
/// <c>lon</c>, exact, or a name only, which gives no point); <c>event_text</c> the summary; <c>cite_info</c> the
/// citation; <c>coded_date</c> the revision. No deaths are read: PLOVER codes interactions, not casualties.
/// </summary>
public sealed class PloverRows(string file)
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 16 };

    /// <summary>Maps one line (numbered from 1); a problem names the line and, where JSON says, the column.</summary>
    public (ImportedEvent? Event, ImportProblem? Problem) Map(string text, long line)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Options);
        }
        catch (JsonException e)
        {
            return (null, new(file, line, (int)(e.BytePositionInLine ?? 0) + 1, "not a JSON object: " + (e.Message.Split(" LineNumber", 2)[0])));
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, new(file, line, 1, $"a line holds one JSON object, not {root.ValueKind.ToString().ToLowerInvariant()}"));
            try
            {
                return (Map(root, line, text), null);
            }
            catch (FieldException e)
            {
                return (null, new(file, line, Column(text, e.Member), $"{e.Member}: {e.Message}"));
            }
        }
    }

    private static ImportedEvent Map(JsonElement root, long line, string text)
    {
        var key = String(root, "id") ?? throw new FieldException("id", "is missing, but every event needs one");
        var code = String(root, "event") ?? throw new FieldException("event", "is missing");
        if (!EventType.TryParse("plover:" + code.ToUpperInvariant(), out var type, out var error)) throw new FieldException("event", error);
        var start = Day(root, "date") ?? throw new FieldException("date", "is missing");
        var end = Day(root, "enddate");
        if (end < start) throw new FieldException("enddate", $"{end:yyyy-MM-dd} is before date {start:yyyy-MM-dd}");
        var actors = new List<NamedActor>();
        foreach (var name in Names(root, "actor")) if (!actors.Any(a => a.Name == name)) actors.Add(new(name, EventActorRole.Initiator));
        foreach (var name in Names(root, "recipient")) if (!actors.Any(a => a.Name == name)) actors.Add(new(name, EventActorRole.Target));
        GeoPoint? point = null;
        string? placeName = null;
        PlaceAsWritten? names = null;
        if (root.TryGetProperty("event_loc", out var location))
        {
            switch (location.ValueKind)
            {
                case JsonValueKind.Object:
                    placeName = String(location, "name");
                    var lat = Number(location, "lat", "event_loc.lat");
                    var lon = Number(location, "lon", "event_loc.lon");
                    if (lat is not null != lon is not null) throw new FieldException("event_loc", "gives lat without lon, or lon without lat");
                    if (lat is { } la && lon is { } lo)
                    {
                        if (Math.Abs(la) > 90) throw new FieldException("event_loc", $"lat {la.ToString(CultureInfo.InvariantCulture)} is outside -90..90");
                        if (Math.Abs(lo) > 180) throw new FieldException("event_loc", $"lon {lo.ToString(CultureInfo.InvariantCulture)} is outside -180..180");
                        point = new GeoPoint(lo, la);
                    }
                    names = PlaceNames(location, placeName);
                    break;
                case JsonValueKind.String:
                    placeName = location.GetString();
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    throw new FieldException("event_loc", "is neither an object nor a name");
            }
        }
        var mode = String(root, "mode");
        var who = string.Join(", ", actors.Where(a => a.Role == EventActorRole.Initiator).Select(a => a.Name));
        var whom = string.Join(", ", actors.Where(a => a.Role == EventActorRole.Target).Select(a => a.Name));
        var title = $"{type.Code}{(mode is null ? "" : $" ({mode})")}: {(who.Length == 0 ? "unnamed" : who)}{(whom.Length == 0 ? "" : " → " + whom)}{(placeName is null ? "" : ", " + placeName)}";
        if (title.Length > 500) title = title[..499] + "…";
        // The digest of a line that names its place is marked, so that a line imported before place names were kept is read again once (docs/importing.md).
        var digest = names is null ? Digests.Of(text.Trim()) : Digests.Of(text.Trim(), "event_loc names");
        var origin = Checked("id", () => new EventOrigin(EventDataset.Plover, key, digest, String(root, "coded_date"), String(root, "cite_info")));
        return new ImportedEvent(line, origin, Checked("event", () => Guard.Text(title, "title", 500)), type,
            PartialDate.Day(start), end is { } e && e != start ? PartialDate.Day(e) : null,
            point, LocationPrecision.Exact, actors, null,
            Checked("event_text", () => Guard.OptionalText(String(root, "event_text"), "summary")),
            names);
    }

    /// <summary>The names <c>event_loc</c> gives: <c>name</c>, and <c>country</c>, <c>admin1</c>, <c>admin2</c> as areas from the country down.</summary>
    private static PlaceAsWritten? PlaceNames(JsonElement location, string? name)
    {
        string?[] levels = [String(location, "country"), String(location, "admin1"), String(location, "admin2")];
        var depth = levels.Length;
        while (depth > 0 && levels[depth - 1] is null) depth--;
        if (name is null && depth == 0) return null;
        var areas = new string[depth];
        for (var i = 0; i < depth; i++) areas[i] = levels[i] ?? "";
        return Checked("event_loc", () => new PlaceAsWritten(name, areas));
    }

    private static T Checked<T>(string member, Func<T> make)
    {
        try
        {
            return make();
        }
        catch (ArgumentException e)
        {
            throw new FieldException(member, e.Message.Split(" (Parameter", 2)[0]);
        }
    }

    private static string? String(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } s ? s.Trim() : null,
            JsonValueKind.Number => value.GetRawText(),
            _ => throw new FieldException(name, $"is {value.ValueKind.ToString().ToLowerInvariant()}, not a string"),
        };
    }

    private static double? Number(JsonElement element, string name, string member)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var d) && double.IsFinite(d)) return d;
        if (value.ValueKind == JsonValueKind.String && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out d) && double.IsFinite(d)) return d;
        throw new FieldException(member, $"{value.GetRawText()} is not a number");
    }

    private static DateOnly? Day(JsonElement root, string name) =>
        String(root, name) is not { } text ? null
        : DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day
        : throw new FieldException(name, $"'{(text.Length > 40 ? text[..40] + "…" : text)}' is not a date (write 2020-11-10; the day must exist)");

    private static IEnumerable<string> Names(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null) yield break;
        var items = value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().ToList() : [value];
        foreach (var item in items)
        {
            if (item.ValueKind != JsonValueKind.String) throw new FieldException(name, "lists something that is not a name");
            if (item.GetString() is { Length: > 0 } text) yield return Checked(name, () => Guard.Text(text, "name", 300));
        }
    }

    /// <summary>The column where a member's name appears on the line, or 1.</summary>
    private static int Column(string text, string member)
    {
        var index = text.IndexOf($"\"{member.Split('.')[0]}\"", StringComparison.Ordinal);
        return index < 0 ? 1 : index + 1;
    }

    private sealed class FieldException(string member, string message) : Exception(message)
    {
        public string Member { get; } = member;
    }
}
