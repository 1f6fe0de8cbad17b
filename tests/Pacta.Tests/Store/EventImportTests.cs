using Pacta.Imports;
using Pacta.Model;
using Pacta.Store;
using static Pacta.Tests.Store.Samples;

namespace Pacta.Tests.Store;

/// <summary>
/// Dataset rows written through <see cref="IStore.BeginEventImport"/>, on both backends: keyed by the dataset's own id,
/// updated by a new digest, refused when a key comes twice or a reference is missing, joined across datasets by the
/// matching rules, removed by key, and nothing kept of a transaction that did not commit.
/// </summary>
public sealed class EventImportTests
{
    private static readonly ChangeContext ImportContext = new("test", "pacta import acled");

    /// <summary>The events these tests import (ACLED's battles), not the samples' signing.</summary>
    private static readonly EventFilter Imported = new(Type: "acled:Battles");

    private static List<RecordId> ImportedIds(IStore store) => [.. store.All<Event>().Where(e => e.Origins is not null).Select(e => e.Id)];

    private static Event Row(EventDataset dataset, string key, int digest, int day = 5, double lon = 46.93, string title = "clash") => new(
        ImportedEvent.IdFor(dataset, key), $"{title} {key}", EventType.Parse(dataset == EventDataset.Acled ? "acled:Battles/Armed clash" : "ucdp:state-based"),
        PartialDate.Day(2020, 10, day), null, new EventPlace(null, new GeoPoint(lon, 40.34), LocationPrecision.Exact),
        [new EventActor(Armenia.Id, EventActorRole.SideA), new EventActor(Azerbaijan.Id, EventActorRole.SideB)],
        null, null, null, [Dataset.Id], null, [new EventOrigin(dataset, key, $"{digest:x16}")]);

    /// <summary>The row with one actor, on side A, instead of its own.</summary>
    private static Event Naming(Event row, RecordId actor) => new(row.Id, row.Title, row.Type, row.Start, null, row.Place,
        [new EventActor(actor, EventActorRole.SideA)], null, null, null, row.Sources, null, row.Origins);

    private static List<ImportAction> Import(IStore store, EventMatching? matching, params Event[] rows)
    {
        using var import = store.BeginEventImport(ImportContext, matching, batched: false);
        var outcomes = import.Put([.. rows.Select(ReadyEvent.From)]);
        import.Complete();
        return [.. outcomes.Select(o => o.Action)];
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Importing_the_same_rows_again_changes_no_record_and_records_no_change(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);
        Event[] rows = [Row(EventDataset.Acled, "AZE1", 1), Row(EventDataset.Acled, "AZE2", 2, day: 6)];

        Assert.Equal([ImportAction.Created, ImportAction.Created], Import(store, null, rows));
        var changes = store.Changes().Count;
        var events = ImportedIds(store).ToList();

        Assert.Equal([ImportAction.Unchanged, ImportAction.Unchanged], Import(store, null, rows));
        Assert.Equal(changes, store.Changes().Count);
        Assert.Equal(events, ImportedIds(store));
        Assert.Equal(2, store.CountEvents(Imported with { Actor = Armenia.Id }));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_row_with_a_new_digest_updates_its_event_and_the_history_keeps_both(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);
        Import(store, null, Row(EventDataset.Acled, "AZE1", 1));

        Assert.Equal([ImportAction.Updated], Import(store, null, Row(EventDataset.Acled, "AZE1", 2, day: 7, title: "shelling")));

        var id = ImportedEvent.IdFor(EventDataset.Acled, "AZE1");
        var updated = Assert.IsType<Event>(store.Find(id));
        Assert.Equal("shelling AZE1", updated.Title);
        Assert.Equal(new DateOnly(2020, 10, 7), updated.Start.First);
        Assert.Equal([ChangeOperation.Created, ChangeOperation.Updated], store.History(id).Select(c => c.Operation));
        Assert.Contains("clash AZE1", store.History(id)[1].Before, StringComparison.Ordinal);
        // The derived rows moved with it: the old day finds nothing.
        Assert.Equal(0, store.CountEvents(new EventFilter(From: new DateOnly(2020, 10, 5), To: new DateOnly(2020, 10, 5))));
        Assert.Equal(1, store.CountEvents(new EventFilter(From: new DateOnly(2020, 10, 7), To: new DateOnly(2020, 10, 7))));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_key_twice_in_one_import_and_a_missing_actor_are_refused_and_write_nothing_of_their_own(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);
        var stranger = Naming(Row(EventDataset.Acled, "AZE3", 3), new RecordId("nobody-we-know"));

        var actions = Import(store, null, Row(EventDataset.Acled, "AZE1", 1), Row(EventDataset.Acled, "AZE1", 1), stranger);

        Assert.Equal([ImportAction.Created, ImportAction.Refused, ImportAction.Refused], actions);
        Assert.Equal([ImportedEvent.IdFor(EventDataset.Acled, "AZE1")], ImportedIds(store));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void An_actor_whose_id_an_imported_event_took_is_not_written_and_a_row_naming_it_is_refused(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);
        var first = Row(EventDataset.Acled, "AZE1", 1);
        // An actor a later row names, made by the import under the id the first row's event took.
        var namesake = new Actor(first.Id, ActorKind.Body, "AZE1", null, [], [Dataset.Id]);
        var naming = Naming(Row(EventDataset.Acled, "AZE2", 2), namesake.Id);

        List<ImportOutcome> outcomes;
        bool written;
        using (var import = store.BeginEventImport(ImportContext, null, batched: false))
        {
            var created = import.Put([import.Ready(first)]);
            Assert.Equal(ImportAction.Created, Assert.Single(created).Action);
            // The first event may not be in the store's tables yet (a SQLite import gathers new events): its id is taken all the same.
            written = import.Ensure(namesake);
            outcomes = [.. import.Put([import.Ready(naming)])];
            import.Complete();
        }

        Assert.False(written);
        Assert.Equal(ImportAction.Refused, Assert.Single(outcomes).Action);
        Assert.Contains("is an event", Assert.Single(outcomes).Reason, StringComparison.Ordinal);
        Assert.IsType<Event>(store.Find(first.Id));
        Assert.Equal([first.Id], ImportedIds(store));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_row_of_another_dataset_telling_of_the_same_incident_joins_its_event(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);
        Import(store, new EventMatching(), Row(EventDataset.Acled, "AZE1", 1), Row(EventDataset.Acled, "AZE9", 9, lon: 45.2));

        using (var import = store.BeginEventImport(ImportContext, new EventMatching(), batched: false))
        {
            var outcome = Assert.Single(import.Put([ReadyEvent.From(Row(EventDataset.Ucdp, "500001", 101, lon: 46.931))]));
            Assert.Equal(ImportAction.Linked, outcome.Action);
            Assert.Equal(ImportedEvent.IdFor(EventDataset.Acled, "AZE1"), outcome.Event);
            import.Complete();
        }

        var joined = Assert.IsType<Event>(store.Find(ImportedEvent.IdFor(EventDataset.Acled, "AZE1")));
        Assert.Equal([EventDataset.Acled, EventDataset.Ucdp], joined.Origins!.Select(o => o.Dataset));
        Assert.Null(store.Find(ImportedEvent.IdFor(EventDataset.Ucdp, "500001")));
        Assert.Equal(2, store.CountEvents(Imported));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Removing_a_key_deletes_an_event_only_that_row_told_of(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);
        Import(store, null, Row(EventDataset.Acled, "AZE1", 1), Row(EventDataset.Acled, "AZE2", 2));

        using (var import = store.BeginEventImport(ImportContext, null, batched: false))
        {
            Assert.True(import.Remove(EventDataset.Acled, "AZE1"));
            Assert.False(import.Remove(EventDataset.Acled, "AZE404"));
            import.Complete();
        }

        Assert.Equal([ImportedEvent.IdFor(EventDataset.Acled, "AZE2")], ImportedIds(store));
        Assert.Equal(ChangeOperation.Deleted, store.History(ImportedEvent.IdFor(EventDataset.Acled, "AZE1"))[^1].Operation);
        Assert.Equal(1, store.CountEvents(Imported with { Actor = Azerbaijan.Id }));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Counts_per_day_follow_an_import_that_creates_moves_and_removes_events_across_checkpoints(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);
        Import(store, null, Row(EventDataset.Acled, "AZE1", 1, day: 5), Row(EventDataset.Acled, "AZE2", 2, day: 5), Row(EventDataset.Acled, "AZE3", 3, day: 6));

        using (var import = store.BeginEventImport(ImportContext, null, batched: true))
        {
            // AZE1 moves from the 5th to the 8th; after a checkpoint, AZE3 goes and leaves the 6th without events.
            Assert.Equal(ImportAction.Updated, Assert.Single(import.Put([ReadyEvent.From(Row(EventDataset.Acled, "AZE1", 9, day: 8))])).Action);
            import.Checkpoint();
            Assert.True(import.Remove(EventDataset.Acled, "AZE3"));
            Assert.Equal(ImportAction.Created, Assert.Single(import.Put([ReadyEvent.From(Row(EventDataset.Acled, "AZE4", 4, day: 8))])).Action);
            import.Complete();
        }

        var october = new EventFilter(From: new DateOnly(2020, 10, 1), To: new DateOnly(2020, 10, 31));
        Assert.Equal([new EventCount(new DateOnly(2020, 10, 5), 1), new EventCount(new DateOnly(2020, 10, 8), 2)], store.CountEventsBy(october, EventPeriod.Day));
        Assert.Equal(3, store.CountEvents(october));
        // A type filter counts the events' rows themselves: the same answer.
        Assert.Equal(store.CountEventsBy(october with { Type = "acled:Battles" }, EventPeriod.Day), store.CountEventsBy(october, EventPeriod.Day));
        Assert.Equal(store.All<Event>().Count, store.CountEvents(new EventFilter()));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void An_import_given_back_before_it_completes_leaves_the_store_as_it_was_and_a_rerun_completes_it(Backend backend)
    {
        using var temp = new TempStore(backend);
        using (var store = temp.OpenStore()) store.Write(All, Context);
        var before = temp.Fingerprint();
        Event[] rows = [.. Enumerable.Range(1, 30).Select(i => Row(EventDataset.Acled, $"AZE{i}", i, day: 1 + i % 28))];

        using (var store = temp.OpenStore())
        using (var import = store.BeginEventImport(ImportContext, null, batched: false))
            import.Put([.. rows.Select(ReadyEvent.From)]);
        Assert.Equal(before, temp.Fingerprint());

        // Batched: what was checkpointed stays; running the whole file again completes the rest.
        using (var store = temp.OpenStore())
        using (var import = store.BeginEventImport(ImportContext, null, batched: true))
        {
            import.Put([.. rows.Take(10).Select(ReadyEvent.From)]);
            import.Checkpoint();
            import.Put([.. rows.Skip(10).Take(10).Select(ReadyEvent.From)]);
        }
        using (var store = temp.OpenStore())
        {
            Assert.Equal(10, store.CountEvents(Imported));
            Assert.Equal(
                [.. Enumerable.Repeat(ImportAction.Unchanged, 10), .. Enumerable.Repeat(ImportAction.Created, 20)],
                Import(store, null, rows));
            Assert.Equal(30, store.CountEvents(Imported));
            Assert.Equal(30, store.CountEventsBy(Imported, EventPeriod.Month).Sum(c => c.Count));
        }
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Readers_are_not_kept_waiting_by_an_import_and_see_only_what_it_committed(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write(All, Context);
        using var import = store.BeginEventImport(ImportContext, null, batched: true);
        import.Put([ReadyEvent.From(Row(EventDataset.Acled, "AZE1", 1))]);
        import.Checkpoint();
        import.Put([ReadyEvent.From(Row(EventDataset.Acled, "AZE2", 2))]);

        // Another thread reads while the import holds the store's writes and an uncommitted row.
        (int Count, IRecord? Uncommitted) seen = default;
        var reader = new Thread(() => seen = (store.CountEvents(Imported), store.Find(ImportedEvent.IdFor(EventDataset.Acled, "AZE2"))));
        reader.Start();
        Assert.True(reader.Join(TimeSpan.FromSeconds(60)), "a read waited for the import");
        Assert.Equal(1, seen.Count);
        Assert.Null(seen.Uncommitted);
        import.Complete();
        Assert.Equal(2, store.CountEvents(Imported));
    }

    [Fact]
    public void Events_an_import_writes_have_the_rows_the_same_events_written_one_by_one_have()
    {
        // The import works its rows out on the reading thread (ReadyEvent.From), the other writes from the event itself:
        // events of every shape must come out the same, row for row, in every table.
        var clash = Row(EventDataset.Acled, "AZE1", 1);
        Event[] events =
        [
            clash,
            new(ImportedEvent.IdFor(EventDataset.Acled, "AZE2"), "three days", EventType.Parse("acled:Battles/Armed clash"), PartialDate.Day(2020, 10, 7),
                PartialDate.Day(2020, 10, 9), new EventPlace(null, new GeoPoint(46.75, 40.1), LocationPrecision.Exact), [new EventActor(Azerbaijan.Id, EventActorRole.Initiator)],
                null, null, "a summary", [Dataset.Id], null, [new EventOrigin(EventDataset.Acled, "AZE2", "0000000000000002")]),
            new(ImportedEvent.IdFor(EventDataset.Ucdp, "UC1"), "placed by name", EventType.Parse("ucdp:state-based"), PartialDate.Month(2020, 10), null,
                new EventPlace(KhankendiStepanakert.Id, null, LocationPrecision.Area),
                [new EventActor(Armenia.Id, EventActorRole.SideA), new EventActor(Armenia.Id, EventActorRole.SideB), new EventActor(Russia.Id, EventActorRole.Observer)],
                null, null, null, [Dataset.Id, StatementText.Id], null, [new EventOrigin(EventDataset.Ucdp, "UC1", "0000000000000003")]),
            new(ImportedEvent.IdFor(EventDataset.Plover, "PL1"), "a meeting", EventType.Parse("acled:Battles/Armed clash"), PartialDate.Day(2020, 11, 9), null,
                new EventPlace(ShushaShushi.Id, new GeoPoint(46.75, 39.76), LocationPrecision.Exact), [new EventActor(Russia.Id, EventActorRole.Host)],
                null, new Meeting(MeetingFormat.Trilateral, Russia.Id, [], [Armenia.Id, Azerbaijan.Id], [Statement.Id]), null, [Dataset.Id], null,
                [new EventOrigin(EventDataset.Plover, "PL1", "0000000000000004")]),
            new(ImportedEvent.IdFor(EventDataset.Acled, "AZE3"), "no place, no actor", EventType.Parse("acled:Battles/Armed clash"), PartialDate.Year(2020), null,
                null, [], null, null, null, [Dataset.Id], null, [new EventOrigin(EventDataset.Acled, "AZE3", "0000000000000005")]),
            Row(EventDataset.Acled, "AZE4", 6) with { Restricted = true },
            Row(EventDataset.Acled, "AZE5", 7, lon: 46.8) with { RestrictedFields = ["place"] },
            Row(EventDataset.Acled, "AZE6", 8, lon: 46.8) with { RestrictedFields = ["summary"] },
        ];
        using var imported = new TempStore();
        using var written = new TempStore();
        using (var store = imported.OpenStore())
        {
            store.Write(All, Context);
            Assert.All(Import(store, null, events), action => Assert.Equal(ImportAction.Created, action));
        }
        using (var store = written.OpenStore())
        {
            store.Write(All, Context);
            store.Write(events, Context);
        }

        var rows = RawSqlite.Rows(imported.Path, ImportedEventRows);
        Assert.Equal(RawSqlite.Rows(written.Path, ImportedEventRows), rows);
        Assert.Contains(rows, r => r.StartsWith("restricted | acled-aze4", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("event-actor | ucdp-uc1 | armenia", StringComparison.Ordinal));
    }

    /// <summary>Every row an event has in SQLite: its derived rows, origins, cells, marking and record, and the types of its index columns.</summary>
    private static readonly string ImportedEventRows =
            $"""
            {RawSqlite.DerivedRows[..RawSqlite.DerivedRows.IndexOf("ORDER BY", StringComparison.Ordinal)]}
            UNION ALL SELECT 'origin', event_id, dataset || ' ' || key, digest FROM event_origin
            UNION ALL SELECT 'cell', level || ' ' || x || ' ' || y, count, sum_lon || ' ' || sum_lat FROM event_cell
            UNION ALL SELECT 'restricted', id, kind, whole || ' ' || unlisted FROM restricted_record
            UNION ALL SELECT 'record', id, kind, body FROM record
            UNION ALL SELECT 'types', id, typeof(first_day) || typeof(lon) || typeof(place_id) || typeof(is_meeting) || typeof(cell), NULL FROM event_index
            ORDER BY 1, 2, 3, 4
            """;
}
