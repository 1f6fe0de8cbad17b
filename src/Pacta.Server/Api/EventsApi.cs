using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using Pacta.Model;
using Pacta.Store;

namespace Pacta.Server.Api;

/// <summary><c>/api/v1/events</c>: events a page at a time, filtered in the store (it may hold millions), and counts over time.</summary>
public static class EventsApi
{
    private static readonly string[] Orders = ["oldest", "newest"];

    public static RouteGroupBuilder MapEventsApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var events = api.MapGroup("/events").WithTags("Events");
        events.MapGet("/", List)
            .WithName("ListEvents")
            .WithSummary("Events (meetings included) by date, box, type and actor, a page at a time; pass nextCursor back as cursor for the next page.");
        events.MapGet("/aggregate", Aggregate)
            .WithName("AggregateEvents")
            .WithSummary("How many events start in each day, week (from Monday) or month, with the same filters as the list.");
        events.MapGet("/{id}", Get)
            .WithName("GetEvent").WithSummary("One event.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static Results<Ok<Page<Event>>, ValidationProblem> List(
        IStore store,
        [Description("events that may have run on or after this date (YYYY-MM-DD)")] string? from,
        [Description("events that may have started on or before this date (YYYY-MM-DD)")] string? to,
        [Description("west,south,east,north in degrees: events with a point in the box, or whose place meets it")] string? bbox,
        [Description("an event type and its sub-types, e.g. acled:Battles")] string? type,
        [Description("an actor id: events this actor took part in")] string? actor,
        [Description("page size, 1 to 1000 (default 100)")] string? limit,
        [Description("nextCursor of the previous page")] string? cursor,
        [Description("oldest (default) or newest first")] string? order) =>
        Paged(store, from, to, bbox, type, actor, limit, cursor, order, meetings: null);

    internal static Results<Ok<Page<Event>>, ValidationProblem> Paged(
        IStore store, string? from, string? to, string? bbox, string? type, string? actor, string? limit, string? cursor, string? order, bool? meetings)
    {
        var parameters = new Parameters();
        var filter = Filter(parameters, from, to, bbox, type, actor) with { Meetings = meetings };
        var size = parameters.Limit(nameof(limit), limit, 100, Stores.MaxPageSize);
        var newestFirst = parameters.OneOf(nameof(order), order, Orders) == "newest";
        if (cursor is not null) parameters.Text(nameof(cursor), cursor, 400);
        if (!parameters.Valid) return parameters.Problem();
        try
        {
            var page = store.QueryEvents(filter, size, cursor, newestFirst);
            return TypedResults.Ok(new Page<Event>(page.Events, page.NextCursor));
        }
        catch (InvalidCursorException e)
        {
            parameters.Add(nameof(cursor), e.Message);
            return parameters.Problem();
        }
    }

    private static Results<Ok<EventCounts>, ValidationProblem> Aggregate(
        IStore store,
        [Description("day, week or month (default)")] string? by,
        [Description("events that may have run on or after this date (YYYY-MM-DD)")] string? from,
        [Description("events that may have started on or before this date (YYYY-MM-DD)")] string? to,
        [Description("west,south,east,north in degrees")] string? bbox,
        [Description("an event type and its sub-types, e.g. acled:Battles")] string? type,
        [Description("an actor id")] string? actor)
    {
        var parameters = new Parameters();
        var period = parameters.Term<EventPeriod>(nameof(by), by) ?? EventPeriod.Month;
        var filter = Filter(parameters, from, to, bbox, type, actor);
        if (!parameters.Valid) return parameters.Problem();
        return TypedResults.Ok(new EventCounts(period, store.CountEventsBy(filter, period)));
    }

    private static Results<Ok<Event>, ValidationProblem, ProblemHttpResult> Get(HttpContext http, IStore store, [Description("the event's id")] string id)
    {
        var parameters = new Parameters();
        var recordId = parameters.Id(nameof(id), id);
        if (recordId is null) return parameters.Problem();
        if (store.FindVersioned(recordId) is not { Record: Event } found) return Problems.NotFound("event", id);
        ETags.Set(http, found);
        return TypedResults.Ok((Event)found.Record);
    }

    private static EventFilter Filter(Parameters parameters, string? from, string? to, string? bbox, string? type, string? actor) =>
        parameters.EventFilter(from, to, bbox, type, actor);
}

/// <summary>Event counts per period, oldest first; periods with no event are left out.</summary>
public sealed record EventCounts(EventPeriod By, IReadOnlyList<EventCount> Counts);
