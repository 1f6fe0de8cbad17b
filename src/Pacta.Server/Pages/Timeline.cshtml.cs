using Microsoft.AspNetCore.Mvc.RazorPages;
using Pacta.Model;
using Pacta.Store;

namespace Pacta.Server.Pages;

/// <summary>One year's documents, meetings and events in date order, with the years around it.</summary>
public sealed class TimelineModel(IStore store, TimeProvider clock) : PageModel
{
    /// <summary>More events than this in a year are counted, not listed: a page must stay readable and fast.</summary>
    public const int MaxEvents = 500;

    public int Year { get; private set; }
    public IReadOnlyList<int> Years { get; private set; } = [];
    public IReadOnlyList<Entry> Entries { get; private set; } = [];
    public int EventCount { get; private set; }

    public void OnGet(int? year)
    {
        var documents = store.All<Document>().Where(d => d.Dates.Earliest is not null).ToList();
        var oldest = store.QueryEvents(new EventFilter(), 1).Events.FirstOrDefault()?.Start.First.Year;
        var newest = store.QueryEvents(new EventFilter(), 1, newestFirst: true).Events.FirstOrDefault()?.Start.First.Year;
        var years = documents.Select(d => d.Dates.Earliest!.First.Year).ToHashSet();
        if (oldest is { } from && newest is { } to)
        {
            for (var y = from; y <= to; y++) years.Add(y);
        }
        Years = years.Order().ToList();
        Year = year is { } asked && asked is >= 1 and <= 9999 ? asked : Years.Count > 0 ? Years[^1] : clock.GetUtcNow().Year;

        var filter = new EventFilter(new DateOnly(Year, 1, 1), new DateOnly(Year, 12, 31));
        EventCount = store.CountEvents(filter with { Meetings = false });
        var entries = documents.Where(d => d.Dates.Earliest!.First.Year == Year)
            .Select(d => new Entry(d.Dates.Earliest!, "document", d.DisplayTitle, $"/documents/{d.Id}", Kind(d)))
            .Concat(store.QueryEvents(filter with { Meetings = true }, Stores.MaxPageSize).Events
                .Select(e => new Entry(e.Start, "meeting", e.Title, $"/events/{e.Id}", e.Meeting is { } m ? Term(m.Format) : "")))
            .Concat(store.QueryEvents(filter with { Meetings = false }, MaxEvents).Events
                .Select(e => new Entry(e.Start, "event", e.Title, $"/events/{e.Id}", e.Type.ToString())));
        Entries = entries.OrderBy(e => e.Date).ThenBy(e => e.Title, StringComparer.Ordinal).ToList();
    }

    private static string Kind(Document d) => $"{Term(d.Kind)}, {Term(d.Status)}";

    private static string Term<T>(T value) where T : struct, Enum => Shared.RecordNames.Term(value);

    public sealed record Entry(PartialDate Date, string Kind, string Title, string Href, string Detail);
}
