using System.Data.Common;

namespace Pacta.Store.Accounts;

/// <summary>
/// Users, their roles and API tokens, the same on both backends (the tables of SQLite's schema version 5,
/// <see cref="Sqlite.Migrations.AccountTables"/>, and PostgreSQL's). Each change is one transaction under the store's
/// write lock that also appends an <see cref="AccountEvent"/>; a refused change throws <see cref="AccountException"/>
/// and writes nothing. Names are ASCII (<see cref="UserNames"/>) and unique in any case, so <c>lower()</c> compares them
/// alike in both databases. Password hashing and checking run outside any lock and any transaction: they are slow on
/// purpose.
/// </summary>
internal sealed class AccountBook(ISqlStore store, TimeProvider clock)
{
    private const string SelectUser = "SELECT name, role, created_at, disabled_at FROM user_account";
    private const string SelectToken = "SELECT id, user_name, created_at, expires_at, revoked_at FROM api_token";

    /// <exception cref="AccountException">The name or password cannot be used, or the name is taken (in any case).</exception>
    public User AddUser(string name, Role role, string password, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (UserNames.Problem(name) is { } badName) throw new AccountException(badName);
        if (Passwords.Problem(password) is { } badPassword) throw new AccountException(badPassword);
        if (!Enum.IsDefined(role)) throw new ArgumentOutOfRangeException(nameof(role), role, "not a role");
        var hash = Passwords.Hash(password);
        return store.Write(db =>
        {
            if (FindUser(db, name) is { } taken) throw new AccountException($"a user '{taken.Name}' exists already");
            var now = clock.GetUtcNow();
            db.Execute("INSERT INTO user_account (name, role, password_hash, created_at) VALUES (@name, @role, @hash, @at)",
                ("name", name), ("role", role.Text()), ("hash", hash), ("at", Vocabulary.Text(now)));
            RecordEvent(db, context, name, "user-added", $"role {role.Text()}");
            return new User(name, role, now, null);
        });
    }

    /// <summary>Every user, by name.</summary>
    public IReadOnlyList<User> Users() => store.Read(db => db.Query($"{SelectUser} ORDER BY lower(name), name", ReadUser));

    /// <summary>The user of that name (in any case), or null.</summary>
    public User? FindUser(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return store.Read(db => FindUser(db, name));
    }

    /// <summary>Gives a user another role; false (and nothing written) when the user has that role already.</summary>
    /// <exception cref="AccountException">No such user, or it would leave the store without an active admin.</exception>
    public bool SetRole(string name, Role role, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!Enum.IsDefined(role)) throw new ArgumentOutOfRangeException(nameof(role), role, "not a role");
        return store.Write(db =>
        {
            var user = RequireUser(db, name);
            if (user.Role == role) return false;
            if (user.Role == Role.Admin && !user.Disabled) RequireAnotherAdmin(db, user, $"giving '{user.Name}' the role {role.Text()}");
            db.Execute("UPDATE user_account SET role = @role WHERE name = @name", ("name", user.Name), ("role", role.Text()));
            RecordEvent(db, context, user.Name, "role-changed", $"{user.Role.Text()} → {role.Text()}");
            return true;
        });
    }

    /// <summary>Stops a user signing in or using any token; false (and nothing written) when the user is disabled already.</summary>
    /// <exception cref="AccountException">No such user, or the user is the last active admin.</exception>
    public bool DisableUser(string name, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return store.Write(db =>
        {
            var user = RequireUser(db, name);
            if (user.Disabled) return false;
            if (user.Role == Role.Admin) RequireAnotherAdmin(db, user, $"disabling '{user.Name}'");
            db.Execute("UPDATE user_account SET disabled_at = @at WHERE name = @name", ("name", user.Name), ("at", Vocabulary.Text(clock.GetUtcNow())));
            RecordEvent(db, context, user.Name, "user-disabled", null);
            return true;
        });
    }

    /// <summary>A new API token for an active user, lasting until <paramref name="expiresAt"/> (else <see cref="Stores.DefaultTokenLifetime"/>).</summary>
    /// <exception cref="AccountException">No such user, a disabled one, or an expiry that is not in the future.</exception>
    public NewApiToken AddToken(string userName, DateTimeOffset? expiresAt, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var secret = TokenSecrets.New();
        return store.Write(db =>
        {
            var user = RequireUser(db, userName);
            if (user.Disabled) throw new AccountException($"'{user.Name}' is disabled: a token for it would not work");
            var now = clock.GetUtcNow();
            var expires = expiresAt ?? now + Stores.DefaultTokenLifetime;
            if (expires <= now) throw new AccountException($"the expiry {Vocabulary.Text(expires)} is not in the future");
            var id = Convert.ToInt64(db.Scalar(
                "INSERT INTO api_token (user_name, secret_sha256, created_at, expires_at) VALUES (@user, @digest, @at, @expires) RETURNING id",
                ("user", user.Name), ("digest", TokenSecrets.Digest(secret)), ("at", Vocabulary.Text(now)), ("expires", Vocabulary.Text(expires))),
                System.Globalization.CultureInfo.InvariantCulture);
            RecordEvent(db, context, user.Name, "token-added", $"token {id}, expires {Vocabulary.Text(expires)}");
            return new NewApiToken(new ApiToken(id, user.Name, now, expires, null), secret);
        });
    }

    /// <summary>Every token, or one user's, oldest first.</summary>
    /// <exception cref="AccountException">A user is named and there is none of that name.</exception>
    public IReadOnlyList<ApiToken> Tokens(string? userName = null) => store.Read(db =>
    {
        if (userName is null) return db.Query($"{SelectToken} ORDER BY id", ReadToken);
        var user = RequireUser(db, userName);
        return db.Query($"{SelectToken} WHERE user_name = @user ORDER BY id", ReadToken, ("user", user.Name));
    });

    /// <summary>Revokes a token for good; false (and nothing written) when it was revoked already.</summary>
    /// <exception cref="AccountException">No token has that id.</exception>
    public bool RevokeToken(long id, ChangeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return store.Write(db =>
        {
            var token = db.Query($"{SelectToken} WHERE id = @id", ReadToken, ("id", id)).SingleOrDefault()
                ?? throw new AccountException($"no token has the id {id}");
            if (token.RevokedAt is not null) return false;
            db.Execute("UPDATE api_token SET revoked_at = @at WHERE id = @id", ("id", id), ("at", Vocabulary.Text(clock.GetUtcNow())));
            RecordEvent(db, context, token.User, "token-revoked", $"token {id}");
            return true;
        });
    }

    /// <summary>Every change to the accounts, or to one user's (in any case), oldest first.</summary>
    public IReadOnlyList<AccountEvent> AccountEvents(string? userName = null) => store.Read(db =>
    {
        const string select = "SELECT seq, recorded_at, by, command, user_name, action, detail FROM account_event";
        static AccountEvent Read(DbDataReader r) => new(r.GetInt64(0), Vocabulary.Instant(r.GetString(1)), r.GetString(2), r.GetString(3),
            r.GetString(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6));
        return userName is null
            ? db.Query($"{select} ORDER BY seq", Read)
            : db.Query($"{select} WHERE lower(user_name) = lower(@user) ORDER BY seq", Read, ("user", userName));
    });

    /// <summary>
    /// The active user whose name and password these are, or null: for a name no user has, a disabled user or a wrong
    /// password alike, after the same work (one PBKDF2 verification), so neither the answer nor its time tells them apart.
    /// A hash made with older parameters than today's is made again.
    /// </summary>
    public User? CheckPassword(string name, string password)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(password);
        Passwords.Prepare();
        var found = UserNames.Problem(name) is null && password.Length <= Passwords.MaximumLength
            ? store.Read(db => db.Query("SELECT name, role, created_at, disabled_at, password_hash FROM user_account WHERE lower(name) = lower(@name)",
                r => (User: ReadUser(r), Hash: r.GetString(4)), ("name", name)).FirstOrDefault())
            : default;
        if (found.User is null)
        {
            Passwords.VerifyNothing(password);
            return null;
        }
        if (!Passwords.Verify(found.Hash, password, out var rehash) || found.User.Disabled) return null;
        if (rehash)
        {
            var newHash = Passwords.Hash(password);
            store.Write(db => db.Execute("UPDATE user_account SET password_hash = @new WHERE name = @name AND password_hash = @old",
                ("name", found.User.Name), ("new", newHash), ("old", found.Hash)));
        }
        return found.User;
    }

    /// <summary>Whose token this is, if it still works at <paramref name="now"/>; else why not.</summary>
    public TokenCheck CheckToken(string? secret, DateTimeOffset now)
    {
        if (!TokenSecrets.IsWellFormed(secret)) return new TokenCheck(TokenVerdict.Malformed);
        var digest = TokenSecrets.Digest(secret!);
        return store.Read(db =>
        {
            var rows = db.Query(
                "SELECT t.id, t.user_name, t.created_at, t.expires_at, t.revoked_at, u.role, u.created_at, u.disabled_at FROM api_token AS t JOIN user_account AS u ON u.name = t.user_name WHERE t.secret_sha256 = @digest",
                r => (Token: ReadToken(r), User: new User(r.GetString(1), Roles.Parse(r.GetString(5)), Vocabulary.Instant(r.GetString(6)),
                    r.IsDBNull(7) ? null : Vocabulary.Instant(r.GetString(7)))),
                ("digest", digest));
            if (rows.Count == 0) return new TokenCheck(TokenVerdict.Unknown);
            var (token, user) = rows[0];
            if (token.RevokedAt is not null) return new TokenCheck(TokenVerdict.Revoked, TokenId: token.Id);
            if (now >= token.ExpiresAt) return new TokenCheck(TokenVerdict.Expired, TokenId: token.Id);
            if (user.Disabled) return new TokenCheck(TokenVerdict.UserDisabled, TokenId: token.Id);
            return new TokenCheck(TokenVerdict.Valid, user, token.Id);
        });
    }

    private static User? FindUser(ISqlSession db, string name) =>
        db.Query($"{SelectUser} WHERE lower(name) = lower(@name)", ReadUser, ("name", name)).FirstOrDefault();

    private static User RequireUser(ISqlSession db, string name) =>
        FindUser(db, name) ?? throw new AccountException($"there is no user '{name}'");

    private static void RequireAnotherAdmin(ISqlSession db, User user, string what)
    {
        var others = Convert.ToInt64(db.Scalar("SELECT COUNT(*) FROM user_account WHERE role = 'admin' AND disabled_at IS NULL AND name <> @name",
            ("name", user.Name)), System.Globalization.CultureInfo.InvariantCulture);
        if (others == 0) throw new AccountException($"{what} would leave no active admin: make another user admin first");
    }

    private void RecordEvent(ISqlSession db, ChangeContext context, string userName, string action, string? detail) =>
        db.Execute(
            "INSERT INTO account_event (recorded_at, by, command, user_name, action, detail) VALUES (@at, @by, @command, @user, @action, @detail)",
            ("at", Vocabulary.Text(clock.GetUtcNow())), ("by", context.Author), ("command", context.Command), ("user", userName),
            ("action", action), ("detail", detail));

    private static User ReadUser(DbDataReader r) =>
        new(r.GetString(0), Roles.Parse(r.GetString(1)), Vocabulary.Instant(r.GetString(2)), r.IsDBNull(3) ? null : Vocabulary.Instant(r.GetString(3)));

    private static ApiToken ReadToken(DbDataReader r) =>
        new(r.GetInt64(0), r.GetString(1), Vocabulary.Instant(r.GetString(2)), Vocabulary.Instant(r.GetString(3)), r.IsDBNull(4) ? null : Vocabulary.Instant(r.GetString(4)));
}
