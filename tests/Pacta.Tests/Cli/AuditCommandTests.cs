using System.Text.Json;
using Pacta.Model;
using Pacta.Store;
using Pacta.Tests.Store;
using static Pacta.Tests.Store.Samples;

namespace Pacta.Tests.Cli;

/// <summary>
/// <c>pacta audit verify</c>, <c>pacta audit head</c> and <c>pacta history</c> run as a user would, on a real store file;
/// <c>verify</c> and <c>head</c> on a PostgreSQL database too.
/// </summary>
public sealed class AuditCommandTests : IDisposable
{
    private readonly TempFolder folder = new();

    private static readonly Actor Renamed = new(Editors.Id, ActorKind.Body, "Pacta editors", null, [], [Dataset.Id], AlsoKnownAs: ["PEG"]);

    public AuditCommandTests()
    {
        using var store = SqliteStore.Open(Db, new FixedClock(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero)));
        store.Write(All, new ChangeContext("alice", "pacta import pacta data"));
        store.Write([Renamed], new ChangeContext("bob", "pacta edit", "shorter name"));
    }

    private string Db => folder["store.db"];

    public void Dispose() => folder.Dispose();

    private static string HashOf(string db, long sequence)
    {
        using var store = Stores.Open(db);
        return store.Changes().Single(c => c.Sequence == sequence).Hash!;
    }

    /// <summary>The same log as the file's, in a store of the given backend: a SQLite file or a PostgreSQL database.</summary>
    private static TempStore Seeded(Backend backend)
    {
        var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, new ChangeContext("alice", "pacta import pacta data"));
        store.Write([Renamed], new ChangeContext("bob", "pacta edit", "shorter name"));
        return temp;
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Verify_says_how_many_changes_and_the_head_and_exits_0_on_an_untouched_store(Backend backend)
    {
        using var temp = Seeded(backend);
        var db = temp.Location;
        var verified = Pacta.Run("audit", "verify", "--db", db);

        Assert.True(verified.ExitCode == 0, verified.Error);
        Assert.Equal($"14 changes, chain intact, head {HashOf(db, 14)}", verified.Out.Trim());
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Verify_keeps_the_chain_intact_after_publications_of_drafts_and_history_names_author_and_reviewer(Backend backend)
    {
        using var temp = Seeded(backend);
        var db = temp.Location;
        long edit, creation;
        using (var store = temp.OpenStore())
        {
            edit = store.AddDraft(new Actor(Editors.Id, ActorKind.Body, "Pacta editors", null, [], [Dataset.Id], "Proposed by cora.", ["PEG"]), 2, "cora").Number;
            creation = store.AddDraft(new Actor(Id("reviewed-body"), ActorKind.Body, "A body proposed for review", null, [], [Dataset.Id]), 0, "cora").Number;
            store.PublishDraft(edit, "rita", "api");
            store.PublishDraft(creation, "ada", "web");
        }

        var verified = Pacta.Run("audit", "verify", "--db", db);
        var history = Pacta.Run("history", Editors.Id.Value, "--db", db);

        Assert.True(verified.ExitCode == 0, verified.Error);
        Assert.Equal($"16 changes, chain intact, head {HashOf(db, 16)}", verified.Out.Trim());
        Assert.True(history.ExitCode == 0, history.Error);
        Assert.Contains($"updated by cora  with 'api'  because: draft {edit} by cora, published by rita", history.Out, StringComparison.Ordinal);
        Assert.Contains("$.note", history.Out, StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Verify_names_the_first_altered_change_and_exits_4(Backend backend)
    {
        using var temp = Seeded(backend);
        var db = temp.Location;
        temp.RawExecute("UPDATE change SET reason = 'nothing to see' WHERE seq = 3");
        temp.RawExecute("UPDATE record SET body = replace(body, 'Pacta editors', 'Editors') WHERE id = 'pacta-editors'");

        var verified = Pacta.Run("audit", "verify", "--db", db);

        Assert.Equal(4, verified.ExitCode);
        var lines = verified.Out.Trim().Split('\n');
        Assert.StartsWith("chain broken at change 3 (armenia): does not match its hash", lines[0], StringComparison.Ordinal);
        Assert.Equal("2 problems in all:", lines[1]);
        Assert.StartsWith("  change 14 (pacta-editors): the record's body differs from the after of this, its last change", lines[3], StringComparison.Ordinal);
        Assert.StartsWith("14 changes checked, head ", lines[^1], StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Head_prints_the_last_hash_which_verify_then_finds_until_the_chain_is_rewritten(Backend backend)
    {
        using var temp = Seeded(backend);
        var db = temp.Location;
        var head = Pacta.Run("audit", "head", "--db", db);
        var json = Pacta.Run("audit", "head", "--json", "--db", db);

        Assert.Equal((0, $"{HashOf(db, 14)} at change 14"), (head.ExitCode, head.Out.Trim()));
        using var shape = JsonDocument.Parse(json.Out);
        Assert.Equal((14, HashOf(db, 14), 14), (shape.RootElement.GetProperty("sequence").GetInt64(), shape.RootElement.GetProperty("hash").GetString(),
            shape.RootElement.GetProperty("changes").GetInt64()));
        var hash = head.Out.Split(' ')[0];
        Assert.Equal(0, Pacta.Run("audit", "verify", "--head", hash, "--db", db).ExitCode);

        temp.RawExecute($"UPDATE change SET hash = {temp.BytesLiteral(Convert.FromHexString(new string('1', 64)))} WHERE seq = 14");
        var rewritten = Pacta.Run("audit", "verify", "--head", hash, "--db", db);

        Assert.Equal(4, rewritten.ExitCode);
        Assert.Contains($"the head {hash} exported earlier is nowhere in the log", rewritten.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_refuses_a_head_that_is_not_a_hash_with_exit_3_and_a_missing_store_with_1()
    {
        var bad = Pacta.Run("audit", "verify", "--head", "abc", "--db", Db);
        var missing = Pacta.Run("audit", "verify", "--db", folder["none.db"]);

        Assert.Equal(3, bad.ExitCode);
        Assert.Contains("--head: 'abc' is not a hash: it has 64 hex digits", bad.Error, StringComparison.Ordinal);
        Assert.Equal(1, missing.ExitCode);
        Assert.False(File.Exists(folder["none.db"]));
    }

    [Fact]
    public void History_shows_who_changed_what_with_the_paths_of_an_update()
    {
        var history = Pacta.Run("history", "pacta-editors", "--db", Db);

        Assert.True(history.ExitCode == 0, history.Error);
        Assert.Contains("#6  2026-11-29 10:00:00 UTC  created by alice  with 'pacta import pacta data'", history.Out, StringComparison.Ordinal);
        Assert.Contains("#14  2026-11-29 10:00:00 UTC  updated by bob  with 'pacta edit'  because: shorter name", history.Out, StringComparison.Ordinal);
        Assert.Matches("""\$\.name\s+"Pacta editorial group"\s+"Pacta editors"\s""", history.Out);
        Assert.Matches("""\$\.alsoKnownAs\s+\(none\)\s+\["PEG"\]\s""", history.Out);
    }

    [Fact]
    public void History_as_json_gives_each_change_with_its_hash_and_changed_paths()
    {
        var history = Pacta.Run("history", "pacta-editors", "--json", "--db", Db);

        Assert.True(history.ExitCode == 0, history.Error);
        using var json = JsonDocument.Parse(history.Out);
        var changes = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["created", "updated"], changes.Select(c => c.GetProperty("operation").GetString()));
        Assert.Equal(HashOf(Db, 14), changes[1].GetProperty("hash").GetString());
        Assert.Equal("shorter name", changes[1].GetProperty("reason").GetString());
        var paths = changes[1].GetProperty("changes").EnumerateArray()
            .Select(p => (p.GetProperty("path").GetString(), p.GetProperty("before").ToString(), p.GetProperty("after").ToString())).ToList();
        Assert.Contains(("$.name", "Pacta editorial group", "Pacta editors"), paths);
        Assert.Equal("$", changes[0].GetProperty("changes")[0].GetProperty("path").GetString());
    }

    [Fact]
    public void History_of_an_unknown_id_fails_and_of_a_malformed_one_is_a_usage_error()
    {
        var unknown = Pacta.Run("history", "no-such-record", "--db", Db);
        var malformed = Pacta.Run("history", "Not An Id", "--db", Db);

        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no change has been recorded for 'no-such-record'", unknown.Error, StringComparison.Ordinal);
        Assert.Equal(2, malformed.ExitCode);
    }
}
