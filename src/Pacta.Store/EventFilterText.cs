using System.Globalization;
using Pacta.Model;

namespace Pacta.Store;

/// <summary>
/// Reads an <see cref="EventFilter"/> from text, as the HTTP API's query and the command line give it, with one
/// precise message per bad value. Each reader returns null and reports through <c>problem(name, message)</c>
/// when the text cannot be used; the caller names the value (<c>from</c> in a query, <c>--from</c> on a command line).
/// </summary>
public static class EventFilterText
{
    /// <summary>The filter from its values as text; a null text means "not given".</summary>
    public static EventFilter Read(EventFilterNames names, string? from, string? to, string? bbox, string? type, string? actor, bool? meetings,
        Action<string, string> problem)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(problem);
        var first = Date(names.From, from, problem);
        var last = Date(names.To, to, problem);
        if (first is { } f && last is { } l && f > l)
            problem(names.To, $"'{to}' is before {names.From} ('{from}'): no event could match");
        return new EventFilter(first, last, Box(names.Box, bbox, problem), Type(names.Type, type, problem), Id(names.Actor, actor, problem), meetings);
    }

    /// <summary>A day written YYYY-MM-DD.</summary>
    public static DateOnly? Date(string name, string? text, Action<string, string> problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (text is null) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        problem(name, $"'{text}' is not a date: use YYYY-MM-DD");
        return null;
    }

    /// <summary>A record id: lower-case letters, digits and single hyphens.</summary>
    public static RecordId? Id(string name, string? text, Action<string, string> problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (text is null) return null;
        if (RecordId.IsValid(text)) return new RecordId(text);
        problem(name, $"'{text}' is not an id: ids use lower-case letters, digits and single hyphens (2–{RecordId.MaxLength} characters)");
        return null;
    }

    /// <summary><c>west,south,east,north</c> in degrees (WGS 84).</summary>
    public static BoundingBox? Box(string name, string? text, Action<string, string> problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (text is null) return null;
        var numbers = text.Split(',').Select(Number).ToList();
        if (numbers.Count != 4 || numbers.Any(n => n is null))
        {
            problem(name, $"'{text}' is not a box: give four numbers, west,south,east,north");
            return null;
        }
        var (west, south, east, north) = (numbers[0]!.Value, numbers[1]!.Value, numbers[2]!.Value, numbers[3]!.Value);
        if (west is < -180 or > 180 || east is < -180 or > 180 || south is < -90 or > 90 || north is < -90 or > 90 || west > east || south > north)
        {
            problem(name, $"'{text}' is not a box: longitudes lie within -180..180, latitudes within -90..90, west ≤ east and south ≤ north");
            return null;
        }
        return new BoundingBox(west, south, east, north);
    }

    /// <summary>An event type (<c>acled:Battles</c>, <c>plover:CONSULT</c> …) in the form the store keeps it.</summary>
    public static string? Type(string name, string? text, Action<string, string> problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (text is null) return null;
        if (EventType.TryParse(text, out var type, out var error)) return type.ToString();
        problem(name, error);
        return null;
    }

    /// <summary>A number as the invariant culture writes it; none for text that is not a finite number.</summary>
    public static double? Number(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;
}

/// <summary>What the caller calls each filter value, for messages: query parameters or command-line options.</summary>
public sealed record EventFilterNames(string From, string To, string Box, string Type, string Actor)
{
    /// <summary>The HTTP API's query parameters.</summary>
    public static EventFilterNames Query { get; } = new("from", "to", "bbox", "type", "actor");

    /// <summary>The command line's options.</summary>
    public static EventFilterNames Options { get; } = new("--from", "--to", "--bbox", "--type", "--actor");
}
