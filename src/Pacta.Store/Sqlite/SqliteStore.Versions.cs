using Pacta.Model;

namespace Pacta.Store;

public sealed partial class SqliteStore
{
    /// <summary>
    /// The record with this id, with its version (1 when created, one more at each change), when the store last
    /// changed it and who made that change; null when there is none. Read in one transaction: the version is the body's.
    /// </summary>
    public VersionedRecord? FindVersioned(RecordId id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Reading(db => records.LoadVersioned(db, id));
    }

    /// <summary>
    /// Writes one record only if the store still holds the version the writer read: <paramref name="expectedVersion"/>
    /// 0 means the record must not exist yet (a creation), any other number that it exists at that version. The check
    /// and the write are one transaction, so of two writers who read the same version one wins and the other is refused.
    /// A record whose body is unchanged is not written (no new version, no history).
    /// </summary>
    /// <returns>The record as stored after the write, with its version.</returns>
    /// <exception cref="VersionConflictException">The stored version is not the expected one (or the record exists, or does not).</exception>
    /// <exception cref="StoreException">As <see cref="Write(IReadOnlyCollection{IRecord}, ChangeContext, IReadOnlyDictionary{string, string}?)"/>: a reference that does not resolve, an id taken.</exception>
    public VersionedRecord Write(IRecord record, ChangeContext context, long expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        RecordBook.CheckBatch([record]);
        return Locked(() => InTransaction(() => records.Write(db, record, context, expectedVersion)));
    }
}
