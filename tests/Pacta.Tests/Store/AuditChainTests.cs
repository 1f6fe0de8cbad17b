using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Pacta.Imports;
using Pacta.Model;
using Pacta.Store;
using static Pacta.Tests.Store.Samples;

namespace Pacta.Tests.Store;

/// <summary>
/// The change log's hash chain on a real SQLite file and a real PostgreSQL database: built by every write, delete and
/// import, and by the upgrade of a store made before the chain.
/// </summary>
public sealed class AuditChainTests
{
    /// <summary>
    /// The bytes docs/audit.md describes, put together here on their own: the previous hash, the layout byte 1, the
    /// sequence number and the UTC ticks as big-endian 64-bit integers, six texts each as a big-endian 32-bit length
    /// (−1 for none) and its UTF-8, then each body as 0 (none) or 1 and its SHA-256.
    /// </summary>
    private static byte[] Documented(byte[] previous, Change change)
    {
        var bytes = new List<byte>(previous) { 1 };
        var number = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(number, change.Sequence);
        bytes.AddRange(number);
        BinaryPrimitives.WriteInt64BigEndian(number, change.RecordedAt.UtcTicks);
        bytes.AddRange(number);
        foreach (var text in new[] { change.Author, change.Command, change.Reason, change.RecordId.Value, Kebab(change.Kind), Kebab(change.Operation) })
        {
            var length = new byte[4];
            BinaryPrimitives.WriteInt32BigEndian(length, text is null ? -1 : Encoding.UTF8.GetByteCount(text));
            bytes.AddRange(length);
            if (text is not null) bytes.AddRange(Encoding.UTF8.GetBytes(text));
        }
        foreach (var body in new[] { change.Before, change.After })
        {
            if (body is null) bytes.Add(0);
            else bytes.AddRange([1, .. SHA256.HashData(Encoding.UTF8.GetBytes(body))]);
        }
        return SHA256.HashData(bytes.ToArray());
    }

    private static string Kebab<T>(T value) where T : struct, Enum => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    /// <summary>Checks every change's stored hash against the documented bytes, from 32 zero bytes on; the sequence numbers run without a gap.</summary>
    private static void AssertDocumentedChain(IReadOnlyList<Change> changes)
    {
        var previous = new byte[32];
        var expectedSequence = 1L;
        foreach (var change in changes)
        {
            Assert.Equal(expectedSequence++, change.Sequence);
            previous = Documented(previous, change);
            Assert.Equal(Convert.ToHexStringLower(previous), change.Hash);
        }
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Writes_updates_and_deletes_each_append_the_documented_link_to_the_one_before(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);
        temp.Clock.Advance(TimeSpan.FromMinutes(5));
        store.Write([new Actor(Editors.Id, ActorKind.Body, "Pacta editors", null, [], [Dataset.Id])], new ChangeContext("bob", "pacta edit", "shorter"));
        store.Delete([CeasefireHeld.Id], new ChangeContext("carol", "pacta delete"));

        var changes = store.Changes();

        Assert.Equal(15, changes.Count);
        AssertDocumentedChain(changes);
        var report = store.VerifyAudit();
        Assert.True(report.Intact, string.Join("\n", report.Breaks));
        Assert.Equal((15L, changes[^1].Hash), (report.Changes, report.Head));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_creations_link_covers_the_body_it_made_whether_or_not_its_row_keeps_it(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write([Dataset], Context);
        var creation = store.Changes().Single();

        // SQLite leaves a creation's body to the record (schema 4); PostgreSQL keeps it in the row.
        Assert.Equal([backend == Backend.Sqlite ? "∅" : creation.After!], temp.RawRows("SELECT after FROM change"));
        Assert.NotNull(creation.After);
        Assert.Equal(Convert.ToHexStringLower(Documented(new byte[32], creation)), creation.Hash);
        Assert.NotEqual(Convert.ToHexStringLower(Documented(new byte[32], creation with { After = null })), creation.Hash);
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_write_that_is_refused_leaves_no_link_and_no_gap(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write([Dataset], Context);
        Assert.Throws<StoreException>(() => store.Write([Armenia, Statement], Context));
        store.Write([Armenia], Context);

        var changes = store.Changes();

        Assert.Equal([1L, 2L], changes.Select(c => c.Sequence));
        AssertDocumentedChain(changes);
        Assert.True(store.VerifyAudit().Intact);
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Writers_on_several_threads_extend_one_chain(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);
        var names = Enumerable.Range(0, 40).ToList();

        Parallel.ForEach(names, new ParallelOptions { MaxDegreeOfParallelism = 4 }, n =>
        {
            var id = n % 2 == 0 ? Armenia.Id : Azerbaijan.Id;
            store.Write([new Actor(id, ActorKind.State, $"State {n}", null, [], [Dataset.Id])], new ChangeContext($"writer-{n}", "pacta edit"));
        });

        var changes = store.Changes(limit: 1000);
        Assert.Equal(All.Count + names.Count, changes.Count);
        AssertDocumentedChain(changes);
        Assert.True(store.VerifyAudit().Intact);
    }

    private static Event Imported(int n, string digest) => new(
        ImportedEvent.IdFor(EventDataset.Acled, $"ARM{n}"), $"clash {n}", EventType.Parse("acled:Battles/Armed clash"),
        PartialDate.Day(2021, 1 + n % 12, 1 + n % 28), null, new EventPlace(null, new GeoPoint(45 + n % 10 * 0.1, 40), LocationPrecision.Exact),
        [new EventActor(Armenia.Id, EventActorRole.SideA), new EventActor(Azerbaijan.Id, EventActorRole.SideB)],
        null, null, null, [Dataset.Id], null, [new EventOrigin(EventDataset.Acled, $"ARM{n}", digest)]);

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void An_import_links_its_batched_creations_and_the_updates_between_them_in_sequence_order(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);
        var context = new ChangeContext("importer", "pacta import acled rows.csv");
        using (var import = store.BeginEventImport(context, null, batched: true))
        {
            import.Put([.. Enumerable.Range(0, 60).Select(n => ReadyEvent.From(Imported(n, "000000000000000a")))]);
            import.Checkpoint();
            import.Put([.. Enumerable.Range(60, 40).Select(n => ReadyEvent.From(Imported(n, "000000000000000a")))]);
            import.Complete();
        }
        using (var import = store.BeginEventImport(context, null, batched: true))
        {
            // Updates (written at once) and creations (written at the end of the batch) in one batch.
            import.Put([.. Enumerable.Range(0, 50).SelectMany(i => new[] { 50 + i, 100 + i }).Select(n => ReadyEvent.From(Imported(n, n < 100 ? "000000000000000b" : "000000000000000a")))]);
            import.Complete();
        }

        var changes = store.Changes(limit: 1000);

        Assert.Equal(All.Count + 100 + 50 + 50, changes.Count);
        Assert.Equal(50, changes.Count(c => c.Operation == ChangeOperation.Updated));
        // The batch's creations were written after its updates, but numbered and linked in the order of the rows.
        Assert.Equal([ChangeOperation.Updated, ChangeOperation.Created, ChangeOperation.Updated], changes.Skip(All.Count + 100).Take(3).Select(c => c.Operation));
        AssertDocumentedChain(changes);
        var report = store.VerifyAudit();
        Assert.True(report.Intact, string.Join("\n", report.Breaks));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void An_import_rolled_back_leaves_the_chain_where_it_was(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);
        var head = store.AuditHead();
        using (var import = store.BeginEventImport(Context, null, batched: false))
        {
            import.Put([.. Enumerable.Range(0, 10).Select(n => ReadyEvent.From(Imported(n, "000000000000000a")))]);
        }
        store.Write([new Actor(Russia.Id, ActorKind.State, "Russia", null, [], [Dataset.Id])], Context);

        var changes = store.Changes();

        Assert.Equal(head.Sequence + 1, changes[^1].Sequence);
        AssertDocumentedChain(changes);
    }

    [Fact]
    public void Migrating_a_version_5_store_computes_the_chain_for_every_change_in_its_transaction()
    {
        using var temp = new TempStore();
        using (var old = SqliteStore.OpenAtVersion(temp.Path, 5, temp.Clock))
        {
            old.Write(All, Context);
            old.Write([new Actor(Editors.Id, ActorKind.Body, "Pacta editors", null, [], [Dataset.Id])], Context);
            old.Delete([CeasefireHeld.Id], Context);
        }
        Assert.DoesNotContain(RawSqlite.Rows(temp.Path, "SELECT name FROM pragma_table_info('change')"), c => c == "hash");

        using var store = temp.Open();

        Assert.Equal(SqliteStore.LatestSchemaVersion, store.SchemaVersion);
        Assert.Equal(["audit hash chain"], RawSqlite.Rows(temp.Path, "SELECT value FROM meta WHERE key = 'migration.6.name'"));
        AssertDocumentedChain(store.Changes());
        Assert.True(store.VerifyAudit().Intact);
        store.Write([Editors], Context);
        AssertDocumentedChain(store.Changes());
        Assert.Equal(16, store.AuditHead().Sequence);
    }

    [Fact]
    public void The_version_1_fixture_migrates_to_a_chain_that_verifies()
    {
        using var temp = new TempStore();
        File.Copy(Path.Combine(AppContext.BaseDirectory, "fixtures", "schema-v1.db"), temp.Path);

        using var store = temp.Open();

        AssertDocumentedChain(store.Changes());
        Assert.True(store.VerifyAudit().Intact);
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void An_empty_store_has_the_genesis_head_and_verifies(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();

        Assert.Equal(new AuditHead(0, 0, new string('0', 64)), store.AuditHead());
        var report = store.VerifyAudit();
        Assert.True(report.Intact);
        Assert.Equal(new string('0', 64), report.Head);
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Two_stores_open_on_one_database_take_turns_on_one_chain(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var first = temp.OpenStore();
        using var second = temp.OpenStore();
        first.Write(All, Context);

        Parallel.For(0, 20, new ParallelOptions { MaxDegreeOfParallelism = 4 }, n =>
            (n % 2 == 0 ? first : second).Write([new Actor(Russia.Id, ActorKind.State, $"Russia {n}", null, [], [Dataset.Id])], new ChangeContext($"writer-{n}", "pacta edit")));

        var changes = second.Changes();
        Assert.Equal(All.Count + 20, changes.Count);
        AssertDocumentedChain(changes);
        Assert.True(first.VerifyAudit().Intact);
    }

    [Fact]
    public void A_postgresql_store_made_before_the_chain_gets_it_when_opened()
    {
        using var temp = new TempStore(Backend.Postgres);
        using (var store = temp.OpenStore())
        {
            store.Write(All, Context);
            store.Write([new Actor(Editors.Id, ActorKind.Body, "Pacta editors", null, [], [Dataset.Id])], Context);
            store.Delete([CeasefireHeld.Id], Context);
        }
        // The shape the store had before: numbers from an identity sequence, no hash, no counter, version 5; and a
        // number burnt by a rolled-back write, which the upgrade must not take for a missing change.
        temp.RawExecute(
            """
            ALTER TABLE change DROP COLUMN hash;
            ALTER TABLE change ALTER COLUMN seq ADD GENERATED ALWAYS AS IDENTITY (START WITH 20);
            DELETE FROM pacta_meta WHERE key = 'change-counter';
            UPDATE pacta_meta SET value = '5' WHERE key = 'schema-version';
            """);
        Assert.Empty(temp.RawRows("SELECT 1 FROM information_schema.columns WHERE table_name = 'change' AND column_name = 'hash'"));

        using var reopened = temp.OpenStore();

        Assert.Equal([Stores.LatestSchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)], temp.RawRows("SELECT value FROM pacta_meta WHERE key = 'schema-version'"));
        AssertDocumentedChain(reopened.Changes());
        Assert.True(reopened.VerifyAudit().Intact);
        reopened.Write([Editors], Context);
        AssertDocumentedChain(reopened.Changes());
        Assert.Equal(16, reopened.AuditHead().Sequence);
    }
}
