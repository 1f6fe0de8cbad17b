using System.Buffers.Text;
using System.Security.Cryptography;

namespace Pacta.Store.Accounts;

/// <summary>
/// API token secrets: <c>pacta_</c> and 32 random bytes in base64url (43 characters). The store keeps only their
/// SHA-256: a secret that high in entropy needs no salt or slow hash, and a stolen store file gives no working token.
/// </summary>
public static class TokenSecrets
{
    public const string Prefix = "pacta_";

    private const int SecretBytes = 32;
    private static readonly int EncodedLength = Base64Url.GetEncodedLength(SecretBytes);

    public static string New() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));

    /// <summary>Whether the text has a secret's shape (the prefix, then 32 bytes in base64url).</summary>
    public static bool IsWellFormed(string? secret) =>
        secret is not null
        && secret.Length == Prefix.Length + EncodedLength
        && secret.StartsWith(Prefix, StringComparison.Ordinal)
        && Base64Url.IsValid(secret.AsSpan(Prefix.Length), out var decoded) && decoded == SecretBytes;

    public static byte[] Digest(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));
}
