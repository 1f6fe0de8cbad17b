namespace Pacta.Store.Accounts;

/// <summary>A person (or a script's owner) who may sign in to a shared store. Never a record of the model: not exported, not in the change log.</summary>
public sealed record User(string Name, Role Role, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt)
{
    public bool Disabled => DisabledAt is not null;
}

/// <summary>An API token as listed: never its secret, which only its creator saw, once.</summary>
public sealed record ApiToken(long Id, string User, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? RevokedAt)
{
    /// <summary>Whether the token still lets its holder in at <paramref name="now"/> (its user may still be disabled).</summary>
    public bool IsActive(DateTimeOffset now) => RevokedAt is null && now < ExpiresAt;
}

/// <summary>A token just made: <see cref="Secret"/> is shown to its creator once and kept only as its SHA-256.</summary>
public sealed record NewApiToken(ApiToken Token, string Secret);

/// <summary>One change to the accounts (a user added, a role changed, a token revoked …): who did it, when, with which command.</summary>
public sealed record AccountEvent(long Sequence, DateTimeOffset RecordedAt, string By, string Command, string User, string Action, string? Detail);

/// <summary>What checking a token found.</summary>
public enum TokenVerdict
{
    Valid,
    /// <summary>Not a Pacta token at all (wrong prefix or length, not base64url).</summary>
    Malformed,
    Unknown,
    Expired,
    Revoked,
    /// <summary>The token is fine but its user has been disabled.</summary>
    UserDisabled,
}

/// <summary>The outcome of a token check: the user and token when <see cref="Verdict"/> is <see cref="TokenVerdict.Valid"/>.</summary>
public sealed record TokenCheck(TokenVerdict Verdict, User? User = null, long? TokenId = null);
