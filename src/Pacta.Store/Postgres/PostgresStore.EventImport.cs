using NpgsqlTypes;
using Pacta.Imports;
using Pacta.Model;
using Pacta.Store.Sqlite;

namespace Pacta.Store.Postgres;

public sealed partial class PostgresStore
{
    /// <summary>
    /// Starts writing events imported from a dataset, keyed by each row's own id, with the SQLite store's rules
    /// (<see cref="SqliteStore.BeginEventImport"/>): the import holds the store's writes until disposed; batched, each
    /// <see cref="IEventImport.Checkpoint"/> commits; else one transaction commits at <see cref="IEventImport.Complete"/>.
    /// </summary>
    public IEventImport BeginEventImport(ChangeContext context, EventMatching? matching, bool batched)
    {
        ArgumentNullException.ThrowIfNull(context);
        gate.Enter();
        try
        {
            ObjectDisposedException.ThrowIf(disposed, this);
            return new EventImport(this, context, matching, batched);
        }
        catch (Npgsql.NpgsqlException e)
        {
            gate.Exit();
            throw new StoreException($"cannot start an import into {Location}: {e.Message}", e);
        }
        catch
        {
            gate.Exit();
            throw;
        }
    }

    /// <summary>One import of dataset rows into a PostgreSQL store: see <see cref="BeginEventImport"/>.</summary>
    private sealed class EventImport : IEventImport
    {
        private readonly PostgresStore store;
        private readonly PgSession db;
        private readonly ChangeContext context;
        private readonly EventMatching? matching;
        private readonly bool batched;
        private readonly Dictionary<RecordId, RecordId> sides = [];
        private readonly Dictionary<RecordId, RecordKind?> kinds = [];
        private readonly HashSet<EventDataset> datasetsInStore;
        private readonly long run;

        /// <summary>Events (and meetings) gained and lost per first day in this transaction, added to event_day before it commits.</summary>
        private readonly Dictionary<int, (long Events, long Meetings)> days = [];

        /// <summary>The cells of the kept grid gained and lost in this transaction, added to event_cell before it commits.</summary>
        private readonly CellTally cells = new();

        /// <summary>Each call costs some ten statements and their round trips, so thousands of rows share them.</summary>
        public int RowsPerPut => 2_000;

        public EventImport(PostgresStore store, ChangeContext context, EventMatching? matching, bool batched)
        {
            this.store = store;
            this.context = context;
            this.matching = matching;
            this.batched = batched;
            db = PgSession.ForWriting(store.source, store.WriteWait);
            try
            {
                store.writing = db;
                db.Execute(PostgresSchema.DeferredDays);
                datasetsInStore = db.Query("SELECT DISTINCT dataset FROM event_origin", r => Enum.Parse<EventDataset>(r.GetString(0).Replace("-", ""), ignoreCase: true)).ToHashSet();
                run = Convert.ToInt64(db.Scalar("SELECT COALESCE(MAX(run), 0) + 1 FROM event_origin"), System.Globalization.CultureInfo.InvariantCulture);
                foreach (var (id, partOf) in db.Query("SELECT id, body::jsonb ->> 'partOf' FROM record WHERE kind = 'actor'",
                             r => (new RecordId(r.GetString(0)), r.IsDBNull(1) ? null : new RecordId(r.GetString(1)))))
                {
                    if (partOf is not null) sides[id] = partOf;
                }
            }
            catch
            {
                store.writing = null;
                db.Dispose();
                throw;
            }
        }

        public IReadOnlyList<ImportOutcome> Put(IReadOnlyList<ReadyEvent> rows)
        {
            ArgumentNullException.ThrowIfNull(rows);
            var outcomes = new ImportOutcome[rows.Count];
            var known = KnownOrigins(rows);
            var taken = TakenIds(rows);
            var inBatch = new HashSet<(EventDataset, string)>();
            var newIds = new HashSet<RecordId>();
            var seen = new List<EventOrigin>();
            var records = new List<(string Id, string Body, long Sequence, byte[] Hash)>();
            var created = new List<Event>();
            var at = Now;
            for (var i = 0; i < rows.Count; i++)
            {
                var row = rows[i].Event;
                var origin = row.Origins![0];
                if (Unresolved(row) is { } unresolved)
                {
                    outcomes[i] = ImportOutcome.Refused(unresolved);
                }
                else if (!inBatch.Add((origin.Dataset, origin.Key)) || known.TryGetValue((origin.Dataset, origin.Key), out var twice) && twice.Run == run)
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
                    var stored = (Event)store.Load(db, existing.Event)!;
                    Replace(stored, SqliteStore.EventImport.Revise(stored, row));
                    outcomes[i] = ImportOutcome.Updated(existing.Event);
                }
                else if (matching is not null && datasetsInStore.Any(d => d != origin.Dataset) && FindMatch(row, matching) is var (incident, match))
                {
                    var joined = SqliteStore.EventImport.WithOrigins(incident,
                        [.. incident.Origins!, new EventOrigin(origin.Dataset, origin.Key, origin.Digest, origin.Revision, origin.Citation, match, SqliteStore.EventImport.Report(row))],
                        [.. incident.Sources.Union(row.Sources)]);
                    Replace(incident, joined);
                    outcomes[i] = ImportOutcome.Linked(incident.Id, match);
                }
                else if (taken.Contains(row.Id) || !newIds.Add(row.Id))
                {
                    var holder = Resolve(db, row.Id) ?? RecordKind.Event;
                    outcomes[i] = ImportOutcome.Refused($"'{row.Id}', the id {origin} would get, is taken by {Vocabulary.WithArticle(holder)}");
                }
                else
                {
                    // Numbered and linked here, in the order of the rows, though written at the end of the batch.
                    var (sequence, hash) = NextLink(db, at, context, row.Id.Value, RecordKind.Event, ChangeOperation.Created, null, rows[i].BodyHash);
                    records.Add((row.Id.Value, rows[i].Body, sequence, hash));
                    created.Add(row);
                    outcomes[i] = ImportOutcome.Created(row.Id);
                }
            }
            // The new events' records, their creations and their derived rows, each table by one binary COPY.
            CopyCreated(records, at);
            CopyDerived(created);
            MarkSeen(seen);
            return outcomes;
        }

        /// <summary>
        /// The records of newly created events and their creations in the change log, by binary COPY: the numbers and
        /// links of the chain were given in the order of the rows (<see cref="NextLink"/>), so the rows go in as they are.
        /// </summary>
        private void CopyCreated(List<(string Id, string Body, long Sequence, byte[] Hash)> records, string at)
        {
            if (records.Count == 0) return;
            using (var copy = db.BeginCopy("COPY record (id, kind, body, version, updated_at) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (id, body, _, _) in records)
                {
                    copy.StartRow();
                    copy.Write(id, NpgsqlDbType.Text);
                    copy.Write("event", NpgsqlDbType.Text);
                    copy.Write(body, NpgsqlDbType.Text);
                    copy.Write(1, NpgsqlDbType.Integer);
                    copy.Write(at, NpgsqlDbType.Text);
                }
                copy.Complete();
            }
            using (var copy = db.BeginCopy("COPY change (seq, recorded_at, author, command, reason, record_id, kind, operation, before, after, hash) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var (id, body, sequence, hash) in records)
                {
                    copy.StartRow();
                    copy.Write(sequence, NpgsqlDbType.Bigint);
                    copy.Write(at, NpgsqlDbType.Text);
                    copy.Write(context.Author, NpgsqlDbType.Text);
                    copy.Write(context.Command, NpgsqlDbType.Text);
                    if (context.Reason is { } reason) copy.Write(reason, NpgsqlDbType.Text);
                    else copy.WriteNull();
                    copy.Write(id, NpgsqlDbType.Text);
                    copy.Write("event", NpgsqlDbType.Text);
                    copy.Write("created", NpgsqlDbType.Text);
                    copy.WriteNull();
                    copy.Write(body, NpgsqlDbType.Text);
                    copy.Write(hash, NpgsqlDbType.Bytea);
                }
                copy.Complete();
            }
        }

        /// <summary>
        /// The derived rows of newly created events, written by binary COPY, one per table (the same rows as
        /// <see cref="PostgresRows.Gather"/> writes statement by statement): event_index first, which event_actor refers to.
        /// </summary>
        private void CopyDerived(List<Event> created)
        {
            if (created.Count == 0) return;
            foreach (var @event in created) Count(@event, 1);
            using (var copy = db.BeginCopy("COPY event_index (id, first_day, last_day, type, lon, lat, geom, place_id, is_meeting) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var @event in created)
                {
                    copy.StartRow();
                    copy.Write(@event.Id.Value, NpgsqlDbType.Text);
                    copy.Write(@event.Start.First.DayNumber, NpgsqlDbType.Integer);
                    copy.Write(@event.LastDay.DayNumber, NpgsqlDbType.Integer);
                    copy.Write(@event.Type.ToString(), NpgsqlDbType.Text);
                    // Only the event's own point, as PostgresRows writes it.
                    if (@event.Place?.Point is { } point)
                    {
                        copy.Write(point.Longitude, NpgsqlDbType.Double);
                        copy.Write(point.Latitude, NpgsqlDbType.Double);
                        copy.Write(new NetTopologySuite.Geometries.Point(point.Longitude, point.Latitude) { SRID = 4326 }, NpgsqlDbType.Geometry);
                    }
                    else
                    {
                        copy.WriteNull();
                        copy.WriteNull();
                        copy.WriteNull();
                    }
                    if (@event.Place?.Ref is { } place) copy.Write(place.Value, NpgsqlDbType.Text);
                    else copy.WriteNull();
                    copy.Write(@event.Meeting is not null, NpgsqlDbType.Boolean);
                }
                copy.Complete();
            }
            using (var copy = db.BeginCopy("COPY event_actor (event_id, actor_id) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var @event in created)
                {
                    foreach (var actor in @event.Actors.Select(a => a.Actor).Distinct())
                    {
                        copy.StartRow();
                        copy.Write(@event.Id.Value, NpgsqlDbType.Text);
                        copy.Write(actor.Value, NpgsqlDbType.Text);
                    }
                }
                copy.Complete();
            }
            using (var copy = db.BeginCopy("COPY event_origin (dataset, key, event_id, digest, run) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var @event in created)
                {
                    foreach (var origin in @event.Origins ?? [])
                    {
                        copy.StartRow();
                        copy.Write(Vocabulary.Text(origin.Dataset), NpgsqlDbType.Text);
                        copy.Write(origin.Key, NpgsqlDbType.Text);
                        copy.Write(@event.Id.Value, NpgsqlDbType.Text);
                        copy.Write(origin.Digest, NpgsqlDbType.Text);
                        copy.Write(run, NpgsqlDbType.Bigint);
                    }
                }
                copy.Complete();
            }
            using (var copy = db.BeginCopy("COPY reference (from_id, path, to_id) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var @event in created)
                {
                    // An event's actors and place are in event_actor and event_index.
                    foreach (var reference in @event.References().Where(r => !DerivedIndexes.IsIndexedElsewhere(r.Path)))
                    {
                        copy.StartRow();
                        copy.Write(@event.Id.Value, NpgsqlDbType.Text);
                        copy.Write(reference.Path, NpgsqlDbType.Text);
                        copy.Write(reference.Target.Value, NpgsqlDbType.Text);
                    }
                }
                copy.Complete();
            }
        }

        public bool Ensure(IRecord record)
        {
            ArgumentNullException.ThrowIfNull(record);
            if (Resolve(db, record.Id) is not null) return false;
            var problems = UnresolvedReferences(db, record, new Dictionary<RecordId, RecordKind?>()).ToList();
            if (problems.Count > 0) throw new StoreException($"'{record.Id}' cannot be written", problems);
            var body = CanonicalJson.Serialize(record);
            var at = Now;
            db.Execute("INSERT INTO record (id, kind, body, version, updated_at) VALUES (@id, @kind, @body, 1, @at)",
                ("id", record.Id.Value), ("kind", Vocabulary.Text(record.Kind)), ("body", body), ("at", at));
            RecordChange(db, at, context, record.Id, record.Kind, ChangeOperation.Created, null, body);
            PostgresRows.Add(db, record, run);
            if (record is Event added) Count(added, 1);
            kinds[record.Id] = record.Kind;
            if (record is Actor { PartOf: { } partOf }) sides[record.Id] = partOf;
            return true;
        }

        public bool Remove(EventDataset dataset, string key)
        {
            var found = db.Scalar("SELECT event_id FROM event_origin WHERE dataset = @dataset AND key = @key", ("dataset", Vocabulary.Text(dataset)), ("key", key));
            if (found is not string id) return false;
            var stored = (Event)store.Load(db, new RecordId(id))!;
            var rest = stored.Origins!.Where(o => !(o.Dataset == dataset && o.Key == key)).ToList();
            if (rest.Count == 0)
            {
                var citations = Citations(db, stored.Id);
                if (citations.Count > 0)
                    throw new StoreException($"{dataset.ToString().ToLowerInvariant()}:{key} was deleted upstream, but its event '{stored.Id}' is still cited by '{citations[0].From}' at {citations[0].Path}");
                var body = CanonicalJson.Serialize(stored);
                PostgresRows.Remove(db, stored.Id);
                Count(stored, -1);
                db.Execute("DELETE FROM record WHERE id = @id", ("id", id));
                RecordChange(db, Now, context, stored.Id, RecordKind.Event, ChangeOperation.Deleted, body, null);
            }
            else
            {
                Replace(stored, SqliteStore.EventImport.Promote(stored, rest));
            }
            return true;
        }

        public void Checkpoint()
        {
            if (!batched || !db.InTransaction) return;
            AddCounts();
            db.Commit();
            db.Begin();
            db.Execute(PostgresSchema.DeferredDays);
        }

        public void Complete()
        {
            if (!db.InTransaction) throw new InvalidOperationException("the import is complete already");
            AddCounts();
            db.Commit();
        }

        /// <summary>
        /// Counts an event gained or lost on its first day and, unless it is a meeting or has no point, in its cells;
        /// unless it is unlisted: event_day and event_cell leave those out (see <see cref="PostgresSchema.EventDayCounting"/>).
        /// </summary>
        private void Count(Event @event, int delta)
        {
            if (@event.IsUnlisted()) return;
            var day = @event.Start.First.DayNumber;
            var (events, meetings) = days.GetValueOrDefault(day);
            days[day] = (events + delta, meetings + (@event.Meeting is null ? 0 : delta));
            if (@event.Meeting is null && @event.Place?.Point is { } point) cells.Count(point.Longitude, point.Latitude, delta);
        }

        /// <summary>The counts per day and per cell this transaction gained and lost, into event_day and event_cell (the triggers left them alone).</summary>
        private void AddCounts()
        {
            var changed = days.Where(d => d.Value != (0, 0)).ToList();
            days.Clear();
            if (changed.Count > 0)
            {
                var dayNumbers = changed.Select(d => d.Key).ToArray();
                db.Execute(PostgresSchema.AddDays,
                    ("days", dayNumbers), ("events", changed.Select(d => d.Value.Events).ToArray()), ("meetings", changed.Select(d => d.Value.Meetings).ToArray()));
                db.Execute(PostgresSchema.DropEmptyDays, ("days", dayNumbers));
            }
            var changedCells = cells.Take();
            if (changedCells.Count == 0) return;
            var (levels, xs, ys) = (changedCells.Select(c => c.Level).ToArray(), changedCells.Select(c => c.X).ToArray(), changedCells.Select(c => c.Y).ToArray());
            db.Execute(PostgresSchema.AddCellTallies, ("levels", levels), ("xs", xs), ("ys", ys), ("counts", changedCells.Select(c => c.Count).ToArray()),
                ("lons", changedCells.Select(c => c.SumLon).ToArray()), ("lats", changedCells.Select(c => c.SumLat).ToArray()));
            db.Execute(PostgresSchema.DropEmptyCells, ("levels", levels), ("xs", xs), ("ys", ys));
        }

        /// <summary>Rolls back what is not yet committed and gives the store back.</summary>
        public void Dispose()
        {
            store.writing = null;
            db.Dispose();
            store.gate.Exit();
        }

        private string Now => Vocabulary.Text(store.clock.GetUtcNow());

        private Dictionary<(EventDataset, string), (RecordId Event, string Digest, long Run)> KnownOrigins(IReadOnlyList<ReadyEvent> rows)
        {
            var known = new Dictionary<(EventDataset, string), (RecordId, string, long)>();
            foreach (var dataset in rows.Select(r => r.Event.Origins![0].Dataset).Distinct())
            {
                var keys = rows.Select(r => r.Event.Origins![0]).Where(o => o.Dataset == dataset).Select(o => o.Key).ToArray();
                var found = db.Query(
                    "SELECT key, event_id, digest, run FROM event_origin WHERE dataset = @dataset AND key = ANY (@keys)",
                    r => (Key: r.GetString(0), Event: new RecordId(r.GetString(1)), Digest: r.GetString(2), Run: r.GetInt64(3)),
                    ("keys", keys), ("dataset", Vocabulary.Text(dataset)));
                foreach (var (key, @event, digest, seenBy) in found) known[(dataset, key)] = (@event, digest, seenBy);
            }
            return known;
        }

        private HashSet<RecordId> TakenIds(IReadOnlyList<ReadyEvent> rows)
        {
            var ids = rows.Select(r => r.Event.Id.Value).ToArray();
            return db.Query(
                "SELECT id FROM record WHERE id = ANY (@ids) UNION SELECT id FROM obligation WHERE id = ANY (@ids)",
                r => new RecordId(r.GetString(0)), ("ids", ids)).ToHashSet();
        }

        private void MarkSeen(List<EventOrigin> seen)
        {
            foreach (var group in seen.GroupBy(o => o.Dataset))
            {
                db.Execute("UPDATE event_origin SET run = @run WHERE dataset = @dataset AND key = ANY (@keys)",
                    ("run", run), ("dataset", Vocabulary.Text(group.Key)), ("keys", group.Select(o => o.Key).ToArray()));
            }
        }

        private void Replace(Event stored, Event revised)
        {
            // A dataset's row knows nothing of a restriction someone marked on its event: the marking stays.
            revised = revised with { Restricted = stored.Restricted, RestrictedFields = stored.RestrictedFields };
            var before = CanonicalJson.Serialize(stored);
            var after = CanonicalJson.Serialize(revised);
            if (before == after) return;
            var at = Now;
            db.Execute("UPDATE record SET body = @body, version = version + 1, updated_at = @at WHERE id = @id",
                ("id", stored.Id.Value), ("body", after), ("at", at));
            RecordChange(db, at, context, stored.Id, RecordKind.Event, ChangeOperation.Updated, before, after);
            PostgresRows.Remove(db, stored.Id);
            PostgresRows.Add(db, revised, run);
            Count(stored, -1);
            Count(revised, 1);
        }

        private (Event Event, OriginMatch Match)? FindMatch(Event row, EventMatching rule)
        {
            if (row.Place?.Point is not { } point) return null;
            var degreesLat = rule.SearchKm / 111.0;
            var degreesLon = degreesLat / Math.Max(Math.Cos(point.Latitude * Math.PI / 180), 0.01);
            // Days first, then the GiST index of points; events longer than a year are not candidates.
            var ids = db.Query(
                """
                SELECT i.id FROM event_index AS i
                WHERE i.first_day BETWEEN @first - 366 AND @last AND i.last_day >= @first
                  AND i.geom && ST_MakeEnvelope(@west, @south, @east, @north, 4326)
                  AND i.lon BETWEEN @west AND @east AND i.lat BETWEEN @south AND @north AND NOT i.is_meeting
                  AND EXISTS (SELECT 1 FROM event_origin AS o WHERE o.event_id = i.id AND o.dataset <> @dataset)
                  AND NOT EXISTS (SELECT 1 FROM event_origin AS o WHERE o.event_id = i.id AND o.dataset = @dataset)
                ORDER BY i.id
                """,
                r => new RecordId(r.GetString(0)),
                ("first", row.Start.First.DayNumber - rule.MaxDays), ("last", row.LastDay.DayNumber + rule.MaxDays),
                ("west", point.Longitude - degreesLon), ("east", point.Longitude + degreesLon),
                ("south", point.Latitude - degreesLat), ("north", point.Latitude + degreesLat),
                ("dataset", Vocabulary.Text(row.Origins![0].Dataset)));
            var candidates = ids.Select(id => (Event)store.Load(db, id)!);
            return rule.Best(row, candidates, SideOf);
        }

        private RecordId SideOf(RecordId actor)
        {
            var side = actor;
            for (var hops = 0; hops < 10 && sides.TryGetValue(side, out var parent); hops++) side = parent;
            return side;
        }

        private string? Unresolved(Event row)
        {
            foreach (var reference in row.References())
            {
                if (!kinds.TryGetValue(reference.Target, out var kind)) kinds[reference.Target] = kind = Resolve(db, reference.Target);
                if (kind is null) return $"{reference.Path}: '{reference.Target}' does not exist";
                if (!reference.Expected.Contains(kind.Value)) return $"{reference.Path}: '{reference.Target}' is {Vocabulary.WithArticle(kind.Value)}";
            }
            return null;
        }
    }
}
