using System.Net;
using System.Text.Json.Nodes;
using NetTopologySuite.Geometries;
using Pacta.Model;

namespace Pacta.Tests.Server.Api;

public sealed class EventsApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    private List<Event> Events => host.Records<Event>().ToList();

    private static List<string> Sorted(IEnumerable<Event> events) =>
        events.OrderBy(e => e.Start.First).ThenBy(e => e.Id.Value, StringComparer.Ordinal).Select(e => e.Id.Value).ToList();

    /// <summary>Every event a query gives, following nextCursor to the last page.</summary>
    private async Task<List<string>> Walk(string url, int limit)
    {
        var ids = new List<string>();
        string? cursor = null;
        var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        do
        {
            var page = await host.Get($"{url}{separator}limit={limit}" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}"));
            var items = page["items"]!.AsArray();
            Assert.InRange(items.Count, 0, limit);
            ids.AddRange(Ids.Of(items));
            cursor = (string?)page["nextCursor"];
            if (cursor is not null) Assert.Equal(limit, items.Count);
        }
        while (cursor is not null);
        return ids;
    }

    [Fact]
    public async Task Events_gives_a_first_page_of_a_hundred_at_most_oldest_first()
    {
        var page = await host.Get("/api/v1/events");
        Assert.Equal(Sorted(Events).Take(100), Ids.Of(page["items"]));
        Assert.Null(page["nextCursor"]);
    }

    [Fact]
    public async Task Walking_the_cursor_visits_every_event_once_in_order()
    {
        var ids = await Walk("/api/v1/events", 7);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Sorted(Events), ids);

        var newest = await Walk("/api/v1/events?order=newest", 5);
        Assert.Equal(Enumerable.Reverse(Sorted(Events)), newest);
    }

    [Fact]
    public async Task Dates_select_the_events_whose_span_overlaps_them()
    {
        var (from, to) = (new DateOnly(2020, 9, 27), new DateOnly(2020, 11, 10));
        var ids = await Walk("/api/v1/events?from=2020-09-27&to=2020-11-10", 1000);
        var expected = Sorted(Events.Where(e => e.Start.First <= to && e.LastDay >= from));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, ids);
    }

    [Fact]
    public async Task A_box_selects_events_by_their_point_or_else_their_place()
    {
        var box = new Envelope(46.0, 47.5, 39.4, 40.3);
        var places = host.Records<Place>().ToDictionary(p => p.Id);
        bool Inside(Event e) => e.Place switch
        {
            { Point: { } p } => box.Contains(p.Longitude, p.Latitude),
            { Ref: { } r } => places[r].Geometry is { } g && g.EnvelopeInternal.Intersects(box),
            _ => false,
        };
        var expected = Sorted(Events.Where(Inside));
        Assert.NotEmpty(expected);
        Assert.Contains(Events.Where(Inside), e => e.Place!.Point is null);
        Assert.Equal(expected, await Walk("/api/v1/events?bbox=46,39.4,47.5,40.3", 1000));
    }

    [Fact]
    public async Task A_type_selects_itself_and_its_subtypes()
    {
        var expected = Sorted(Events.Where(e => e.Type.ToString() == "acled:Battles" || e.Type.ToString().StartsWith("acled:Battles/", StringComparison.Ordinal)));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await Walk("/api/v1/events?type=acled:Battles", 1000));
    }

    [Fact]
    public async Task An_actor_selects_the_events_it_took_part_in()
    {
        var expected = Sorted(Events.Where(e => e.Actors.Any(a => a.Actor.Value == "azerbaijan")));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, await Walk("/api/v1/events?actor=azerbaijan", 1000));
    }

    [Theory]
    [InlineData("/api/v1/events?from=2020-13-01", "from")]
    [InlineData("/api/v1/events?to=yesterday", "to")]
    [InlineData("/api/v1/events?bbox=46,39,47", "bbox")]
    [InlineData("/api/v1/events?bbox=46,39,47,40,1", "bbox")]
    [InlineData("/api/v1/events?bbox=-200,0,10,10", "bbox")]
    [InlineData("/api/v1/events?bbox=10,95,20,96", "bbox")]
    [InlineData("/api/v1/events?bbox=47,39,46,40", "bbox")]
    [InlineData("/api/v1/events?bbox=a,b,c,d", "bbox")]
    [InlineData("/api/v1/events?limit=0", "limit")]
    [InlineData("/api/v1/events?limit=5000", "limit")]
    [InlineData("/api/v1/events?limit=ten", "limit")]
    [InlineData("/api/v1/events?cursor=not-a-cursor", "cursor")]
    [InlineData("/api/v1/events?actor=Azerbaijan", "actor")]
    [InlineData("/api/v1/events?order=sideways", "order")]
    [InlineData("/api/v1/events?type=", "type")]
    [InlineData("/api/v1/events?type=acled:Battle", "type")]
    [InlineData("/api/v1/events?type=gdelt:190", "type")]
    [InlineData("/api/v1/events?from=2021-01-02&to=2021-01-01", "to")]
    [InlineData("/api/v1/meetings?type=plover:MEET", "type")]
    [InlineData("/api/v1/events/NOPE", "id")]
    [InlineData("/api/v1/events/aggregate?by=year", "by")]
    [InlineData("/api/v1/events/aggregate?by=day&from=2020", "from")]
    [InlineData("/api/v1/events/aggregate?bbox=1,2,3", "bbox")]
    public async Task Events_rejects_bad_parameters(string url, string parameter) => await host.BadParameter(url, parameter);

    [Fact]
    public async Task Bad_parameters_are_all_named_in_one_problem()
    {
        var problem = await host.Problem("/api/v1/events?limit=0&bbox=1,2,3&from=x", HttpStatusCode.BadRequest);
        Assert.Equal(["bbox", "from", "limit"], problem["errors"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_event_is_served_by_id_and_a_missing_one_is_a_404_problem()
    {
        var first = Events.OrderBy(e => e.Id.Value, StringComparer.Ordinal).First();
        var found = await host.Get($"/api/v1/events/{first.Id}");
        Assert.Equal(first.Title, (string?)found["title"]);
        await host.Problem("/api/v1/events/no-such-event", HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("day")]
    [InlineData("week")]
    [InlineData("month")]
    public async Task The_aggregate_counts_every_event_once_per_period(string by)
    {
        var result = await host.Get($"/api/v1/events/aggregate?by={by}");
        Assert.Equal(by, (string?)result["by"]);
        var counts = result["counts"]!.AsArray();
        Assert.Equal(Events.Count, counts.Sum(c => (int)c!["count"]!));
        var starts = counts.Select(c => DateOnly.Parse((string)c!["start"]!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(starts.Order(), starts);
        if (by == "week") Assert.All(starts, s => Assert.Equal(DayOfWeek.Monday, s.DayOfWeek));
        if (by == "month") Assert.All(starts, s => Assert.Equal(1, s.Day));
    }

    [Fact]
    public async Task The_aggregate_takes_the_list_filters()
    {
        var result = await host.Get("/api/v1/events/aggregate?by=month&type=acled:Battles&from=2020-01-01");
        var expected = Events.Where(e => e.Type.ToString().StartsWith("acled:Battles", StringComparison.Ordinal) && e.LastDay >= new DateOnly(2020, 1, 1))
            .GroupBy(e => new DateOnly(e.Start.First.Year, e.Start.First.Month, 1))
            .OrderBy(g => g.Key)
            .Select(g => (JsonNode)new JsonObject { ["start"] = g.Key.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["count"] = g.Count() });
        Assert.True(JsonNode.DeepEquals(new JsonArray(expected.ToArray()), result["counts"]), result.ToJsonString());
    }
}
