using System.Text.Json.Serialization;

namespace Pacta.Model;

/// <summary>
/// One assessor's view of an obligation's implementation as of a date: a status, a Peace Accords Matrix
/// score, the rationale, and the evidence it rests on. Assessors may disagree; all views are kept.
/// </summary>
public sealed record Assessment(
    RecordId Id,
    RecordId Obligation,
    PartialDate AsOf,
    AssessmentStatus Status,
    PamScore? Score,
    string Rationale,
    IReadOnlyList<RecordId> Evidence,
    RecordId Assessor,
    IReadOnlyList<RecordId> Sources,
    string? Note = null) : IRecord
{
    public RecordId Id { get; } = Guard.NotNull(Id, nameof(Id));
    public RecordId Obligation { get; } = Guard.NotNull(Obligation, nameof(Obligation));
    public PartialDate AsOf { get; } = Guard.NotNull(AsOf, nameof(AsOf));
    public AssessmentStatus Status { get; } = Guard.Defined(Status, nameof(Status));
    /// <summary>The PAM score, or none where the assessor declines to score (a disputed implementation, say).</summary>
    public PamScore? Score { get; } = Score;
    public string Rationale { get; } = Guard.Text(Rationale, nameof(Rationale));
    public IReadOnlyList<RecordId> Evidence { get; } = Guard.Distinct(Guard.List(Evidence, nameof(Evidence)), nameof(Evidence));
    public RecordId Assessor { get; } = Guard.NotNull(Assessor, nameof(Assessor));
    public IReadOnlyList<RecordId> Sources { get; } = Guard.Distinct(Guard.NonEmpty(Sources, nameof(Sources)), nameof(Sources));
    public string? Note { get; } = Guard.OptionalText(Note, nameof(Note));

    /// <inheritdoc/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Restricted { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<string>? RestrictedFields { get; init => field = Restriction.CheckFields(typeof(Assessment), value); }

    RecordKind IRecord.Kind => RecordKind.Assessment;

    public IEnumerable<Reference> References() =>
        Reference.SourcesOf(this)
            .Concat(Reference.One("obligation", Obligation, RecordKind.Obligation))
            .Concat(Reference.Each("evidence", Evidence, RecordKind.Event, RecordKind.Claim, RecordKind.Source, RecordKind.Document))
            .Concat(Reference.One("assessor", Assessor, RecordKind.Actor));
}
