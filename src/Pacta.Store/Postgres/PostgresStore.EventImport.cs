using NpgsqlTypes;
using Pacta.Imports;
using Pacta.Model;

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

    /// <summary>One import of dataset rows into a PostgreSQL store: see <see cref="BeginEventImport"/>; its rules are <see cref="DatasetImport"/>'s.</summary>
    private sealed class EventImport : DatasetImport
    {
        private readonly PostgresStore store;
        private readonly PgSession db;

        /// <summary>Events (and meetings) gained and lost per first day in this transaction, added to event_day before it commits.</summary>
        private readonly Dictionary<int, (long Events, long Meetings)> days = [];

        /// <summary>The cells of the kept grid gained and lost in this transaction, added to event_cell before it commits.</summary>
        private readonly CellTally cells = new();

        // The batch's new events: numbered and linked in the order of the rows, written by COPY at the end of the batch.
        private readonly HashSet<RecordId> newIds = [];
        private readonly List<(string Id, string Body, long Sequence, byte[] Hash)> records = [];
        private readonly List<ReadyEvent> created = [];
        private string batchAt = "";

        /// <summary>Each call costs some ten statements and their round trips, so thousands of rows share them.</summary>
        public override int RowsPerPut => 2_000;

        public EventImport(PostgresStore store, ChangeContext context, EventMatching? matching, bool batched)
            : base(store.records, context, matching, batched)
        {
            this.store = store;
            db = PgSession.ForWriting(store.source, store.WriteWait);
            try
            {
                store.writing = db;
                db.Execute(PostgresSchema.DeferredDays);
                Start(db, "SELECT id, body::jsonb ->> 'partOf' FROM record WHERE kind = 'actor'");
            }
            catch
            {
                store.writing = null;
                db.Dispose();
                throw;
            }
        }

        /// <summary>The body and its hash: the rows SQLite would want besides are of no use here.</summary>
        public override ReadyEvent Ready(Event row) => ReadyEvent.From(row, sqliteRows: false);

        public override void Checkpoint()
        {
            if (!Batched || !db.InTransaction) return;
            AddCounts();
            db.Commit();
            db.Begin();
            db.Execute(PostgresSchema.DeferredDays);
        }

        public override void Complete()
        {
            if (!db.InTransaction) throw new InvalidOperationException("the import is complete already");
            AddCounts();
            db.Commit();
        }

        /// <summary>Rolls back what is not yet committed and gives the store back.</summary>
        public override void Dispose()
        {
            store.writing = null;
            db.Dispose();
            store.gate.Exit();
        }

        protected override ISqlSession Session => db;

        protected override string Now => Vocabulary.Text(store.clock.GetUtcNow());

        protected override void BeginBatch(IReadOnlyList<ReadyEvent> rows)
        {
            newIds.Clear();
            batchAt = Now;
        }

        /// <summary>The batch's new events' records, their creations and their derived rows, each table by one binary COPY.</summary>
        protected override void EndBatch()
        {
            CopyCreated(records, batchAt);
            CopyDerived(created);
            records.Clear();
            created.Clear();
        }

        protected override Dictionary<(EventDataset, string), (RecordId Event, string Digest, long Run)> KnownOrigins(IReadOnlyList<ReadyEvent> rows)
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

        protected override HashSet<RecordId> TakenIds(IReadOnlyList<ReadyEvent> rows)
        {
            var ids = rows.Select(r => r.Event.Id.Value).ToArray();
            return db.Query(
                "SELECT id FROM record WHERE id = ANY (@ids) UNION SELECT id FROM obligation WHERE id = ANY (@ids)",
                r => new RecordId(r.GetString(0)), ("ids", ids)).ToHashSet();
        }

        protected override void MarkSeen(List<EventOrigin> seen)
        {
            foreach (var group in seen.GroupBy(o => o.Dataset))
            {
                db.Execute("UPDATE event_origin SET run = @run WHERE dataset = @dataset AND key = ANY (@keys)",
                    ("run", Run), ("dataset", Vocabulary.Text(group.Key)), ("keys", group.Select(o => o.Key).ToArray()));
            }
        }

        protected override bool TakeId(RecordId id) => newIds.Add(id);

        protected override void Create(ReadyEvent row)
        {
            // Numbered and linked here, in the order of the rows, though written at the end of the batch.
            var (sequence, hash) = NextLink(db, batchAt, Context, row.Event.Id.Value, RecordKind.Event, ChangeOperation.Created, null, row.BodyHash);
            records.Add((row.Event.Id.Value, row.Body, sequence, hash));
            created.Add(row);
        }

        protected override void Recorded(string at, IRecord record, ChangeOperation operation, string? before, string? after) =>
            RecordChange(db, at, Context, record.Id, record.Kind, operation, before, after);

        protected override void AddDerived(IRecord record)
        {
            PostgresRows.Add(db, record, Run);
            if (record is Event added) Count(added, 1);
        }

        protected override void RemoveDerived(IRecord stored)
        {
            PostgresRows.Remove(db, stored.Id);
            if (stored is Event removed) Count(removed, -1);
        }

        protected override List<RecordId> MatchCandidates(Event row, EventMatching rule, (double West, double South, double East, double North) box) =>
            // Days first, then the GiST index of points; events longer than a year are not candidates.
            db.Query(
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
                ("west", box.West), ("east", box.East), ("south", box.South), ("north", box.North),
                ("dataset", Vocabulary.Text(row.Origins![0].Dataset)));

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
                    copy.Write(Context.Author, NpgsqlDbType.Text);
                    copy.Write(Context.Command, NpgsqlDbType.Text);
                    if (Context.Reason is { } reason) copy.Write(reason, NpgsqlDbType.Text);
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
        private void CopyDerived(List<ReadyEvent> created)
        {
            if (created.Count == 0) return;
            foreach (var ready in created) Count(ready.Event, 1);
            using (var copy = db.BeginCopy("COPY event_index (id, first_day, last_day, type, lon, lat, geom, place_id, is_meeting) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var @event in created.Select(r => r.Event))
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
                foreach (var @event in created.Select(r => r.Event))
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
                foreach (var @event in created.Select(r => r.Event))
                {
                    foreach (var origin in @event.Origins ?? [])
                    {
                        copy.StartRow();
                        copy.Write(Vocabulary.Text(origin.Dataset), NpgsqlDbType.Text);
                        copy.Write(origin.Key, NpgsqlDbType.Text);
                        copy.Write(@event.Id.Value, NpgsqlDbType.Text);
                        copy.Write(origin.Digest, NpgsqlDbType.Text);
                        copy.Write(Run, NpgsqlDbType.Bigint);
                    }
                }
                copy.Complete();
            }
            using (var copy = db.BeginCopy("COPY reference (from_id, path, to_id) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var ready in created)
                {
                    // An event's actors and place are in event_actor and event_index.
                    foreach (var reference in ready.References.Where(r => !DerivedRows.IsIndexedElsewhere(r.Path)))
                    {
                        copy.StartRow();
                        copy.Write(ready.Event.Id.Value, NpgsqlDbType.Text);
                        copy.Write(reference.Path, NpgsqlDbType.Text);
                        copy.Write(reference.Target.Value, NpgsqlDbType.Text);
                    }
                }
                copy.Complete();
            }
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

    }
}
