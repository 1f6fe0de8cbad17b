using System.Text.Json;
using Pacta.Json;
using Pacta.Model;
using Pacta.Store;
using static Pacta.Tests.Store.Samples;

namespace Pacta.Tests.Store;

public class SqliteStoreTests
{
    [Fact]
    public void Open_creates_a_store_at_the_latest_schema_version()
    {
        using var temp = new TempStore();
        Assert.False(SqliteStore.IsStore(temp.Path));

        using var store = temp.Open();

        Assert.True(SqliteStore.IsStore(temp.Path));
        Assert.Equal(SqliteStore.LatestSchemaVersion, store.SchemaVersion);
        Assert.Equal(temp.Path, store.Path);
        Assert.All(Enum.GetValues<RecordKind>(), kind => Assert.Equal(0, store.Counts()[kind]));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Records_survive_closing_and_reopening_the_store(Backend backend)
    {
        using var temp = new TempStore(backend);
        using (var store = temp.OpenStore()) store.Write(All, Context);

        using var reopened = temp.OpenStore();

        Assert.Equal(SqliteStore.LatestSchemaVersion, reopened.SchemaVersion);
        Assert.Equal(Json(KhankendiStepanakert), Json(reopened.Find(KhankendiStepanakert.Id)!));
    }

    [Fact]
    public void Opening_and_reading_an_up_to_date_store_leaves_the_file_unchanged()
    {
        using var temp = new TempStore();
        using (var store = temp.Open()) store.Write(All, Context);
        var before = temp.Hash();

        using (var store = temp.Open())
        {
            Assert.NotEmpty(store.All<Place>());
            Assert.NotEmpty(store.FindPlaces("susa"));
            Assert.NotEmpty(store.Changes());
        }

        Assert.Equal(before, temp.Hash());
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Every_written_record_reads_back_with_the_same_json(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();

        var summary = store.Write(All, Context);

        Assert.Equal(new WriteSummary(All.Count, 0, 0, 0), summary);
        Assert.All(All, record =>
        {
            var found = store.Find(record.Id);
            Assert.NotNull(found);
            Assert.IsType(record.GetType(), found);
            Assert.Equal(Json(record), Json(found));
        });
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void All_lists_a_kind_ordered_by_id(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);

        Assert.Equal(["armenia", "azerbaijan", "pacta-editors", "russia"], store.All<Actor>().Select(a => a.Id.Value));
        Assert.Equal(["khankendi-stepanakert", "shusha-shushi", "shushakend", "survey-triangle"], store.All(RecordKind.Place).Select(p => p.Id.Value));
        Assert.Empty(store.All<Issue>());
        Assert.Throws<ArgumentException>(() => store.All(RecordKind.Obligation));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Counts_lists_every_kind_with_obligations_and_zeros(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);

        var counts = store.Counts();

        Assert.Equal(Enum.GetValues<RecordKind>().Length, counts.Count);
        Assert.Equal(4, counts[RecordKind.Actor]);
        Assert.Equal(4, counts[RecordKind.Place]);
        Assert.Equal(1, counts[RecordKind.Document]);
        Assert.Equal(2, counts[RecordKind.Obligation]);
        Assert.Equal(0, counts[RecordKind.Claim]);
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void KindOf_names_records_and_obligations_alike(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);

        Assert.Equal(RecordKind.Place, store.KindOf(ShushaShushi.Id));
        Assert.Equal(RecordKind.Obligation, store.KindOf(Id("ts2020-peacekeepers")));
        Assert.Null(store.KindOf(Id("atlantis")));
        Assert.Null(store.Find(Id("ts2020-peacekeepers")));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void FindObligation_gives_the_obligation_with_its_document_and_provision(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);

        var found = store.FindObligation(Id("ts2020-peacekeepers"));

        Assert.NotNull(found);
        Assert.Equal(Statement.Id, found.Document.Id);
        Assert.Equal("art_3", found.Provision.EId);
        Assert.Equal([Russia.Id], found.Obligation.Bearers);
        Assert.Null(store.FindObligation(Armenia.Id));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Writing_the_same_records_again_changes_nothing_not_even_a_byte(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);
        var changes = store.Changes().Count;
        var before = temp.Fingerprint();
        temp.Clock.Advance(TimeSpan.FromHours(1));

        var summary = store.Write(All, Context);

        Assert.Equal(new WriteSummary(0, 0, All.Count, 0), summary);
        Assert.Equal(changes, store.Changes().Count);
        Assert.Equal(before, temp.Fingerprint());
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void An_update_records_one_change_with_the_json_before_and_after(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);
        var renamed = new Actor(Armenia.Id, ActorKind.State, "The Republic of Armenia", "Armenia", [], [Dataset.Id]);
        temp.Clock.Advance(TimeSpan.FromMinutes(5));

        var summary = store.Write([renamed, Azerbaijan], new ChangeContext("editor", "pacta edit", "official name"));

        Assert.Equal(new WriteSummary(0, 1, 1, 0), summary);
        var history = store.History(Armenia.Id);
        Assert.Equal([ChangeOperation.Created, ChangeOperation.Updated], history.Select(c => c.Operation));
        var update = history[1];
        Assert.Equal(Json(Armenia), update.Before);
        Assert.Equal(Json(renamed), update.After);
        Assert.Equal(("editor", "pacta edit", "official name"), (update.Author, update.Command, update.Reason));
        Assert.Equal(RecordKind.Actor, update.Kind);
        Assert.Equal(temp.Clock.Now, update.RecordedAt);
        Assert.True(update.Sequence > history[0].Sequence);
        Assert.Equal("The Republic of Armenia", ((Actor)store.Find(Armenia.Id)!).Name);
    }

    [Fact]
    public void Changes_are_recorded_in_UTC_with_a_Z()
    {
        using var temp = new TempStore();
        temp.Clock.Now = new DateTimeOffset(2026, 11, 29, 14, 30, 0, TimeSpan.FromHours(4));
        using (var store = temp.Open()) store.Write([Dataset], Context);

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={temp.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT recorded_at FROM change";

        Assert.Equal("2026-11-29T10:30:00.0000000Z", command.ExecuteScalar());
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Changes_pages_through_every_change_in_order(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);

        var first = store.Changes(limit: 5);
        var rest = store.Changes(first[^1].Sequence);

        Assert.Equal(5, first.Count);
        Assert.Equal(All.Select(r => r.Id), first.Concat(rest).Select(c => c.RecordId));
        Assert.All(first.Concat(rest), c => Assert.Equal(ChangeOperation.Created, c.Operation));
        Assert.Null(first[0].Before);
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_dangling_reference_is_refused_and_leaves_the_file_byte_for_byte_unchanged(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);
        var before = temp.Fingerprint();
        var minister = new Actor(Id("foreign-minister"), ActorKind.Person, "A foreign minister", null,
            [new("Minister of Foreign Affairs", Id("atlantis"), null, null)], [Dataset.Id]);
        var topic = new Topic(Id("casualty-count"), "How many died", null, [Dataset.Id]);

        var refused = Assert.Throws<StoreException>(() => store.Write([topic, minister], Context));

        Assert.Equal(["'foreign-minister' roles[0].of: 'atlantis' does not exist"], refused.Problems);
        Assert.Contains("atlantis", refused.Message, StringComparison.Ordinal);
        Assert.Null(store.Find(topic.Id));
        Assert.Equal(before, temp.Fingerprint());
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_reference_to_the_wrong_kind_is_refused(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);
        var misdirected = new Assessment(Id("misdirected"), Armenia.Id, PartialDate.Year(2021), AssessmentStatus.Disputed,
            new PamScore(2), "Assessed against the wrong kind of record.", [], Editors.Id, [Dataset.Id]);

        var refused = Assert.Throws<StoreException>(() => store.Write([misdirected], Context));

        Assert.Equal(["'misdirected' obligation: 'armenia' is an actor, not an obligation"], refused.Problems);
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Records_written_together_may_cite_each_other_in_any_order(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();

        var summary = store.Write(All.Reverse().ToList(), Context);

        Assert.Equal(All.Count, summary.Created);
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void An_id_cannot_name_two_kinds_of_record(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);
        var clash = new Topic(Armenia.Id, "Armenia as a topic", null, [Dataset.Id]);
        var obligationClash = new Topic(Id("ts2020-ceasefire"), "The ceasefire", null, [Dataset.Id]);

        var refused = Assert.Throws<StoreException>(() => store.Write([clash, obligationClash], Context));

        Assert.Equal(2, refused.Problems.Count);
        Assert.Contains("is the id of an actor already", refused.Problems[0], StringComparison.Ordinal);
        Assert.Contains("an obligation of 'trilateral-statement-2020-11-10'", refused.Problems[1], StringComparison.Ordinal);
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Dropping_an_obligation_that_an_assessment_cites_is_refused(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);
        var withoutCeasefire = new Document(Statement.Id, Statement.Kind, Statement.Title, Statement.ShortTitle, Statement.Stage,
            Statement.Status, Statement.Dates, Statement.PaxId, Statement.Signatories, Statement.Links, Statement.Texts,
            [Statement.Provisions[1]], Statement.Sources);

        var refused = Assert.Throws<StoreException>(() => store.Write([withoutCeasefire], Context));

        Assert.Contains(refused.Problems, p => p.Contains("no longer holds obligation 'ts2020-ceasefire', which 'ts2020-ceasefire-2021' still cites", StringComparison.Ordinal));
        Assert.Equal(RecordKind.Obligation, store.KindOf(Id("ts2020-ceasefire")));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Delete_is_refused_while_another_record_cites_the_record(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);
        var before = temp.Fingerprint();

        var refused = Assert.Throws<StoreException>(() => store.Delete([Signing.Id], Context));

        Assert.Equal(["'signing-2020-11-09' is still cited by 'ts2020-ceasefire-2021' at evidence[0]"], refused.Problems);
        Assert.NotNull(store.Find(Signing.Id));
        Assert.Equal(before, temp.Fingerprint());
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Delete_is_refused_while_another_record_cites_an_obligation_of_the_document(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);

        var refused = Assert.Throws<StoreException>(() => store.Delete([Statement.Id], Context));

        Assert.Equal(["'ts2020-ceasefire' is still cited by 'ts2020-ceasefire-2021' at obligation"], refused.Problems);
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Records_that_cite_each_other_can_be_deleted_together(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);

        var summary = store.Delete([CeasefireHeld.Id, Statement.Id, Signing.Id], new ChangeContext("editor", "pacta delete"));

        Assert.Equal(new WriteSummary(0, 0, 0, 3), summary);
        Assert.Null(store.Find(Statement.Id));
        Assert.Null(store.KindOf(Id("ts2020-ceasefire")));
        Assert.Equal(0, store.Counts()[RecordKind.Obligation]);
        var deletion = store.History(Statement.Id)[^1];
        Assert.Equal(ChangeOperation.Deleted, deletion.Operation);
        Assert.Equal(Json(Statement), deletion.Before);
        Assert.Null(deletion.After);
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Delete_refuses_unknown_ids_and_obligation_ids(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);

        var refused = Assert.Throws<StoreException>(() => store.Delete([Id("atlantis"), Id("ts2020-peacekeepers")], Context));

        Assert.Equal(
            ["'atlantis' does not exist", "'ts2020-peacekeepers' is an obligation: remove it from its document instead"],
            refused.Problems);
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_disposed_store_says_so(Backend backend)
    {
        using var temp = new TempStore(backend);
        var store = temp.OpenStore();
        store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => store.Find(Armenia.Id));
    }

    private static string Json(IRecord record) => JsonSerializer.Serialize(record, record.GetType(), PactaJson.Options);
}
