using Pacta.Model;
using Pacta.Store;
using static Pacta.Tests.Store.Samples;

namespace Pacta.Tests.Store;

/// <summary>
/// The store answers a date filter in parts (events from the start date on, those begun shortly before that run into
/// it, and long ones begun earlier), and an actor filter in two ways (through the actor's events for a rare actor,
/// row by row for a common one), and a box in two ways (through its cells, or row by row for a crowded box). Whatever
/// the parts and ways, pages, counts and counts by day must be what the events themselves say, worked out here from
/// each event's dates, actors and points.
/// </summary>
public sealed class EventQueryPartsTests : IDisposable
{
    private readonly TempStore temp = new();
    private readonly SqliteStore store;
    private readonly List<Event> events = [];

    public EventQueryPartsTests()
    {
        store = temp.Open();
        var random = new Random(7);
        for (var n = 0; n < 400; n++)
        {
            var day = new DateOnly(2020, 1, 1).AddDays(random.Next(0, 500));
            var start = (n % 9) switch
            {
                0 => PartialDate.Month(day.Year, day.Month),
                1 => PartialDate.Week(day.Year, System.Globalization.ISOWeek.GetWeekOfYear(day.ToDateTime(TimeOnly.MinValue))),
                2 when n % 27 == 2 => PartialDate.Year(day.Year),
                _ => PartialDate.Day(day),
            };
            var actors = (n % 3) switch { 0 => [Armenia], 1 => new[] { Azerbaijan }, _ => [Armenia, Azerbaijan] };
            var type = n % 2 == 0 ? "acled:Battles/Armed clash" : "acled:Protests/Peaceful protest";
            events.Add(new Event(Id($"event-{n:000}"), $"event {n}", EventType.Parse(type), start, null,
                new EventPlace(null, new GeoPoint(45 + n % 7 * 0.1, 40), LocationPrecision.Exact),
                [.. actors.Select(a => new EventActor(a.Id, EventActorRole.SideA))], null, null, null, [Dataset.Id]));
        }
        store.Write([.. All, .. events], Context);
        events.AddRange(store.All<Event>().Where(e => !events.Any(x => x.Id == e.Id)));
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

        foreach (var rare in new[] { int.MaxValue, 0 })
        {
            store.RareActorEvents = rare;
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

        foreach (var rare in new[] { int.MaxValue, 0 })
        {
            store.RareActorEvents = rare;
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

        foreach (var crowded in new[] { int.MaxValue, 0 })
        {
            store.CrowdedBoxEvents = crowded;
            Assert.Equal(expected, Walk(filter, 7, newestFirst: false));
            Assert.Equal(Enumerable.Reverse(expected), Walk(filter, 11, newestFirst: true));
            Assert.Equal(expected.Count, store.CountEvents(filter));
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
        && (filter.Actor is not { } actor || e.Actors.Any(a => a.Actor == actor)));

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
