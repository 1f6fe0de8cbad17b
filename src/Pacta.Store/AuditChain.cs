using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Pacta.Model;

namespace Pacta.Store;

/// <summary>
/// The arithmetic of the change log's hash chain, the same for every backend: each change's hash is
/// SHA-256(previous hash ‖ the change's canonical bytes), the first change's previous hash being <see cref="Genesis"/>.
/// The canonical bytes cover the sequence number, when it was recorded (UTC, in 100-ns ticks), author, command, reason,
/// record id, kind, operation, and the SHA-256 of the <c>before</c> and of the full <c>after</c> body (a creation's too,
/// though the store does not keep it in the change's row): so a record body edited behind the store's back breaks the
/// chain as well. A store whose clock is coarser than 100 ns (PostgreSQL keeps microseconds) must hash the instant it stores.
/// </summary>
public static class AuditChain
{
    public const int HashLength = 32;

    /// <summary>The hash before the first change: 32 zero bytes.</summary>
    public static ReadOnlySpan<byte> Genesis => new byte[HashLength];

    /// <summary>The genesis hash as text (<see cref="Hex"/>).</summary>
    public static string GenesisHex { get; } = new('0', HashLength * 2);

    /// <summary>Marks the layout of the bytes, so that a later layout can never give the same hash for other content.</summary>
    private const byte Layout = 1;

    /// <summary>The hash of <paramref name="entry"/> chained to <paramref name="previous"/>.</summary>
    public static byte[] Next(ReadOnlySpan<byte> previous, Change entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return Next(previous, entry.Sequence, entry.RecordedAt, entry.Author, entry.Command, entry.Reason, entry.RecordId.Value,
            entry.Kind, entry.Operation, BodyHash(entry.Before), BodyHash(entry.After));
    }

    /// <summary>One hasher per thread, reused link after link rather than set up anew for each of an import's million links.</summary>
    [ThreadStatic]
    private static IncrementalHash? linkHasher;

    /// <summary>
    /// The hash of a change given by its parts, for a store that writes many changes without making <see cref="Change"/>s;
    /// the bodies come as their SHA-256 (<see cref="BodyHash"/>; null for no body).
    /// </summary>
    public static byte[] Next(ReadOnlySpan<byte> previous, long sequence, DateTimeOffset recordedAt, string author, string command, string? reason,
        string recordId, RecordKind kind, ChangeOperation operation, byte[]? beforeHash, byte[]? afterHash)
    {
        if (previous.Length != HashLength) throw new ArgumentException($"a previous hash has {HashLength} bytes, not {previous.Length}", nameof(previous));
        ArgumentNullException.ThrowIfNull(author);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(recordId);
        var kindText = KindTexts.TryGetValue(kind, out var known) ? known : Text(kind.ToString());
        var operationText = OperationTexts.TryGetValue(operation, out var done) ? done : Text(operation.ToString());
        var size = HashLength + 1 + 8 + 8
            + Sized(author) + Sized(command) + Sized(reason) + Sized(recordId) + Sized(kindText) + Sized(operationText)
            + 2 * (1 + HashLength);
        var rented = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var buffer = rented.AsSpan(0, size);
            var at = 0;
            previous.CopyTo(buffer);
            at += HashLength;
            buffer[at++] = Layout;
            BinaryPrimitives.WriteInt64BigEndian(buffer[at..], sequence);
            at += 8;
            BinaryPrimitives.WriteInt64BigEndian(buffer[at..], recordedAt.UtcTicks);
            at += 8;
            at += Put(buffer[at..], author);
            at += Put(buffer[at..], command);
            at += Put(buffer[at..], reason);
            at += Put(buffer[at..], recordId);
            at += Put(buffer[at..], kindText);
            at += Put(buffer[at..], operationText);
            at += Put(buffer[at..], beforeHash);
            at += Put(buffer[at..], afterHash);
            var hasher = linkHasher ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hasher.AppendData(buffer[..at]);
            return hasher.GetHashAndReset();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The SHA-256 of a body's UTF-8 bytes; null for no body.</summary>
    public static byte[]? BodyHash(string? body)
    {
        if (body is null) return null;
        var length = Encoding.UTF8.GetMaxByteCount(body.Length);
        if (length <= 4096)
        {
            Span<byte> bytes = stackalloc byte[length];
            return SHA256.HashData(bytes[..Encoding.UTF8.GetBytes(body, bytes)]);
        }
        return SHA256.HashData(Encoding.UTF8.GetBytes(body));
    }

    /// <summary>A hash as lower-case hex, as the commands print it.</summary>
    public static string Hex(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash);

    /// <summary>A hash from its hex text; null when the text is not 64 hex digits.</summary>
    public static byte[]? FromHex(string? text)
    {
        if (text is null || text.Length != HashLength * 2) return null;
        try
        {
            return Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static string Text(string name) => JsonNamingPolicy.KebabCaseLower.ConvertName(name);

    // The names as hashed, made once: an import hashes a link per row.
    private static readonly Dictionary<RecordKind, string> KindTexts = Enum.GetValues<RecordKind>().ToDictionary(k => k, k => Text(k.ToString()));
    private static readonly Dictionary<ChangeOperation, string> OperationTexts = Enum.GetValues<ChangeOperation>().ToDictionary(o => o, o => Text(o.ToString()));

    private static int Sized(string? text) => 4 + (text is null ? 0 : Encoding.UTF8.GetByteCount(text));

    /// <summary>A length (−1 for null) then the UTF-8 bytes: no two lists of texts give the same bytes.</summary>
    private static int Put(Span<byte> buffer, string? text)
    {
        if (text is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(buffer, -1);
            return 4;
        }
        var written = Encoding.UTF8.GetBytes(text, buffer[4..]);
        BinaryPrimitives.WriteInt32BigEndian(buffer, written);
        return 4 + written;
    }

    /// <summary>0 for no body, else 1 then the body's SHA-256.</summary>
    private static int Put(Span<byte> buffer, byte[]? hash)
    {
        if (hash is null)
        {
            buffer[0] = 0;
            return 1;
        }
        if (hash.Length != HashLength) throw new ArgumentException($"a body hash has {HashLength} bytes, not {hash.Length}", nameof(hash));
        buffer[0] = 1;
        hash.CopyTo(buffer[1..]);
        return 1 + HashLength;
    }
}
