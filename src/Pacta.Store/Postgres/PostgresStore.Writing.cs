using Pacta.Model;
using Pacta.Store.Sqlite;

namespace Pacta.Store.Postgres;

public sealed partial class PostgresStore
{
    /// <summary>
    /// Writes records in one transaction, as the SQLite store does (<see cref="SqliteStore.Write"/>): new ones inserted,
    /// changed ones updated, unchanged ones left alone; every reference must resolve, or nothing is written.
    /// </summary>
    public WriteSummary Write(IReadOnlyCollection<IRecord> records, ChangeContext context, IReadOnlyDictionary<string, string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(context);
        CheckBatch(records);
        return Writing(db => Write(db, records, context, settings));
    }

    /// <summary>The work of <see cref="Write(IReadOnlyCollection{IRecord}, ChangeContext, IReadOnlyDictionary{string, string}?)"/>, in a write transaction already open.</summary>
    private WriteSummary Write(PgSession db, IReadOnlyCollection<IRecord> records, ChangeContext context, IReadOnlyDictionary<string, string>? settings)
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
                RecordChange(db, recordedAt, context, record.Id, record.Kind, ChangeOperation.Created, null, body);
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
                RecordChange(db, recordedAt, context, record.Id, record.Kind, ChangeOperation.Updated, stored.Value.Body, body);
                replaced.Add(record);
                updated++;
            }
            written.Add(record);
        }
        problems.AddRange(Reindex(db, written, replaced));
        var kinds = new Dictionary<RecordId, RecordKind?>();
        problems.AddRange(written.SelectMany(r => UnresolvedReferences(db, r, kinds)));
        if (problems.Count > 0) throw new StoreException($"nothing was written to {Location}", problems);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            if (GetSetting(db, key) != value)
                db.Execute("INSERT INTO pacta_meta (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                    ("key", SettingPrefix + key), ("value", value));
        }
        return new WriteSummary(created, updated, unchanged, 0);
    }

    /// <summary>Deletes records in one transaction; refuses (deleting nothing) while another record still cites one of them or one of their obligations.</summary>
    public WriteSummary Delete(IReadOnlyCollection<RecordId> ids, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(context);
        if (ids.Any(id => id is null)) throw new ArgumentException("an id to delete is missing", nameof(ids));
        return Writing(db =>
        {
            var recordedAt = Vocabulary.Text(clock.GetUtcNow());
            var problems = new List<string>();
            var gone = new List<RecordId>();
            var deleted = 0;
            foreach (var id in ids.Distinct())
            {
                if (Stored(db, id) is not { } stored)
                {
                    problems.Add(Resolve(db, id) == RecordKind.Obligation
                        ? $"'{id}' is an obligation: remove it from its document instead"
                        : $"'{id}' does not exist");
                    continue;
                }
                gone.Add(id);
                gone.AddRange(ObligationsOf(db, id));
                PostgresRows.Remove(db, id);
                db.Execute("DELETE FROM record WHERE id = @id", ("id", id.Value));
                RecordChange(db, recordedAt, context, id, stored.Kind, ChangeOperation.Deleted, stored.Body, null);
                deleted++;
            }
            problems.AddRange(gone.SelectMany(id => Citations(db, id).Select(c => $"'{id}' is still cited by '{c.From}' at {c.Path}")));
            if (problems.Count > 0) throw new StoreException($"nothing was deleted from {Location}", problems);
            return new WriteSummary(0, 0, 0, deleted);
        });
    }

    private static void CheckBatch(IReadOnlyCollection<IRecord> records)
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

    private static (RecordKind Kind, string Body)? Stored(PgSession db, RecordId id)
    {
        var rows = db.Query("SELECT kind, body FROM record WHERE id = @id", r => (Vocabulary.Kind(r.GetString(0)), r.GetString(1)), ("id", id.Value));
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>
    /// Appends a change to the history (a creation with its body: nothing here needs to save that space), numbered and
    /// linked to the chain in this write transaction (<see cref="NextLink"/>).
    /// </summary>
    private static void RecordChange(PgSession db, string recordedAt, ChangeContext context, RecordId id, RecordKind kind, ChangeOperation operation, string? before, string? after)
    {
        var (sequence, hash) = NextLink(db, recordedAt, context, id.Value, kind, operation, AuditChain.BodyHash(before), AuditChain.BodyHash(after));
        db.Execute(
            """
            INSERT INTO change (seq, recorded_at, author, command, reason, record_id, kind, operation, before, after, hash)
            VALUES (@seq, @at, @author, @command, @reason, @id, @kind, @operation, @before, @after, @hash)
            """,
            ("seq", sequence), ("at", recordedAt), ("author", context.Author), ("command", context.Command), ("reason", context.Reason),
            ("id", id.Value), ("kind", Vocabulary.Text(kind)), ("operation", Vocabulary.Text(operation)),
            ("before", before), ("after", after), ("hash", hash));
    }

    /// <summary>Rewrites the derived rows of the written records (old rows of replaced ones first); returns clashes and dropped obligations still cited.</summary>
    private static List<string> Reindex(PgSession db, List<IRecord> written, List<IRecord> replaced)
    {
        var problems = new List<string>();
        var held = new List<(RecordId Obligation, RecordId Document)>();
        foreach (var record in replaced)
        {
            held.AddRange(ObligationsOf(db, record.Id).Select(o => (o, record.Id)));
            PostgresRows.Remove(db, record.Id);
        }
        foreach (var record in written)
        {
            var clashes = IdClashes(db, record);
            problems.AddRange(clashes);
            if (clashes.Count == 0) PostgresRows.Add(db, record);
        }
        var writtenIds = written.Select(r => r.Id).ToHashSet();
        foreach (var (obligation, document) in held.Where(h => Resolve(db, h.Obligation) is null))
        {
            problems.AddRange(Citations(db, obligation)
                .Where(c => !writtenIds.Contains(new RecordId(c.From)))
                .Select(c => $"'{document}' no longer holds obligation '{obligation}', which '{c.From}' still cites at {c.Path}"));
        }
        return problems;
    }

    private static List<string> IdClashes(PgSession db, IRecord record)
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

    private static IEnumerable<string> UnresolvedReferences(PgSession db, IRecord record, Dictionary<RecordId, RecordKind?> kinds)
    {
        foreach (var reference in record.References())
        {
            if (!kinds.TryGetValue(reference.Target, out var kind)) kinds[reference.Target] = kind = Resolve(db, reference.Target);
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

    private static RecordId? HolderOf(PgSession db, RecordId obligation) =>
        db.Scalar("SELECT document_id FROM obligation WHERE id = @id", ("id", obligation.Value)) is string document ? new RecordId(document) : null;

    private static List<RecordId> ObligationsOf(PgSession db, RecordId document) =>
        db.Query("SELECT id FROM obligation WHERE document_id = @id", r => new RecordId(r.GetString(0)), ("id", document.Value));

    private static List<(string From, string Path)> Citations(PgSession db, RecordId id) =>
        db.Query(
            """
            SELECT from_id, path FROM reference WHERE to_id = @id
            UNION ALL SELECT event_id, 'actors' FROM event_actor WHERE actor_id = @id
            UNION ALL SELECT id, 'place.ref' FROM event_index WHERE place_id = @id
            ORDER BY 1, 2
            """,
            r => (r.GetString(0), r.GetString(1)), ("id", id.Value));
}
