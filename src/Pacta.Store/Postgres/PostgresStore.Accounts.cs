using Pacta.Store.Accounts;

namespace Pacta.Store.Postgres;

/// <summary>Users, roles and API tokens, kept by the <see cref="AccountBook"/> both stores share: each change one transaction under the write lock.</summary>
public sealed partial class PostgresStore : ISqlStore
{
    private AccountBook? accounts;

    private AccountBook Book => accounts ??= new AccountBook(this, clock);

    T ISqlStore.Read<T>(Func<ISqlSession, T> work) => Reading(db => work(db));

    T ISqlStore.Write<T>(Func<ISqlSession, T> work) => Writing(db => work(db));

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
