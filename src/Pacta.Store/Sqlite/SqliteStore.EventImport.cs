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

    /// <summary>One import of dataset rows into the store: see <see cref="BeginEventImport"/>; its rules are <see cref="DatasetImport"/>'s.</summary>
    internal sealed class EventImport : DatasetImport
    {
        private readonly SqliteStore store;
        private readonly StoreConnection db;
        private readonly EventTally cells = new();
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
        private DateTimeOffset batchTime;
        private Utf8Text batchAt = Utf8Text.Of("");

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
        public override int RowsPerPut => 64;

        internal EventImport(SqliteStore store, ChangeContext context, EventMatching? matching, bool batched)
            : base(store.records, context, matching, batched)
        {
            this.store = store;
            db = store.db;
            author = Utf8Text.Of(context.Author);
            command = Utf8Text.Of(context.Command);
            reason = context.Reason is { } why ? Utf8Text.Of(why) : null;
            newRecords = new MultiRowInsert(db, RecordSql);
            newChanges = new MultiRowInsert(db, ChangeSql);
            newRows = new EventRows(db);
            Start(db, "SELECT id, json_extract(body, '$.partOf') FROM record WHERE kind = 'actor'");
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

        /// <summary>Everything SQLite writes for a new event, worked out on the reading thread.</summary>
        public override ReadyEvent Ready(Event row) => ReadyEvent.From(row, sqliteRows: true);

        /// <summary>With a batched import, commits what is written so far and goes on in a new transaction.</summary>
        public override void Checkpoint()
        {
            if (!Batched || !open) return;
            Commit();
            Begin();
        }

        /// <summary>Commits everything written; the import is over.</summary>
        public override void Complete()
        {
            if (!open) throw new InvalidOperationException("the import is complete already");
            Commit();
        }

        /// <summary>Rolls back what is not yet committed and gives the store back.</summary>
        public override void Dispose()
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

        protected override ISqlSession Session => db;

        protected override string Now => Vocabulary.Text(store.clock.GetUtcNow());

        /// <summary>
        /// Past <see cref="FilterFrom"/> rows, the store is asked only about the keys and ids <see cref="AbsentKeys"/>
        /// cannot rule out; the filter is made from the tables, so what is gathered but not yet written goes in first.
        /// </summary>
        protected override void BeginBatch(IReadOnlyList<ReadyEvent> rows)
        {
            rowsPut += rows.Count;
            if (absent is null && rowsPut > FilterFrom)
            {
                FlushPending();
                absent = AbsentKeys.Of(db);
            }
            batchTime = store.clock.GetUtcNow();
            batchAt = Utf8Text.Of(Vocabulary.Text(batchTime));
        }

        /// <summary>New events are written <see cref="PendingEvents"/> at a time (<see cref="FlushPending"/>), in statements of many rows.</summary>
        protected override void EndBatch()
        {
            if (pendingIds.Count >= PendingEvents) FlushPending();
        }

        protected override Dictionary<(EventDataset, string), (RecordId Event, string Digest, long Run)> KnownOrigins(IReadOnlyList<ReadyEvent> rows)
        {
            if (absent is not null) rows = [.. rows.Where(r => absent.MayHave(r.Rows.KeyHash))];
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

        protected override HashSet<RecordId> TakenIds(IReadOnlyList<ReadyEvent> rows)
        {
            if (absent is not null) rows = [.. rows.Where(r => absent.MayHave(r.Rows.IdHash))];
            if (rows.Count == 0) return [];
            var ids = JsonSerializer.Serialize(rows.Select(r => r.Event.Id.Value));
            return db.Query(
                """
                SELECT k.value FROM json_each($ids) AS k
                WHERE EXISTS (SELECT 1 FROM record AS r WHERE r.id = k.value) OR EXISTS (SELECT 1 FROM obligation AS o WHERE o.id = k.value)
                """,
                r => new RecordId(r.GetString(0)), ("$ids", ids)).ToHashSet();
        }

        protected override void MarkSeen(List<EventOrigin> seen)
        {
            foreach (var group in seen.GroupBy(o => o.Dataset))
            {
                db.Execute("UPDATE event_origin SET run = $run WHERE dataset = $dataset AND key IN (SELECT value FROM json_each($keys))",
                    ("$run", Run), ("$dataset", Vocabulary.Text(group.Key)), ("$keys", JsonSerializer.Serialize(group.Select(o => o.Key))));
            }
        }

        protected override bool IsGathered((EventDataset Dataset, string Key) key) => pendingKeys.Contains(key);

        protected override bool TakeId(RecordId id) => pendingIds.Add(id);

        /// <summary>Gathers a new event: every text of its rows was encoded as UTF-8 on the reading thread (EventRowValues), or once for the import.</summary>
        protected override void Create(ReadyEvent row)
        {
            var values = row.Rows;
            var origin = row.Event.Origins![0];
            newRecords.Add(values.Id, row.Utf8Body, batchAt);
            var (sequence, hash) = store.NextLink(batchTime, Context, row.Event.Id.Value, RecordKind.Event, ChangeOperation.Created, null, row.BodyHash);
            newChanges.Add(sequence, batchAt, author, command, reason, values.Id, hash);
            DerivedIndexes.Add(db, row.Event, values, cells, Run, newRows);
            pendingKeys.Add((origin.Dataset, origin.Key));
            absent?.Add(values.KeyHash);
            absent?.Add(values.IdHash);
        }

        protected override void Joined(EventOrigin origin) => absent?.AddKey(origin.Dataset, origin.Key);

        protected override void WriteGathered() => FlushPending();

        // An id a gathered event took is an event's, though not yet in the table.
        protected override RecordKind? KindOf(RecordId id) => pendingIds.Contains(id) ? RecordKind.Event : base.KindOf(id);

        protected override void Recorded(string at, IRecord record, ChangeOperation operation, string? before, string? after)
        {
            store.RecordChange(at, Context, record.Id, record.Kind, operation, before, after);
            if (operation == ChangeOperation.Created) absent?.AddId(record.Id.Value);
        }

        protected override void AddDerived(IRecord record) => DerivedIndexes.Add(db, record, cells, Run);

        protected override void RemoveDerived(IRecord stored) => DerivedIndexes.Remove(db, stored.Id, cells);

        protected override List<RecordId> MatchCandidates(Event row, EventMatching rule, (double West, double South, double East, double North) box) =>
            // Days first: in one region most events lie within the search box, but few within a day or two.
            // Events longer than a year are not candidates (no dataset row spans more than a year).
            db.Query(
                """
                SELECT i.id FROM event_index AS i
                WHERE i.first_day BETWEEN $first - 366 AND $last AND i.last_day >= $first
                  AND i.lon BETWEEN $west AND $east AND i.lat BETWEEN $south AND $north AND i.is_meeting = 0
                  AND EXISTS (SELECT 1 FROM event_origin AS o WHERE o.event_id = i.id AND o.dataset <> $dataset)
                  AND NOT EXISTS (SELECT 1 FROM event_origin AS o WHERE o.event_id = i.id AND o.dataset = $dataset)
                """,
                r => new RecordId(r.GetString(0)),
                ("$first", row.Start.First.DayNumber - rule.MaxDays), ("$last", row.LastDay.DayNumber + rule.MaxDays),
                ("$west", box.West), ("$east", box.East), ("$south", box.South), ("$north", box.North),
                ("$dataset", Vocabulary.Text(row.Origins![0].Dataset)));

        /// <summary>The connection's page cache and foreign-key checks as they were before the import.</summary>
        private void RestoreSettings()
        {
            db.Execute($"PRAGMA cache_size = {Convert.ToInt64(previousCacheSize, System.Globalization.CultureInfo.InvariantCulture)}");
            db.Execute("PRAGMA foreign_keys = ON");
        }

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
    }
}
