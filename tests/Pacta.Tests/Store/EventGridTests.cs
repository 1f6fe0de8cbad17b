using Pacta.Model;
using Pacta.Store;
using static Pacta.Tests.Store.Samples;

namespace Pacta.Tests.Store;

/// <summary>
/// The kept grid (counted as events are written) must always equal the grid computed from the points, and
/// paging by date must return every matching event once, in order — long events included.
/// </summary>
public sealed class EventGridTests
{
    private static readonly DateOnly Epoch = new(2019, 1, 1);

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void The_kept_grid_equals_the_grid_computed_from_the_points_after_writes_updates_and_deletions(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write([Dataset, Armenia, Azerbaijan, KhankendiStepanakert], Context);
        var random = new Random(7);
        var events = Enumerable.Range(0, 400).Select(i => RandomEvent(random, i)).ToList();
        store.Write(events, Context);
        AssertKeptEqualsComputed(store);

        // Move a quarter of the points, take the point from some (they fall back to their place), delete others.
        var moved = events.Take(100).Select((e, i) => i % 4 == 0
            ? WithPlace(e, new EventPlace(KhankendiStepanakert.Id, null, LocationPrecision.Exact))
            : WithPlace(e, new EventPlace(null, new GeoPoint(44 + random.NextDouble() * 6, 38 + random.NextDouble() * 4), LocationPrecision.Exact))).ToList();
        store.Write(moved, Context);
        store.Delete(events.Skip(300).Select(e => e.Id).ToList(), Context);
        AssertKeptEqualsComputed(store);
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Paging_by_date_returns_every_overlapping_event_once_and_in_order(Backend backend)
    {
        using var temp = new TempStore(backend);
        using var store = temp.OpenStore();
        store.Write([Dataset, Armenia, Azerbaijan, KhankendiStepanakert], Context);
        var random = new Random(11);
        var events = Enumerable.Range(0, 300).Select(i => RandomEvent(random, i)).ToList();
        store.Write(events, Context);
        var (from, to) = (Epoch.AddDays(200), Epoch.AddDays(500));

        var expected = events.Where(e => e.LastDay >= from && e.Start.First <= to)
            .OrderBy(e => e.Start.First.DayNumber).ThenBy(e => e.Id.Value, StringComparer.Ordinal).Select(e => e.Id.Value).ToList();
        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = store.QueryEvents(new EventFilter(from, to), 17, cursor);
            seen.AddRange(page.Events.Select(e => e.Id.Value));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.Contains(events, e => (e.LastDay.DayNumber - e.Start.First.DayNumber) > 62 && expected.Contains(e.Id.Value));
        Assert.Equal(expected, seen);
        Assert.Equal(expected.Count, store.CountEvents(new EventFilter(from, to)));
    }

    private static void AssertKeptEqualsComputed(IStore store)
    {
        foreach (var size in Stores.GridLevels)
        {
            var kept = store.EventGrid(new EventFilter(Meetings: false), size);
            // A date filter that lets everything through takes the computed path.
            var computed = store.EventGrid(new EventFilter(From: DateOnly.MinValue, Meetings: false), size);
            Assert.Equal(Cells(computed), Cells(kept));
            Assert.Equal(store.CountEvents(new EventFilter(Meetings: false)), kept.Sum(c => c.Count));
            foreach (var (a, b) in computed.OrderBy(c => c.MinLon).ThenBy(c => c.MinLat).Zip(kept.OrderBy(c => c.MinLon).ThenBy(c => c.MinLat)))
            {
                Assert.Equal(a.Lon, b.Lon, 1e-6); // kept sums are in micro-degrees
                Assert.Equal(a.Lat, b.Lat, 1e-6);
            }
        }
    }

    private static List<(double, double, int)> Cells(IEnumerable<GridCell> cells) =>
        cells.Select(c => (Math.Round(c.MinLon, 6), Math.Round(c.MinLat, 6), c.Count)).Order().ToList();

    private static Event RandomEvent(Random random, int i)
    {
        var start = Epoch.AddDays(random.Next(700));
        // Mostly short events; one in ten runs for months, as wars and blockades do.
        var end = random.Next(10) == 0 ? start.AddDays(63 + random.Next(400)) : start.AddDays(random.Next(5));
        EventPlace place = random.Next(8) == 0
            ? new EventPlace(KhankendiStepanakert.Id, null, LocationPrecision.District)
            : new EventPlace(null, new GeoPoint(Math.Round(44 + random.NextDouble() * 6, 4), Math.Round(38 + random.NextDouble() * 4, 4)), LocationPrecision.Exact);
        var meeting = random.Next(15) == 0 ? new Meeting(MeetingFormat.Bilateral, null, [], [Armenia.Id, Azerbaijan.Id], []) : null;
        return new Event(new RecordId($"event-{i:D4}"), $"Event {i}", EventType.Parse("acled:Battles/Armed clash"),
            PartialDate.Day(start), PartialDate.Day(end), place, [new EventActor(Armenia.Id, EventActorRole.SideA)], null, meeting, null, [Dataset.Id]);
    }

    private static Event WithPlace(Event e, EventPlace place) =>
        new(e.Id, e.Title, e.Type, e.Start, e.End, place, e.Actors, e.Fatalities, e.Meeting, e.Summary, e.Sources, e.Note);
}
