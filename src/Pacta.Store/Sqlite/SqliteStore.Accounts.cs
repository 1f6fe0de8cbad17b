using Pacta.Store.Accounts;

namespace Pacta.Store;

/// <summary>
/// Users, their roles and API tokens (schema version 5, <see cref="Sqlite.Migrations.AccountTables"/>), kept by the
/// <see cref="AccountBook"/> both stores share. Reads (sign-in and token checks among them) run on the store's pool of
/// read connections, so a long import does not hold them up; changes take the write lock, in one transaction each.
/// </summary>
public sealed partial class SqliteStore : ISqlStore
{
    private AccountBook? accounts;

    /// <summary>The accounts, on a store at schema version 5 or later.</summary>
    private AccountBook Book
    {
        get
        {
            if (SchemaVersion < 5)
                throw new InvalidOperationException($"the store is at schema version {SchemaVersion}; users and tokens need version 5 or later");
            return accounts ??= new AccountBook(this, clock);
        }
    }

    T ISqlStore.Read<T>(Func<ISqlSession, T> work) => Reading(db => work(db));

    T ISqlStore.Write<T>(Func<ISqlSession, T> work) => Locked(() => InTransaction(() => work(db)));

    public User AddUser(string name, Role role, string password, ChangeContext context) => Book.AddUser(name, role, password, context);

    public IReadOnlyList<User> Users() => Book.Users();

    public User? FindUser(string name) => Book.FindUser(name);

    public bool SetRole(string name, Role role, ChangeContext context) => Book.SetRole(name, role, context);

    public bool DisableUser(string name, ChangeContext context) => Book.DisableUser(name, context);

    public NewApiToken AddToken(string userName, DateTimeOffset? expiresAt, ChangeContext context) => Book.AddToken(userName, expiresAt, context);

    public IReadOnlyList<ApiToken> Tokens(string? userName = null) => Book.Tokens(userName);

    public bool RevokeToken(long id, ChangeContext context) => Book.RevokeToken(id, context);

    public IReadOnlyList<AccountEvent> AccountEvents(string? userName = null) => Book.AccountEvents(userName);

    public User? CheckPassword(string name, string password) => Book.CheckPassword(name, password);

    public TokenCheck CheckToken(string? secret, DateTimeOffset now) => Book.CheckToken(secret, now);
}
