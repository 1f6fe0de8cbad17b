using System.Security.Cryptography;
using System.Text;
using Pacta.Model;

namespace Pacta.Imports;

/// <summary>
/// What one dataset row says of an event, before its actors' names are matched to actors: the importers
/// (<see cref="AcledRows"/>, <see cref="UcdpRows"/>, <see cref="PloverRows"/>) make these, and the import
/// turns each into an <see cref="Event"/> with <see cref="ToEvent"/>.
/// </summary>
public sealed record ImportedEvent(
    long Line,
    EventOrigin Origin,
    string Title,
    EventType Type,
    PartialDate Start,
    PartialDate? End,
    GeoPoint? Point,
    LocationPrecision Precision,
    IReadOnlyList<NamedActor> Actors,
    Fatalities? Fatalities,
    string? Summary,
    PlaceAsWritten? PlaceNames = null)
{
    /// <summary>The id an event made from this row gets: the dataset and the row's own id, as an id may be written.</summary>
    public RecordId EventId => IdFor(Origin.Dataset, Origin.Key);

    public static RecordId IdFor(EventDataset dataset, string key)
    {
        var slug = Slug.Of(key, 80);
        var prefix = dataset.ToString().ToLowerInvariant();
        // A key that is not a slug but for its case (spaces, punctuation, other scripts) gets a short hash, so that keys differing only there stay apart.
        var exact = slug.Length > 0 && slug == key.ToLowerInvariant();
        return new RecordId(exact ? $"{prefix}-{slug}" : $"{prefix}-{(slug.Length == 0 ? "" : slug + "-")}{Digests.Of(key)[..8]}");
    }

    public Event ToEvent(IReadOnlyList<EventActor> actors, RecordId source) =>
        new(EventId, Title, Type, Start, End, Place, actors, Fatalities, null, Summary, [source], null, [Origin]);

    /// <summary>What this row says, to keep beside an event made from another row.</summary>
    public EventReport ToReport(IReadOnlyList<EventActor> actors) => new(Title, Type, Start, End, Place, actors, Fatalities, Summary);

    // Names without a point give no place (a place needs a point or a ref): they stay in the title.
    private EventPlace? Place => Point is null ? null : new EventPlace(null, Point, Precision, PlaceNames);
}

/// <summary>An actor as a dataset row names it, and the part it plays in the event.</summary>
public sealed record NamedActor(string Name, EventActorRole Role);

/// <summary>Short hexadecimal digests of row contents: how an import tells an edited row from an unchanged one.</summary>
public static class Digests
{
    /// <summary>The first 8 bytes of the SHA-256 of the parts, each followed by a unit separator, as 16 hex digits.</summary>
    public static string Of(params ReadOnlySpan<string> parts)
    {
        var length = 0;
        foreach (var part in parts) length += Encoding.UTF8.GetMaxByteCount(part.Length) + 1;
        var bytes = length <= 4096 ? stackalloc byte[length] : new byte[length];
        var written = 0;
        foreach (var part in parts)
        {
            written += Encoding.UTF8.GetBytes(part, bytes[written..]);
            bytes[written++] = 0x1f;
        }
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(bytes[..written], hash);
        return Convert.ToHexStringLower(hash[..8]);
    }
}

/// <summary>Lower-case ASCII slugs for ids made from outside text.</summary>
public static class Slug
{
    public static string Of(string text, int maxLength)
    {
        var builder = new StringBuilder(Math.Min(text.Length, maxLength));
        var hyphen = false;
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (builder.Length >= maxLength) break;
            if (char.IsAsciiLetterOrDigit(c))
            {
                if (hyphen && builder.Length > 0) builder.Append('-');
                builder.Append(char.ToLowerInvariant(c));
                hyphen = false;
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                hyphen = true;
            }
        }
        return builder.ToString();
    }
}
