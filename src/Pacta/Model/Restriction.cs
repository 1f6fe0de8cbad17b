using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace Pacta.Model;

/// <summary>
/// How a record is marked restricted (docs/data-format.md): the whole record (<c>restricted: true</c>), or some of its
/// top-level properties (<c>restrictedFields</c>). Only a property a record may leave out can be restricted: a reader
/// kept from it gets the record without it, and that record must still be valid.
/// </summary>
public static class Restriction
{
    /// <summary>The id that stands in for a record a reader may not see, wherever another record cites it.</summary>
    public static RecordId Placeholder { get; } = new("restricted");

    /// <summary>Why no record (nor obligation) may take <see cref="Placeholder"/> as its id.</summary>
    public const string ReservedIdMessage = "the id 'restricted' is reserved: it stands for a record the reader may not see";

    private static readonly ConcurrentDictionary<Type, IReadOnlyList<string>> Optional = new();

    /// <summary>Whether the record carries any marking.</summary>
    public static bool IsMarked(this IRecord record) =>
        record.Restricted || record.RestrictedFields is { Count: > 0 };

    /// <summary>Whether two versions of a record carry the same marking (the same fields in any order).</summary>
    public static bool SameMarking(IRecord? a, IRecord? b) =>
        (a?.Restricted ?? false) == (b?.Restricted ?? false)
        && (a?.RestrictedFields ?? []).Order(StringComparer.Ordinal).SequenceEqual((b?.RestrictedFields ?? []).Order(StringComparer.Ordinal));

    /// <summary>
    /// The fields of an event that event queries select by (dates, place and point, being a meeting): an event with one of
    /// them restricted is left out of every event query of a reader without the permission, as a wholly restricted record is,
    /// so that a filter, a count or a map cell cannot tell what the restricted field holds.
    /// </summary>
    public static IReadOnlyList<string> QueriedEventFields { get; } = ["end", "place", "meeting"];

    /// <summary>Whether event queries leave the record out for a reader without the permission (see <see cref="QueriedEventFields"/>).</summary>
    public static bool IsUnlisted(this IRecord record) =>
        record.Restricted || record.Kind == RecordKind.Event && record.RestrictedFields is { } fields && fields.Intersect(QueriedEventFields).Any();

    /// <summary>The JSON names (camelCase) of the properties a record of this type may leave out, which are those that may be restricted.</summary>
    public static IReadOnlyList<string> OptionalFields(Type recordType) => Optional.GetOrAdd(recordType, static type =>
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var nullability = new NullabilityInfoContext();
        return constructor.GetParameters()
            .Where(p => p.HasDefaultValue || nullability.Create(p).WriteState == NullabilityState.Nullable)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!))
            .ToList();
    });

    /// <summary>Checks a list of restricted fields for a record of <paramref name="recordType"/>: known optional properties, each once.</summary>
    /// <exception cref="ArgumentException">An unknown or required property, a repeated one, or an empty list.</exception>
    public static IReadOnlyList<string>? CheckFields(Type recordType, IReadOnlyList<string>? fields)
    {
        if (fields is null) return null;
        if (fields.Count == 0) throw new ArgumentException("restrictedFields is empty: leave it out when no field is restricted", "RestrictedFields");
        var optional = OptionalFields(recordType);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (field is null || !optional.Contains(field))
            {
                throw new ArgumentException(
                    $"'{field}' cannot be restricted: only a property the record may leave out can be ({string.Join(", ", optional)})", "RestrictedFields");
            }
            if (!seen.Add(field)) throw new ArgumentException($"restrictedFields names '{field}' twice", "RestrictedFields");
        }
        return fields;
    }
}
