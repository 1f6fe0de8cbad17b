using Pacta.Model;
using Pacta.Store;
using static Pacta.Tests.Store.Samples;

namespace Pacta.Tests.Store;

/// <summary>
/// Event queries on a small store: events with points of their own, events known only by a place ref (a
/// point place and a polygon), a meeting, and the samples' signing in Moscow.
/// </summary>
public sealed class EventQueryTests : IDisposable
{
    private static readonly Event Clash = Happened("clash-2020-09-27", "acled:Battles/Armed clash", PartialDate.Day(2020, 9, 27),
        new EventPlace(null, new GeoPoint(46.80, 39.90), LocationPrecision.Near), Armenia, Azerbaijan);

    private static readonly Event Shelling = Happened("shelling-2020-10-10", "acled:Battles", PartialDate.Day(2020, 10, 10),
        new EventPlace(null, new GeoPoint(44.51, 40.18), LocationPrecision.Exact), Azerbaijan);

    /// <summary>Only a ref to a place with a point.</summary>
    private static readonly Event Handover = Happened("handover-2020-11-09", "acled:Strategic developments/Agreement", PartialDate.Day(2020, 11, 9),
        new EventPlace(KhankendiStepanakert.Id, null, LocationPrecision.Exact), Russia);

    /// <summary>Only a ref to a polygon: counted at the centre of its extent.</summary>
    private static readonly Event Survey = Happened("survey-2021-05", "plover:AGREE", PartialDate.Month(2021, 5),
        new EventPlace(Triangle.Id, null, LocationPrecision.Area));

    private static readonly Event Talks = new(Id("talks-2022-10-31"), "Trilateral meeting in Sochi", EventType.Parse("plover:CONSULT"),
        PartialDate.Day(2022, 10, 31), null, new EventPlace(null, new GeoPoint(39.72, 43.59), LocationPrecision.Exact),
        [new(Armenia.Id, EventActorRole.Participant), new(Azerbaijan.Id, EventActorRole.Participant), new(Russia.Id, EventActorRole.Host)],
        null, new Meeting(MeetingFormat.Trilateral, Russia.Id, [], [Armenia.Id, Azerbaijan.Id], []), null, [Dataset.Id]);

    private TempStore? temp;
    private IStore store = null!;

    /// <summary>The small store on one backend, for the test that calls it.</summary>
    private void Open(Backend backend)
    {
        temp = new TempStore(backend);
        store = temp.OpenStore();
        store.Write([.. All, Clash, Shelling, Handover, Survey, Talks], Context);
    }

    public void Dispose()
    {
        store?.Dispose();
        temp?.Dispose();
    }

    private static Event Happened(string id, string type, PartialDate start, EventPlace place, params Actor[] actors) =>
        new(Id(id), id, EventType.Parse(type), start, null, place, [.. actors.Select(a => new EventActor(a.Id, EventActorRole.SideA))], null, null, null, [Dataset.Id]);

    private List<string> Query(EventFilter filter) => [.. store.QueryEvents(filter, Stores.MaxPageSize).Events.Select(e => e.Id.Value)];

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Events_come_oldest_first_and_a_cursor_walks_every_page_once(Backend backend)
    {
        Open(backend);
        string[] all = ["clash-2020-09-27", "shelling-2020-10-10", "handover-2020-11-09", "signing-2020-11-09", "survey-2021-05", "talks-2022-10-31"];
        Assert.Equal(all, Query(new EventFilter()));

        var walked = new List<string>();
        string? cursor = null;
        do
        {
            var page = store.QueryEvents(new EventFilter(), 4, cursor, newestFirst: true);
            walked.AddRange(page.Events.Select(e => e.Id.Value));
            cursor = page.NextCursor;
        }
        while (cursor is not null);
        Assert.Equal(all.Reverse(), walked);
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void With_a_start_date_small_pages_walk_short_and_long_events_in_order_both_ways(Backend backend)
    {
        Open(backend);
        // Long events (over 62 days) come from another index than short ones: pages must merge the two in order.
        var year = Happened("war-year-2020", "acled:Battles", PartialDate.Year(2020), new EventPlace(null, new GeoPoint(46.7, 39.8), LocationPrecision.Area), Armenia);
        var autumn = new Event(Id("autumn-2020"), "autumn-2020", EventType.Parse("acled:Battles"), PartialDate.Month(2020, 9), PartialDate.Month(2020, 11),
            new EventPlace(null, new GeoPoint(46.8, 39.9), LocationPrecision.Area), [], null, null, null, [Dataset.Id]);
        var days = Enumerable.Range(1, 9).Select(d => Happened($"october-{d}", "acled:Battles", PartialDate.Day(2020, 10, d),
            new EventPlace(null, new GeoPoint(46.7, 39.8), LocationPrecision.Exact), Azerbaijan)).ToList();
        store.Write([year, autumn, .. days], Context);
        var filter = new EventFilter(From: new DateOnly(2020, 10, 1), To: new DateOnly(2021, 12, 31));

        string[] expected =
        [
            "war-year-2020", "autumn-2020", .. days.Select(d => d.Id.Value), "shelling-2020-10-10", "handover-2020-11-09", "signing-2020-11-09", "survey-2021-05",
        ];
        foreach (var newestFirst in new[] { false, true })
        {
            var walked = new List<string>();
            string? cursor = null;
            do
            {
                var page = store.QueryEvents(filter, 2, cursor, newestFirst);
                walked.AddRange(page.Events.Select(e => e.Id.Value));
                cursor = page.NextCursor;
            }
            while (cursor is not null);

            Assert.Equal(newestFirst ? expected.Reverse() : expected, walked);
        }
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Dates_select_events_whose_span_overlaps_them(Backend backend)
    {
        Open(backend);
        Assert.Equal(["signing-2020-11-09"], Query(new EventFilter(From: new DateOnly(2020, 11, 10), To: new DateOnly(2020, 12, 31))));
        Assert.Equal(["survey-2021-05"], Query(new EventFilter(From: new DateOnly(2021, 5, 31), To: new DateOnly(2021, 5, 31))));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_box_selects_by_point_or_else_by_the_places_extent(Backend backend)
    {
        Open(backend);
        var karabakh = new BoundingBox(46.5, 39.6, 47.0, 40.0);
        Assert.Equal(["clash-2020-09-27", "handover-2020-11-09", "survey-2021-05"], Query(new EventFilter(Box: karabakh)));
        Assert.Equal(["shelling-2020-10-10"], Query(new EventFilter(Box: new BoundingBox(44, 40, 45, 41))));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_type_matches_itself_and_its_subtypes_only(Backend backend)
    {
        Open(backend);
        Assert.Equal(["clash-2020-09-27", "shelling-2020-10-10"], Query(new EventFilter(Type: "acled:Battles")));
        Assert.Equal(["clash-2020-09-27"], Query(new EventFilter(Type: "acled:Battles/Armed clash")));
        Assert.Empty(Query(new EventFilter(Type: "acled:Bat")));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Actor_and_meeting_filters_combine(Backend backend)
    {
        Open(backend);
        Assert.Equal(["handover-2020-11-09", "signing-2020-11-09", "talks-2022-10-31"], Query(new EventFilter(Actor: Russia.Id)));
        Assert.Equal(["talks-2022-10-31"], Query(new EventFilter(Actor: Russia.Id, Meetings: true)));
        Assert.Equal(["handover-2020-11-09", "signing-2020-11-09"], Query(new EventFilter(Actor: Russia.Id, Meetings: false)));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void The_count_agrees_with_the_query_for_each_filter(Backend backend)
    {
        Open(backend);
        EventFilter[] filters =
        [
            new(), new(Type: "acled:Battles"), new(Actor: Azerbaijan.Id), new(Meetings: true),
            new(Box: new BoundingBox(46, 39, 47, 40)), new(From: new DateOnly(2020, 11, 1)),
        ];
        Assert.All(filters, f => Assert.Equal(Query(f).Count, store.CountEvents(f)));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void The_grid_counts_events_by_point_or_by_the_centre_of_their_places_extent(Backend backend)
    {
        Open(backend);
        var cells = store.EventGrid(new EventFilter(), 1.0);
        Assert.Equal(6, cells.Sum(c => c.Count));
        var karabakh = cells.Single(c => c.MinLon == 46 && c.MinLat == 39);
        Assert.Equal(3, karabakh.Count);
        // The R*Tree keeps extents as 32-bit floats: the centre is close, not exact.
        Assert.Equal((46.80 + 46.7519 + 46.5) / 3, karabakh.Lon, 4);

        var battles = store.EventGrid(new EventFilter(Type: "acled:Battles"), 1.0);
        Assert.Equal(2, battles.Sum(c => c.Count));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void A_cursor_not_made_by_the_store_is_refused(Backend backend)
    {
        Open(backend);
        Assert.Throws<InvalidCursorException>(() => store.QueryEvents(new EventFilter(), 10, "not-a-cursor"));
        Assert.Throws<InvalidCursorException>(() => store.QueryEvents(new EventFilter(), 10, "MTIzOk5PVCBBTiBJRA"));
    }

    [Theory, MemberData(nameof(Backends.All), MemberType = typeof(Backends))]
    public void Events_are_counted_per_day_week_and_month_of_their_first_day(Backend backend)
    {
        Open(backend);
        static List<(string, int)> Counts(IReadOnlyList<EventCount> counts) =>
            [.. counts.Select(c => (c.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), c.Count))];

        Assert.Equal(
            [("2020-09-01", 1), ("2020-10-01", 1), ("2020-11-01", 2), ("2021-05-01", 1), ("2022-10-01", 1)],
            Counts(store.CountEventsBy(new EventFilter(), EventPeriod.Month)));
        // 27 September 2020 is a Sunday: its week starts on Monday the 21st. 9 November 2020 is a Monday.
        Assert.Equal(
            [("2020-09-21", 1), ("2020-10-05", 1), ("2020-11-09", 2), ("2021-04-26", 1), ("2022-10-31", 1)],
            Counts(store.CountEventsBy(new EventFilter(), EventPeriod.Week)));
        Assert.Equal(
            [("2020-09-27", 1), ("2020-10-10", 1), ("2020-11-09", 2), ("2021-05-01", 1), ("2022-10-31", 1)],
            Counts(store.CountEventsBy(new EventFilter(), EventPeriod.Day)));
        Assert.Equal([("2020-09-01", 1), ("2020-10-01", 1)], Counts(store.CountEventsBy(new EventFilter(Type: "acled:Battles"), EventPeriod.Month)));
    }
}
