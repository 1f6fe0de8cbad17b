using System.Globalization;

namespace Pacta.Model;

/// <summary>How exactly a <see cref="PartialDate"/> is known (ACLED's time precision, UCDP's date_prec).</summary>
public enum DatePrecision
{
    Day,
    Week,
    Month,
    Year,
}

/// <summary>
/// A calendar date known to a day, an ISO week, a month or a year, written in ISO 8601 form:
/// <c>2020-11-10</c>, <c>2020-W46</c>, <c>2020-11</c>, <c>2020</c>. It covers the days from
/// <see cref="First"/> to <see cref="Last"/>. This is when something happened, never when we recorded it.
/// </summary>
public sealed record PartialDate : IComparable<PartialDate>
{
    private PartialDate(DatePrecision precision, DateOnly first, DateOnly last)
    {
        Precision = precision;
        First = first;
        Last = last;
    }

    public DatePrecision Precision { get; }

    /// <summary>The first day the date may stand for.</summary>
    public DateOnly First { get; }

    /// <summary>The last day the date may stand for.</summary>
    public DateOnly Last { get; }

    public static PartialDate Day(DateOnly day) => new(DatePrecision.Day, day, day);

    public static PartialDate Day(int year, int month, int day) => Day(new DateOnly(year, month, day));

    public static PartialDate Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new(DatePrecision.Month, first, first.AddMonths(1).AddDays(-1));
    }

    public static PartialDate Year(int year) =>
        new(DatePrecision.Year, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));

    public static PartialDate Week(int year, int week)
    {
        if (week < 1 || week > ISOWeek.GetWeeksInYear(year))
            throw new ArgumentOutOfRangeException(nameof(week), $"{year} has no ISO week {week}");
        var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(year, week, DayOfWeek.Monday));
        return new(DatePrecision.Week, monday, monday.AddDays(6));
    }

    /// <summary>Reads an ISO 8601 date of any of the four precisions.</summary>
    /// <exception cref="FormatException">The text is not such a date, or names a day that does not exist.</exception>
    public static PartialDate Parse(string text) =>
        TryParse(text, out var date, out var error) ? date : throw new FormatException(error);

    public static bool TryParse(string? text, out PartialDate date) => TryParse(text, out date, out _);

    public static bool TryParse(string? text, out PartialDate date, out string error)
    {
        date = null!;
        error = $"'{text}' is not a date: write YYYY-MM-DD, YYYY-Www, YYYY-MM or YYYY";
        if (string.IsNullOrEmpty(text)) return false;
        var s = text.Trim();
        if (s.Length < 4 || !Digits(s, 0, 4)) return false;
        var year = Number(s, 0, 4);
        if (year < 1) return false;
        switch (s.Length)
        {
            case 4:
                date = Year(year);
                return true;
            case 7 when s[4] == '-' && Digits(s, 5, 2):
            {
                var month = Number(s, 5, 2);
                if (month is < 1 or > 12) { error = $"'{s}' names month {month}, which does not exist"; return false; }
                date = Month(year, month);
                return true;
            }
            case 8 when s[4] == '-' && s[5] == 'W' && Digits(s, 6, 2):
            {
                var week = Number(s, 6, 2);
                if (week < 1 || week > ISOWeek.GetWeeksInYear(year)) { error = $"'{s}': {year} has no ISO week {week}"; return false; }
                date = Week(year, week);
                return true;
            }
            case 10 when s[4] == '-' && s[7] == '-' && Digits(s, 5, 2) && Digits(s, 8, 2):
            {
                var month = Number(s, 5, 2);
                var day = Number(s, 8, 2);
                if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
                {
                    error = $"'{s}' is not a day of the calendar";
                    return false;
                }
                date = Day(year, month, day);
                return true;
            }
            default:
                return false;
        }
    }

    /// <summary>Whether this date could fall no later than <paramref name="other"/>: used for "end is not before start".</summary>
    public bool MayPrecedeOrEqual(PartialDate other) => First <= other.Last;

    public int CompareTo(PartialDate? other)
    {
        if (other is null) return 1;
        var byFirst = First.CompareTo(other.First);
        return byFirst != 0 ? byFirst : Last.CompareTo(other.Last);
    }

    public override string ToString() => Precision switch
    {
        DatePrecision.Day => First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DatePrecision.Week => string.Create(CultureInfo.InvariantCulture,
            $"{ISOWeek.GetYear(First.ToDateTime(TimeOnly.MinValue)):D4}-W{ISOWeek.GetWeekOfYear(First.ToDateTime(TimeOnly.MinValue)):D2}"),
        DatePrecision.Month => First.ToString("yyyy-MM", CultureInfo.InvariantCulture),
        DatePrecision.Year => First.ToString("yyyy", CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Unknown precision {Precision}"),
    };

    private static bool Digits(string s, int start, int count)
    {
        for (var i = start; i < start + count; i++)
        {
            if (s[i] is < '0' or > '9') return false;
        }
        return true;
    }

    private static int Number(string s, int start, int count) =>
        int.Parse(s.AsSpan(start, count), NumberStyles.None, CultureInfo.InvariantCulture);
}
