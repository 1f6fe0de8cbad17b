using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Pacta.Model;
using Pacta.Store;

namespace Pacta.Server.Api;

/// <summary>
/// Reads query and route values, collecting what is wrong with each under its name, so a request with bad
/// parameters gets one 400 problem that lists them all.
/// </summary>
internal sealed class Parameters
{
    private readonly Dictionary<string, string[]> errors = new(StringComparer.Ordinal);

    public bool Valid => errors.Count == 0;

    public ValidationProblem Problem() =>
        TypedResults.ValidationProblem(errors, title: "One or more parameters are not valid.");

    public void Add(string name, string message) => errors[name] = [message];

    public RecordId? Id(string name, string? text) => EventFilterText.Id(name, text, Add);

    public DateOnly? Date(string name, string? text) => EventFilterText.Date(name, text, Add);

    public bool? Boolean(string name, string? text)
    {
        if (text is null) return null;
        if (text is "true" or "false") return text == "true";
        Add(name, $"'{text}' is not true or false");
        return null;
    }

    public int Limit(string name, string? text, int fallback, int max)
    {
        if (text is null) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit >= 1 && limit <= max) return limit;
        Add(name, $"'{text}' is not a page size: use a whole number from 1 to {max}");
        return fallback;
    }

    /// <summary>A whole number within <paramref name="min"/>..<paramref name="max"/> (a map zoom, say).</summary>
    public int Whole(string name, string? text, int fallback, int min, int max)
    {
        if (text is null) return fallback;
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        Add(name, $"'{text}' is not a whole number from {min} to {max}");
        return fallback;
    }

    /// <summary>A distance in metres above 0 and at most <paramref name="max"/> (a buffer, say); none when not given.</summary>
    public double? Metres(string name, string? text, double max)
    {
        if (text is null) return null;
        if (Number(text) is { } metres && metres > 0 && metres <= max) return metres;
        Add(name, $"'{text}' is not a distance in metres between 0 and {max:0} (exclusive of 0)");
        return null;
    }

    /// <summary>A term of a closed vocabulary, spelt as the JSON form spells it (kebab-case).</summary>
    public T? Term<T>(string name, string? text) where T : struct, Enum
    {
        if (text is null) return null;
        foreach (var value in Enum.GetValues<T>())
        {
            if (Spelling(value) == text) return value;
        }
        Add(name, $"'{text}' is not one of: {string.Join(", ", Enum.GetValues<T>().Select(Spelling))}");
        return null;
    }

    public string? OneOf(string name, string? text, IReadOnlyList<string> allowed)
    {
        if (text is null || allowed.Contains(text)) return text;
        Add(name, $"'{text}' is not one of: {string.Join(", ", allowed)}");
        return null;
    }

    public string? Text(string name, string? text, int maxLength = 200)
    {
        if (text is null) return null;
        if (!string.IsNullOrWhiteSpace(text) && text.Length <= maxLength) return text;
        Add(name, $"give 1 to {maxLength} characters");
        return null;
    }

    /// <summary><c>west,south,east,north</c> in degrees (WGS 84).</summary>
    public BoundingBox? Box(string name, string? text) => EventFilterText.Box(name, text, Add);

    /// <summary>The events filter of the events, aggregate and meetings routes, read by the same code as the command line's.</summary>
    public EventFilter EventFilter(string? from, string? to, string? bbox, string? type, string? actor, bool? meetings = null) =>
        EventFilterText.Read(EventFilterNames.Query, from, to, bbox, type, actor, meetings, Add);

    private static double? Number(string text) => EventFilterText.Number(text);

    private static string Spelling<T>(T value) where T : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());
}
