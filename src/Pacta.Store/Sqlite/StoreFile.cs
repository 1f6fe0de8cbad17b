using System.Buffers.Binary;

namespace Pacta.Store.Sqlite;

/// <summary>Recognises a Pacta store by its file header, without opening it as a database (which could change it).</summary>
internal static class StoreFile
{
    /// <summary>"PACT" in ASCII, in the header field SQLite keeps for telling one application's files from another's.</summary>
    public const int ApplicationId = 0x50414354;

    private const int HeaderLength = 100;
    private const int ApplicationIdOffset = 68;

    private static ReadOnlySpan<byte> Magic => "SQLite format 3\0"u8;

    /// <summary>A missing or empty file becomes a new store.</summary>
    public static bool IsMissingOrEmpty(string path) => !File.Exists(path) || new FileInfo(path).Length == 0;

    /// <summary>Why the file is not a Pacta store, or null when it is one.</summary>
    public static string? Problem(string path)
    {
        Span<byte> header = stackalloc byte[HeaderLength];
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            if (file.ReadAtLeast(header, HeaderLength, throwOnEndOfStream: false) < HeaderLength || !header.StartsWith(Magic))
                return "it is not an SQLite database";
        }
        var applicationId = BinaryPrimitives.ReadInt32BigEndian(header[ApplicationIdOffset..]);
        return applicationId == ApplicationId
            ? null
            : $"it is an SQLite database of another application (application id 0x{applicationId:X8}, not Pacta's 0x{ApplicationId:X8})";
    }
}
