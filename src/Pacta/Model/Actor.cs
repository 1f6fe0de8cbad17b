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
    string? Note = null) : IRecord
{
    public RecordId Id { get; } = Guard.NotNull(Id, nameof(Id));
    public ActorKind Kind { get; } = Guard.Defined(Kind, nameof(Kind));
    public string Name { get; } = Guard.Text(Name, nameof(Name), 300);
    public string? ShortName { get; } = Guard.OptionalText(ShortName, nameof(ShortName), 100);
    public IReadOnlyList<ActorRole> Roles { get; } = Guard.List(Roles, nameof(Roles));
    public IReadOnlyList<RecordId> Sources { get; } = Guard.Distinct(Guard.NonEmpty(Sources, nameof(Sources)), nameof(Sources));
    public string? Note { get; } = Guard.OptionalText(Note, nameof(Note));

    RecordKind IRecord.Kind => RecordKind.Actor;

    /// <summary>The name to show where space is short.</summary>
    [JsonIgnore]
    public string DisplayName => ShortName ?? Name;

    public IEnumerable<Reference> References() =>
        Reference.SourcesOf(this)
            .Concat(Roles.SelectMany((r, i) => Reference.One($"roles[{i}].of", r.Of, RecordKind.Actor)));
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
