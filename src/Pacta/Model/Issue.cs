using System.Text.Json.Serialization;

namespace Pacta.Model;

/// <summary>A negotiation issue: its options, each party's positions over time, and the issues tied to it.</summary>
public sealed record Issue(
    RecordId Id,
    string Title,
    string? Summary,
    IReadOnlyList<IssueOption> Options,
    IReadOnlyList<Position> Positions,
    IReadOnlyList<RecordId> LinkedIssues,
    IReadOnlyList<RecordId> Sources,
    string? Note = null) : IRecord
{
    public RecordId Id { get; } = Guard.NotNull(Id, nameof(Id));
    public string Title { get; } = Guard.Text(Title, nameof(Title), 500);
    public string? Summary { get; } = Guard.OptionalText(Summary, nameof(Summary));
    public IReadOnlyList<IssueOption> Options { get; } = CheckOptions(Guard.List(Options, nameof(Options)));
    public IReadOnlyList<Position> Positions { get; } = CheckPositions(Guard.List(Positions, nameof(Positions)), Guard.List(Options, nameof(Options)));
    public IReadOnlyList<RecordId> LinkedIssues { get; } = Guard.List(LinkedIssues, nameof(LinkedIssues)).Contains(Id)
        ? throw new ArgumentException("an issue cannot be linked to itself", nameof(LinkedIssues))
        : Guard.Distinct(Guard.List(LinkedIssues, nameof(LinkedIssues)), nameof(LinkedIssues));
    public IReadOnlyList<RecordId> Sources { get; } = Guard.Distinct(Guard.NonEmpty(Sources, nameof(Sources)), nameof(Sources));
    public string? Note { get; } = Guard.OptionalText(Note, nameof(Note));

    /// <inheritdoc/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Restricted { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<string>? RestrictedFields { get; init => field = Restriction.CheckFields(typeof(Issue), value); }

    RecordKind IRecord.Kind => RecordKind.Issue;

    /// <summary>Each actor's positions, oldest first: the history of where each party stood.</summary>
    public ILookup<RecordId, Position> PositionsByActor() => Positions.OrderBy(p => p.Date).ToLookup(p => p.Actor);

    public IEnumerable<Reference> References() =>
        Reference.SourcesOf(this)
            .Concat(Reference.Each("linkedIssues", LinkedIssues, RecordKind.Issue))
            .Concat(Positions.SelectMany((p, i) =>
                Reference.One($"positions[{i}].actor", p.Actor, RecordKind.Actor)
                    .Concat(Reference.Each($"positions[{i}].sources", p.Sources, RecordKind.Source))));

    private static IReadOnlyList<IssueOption> CheckOptions(IReadOnlyList<IssueOption> options)
    {
        Guard.Distinct(options.Select(o => o.Id).ToArray(), "options' id");
        return options;
    }

    private static IReadOnlyList<Position> CheckPositions(IReadOnlyList<Position> positions, IReadOnlyList<IssueOption> options)
    {
        var known = options.Select(o => o.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = positions.FirstOrDefault(p => p.Option is not null && !known.Contains(p.Option));
        return unknown is null
            ? positions
            : throw new ArgumentException($"a position favours option '{unknown.Option}', which the issue does not list", nameof(Positions));
    }
}

public sealed record IssueOption(string Id, string Label, string? Summary)
{
    public string Id { get; } = RecordId.IsValid(Id) ? Id : throw new ArgumentException($"'{Id}' is not a valid option id", nameof(Id));
    public string Label { get; } = Guard.Text(Label, nameof(Label), 500);
    public string? Summary { get; } = Guard.OptionalText(Summary, nameof(Summary));
}

/// <summary>Where one party stood on an issue at a date, in our words, with its sources.</summary>
public sealed record Position(RecordId Actor, PartialDate Date, string Summary, string? Option, IReadOnlyList<RecordId> Sources)
{
    public RecordId Actor { get; } = Guard.NotNull(Actor, nameof(Actor));
    public PartialDate Date { get; } = Guard.NotNull(Date, nameof(Date));
    public string Summary { get; } = Guard.Text(Summary, nameof(Summary));
    public string? Option { get; } = Option;
    public IReadOnlyList<RecordId> Sources { get; } = Guard.Distinct(Guard.NonEmpty(Sources, nameof(Sources)), nameof(Sources));
}
