using System.Text.RegularExpressions;

namespace Pacta.Model;

/// <summary>BCP 47 language tags as used here: a 2–3 letter language with optional subtags (<c>hy</c>, <c>az-Cyrl</c>, <c>hy-Latn</c>).</summary>
public static partial class LanguageTag
{
    public static bool IsValid(string? tag) => tag is not null && Pattern().IsMatch(tag);

    public static string Check(string tag, string field) =>
        IsValid(tag) ? tag : throw new ArgumentException($"'{tag}' is not a language tag such as en, hy, az or hy-Latn", field);

    [GeneratedRegex("^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
