using Pacta.Model;
using Pacta.Store;
using static Pacta.Tests.Store.Samples;

namespace Pacta.Tests.Store;

/// <summary>Drafts kept apart from the records, published, rejected and withdrawn by the rules, on both backends.</summary>
public sealed class DraftStoreTests
{
    private static readonly ChangeContext Setup = new("setup", "tests");

    private static Actor Renamed(Actor actor, string name) => new(actor.Id, actor.Kind, name, actor.ShortName, actor.Roles, actor.Sources, actor.Note);

    private static IStore Seeded(TempStore temp)
    {
        var store = temp.OpenStore();
        store.Write([Dataset, Armenia], Setup);
        return store;
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_draft_changes_no_record_and_no_history_until_it_is_published(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = Seeded(temp);
        var head = store.AuditHead();

        var edit = store.AddDraft(Renamed(Armenia, "Armenia, as proposed"), baseVersion: 1, "cora");
        var created = store.AddDraft(Azerbaijan, baseVersion: 0, "cora");

        Assert.Equal((DraftState.Pending, 1L, "cora", "Armenia, as proposed"), (edit.State, edit.BaseVersion, edit.Author, ((Actor)edit.Record).Name));
        Assert.Equal(temp.Clock.Now, edit.CreatedAt);
        Assert.True(created.Number > edit.Number);
        Assert.Equal("Republic of Armenia", ((Actor)store.Find(Armenia.Id)!).Name);
        Assert.Null(store.Find(Azerbaijan.Id));
        Assert.DoesNotContain(store.All<Actor>(), a => a.Id == Azerbaijan.Id);
        Assert.Equal(head, store.AuditHead());
        Assert.Equal([edit.Number, created.Number], store.Drafts(DraftState.Pending).Select(d => d.Number));
        Assert.Equal([edit.Number, created.Number], store.Drafts(null, "CORA").Select(d => d.Number));
        Assert.Empty(store.Drafts(DraftState.Pending, "cole"));
        Assert.Equal((edit.Body, edit.State, edit.CreatedAt), (store.FindDraft(edit.Number)!.Body, store.FindDraft(edit.Number)!.State, store.FindDraft(edit.Number)!.CreatedAt));
        Assert.Null(store.FindDraft(created.Number + 100));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_publication_writes_the_record_as_its_author_names_the_reviewer_and_keeps_the_chain_intact(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = Seeded(temp);
        var edit = store.AddDraft(Renamed(Armenia, "Armenia, as published"), 1, "cora");
        var created = store.AddDraft(Azerbaijan, 0, "cora");
        temp.Clock.Advance(TimeSpan.FromMinutes(3));

        var published = store.PublishDraft(edit.Number, "rita", "api");
        var second = store.PublishDraft(created.Number, "ada", "web");

        Assert.Equal((2L, "Armenia, as published", "cora"), (published.Record.Version, ((Actor)published.Record.Record).Name, published.Record.ChangedBy));
        Assert.Equal((DraftState.Published, "rita", temp.Clock.Now), (published.Draft.State, published.Draft.DecidedBy, published.Draft.DecidedAt));
        var update = store.History(Armenia.Id)[^1];
        Assert.Equal((ChangeOperation.Updated, "cora", "api", $"draft {edit.Number} by cora, published by rita"),
            (update.Operation, update.Author, update.Command, update.Reason));
        var creation = Assert.Single(store.History(Azerbaijan.Id));
        Assert.Equal((ChangeOperation.Created, "cora", "web", $"draft {created.Number} by cora, published by ada"),
            (creation.Operation, creation.Author, creation.Command, creation.Reason));
        Assert.Equal(1L, second.Record.Version);
        var audit = store.VerifyAudit();
        Assert.True(audit.Intact, string.Join("; ", audit.Breaks.Select(b => b.ToString())));
        Assert.Empty(store.Drafts(DraftState.Pending));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_stale_draft_is_refused_at_publication_and_nothing_is_written(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = Seeded(temp);
        var first = store.AddDraft(Renamed(Armenia, "First proposal"), 1, "cora");
        var second = store.AddDraft(Renamed(Armenia, "Second proposal"), 1, "cole");
        var rival = store.AddDraft(Azerbaijan, 0, "cole");
        var twin = store.AddDraft(Renamed(Azerbaijan, "Azerbaijan, again"), 0, "cora");
        store.PublishDraft(first.Number, "rita", "api");
        store.PublishDraft(rival.Number, "rita", "api");
        var fingerprint = temp.Fingerprint();

        var stale = Assert.Throws<VersionConflictException>(() => store.PublishDraft(second.Number, "rita", "api"));
        var taken = Assert.Throws<VersionConflictException>(() => store.PublishDraft(twin.Number, "rita", "api"));

        Assert.Equal((2L, "cora"), (stale.Current!.Version, stale.Current.ChangedBy));
        Assert.Equal(1L, taken.Current!.Version);
        Assert.Equal(fingerprint, temp.Fingerprint());
        Assert.True(store.FindDraft(second.Number)!.Pending);
        Assert.Equal("First proposal", ((Actor)store.Find(Armenia.Id)!).Name);
        Assert.Throws<VersionConflictException>(() => store.AddDraft(Renamed(Armenia, "From an old version"), 1, "cole"));
        Assert.Equal(fingerprint, temp.Fingerprint());
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Only_someone_else_publishes_or_rejects_only_the_author_withdraws_and_a_decision_is_final(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = Seeded(temp);
        var draft = store.AddDraft(Renamed(Armenia, "Proposed"), 1, "rita");
        var fingerprint = temp.Fingerprint();

        Assert.Equal(DraftRefusal.OwnDraft, Assert.Throws<DraftException>(() => store.PublishDraft(draft.Number, "RITA", "api")).Refusal);
        Assert.Equal(DraftRefusal.OwnDraft, Assert.Throws<DraftException>(() => store.RejectDraft(draft.Number, "rita", "mine")).Refusal);
        Assert.Equal(DraftRefusal.NotAuthor, Assert.Throws<DraftException>(() => store.WithdrawDraft(draft.Number, "ada")).Refusal);
        Assert.Equal(DraftRefusal.NoReason, Assert.Throws<DraftException>(() => store.RejectDraft(draft.Number, "ada", " ")).Refusal);
        Assert.Equal(DraftRefusal.NotFound, Assert.Throws<DraftException>(() => store.PublishDraft(draft.Number + 1, "ada", "api")).Refusal);
        Assert.Equal(fingerprint, temp.Fingerprint());

        var rejected = store.RejectDraft(draft.Number, "ada", " Needs a source. ");
        Assert.Equal((DraftState.Rejected, "ada", "Needs a source."), (rejected.State, rejected.DecidedBy, rejected.Reason));
        var afterRejection = temp.Fingerprint();
        foreach (var again in new Action[]
                 {
                     () => store.PublishDraft(draft.Number, "ada", "api"), () => store.RejectDraft(draft.Number, "ada", "again"),
                     () => store.WithdrawDraft(draft.Number, "rita"),
                 })
            Assert.Equal(DraftRefusal.Decided, Assert.Throws<DraftException>(again).Refusal);
        Assert.Equal(afterRejection, temp.Fingerprint());
        Assert.Equal(("Republic of Armenia", 1L), (((Actor)store.Find(Armenia.Id)!).Name, store.FindVersioned(Armenia.Id)!.Version));

        var withdrawn = store.WithdrawDraft(store.AddDraft(Renamed(Armenia, "Second thoughts"), 1, "cora").Number, "cora");
        Assert.Equal((DraftState.Withdrawn, "cora"), (withdrawn.State, withdrawn.DecidedBy));
        Assert.Equal(1L, store.FindVersioned(Armenia.Id)!.Version);
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_draft_that_would_be_refused_when_published_is_refused_when_made(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = Seeded(temp);
        var fingerprint = temp.Fingerprint();
        var dangling = new Actor(Id("test-dangling"), ActorKind.Body, "Cites nothing", null, [], [Id("no-such-source")]);

        var refused = Assert.Throws<StoreException>(() => store.AddDraft(dangling, 0, "cora"));

        Assert.Contains(refused.Problems, p => p.Contains("no-such-source", StringComparison.Ordinal));
        Assert.Equal(fingerprint, temp.Fingerprint());
        Assert.Empty(store.Drafts());
        // The trial write left the chain's head where it was: the next write links to the last change.
        store.PublishDraft(store.AddDraft(Azerbaijan, 0, "cora").Number, "rita", "api");
        Assert.True(store.VerifyAudit().Intact);
    }

    [Fact]
    public void A_sqlite_store_of_version_6_gains_the_draft_table_and_keeps_its_records_and_chain()
    {
        using var temp = new TempStore();
        using (var old = SqliteStore.OpenAtVersion(temp.Path, 6, temp.Clock)) old.Write([Dataset, Armenia], Setup);
        Assert.Empty(RawSqlite.Rows(temp.Path, "SELECT name FROM sqlite_master WHERE name = 'draft'"));

        using var store = temp.Open();
        store.PublishDraft(store.AddDraft(Renamed(Armenia, "After the upgrade"), 1, "cora").Number, "rita", "api");

        Assert.Equal(["drafts"], RawSqlite.Rows(temp.Path, "SELECT value FROM meta WHERE key = 'migration.7.name'"));
        Assert.Equal(2L, store.FindVersioned(Armenia.Id)!.Version);
        Assert.True(store.VerifyAudit().Intact);
    }

    [Fact]
    public void A_postgres_store_made_before_drafts_gains_the_draft_table_when_opened()
    {
        using var temp = new TempStore(Backend.Postgres);
        Seeded(temp).Dispose();
        temp.RawExecute("DROP TABLE draft; UPDATE pacta_meta SET value = '6' WHERE key = 'schema-version';");

        using var reopened = temp.OpenStore();
        var draft = reopened.AddDraft(Renamed(Armenia, "After the upgrade"), 1, "cora");

        Assert.Equal([$"{Stores.LatestSchemaVersion}"], temp.RawRows("SELECT value FROM pacta_meta WHERE key = 'schema-version'"));
        Assert.Equal(DraftState.Pending, reopened.FindDraft(draft.Number)!.State);
        Assert.True(reopened.VerifyAudit().Intact);
    }
}
