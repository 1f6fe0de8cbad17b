namespace Pacta.Store;

/// <summary>
/// A write waited longer than the store allows (<see cref="WriterWait"/> unless a test shortens it) for another writer to finish: another
/// process (an import, say) holds the store's write lock. Nothing was written; the same write may be tried again later.
/// Both backends throw it alike; the server answers it with 503 and Retry-After.
/// </summary>
public sealed class StoreBusyException : Exception
{
    public StoreBusyException()
        : this("the store is busy")
    {
    }

    public StoreBusyException(string message)
        : base(message)
    {
    }

    public StoreBusyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>How long a write waits for another writer before it gives up: the same on both backends.</summary>
    public static TimeSpan WriterWait { get; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a client had better wait before it tries again.</summary>
    public static TimeSpan RetryAfter { get; } = TimeSpan.FromSeconds(5);

    public static StoreBusyException Waited(string location, TimeSpan waited, Exception cause) =>
        new($"the store {location} is busy: another writer held it for more than {waited.TotalSeconds:0.###} s; nothing was written, try again later", cause);
}
