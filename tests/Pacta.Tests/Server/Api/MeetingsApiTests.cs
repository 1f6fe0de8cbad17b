using Pacta.Model;

namespace Pacta.Tests.Server.Api;

public sealed class MeetingsApiTests(ApiHost host) : IClassFixture<ApiHost>
{
    [Fact]
    public async Task Meetings_pages_through_the_events_that_are_meetings()
    {
        var expected = host.Records<Event>().Where(e => e.Meeting is not null)
            .OrderBy(e => e.Start.First).ThenBy(e => e.Id.Value, StringComparer.Ordinal).Select(e => e.Id.Value).ToList();
        Assert.NotEmpty(expected);

        var first = await host.Get("/api/v1/meetings?limit=5");
        var second = await host.Get($"/api/v1/meetings?limit=1000&cursor={Uri.EscapeDataString((string)first["nextCursor"]!)}");
        Assert.Null(second["nextCursor"]);
        Assert.Equal(expected, Ids.Of(first["items"]).Concat(Ids.Of(second["items"])));
        Assert.All(first["items"]!.AsArray(), m => Assert.NotNull(m!["meeting"]!["format"]));
    }

    [Fact]
    public async Task Meetings_filter_by_date()
    {
        var meetings = (await host.Get("/api/v1/meetings?from=2023-01-01&to=2023-12-31"))["items"]!.AsArray();
        var expected = host.Records<Event>().Count(e => e.Meeting is not null && e.Start.First.Year <= 2023 && e.LastDay.Year >= 2023);
        Assert.Equal(expected, meetings.Count);
    }

    [Theory]
    [InlineData("/api/v1/meetings?limit=1001", "limit")]
    [InlineData("/api/v1/meetings?from=2023", "from")]
    [InlineData("/api/v1/meetings?cursor=%25%25", "cursor")]
    [InlineData("/api/v1/meetings?bbox=0,0,0", "bbox")]
    public async Task Meetings_rejects_bad_parameters(string url, string parameter) => await host.BadParameter(url, parameter);
}
