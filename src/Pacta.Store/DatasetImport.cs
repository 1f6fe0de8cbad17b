using Pacta.Imports;
using Pacta.Model;

namespace Pacta.Store;

/// <summary>
/// What both stores' imports of dataset rows do alike (<see cref="IStore.BeginEventImport"/>): the rules that decide,
/// row by row, whether a row makes an event, updates its event, joins another dataset's event, changes nothing or is
/// refused; how a deletion upstream is applied; how a record the rows need is written. Each store says how it looks
/// rows up, reads and writes them (<see cref="SqliteStore"/>: gathered and written 256 at a time; PostgreSQL: by COPY at the
/// end of each call).
/// </summary>
internal abstract class DatasetImport : IEventImport
{
    private readonly Dictionary<RecordId, RecordId> sides = [];
    private readonly Dictionary<RecordId, RecordKind?> kinds = [];

    private readonly RecordBook records;

    /// <param name="records">The store's records, through which the import reads the events it updates or joins.</param>
    protected DatasetImport(RecordBook records, ChangeContext context, EventMatching? matching, bool batched)
    {
        ArgumentNullException.ThrowIfNull(context);
        this.records = records;
        Context = context;
        Matching = matching;
        Batched = batched;
    }

    protected ChangeContext Context { get; }

    /// <summary>How rows are matched to events other datasets recorded; null matches none.</summary>
    protected EventMatching? Matching { get; }

    /// <summary>Whether <see cref="IEventImport.Checkpoint"/> commits (else all rows are one transaction).</summary>
    protected bool Batched { get; }

    /// <summary>This import's number: origins it writes or finds unchanged are marked with it, so that a key twice in a file is found.</summary>
    protected long Run { get; private set; }

    /// <summary>The datasets the store held events of when the import began: with none but the file's own, no row can join another's event.</summary>
    private HashSet<EventDataset> datasetsInStore = [];

    public abstract int RowsPerPut { get; }

    public abstract ReadyEvent Ready(Event row);

    /// <summary>
    /// What the store holds when the import begins: its datasets, the next run's number and which actors are part of
    /// others (to compare sides when matching rows to other datasets' events). Each store calls this once, in its constructor.
    /// </summary>
    protected void Start(ISqlSession db, string actorsPartOfSql)
    {
        datasetsInStore = db.Query("SELECT DISTINCT dataset FROM event_origin", r => Vocabulary.Dataset(r.GetString(0))).ToHashSet();
        Run = Convert.ToInt64(db.Scalar("SELECT COALESCE(MAX(run), 0) + 1 FROM event_origin"), System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (id, partOf) in db.Query(actorsPartOfSql, r => (new RecordId(r.GetString(0)), r.IsDBNull(1) ? null : new RecordId(r.GetString(1)))))
        {
            if (partOf is not null) sides[id] = partOf;
        }
    }

    /// <summary>
    /// Writes a batch of rows' events (each event's one origin is its row's), in order: a new key makes a new event, or
    /// joins the event of another dataset's row that tells of the same incident; a known key with a new digest updates
    /// what the row said; a known key with the same digest changes nothing. A key this import has already written is a
    /// duplicate in the file, and a reference to a missing actor, place or source is refused: both change nothing.
    /// </summary>
    /// <returns>What became of each row, in the batch's order.</returns>
    public IReadOnlyList<ImportOutcome> Put(IReadOnlyList<ReadyEvent> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        BeginBatch(rows);
        var known = KnownOrigins(rows);
        var taken = TakenIds(rows);
        var outcomes = new ImportOutcome[rows.Count];
        var inBatch = new HashSet<(EventDataset, string)>();
        var seen = new List<EventOrigin>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i].Event;
            var origin = row.Origins![0];
            var key = (origin.Dataset, origin.Key);
            if (Unresolved(rows[i].References) is { } unresolved)
            {
                outcomes[i] = ImportOutcome.Refused(unresolved);
            }
            else if (!inBatch.Add(key) || IsGathered(key) || known.TryGetValue(key, out var twice) && twice.Run == Run)
            {
                outcomes[i] = ImportOutcome.Refused($"{origin} appears a second time in this import: a dataset row's id must be unique");
            }
            else if (known.TryGetValue(key, out var existing))
            {
                if (existing.Digest == origin.Digest)
                {
                    seen.Add(origin);
                    outcomes[i] = ImportOutcome.Unchanged(existing.Event);
                    continue;
                }
                var stored = LoadEvent(existing.Event);
                Replace(stored, Revise(stored, row));
                outcomes[i] = ImportOutcome.Updated(existing.Event);
            }
            else if (Matching is not null && datasetsInStore.Any(d => d != origin.Dataset) && FindMatch(row, Matching) is var (incident, match))
            {
                var joined = WithOrigins(incident, [.. incident.Origins!, new EventOrigin(origin.Dataset, origin.Key, origin.Digest, origin.Revision, origin.Citation, match, Report(row))],
                    [.. incident.Sources.Union(row.Sources)]);
                Replace(incident, joined);
                Joined(origin);
                outcomes[i] = ImportOutcome.Linked(incident.Id, match);
            }
            else if (taken.Contains(row.Id) || !TakeId(row.Id))
            {
                var holder = KindOf(row.Id) ?? RecordKind.Event;
                outcomes[i] = ImportOutcome.Refused($"'{row.Id}', the id {origin} would get, is taken by {Vocabulary.WithArticle(holder)}");
            }
            else
            {
                Create(rows[i]);
                outcomes[i] = ImportOutcome.Created(row.Id);
            }
        }
        EndBatch();
        MarkSeen(seen);
        return outcomes;
    }

    /// <summary>
    /// Writes a record the rows need (an actor a row names, the dataset's source) unless a record has its id; true
    /// when it was written. Its own references must resolve.
    /// </summary>
    /// <exception cref="StoreException">A reference of the record does not resolve.</exception>
    public bool Ensure(IRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (KindOf(record.Id) is not null) return false;
        var problems = RecordBook.UnresolvedReferences(record, [], KindOf).ToList();
        if (problems.Count > 0) throw new StoreException($"'{record.Id}' cannot be written", problems);
        var body = CanonicalJson.Serialize(record);
        var at = Now;
        Session.Execute("INSERT INTO record (id, kind, body, version, updated_at) VALUES (@id, @kind, @body, 1, @at)",
            ("id", record.Id.Value), ("kind", Vocabulary.Text(record.Kind)), ("body", body), ("at", at));
        Recorded(at, record, ChangeOperation.Created, null, body);
        AddDerived(record);
        kinds[record.Id] = record.Kind;
        if (record is Actor { PartOf: { } partOf }) sides[record.Id] = partOf;
        return true;
    }

    /// <summary>
    /// Applies a dataset's deletion of a row: an event told only by that row is deleted; an event other rows tell of
    /// loses that origin (and, if it was the first, takes its fields from the next). False when no event has the key.
    /// </summary>
    /// <exception cref="StoreException">The event would be deleted but other records cite it.</exception>
    public bool Remove(EventDataset dataset, string key)
    {
        WriteGathered();
        var found = Session.Scalar("SELECT event_id FROM event_origin WHERE dataset = @dataset AND key = @key", ("dataset", Vocabulary.Text(dataset)), ("key", key));
        if (found is not string id) return false;
        var stored = LoadEvent(new RecordId(id));
        var rest = stored.Origins!.Where(o => !(o.Dataset == dataset && o.Key == key)).ToList();
        if (rest.Count > 0)
        {
            Replace(stored, Promote(stored, rest));
            return true;
        }
        var citations = RecordBook.Citations(Session, stored.Id);
        if (citations.Count > 0)
            throw new StoreException($"{dataset.ToString().ToLowerInvariant()}:{key} was deleted upstream, but its event '{stored.Id}' is still cited by '{citations[0].From}' at {citations[0].Path}");
        var body = CanonicalJson.Serialize(stored);
        RemoveDerived(stored);
        Session.Execute("DELETE FROM record WHERE id = @id", ("id", id));
        Recorded(Now, stored, ChangeOperation.Deleted, body, null);
        return true;
    }

    public abstract void Checkpoint();

    public abstract void Complete();

    public abstract void Dispose();

    /// <summary>The session the import writes through, in its transaction.</summary>
    protected abstract ISqlSession Session { get; }

    /// <summary>The time a change is recorded with, as the store writes it.</summary>
    protected abstract string Now { get; }

    /// <summary>Before a batch's rows are looked at: the look-ups' filter, the batch's time.</summary>
    protected virtual void BeginBatch(IReadOnlyList<ReadyEvent> rows)
    {
    }

    /// <summary>After a batch's rows: what the store wrote for later writes it now, or what it gathered once too many are.</summary>
    protected virtual void EndBatch()
    {
    }

    /// <summary>What the store holds of the batch's keys: the event each is in, its digest, and the import that last saw it.</summary>
    protected abstract Dictionary<(EventDataset, string), (RecordId Event, string Digest, long Run)> KnownOrigins(IReadOnlyList<ReadyEvent> rows);

    /// <summary>Which of the ids the batch's events would get are taken, by a record or an obligation.</summary>
    protected abstract HashSet<RecordId> TakenIds(IReadOnlyList<ReadyEvent> rows);

    /// <summary>Marks unchanged rows as seen by this import, so that a second appearance later in the file is refused.</summary>
    protected abstract void MarkSeen(List<EventOrigin> seen);

    /// <summary>Whether an event this import made but has not yet written has this key.</summary>
    protected virtual bool IsGathered((EventDataset Dataset, string Key) key) => false;

    /// <summary>Claims an id for an event of this batch; false when an earlier row of the import not yet written has it.</summary>
    protected abstract bool TakeId(RecordId id);

    /// <summary>Writes (or gathers, to write soon) a new event with its history entry and derived rows.</summary>
    protected abstract void Create(ReadyEvent row);

    /// <summary>A row's origin joined another dataset's event.</summary>
    protected virtual void Joined(EventOrigin origin)
    {
    }

    /// <summary>Writes what the import has gathered and not yet written: before anything reads or rewrites events.</summary>
    protected virtual void WriteGathered()
    {
    }

    /// <summary>The kind of whatever has this id, obligations included; null when nothing has it.</summary>
    protected virtual RecordKind? KindOf(RecordId id) => RecordBook.KindOf(Session, id);

    /// <summary>Records a change of a record in the history.</summary>
    protected abstract void Recorded(string at, IRecord record, ChangeOperation operation, string? before, string? after);

    /// <summary>The rows a record's body makes in the store's index tables, and its share of the kept counts.</summary>
    protected abstract void AddDerived(IRecord record);

    /// <summary>Takes back what <see cref="AddDerived"/> wrote for a stored record.</summary>
    protected abstract void RemoveDerived(IRecord stored);

    /// <summary>The ids of the listed events, not meetings, of other datasets and none of this row's, whose days and points could match the row's.</summary>
    protected abstract List<RecordId> MatchCandidates(Event row, EventMatching rule, (double West, double South, double East, double North) box);

    private Event LoadEvent(RecordId id)
    {
        WriteGathered();
        return (Event)records.Load(Session, id)!;
    }

    /// <summary>Rewrites a stored event as <paramref name="revised"/>, with its history entry; nothing when the two are the same.</summary>
    private void Replace(Event stored, Event revised)
    {
        WriteGathered();
        // A dataset's row knows nothing of a restriction someone marked on its event: the marking stays.
        revised = revised with { Restricted = stored.Restricted, RestrictedFields = stored.RestrictedFields };
        var before = CanonicalJson.Serialize(stored);
        var after = CanonicalJson.Serialize(revised);
        if (before == after) return;
        var at = Now;
        Session.Execute("UPDATE record SET body = @body, version = version + 1, updated_at = @at WHERE id = @id",
            ("id", stored.Id.Value), ("body", after), ("at", at));
        Recorded(at, stored, ChangeOperation.Updated, before, after);
        RemoveDerived(stored);
        // Every origin of a touched event is marked as seen by this import: its one origin from this import's dataset
        // is the row at hand, and the others belong to other datasets, whose imports are other runs.
        AddDerived(revised);
    }

    private (Event Event, OriginMatch Match)? FindMatch(Event row, EventMatching rule)
    {
        if (row.Place?.Point is not { } point) return null;
        var degreesLat = rule.SearchKm / 111.0;
        var degreesLon = degreesLat / Math.Max(Math.Cos(point.Latitude * Math.PI / 180), 0.01);
        var ids = MatchCandidates(row, rule, (point.Longitude - degreesLon, point.Latitude - degreesLat, point.Longitude + degreesLon, point.Latitude + degreesLat));
        return rule.Best(row, ids.Select(id => LoadEvent(id)), SideOf);
    }

    private RecordId SideOf(RecordId actor)
    {
        var side = actor;
        for (var hops = 0; hops < 10 && sides.TryGetValue(side, out var parent); hops++) side = parent;
        return side;
    }

    private string? Unresolved(Reference[] references)
    {
        foreach (var reference in references)
        {
            if (!kinds.TryGetValue(reference.Target, out var kind)) kinds[reference.Target] = kind = KindOf(reference.Target);
            if (kind is null) return $"{reference.Path}: '{reference.Target}' does not exist";
            if (!reference.Expected.Contains(kind.Value)) return $"{reference.Path}: '{reference.Target}' is {Vocabulary.WithArticle(kind.Value)}";
        }
        return null;
    }

    /// <summary>The stored event with what the row now says: the event's own fields when the row was its first origin, else the row's report.</summary>
    internal static Event Revise(Event stored, Event row)
    {
        var origin = row.Origins![0];
        var origins = stored.Origins!;
        var index = origins.ToList().FindIndex(o => o.Dataset == origin.Dataset && o.Key == origin.Key);
        if (index == 0)
            return new Event(stored.Id, row.Title, row.Type, row.Start, row.End, row.Place, row.Actors, row.Fatalities, stored.Meeting, row.Summary, [.. stored.Sources.Union(row.Sources)], stored.Note, [origin, .. origins.Skip(1)]);
        var revised = origins.ToArray();
        revised[index] = new EventOrigin(origin.Dataset, origin.Key, origin.Digest, origin.Revision, origin.Citation, origins[index].Match, Report(row));
        return WithOrigins(stored, revised);
    }

    /// <summary>The event after its first origin went: the next origin's report becomes the event's fields.</summary>
    internal static Event Promote(Event stored, List<EventOrigin> rest)
    {
        if (stored.Origins![0] == rest[0]) return WithOrigins(stored, rest);
        var next = rest[0];
        var report = next.Reported!;
        rest[0] = new EventOrigin(next.Dataset, next.Key, next.Digest, next.Revision, next.Citation);
        return new Event(stored.Id, report.Title, report.Type, report.Start, report.End, report.Place, report.Actors, report.Fatalities,
            stored.Meeting, report.Summary, stored.Sources, stored.Note, rest);
    }

    private static Event WithOrigins(Event e, IReadOnlyList<EventOrigin> origins, IReadOnlyList<RecordId>? sources = null) =>
        new(e.Id, e.Title, e.Type, e.Start, e.End, e.Place, e.Actors, e.Fatalities, e.Meeting, e.Summary, sources ?? e.Sources, e.Note, origins);

    private static EventReport Report(Event row) => new(row.Title, row.Type, row.Start, row.End, row.Place, row.Actors, row.Fatalities, row.Summary);
}
