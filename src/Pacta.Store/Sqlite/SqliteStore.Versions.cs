using Pacta.Model;
using Pacta.Store.Sqlite;

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
        return Reading(db => LoadVersioned(db, id));
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
        return Locked(() => InTransaction(() =>
        {
            var stored = LoadVersioned(db, record.Id);
            var storedVersion = stored?.Version ?? 0;
            if (storedVersion != expectedVersion) throw new VersionConflictException(record.Id, expectedVersion, stored);
            Write([record], context);
            return LoadVersioned(db, record.Id)!;
        }));
    }

    private VersionedRecord? LoadVersioned(StoreConnection db, RecordId id)
    {
        var rows = db.Query(
            """
            SELECT r.kind, r.body, r.version, r.updated_at,
                   (SELECT c.author FROM change AS c WHERE c.record_id = r.id ORDER BY c.seq DESC LIMIT 1)
            FROM record AS r WHERE r.id = $id
            """,
            r => (Kind: Vocabulary.Kind(r.GetString(0)), Body: r.GetString(1), Version: r.GetInt64(2), At: Vocabulary.Instant(r.GetString(3)),
                By: r.IsDBNull(4) ? null : r.GetString(4)),
            ("$id", id.Value));
        if (rows.Count == 0) return null;
        var row = rows[0];
        return new VersionedRecord(Read(id, row.Kind, row.Body), row.Version, row.At, row.By);
    }
}

/// <summary>A record as stored now: its version, when it was last changed and by whom (null when history has no author for it).</summary>
public sealed record VersionedRecord(IRecord Record, long Version, DateTimeOffset UpdatedAt, string? ChangedBy);

/// <summary>
/// A conditional write found another version than the one its writer read: someone changed (or created, or deleted) the
/// record since. Nothing was written. <see cref="Current"/> is the record as stored now (null when it does not exist).
/// </summary>
public sealed class VersionConflictException : Exception
{
    public VersionConflictException()
    {
    }

    public VersionConflictException(string message)
        : base(message)
    {
    }

    public VersionConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public VersionConflictException(RecordId id, long expectedVersion, VersionedRecord? current)
        : base(Describe(id, expectedVersion, current))
    {
        Id = id;
        ExpectedVersion = expectedVersion;
        Current = current;
    }

    public RecordId? Id { get; }

    public long ExpectedVersion { get; }

    public VersionedRecord? Current { get; }

    private static string Describe(RecordId id, long expected, VersionedRecord? current) => (expected, current) switch
    {
        (0, { } now) => $"'{id}' exists already (version {now.Version}); nothing was written",
        (_, null) => $"'{id}' does not exist (version {expected} was expected); nothing was written",
        (_, { } now) => $"'{id}' is at version {now.Version}, not {expected}: {now.ChangedBy ?? "someone"} changed it at " +
                        $"{now.UpdatedAt.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)}; nothing was written",
    };
}
