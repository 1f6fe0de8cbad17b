using Pacta.Store.Sqlite;

namespace Pacta.Store;

/// <summary>The span of time events are counted by.</summary>
public enum EventPeriod { Day, Week, Month }

/// <summary>How many events start in the period that begins on <see cref="Start"/> (weeks begin on Monday).</summary>
public sealed record EventCount(DateOnly Start, int Count);

public sealed partial class SqliteStore
{
    // DateOnly.DayNumber 0 (0001-01-01, a Monday) is Julian day 1721425.5: SQLite's date functions take it from there.
    private const string JulianDayOfDayZero = "1721425.5";

    /// <summary>
    /// Events matching the filter counted per day, week or month of their first possible day, oldest first;
    /// periods without events are left out. Counted by the database: no event is read.
    /// </summary>
    public IReadOnlyList<EventCount> CountEventsBy(EventFilter filter, EventPeriod period)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var bucket = period switch
        {
            // "+ 0" keeps SQLite from walking the first_day index and fetching each filtered row out of order:
            // with a million events and a type filter, a table scan is ~6x faster (0.8 s against 5 s).
            EventPeriod.Day => "e.first_day + 0",
            EventPeriod.Week => "e.first_day - e.first_day % 7",
            EventPeriod.Month => $"CAST(julianday(date(e.first_day + {JulianDayOfDayZero}, 'start of month')) - {JulianDayOfDayZero} AS INTEGER)",
            _ => throw new ArgumentOutOfRangeException(nameof(period), period, "count by day, week or month"),
        };
        var parameters = new List<(string Name, object? Value)>();
        var where = Conditions(filter, parameters);
        var sql = $"SELECT {bucket} AS start, COUNT(*) FROM event_index e {Where(where)} GROUP BY start ORDER BY start";
        return Locked(() =>
        {
            RequireDerivedIndexes();
            return db.Query(sql, r => new EventCount(DateOnly.FromDayNumber(r.GetInt32(0)), r.GetInt32(1)), [.. parameters]);
        });
    }
}
