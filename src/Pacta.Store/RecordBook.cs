using System.Data.Common;
using System.Globalization;
using Pacta.Model;

namespace Pacta.Store;

/// <summary>
/// Records, their versions, history and settings as both stores keep them (the <c>record</c>, <c>obligation</c>,
/// <c>reference</c> and <c>change</c> tables), read and written through the session interface they share
/// (<see cref="ISqlSession"/>). Each store calls it inside its own reads and write transactions, and keeps what it does
/// its own way (<see cref="IRecordKeeping"/>): the change rows, the derived rows, and the SQLite store's older schemas.
/// </summary>
/// <param name="named">The store as its messages name it: a quoted path, or a PostgreSQL location.</param>
/// <param name="metaTable">The table of the store's settings, shared with its schema version under other keys.</param>
/// <param name="keeping">What the store does its own way in a write: the store itself.</param>
/// <param name="clock">Where a write reads the time it records.</param>
internal sealed class RecordBook(string named, string metaTable, IRecordKeeping keeping, TimeProvider clock)
{
    // Settings share the meta table with the schema version, under a prefix of their own.
    private const string SettingPrefix = "setting.";

    /// <summary>The record with this id, of any kind; null when there is none.</summary>
    public IRecord? Load(ISqlSession db, RecordId id) =>
        Stored(db, id) is { } stored ? Read(id, stored.Kind, stored.Body) : null;

    /// <summary>A record from its stored body.</summary>
    /// <exception cref="StoreException">The body cannot be read as a record of its kind.</exception>
    public IRecord Read(RecordId id, RecordKind kind, string body)
    {
        try
        {
            return CanonicalJson.Deserialize(kind, body);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or ArgumentException)
        {
            throw new StoreException($"the {Vocabulary.Text(kind)} '{id}' in {named} cannot be read: {e.Message}", e);
        }
    }

    /// <summary>The kind and body the store holds for a record id; null when there is no such record.</summary>
    private static (RecordKind Kind, string Body)? Stored(ISqlSession db, RecordId id)
    {
        var rows = db.Query("SELECT kind, body FROM record WHERE id = @id", r => (Vocabulary.Kind(r.GetString(0)), r.GetString(1)), ("id", id.Value));
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>An obligation with the document and provision that hold it; null when no document holds one of that id.</summary>
    public ObligationInContext? FindObligation(ISqlSession db, RecordId id)
    {
        var holder = db.Query("SELECT document_id, provision_eid FROM obligation WHERE id = @id",
            r => (Document: new RecordId(r.GetString(0)), Provision: r.GetString(1)), ("id", id.Value));
        return holder.Count == 0 ? null : ObligationInContext.In((Document)Load(db, holder[0].Document)!, holder[0].Provision, id);
    }

    /// <summary>Every record of a kind, ordered by id.</summary>
    public List<IRecord> All(ISqlSession db, RecordKind kind) =>
        db.Query("SELECT id, body FROM record WHERE kind = @kind ORDER BY id",
            r => Read(new RecordId(r.GetString(0)), kind, r.GetString(1)), ("kind", Vocabulary.Text(kind)));

    /// <summary>How many of each kind the store holds, obligations included; every kind is listed, with zero when there are none.</summary>
    public static IReadOnlyDictionary<RecordKind, int> Counts(ISqlSession db)
    {
        var counts = Enum.GetValues<RecordKind>().ToDictionary(k => k, _ => 0);
        foreach (var (kind, count) in db.Query("SELECT kind, COUNT(*) FROM record GROUP BY kind", r => (Vocabulary.Kind(r.GetString(0)), r.GetInt64(1))))
            counts[kind] = (int)count;
        counts[RecordKind.Obligation] = Convert.ToInt32(db.Scalar("SELECT COUNT(*) FROM obligation"), CultureInfo.InvariantCulture);
        return counts;
    }

    /// <summary>Every record that carries a restriction marking, ordered by id.</summary>
    public static List<RestrictedRecord> Restricted(ISqlSession db) =>
        db.Query("SELECT id, kind, whole, unlisted FROM restricted_record ORDER BY id", r => new RestrictedRecord(
            new RecordId(r.GetString(0)), Vocabulary.Kind(r.GetString(1)), Convert.ToBoolean(r.GetValue(2), CultureInfo.InvariantCulture), Convert.ToBoolean(r.GetValue(3), CultureInfo.InvariantCulture)));

    /// <summary>The record with its version, when it last changed and who changed it; null when there is none.</summary>
    public VersionedRecord? LoadVersioned(ISqlSession db, RecordId id)
    {
        var rows = db.Query(
            """
            SELECT r.kind, r.body, r.version, r.updated_at,
                   (SELECT c.author FROM change AS c WHERE c.record_id = r.id ORDER BY c.seq DESC LIMIT 1)
            FROM record AS r WHERE r.id = @id
            """,
            r => (Kind: Vocabulary.Kind(r.GetString(0)), Body: r.GetString(1), Version: Convert.ToInt64(r.GetValue(2), CultureInfo.InvariantCulture),
                At: Vocabulary.Instant(r.GetString(3)), By: r.IsDBNull(4) ? null : r.GetString(4)),
            ("id", id.Value));
        if (rows.Count == 0) return null;
        var row = rows[0];
        return new VersionedRecord(Read(id, row.Kind, row.Body), row.Version, row.At, row.By);
    }

    /// <summary>The record as stored, checked to be at the version its writer read (0: it must not exist): the check of a conditional write.</summary>
    /// <exception cref="VersionConflictException">The stored version is another.</exception>
    public VersionedRecord? AtVersion(ISqlSession db, RecordId id, long expectedVersion)
    {
        var stored = LoadVersioned(db, id);
        return (stored?.Version ?? 0) == expectedVersion ? stored : throw new VersionConflictException(id, expectedVersion, stored);
    }

    /// <summary>
    /// Writes records in a write transaction already open: inserts the new, updates the changed and leaves alone those
    /// whose canonical JSON is unchanged (no write, no history). Then every reference of every written record must
    /// resolve to an id of a kind it allows; if any does not, it throws and the caller rolls back.
    /// </summary>
    /// <exception cref="StoreException">A reference does not resolve, an id is taken by another kind, or an obligation a record cites was dropped.</exception>
    public WriteSummary Write(ISqlSession db, IReadOnlyCollection<IRecord> records, ChangeContext context, IReadOnlyDictionary<string, string>? settings)
    {
        var recordedAt = Vocabulary.Text(clock.GetUtcNow());
        var problems = new List<string>();
        var written = new List<IRecord>();
        var replaced = new List<IRecord>();
        int created = 0, updated = 0, unchanged = 0;
        foreach (var record in records)
        {
            var body = CanonicalJson.Serialize(record);
            var stored = Stored(db, record.Id);
            if (stored is null)
            {
                db.Execute("INSERT INTO record (id, kind, body, version, updated_at) VALUES (@id, @kind, @body, 1, @at)",
                    ("id", record.Id.Value), ("kind", Vocabulary.Text(record.Kind)), ("body", body), ("at", recordedAt));
                keeping.RecordChange(db, recordedAt, context, record.Id, record.Kind, ChangeOperation.Created, null, body);
                created++;
            }
            else if (stored.Value.Kind != record.Kind)
            {
                problems.Add($"'{record.Id}' is the id of {Vocabulary.WithArticle(stored.Value.Kind)} already; it cannot also name {Vocabulary.WithArticle(record.Kind)}");
                continue;
            }
            else if (stored.Value.Body == body)
            {
                unchanged++;
                continue;
            }
            else
            {
                db.Execute("UPDATE record SET body = @body, version = version + 1, updated_at = @at WHERE id = @id",
                    ("id", record.Id.Value), ("body", body), ("at", recordedAt));
                keeping.RecordChange(db, recordedAt, context, record.Id, record.Kind, ChangeOperation.Updated, stored.Value.Body, body);
                replaced.Add(record);
                updated++;
            }
            written.Add(record);
        }
        if (keeping.KeepsDerivedRows) problems.AddRange(Reindex(db, written, replaced));
        var kinds = new Dictionary<RecordId, RecordKind?>();
        problems.AddRange(written.SelectMany(r => UnresolvedReferences(r, kinds, id => keeping.Resolve(db, id))));
        if (problems.Count > 0) throw new StoreException($"nothing was written to {named}", problems);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            if (Setting(db, key) != value)
                db.Execute($"INSERT INTO {metaTable} (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    ("key", SettingPrefix + key), ("value", value));
        }
        return new WriteSummary(created, updated, unchanged, 0);
    }

    /// <summary>
    /// Writes one record in a write transaction already open, only if the store still holds the version its writer read
    /// (<see cref="AtVersion"/>); the record as stored after the write.
    /// </summary>
    public VersionedRecord Write(ISqlSession db, IRecord record, ChangeContext context, long expectedVersion)
    {
        AtVersion(db, record.Id, expectedVersion);
        Write(db, [record], context, null);
        return LoadVersioned(db, record.Id)!;
    }

    /// <summary>
    /// Deletes records in a write transaction already open. Throws (and the caller rolls back) while any other record
    /// still cites one of them or one of their obligations; records deleted together may cite each other.
    /// </summary>
    /// <exception cref="StoreException">An id does not name a record, or a record is still cited.</exception>
    public WriteSummary Delete(ISqlSession db, IReadOnlyCollection<RecordId> ids, ChangeContext context)
    {
        var recordedAt = Vocabulary.Text(clock.GetUtcNow());
        var problems = new List<string>();
        var gone = new List<RecordId>();
        var deleted = 0;
        foreach (var id in ids.Distinct())
        {
            if (Stored(db, id) is not { } stored)
            {
                problems.Add(keeping.Resolve(db, id) == RecordKind.Obligation
                    ? $"'{id}' is an obligation: remove it from its document instead"
                    : $"'{id}' does not exist");
                continue;
            }
            gone.Add(id);
            gone.AddRange(ObligationsOf(db, id));
            keeping.RemoveRows(db, id);
            db.Execute("DELETE FROM record WHERE id = @id", ("id", id.Value));
            keeping.RecordChange(db, recordedAt, context, id, stored.Kind, ChangeOperation.Deleted, stored.Body, null);
            deleted++;
        }
        // The deleted records' own references went with them: what is left is cited from elsewhere.
        problems.AddRange(gone.SelectMany(id => Citations(db, id).Select(c => $"'{id}' is still cited by '{c.From}' at {c.Path}")));
        if (problems.Count > 0) throw new StoreException($"nothing was deleted from {named}", problems);
        return new WriteSummary(0, 0, 0, deleted);
    }

    /// <summary>Checks a batch before any transaction: no record missing, none whose type and kind disagree, none twice.</summary>
    public static void CheckBatch(IReadOnlyCollection<IRecord> records)
    {
        var ids = new HashSet<RecordId>();
        foreach (var record in records)
        {
            if (record is null) throw new ArgumentException("a record to write is missing", nameof(records));
            if (CanonicalJson.KindOf(record.GetType()) != record.Kind)
                throw new ArgumentException($"{record.GetType().Name} '{record.Id}' gives its kind as {Vocabulary.Text(record.Kind)}", nameof(records));
            if (!ids.Add(record.Id))
                throw new ArgumentException($"'{record.Id}' is written twice in one write", nameof(records));
        }
    }

    /// <summary>A store-wide setting (such as the description of the dataset last imported), or null.</summary>
    public string? Setting(ISqlSession db, string key) =>
        db.Scalar($"SELECT value FROM {metaTable} WHERE key = @key", ("key", SettingPrefix + key)) as string;

    /// <summary>The kind of whatever has this id, obligations included (from the obligation table, schema 2 on); null when nothing has it.</summary>
    public static RecordKind? KindOf(ISqlSession db, RecordId id) =>
        db.Scalar("SELECT kind FROM record WHERE id = @id UNION ALL SELECT 'obligation' FROM obligation WHERE id = @id LIMIT 1", ("id", id.Value)) is string kind
            ? Vocabulary.Kind(kind)
            : null;

    /// <summary>Each reference of a record that does not resolve, or resolves to a kind it does not allow; <paramref name="kinds"/> keeps the kinds looked up.</summary>
    public static IEnumerable<string> UnresolvedReferences(IRecord record, Dictionary<RecordId, RecordKind?> kinds, Func<RecordId, RecordKind?> resolve)
    {
        foreach (var reference in record.References())
        {
            if (!kinds.TryGetValue(reference.Target, out var kind)) kinds[reference.Target] = kind = resolve(reference.Target);
            if (kind is null)
            {
                yield return $"'{record.Id}' {reference.Path}: '{reference.Target}' does not exist";
            }
            else if (!reference.Expected.Contains(kind.Value))
            {
                var expected = reference.Expected.Count == 1
                    ? Vocabulary.WithArticle(reference.Expected[0])
                    : "one of " + string.Join(", ", reference.Expected.Select(Vocabulary.Text));
                yield return $"'{record.Id}' {reference.Path}: '{reference.Target}' is {Vocabulary.WithArticle(kind.Value)}, not {expected}";
            }
        }
    }

    /// <summary>Whatever cites a record: other records' references, events' actors and places; by citing id, then path.</summary>
    public static List<(string From, string Path)> Citations(ISqlSession db, RecordId id) =>
        db.Query(
            """
            SELECT from_id, path FROM reference WHERE to_id = @id
            UNION ALL SELECT event_id, 'actors' FROM event_actor WHERE actor_id = @id
            UNION ALL SELECT id, 'place.ref' FROM event_index WHERE place_id = @id
            ORDER BY 1, 2
            """,
            r => (r.GetString(0), r.GetString(1)), ("id", id.Value));

    /// <summary>The changes of a record, oldest first; <paramref name="selectChange"/> reads <c>change AS c</c> in <see cref="ReadChange"/>'s columns.</summary>
    public static List<Change> History(ISqlSession db, string selectChange, RecordId id) =>
        db.Query($"{selectChange} WHERE c.record_id = @id ORDER BY c.seq", ReadChange, ("id", id.Value));

    /// <summary>The changes recorded after a number, oldest first, at most <paramref name="limit"/>.</summary>
    public static List<Change> Changes(ISqlSession db, string selectChange, long afterSequence, int limit) =>
        db.Query($"{selectChange} WHERE c.seq > @after ORDER BY c.seq LIMIT @limit", ReadChange, ("after", afterSequence), ("limit", limit));

    /// <summary>
    /// A change from its columns: seq, recorded_at, author, command, reason, record_id, kind, operation, before, after,
    /// hash (NULL in a store older than the chain).
    /// </summary>
    public static Change ReadChange(DbDataReader r) => new(
        r.GetInt64(0),
        Vocabulary.Instant(r.GetString(1)),
        r.GetString(2),
        r.GetString(3),
        r.IsDBNull(4) ? null : r.GetString(4),
        new RecordId(r.GetString(5)),
        Vocabulary.Kind(r.GetString(6)),
        Vocabulary.Operation(r.GetString(7)),
        r.IsDBNull(8) ? null : r.GetString(8),
        r.IsDBNull(9) ? null : r.GetString(9),
        r.GetValue(10) is byte[] hash ? AuditChain.Hex(hash) : null);

    /// <summary>
    /// Rewrites the derived rows of the written records: the old rows of every replaced record are removed
    /// before any new row is added, so an obligation may move between documents written together (a created
    /// record has no rows yet). Returns the ids that clash and the dropped obligations still cited.
    /// </summary>
    private List<string> Reindex(ISqlSession db, List<IRecord> written, List<IRecord> replaced)
    {
        var problems = new List<string>();
        var held = new List<(RecordId Obligation, RecordId Document)>();
        foreach (var record in replaced)
        {
            held.AddRange(ObligationsOf(db, record.Id).Select(o => (o, record.Id)));
            keeping.RemoveRows(db, record.Id);
        }
        foreach (var record in written)
        {
            var clashes = IdClashes(db, record);
            problems.AddRange(clashes);
            if (clashes.Count == 0) keeping.AddRows(db, record);
        }
        var writtenIds = written.Select(r => r.Id).ToHashSet();
        foreach (var (obligation, document) in held.Where(h => keeping.Resolve(db, h.Obligation) is null))
        {
            problems.AddRange(Citations(db, obligation)
                .Where(c => !writtenIds.Contains(new RecordId(c.From)))
                .Select(c => $"'{document}' no longer holds obligation '{obligation}', which '{c.From}' still cites at {c.Path}"));
        }
        return problems;
    }

    /// <summary>Records and obligations share one namespace of ids: a new id must not be taken by the other.</summary>
    private static List<string> IdClashes(ISqlSession db, IRecord record)
    {
        var clashes = new List<string>();
        if (HolderOf(db, record.Id) is { } holder)
            clashes.Add($"'{record.Id}' is the id of an obligation of '{holder}' already; it cannot also name {Vocabulary.WithArticle(record.Kind)}");
        if (record is not Document document) return clashes;
        foreach (var obligation in document.Obligations)
        {
            if (Stored(db, obligation.Id) is { } stored)
                clashes.Add($"'{document.Id}' has an obligation '{obligation.Id}', which is the id of {Vocabulary.WithArticle(stored.Kind)} already");
            else if (HolderOf(db, obligation.Id) is { } other)
                clashes.Add($"'{document.Id}' has an obligation '{obligation.Id}', which is an obligation of '{other}' already");
        }
        return clashes;
    }

    private static RecordId? HolderOf(ISqlSession db, RecordId obligation) =>
        db.Scalar("SELECT document_id FROM obligation WHERE id = @id", ("id", obligation.Value)) is string document ? new RecordId(document) : null;

    private static List<RecordId> ObligationsOf(ISqlSession db, RecordId document) =>
        db.Query("SELECT id FROM obligation WHERE document_id = @id", r => new RecordId(r.GetString(0)), ("id", document.Value));
}

/// <summary>What a write of records does in each store's own way (<see cref="RecordBook"/>), always in the write transaction of <c>db</c>.</summary>
internal interface IRecordKeeping
{
    /// <summary>Whether the store keeps derived rows (obligations, references, events, places) to write: not SQLite's schema 1.</summary>
    bool KeepsDerivedRows { get; }

    /// <summary>The kind of whatever has this id, obligations included; null when nothing has it.</summary>
    RecordKind? Resolve(ISqlSession db, RecordId id);

    /// <summary>Appends a change to the history, linked to the hash chain where the store keeps one.</summary>
    void RecordChange(ISqlSession db, string recordedAt, ChangeContext context, RecordId id, RecordKind kind, ChangeOperation operation, string? before, string? after);

    /// <summary>Adds the derived rows of a record just written.</summary>
    void AddRows(ISqlSession db, IRecord record);

    /// <summary>Removes the derived rows of a record about to be replaced or deleted.</summary>
    void RemoveRows(ISqlSession db, RecordId id);
}
