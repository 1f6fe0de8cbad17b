using System.Text.Json.Serialization;

namespace Pacta.Model;

/// <summary>
/// One actor's assertion about a subject (any record, or a <see cref="Topic"/>), from a source, with the
/// credibility of the information graded apart from the source's reliability. Claims about the same
/// subject form its contested set; the system never turns one of them into fact.
/// </summary>
public sealed record Claim(
    RecordId Id,
    RecordId Subject,
    RecordId Asserter,
    Stance Stance,
    PartialDate? Date,
    string Statement,
    Figure? Figure,
    Credibility Credibility,
    IReadOnlyList<RecordId> Sources,
    string? Note = null) : IRecord
{
    public RecordId Id { get; } = Guard.NotNull(Id, nameof(Id));
    public RecordId Subject { get; } = Subject == Id ? throw new ArgumentException("a claim cannot be about itself", nameof(Subject)) : Guard.NotNull(Subject, nameof(Subject));
    public RecordId Asserter { get; } = Guard.NotNull(Asserter, nameof(Asserter));
    public Stance Stance { get; } = Guard.Defined(Stance, nameof(Stance));
    public PartialDate? Date { get; } = Date;
    public string Statement { get; } = Guard.Text(Statement, nameof(Statement));
    public Figure? Figure { get; } = Figure;
    public Credibility Credibility { get; } = Guard.NotNull(Credibility, nameof(Credibility));
    public IReadOnlyList<RecordId> Sources { get; } = Guard.Distinct(Guard.NonEmpty(Sources, nameof(Sources)), nameof(Sources));
    public string? Note { get; } = Guard.OptionalText(Note, nameof(Note));

    /// <inheritdoc/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Restricted { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<string>? RestrictedFields { get; init => field = Restriction.CheckFields(typeof(Claim), value); }

    RecordKind IRecord.Kind => RecordKind.Claim;

    public IEnumerable<Reference> References() =>
        Reference.SourcesOf(this)
            .Concat(Reference.One("subject", Subject, Enum.GetValues<RecordKind>().Where(k => k != RecordKind.Source).ToArray()))
            .Concat(Reference.One("asserter", Asserter, RecordKind.Actor));
}

/// <summary>A number a claim states: a value or a range, how it is qualified, and its unit.</summary>
public sealed record Figure(decimal Value, decimal? UpTo, FigureQualifier Qualifier, string? Unit)
{
    public decimal Value { get; } = Value;
    public decimal? UpTo { get; } = UpTo < Value
        ? throw new ArgumentOutOfRangeException(nameof(UpTo), UpTo, $"upTo must not be below value ({Value})")
        : UpTo;
    public FigureQualifier Qualifier { get; } = Guard.Defined(Qualifier, nameof(Qualifier));
    public string? Unit { get; } = Guard.OptionalText(Unit, nameof(Unit), 50);
}

/// <summary>A question in dispute that has no record of its own — a figure, a map's accuracy — for claims to be about.</summary>
public sealed record Topic(RecordId Id, string Title, string? Summary, IReadOnlyList<RecordId> Sources, string? Note = null) : IRecord
{
    public RecordId Id { get; } = Guard.NotNull(Id, nameof(Id));
    public string Title { get; } = Guard.Text(Title, nameof(Title), 500);
    public string? Summary { get; } = Guard.OptionalText(Summary, nameof(Summary));
    public IReadOnlyList<RecordId> Sources { get; } = Guard.Distinct(Guard.NonEmpty(Sources, nameof(Sources)), nameof(Sources));
    public string? Note { get; } = Guard.OptionalText(Note, nameof(Note));

    /// <inheritdoc/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Restricted { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<string>? RestrictedFields { get; init => field = Restriction.CheckFields(typeof(Topic), value); }

    RecordKind IRecord.Kind => RecordKind.Topic;

    public IEnumerable<Reference> References() => Reference.SourcesOf(this);
}
