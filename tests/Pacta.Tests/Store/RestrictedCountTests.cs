using Pacta.Datasets;
using Pacta.Imports;
using Pacta.Model;
using Pacta.Restrictions;
using Pacta.Store;
using static Pacta.Tests.Store.Samples;

namespace Pacta.Tests.Store;

/// <summary>
/// Counts of events per audience while unlisted events come and go, on both backends. Each store keeps counts per first
/// day (<c>event_day</c>) of the events every reader may list and adds the unlisted ones back, read from their rows, for
/// an audience that may see them. After every kind of write (a record written, marked, unmarked, moved, deleted; an
/// import creating, revising and removing; writes rolled back) the counts, counts per day and map cells of the public
/// and of the operator must be what this test's own list of events says, and the kept counts what a plain count of the
/// rows gives.
/// </summary>
public sealed class RestrictedCountTests : IDisposable
{
    /// <summary>The test's own account of each event: its first and last possible day, whether it is a meeting, whether it is unlisted.</summary>
    private readonly Dictionary<string, (DateOnly First, DateOnly Last, bool Meeting, bool Unlisted, double Lon)> known = [];

    /// <summary>The samples' events on the map at each level (they are never marked).</summary>
    private readonly Dictionary<double, int> samplesOnMap = [];

    private TempStore? temp;
    private IStore store = null!;

    public void Dispose()
    {
        store?.Dispose();
        temp?.Dispose();
    }

    private static readonly Meeting Talks = new(MeetingFormat.Bilateral, null, [], [Armenia.Id, Azerbaijan.Id], []);

    /// <summary>An event far from the samples' (around 30.0 E, 10.2 N), in one cell of half a degree.</summary>
    private static Event Make(string id, PartialDate start, double lon, bool meeting = false) =>
        new(Id(id), id, EventType.Parse("acled:Battles"), start, null,
            new EventPlace(null, new GeoPoint(lon, 10.2), LocationPrecision.Exact), [new EventActor(Azerbaijan.Id, EventActorRole.SideA)],
            null, meeting ? Talks : null, null, [Samples.Dataset.Id]);

    private void Know(Event e, bool unlisted) =>
        known[e.Id.Value] = (e.Start.First, e.LastDay, e.Meeting is not null, unlisted, e.Place!.Point!.Longitude);

    /// <summary>A level the SQLite store keeps counts for, and one it does not.</summary>
    private static readonly double[] MapLevels = [Stores.GridLevels[0], 0.3];

    private static PartialDate March(int day) => PartialDate.Day(2021, 3, day);

    private Event Stored(string id) => (Event)store.Find(Id(id))!;

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Counts_per_audience_stay_exact_through_every_write_and_agree_with_the_rows(Backend backend)
    {
        temp = new TempStore(backend);
        store = temp.OpenStore();
        store.Write(All, Context);
        foreach (var sample in store.All<Event>()) known[sample.Id.Value] = (sample.Start.First, sample.LastDay, sample.Meeting is not null, false, double.NaN);
        foreach (var level in MapLevels) samplesOnMap[level] = store.EventGrid(new EventFilter(Meetings: false), level).Sum(c => c.Count);

        // Fourteen events in February and March 2021: days, whole months (they run into a start date in the month) and
        // meetings; unlisted ones among each, restricted whole or by a field that event queries select by.
        var events = new List<(Event Event, bool Unlisted)>
        {
            (Make("day-1", March(1), 30.01), false),
            (Make("day-2", March(2), 30.02), false),
            (Make("day-3", March(3), 30.03) with { Restricted = true }, true),
            (Make("day-4", March(4), 30.04), false),
            (Make("day-5", March(5), 30.15) with { RestrictedFields = ["place"] }, true),
            (Make("day-6", March(5), 30.16) with { RestrictedFields = ["summary"] }, false),
            (Make("day-7", March(7), 30.17), false),
            (Make("day-8", March(7), 30.02) with { Restricted = true }, true),
            (Make("talks-1", March(2), 30.03, meeting: true), false),
            (Make("talks-2", March(2), 30.04, meeting: true) with { Restricted = true }, true),
            (Make("talks-3", March(9), 30.05, meeting: true) with { RestrictedFields = ["meeting"] }, true),
            (Make("month-1", PartialDate.Month(2021, 2), 30.06), false),
            (Make("month-2", PartialDate.Month(2021, 2), 30.07) with { Restricted = true }, true),
            (Make("month-3", PartialDate.Month(2021, 3), 30.08, meeting: true) with { Restricted = true }, true),
        };
        store.Write([.. events.Select(e => e.Event)], Context);
        foreach (var (e, unlisted) in events) Know(e, unlisted);
        Agrees("written");

        // Marked restricted, its day unchanged: only restricted_record says so.
        store.Write([Stored("day-1") with { Restricted = true }], Context);
        Know(Stored("day-1"), true);
        Agrees("a listed event marked restricted whole");

        store.Write([Stored("day-2") with { RestrictedFields = ["place"] }, Stored("talks-1") with { RestrictedFields = ["meeting"] }], Context);
        Know(Stored("day-2"), true);
        Know(Stored("talks-1"), true);
        Agrees("fields that event queries select by marked");

        store.Write([Stored("day-3") with { Restricted = false }, Stored("month-2") with { Restricted = false }, Stored("day-5") with { RestrictedFields = ["summary"] }], Context);
        Know(Stored("day-3"), false);
        Know(Stored("month-2"), false);
        Know(Stored("day-5"), false);
        Agrees("markings lifted, or narrowed to a field queries do not select by");

        var moved = Make("day-8", March(20), 30.02) with { Restricted = true };
        store.Write([moved], Context);
        Know(moved, true);
        var movedListed = Make("day-7", PartialDate.Month(2021, 1), 30.17);
        store.Write([movedListed], Context);
        Know(movedListed, false);
        Agrees("an unlisted and a listed event moved to other days");

        store.Delete([Id("day-8"), Id("day-4")], Context);
        known.Remove("day-8");
        known.Remove("day-4");
        Agrees("an unlisted and a listed event deleted");

        // Writes that fail after their rows were rewritten leave the counts as they were.
        var orphan = new Event(Id("orphan"), "orphan", EventType.Parse("acled:Battles"), March(6), null, null,
            [new EventActor(Id("nobody-at-all"), EventActorRole.SideA)], null, null, null, [Samples.Dataset.Id]);
        Assert.Throws<StoreException>(() => store.Write([Stored("day-6") with { Restricted = true }, orphan], Context));
        Assert.Throws<StoreException>(() => store.Delete([Id("day-1"), Id("day-6"), Azerbaijan.Id], Context));
        Agrees("writes rolled back");

        // An import: a new row; the event marked; the row revised to another day (the marking stays); then deleted upstream.
        Event Row(PartialDate start, string digest) => new(
            ImportedEvent.IdFor(EventDataset.Acled, "ABC1"), "clash", EventType.Parse("acled:Battles/Armed clash"), start, null,
            new EventPlace(null, new GeoPoint(30.09, 10.2), LocationPrecision.Exact), [new EventActor(Armenia.Id, EventActorRole.SideA)],
            null, null, null, [Samples.Dataset.Id], null, [new EventOrigin(EventDataset.Acled, "ABC1", digest)]);
        void Import(Action<IEventImport> work, bool complete = true)
        {
            using var import = store.BeginEventImport(Context, null, batched: false);
            work(import);
            if (complete) import.Complete();
        }

        Import(i => i.Put([ReadyEvent.From(Row(March(10), "0000000000000001"))]));
        var imported = Stored(Row(March(10), "0000000000000001").Id.Value);
        Know(imported, false);
        Agrees("an event imported");

        store.Write([imported with { Restricted = true }], Context);
        Know(imported, true);
        Import(i => i.Put([ReadyEvent.From(Row(March(12), "0000000000000002"))]));
        Know(Stored(imported.Id.Value), true);
        Assert.Equal(new DateOnly(2021, 3, 12), Stored(imported.Id.Value).Start.First);
        Agrees("a restricted imported event revised by its dataset to another day");

        // An import that never completes is rolled back, counts and all.
        Import(i =>
        {
            i.Put([ReadyEvent.From(Row(March(14), "0000000000000003"))]);
            i.Remove(EventDataset.Acled, "ABC1");
        }, complete: false);
        Agrees("an import rolled back");

        Import(i => Assert.True(i.Remove(EventDataset.Acled, "ABC1")));
        known.Remove(imported.Id.Value);
        Agrees("a restricted imported event deleted upstream");
    }

    /// <summary>
    /// PostgreSQL keeps its counts by triggers on both tables, so that they follow a marking however the rows come: the
    /// store's writes rewrite an event's row around its marking, but a marking added, changed or lifted while the event's
    /// row stays is counted too; and a store whose counts were made before they left unlisted events out is counted
    /// again when opened.
    /// </summary>
    [Fact]
    public void Postgres_counts_follow_a_marking_changed_beside_its_event_and_an_older_store_is_counted_again()
    {
        temp = new TempStore(Backend.Postgres);
        store = temp.OpenStore();
        store.Write(All, Context);
        foreach (var sample in store.All<Event>()) known[sample.Id.Value] = (sample.Start.First, sample.LastDay, sample.Meeting is not null, false, double.NaN);
        foreach (var level in MapLevels) samplesOnMap[level] = store.EventGrid(new EventFilter(Meetings: false), level).Sum(c => c.Count);
        var events = new[] { Make("day-1", March(1), 30.01), Make("day-2", March(1), 30.02), Make("talks-1", March(2), 30.03, meeting: true), Make("month-1", PartialDate.Month(2021, 2), 30.04) };
        store.Write(events, Context);
        foreach (var e in events) Know(e, false);
        Agrees("written");

        temp.RawExecute("INSERT INTO restricted_record (id, kind, whole, unlisted) VALUES ('day-1', 'event', true, true), ('talks-1', 'event', true, true), ('month-1', 'event', false, false)");
        foreach (var id in new[] { "day-1", "talks-1" }) known[id] = known[id] with { Unlisted = true };
        Agrees("markings added beside their events");

        temp.RawExecute("UPDATE restricted_record SET unlisted = NOT unlisted WHERE id IN ('talks-1', 'month-1')");
        known["talks-1"] = known["talks-1"] with { Unlisted = false };
        known["month-1"] = known["month-1"] with { Unlisted = true };
        Agrees("markings changed beside their events");

        temp.RawExecute("DELETE FROM restricted_record WHERE id IN ('day-1', 'month-1')");
        known["day-1"] = known["day-1"] with { Unlisted = false };
        known["month-1"] = known["month-1"] with { Unlisted = false };
        Agrees("markings lifted beside their events");

        // A store as an older Pacta left it: counts of every event, kept by triggers on event_index alone, and no kept grid.
        store.Write([Stored("day-2") with { Restricted = true }], Context);
        Know(Stored("day-2"), true);
        store.Dispose();
        temp.RawExecute("""
            DROP TRIGGER event_day_marking_insert ON restricted_record;
            DROP TRIGGER event_day_marking_update ON restricted_record;
            DROP TRIGGER event_day_marking_delete ON restricted_record;
            DELETE FROM event_day;
            INSERT INTO event_day (day, events, meetings) SELECT first_day, COUNT(*), COUNT(*) FILTER (WHERE is_meeting) FROM event_index GROUP BY first_day;
            DROP TABLE event_cell;
            """);
        Assert.NotEqual(temp.RawRows("SELECT day, events FROM event_day ORDER BY day"),
            temp.RawRows("SELECT e.first_day, COUNT(*) FROM event_index e WHERE NOT EXISTS (SELECT 1 FROM restricted_record x WHERE x.id = e.id AND x.unlisted) GROUP BY e.first_day ORDER BY e.first_day"));
        store = temp.OpenStore();
        Agrees("an older store opened");
        temp.RawExecute("INSERT INTO restricted_record (id, kind, whole, unlisted) VALUES ('day-1', 'event', true, true)");
        known["day-1"] = known["day-1"] with { Unlisted = true };
        Agrees("a marking added beside its event in the store opened again");
    }

    /// <summary>
    /// The counts of each audience against this test's own list, and the kept counts against a plain count of the rows:
    /// counts, counts per day and per month, with dates that cut the months' events and without, meetings apart, and the
    /// map's cells (whole cells that touch a box, as for the kept grid, whether or not unlisted events are left out).
    /// </summary>
    private void Agrees(string step)
    {
        var filters = new[]
        {
            new EventFilter(),
            new EventFilter(From: new DateOnly(2021, 2, 15)),
            new EventFilter(From: new DateOnly(2021, 3, 2), To: new DateOnly(2021, 3, 10)),
            new EventFilter(To: new DateOnly(2021, 3, 4)),
            new EventFilter(From: new DateOnly(2021, 2, 15), Meetings: true),
            new EventFilter(From: new DateOnly(2021, 3, 2), Meetings: false),
            new EventFilter(Meetings: true),
        };
        foreach (var (audience, seesAll) in new[] { (Audience.Public, false), (Audience.Everything, true) })
        {
            using var view = new AudienceStore(store, audience);
            var visible = known.Where(k => seesAll || !k.Value.Unlisted).ToList();
            foreach (var filter in filters)
            {
                var matching = visible.Where(k => (filter.From is not { } from || k.Value.Last >= from) && (filter.To is not { } to || k.Value.First <= to)
                                                  && (filter.Meetings is not { } meetings || k.Value.Meeting == meetings)).ToList();
                var what = $"{step}: {audience.Name}, {filter}";
                Assert.True(matching.Count == view.CountEvents(filter), $"{what}: counted {view.CountEvents(filter)}, expected {matching.Count}");
                var byDay = matching.GroupBy(k => k.Value.First).OrderBy(g => g.Key).Select(g => new EventCount(g.Key, g.Count())).ToList();
                Assert.True(byDay.SequenceEqual(view.CountEventsBy(filter, EventPeriod.Day)), $"{what}: the counts per day differ");
                Assert.Equal(matching.Count, view.CountEventsBy(filter, EventPeriod.Month).Sum(c => c.Count));
            }

            // The map: this test's events are all in the cell [30.0, 30.5) × [10.0, 10.5); the box cuts it, and the cell counts whole.
            var mine = visible.Where(k => !k.Value.Meeting && !double.IsNaN(k.Value.Lon)).ToList();
            var box = new BoundingBox(30.1, 10.1, 30.4, 10.4);
            var cells = view.EventGrid(new EventFilter(Box: box, Meetings: false), 0.5);
            Assert.True(cells.Count == (mine.Count == 0 ? 0 : 1), $"{step}: {cells.Count} cells in the box for {audience.Name}");
            Assert.True(mine.Count == cells.Sum(c => c.Count), $"{step}: {cells.Sum(c => c.Count)} events in the box's cell for {audience.Name}, expected {mine.Count}");
            Assert.Equal(Math.Round(mine.Average(k => k.Value.Lon), 4), Math.Round(cells.Single().Lon, 4));
            foreach (var level in MapLevels)
            {
                var everywhere = view.EventGrid(new EventFilter(Meetings: false), level).Sum(c => c.Count);
                Assert.True(mine.Count + samplesOnMap[level] == everywhere,
                    $"{step}: {everywhere} events on the map at {level}° for {audience.Name}, expected {mine.Count + samplesOnMap[level]}");
            }
        }

        // The kept counts per day are a plain count of the listed events' rows, the same on both backends.
        const string listed = "NOT EXISTS (SELECT 1 FROM restricted_record x WHERE x.id = e.id AND x.unlisted)";
        Assert.Equal(temp!.RawRows($"SELECT e.first_day, COUNT(*) FROM event_index e WHERE {listed} GROUP BY e.first_day ORDER BY e.first_day"),
            temp.RawRows("SELECT day, events FROM event_day WHERE events > 0 ORDER BY day"));
        if (temp.Backend == Backend.Postgres)
        {
            Assert.Equal(temp.RawRows($"SELECT e.first_day, COUNT(*) FILTER (WHERE e.is_meeting) FROM event_index e WHERE {listed} GROUP BY e.first_day ORDER BY e.first_day"),
                temp.RawRows("SELECT day, meetings FROM event_day ORDER BY day"));
            Assert.Empty(temp.RawRows("SELECT day FROM event_day WHERE events <= 0"));
        }
        // The kept grid is a plain count of the listed events' points that are not meetings, at every level, the same on both
        // backends (cells floored from the same doubles; the points are non-negative once shifted, so SQLite's cast floors).
        string CellOf(string shifted, double size) => temp.Backend == Backend.Postgres
            ? FormattableString.Invariant($"floor(({shifted}) / {size:R})::bigint")
            : FormattableString.Invariant($"CAST(({shifted}) / {size:R} AS INTEGER)");
        var plainCells = string.Join(" UNION ALL ", Stores.GridLevels.Select((size, level) =>
            $"SELECT {level} AS level, {CellOf("e.lon + 180", size)} AS x, {CellOf("e.lat + 90", size)} AS y, COUNT(*) AS n " +
            $"FROM event_index e WHERE e.lon IS NOT NULL AND NOT e.is_meeting AND {listed} GROUP BY 1, 2, 3"));
        Assert.True(temp.RawRows($"SELECT level, x, y, n FROM ({plainCells}) AS p ORDER BY 1, 2, 3").SequenceEqual(
            temp.RawRows("SELECT level, x, y, count FROM event_cell ORDER BY 1, 2, 3")), $"{step}: the kept grid is not a count of the rows");
        // And each audience's count of all events is a plain count of the rows it may see.
        Assert.Equal(temp.RawRows($"SELECT COUNT(*) FROM event_index e WHERE {listed}").Single(),
            new AudienceStore(store, Audience.Public).CountEvents(new EventFilter()).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(temp.RawRows("SELECT COUNT(*) FROM event_index").Single(),
            new AudienceStore(store, Audience.Everything).CountEvents(new EventFilter()).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
