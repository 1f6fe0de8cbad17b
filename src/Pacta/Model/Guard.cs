namespace Pacta.Model;

/// <summary>Checks shared by the model's constructors. Each throws <see cref="ArgumentException"/> naming the field.</summary>
internal static class Guard
{
    /// <summary>Field names in messages are written as the dataset and the API write them: camelCase.</summary>
    public static string Name(string field) => field.Length == 0 ? field : char.ToLowerInvariant(field[0]) + field[1..];

    public static string Text(string? value, string field, int maxLength = 10_000)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ArgumentException($"{Name(field)} is required and must not be blank", field);
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
            throw new ArgumentException($"{Name(field)} is longer than {maxLength} characters", field);
        if (HasControl(trimmed))
            throw new ArgumentException($"{Name(field)} contains a control character", field);
        return trimmed;
    }

    /// <summary>Whether the text has a control character (<see cref="char.IsControl(char)"/>) other than a line break or a tab.</summary>
    private static bool HasControl(string text)
    {
        // Searched for by range, many characters at a time: every title and name of an import passes through here.
        var rest = text.AsSpan();
        if (rest.IndexOfAnyInRange('\u007f', '\u009f') >= 0) return true;
        for (var at = rest.IndexOfAnyInRange('\0', '\u001f'); at >= 0; at = rest.IndexOfAnyInRange('\0', '\u001f'))
        {
            if (rest[at] is not '\n' and not '\t' and not '\r') return true;
            rest = rest[(at + 1)..];
        }
        return false;
    }

    public static string? OptionalText(string? value, string field, int maxLength = 10_000) =>
        string.IsNullOrWhiteSpace(value) ? null : Text(value, field, maxLength);

    public static IReadOnlyList<T> List<T>(IEnumerable<T>? values, string field)
    {
        if (values is null) return [];
        var list = values.ToArray();
        if (list.Any(v => v is null))
            throw new ArgumentException($"{Name(field)} contains an empty entry", field);
        return list;
    }

    public static IReadOnlyList<T> NonEmpty<T>(IEnumerable<T>? values, string field)
    {
        var list = List(values, field);
        if (list.Count == 0)
            throw new ArgumentException($"{Name(field)} must name at least one entry", field);
        return list;
    }

    public static IReadOnlyList<T> Distinct<T>(IReadOnlyList<T> values, string field)
    {
        var seen = new HashSet<T>();
        foreach (var value in values)
        {
            if (!seen.Add(value))
                throw new ArgumentException($"{Name(field)} names '{value}' twice", field);
        }
        return values;
    }

    public static T Defined<T>(T value, string field) where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw new ArgumentException($"{Name(field)} has an unknown value '{value}'", field);

    public static T NotNull<T>(T? value, string field) where T : class =>
        value ?? throw new ArgumentException($"{Name(field)} is required", field);

    public static Uri? AbsoluteUrl(Uri? url, string field)
    {
        if (url is null) return null;
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            throw new ArgumentException($"{Name(field)} must be an absolute http or https address", field);
        return url;
    }
}
