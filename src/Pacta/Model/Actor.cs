using System.Text.Json.Serialization;

namespace Pacta.Model;

/// <summary>A state, organisation, court, armed force, de facto authority, joint body, NGO or person.</summary>
public sealed record Actor(
    RecordId Id,
    ActorKind Kind,
    string Name,
    string? ShortName,
    IReadOnlyList<ActorRole> Roles,
    IReadOnlyList<RecordId> Sources,
    string? Note = null,
    IReadOnlyList<string>? AlsoKnownAs = null,
    RecordId? PartOf = null) : IRecord
{
    public RecordId Id { get; } = Guard.NotNull(Id, nameof(Id));
    public ActorKind Kind { get; } = Guard.Defined(Kind, nameof(Kind));
    public string Name { get; } = Guard.Text(Name, nameof(Name), 300);
    public string? ShortName { get; } = Guard.OptionalText(ShortName, nameof(ShortName), 100);
    public IReadOnlyList<ActorRole> Roles { get; } = Guard.List(Roles, nameof(Roles));
    public IReadOnlyList<RecordId> Sources { get; } = Guard.Distinct(Guard.NonEmpty(Sources, nameof(Sources)), nameof(Sources));
    public string? Note { get; } = Guard.OptionalText(Note, nameof(Note));

    /// <summary>Other names the actor goes by, such as the names event datasets give it (ACLED's <c>Military Forces of Azerbaijan (2003-)</c>); importers match on them.</summary>
    public IReadOnlyList<string>? AlsoKnownAs { get; } = AlsoKnownAs is null ? null : Guard.Distinct(Guard.List(AlsoKnownAs, nameof(AlsoKnownAs)).Select(n => Guard.Text(n, nameof(AlsoKnownAs), 300)).ToArray(), nameof(AlsoKnownAs));

    /// <summary>The actor this one belongs to: a state for its armed forces or ministry. Matching events across datasets compares actors through it.</summary>
    public RecordId? PartOf { get; } = PartOf is not null && PartOf == Id ? throw new ArgumentException("an actor cannot be part of itself", nameof(PartOf)) : PartOf;

    /// <inheritdoc/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Restricted { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<string>? RestrictedFields { get; init => field = Restriction.CheckFields(typeof(Actor), value); }

    RecordKind IRecord.Kind => RecordKind.Actor;

    /// <summary>The name to show where space is short.</summary>
    [JsonIgnore]
    public string DisplayName => ShortName ?? Name;

    public IEnumerable<Reference> References() =>
        Reference.SourcesOf(this)
            .Concat(Roles.SelectMany((r, i) => Reference.One($"roles[{i}].of", r.Of, RecordKind.Actor)))
            .Concat(Reference.One("partOf", PartOf, RecordKind.Actor));
}

/// <summary>An office or role an actor held, and when (an open <see cref="To"/> means it still does).</summary>
public sealed record ActorRole(string Title, RecordId? Of, PartialDate? From, PartialDate? To)
{
    public string Title { get; } = Guard.Text(Title, nameof(Title), 300);
    public RecordId? Of { get; } = Of;
    public PartialDate? From { get; } = From;
    public PartialDate? To { get; } = To is not null && From is not null && !From.MayPrecedeOrEqual(To)
        ? throw new ArgumentException($"to ({To}) is before from ({From})", nameof(To))
        : To;
}
