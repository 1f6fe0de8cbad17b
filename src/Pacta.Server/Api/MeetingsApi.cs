using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Pacta.Model;
using Pacta.Store;

namespace Pacta.Server.Api;

/// <summary><c>/api/v1/meetings</c>: the events that are meetings, with the events' filters and paging.</summary>
public static class MeetingsApi
{
    public static RouteGroupBuilder MapMeetingsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/meetings", List)
            .WithTags("Meetings").WithName("ListMeetings")
            .WithSummary("Meetings (events with a format, host, mediators, participants and outcomes), a page at a time.");
        return api;
    }

    private static Results<Ok<Page<Event>>, ValidationProblem> List(
        IStore store,
        [Description("meetings that may have run on or after this date (YYYY-MM-DD)")] string? from,
        [Description("meetings that may have started on or before this date (YYYY-MM-DD)")] string? to,
        [Description("west,south,east,north in degrees")] string? bbox,
        [Description("an event type and its sub-types")] string? type,
        [Description("an actor id: meetings this actor took part in")] string? actor,
        [Description("page size, 1 to 1000 (default 100)")] string? limit,
        [Description("nextCursor of the previous page")] string? cursor,
        [Description("oldest (default) or newest first")] string? order) =>
        EventsApi.Paged(store, from, to, bbox, type, actor, limit, cursor, order, meetings: true);
}
