using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Pacta.Model;

/// <summary>The event datasets Pacta imports rows from.</summary>
public enum EventDataset { Acled, Ucdp, Plover }

/// <summary>
/// One row of an event dataset that tells of an event: which dataset, the row's own id there (the key an
/// import is idempotent by), the row's revision (ACLED's <c>timestamp</c>), a digest of what the row says
/// (a row whose digest is unchanged is not written again), and the row's own citation of its sources.
/// An event made from one row carries one origin. When a row of another dataset is matched to the same
/// incident it is added as a further origin, with <see cref="Match"/> saying why and <see cref="Reported"/>
/// keeping what that row says where it may differ (dates, place, deaths, actors): rows are never averaged.
/// </summary>
public sealed partial record EventOrigin(
    EventDataset Dataset,
    string Key,
    string Digest,
    string? Revision = null,
    string? Citation = null,
    OriginMatch? Match = null,
    EventReport? Reported = null)
{
    public EventDataset Dataset { get; } = Guard.Defined(Dataset, nameof(Dataset));

    public string Key { get; } = Guard.Text(Key, nameof(Key), 100);

    public string Digest { get; } = DigestPattern().IsMatch(Guard.NotNull(Digest, nameof(Digest)))
        ? Digest
        : throw new ArgumentException("digest must be 16 lower-case hexadecimal digits", nameof(Digest));

    public string? Revision { get; } = Guard.OptionalText(Revision, nameof(Revision), 100);

    public string? Citation { get; } = Guard.OptionalText(Citation, nameof(Citation), 10_000);

    public OriginMatch? Match { get; } = Match;

    public EventReport? Reported { get; } = Reported;

    /// <summary>The dataset as its makers name it: ACLED, UCDP GED, PLOVER.</summary>
    [JsonIgnore]
    public string DatasetName => Dataset switch
    {
        EventDataset.Acled => "ACLED",
        EventDataset.Ucdp => "UCDP GED",
        EventDataset.Plover => "PLOVER",
        _ => throw new InvalidOperationException($"no name for {Dataset}"),
    };

    /// <summary>How the origin is named in messages and links: <c>acled:ARM1234</c>.</summary>
    public override string ToString() => $"{Dataset.ToString().ToLowerInvariant()}:{Key}";

    [GeneratedRegex("^[0-9a-f]{16}$", RegexOptions.CultureInvariant)]
    private static partial Regex DigestPattern();
}

/// <summary>
/// Why a row was taken to tell of an incident another dataset's row had already recorded: the row it was
/// matched with, how far apart the two are in days and kilometres, the actors they share, and the
/// thresholds the match was made under.
/// </summary>
public sealed record OriginMatch(
    string With,
    int DaysApart,
    double? DistanceKm,
    IReadOnlyList<RecordId> SharedActors,
    int MaxDays,
    double MaxKm)
{
    public string With { get; } = Guard.Text(With, nameof(With), 200);
    public int DaysApart { get; } = DaysApart >= 0 ? DaysApart : throw new ArgumentOutOfRangeException(nameof(DaysApart), DaysApart, "days apart must not be negative");
    public double? DistanceKm { get; } = DistanceKm is null or >= 0 ? DistanceKm : throw new ArgumentOutOfRangeException(nameof(DistanceKm), DistanceKm, "distance must not be negative");
    public IReadOnlyList<RecordId> SharedActors { get; } = Guard.NonEmpty(SharedActors, nameof(SharedActors));
    public int MaxDays { get; } = MaxDays >= 0 ? MaxDays : throw new ArgumentOutOfRangeException(nameof(MaxDays), MaxDays, "the days threshold must not be negative");
    public double MaxKm { get; } = MaxKm >= 0 ? MaxKm : throw new ArgumentOutOfRangeException(nameof(MaxKm), MaxKm, "the distance threshold must not be negative");

    /// <summary>The match in one sentence, for <c>pacta show</c> and the event page.</summary>
    public string Explain()
    {
        var distance = DistanceKm is { } km ? $"{km:0.0} km apart (at most {MaxKm:0.#} km allowed)" : "not compared by distance (a row has no point)";
        var days = DaysApart == 0 ? "their dates overlap" : $"their dates are {DaysApart} day{(DaysApart == 1 ? "" : "s")} apart (at most {MaxDays} allowed)";
        return $"linked with {With}: {days}; {distance}; both name {string.Join(", ", SharedActors)}";
    }
}

/// <summary>What one row says of an event, kept beside the event when the event was made from another row.</summary>
public sealed record EventReport(
    string Title,
    EventType Type,
    PartialDate Start,
    PartialDate? End,
    EventPlace? Place,
    IReadOnlyList<EventActor> Actors,
    Fatalities? Fatalities,
    string? Summary = null)
{
    public string Title { get; } = Guard.Text(Title, nameof(Title), 500);
    public EventType Type { get; } = Guard.NotNull(Type, nameof(Type));
    public PartialDate Start { get; } = Guard.NotNull(Start, nameof(Start));
    public PartialDate? End { get; } = End;
    public EventPlace? Place { get; } = Place;
    public IReadOnlyList<EventActor> Actors { get; } = Guard.List(Actors, nameof(Actors));
    public Fatalities? Fatalities { get; } = Fatalities;
    public string? Summary { get; } = Guard.OptionalText(Summary, nameof(Summary));
}
