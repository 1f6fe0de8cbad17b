using System.Text.Json.Serialization;

namespace Pacta.Model;

/// <summary>A document or report that records cite, with the reliability of the source itself (A–F).</summary>
public sealed record Source(
    RecordId Id,
    SourceKind Kind,
    string Title,
    string? Publisher,
    RecordId? PublisherActor,
    string? Author,
    PartialDate? Date,
    string? Language,
    Uri? Url,
    Reliability Reliability,
    string? Note = null) : IRecord
{
    public RecordId Id { get; } = Guard.NotNull(Id, nameof(Id));
    public SourceKind Kind { get; } = Guard.Defined(Kind, nameof(Kind));
    public string Title { get; } = Guard.Text(Title, nameof(Title), 1000);
    public string? Publisher { get; } = Guard.OptionalText(Publisher, nameof(Publisher), 300);
    public RecordId? PublisherActor { get; } = PublisherActor;
    public string? Author { get; } = Guard.OptionalText(Author, nameof(Author), 300);
    public PartialDate? Date { get; } = Date;
    public string? Language { get; } = Language is null ? null : LanguageTag.Check(Language, nameof(Language));
    public Uri? Url { get; } = Guard.AbsoluteUrl(Url, nameof(Url));
    public Reliability Reliability { get; } = Guard.Defined(Reliability, nameof(Reliability));
    public string? Note { get; } = Guard.OptionalText(Note, nameof(Note));

    /// <inheritdoc/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Restricted { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<string>? RestrictedFields { get; init => field = Restriction.CheckFields(typeof(Source), value); }

    RecordKind IRecord.Kind => RecordKind.Source;

    /// <summary>A source is where provenance ends: it cites nothing.</summary>
    IReadOnlyList<RecordId> IRecord.Sources => [];

    public IEnumerable<Reference> References() => Reference.One("publisherActor", PublisherActor, RecordKind.Actor);
}
