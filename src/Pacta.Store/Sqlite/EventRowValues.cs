using Pacta.Model;

namespace Pacta.Store.Sqlite;

/// <summary>
/// What a new event writes to SQLite's tables besides its body, worked out from the event alone: its references, its
/// <c>event_index</c>, <c>event_actor</c> and <c>event_origin</c> rows, with every text already encoded as UTF-8, what
/// it adds to the kept counts, and its key's and id's hashes for <see cref="AbsentKeys"/>. An import makes these on the
/// thread that reads the file (<see cref="ReadyEvent.From"/>), so that the thread writing the store only binds them:
/// that thread is the import's slower one. The rows are the ones <see cref="EventRows.Add(Event, EventTally?, long)"/>
/// makes, value for value.
/// </summary>
internal sealed class EventRowValues
{
    /// <param name="references">The event's references (<see cref="IRecord.References"/>), made once for the import's checks too.</param>
    public EventRowValues(Event @event, Reference[] references)
    {
        var id = @event.Id.Value;
        Id = Utf8Text.Of(id);
        var written = new List<(Utf8Text, Utf8Text)>(references.Length);
        foreach (var reference in references)
        {
            // Actors and the place are in event_actor and event_index, which Citations reads too.
            if (!DerivedRows.IsIndexedElsewhere(reference.Path)) written.Add((Repeated(reference.Path), Repeated(reference.Target.Value)));
        }
        ReferenceRows = [.. written];
        FirstDay = @event.Start.First.DayNumber;
        LastDay = @event.LastDay.DayNumber;
        Type = Repeated(@event.Type.ToString());
        // Only the event's own point: a point taken from its place would go stale when the place moves.
        var point = @event.Place?.Point;
        Longitude = point?.Longitude;
        Latitude = point?.Latitude;
        Cell = point is null ? null : EventCells.Key(point.Longitude, point.Latitude);
        PlaceId = @event.Place?.Ref is { } place ? Repeated(place.Value) : null;
        IsMeeting = @event.Meeting is not null;
        var actors = new List<Utf8Text>(@event.Actors.Count);
        for (var i = 0; i < @event.Actors.Count; i++)
        {
            if (!EventRows.Repeats(@event.Actors, i, @event.Actors[i].Actor)) actors.Add(Repeated(@event.Actors[i].Actor.Value));
        }
        Actors = [.. actors];
        var origins = @event.Origins ?? [];
        Origins = new (Utf8Text, Utf8Text, Utf8Text)[origins.Count];
        for (var i = 0; i < origins.Count; i++) Origins[i] = (DatasetText(origins[i].Dataset), Utf8Text.Of(origins[i].Key), Utf8Text.Of(origins[i].Digest));
        // The kept counts are of the events every reader may list (EventRows.Add).
        Counted = !@event.IsUnlisted();
        Point = Counted && point is not null && !IsMeeting ? CellTally.Cells(point.Longitude, point.Latitude) : null;
        Marked = @event.IsMarked();
        if (@event.Origins is [var first, ..]) KeyHash = AbsentKeys.KeyHash(first.Dataset, first.Key);
        IdHash = AbsentKeys.IdHash(id);
    }

    // The few texts every event of a dataset repeats, encoded once.
    private static readonly Dictionary<EventDataset, Utf8Text> DatasetTexts = Enum.GetValues<EventDataset>().ToDictionary(d => d, d => Utf8Text.Of(Vocabulary.Text(d)));

    /// <summary>
    /// Texts that recur from event to event (types, paths, the ids of actors, places and sources), encoded once per thread;
    /// past <see cref="RepeatedLimit"/> of them the rest are encoded each time, so a file of ever new names holds no more.
    /// </summary>
    [ThreadStatic]
    private static Dictionary<string, Utf8Text>? repeated;

    private const int RepeatedLimit = 4096;

    private static Utf8Text Repeated(string text)
    {
        var known = repeated ??= new Dictionary<string, Utf8Text>(StringComparer.Ordinal);
        if (known.TryGetValue(text, out var encoded)) return encoded;
        encoded = Utf8Text.Of(text);
        if (known.Count < RepeatedLimit) known[text] = encoded;
        return encoded;
    }

    private static Utf8Text DatasetText(EventDataset dataset) => DatasetTexts.TryGetValue(dataset, out var text) ? text : Utf8Text.Of(Vocabulary.Text(dataset));

    public Utf8Text Id { get; }

    /// <summary>The <c>reference</c> rows: path and target of each reference not kept in another table.</summary>
    public (Utf8Text Path, Utf8Text Target)[] ReferenceRows { get; }

    public int FirstDay { get; }

    public int LastDay { get; }

    public Utf8Text Type { get; }

    public double? Longitude { get; }

    public double? Latitude { get; }

    public long? Cell { get; }

    public Utf8Text? PlaceId { get; }

    public bool IsMeeting { get; }

    /// <summary>The actors, each once, in the event's order.</summary>
    public Utf8Text[] Actors { get; }

    public (Utf8Text Dataset, Utf8Text Key, Utf8Text Digest)[] Origins { get; }

    /// <summary>Whether the event is in the kept counts (it is not unlisted).</summary>
    public bool Counted { get; }

    /// <summary>The cells the event's point adds to, when it is counted by its point.</summary>
    public CellTally.PointCells? Point { get; }

    /// <summary>Whether the event carries a restriction (it then has a <c>restricted_record</c> row).</summary>
    public bool Marked { get; }

    /// <summary>The first origin's key for <see cref="AbsentKeys"/>.</summary>
    public ulong KeyHash { get; }

    /// <summary>The id for <see cref="AbsentKeys"/>.</summary>
    public ulong IdHash { get; }
}
