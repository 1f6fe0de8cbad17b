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
        var days = Reading(db =>
        {
            RequireDerivedIndexes();
            var parameters = new List<(string Name, object? Value)>();
            string sql;
            if (filter with { From = null, To = null } == new EventFilter())
            {
                // Dates only: counted per day from the (first_day, id) index alone, each part of the date filter grouped
                // as it reads in day order (no row read but those of events begun before the start that run into it).
                // 1,000,000 events over eight years: 0.13 s, against 3 to 5 s for a pass over the table.
                var parts = Matching(filter, parameters, [], "GROUP BY e.first_day", select: "e.first_day AS day, COUNT(*) AS n");
                sql = $"SELECT day, SUM(n) FROM ({parts}) GROUP BY day ORDER BY day";
            }
            else
            {
                // Other filters need each event's row. Counted per day by the database (integers, no date function per
                // row), then per week or month here. "+ 0" keeps SQLite from walking the first_day index and fetching each
                // filtered row out of order: with a million events and a type filter, a table scan is several times
                // faster. Over more than a year the counts read most rows anyway: one pass over the table beats fetching
                // them in date order through the index (4.5 s against 0.5 s for a million events over eight years).
                var actorRows = IsRare(db, filter.Actor) ? ActorRows.Leading : ActorRows.List;
                var where = Conditions(filter, parameters, actorRows);
                var wide = filter.From is not { } from || filter.To is not { } to || to.DayNumber - from.DayNumber > 366;
                sql = $"SELECT e.first_day + 0 AS day, COUNT(*) FROM event_index e {(wide && actorRows != ActorRows.Leading ? "NOT INDEXED" : "")} {Where(where)} GROUP BY day ORDER BY day";
            }
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
