using Pacta.Store.Sqlite;

namespace Pacta.Store;

/// <summary>The span of time events are counted by.</summary>
public enum EventPeriod { Day, Week, Month }

/// <summary>How many events start in the period that begins on <see cref="Start"/> (weeks begin on Monday).</summary>
public sealed record EventCount(DateOnly Start, int Count);

public sealed partial class SqliteStore
{
    /// <summary>
    /// Events matching the filter counted per day, week or month of their first possible day, oldest first;
    /// periods without events are left out. Counted by the database: no event is read.
    /// </summary>
    public IReadOnlyList<EventCount> CountEventsBy(EventFilter filter, EventPeriod period)
    {
        ArgumentNullException.ThrowIfNull(filter);
        if (!Enum.IsDefined(period)) throw new ArgumentOutOfRangeException(nameof(period), period, "count by day, week or month");
        var parameters = new List<(string Name, object? Value)>();
        var where = Conditions(filter, parameters);
        // Counted per day by the database (integers, no date function per row: a million events in a fraction of a
        // second), then per week or month here. "+ 0" keeps SQLite from walking the first_day index and fetching each
        // filtered row out of order: with a million events and a type filter, a table scan is several times faster.
        // Over more than a year the counts read most rows anyway: one pass over the table beats fetching them in
        // date order through the index (4.5 s against 0.5 s for a million events over eight years).
        var wide = filter.From is not { } from || filter.To is not { } to || to.DayNumber - from.DayNumber > 366;
        var sql = $"SELECT e.first_day + 0 AS day, COUNT(*) FROM event_index e {(wide ? "NOT INDEXED" : "")} {Where(where)} GROUP BY day ORDER BY day";
        var days = Reading(db =>
        {
            RequireDerivedIndexes();
            return db.Query(sql, r => (Day: DateOnly.FromDayNumber(r.GetInt32(0)), Count: r.GetInt32(1)), [.. parameters]);
        });
        return days
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
}
