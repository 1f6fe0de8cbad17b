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

    /// <inheritdoc/>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Restricted { get; init; }

    /// <inheritdoc/>
    public IReadOnlyList<string>? RestrictedFields { get; init => field = Restriction.CheckFields(typeof(Event), value); }

    RecordKind IRecord.Kind => RecordKind.Event;

    /// <summary>The last day the event may have run to.</summary>
    [JsonIgnore]
    public DateOnly LastDay => (End ?? Start).Last;

    /// <remarks>
    /// Sources, place, actors, the meeting's references, then each origin's reported place and actors. Built in a
    /// loop rather than by chained queries: an import asks each of a million rows' events for its references.
    /// </remarks>
    public IEnumerable<Reference> References()
    {
        var references = new List<Reference>(Sources.Count + Actors.Count + 1);
        for (var i = 0; i < Sources.Count; i++) references.Add(new Reference(IndexedPath(SourcePaths, "sources[{0}]", i), Sources[i], SourceKinds));
        if (Place?.Ref is { } place) references.Add(new Reference("place.ref", place, PlaceKinds));
        for (var i = 0; i < Actors.Count; i++) references.Add(new Reference(IndexedPath(ActorPaths, "actors[{0}].actor", i), Actors[i].Actor, ActorKinds));
        if (Meeting is not null) references.AddRange(Meeting.References("meeting"));
        for (var i = 0; i < (Origins?.Count ?? 0); i++)
        {
            if (Origins![i].Reported is not { } reported) continue;
            if (reported.Place?.Ref is { } reportedPlace) references.Add(new Reference($"origins[{i}].reported.place.ref", reportedPlace, PlaceKinds));
            for (var j = 0; j < reported.Actors.Count; j++)
                references.Add(new Reference($"origins[{i}].reported.actors[{j}].actor", reported.Actors[j].Actor, ActorKinds));
        }
        return references;
    }

    private static readonly RecordKind[] SourceKinds = [RecordKind.Source];
    private static readonly RecordKind[] PlaceKinds = [RecordKind.Place];
    private static readonly RecordKind[] ActorKinds = [RecordKind.Actor];

    // The paths of the first few sources and actors, made once: nearly every event has no more.
    private static readonly string[] SourcePaths = [.. Enumerable.Range(0, 8).Select(i => $"sources[{i}]")];
    private static readonly string[] ActorPaths = [.. Enumerable.Range(0, 8).Select(i => $"actors[{i}].actor")];

    private static string IndexedPath(string[] made, string format, int index) =>
        index < made.Length ? made[index] : string.Format(System.Globalization.CultureInfo.InvariantCulture, format, index);

    /// <summary>
    /// The names the datasets give the event's place, each with the row that gave them (null for an event entered by
    /// hand, whose names are its sources'): the event's own place is its first origin's, and each later origin reports its own.
    /// </summary>
    public IEnumerable<(EventOrigin? By, PlaceAsWritten Names)> PlaceNamesAsWritten()
    {
        if (Place?.AsWritten is { } own) yield return (Origins?[0], own);
        for (var i = 1; i < (Origins?.Count ?? 0); i++)
        {
            if (Origins![i].Reported?.Place?.AsWritten is { } theirs) yield return (Origins[i], theirs);
        }
    }

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

/// <summary>
/// Where an event happened: a known place, a point, or both, and how exactly it is known; and, for a place a
/// dataset gave, the names that dataset gives it (<see cref="AsWritten"/>), which are its words and not Pacta's.
/// </summary>
public sealed record EventPlace(RecordId? Ref, GeoPoint? Point, LocationPrecision Precision, PlaceAsWritten? AsWritten = null)
{
    public RecordId? Ref { get; } = Ref;
    public GeoPoint? Point { get; } = Ref is null && Point is null
        ? throw new ArgumentException("a place needs a ref to a place or a point", nameof(Point))
        : Point;
    public LocationPrecision Precision { get; } = Guard.Defined(Precision, nameof(Precision));
    public PlaceAsWritten? AsWritten { get; } = AsWritten;
}

/// <summary>
/// The names a source gives a location, as it wrote them: a name for the spot (ACLED's <c>location</c>, UCDP's
/// <c>where_coordinates</c>) and the administrative areas it lies in, by level from the country (level 0) down
/// (ACLED's <c>country</c>, <c>admin1</c> … <c>admin3</c>). A level the source left empty above one it named is an
/// empty string, so that each name keeps its level. They are attributed to the source that wrote them: another
/// dataset, or another side, may name the same spot otherwise, and Pacta's own places keep every name in use.
/// </summary>
public sealed record PlaceAsWritten(string? Name, IReadOnlyList<string> Areas)
{
    public const int MaxLength = 300;

    /// <summary>Country, first-level area and three levels below: more than any dataset Pacta reads writes.</summary>
    public const int MaxLevels = 5;

    public string? Name { get; } = Guard.OptionalText(Name, nameof(Name), MaxLength);

    public IReadOnlyList<string> Areas { get; } = Name is null && (Areas is null || Areas.Count == 0)
        ? throw new ArgumentException("place names need a name or an area", nameof(Areas))
        : CheckedAreas(Guard.List(Areas, nameof(Areas)));

    /// <summary>The area at a level (0 the country), or null when the source names none there.</summary>
    public string? Area(int level) => level < Areas.Count && Areas[level].Length > 0 ? Areas[level] : null;

    /// <summary>The names from the spot up to the country, as one line: <c>Alibayli, Tovuz, Azerbaijan</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>(Areas.Count + 1);
        if (Name is not null) parts.Add(Name);
        for (var level = Areas.Count - 1; level >= 0; level--)
        {
            if (Areas[level].Length > 0) parts.Add(Areas[level]);
        }
        return string.Join(", ", parts);
    }

    private static IReadOnlyList<string> CheckedAreas(IReadOnlyList<string> areas)
    {
        if (areas.Count > MaxLevels) throw new ArgumentException($"areas has {areas.Count} levels; at most {MaxLevels}", nameof(Areas));
        for (var i = 0; i < areas.Count; i++)
        {
            var area = areas[i] ?? throw new ArgumentException($"areas[{i}] is null: write an empty string for a level not named", nameof(Areas));
            if (area.Length == 0)
            {
                if (i == areas.Count - 1) throw new ArgumentException("the last of areas is empty: list levels only down to the deepest named", nameof(Areas));
                continue;
            }
            if (area != Guard.Text(area, $"areas[{i}]", MaxLength)) throw new ArgumentException($"areas[{i}] has spaces around it", nameof(Areas));
        }
        return areas;
    }
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
