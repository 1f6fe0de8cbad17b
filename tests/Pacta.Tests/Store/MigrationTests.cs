using System.Text.Json;
using Pacta.Json;
using Pacta.Model;
using Pacta.Store;
using Pacta.Store.Sqlite.Migrations;
using static Pacta.Tests.Store.Samples;

namespace Pacta.Tests.Store;

public class MigrationTests
{
    private static readonly string Fixture = Path.Combine(AppContext.BaseDirectory, "fixtures", "schema-v1.db");

    [Fact]
    public void The_version_1_fixture_opens_migrated_and_fully_indexed()
    {
        using var temp = new TempStore();
        File.Copy(Fixture, temp.Path);
        Assert.Equal(["1"], RawSqlite.Rows(temp.Path, "PRAGMA user_version"));
        var bodies = RawSqlite.Rows(temp.Path, "SELECT id, body FROM record ORDER BY id");
        var history = RawSqlite.Rows(temp.Path, "SELECT seq, record_id, operation, before, after FROM change ORDER BY seq");

        using var store = temp.Open();

        Assert.Equal(SqliteStore.LatestSchemaVersion, store.SchemaVersion);
        Assert.Equal(bodies, RawSqlite.Rows(temp.Path, "SELECT id, body FROM record ORDER BY id"));
        Assert.Equal(bodies.Count, store.Counts().Where(c => c.Key != RecordKind.Obligation).Sum(c => c.Value));
        Assert.All(bodies, row =>
        {
            var id = new RecordId(row[..row.IndexOf(' ', StringComparison.Ordinal)]);
            Assert.Equal(row[(id.Value.Length + 3)..], Json(store.Find(id)!));
        });
        Assert.Equal([ShushaShushi.Id], store.FindPlaces("Susa").Select(p => p.Id));
        Assert.Equal([KhankendiStepanakert.Id], store.FindPlaces("Xankendi").Select(p => p.Id));
        Assert.Equal("art_3", store.FindObligation(Id("ts2020-peacekeepers"))?.Provision.EId);
        Assert.Equal(2, store.Counts()[RecordKind.Obligation]);
        Assert.Equal([ShushaShushi.Id, Triangle.Id], store.PlacesIntersecting(46.00, 39.00, 46.75, 39.76));
        // Version 4 keeps a creation's body once, in the record or the next change; read through the store, every
        // change still has the bodies it had.
        Assert.Equal(["∅"], RawSqlite.Rows(temp.Path, "SELECT DISTINCT after FROM change WHERE operation = 'created'"));
        Assert.Equal(history, store.Changes().Select(c => $"{c.Sequence} | {c.RecordId} | {c.Operation.ToString().ToLowerInvariant()} | {c.Before ?? "∅"} | {c.After ?? "∅"}"));
        Assert.Equal(
            [(ChangeOperation.Created, SchemaV1Fixture.WrittenAt), (ChangeOperation.Updated, SchemaV1Fixture.WrittenAt.AddDays(1))],
            store.History(Editors.Id).Select(c => (c.Operation, c.RecordedAt)));
        // The backlinks are there too: the signing is cited as evidence.
        Assert.Throws<StoreException>(() => store.Delete([Signing.Id], Context));
    }

    [Fact]
    public void Migrating_from_version_1_builds_the_same_indexes_as_writing_at_the_latest_version()
    {
        using var migrated = new TempStore();
        using var written = new TempStore();
        SchemaV1Fixture.Write(migrated.Path);
        using (var store = migrated.Open()) Assert.Equal(SqliteStore.LatestSchemaVersion, store.SchemaVersion);
        using (var store = written.Open())
            store.Write(SchemaV1Fixture.Records.Select(r => r.Id == Editors.Id ? SchemaV1Fixture.RenamedEditors : r).ToList(), Context);

        var rows = RawSqlite.Rows(migrated.Path, RawSqlite.DerivedRows);

        Assert.Equal(RawSqlite.Rows(written.Path, RawSqlite.DerivedRows), rows);
        Assert.Contains(rows, r => r.StartsWith("box | survey-triangle", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("event-point | signing-2020-11-09", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_migration_is_recorded_with_its_date()
    {
        using var temp = new TempStore();
        File.Copy(Fixture, temp.Path);

        using (temp.Open())
        {
        }

        Assert.Equal(
            [
                "migration.1.applied-at | 2026-11-01T09:00:00.0000000Z",
                "migration.1.name | records and history",
                "migration.2.applied-at | 2026-11-29T10:00:00.0000000Z",
                "migration.2.name | derived indexes",
                "migration.3.applied-at | 2026-11-29T10:00:00.0000000Z",
                "migration.3.name | event origins",
                "migration.4.applied-at | 2026-11-29T10:00:00.0000000Z",
                "migration.4.name | lean event indexes",
                "migration.5.applied-at | 2026-11-29T10:00:00.0000000Z",
                "migration.5.name | users and API tokens",
                "migration.6.applied-at | 2026-11-29T10:00:00.0000000Z",
                "migration.6.name | audit hash chain",
                "migration.7.applied-at | 2026-11-29T10:00:00.0000000Z",
                "migration.7.name | drafts",
                "migration.8.applied-at | 2026-11-29T10:00:00.0000000Z",
                "migration.8.name | restricted records",
            ],
            RawSqlite.Rows(temp.Path, "SELECT key, value FROM meta WHERE key LIKE 'migration.%' ORDER BY key"));
    }

    [Fact]
    public void A_failing_migration_leaves_the_file_as_it_was()
    {
        using var temp = new TempStore();
        SchemaV1Fixture.Write(temp.Path);
        RawSqlite.Execute(temp.Path, "UPDATE record SET body = '{\"id\": \"armenia\"}' WHERE id = 'armenia'");
        var before = temp.Hash();

        var refused = Assert.Throws<StoreException>(temp.Open);

        Assert.Contains("step 2 (derived indexes) failed", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, temp.Hash());
        Assert.Equal(["1"], RawSqlite.Rows(temp.Path, "PRAGMA user_version"));
    }

    [Fact]
    public void A_store_of_a_newer_schema_version_is_refused_untouched()
    {
        using var temp = new TempStore();
        using (temp.Open())
        {
        }
        RawSqlite.Execute(temp.Path, $"PRAGMA user_version = {SqliteStore.LatestSchemaVersion + 1}");
        var before = temp.Hash();

        var refused = Assert.Throws<StoreException>(temp.Open);

        Assert.Equal(
            $"'{temp.Path}' has schema version 9, but this version of Pacta knows versions up to 8 only: open it with a newer Pacta",
            refused.Message);
        Assert.Equal(before, temp.Hash());
        Assert.True(SqliteStore.IsStore(temp.Path));
    }

    [Fact]
    public void A_text_file_is_refused_untouched()
    {
        using var temp = new TempStore();
        File.WriteAllText(temp.Path, "Not a database, only notes about Shusha.\n");

        var refused = Assert.Throws<StoreException>(temp.Open);

        Assert.Equal($"'{temp.Path}' is not a Pacta store: it is not an SQLite database", refused.Message);
        Assert.Equal("Not a database, only notes about Shusha.\n", File.ReadAllText(temp.Path));
        Assert.False(SqliteStore.IsStore(temp.Path));
    }

    [Fact]
    public void An_SQLite_database_of_another_application_is_refused_untouched()
    {
        using var temp = new TempStore();
        RawSqlite.Execute(temp.Path, "CREATE TABLE notes (text TEXT)");
        var before = temp.Hash();

        var refused = Assert.Throws<StoreException>(temp.Open);

        Assert.StartsWith($"'{temp.Path}' is not a Pacta store: it is an SQLite database of another application", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, temp.Hash());
        Assert.False(SqliteStore.IsStore(temp.Path));
    }

    [Fact]
    public void The_migrations_are_numbered_in_order_up_to_the_latest_version()
    {
        Assert.Equal(Enumerable.Range(1, 8), Migrator.Steps.Select(s => s.Version));
        Assert.Equal(SqliteStore.LatestSchemaVersion, Migrator.Steps[^1].Version);
    }

    private static string Json(IRecord record) => JsonSerializer.Serialize(record, record.GetType(), PactaJson.Options);
}
