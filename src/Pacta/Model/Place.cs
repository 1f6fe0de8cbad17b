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
    string? Note = null,
    IReadOnlyList<PlaceChange>? History = null,
    RecordId? VersionOf = null,
    IReadOnlyList<RecordId>? ProposedBy = null) : IRecord
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

    /// <summary>
    /// Dated changes of status, holder or regime, oldest first (null when none: records without a history keep the JSON
    /// form they had before histories existed); the record's own fields say where things stand now.
    /// </summary>
    public IReadOnlyList<PlaceChange>? History { get; } = History is null || History.Count == 0 ? null : CheckHistory(History, Kind, Status, HeldBy);

    /// <summary>Another place this one is a version of: a competing proposal for the same line, a bypass of a road.</summary>
    public RecordId? VersionOf { get; } = VersionOf == Id ? throw new ArgumentException("a place cannot be a version of itself", nameof(VersionOf)) : VersionOf;

    /// <summary>Who proposed this version (null for a line that exists on the ground).</summary>
    public IReadOnlyList<RecordId>? ProposedBy { get; } = ProposedBy is null || ProposedBy.Count == 0 ? null : Guard.Distinct(ProposedBy, nameof(ProposedBy));

    /// <inheritdoc/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Restricted { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<string>? RestrictedFields { get; init => field = Restriction.CheckFields(typeof(Place), value); }

    RecordKind IRecord.Kind => RecordKind.Place;

    /// <summary>What the history says held at a date: the latest change on or before it (null before the first).</summary>
    public PlaceChange? AsOf(DateOnly date) => History?.LastOrDefault(c => c.Date.First <= date);

    private static IReadOnlyList<PlaceChange> CheckHistory(IReadOnlyList<PlaceChange> history, PlaceKind kind, BorderStatus? status, RecordId? heldBy)
    {
        for (var i = 0; i < history.Count; i++)
        {
            var change = history[i] ?? throw new ArgumentException($"history[{i}] is empty", nameof(History));
            if (i > 0 && change.Date.CompareTo(history[i - 1].Date) < 0)
                throw new ArgumentException($"history[{i}] ({change.Date}) comes before history[{i - 1}] ({history[i - 1].Date}): list changes oldest first", nameof(History));
            if (change.Status is not null && kind != PlaceKind.BorderSegment)
                throw new ArgumentException($"history[{i}]: status applies to border segments only", nameof(History));
            if ((change.Checkpoint is not null || change.Customs is not null || change.GuardedBy.Count > 0) && kind is not (PlaceKind.Route or PlaceKind.Checkpoint or PlaceKind.Zone))
                throw new ArgumentException($"history[{i}]: a regime (checkpoint, customs, guardedBy) applies to routes, checkpoints and zones only", nameof(History));
        }
        var lastStatus = history.LastOrDefault(c => c.Status is not null)?.Status;
        if (lastStatus is not null && status != lastStatus)
            throw new ArgumentException($"status is {Term(status)} but the latest change in history sets {Term(lastStatus)}: they must agree", nameof(Status));
        var lastHolder = history.LastOrDefault(c => c.HeldBy is not null)?.HeldBy;
        if (lastHolder is not null && heldBy != lastHolder)
            throw new ArgumentException($"heldBy is '{heldBy}' but the latest change in history gives '{lastHolder}': they must agree", nameof(HeldBy));
        return history;
    }

    private static string Term(BorderStatus? s) => s is null ? "not set" : System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(s.Value.ToString());

    public IEnumerable<Reference> References() =>
        Reference.SourcesOf(this)
            .Concat(Names.SelectMany((n, i) => Reference.Each($"names[{i}].usedBy", n.UsedBy, RecordKind.Actor)))
            .Concat(Reference.One("heldBy", HeldBy, RecordKind.Actor))
            .Concat(Reference.Each("claimedBy", ClaimedBy, RecordKind.Actor))
            .Concat(Reference.One("within", Within, RecordKind.Place))
            .Concat(Reference.One("versionOf", VersionOf, RecordKind.Place))
            .Concat(Reference.Each("proposedBy", ProposedBy ?? [], RecordKind.Actor))
            .Concat((History ?? []).SelectMany((c, i) => Reference.Each($"history[{i}].sources", c.Sources, RecordKind.Source)
                .Concat(Reference.One($"history[{i}].heldBy", c.HeldBy, RecordKind.Actor))
                .Concat(Reference.Each($"history[{i}].guardedBy", c.GuardedBy, RecordKind.Actor))
                .Concat(Reference.One($"history[{i}].document", c.Document, RecordKind.Document))));

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

/// <summary>
/// One dated change of a place: a border segment's status, who holds an enclave or district, a route's regime
/// (a checkpoint, customs, who guards it), with the document that made the change where there is one.
/// </summary>
public sealed record PlaceChange(
    PartialDate Date,
    IReadOnlyList<RecordId> Sources,
    BorderStatus? Status = null,
    RecordId? HeldBy = null,
    bool? Checkpoint = null,
    bool? Customs = null,
    IReadOnlyList<RecordId>? GuardedBy = null,
    RecordId? Document = null,
    string? Note = null)
{
    public PartialDate Date { get; } = Guard.NotNull(Date, nameof(Date));
    public IReadOnlyList<RecordId> Sources { get; } = Guard.Distinct(Guard.NonEmpty(Sources, nameof(Sources)), nameof(Sources));
    public IReadOnlyList<RecordId> GuardedBy { get; } = Guard.Distinct(GuardedBy ?? [], nameof(GuardedBy));
    public string? Note { get; } = Guard.OptionalText(Note, nameof(Note));
}
