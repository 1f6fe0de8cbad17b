using Pacta.Model;

namespace Pacta.Store.Postgres;

public sealed partial class PostgresStore
{
    /// <summary>The record with its version, when it last changed and who changed it (see <see cref="SqliteStore.FindVersioned"/>).</summary>
    public VersionedRecord? FindVersioned(RecordId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Reading(db => records.LoadVersioned(db, id));
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
        RecordBook.CheckBatch([record]);
        return Writing(db => records.Write(db, record, context, expectedVersion));
    }
}
