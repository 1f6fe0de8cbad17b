using System.Text.Json.Serialization;

namespace Pacta.Model;

/// <summary>
/// Something that happened: a clash, a handover, a release, a meeting. Dates and place carry their
/// precision; a count of the dead carries low, best and high estimates.
/// </summary>
public sealed record Event(
    RecordId Id,
    string Title,
    EventType Type,
    PartialDate Start,
    PartialDate? End,
    EventPlace? Place,
    IReadOnlyList<EventActor> Actors,
    Fatalities? Fatalities,
    Meeting? Meeting,
    string? Summary,
    IReadOnlyList<RecordId> Sources,
    string? Note = null,
    IReadOnlyList<EventOrigin>? Origins = null) : IRecord
{
    public RecordId Id { get; } = Guard.NotNull(Id, nameof(Id));
    public string Title { get; } = Guard.Text(Title, nameof(Title), 500);
    public EventType Type { get; } = Guard.NotNull(Type, nameof(Type));
    public PartialDate Start { get; } = Guard.NotNull(Start, nameof(Start));
    public PartialDate? End { get; } = End is not null && !Start.MayPrecedeOrEqual(End)
        ? throw new ArgumentException($"end ({End}) is before start ({Start})", nameof(End))
        : End;
    public EventPlace? Place { get; } = Place;
    public IReadOnlyList<EventActor> Actors { get; } = Guard.List(Actors, nameof(Actors));
    public Fatalities? Fatalities { get; } = Fatalities;
    public Meeting? Meeting { get; } = Meeting;
    public string? Summary { get; } = Guard.OptionalText(Summary, nameof(Summary));
    public IReadOnlyList<RecordId> Sources { get; } = Guard.Distinct(Guard.NonEmpty(Sources, nameof(Sources)), nameof(Sources));
    public string? Note { get; } = Guard.OptionalText(Note, nameof(Note));

    /// <summary>The dataset rows this event was imported from, the row it was made from first; null for an event entered by hand.</summary>
    public IReadOnlyList<EventOrigin>? Origins { get; } = Origins is null ? null : DistinctOrigins(Guard.NonEmpty(Origins, nameof(Origins)));

    RecordKind IRecord.Kind => RecordKind.Event;

    /// <summary>The last day the event may have run to.</summary>
    [JsonIgnore]
    public DateOnly LastDay => (End ?? Start).Last;

    public IEnumerable<Reference> References() =>
        Reference.SourcesOf(this)
            .Concat(Reference.One("place.ref", Place?.Ref, RecordKind.Place))
            .Concat(Actors.Select((a, i) => new Reference($"actors[{i}].actor", a.Actor, [RecordKind.Actor])))
            .Concat(Meeting?.References("meeting") ?? [])
            .Concat((Origins ?? []).SelectMany((o, i) => o.Reported is { } r
                ? Reference.One($"origins[{i}].reported.place.ref", r.Place?.Ref, RecordKind.Place)
                    .Concat(r.Actors.Select((a, j) => new Reference($"origins[{i}].reported.actors[{j}].actor", a.Actor, [RecordKind.Actor])))
                : []));

    private static IReadOnlyList<EventOrigin> DistinctOrigins(IReadOnlyList<EventOrigin> origins)
    {
        var seen = new HashSet<(EventDataset, string)>();
        foreach (var origin in origins)
        {
            if (!seen.Add((origin.Dataset, origin.Key)))
                throw new ArgumentException($"origins name {origin} twice", nameof(Origins));
        }
        return origins;
    }
}

/// <summary>Where an event happened: a known place, a point, or both, and how exactly it is known.</summary>
public sealed record EventPlace(RecordId? Ref, GeoPoint? Point, LocationPrecision Precision)
{
    public RecordId? Ref { get; } = Ref;
    public GeoPoint? Point { get; } = Ref is null && Point is null
        ? throw new ArgumentException("a place needs a ref to a place or a point", nameof(Point))
        : Point;
    public LocationPrecision Precision { get; } = Guard.Defined(Precision, nameof(Precision));
}

/// <summary>A WGS 84 position, longitude first as in GeoJSON.</summary>
public sealed record GeoPoint(double Longitude, double Latitude)
{
    public double Longitude { get; } = double.IsFinite(Longitude) && Longitude is >= -180 and <= 180
        ? Longitude
        : throw new ArgumentOutOfRangeException(nameof(Longitude), Longitude, "longitude must lie within -180..180");
    public double Latitude { get; } = double.IsFinite(Latitude) && Latitude is >= -90 and <= 90
        ? Latitude
        : throw new ArgumentOutOfRangeException(nameof(Latitude), Latitude, "latitude must lie within -90..90");
}

public sealed record EventActor(RecordId Actor, EventActorRole Role)
{
    public RecordId Actor { get; } = Guard.NotNull(Actor, nameof(Actor));
    public EventActorRole Role { get; } = Guard.Defined(Role, nameof(Role));
}

/// <summary>Deaths as estimates: <see cref="Low"/> ≤ <see cref="Best"/> ≤ <see cref="High"/>, as UCDP gives them.</summary>
public sealed record Fatalities(int? Low, int Best, int? High)
{
    public int? Low { get; } = Low is < 0 || Low > Best
        ? throw new ArgumentOutOfRangeException(nameof(Low), Low, $"low must lie within 0..best ({Best})")
        : Low;
    public int Best { get; } = Best >= 0 ? Best : throw new ArgumentOutOfRangeException(nameof(Best), Best, "best must not be negative");
    public int? High { get; } = High < Best
        ? throw new ArgumentOutOfRangeException(nameof(High), High, $"high must not be below best ({Best})")
        : High;
}

/// <summary>What makes an event a meeting: its format, host, mediators, participants and the documents it produced.</summary>
public sealed record Meeting(
    MeetingFormat Format,
    RecordId? Host,
    IReadOnlyList<RecordId> Mediators,
    IReadOnlyList<RecordId> Participants,
    IReadOnlyList<RecordId> Outcomes)
{
    public MeetingFormat Format { get; } = Guard.Defined(Format, nameof(Format));
    public RecordId? Host { get; } = Host;
    public IReadOnlyList<RecordId> Mediators { get; } = Guard.Distinct(Guard.List(Mediators, nameof(Mediators)), nameof(Mediators));
    public IReadOnlyList<RecordId> Participants { get; } = Guard.Distinct(Guard.List(Participants, nameof(Participants)), nameof(Participants));
    public IReadOnlyList<RecordId> Outcomes { get; } = Guard.Distinct(Guard.List(Outcomes, nameof(Outcomes)), nameof(Outcomes));

    internal IEnumerable<Reference> References(string path) =>
        Reference.One($"{path}.host", Host, RecordKind.Actor)
            .Concat(Reference.Each($"{path}.mediators", Mediators, RecordKind.Actor))
            .Concat(Reference.Each($"{path}.participants", Participants, RecordKind.Actor))
            .Concat(Reference.Each($"{path}.outcomes", Outcomes, RecordKind.Document));
}
