using Microsoft.AspNetCore.Identity;

namespace Pacta.Store.Accounts;

/// <summary>
/// Passwords as ASP.NET Core Identity's <see cref="PasswordHasher{TUser}"/> keeps them (PBKDF2 with HMAC-SHA512, a
/// random salt and the iteration count in the hash): never the password itself, never a scheme of our own.
/// </summary>
public static class Passwords
{
    public const int MinimumLength = 10;

    /// <summary>Longer passwords are refused before hashing: hashing megabytes on request would be a way to stall the server.</summary>
    public const int MaximumLength = 256;

    private static readonly PasswordHasher<User> Hasher = new();

    // The hasher ignores the user; it wants one all the same.
    private static readonly User Anyone = new("anyone", Role.Viewer, DateTimeOffset.UnixEpoch, null);

    /// <summary>
    /// A hash of a password no one knows, made once: checking a sign-in for a name no user has costs as much as a wrong
    /// password for one who exists, so the time taken does not tell which names exist.
    /// </summary>
    private static readonly Lazy<string> Dummy = new(() => Hash(Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));

    /// <summary>Why a new password cannot be used, or null when it can.</summary>
    public static string? Problem(string? password) => password switch
    {
        null or "" => "the password is empty",
        { Length: < MinimumLength } => $"the password is too short: at least {MinimumLength} characters",
        { Length: > MaximumLength } => $"the password is too long: at most {MaximumLength} characters",
        _ when string.IsNullOrWhiteSpace(password) => "the password is only spaces",
        _ => null,
    };

    public static string Hash(string password) => Hasher.HashPassword(Anyone, password);

    /// <summary>Whether <paramref name="password"/> matches <paramref name="hash"/>; <paramref name="rehash"/> when the hash should be made again with today's parameters.</summary>
    public static bool Verify(string hash, string password, out bool rehash)
    {
        var result = Hasher.VerifyHashedPassword(Anyone, hash, password);
        rehash = result == PasswordVerificationResult.SuccessRehashNeeded;
        return result != PasswordVerificationResult.Failed;
    }

    /// <summary>Makes the dummy hash now if it is not made yet: so the first sign-in of a process costs the same whichever way it goes.</summary>
    public static void Prepare() => _ = Dummy.Value;

    /// <summary>Spends the time of one verification on the dummy hash: for a name no user has, or an over-long password.</summary>
    public static void VerifyNothing(string password) => Hasher.VerifyHashedPassword(Anyone, Dummy.Value, password.Length > MaximumLength ? "" : password);
}
