using System.Text.Json;
using Pacta.Imports;
using Pacta.Model;
using Pacta.Store.Sqlite;

namespace Pacta.Store;

public sealed partial class SqliteStore
{
    /// <summary>
    /// Starts writing events imported from a dataset, row by row, keyed by each row's own id. The import holds the
    /// store until it is disposed. With <paramref name="batched"/>, <see cref="EventImport.Checkpoint"/> commits what
    /// has been written so far (a crash loses only the rows since); without it, all rows are written in one
    /// transaction at <see cref="EventImport.Complete"/>, and disposing before then writes nothing.
    /// </summary>
    /// <param name="matching">How rows are matched to events other datasets recorded; null matches none.</param>
    public IEventImport BeginEventImport(ChangeContext context, EventMatching? matching, bool batched)
    {
        ArgumentNullException.ThrowIfNull(context);
        gate.Enter();
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            if (SchemaVersion < 6) throw new InvalidOperationException($"the store is at schema version {SchemaVersion}; importing events needs version 6");
            return new EventImport(this, context, matching, batched);
        }
        catch
        {
            gate.Exit();
            throw;
        }
    }

    /// <summary>One import of dataset rows into the store: see <see cref="BeginEventImport"/>.</summary>
    public sealed class EventImport : IEventImport
    {
        private readonly SqliteStore store;
        private readonly StoreConnection db;
        private readonly ChangeContext context;
        private readonly EventMatching? matching;
        private readonly bool batched;
        private readonly EventTally cells = new();
        private readonly Dictionary<RecordId, RecordId> sides = [];
        private readonly Dictionary<RecordId, RecordKind?> kinds = [];
        private readonly HashSet<EventDataset> datasetsInStore;
        private readonly long run;
        private readonly Utf8Text author;
        private readonly Utf8Text command;
        private readonly Utf8Text? reason;
        private readonly MultiRowInsert newRecords;
        private readonly MultiRowInsert newChanges;
        private readonly EventRows newRows;
        private readonly HashSet<(EventDataset, string)> pendingKeys = [];
        private readonly HashSet<RecordId> pendingIds = [];
        private AbsentKeys? absent;
        private long rowsPut;
        private long lastChangeCommitted;
        private bool open;

        /// <summary>An import of more rows than this looks up only the keys and ids <see cref="AbsentKeys"/> cannot rule out.</summary>
        internal const int FilterFrom = 20_000;

        /// <summary>
        /// New events are gathered, then written table by table, this many at a time: SQLite spends less on many rows
        /// into one table, then the next, than on the same rows spread over every table in turn. More saves little
        /// more and holds more rows in memory (bench/README.md).
        /// </summary>
        internal const int PendingEvents = 256;

        private static readonly InsertSql RecordSql = new("INSERT OR FAIL INTO record (id, kind, body, version, updated_at) VALUES", "(?, 'event', ?, 1, ?)");

        // A creation keeps no copy of the body (schema version 4), but its link of the hash chain covers it (version 6):
        // see SqliteStore.RecordChange and SqliteStore.NextLink.
        private static readonly InsertSql ChangeSql = new(
            "INSERT OR FAIL INTO change (seq, recorded_at, author, command, reason, record_id, kind, operation, before, after, hash) VALUES",
            "(?, ?, ?, ?, ?, ?, 'event', 'created', NULL, NULL, ?)");

        /// <summary>A file takes rows as they come: a bigger call saves nothing and holds more rows in memory.</summary>
        public int RowsPerPut => 64;

        internal EventImport(SqliteStore store, ChangeContext context, EventMatching? matching, bool batched)
        {
            this.store = store;
            db = store.db;
            this.context = context;
            this.matching = matching;
            this.batched = batched;
            author = Utf8Text.Of(context.Author);
            command = Utf8Text.Of(context.Command);
            reason = context.Reason is { } why ? Utf8Text.Of(why) : null;
            newRecords = new MultiRowInsert(db, RecordSql);
            newChanges = new MultiRowInsert(db, ChangeSql);
            newRows = new EventRows(db);
            datasetsInStore = db.Query("SELECT DISTINCT dataset FROM event_origin", r => Enum.Parse<EventDataset>(r.GetString(0), ignoreCase: true)).ToHashSet();
            run = Convert.ToInt64(db.Scalar("SELECT COALESCE(MAX(run), 0) + 1 FROM event_origin"), System.Globalization.CultureInfo.InvariantCulture);
            foreach (var (id, partOf) in db.Query("SELECT id, json_extract(body, '$.partOf') FROM record WHERE kind = 'actor'",
                         r => (new RecordId(r.GetString(0)), r.IsDBNull(1) ? null : new RecordId(r.GetString(1)))))
            {
                if (partOf is not null) sides[id] = partOf;
            }
            // A large page cache: a transaction whose changes outgrow the cache must sync its journal to spill them.
            previousCacheSize = db.Scalar("PRAGMA cache_size")!;
            db.Execute("PRAGMA cache_size = -65536");
            // The import checks every reference itself, before it writes (Unresolved, TakenIds), and writes each derived
            // row right after its record. With SQLite's own checks on as well, each statement of many rows would also
            // copy every page it touches to a statement journal, to undo itself should a check fail half-way: that
            // doubled what the import wrote. (The pragma can only change outside a transaction.)
            db.Execute("PRAGMA foreign_keys = OFF");
            try
            {
                Begin();
            }
            catch
            {
                RestoreSettings();
                throw;
            }
            store.importing = this;
        }

        private readonly object previousCacheSize;

        /// <summary>
        /// Writes a batch of rows' events (each event's one origin is its row's), in order: a new key makes a new
        /// event, or joins the event of another dataset's row that tells of the same incident; a known key with a new
        /// digest updates what the row said; a known key with the same digest changes nothing. A key this import has
        /// already written is a duplicate in the file, and a reference to a missing actor, place or source is refused:
        /// both change nothing. The store is asked about the batch's keys and ids at once; new events are gathered and
        /// written <see cref="PendingEvents"/> at a time (<see cref="FlushPending"/>), in statements of many rows.
        /// </summary>
        /// <returns>What became of each row, in the batch's order.</returns>
        public IReadOnlyList<ImportOutcome> Put(IReadOnlyList<ReadyEvent> rows)
        {
            ArgumentNullException.ThrowIfNull(rows);
            var outcomes = new ImportOutcome[rows.Count];
            rowsPut += rows.Count;
            if (absent is null && rowsPut > FilterFrom)
            {
                // The filter is made from the tables: what is gathered but not yet written goes in first.
                FlushPending();
                absent = AbsentKeys.Of(db);
            }
            var known = KnownOrigins(absent is null ? rows : [.. rows.Where(r => absent.MayHave(r.Rows.KeyHash))]);
            var taken = TakenIds(absent is null ? rows : [.. rows.Where(r => absent.MayHave(r.Rows.IdHash))]);
            var inBatch = new HashSet<(EventDataset, string)>();
            var seen = new List<EventOrigin>();
            var now = store.clock.GetUtcNow();
            var at = Utf8Text.Of(Vocabulary.Text(now));
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i].Event;
                var values = rows[i].Rows;
                var origin = row.Origins![0];
                if (Unresolved(values.References) is { } unresolved)
                {
                    outcomes[i] = ImportOutcome.Refused(unresolved);
                }
                else if (!inBatch.Add((origin.Dataset, origin.Key)) || pendingKeys.Contains((origin.Dataset, origin.Key))
                         || known.TryGetValue((origin.Dataset, origin.Key), out var twice) && twice.Run == run)
                {
                    outcomes[i] = ImportOutcome.Refused($"{origin} appears a second time in this import: a dataset row's id must be unique");
                }
                else if (known.TryGetValue((origin.Dataset, origin.Key), out var existing))
                {
                    if (existing.Digest == origin.Digest)
                    {
                        seen.Add(origin);
                        outcomes[i] = ImportOutcome.Unchanged(existing.Event);
                        continue;
                    }
                    var stored = (Event)store.Load(existing.Event)!;
                    Replace(stored, Revise(stored, row));
                    outcomes[i] = ImportOutcome.Updated(existing.Event);
                }
                else if (matching is not null && datasetsInStore.Any(d => d != origin.Dataset) && FindMatch(row, matching) is var (incident, match))
                {
                    var joined = WithOrigins(incident, [.. incident.Origins!, new EventOrigin(origin.Dataset, origin.Key, origin.Digest, origin.Revision, origin.Citation, match, Report(row))],
                        [.. incident.Sources.Union(row.Sources)]);
                    Replace(incident, joined);
                    absent?.AddKey(origin.Dataset, origin.Key);
                    outcomes[i] = ImportOutcome.Linked(incident.Id, match);
                }
                else if (taken.Contains(row.Id) || !pendingIds.Add(row.Id))
                {
                    var holder = store.Resolve(row.Id) ?? RecordKind.Event;
                    outcomes[i] = ImportOutcome.Refused($"'{row.Id}', the id {origin} would get, is taken by {Vocabulary.WithArticle(holder)}");
                }
                else
                {
                    // Every text of these rows was encoded as UTF-8 on the reading thread (EventRowValues), or once for the import.
                    newRecords.Add(values.Id, rows[i].Utf8Body, at);
                    var (sequence, hash) = store.NextLink(now, context, row.Id.Value, RecordKind.Event, ChangeOperation.Created, null, rows[i].BodyHash);
                    newChanges.Add(sequence, at, author, command, reason, values.Id, hash);
                    DerivedIndexes.Add(db, row, values, cells, run, newRows);
                    pendingKeys.Add((origin.Dataset, origin.Key));
                    absent?.Add(values.KeyHash);
                    absent?.Add(values.IdHash);
                    outcomes[i] = ImportOutcome.Created(row.Id);
                }
            }
            if (pendingIds.Count >= PendingEvents) FlushPending();
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
            // A read on the import's thread writes the gathered events first: an id one of them took is found.
            if (store.Resolve(record.Id) is not null) return false;
            var kinds = new Dictionary<RecordId, RecordKind?>();
            var problems = store.UnresolvedReferences(record, kinds).ToList();
            if (problems.Count > 0) throw new StoreException($"'{record.Id}' cannot be written", problems);
            var body = CanonicalJson.Serialize(record);
            var at = Now;
            db.Execute("INSERT INTO record (id, kind, body, version, updated_at) VALUES ($id, $kind, $body, 1, $at)",
                ("$id", record.Id.Value), ("$kind", Vocabulary.Text(record.Kind)), ("$body", body), ("$at", at));
            store.RecordChange(at, context, record.Id, record.Kind, ChangeOperation.Created, null, body);
            DerivedIndexes.Add(db, record, cells, run);
            this.kinds[record.Id] = record.Kind;
            absent?.AddId(record.Id.Value);
            if (record is Actor { PartOf: { } partOf }) sides[record.Id] = partOf;
            return true;
        }

        /// <summary>
        /// Applies a dataset's deletion of a row: an event told only by that row is deleted; an event other rows tell
        /// of loses that origin (and, if it was the first, takes its fields from the next). False when no event has the key.
        /// </summary>
        /// <exception cref="StoreException">The event would be deleted but other records cite it.</exception>
        public bool Remove(EventDataset dataset, string key)
        {
            FlushPending();
            var found = db.Scalar("SELECT event_id FROM event_origin WHERE dataset = $dataset AND key = $key", ("$dataset", Vocabulary.Text(dataset)), ("$key", key));
            if (found is not string id) return false;
            var stored = (Event)store.Load(new RecordId(id))!;
            var rest = stored.Origins!.Where(o => !(o.Dataset == dataset && o.Key == key)).ToList();
            if (rest.Count == 0)
            {
                var citations = store.Citations(stored.Id);
                if (citations.Count > 0)
                    throw new StoreException($"{dataset.ToString().ToLowerInvariant()}:{key} was deleted upstream, but its event '{stored.Id}' is still cited by '{citations[0].From}' at {citations[0].Path}");
                var body = CanonicalJson.Serialize(stored);
                DerivedIndexes.Remove(db, stored.Id, cells);
                db.Execute("DELETE FROM record WHERE id = $id", ("$id", id));
                store.RecordChange(Now, context, stored.Id, RecordKind.Event, ChangeOperation.Deleted, body, null);
            }
            else
            {
                Replace(stored, Promote(stored, rest));
            }
            return true;
        }

        /// <summary>With a batched import, commits what is written so far and goes on in a new transaction.</summary>
        public void Checkpoint()
        {
            if (!batched || !open) return;
            Commit();
            Begin();
        }

        /// <summary>Commits everything written; the import is over.</summary>
        public void Complete()
        {
            if (!open) throw new InvalidOperationException("the import is complete already");
            Commit();
        }

        /// <summary>Rolls back what is not yet committed and gives the store back.</summary>
        public void Dispose()
        {
            if (open)
            {
                db.Rollback();
                open = false;
            }
            store.importing = null;
            RestoreSettings();
            store.gate.Exit();
        }

        /// <summary>The connection's page cache and foreign-key checks as they were before the import.</summary>
        private void RestoreSettings()
        {
            db.Execute($"PRAGMA cache_size = {Convert.ToInt64(previousCacheSize, System.Globalization.CultureInfo.InvariantCulture)}");
            db.Execute("PRAGMA foreign_keys = ON");
        }

        private string Now => Vocabulary.Text(store.clock.GetUtcNow());

        private void Begin()
        {
            db.Begin();
            open = true;
            // Between two batches another writer may have taken ids or written keys the filter does not know: it is
            // then made again from the tables.
            if (absent is not null && LastChange() != lastChangeCommitted) absent = null;
        }

        private void Commit()
        {
            FlushPending();
            cells.Flush(db);
            lastChangeCommitted = LastChange();
            db.Commit();
            open = false;
        }

        private long LastChange() => Convert.ToInt64(db.Scalar("SELECT COALESCE(MAX(seq), 0) FROM change"), System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>
        /// Writes the new events gathered so far, records first (the derived rows' keys refer to them). Until then, the
        /// store's tables know nothing of them: <see cref="pendingKeys"/> and <see cref="pendingIds"/> answer for them,
        /// and whatever reads or rewrites events (an update, a link, a deletion) writes them first.
        /// </summary>
        internal void FlushPending()
        {
            if (pendingIds.Count == 0) return;
            newRecords.Flush();
            newChanges.Flush();
            newRows.Flush();
            pendingKeys.Clear();
            pendingIds.Clear();
        }

        /// <summary>What the store holds of the batch's keys: the event each is in, its digest, and the import that last saw it.</summary>
        private Dictionary<(EventDataset, string), (RecordId Event, string Digest, long Run)> KnownOrigins(IReadOnlyList<ReadyEvent> rows)
        {
            var known = new Dictionary<(EventDataset, string), (RecordId, string, long)>();
            foreach (var dataset in rows.Select(r => r.Event.Origins![0].Dataset).Distinct())
            {
                var keys = JsonSerializer.Serialize(rows.Select(r => r.Event.Origins![0]).Where(o => o.Dataset == dataset).Select(o => o.Key));
                var found = db.Query(
                    "SELECT o.key, o.event_id, o.digest, o.run FROM json_each($keys) AS k CROSS JOIN event_origin AS o ON o.dataset = $dataset AND o.key = k.value",
                    r => (Key: r.GetString(0), Event: new RecordId(r.GetString(1)), Digest: r.GetString(2), Run: r.GetInt64(3)),
                    ("$keys", keys), ("$dataset", Vocabulary.Text(dataset)));
                foreach (var (key, @event, digest, seenBy) in found) known[(dataset, key)] = (@event, digest, seenBy);
            }
            return known;
        }

        /// <summary>Which of the ids the batch's events would get are taken, by a record or an obligation.</summary>
        private HashSet<RecordId> TakenIds(IReadOnlyList<ReadyEvent> rows)
        {
            if (rows.Count == 0) return [];
            var ids = JsonSerializer.Serialize(rows.Select(r => r.Event.Id.Value));
            return db.Query(
                """
                SELECT k.value FROM json_each($ids) AS k
                WHERE EXISTS (SELECT 1 FROM record AS r WHERE r.id = k.value) OR EXISTS (SELECT 1 FROM obligation AS o WHERE o.id = k.value)
                """,
                r => new RecordId(r.GetString(0)), ("$ids", ids)).ToHashSet();
        }

        /// <summary>Marks unchanged rows as seen by this import, so that a second appearance later in the file is refused.</summary>
        private void MarkSeen(List<EventOrigin> seen)
        {
            foreach (var group in seen.GroupBy(o => o.Dataset))
            {
                db.Execute("UPDATE event_origin SET run = $run WHERE dataset = $dataset AND key IN (SELECT value FROM json_each($keys))",
                    ("$run", run), ("$dataset", Vocabulary.Text(group.Key)), ("$keys", JsonSerializer.Serialize(group.Select(o => o.Key))));
            }
        }

        private void Replace(Event stored, Event revised)
        {
            FlushPending();
            // A dataset's row knows nothing of a restriction someone marked on its event: the marking stays.
            revised = revised with { Restricted = stored.Restricted, RestrictedFields = stored.RestrictedFields };
            var before = CanonicalJson.Serialize(stored);
            var after = CanonicalJson.Serialize(revised);
            if (before == after) return;
            var at = Now;
            db.Execute("UPDATE record SET body = $body, version = version + 1, updated_at = $at WHERE id = $id",
                ("$id", stored.Id.Value), ("$body", after), ("$at", at));
            store.RecordChange(at, context, stored.Id, RecordKind.Event, ChangeOperation.Updated, before, after);
            DerivedIndexes.Remove(db, stored.Id, cells);
            // Every origin of a touched event is marked as seen by this import: its one origin from this import's
            // dataset is the row at hand, and the others belong to other datasets, whose imports are other runs.
            DerivedIndexes.Add(db, revised, cells, run);
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

        internal static Event WithOrigins(Event e, IReadOnlyList<EventOrigin> origins, IReadOnlyList<RecordId>? sources = null) =>
            new(e.Id, e.Title, e.Type, e.Start, e.End, e.Place, e.Actors, e.Fatalities, e.Meeting, e.Summary, sources ?? e.Sources, e.Note, origins);

        internal static EventReport Report(Event row) => new(row.Title, row.Type, row.Start, row.End, row.Place, row.Actors, row.Fatalities, row.Summary);

        private (Event Event, OriginMatch Match)? FindMatch(Event row, EventMatching rule)
        {
            if (row.Place?.Point is not { } point) return null;
            var degreesLat = rule.SearchKm / 111.0;
            var degreesLon = degreesLat / Math.Max(Math.Cos(point.Latitude * Math.PI / 180), 0.01);
            // Days first: in one region most events lie within the search box, but few within a day or two.
            // Events longer than a year are not candidates (no dataset row spans more than a year).
            var ids = db.Query(
                """
                SELECT i.id FROM event_index AS i
                WHERE i.first_day BETWEEN $first - 366 AND $last AND i.last_day >= $first
                  AND i.lon BETWEEN $west AND $east AND i.lat BETWEEN $south AND $north AND i.is_meeting = 0
                  AND EXISTS (SELECT 1 FROM event_origin AS o WHERE o.event_id = i.id AND o.dataset <> $dataset)
                  AND NOT EXISTS (SELECT 1 FROM event_origin AS o WHERE o.event_id = i.id AND o.dataset = $dataset)
                """,
                r => new RecordId(r.GetString(0)),
                ("$first", row.Start.First.DayNumber - rule.MaxDays), ("$last", row.LastDay.DayNumber + rule.MaxDays),
                ("$west", point.Longitude - degreesLon), ("$east", point.Longitude + degreesLon),
                ("$south", point.Latitude - degreesLat), ("$north", point.Latitude + degreesLat),
                ("$dataset", Vocabulary.Text(row.Origins![0].Dataset)));
            var candidates = ids.Select(id => (Event)store.Load(id)!);
            return rule.Best(row, candidates, SideOf);
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
                if (!kinds.TryGetValue(reference.Target, out var kind)) kinds[reference.Target] = kind = store.Resolve(reference.Target);
                if (kind is null) return $"{reference.Path}: '{reference.Target}' does not exist";
                if (!reference.Expected.Contains(kind.Value)) return $"{reference.Path}: '{reference.Target}' is {Vocabulary.WithArticle(kind.Value)}";
            }
            return null;
        }
    }
}
