using Pacta.Model;

namespace Pacta.Store;

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
