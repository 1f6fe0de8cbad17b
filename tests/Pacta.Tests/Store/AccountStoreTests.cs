using Pacta.Store;
using Pacta.Store.Accounts;
using static Pacta.Tests.Store.Samples;

namespace Pacta.Tests.Store;

/// <summary>Users, passwords and API tokens in a real store file (schema version 5).</summary>
public class AccountStoreTests
{
    private const string Password = "mediators-meet-at-nine";
    private static readonly ChangeContext Admin = new("root", "pacta user add");

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_stored_password_hash_verifies_the_password_and_nothing_else(Backend backend)
    {
        using var temp = new TempStore(backend);
        using (var store = temp.OpenStore()) store.AddUser("ada", Role.Admin, Password, Admin);

        var hash = Assert.Single(temp.RawRows("SELECT password_hash FROM user_account"));
        Assert.DoesNotContain(Password, hash, StringComparison.Ordinal);
        // Identity's format 3: a marker byte, the PRF, the iteration count, the salt and the subkey, in base64.
        Assert.Equal(0x01, Convert.FromBase64String(hash)[0]);
        using var reopened = temp.OpenStore();
        Assert.Equal("ada", reopened.CheckPassword("ada", Password)?.Name);
        Assert.Equal("ada", reopened.CheckPassword("ADA", Password)?.Name);
        Assert.Null(reopened.CheckPassword("ada", Password + "!"));
        Assert.Null(reopened.CheckPassword("ada", Password.ToUpperInvariant()));
        Assert.Null(reopened.CheckPassword("ada", ""));
        Assert.Null(reopened.CheckPassword("nobody", Password));
        Assert.Null(reopened.CheckPassword("not a name", Password));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Two_users_with_one_password_get_different_hashes(Backend backend)
    {
        using var temp = new TempStore(backend);
        using (var store = temp.OpenStore())
        {
            store.AddUser("ada", Role.Admin, Password, Admin);
            store.AddUser("bo", Role.Viewer, Password, Admin);
        }
        var hashes = temp.RawRows("SELECT password_hash FROM user_account");
        Assert.Equal(2, hashes.Distinct().Count());
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_disabled_user_cannot_sign_in_and_its_tokens_stop_working(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.AddUser("ada", Role.Admin, Password, Admin);
        store.AddUser("bo", Role.Contributor, Password, Admin);
        var token = store.AddToken("bo", null, Admin);
        Assert.Equal(TokenVerdict.Valid, store.CheckToken(token.Secret, temp.Clock.Now).Verdict);

        Assert.True(store.DisableUser("bo", Admin));

        Assert.Null(store.CheckPassword("bo", Password));
        Assert.Equal(TokenVerdict.UserDisabled, store.CheckToken(token.Secret, temp.Clock.Now).Verdict);
        Assert.False(store.DisableUser("bo", Admin));
        Assert.Throws<AccountException>(() => store.AddToken("bo", null, Admin));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Tokens_are_valid_until_they_expire_or_are_revoked_and_only_their_hash_is_kept(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.AddUser("ada", Role.Reviewer, Password, Admin);
        var expires = temp.Clock.Now.AddDays(2);
        var made = store.AddToken("ada", expires, Admin);
        var other = store.AddToken("ada", null, Admin);

        Assert.Matches("^pacta_[A-Za-z0-9_-]{43}$", made.Secret);
        Assert.NotEqual(made.Secret, other.Secret);
        var check = store.CheckToken(made.Secret, temp.Clock.Now);
        Assert.Equal((TokenVerdict.Valid, "ada", Role.Reviewer, made.Token.Id), (check.Verdict, check.User?.Name, check.User?.Role, check.TokenId));
        Assert.Equal(temp.Clock.Now + Stores.DefaultTokenLifetime, other.Token.ExpiresAt);
        Assert.Equal(TokenVerdict.Valid, store.CheckToken(made.Secret, expires.AddTicks(-10)).Verdict);
        Assert.Equal(TokenVerdict.Expired, store.CheckToken(made.Secret, expires).Verdict);

        Assert.True(store.RevokeToken(made.Token.Id, Admin));
        Assert.Equal(TokenVerdict.Revoked, store.CheckToken(made.Secret, temp.Clock.Now).Verdict);
        Assert.False(store.RevokeToken(made.Token.Id, Admin));
        Assert.Equal(TokenVerdict.Valid, store.CheckToken(other.Secret, temp.Clock.Now).Verdict);

        // An unknown secret of the right shape, a secret one character off, and things that are no secret at all.
        Assert.Equal(TokenVerdict.Unknown, store.CheckToken(TokenSecrets.New(), temp.Clock.Now).Verdict);
        // (The character changed is not the last: the last one's spare bits must be zero, so changing it may make the text malformed.)
        Assert.Equal(TokenVerdict.Unknown, store.CheckToken(other.Secret[..^2] + (other.Secret[^2] == 'A' ? 'B' : 'A') + other.Secret[^1], temp.Clock.Now).Verdict);
        foreach (var malformed in new[] { "", "pacta_", other.Secret + "A", other.Secret[6..], "pacta_" + new string('!', 43), "' OR 1=1 --" })
            Assert.Equal(TokenVerdict.Malformed, store.CheckToken(malformed, temp.Clock.Now).Verdict);

        var stored = string.Join("\n", temp.RawRows("SELECT * FROM api_token"));
        Assert.DoesNotContain(made.Secret[6..], stored, StringComparison.Ordinal);
        Assert.Contains(Convert.ToHexString(TokenSecrets.Digest(made.Secret)), stored, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Refused_changes_write_nothing(Backend backend)
    {
        using var temp = new TempStore(backend);
        using (var store = temp.OpenStore()) store.AddUser("ada", Role.Admin, Password, Admin);
        var before = temp.Fingerprint();
        using (var store = temp.OpenStore())
        {
            Assert.Equal("a user 'ada' exists already", Assert.Throws<AccountException>(() => store.AddUser("ADA", Role.Viewer, Password, Admin)).Message);
            Assert.Contains("too short", Assert.Throws<AccountException>(() => store.AddUser("bo", Role.Viewer, "short", Admin)).Message, StringComparison.Ordinal);
            Assert.Contains("not a user name", Assert.Throws<AccountException>(() => store.AddUser("bo'; DROP TABLE user_account; --", Role.Viewer, Password, Admin)).Message, StringComparison.Ordinal);
            Assert.Equal("there is no user 'bo'", Assert.Throws<AccountException>(() => store.SetRole("bo", Role.Admin, Admin)).Message);
            Assert.Equal("there is no user 'bo'", Assert.Throws<AccountException>(() => store.AddToken("bo", null, Admin)).Message);
            Assert.Equal("no token has the id 1", Assert.Throws<AccountException>(() => store.RevokeToken(1, Admin)).Message);
            Assert.Contains("is not in the future", Assert.Throws<AccountException>(() => store.AddToken("ada", temp.Clock.Now, Admin)).Message, StringComparison.Ordinal);
            // The only admin stays one.
            Assert.Contains("would leave no active admin", Assert.Throws<AccountException>(() => store.SetRole("ada", Role.Reviewer, Admin)).Message, StringComparison.Ordinal);
            Assert.Contains("would leave no active admin", Assert.Throws<AccountException>(() => store.DisableUser("ada", Admin)).Message, StringComparison.Ordinal);
            Assert.False(store.SetRole("ada", Role.Admin, Admin));
        }
        Assert.Equal(before, temp.Fingerprint());
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Every_account_change_is_logged_with_who_and_which_command_and_the_records_history_is_untouched(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(SchemaV1Fixture.Records, Context);
        var changes = store.Changes().Count;
        store.AddUser("ada", Role.Admin, Password, Admin);
        store.AddUser("bo", Role.Viewer, Password, Admin);
        store.SetRole("bo", Role.Reviewer, new ChangeContext("ada", "pacta user role bo reviewer"));
        var token = store.AddToken("bo", null, Admin);
        store.RevokeToken(token.Token.Id, Admin);
        store.DisableUser("bo", Admin);

        Assert.Equal(
            ["ada user-added role admin", "bo user-added role viewer", "bo role-changed viewer → reviewer", "bo token-added", "bo token-revoked", "bo user-disabled"],
            store.AccountEvents().Select(e => $"{e.User} {e.Action}{(e.Action == "token-added" ? "" : e.Detail is null ? "" : " " + e.Detail.Replace($"token {token.Token.Id}", "", StringComparison.Ordinal)).TrimEnd()}"));
        Assert.Equal("pacta user role bo reviewer", store.AccountEvents("BO")[1].Command);
        Assert.Equal("ada", store.AccountEvents("bo")[1].By);
        Assert.Equal(changes, store.Changes().Count);
    }

    [Fact]
    public void A_version_4_store_is_migrated_to_version_5_with_its_records_and_history_as_they_were()
    {
        using var temp = new TempStore();
        using (var old = SqliteStore.OpenAtVersion(temp.Path, 4, temp.Clock))
        {
            old.Write(SchemaV1Fixture.Records, Context);
            Assert.Equal(4, old.SchemaVersion);
        }
        Assert.Equal(["4"], RawSqlite.Rows(temp.Path, "PRAGMA user_version"));
        Assert.Empty(RawSqlite.Rows(temp.Path, "SELECT name FROM sqlite_master WHERE name IN ('user_account', 'api_token', 'account_event')"));
        var records = RawSqlite.Rows(temp.Path, "SELECT * FROM record ORDER BY id");
        var history = RawSqlite.Rows(temp.Path, "SELECT * FROM change ORDER BY seq");

        // Up to version 5 only: version 6 adds the change log's hash column.
        using var store = SqliteStore.OpenAtVersion(temp.Path, 5, temp.Clock);

        Assert.Equal(5, store.SchemaVersion);
        Assert.Equal(["5"], RawSqlite.Rows(temp.Path, "PRAGMA user_version"));
        Assert.Equal(["users and API tokens"], RawSqlite.Rows(temp.Path, "SELECT value FROM meta WHERE key = 'migration.5.name'"));
        Assert.Equal(records, RawSqlite.Rows(temp.Path, "SELECT * FROM record ORDER BY id"));
        Assert.Equal(history, RawSqlite.Rows(temp.Path, "SELECT * FROM change ORDER BY seq"));
        Assert.Empty(store.Users());
        store.AddUser("ada", Role.Admin, Password, Admin);
        Assert.Equal("ada", store.CheckPassword("ada", Password)?.Name);
    }

    [Fact]
    public void A_store_below_version_5_says_it_has_no_users_rather_than_failing_in_SQL()
    {
        using var temp = new TempStore();
        using var old = SqliteStore.OpenAtVersion(temp.Path, 4, temp.Clock);

        var refused = Assert.Throws<InvalidOperationException>(() => old.Users());

        Assert.Contains("users and tokens need version 5", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("viewer", Role.Viewer)]
    [InlineData("Contributor", Role.Contributor)]
    [InlineData(" reviewer ", Role.Reviewer)]
    [InlineData("ADMIN", Role.Admin)]
    public void Roles_are_read_in_any_case_and_each_includes_those_below(string text, Role expected)
    {
        Assert.True(Roles.TryParse(text, out var role));
        Assert.Equal(expected, role);
        Assert.All(Roles.All, other => Assert.Equal(other <= role, role.Includes(other)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("-lead")]
    [InlineData(".hidden")]
    [InlineData("a b")]
    [InlineData("ada\u0000")]
    [InlineData("Ադա")]
    [InlineData("<script>")]
    [InlineData("ada'--")]
    public void User_names_outside_the_allowed_letters_are_refused(string name) => Assert.NotNull(UserNames.Problem(name));

    [Theory]
    [InlineData("ada")]
    [InlineData("007")]
    [InlineData("field-office_2.lead-")]
    public void User_names_of_letters_digits_dots_hyphens_and_underscores_are_accepted(string name) => Assert.Null(UserNames.Problem(name));

    [Fact]
    public void A_user_name_has_at_most_64_characters()
    {
        Assert.Null(UserNames.Problem(new string('a', 64)));
        Assert.NotNull(UserNames.Problem(new string('a', 65)));
    }
}
