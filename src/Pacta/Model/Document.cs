using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Pacta.Model;

/// <summary>
/// An agreement, statement, proposal, draft treaty, resolution or judgment, with its provisions and
/// their obligations. The document is one record; its obligations have ids of their own.
/// </summary>
public sealed record Document(
    RecordId Id,
    DocumentKind Kind,
    string Title,
    string? ShortTitle,
    PaxStage? Stage,
    DocumentStatus Status,
    DocumentDates? Dates,
    int? PaxId,
    IReadOnlyList<Signatory> Signatories,
    IReadOnlyList<DocumentLink> Links,
    IReadOnlyList<TextVersion> Texts,
    IReadOnlyList<Provision> Provisions,
    IReadOnlyList<RecordId> Sources,
    string? Note = null,
    PeaceProcess? Process = null) : IRecord
{
    public RecordId Id { get; } = Guard.NotNull(Id, nameof(Id));
    public DocumentKind Kind { get; } = Guard.Defined(Kind, nameof(Kind));
    public string Title { get; } = Guard.Text(Title, nameof(Title), 1000);
    public string? ShortTitle { get; } = Guard.OptionalText(ShortTitle, nameof(ShortTitle), 200);
    public PaxStage? Stage { get; } = Stage is { } s ? Guard.Defined(s, nameof(Stage)) : null;
    public DocumentStatus Status { get; } = Guard.Defined(Status, nameof(Status));
    public DocumentDates Dates { get; } = Dates ?? DocumentDates.None;
    public int? PaxId { get; } = PaxId is <= 0 ? throw new ArgumentOutOfRangeException(nameof(PaxId), PaxId, "a PA-X AgtId is a positive number") : PaxId;
    public IReadOnlyList<Signatory> Signatories { get; } = Guard.List(Signatories, nameof(Signatories));
    public IReadOnlyList<DocumentLink> Links { get; } = CheckLinks(Id, Guard.List(Links, nameof(Links)));
    public IReadOnlyList<TextVersion> Texts { get; } = Guard.List(Texts, nameof(Texts));
    public IReadOnlyList<Provision> Provisions { get; } = CheckProvisions(Guard.List(Provisions, nameof(Provisions)));
    public IReadOnlyList<RecordId> Sources { get; } = Guard.Distinct(Guard.NonEmpty(Sources, nameof(Sources)), nameof(Sources));
    public string? Note { get; } = Guard.OptionalText(Note, nameof(Note));
    public PeaceProcess? Process { get; } = Process;

    /// <inheritdoc/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Restricted { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<string>? RestrictedFields { get; init => field = Restriction.CheckFields(typeof(Document), value); }

    RecordKind IRecord.Kind => RecordKind.Document;

    [JsonIgnore]
    public string DisplayTitle => ShortTitle ?? Title;

    [JsonIgnore]
    public IEnumerable<Obligation> Obligations => Provisions.SelectMany(p => p.Obligations);

    public IEnumerable<Reference> References() =>
        Reference.SourcesOf(this)
            .Concat(Signatories.SelectMany((s, i) =>
                Reference.One($"signatories[{i}].actor", s.Actor, RecordKind.Actor)
                    .Concat(Reference.One($"signatories[{i}].signedBy", s.SignedBy, RecordKind.Actor))))
            .Concat(Links.SelectMany((l, i) => Reference.One($"links[{i}].target", l.Target, RecordKind.Document)))
            .Concat(Texts.SelectMany((t, i) =>
                Reference.One($"texts[{i}].publisher", t.Publisher, RecordKind.Actor)
                    .Concat(Reference.One($"texts[{i}].source", t.Source, RecordKind.Source))))
            .Concat(Provisions.SelectMany((p, i) => p.References($"provisions[{i}]")));

    private static IReadOnlyList<DocumentLink> CheckLinks(RecordId id, IReadOnlyList<DocumentLink> links) =>
        links.Any(l => l.Target == id) ? throw new ArgumentException("a document cannot link to itself", nameof(Links)) : links;

    private static IReadOnlyList<Provision> CheckProvisions(IReadOnlyList<Provision> provisions)
    {
        Guard.Distinct(provisions.Select(p => p.EId).ToArray(), "provisions' eId");
        Guard.Distinct(provisions.SelectMany(p => p.Obligations).Select(o => o.Id).ToArray(), "obligations' id");
        return provisions;
    }
}

/// <summary>
/// The peace process a document belongs to, by name, with PA-X's number for it (<c>PP</c>) where PA-X has one:
/// what groups the documents of one case when several processes share a store.
/// </summary>
public sealed record PeaceProcess(string Name, int? PaxId)
{
    public string Name { get; } = Guard.Text(Name, nameof(Name), 300);
    public int? PaxId { get; } = PaxId is <= 0 ? throw new ArgumentOutOfRangeException(nameof(PaxId), PaxId, "a PA-X peace process number (PP) is a positive number") : PaxId;
}

/// <summary>The dates a document carries; any may be unknown.</summary>
public sealed record DocumentDates(PartialDate? Signed, PartialDate? Announced, PartialDate? Effective, PartialDate? Published)
{
    public static DocumentDates None { get; } = new(null, null, null, null);

    /// <summary>The earliest date the document is known by: what a timeline sorts it on.</summary>
    [JsonIgnore]
    public PartialDate? Earliest => new[] { Signed, Announced, Effective, Published }.Where(d => d is not null).Min();
}

/// <summary>Who signed (or otherwise stands behind) a document, in which role, and through whom.</summary>
public sealed record Signatory(RecordId Actor, SignatoryRole Role, RecordId? SignedBy)
{
    public RecordId Actor { get; } = Guard.NotNull(Actor, nameof(Actor));
    public SignatoryRole Role { get; } = Guard.Defined(Role, nameof(Role));
    public RecordId? SignedBy { get; } = SignedBy;
}

public sealed record DocumentLink(DocumentLinkType Type, RecordId Target)
{
    public DocumentLinkType Type { get; } = Guard.Defined(Type, nameof(Type));
    public RecordId Target { get; } = Guard.NotNull(Target, nameof(Target));
}

/// <summary>One published version of a document's text: by whom, in which language, where, and how it differs.</summary>
public sealed record TextVersion(RecordId? Publisher, string Language, string? Title, RecordId? Source, Uri? Url, string? Note)
{
    public RecordId? Publisher { get; } = Publisher;
    public string Language { get; } = LanguageTag.Check(Language, nameof(Language));
    public string? Title { get; } = Guard.OptionalText(Title, nameof(Title), 1000);
    public RecordId? Source { get; } = Source;
    public Uri? Url { get; } = Guard.AbsoluteUrl(Url, nameof(Url));
    public string? Note { get; } = Guard.OptionalText(Note, nameof(Note));
}

/// <summary>One article, paragraph or point of a document, summarised in our own words.</summary>
public sealed partial record Provision(
    string EId,
    string Number,
    string? Heading,
    string Summary,
    IReadOnlyList<Theme> Themes,
    IReadOnlyList<Obligation> Obligations,
    string? Note = null)
{
    public string EId { get; } = IsValidEId(EId) ? EId : throw new ArgumentException(
        $"'{EId}' is not an Akoma Ntoso eId such as art_9, art_9__para_1 or preamble", nameof(EId));
    public string Number { get; } = Guard.Text(Number, nameof(Number), 50);
    public string? Heading { get; } = Guard.OptionalText(Heading, nameof(Heading), 300);
    public string Summary { get; } = Guard.Text(Summary, nameof(Summary));
    public IReadOnlyList<Theme> Themes { get; } = Guard.Distinct(Guard.List(Themes, nameof(Themes)), nameof(Themes));
    public IReadOnlyList<Obligation> Obligations { get; } = Guard.List(Obligations, nameof(Obligations));
    public string? Note { get; } = Guard.OptionalText(Note, nameof(Note));

    public static bool IsValidEId(string? eId) => eId is { Length: <= 100 } && EIdPattern().IsMatch(eId);

    internal IEnumerable<Reference> References(string path) =>
        Obligations.SelectMany((o, i) => o.References($"{path}.obligations[{i}]"));

    [GeneratedRegex("^[a-z]+(_[A-Za-z0-9]+)?(__[a-z]+(_[A-Za-z0-9]+)?)*$", RegexOptions.CultureInvariant)]
    private static partial Regex EIdPattern();
}

/// <summary>What a provision requires of whom, by when, and on what it depends.</summary>
public sealed record Obligation(
    RecordId Id,
    IReadOnlyList<RecordId> Bearers,
    string Action,
    string? Object,
    IReadOnlyList<RecordId> Beneficiaries,
    PartialDate? Deadline,
    Period? Period,
    string? Conditions,
    IReadOnlyList<Linkage> Linkage,
    string? Note = null)
{
    public RecordId Id { get; } = Guard.NotNull(Id, nameof(Id));
    public IReadOnlyList<RecordId> Bearers { get; } = Guard.Distinct(Guard.NonEmpty(Bearers, nameof(Bearers)), nameof(Bearers));
    public string Action { get; } = Guard.Text(Action, nameof(Action), 2000);
    public string? Object { get; } = Guard.OptionalText(Object, nameof(Object), 2000);
    public IReadOnlyList<RecordId> Beneficiaries { get; } = Guard.Distinct(Guard.List(Beneficiaries, nameof(Beneficiaries)), nameof(Beneficiaries));
    public PartialDate? Deadline { get; } = Deadline;
    public Period? Period { get; } = Period is not null && Deadline is not null
        ? throw new ArgumentException("give either a deadline or a period, not both", nameof(Period))
        : Period;
    public string? Conditions { get; } = Guard.OptionalText(Conditions, nameof(Conditions));
    public IReadOnlyList<Linkage> Linkage { get; } = Guard.List(Linkage, nameof(Linkage)).Any(l => l.Obligation == Id)
        ? throw new ArgumentException("an obligation cannot be linked to itself", nameof(Linkage))
        : Guard.List(Linkage, nameof(Linkage));
    public string? Note { get; } = Guard.OptionalText(Note, nameof(Note));

    internal IEnumerable<Reference> References(string path) =>
        Reference.Each($"{path}.bearers", Bearers, RecordKind.Actor)
            .Concat(Reference.Each($"{path}.beneficiaries", Beneficiaries, RecordKind.Actor))
            .Concat(Linkage.Select((l, i) => new Reference($"{path}.linkage[{i}].obligation", l.Obligation, [RecordKind.Obligation])));
}

/// <summary>A span of time an obligation runs over; an open end means "until further notice".</summary>
public sealed record Period(PartialDate From, PartialDate? To)
{
    public PartialDate From { get; } = Guard.NotNull(From, nameof(From));
    public PartialDate? To { get; } = To is not null && !From.MayPrecedeOrEqual(To)
        ? throw new ArgumentException($"to ({To}) is before from ({From})", nameof(To))
        : To;
}

public sealed record Linkage(LinkageType Type, RecordId Obligation)
{
    public LinkageType Type { get; } = Guard.Defined(Type, nameof(Type));
    public RecordId Obligation { get; } = Guard.NotNull(Obligation, nameof(Obligation));
}
