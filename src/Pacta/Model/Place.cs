using System.Text.Json.Serialization;
using NetTopologySuite.Geometries;

namespace Pacta.Model;

/// <summary>
/// A named place: settlement, district, border segment, enclave, route … with every name in use and,
/// where known, a geometry in WGS 84 longitude/latitude.
/// </summary>
public sealed record Place(
    RecordId Id,
    PlaceKind Kind,
    IReadOnlyList<PlaceName> Names,
    Geometry? Geometry,
    BorderStatus? Status,
    RecordId? HeldBy,
    IReadOnlyList<RecordId> ClaimedBy,
    RecordId? Within,
    IReadOnlyList<RecordId> Sources,
    string? Note = null) : IRecord
{
    public RecordId Id { get; } = Guard.NotNull(Id, nameof(Id));
    public PlaceKind Kind { get; } = Guard.Defined(Kind, nameof(Kind));
    public IReadOnlyList<PlaceName> Names { get; } = DistinctNames(Guard.NonEmpty(Names, nameof(Names)));
    public Geometry? Geometry { get; } = Geometry is null ? null : PlaceGeometry.Check(Geometry, nameof(Geometry));
    public BorderStatus? Status { get; } = Status is null || Kind == PlaceKind.BorderSegment
        ? Status
        : throw new ArgumentException("status applies to border segments only", nameof(Status));
    public RecordId? HeldBy { get; } = HeldBy;
    public IReadOnlyList<RecordId> ClaimedBy { get; } = Guard.Distinct(Guard.List(ClaimedBy, nameof(ClaimedBy)), nameof(ClaimedBy));
    public RecordId? Within { get; } = Within == Id ? throw new ArgumentException("a place cannot lie within itself", nameof(Within)) : Within;
    public IReadOnlyList<RecordId> Sources { get; } = Guard.Distinct(Guard.NonEmpty(Sources, nameof(Sources)), nameof(Sources));
    public string? Note { get; } = Guard.OptionalText(Note, nameof(Note));

    RecordKind IRecord.Kind => RecordKind.Place;

    public IEnumerable<Reference> References() =>
        Reference.SourcesOf(this)
            .Concat(Names.SelectMany((n, i) => Reference.Each($"names[{i}].usedBy", n.UsedBy, RecordKind.Actor)))
            .Concat(Reference.One("heldBy", HeldBy, RecordKind.Actor))
            .Concat(Reference.Each("claimedBy", ClaimedBy, RecordKind.Actor))
            .Concat(Reference.One("within", Within, RecordKind.Place));

    /// <summary>All names joined with " / " in the order the record keeps them (the default "all names" policy).</summary>
    [JsonIgnore]
    public string AllNames => string.Join(" / ", Names.Select(n => n.Text).Distinct(StringComparer.Ordinal));

    private static IReadOnlyList<PlaceName> DistinctNames(IReadOnlyList<PlaceName> names)
    {
        var seen = new HashSet<(string, string)>();
        foreach (var name in names)
        {
            if (!seen.Add((name.Text, name.Lang)))
                throw new ArgumentException($"the name '{name.Text}' ({name.Lang}) is listed twice", nameof(Names));
        }
        return names;
    }
}

/// <summary>One name of a place, in one language, and who uses it (no one in particular when empty).</summary>
public sealed record PlaceName(string Text, string Lang, IReadOnlyList<RecordId> UsedBy)
{
    public string Text { get; } = Guard.Text(Text, nameof(Text), 200);
    public string Lang { get; } = LanguageTag.Check(Lang, nameof(Lang));
    public IReadOnlyList<RecordId> UsedBy { get; } = Guard.Distinct(Guard.List(UsedBy, nameof(UsedBy)), nameof(UsedBy));
}
