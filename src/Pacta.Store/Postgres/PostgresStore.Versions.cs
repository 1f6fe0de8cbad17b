using Pacta.Model;
using Pacta.Store.Sqlite;

namespace Pacta.Store.Postgres;

public sealed partial class PostgresStore
{
    /// <summary>The record with its version, when it last changed and who changed it (see <see cref="SqliteStore.FindVersioned"/>).</summary>
    public VersionedRecord? FindVersioned(RecordId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Reading(db => LoadVersioned(db, id));
    }

    /// <summary>
    /// Writes one record only if the store still holds <paramref name="expectedVersion"/> of it (0: it must not exist),
    /// checked and written in one transaction under the write lock (see <see cref="SqliteStore.Write(IRecord, ChangeContext, long)"/>).
    /// </summary>
    /// <exception cref="VersionConflictException">The stored version is not the expected one.</exception>
    public VersionedRecord Write(IRecord record, ChangeContext context, long expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        CheckBatch([record]);
        return Writing(db =>
        {
            var stored = LoadVersioned(db, record.Id);
            if ((stored?.Version ?? 0) != expectedVersion) throw new VersionConflictException(record.Id, expectedVersion, stored);
            Write(db, [record], context, null);
            return LoadVersioned(db, record.Id)!;
        });
    }

    private VersionedRecord? LoadVersioned(PgSession db, RecordId id)
    {
        var rows = db.Query(
            """
            SELECT r.kind, r.body, r.version, r.updated_at,
                   (SELECT c.author FROM change AS c WHERE c.record_id = r.id ORDER BY c.seq DESC LIMIT 1)
            FROM record AS r WHERE r.id = @id
            """,
            r => (Kind: Vocabulary.Kind(r.GetString(0)), Body: r.GetString(1), Version: Convert.ToInt64(r.GetValue(2), System.Globalization.CultureInfo.InvariantCulture),
                At: Vocabulary.Instant(r.GetString(3)), By: r.IsDBNull(4) ? null : r.GetString(4)),
            ("id", id.Value));
        if (rows.Count == 0) return null;
        var row = rows[0];
        return new VersionedRecord(Read(id, row.Kind, row.Body), row.Version, row.At, row.By);
    }
}
