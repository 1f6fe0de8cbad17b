using Pacta.Store;
using Pacta.Store.Accounts;

namespace Pacta.Tests.Cli;

/// <summary><c>pacta user …</c> and <c>pacta token …</c> run as a user would, on a real store file.</summary>
public sealed class AccountCommandTests : IDisposable
{
    private const string Password = "correct horse battery staple";
    private readonly TempFolder folder = new();

    public AccountCommandTests() => Assert.Equal(0, Pacta.Run("init", "--db", Db).ExitCode);

    private string Db => folder["store.db"];

    public void Dispose() => folder.Dispose();

    private Pacta.Result AddUser(string name, string role, string password = Password) =>
        Pacta.RunWithInput(password + "\n", "user", "add", name, "--role", role, "--password-stdin", "--db", Db);

    [Fact]
    public void A_user_added_with_a_password_on_stdin_can_sign_in_with_it_and_is_listed()
    {
        var added = AddUser("alice", "admin");

        Assert.True(added.ExitCode == 0, added.Error);
        Assert.Equal("Added alice as admin.", added.Out.Trim());
        using (var store = SqliteStore.Open(Db))
        {
            Assert.Equal("alice", store.CheckPassword("alice", Password)?.Name);
            Assert.Null(store.CheckPassword("alice", Password + "\n"));
        }
        var list = Pacta.Run("user", "list", "--db", Db);
        Assert.Equal(0, list.ExitCode);
        Assert.Matches(@"alice\s+admin\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\s+active\s+0", list.Out);
        Assert.DoesNotContain("AQAAAA", list.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_token_is_printed_once_works_until_revoked_and_is_never_listed()
    {
        Assert.Equal(0, AddUser("bot", "contributor").ExitCode);

        var made = Pacta.Run("token", "add", "bot", "--expires", "2099-01-01", "--db", Db);

        Assert.True(made.ExitCode == 0, made.Error);
        var secret = made.Out.Trim();
        Assert.Matches("^pacta_[A-Za-z0-9_-]{43}$", secret);
        Assert.Contains("Token 1 for bot, until 2099-01-01 00:00:00 UTC", made.Error, StringComparison.Ordinal);
        using (var store = SqliteStore.Open(Db)) Assert.Equal(TokenVerdict.Valid, store.CheckToken(secret, DateTimeOffset.UtcNow).Verdict);
        var list = Pacta.Run("token", "list", "bot", "--db", Db);
        Assert.Matches(@"1\s+bot\s+.+UTC\s+2099-01-01 00:00:00 UTC\s+active", list.Out);
        Assert.DoesNotContain(secret[6..], list.Out, StringComparison.Ordinal);

        var revoked = Pacta.Run("token", "revoke", "1", "--db", Db);

        Assert.Equal((0, "Token 1 is revoked."), (revoked.ExitCode, revoked.Out.Trim()));
        using (var store = SqliteStore.Open(Db)) Assert.Equal(TokenVerdict.Revoked, store.CheckToken(secret, DateTimeOffset.UtcNow).Verdict);
        Assert.Matches(@"1\s+bot\s+.+\s+revoked \d{4}", Pacta.Run("token", "list", "--db", Db).Out);
    }

    [Fact]
    public void Roles_change_users_are_disabled_and_every_change_is_in_the_events()
    {
        Assert.Equal(0, AddUser("alice", "admin").ExitCode);
        Assert.Equal(0, AddUser("bob", "viewer").ExitCode);

        Assert.Equal((0, "bob is now admin."), Run("user", "role", "bob", "admin"));
        Assert.Equal((0, "alice is disabled: no sign-in, no token works."), Run("user", "disable", "alice"));
        Assert.Equal((0, "alice is disabled already; nothing changed."), Run("user", "disable", "alice"));

        var events = Pacta.Run("user", "events", "--db", Db).Out;
        Assert.Matches(@"alice\s+user-added\s+role admin\s+test\s+pacta user add alice --role admin --password-stdin", events);
        Assert.Matches(@"bob\s+role-changed\s+viewer → admin\s+test\s+pacta user role bob admin", events);
        Assert.Matches(@"alice\s+user-disabled\s+test\s+pacta user disable alice", events);
        Assert.Matches(@"alice\s+admin\s+.+disabled \d{4}", Pacta.Run("user", "list", "--db", Db).Out);

        (int, string) Run(params string[] args)
        {
            var result = Pacta.Run([.. args, "--db", Db]);
            return (result.ExitCode, result.Out.Trim());
        }
    }

    [Theory]
    [InlineData(3, "pacta: --role: 'king' is not a role (use one of viewer, contributor, reviewer, admin)", "user", "add", "carl", "--role", "king", "--password-stdin")]
    [InlineData(2, "pacta: --role is required: viewer, contributor, reviewer or admin (see pacta --help)", "user", "add", "carl", "--password-stdin")]
    [InlineData(3, "pacta: a user 'alice' exists already", "user", "add", "ALICE", "--role", "viewer", "--password-stdin")]
    [InlineData(3, "pacta: 'carl smith' is not a user name: only letters, digits, '.', '-' and '_' are allowed (U+0020 is not)", "user", "add", "carl smith", "--role", "viewer", "--password-stdin")]
    [InlineData(2, "pacta: no password: give it on standard input with --password-stdin, or run on a terminal to be asked for it (see pacta --help)", "user", "add", "carl", "--role", "viewer")]
    [InlineData(3, "pacta: giving 'alice' the role viewer would leave no active admin: make another user admin first", "user", "role", "alice", "viewer")]
    [InlineData(3, "pacta: there is no user 'nobody'", "user", "role", "nobody", "admin")]
    [InlineData(3, "pacta: disabling 'alice' would leave no active admin: make another user admin first", "user", "disable", "alice")]
    [InlineData(3, "pacta: there is no user 'nobody'", "token", "add", "nobody")]
    [InlineData(3, "pacta: the expiry 2020-01-01T00:00:00.0000000Z is not in the future", "token", "add", "alice", "--expires", "2020-01-01")]
    [InlineData(3, "pacta: --expires: 'next week' is not a date (YYYY-MM-DD) or an instant with its offset (YYYY-MM-DDTHH:MM:SSZ)", "token", "add", "alice", "--expires", "next week")]
    [InlineData(3, "pacta: --expires: '2027-02-30' is not a date (YYYY-MM-DD) or an instant with its offset (YYYY-MM-DDTHH:MM:SSZ)", "token", "add", "alice", "--expires", "2027-02-30")]
    [InlineData(3, "pacta: 'one' is not a token id (a whole number, as 'pacta token list' shows)", "token", "revoke", "one")]
    [InlineData(3, "pacta: no token has the id 7", "token", "revoke", "7")]
    [InlineData(3, "pacta: there is no user 'nobody'", "token", "list", "nobody")]
    public void Bad_input_exits_with_a_precise_message_and_writes_nothing(int exitCode, string message, params string[] args)
    {
        Assert.Equal(0, AddUser("alice", "admin").ExitCode);
        var before = Pacta.Hash(Db);

        var result = Pacta.RunWithInput(Password + "\n", [.. args, "--db", Db]);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Equal(message, result.Error.Split('\n')[0]);
        Assert.Equal(before, Pacta.Hash(Db));
    }

    [Theory]
    [InlineData("", "pacta: the password is empty")]
    [InlineData("short\n", "pacta: the password is too short: at least 10 characters")]
    [InlineData("           \n", "pacta: the password is only spaces")]
    public void A_password_that_cannot_be_used_is_refused_and_nothing_is_written(string input, string message)
    {
        var before = Pacta.Hash(Db);

        var result = Pacta.RunWithInput(input, "user", "add", "carl", "--role", "viewer", "--password-stdin", "--db", Db);

        Assert.Equal((3, message), (result.ExitCode, result.Error.Split('\n')[0]));
        Assert.Equal(before, Pacta.Hash(Db));
    }

    [Fact]
    public void Users_and_tokens_never_reach_an_export_of_the_dataset()
    {
        var init = Pacta.Run("init", "--db", folder["case.db"], "--sample");
        Assert.True(init.ExitCode == 0, init.Error);
        Assert.Equal(0, Pacta.RunWithInput(Password, "user", "add", "zelda-the-admin", "--role", "admin", "--password-stdin", "--db", folder["case.db"]).ExitCode);
        var secret = Pacta.Run("token", "add", "zelda-the-admin", "--db", folder["case.db"]).Out.Trim();

        var export = Pacta.Run("export", "pacta", folder["out"], "--db", folder["case.db"]);

        Assert.True(export.ExitCode == 0, export.Error);
        var files = Directory.GetFiles(folder["out"], "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        Assert.All(files, file =>
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("zelda", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret[6..], text, StringComparison.Ordinal);
            Assert.DoesNotContain("AQAAAA", text, StringComparison.Ordinal);
        });
    }
}
