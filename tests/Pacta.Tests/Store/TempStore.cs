using System.Security.Cryptography;
using Pacta.Store;

namespace Pacta.Tests.Store;

/// <summary>A store file of the test's own in a fresh temporary folder, removed with the folder on dispose.</summary>
internal sealed class TempStore : IDisposable
{
    public TempStore()
    {
        Folder = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pacta-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Path = System.IO.Path.Combine(Folder, "store.db");
    }

    public string Folder { get; }

    public string Path { get; }

    public FixedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));

    public SqliteStore Open() => SqliteStore.Open(Path, Clock);

    /// <summary>The SHA-256 of the file's bytes: to show that an operation left the file exactly as it was.</summary>
    public string Hash() => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path)));

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

/// <summary>A clock that says what the test tells it to.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
