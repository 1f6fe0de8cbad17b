namespace Pacta.Store;

/// <summary>Counts per first day gathered into days, weeks (from Monday) or months: the last step of every backend's <c>CountEventsBy</c>.</summary>
internal static class EventPeriods
{
    public static List<EventCount> Group(IEnumerable<(DateOnly Day, int Count)> days, EventPeriod period) =>
        days
            .GroupBy(d => period switch
            {
                EventPeriod.Day => d.Day,
                EventPeriod.Week => DateOnly.FromDayNumber(d.Day.DayNumber - d.Day.DayNumber % 7),
                _ => new DateOnly(d.Day.Year, d.Day.Month, 1),
            })
            .Select(g => new EventCount(g.Key, g.Sum(d => d.Count)))
            .OrderBy(c => c.Start)
            .ToList();
}
