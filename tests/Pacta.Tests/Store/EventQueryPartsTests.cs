using Pacta.Model;
using Pacta.Store;
using static Pacta.Tests.Store.Samples;

namespace Pacta.Tests.Store;

/// <summary>
/// The store answers a date filter in parts (events from the start date on, those begun shortly before that run into
/// it, and long ones begun earlier), and an actor filter in two ways (through the actor's events for a rare actor,
/// row by row for a common one), and a box in two ways (through its cells, or row by row for a crowded box). Whatever
/// the parts and ways, pages, counts and counts by day must be what the events themselves say, worked out here from
/// each event's dates, actors and points. On both backends: PostgreSQL reads counts of dates alone from its counts per day
/// too (<c>event_day</c>, kept by triggers), and has no other ways to switch.
/// </summary>
public abstract class EventQueryParts : IDisposable
{
    private readonly TempStore temp;
    private readonly IStore store;
    private readonly List<Event> events = [];
    private readonly List<DateOnly> days = [];

    protected EventQueryParts(Backend backend)
    {
        temp = new TempStore(backend);
        store = temp.OpenStore();
        var random = new Random(7);
        for (var n = 0; n < 400; n++)
        {
            days.Add(new DateOnly(2020, 1, 1).AddDays(random.Next(0, 500)));
            // Some are meetings, which the counts per day keep apart.
            events.Add(Make(n, days[n], meeting: n % 11 == 4));
        }
        store.Write([.. All, .. events], Context);
        events.AddRange(store.All<Event>().Where(e => !events.Any(x => x.Id == e.Id)));
    }

    private static Event Make(int n, DateOnly day, bool meeting)
    {
        var start = (n % 9) switch
        {
            0 => PartialDate.Month(day.Year, day.Month),
            1 => PartialDate.Week(day.Year, System.Globalization.ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue))),
            2 when n % 27 == 2 => PartialDate.Year(day.Year),
            _ => PartialDate.Day(day),
        };
        var actors = (n % 3) switch { 0 => [Armenia], 1 => new[] { Azerbaijan }, _ => [Armenia, Azerbaijan] };
        var type = n % 2 == 0 ? "acled:Battles/Armed clash" : "acled:Protests/Peaceful protest";
        return new Event(Id($"event-{n:000}"), $"event {n}", EventType.Parse(type), start, null,
            new EventPlace(null, new GeoPoint(45 + n % 7 * 0.1, 40), LocationPrecision.Exact),
            [.. actors.Select(a => new EventActor(a.Id, EventActorRole.SideA))], null,
            meeting ? new Meeting(MeetingFormat.Bilateral, null, [], [Armenia.Id, Azerbaijan.Id], []) : null, null, [Dataset.Id]);
    }

    public void Dispose()
    {
        store.Dispose();
        temp.Dispose();
    }

    public static TheoryData<string?, string?, string?, string?> Filters => new()
    {
        { "2020-06-15", null, null, null },
        { "2020-06-15", "2020-09-30", null, null },
        { null, "2020-03-31", null, null },
        { "2020-08-03", "2020-08-20", "acled:Battles", null },
        { "2020-07-01", null, null, "armenia" },
        { null, null, "acled:Protests", "azerbaijan" },
        { "2021-01-01", "2021-03-31", "acled:Battles", "azerbaijan" },
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public void Pages_walked_with_either_way_of_finding_an_actor_are_the_matching_events_in_order(string? from, string? to, string? type, string? actor)
    {
        var filter = Filter(from, to, type, actor);
        var expected = Expected(filter).OrderBy(e => e.Start.First).ThenBy(e => e.Id.Value, StringComparer.Ordinal).Select(e => e.Id.Value).ToList();
        Assert.NotEmpty(expected);

        foreach (var _ in Ways(rareActor: true))
        {
            Assert.Equal(expected, Walk(filter, 7, newestFirst: false));
            Assert.Equal(Enumerable.Reverse(expected), Walk(filter, 11, newestFirst: true));
            Assert.Equal(expected.Count, store.CountEvents(filter));
        }
    }

    [Theory]
    [MemberData(nameof(Filters))]
    public void Counts_by_day_are_the_matching_events_counted_by_their_first_day(string? from, string? to, string? type, string? actor)
    {
        var filter = Filter(from, to, type, actor);
        var expected = Expected(filter).GroupBy(e => e.Start.First).OrderBy(g => g.Key).Select(g => new EventCount(g.Key, g.Count())).ToList();

        foreach (var _ in Ways(rareActor: true))
        {
            Assert.Equal(expected, store.CountEventsBy(filter, EventPeriod.Day));
        }
    }

    [Theory]
    [InlineData(45.05, 39.9, 45.35, 40.1, null)]
    [InlineData(45.05, 39.9, 45.35, 40.1, "2020-06-15")]
    [InlineData(44.0, 39.0, 45.25, 41.0, "2020-03-01")]
    public void Pages_of_a_box_read_through_its_cells_or_row_by_row_are_the_events_in_it(double west, double south, double east, double north, string? from)
    {
        var box = new BoundingBox(west, south, east, north);
        var filter = Filter(from, null, null, null) with { Box = box };
        var expected = Expected(filter)
            .Where(e => e.Place!.Point!.Longitude >= west && e.Place.Point.Longitude <= east && e.Place.Point.Latitude >= south && e.Place.Point.Latitude <= north)
            .OrderBy(e => e.Start.First).ThenBy(e => e.Id.Value, StringComparer.Ordinal).Select(e => e.Id.Value).ToList();
        Assert.NotEmpty(expected);

        foreach (var _ in Ways(rareActor: false))
        {
            Assert.Equal(expected, Walk(filter, 7, newestFirst: false));
            Assert.Equal(Enumerable.Reverse(expected), Walk(filter, 11, newestFirst: true));
            Assert.Equal(expected.Count, store.CountEvents(filter));
        }
    }

    public static TheoryData<string?, string?, bool?> DatesAndMeetings => new()
    {
        { null, null, null },
        { null, null, true },
        { null, null, false },
        { "2020-06-15", null, false },
        { "2020-06-15", "2020-09-30", true },
        { null, "2020-03-31", false },
        { "2020-12-01", "2020-11-01", null },
    };

    [Theory]
    [MemberData(nameof(DatesAndMeetings))]
    public void Counts_of_dates_and_the_meeting_flag_alone_are_the_matching_events(string? from, string? to, bool? meetings)
    {
        var filter = Filter(from, to, null, null) with { Meetings = meetings };

        AssertCounts(filter);
    }

    [Fact]
    public void Counts_per_day_follow_events_moved_to_other_days_made_meetings_and_deleted()
    {
        // Forty days later, and a meeting when it was not (and the other way round).
        var moved = Enumerable.Range(0, 400).Where(n => n % 5 == 0).Take(40).Select(n => Make(n, days[n].AddDays(40), meeting: n % 11 != 4)).ToList();
        store.Write([.. moved], Context);
        var deleted = events.Where((_, i) => i % 7 == 3).Take(30).Select(e => e.Id).ToList();
        store.Delete(deleted, Context);
        events.RemoveAll(e => moved.Any(m => m.Id == e.Id) || deleted.Contains(e.Id));
        events.AddRange(moved.Where(m => !deleted.Contains(m.Id)));

        foreach (var (from, to, meetings) in new (string?, string?, bool?)[] { (null, null, null), ("2020-06-15", null, true), ("2020-03-01", "2020-10-31", false) })
            AssertCounts(Filter(from, to, null, null) with { Meetings = meetings });
    }

    private void AssertCounts(EventFilter filter)
    {
        var expected = Expected(filter).ToList();
        Assert.NotEmpty(expected);
        var byDay = expected.GroupBy(e => e.Start.First).OrderBy(g => g.Key).Select(g => new EventCount(g.Key, g.Count())).ToList();
        var byMonth = expected.GroupBy(e => new DateOnly(e.Start.First.Year, e.Start.First.Month, 1)).OrderBy(g => g.Key).Select(g => new EventCount(g.Key, g.Count())).ToList();
        Assert.Equal(expected.Count, store.CountEvents(filter));
        Assert.Equal(byDay, store.CountEventsBy(filter, EventPeriod.Day));
        Assert.Equal(byMonth, store.CountEventsBy(filter, EventPeriod.Month));
    }

    /// <summary>
    /// Each way the store can find a filter's events, switched on in turn: on SQLite an actor's events listed first or
    /// checked row by row (or a box's cells counted first or not); PostgreSQL has one way.
    /// </summary>
    private IEnumerable<int> Ways(bool rareActor)
    {
        if (store is not SqliteStore sqlite)
        {
            yield return 0;
            yield break;
        }
        foreach (var threshold in new[] { int.MaxValue, 0 })
        {
            if (rareActor) sqlite.RareActorEvents = threshold;
            else sqlite.CrowdedBoxEvents = threshold;
            yield return threshold;
        }
    }

    private static EventFilter Filter(string? from, string? to, string? type, string? actor) => new(
        From: from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
        To: to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture),
        Type: type, Actor: actor is null ? null : new RecordId(actor));

    private IEnumerable<Event> Expected(EventFilter filter) => events.Where(e =>
        (filter.From is not { } from || e.LastDay >= from)
        && (filter.To is not { } to || e.Start.First <= to)
        && (filter.Type is not { } type || e.Type.ToString() == type || e.Type.ToString().StartsWith(type + "/", StringComparison.Ordinal))
        && (filter.Actor is not { } actor || e.Actors.Any(a => a.Actor == actor))
        && (filter.Meetings is not { } meetings || (e.Meeting is not null) == meetings));

    private List<string> Walk(EventFilter filter, int size, bool newestFirst)
    {
        var ids = new List<string>();
        string? cursor = null;
        do
        {
            var page = store.QueryEvents(filter, size, cursor, newestFirst);
            ids.AddRange(page.Events.Select(e => e.Id.Value));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        return ids;
    }
}

/// <summary>The query parts on a SQLite file.</summary>
public sealed class EventQueryPartsTests() : EventQueryParts(Backend.Sqlite);

/// <summary>The query parts on a PostgreSQL database, which also reads counts of dates alone from event_day.</summary>
public sealed class PostgresEventQueryPartsTests() : EventQueryParts(Backend.Postgres);
