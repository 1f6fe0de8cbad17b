using System.Text.RegularExpressions;

namespace Pacta.Model;

/// <summary>
/// A record's stable identifier: lower-case ASCII letters, digits and single hyphens, 2–100 characters,
/// safe in a URL path and a file name. All kinds of record share one namespace.
/// </summary>
public sealed partial record RecordId : IComparable<RecordId>
{
    public const int MaxLength = 100;

    public RecordId(string value)
    {
        Value = IsValid(value)
            ? value
            : throw new ArgumentException(
                $"'{value}' is not a valid id: use lower-case letters, digits and single hyphens (2–{MaxLength} characters)",
                nameof(value));
    }

    public string Value { get; }

    public static bool IsValid(string? value) =>
        value is { Length: >= 2 and <= MaxLength } && Pattern().IsMatch(value);

    public int CompareTo(RecordId? other) => string.CompareOrdinal(Value, other?.Value);

    public override string ToString() => Value;

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
